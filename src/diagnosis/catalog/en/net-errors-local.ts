// English explanations for the Chromium net errors that end before the request reaches a server
// (`browser` stage), while the site's name is being looked up (`dns` stage), or while the
// request is being written to the connection (`send` stage). `ABORTED` is here too: it is not a
// failure, and is shown only when the person asks to see cancelled requests.
import type { Explanation } from '../../types';

export const localErrors: Readonly<Record<string, Explanation>> = {
  // --- Browser stage: the request never left the browser ---
  FAILED: {
    title: 'The browser stopped the request without naming a reason',
    side: 'browser',
    what: 'The request ended inside the browser with a catch-all failure that names no specific cause. In practice this often means a cross-origin (CORS) check rejected a script\'s request, a service worker (a script the site installs to handle its own requests) failed to answer, or an extension interfered.',
    visitor: [
      'Reload the page; if it works in a private window or with extensions turned off, one of your extensions is the cause.',
      'If the page stays broken, there is little you can do yourself; tell the site which page it was and what you clicked.',
    ],
    owner: [
      'Look at the DevTools Console next to the Network panel: a CORS message there (missing or wrong Access-Control-Allow-Origin, a failed preflight) is the most common cause of this error on fetch and XHR calls.',
      'Check the service worker in DevTools > Application: a fetch handler that throws, or calls respondWith() with a rejected promise, ends requests this way.',
      'Reproduce with extensions disabled, then record a chrome://net-export log to see the detailed reason.',
    ],
    source: 'Chromium',
  },
  ABORTED: {
    title: 'The request was cancelled before it finished',
    side: 'browser',
    what: 'The request was called off on this side before an answer arrived: the person stopped loading or went to another page, or the page\'s own script cancelled it (for example a search box dropping an outdated lookup). It is not a failure of the site, which is why cancelled requests are listed only when you ask to see them.',
    visitor: [
      'Nothing needs fixing; if the page looks incomplete, reload it and let it finish loading.',
      'If the same content is missing every time, check whether a blocker or privacy extension is cancelling it.',
    ],
    owner: [
      'Usually expected: AbortController calls, superseded fetches, navigations and closed tabs all end this way.',
      'If many requests are cancelled on one page, look for code that aborts too eagerly (short client-side timeouts, re-renders that cancel requests still in flight) or for loads dropped by a quick redirect of the page.',
      'For a request that must survive the page being left, such as analytics, use navigator.sendBeacon() or fetch() with keepalive: true.',
    ],
    source: 'Chromium',
  },
  UNEXPECTED: {
    title: 'The browser hit an internal error',
    side: 'browser',
    what: 'Something inside the browser\'s networking code went wrong in a way it did not expect, and the request was dropped while it was being prepared. This points to a browser bug or a damaged browser profile rather than to the site.',
    visitor: [
      'Reload the page; if it happens again, restart the browser and try again.',
      'Make sure the browser is up to date; if the problem stays, try a new browser profile.',
      'If it keeps happening, report it to the browser maker (Help > Report an issue) rather than to the site.',
    ],
    owner: [
      'Check whether it reproduces in another Chromium version or a clean profile; if it does not, the cause is not in your site.',
      'If it is consistent, record a chrome://net-export log while reproducing it and attach it to a browser bug report.',
    ],
    source: 'Chromium',
  },
  ACCESS_DENIED: {
    title: 'The browser was not allowed to read a local resource',
    side: 'browser',
    what: 'The browser was refused permission to use something other than the network, typically a file on this computer (a file:// address) or an operating-system resource. The request never reached any web server.',
    visitor: [
      'If you opened a file from your computer, check that it still exists and that your user account is allowed to read it.',
      'Security software on the computer can cause this; try again with it paused, or ask whoever manages the computer.',
    ],
    owner: [
      'If a page opened from disk loads other files, serve it from a local web server (for example "npx serve" or "python3 -m http.server") instead of using file:// addresses.',
      'For an extension that reads file:// addresses, the user has to switch on "Allow access to file URLs" on the extension\'s details page.',
      'Check the file permissions and any sandboxing (AppArmor, macOS privacy settings) that applies to the files involved.',
    ],
    source: 'Chromium',
  },
  INSUFFICIENT_RESOURCES: {
    title: 'The browser ran short of resources for this request',
    side: 'browser',
    what: 'The browser could not start the request because one of its internal limits was reached, most often because the page had far too many requests open at once, or because the computer was short of memory. The request never went out.',
    visitor: [
      'Close other tabs and reload the page.',
      'If the same page does this every time, it is probably making too many requests at once; tell the site.',
    ],
    owner: [
      'Look in the Network panel for a burst of hundreds of parallel requests (a loop calling fetch, polling that does not wait for the last answer, a grid loading every image at once) and cap concurrency with a queue.',
      'Keep keepalive fetches and sendBeacon payloads small and few; the browser limits how many of them may be pending.',
      'Check long-running pages for memory leaks with the DevTools Memory panel.',
    ],
    source: 'Chromium',
  },
  OUT_OF_MEMORY: {
    title: 'The browser had no memory left to handle the request',
    side: 'browser',
    what: 'The browser tried to set aside memory for this request or its data and the attempt failed, because the tab or the whole computer was close to its memory limit. The request was dropped before it left your computer.',
    visitor: [
      'Close tabs and programs you do not need, then reload.',
      'Restart the browser if it continues; if it happens on one page only, that page may use too much memory and the site should know.',
    ],
    owner: [
      'Check the tab\'s memory use in the browser\'s Task Manager (Shift+Esc) and look for leaks with the DevTools Memory panel.',
      'Avoid holding very large responses in memory at once: stream big downloads, paginate large JSON, and revoke object URLs and drop blobs you no longer need.',
    ],
    source: 'Chromium',
  },
  BLOCKED_BY_CLIENT: {
    title: 'An extension in your browser blocked the request',
    side: 'browser',
    what: 'A browser extension, usually an ad, tracker or privacy blocker, stopped the request before it left your computer. The site was never contacted, so nothing is wrong with it or with your connection.',
    visitor: [
      'If the page works the way you want, you can ignore this; blockers stop many requests on purpose.',
      'If something you need is missing (a video, a payment form, a login button), allow the site in your blocker or pause it, then reload.',
    ],
    owner: [
      'Check whether the URL matches common filter lists: paths or file names containing words like ad, ads, banner, track or analytics, or well-known third-party hosts.',
      'Make the page work without blocked third-party scripts: guard calls to analytics objects and do not make core features depend on them.',
      'Test the page with popular blockers installed (uBlock Origin, Adblock Plus, Brave Shields).',
    ],
    source: 'Chromium',
  },
  BLOCKED_BY_ADMINISTRATOR: {
    title: 'A policy set by your administrator blocked this address',
    side: 'browser',
    what: 'The browser refused to load this address because a rule set by whoever manages the browser or device (an employer, a school or parental controls) forbids it. The request never left your computer.',
    visitor: [
      'If you think you should have access, ask your IT department or the person who manages the device.',
      'You can see which rules apply by opening chrome://policy (or edge://policy) in the address bar.',
    ],
    owner: [
      'Nothing on the site causes this; if users from one organisation report it, their URLBlocklist or URLAllowlist policy covers your domain.',
      'Give those users another way to reach you, and ask their administrators to allow every host the site needs, including the domains of your assets and APIs.',
    ],
    source: 'Chromium',
  },
  CONTEXT_SHUT_DOWN: {
    title: 'The browser session closed while the request was pending',
    side: 'browser',
    what: 'The part of the browser handling the request was shutting down, for example because the browser or a profile was closing, a private window was closed, or an extension or background worker was stopped. The request was dropped along with it.',
    visitor: [
      'Nothing to fix; open the page again if you still need it.',
      'If it happens while you are using the browser normally, restart the browser and install its updates.',
    ],
    owner: [
      'This is expected when the browser or a profile shuts down, or when an extension service worker or shared worker is stopped; leave it out of error statistics.',
      'Work that must finish when a page or worker goes away should be sent with navigator.sendBeacon() or fetch() keepalive, or be retried on the next start.',
    ],
    source: 'Chromium',
  },
  BLOCKED_BY_RESPONSE: {
    title: 'The browser discarded the answer because of its security headers',
    side: 'site',
    what: 'An answer came, but its headers said it must not be used in this context, so the browser threw it away before the page could use it. Typical cases: a page that forbids being shown inside a frame, or a file whose cross-origin rules (CORP or COEP headers) do not let this page embed it.',
    visitor: [
      'There is nothing to fix on your side; the content is protected from being embedded here.',
      'Try opening the missing item directly in its own tab, or tell the site which page shows the blank area.',
    ],
    owner: [
      'If a frame stays blank, check the framed page\'s X-Frame-Options header and its CSP frame-ancestors directive; they must allow the embedding origin.',
      'For images, scripts and other embedded files, check the Cross-Origin-Resource-Policy header (same-site or cross-origin as needed).',
      'If the embedding page sends Cross-Origin-Embedder-Policy: require-corp, every cross-origin file needs CORP or CORS; consider COEP credentialless.',
      'The DevTools Issues panel names the exact header that caused the block.',
    ],
    source: 'Chromium',
  },
  CLEARTEXT_NOT_PERMITTED: {
    title: 'Unencrypted connections are not allowed here',
    side: 'browser',
    what: 'A policy of the app or device forbids plain, unencrypted http:// requests, so the browser refused to send this one. This mostly happens inside Android apps and WebViews whose network security settings allow only https.',
    visitor: [
      'Try the https:// version of the address.',
      'If it happens inside an app, tell the app maker; you cannot change this setting yourself.',
    ],
    owner: [
      'Serve the resource over HTTPS and change links, API base URLs and embedded file URLs to https://.',
      'If an Android app truly needs plain HTTP for one host (for example a local test server), allow only that host with a domain-config in network_security_config.xml instead of turning on usesCleartextTraffic for everything.',
    ],
    source: 'Chromium',
  },
  BLOCKED_BY_CSP: {
    title: 'The site\'s Content Security Policy blocked this request',
    side: 'site',
    what: 'The page carries a Content Security Policy (a list, sent by the site, of the places the page may load things from), and this address is not on it, so the browser did not send the request. The site has in effect blocked its own content.',
    visitor: [
      'Nothing on your side causes this; tell the site which page looks broken.',
      'Extensions that add content to pages can trigger the same block; if only an extension\'s content is affected, it is harmless.',
    ],
    owner: [
      'Read the DevTools Console message: it names the directive (script-src, img-src, connect-src, frame-src, ...) and the blocked URL.',
      'Add the needed origin to that directive in the Content-Security-Policy header or meta tag, or host the file yourself.',
      'Roll out policy changes with Content-Security-Policy-Report-Only and a report-to endpoint first, to catch other loads that would be blocked.',
    ],
    source: 'Chromium',
  },
  H2_OR_QUIC_REQUIRED: {
    title: 'A streaming upload needs HTTP/2 or HTTP/3',
    side: 'site',
    what: 'The page tried to send a request body as a stream (data sent piece by piece while it is still being produced), which the browser allows only over HTTP/2 or HTTP/3. The connection to this server could only use the older HTTP/1.1, so the request was not sent.',
    visitor: [
      'There is nothing you can change; tell the site that the upload or live feature fails.',
      'Try another network, in case a proxy or security filter on yours forces the older HTTP/1.1.',
    ],
    owner: [
      'Enable HTTP/2 (and optionally HTTP/3) over HTTPS on the server and on every proxy or load balancer in front of it; check the Protocol column of the Network panel.',
      'Where HTTP/2 is not available, send a Blob or ArrayBuffer body instead of a ReadableStream, or split the data into separate chunked requests.',
      'Remember that fetch() with a stream body also needs duplex: "half".',
    ],
    source: 'Chromium',
  },
  BLOCKED_BY_ORB: {
    title: 'The browser withheld cross-site data from the page',
    side: 'site',
    what: 'The page asked another site for a file to use as an image, script, video or similar, but the answer looked like data such as HTML, JSON or XML. To keep other sites\' private data away from the page, the browser dropped it (Opaque Response Blocking).',
    visitor: [
      'Nothing to fix on your side; a picture or media item may be missing. Tell the site which one.',
    ],
    owner: [
      'Open the blocked URL directly: it often returns an HTML error or login page instead of the expected image or script.',
      'Send the correct Content-Type for the real content (image/png, text/javascript, video/mp4, ...) together with X-Content-Type-Options: nosniff.',
      'If the page needs to read cross-origin JSON or similar data, fetch it with CORS (Access-Control-Allow-Origin on the answer) instead of embedding it.',
    ],
    source: 'Chromium',
  },
  TEMPORARILY_THROTTLED: {
    title: 'The browser held back repeated requests to a failing address',
    side: 'browser',
    what: 'Requests to this address had been failing again and again, so the browser briefly stopped sending new ones rather than keep hammering the server. This request was not sent.',
    visitor: [
      'Wait a minute or two and try again.',
      'If an extension keeps triggering this, it may be misbehaving; turn it off.',
    ],
    owner: [
      'Find the code that retries this URL in a tight loop and add exponential backoff with random jitter.',
      'Fix the server errors (often 5xx answers) that started the retries; the throttling ends once requests succeed again.',
    ],
    source: 'Chromium',
  },
  WS_THROTTLE_QUEUE_TOO_LARGE: {
    title: 'Too many WebSocket connections were waiting to open',
    side: 'site',
    what: 'The page tried to open more live (WebSocket) connections than the browser will line up at once, so this one was refused before it started. This usually means a script reconnecting in a loop or opening a new connection for every event.',
    visitor: [
      'Reload the page, or close other tabs of the same site; if live updates still fail, tell the site.',
    ],
    owner: [
      'Count WebSocket connections in the Network panel (filter "WS"): share one connection per page instead of one per component or message.',
      'Reconnect with a growing delay (exponential backoff) and call close() on sockets you no longer need.',
      'Check that the server completes WebSocket handshakes quickly, since slow handshakes make pending connections pile up.',
    ],
    source: 'Chromium',
  },
  INVALID_URL: {
    title: 'The address is not a valid web address',
    side: 'site',
    what: 'The address for this request is malformed (for example it contains a forbidden character, a broken host name or a missing part), so the browser could not even work out where to send it.',
    visitor: [
      'If you typed or pasted the address, check it for typos, spaces or missing parts and try again.',
      'If you clicked a link, the link itself is broken; tell the site where you found it.',
    ],
    owner: [
      'Log the exact URL the page built: look for unencoded spaces, unescaped user input, "http:/" with one slash, or an empty or "undefined" host.',
      'Build URLs with the URL constructor and encodeURIComponent() instead of joining strings.',
      'Check redirect Location headers and links in templates for the same mistakes.',
    ],
    source: 'Chromium',
  },
  DISALLOWED_URL_SCHEME: {
    title: 'Web pages may not open this kind of address',
    side: 'site',
    what: 'The address uses a scheme (the part before the colon, such as chrome:, file: or javascript:) that this page or request is not allowed to use, so the browser refused it for safety. Nothing was sent.',
    visitor: [
      'If you really need that address, type or paste it into the address bar yourself; some addresses may only be opened from there.',
      'Otherwise tell the site that the link does not work.',
    ],
    owner: [
      'Do not link, redirect or frame to browser-internal or local schemes (chrome:, file:, view-source:, about: other than about:blank); web pages may not reach them.',
      'Check that redirects and fetch() calls use http: or https:, and that no redirect points to a javascript: or data: address.',
    ],
    source: 'Chromium',
  },
  UNKNOWN_URL_SCHEME: {
    title: 'No app is set up to open this kind of link',
    side: 'browser',
    what: 'The address starts with a scheme the browser does not handle itself and has no app registered for, such as a link meant to open a desktop or mobile app (zoommtg:, slack:, or an app\'s own scheme). The browser had nowhere to send it.',
    visitor: [
      'If the link is meant to open an app, install that app (or start it once) and click the link again.',
      'Check the address for a typo in the part before the colon, such as "htps:".',
    ],
    owner: [
      'For app links, offer an https:// fallback page that explains how to get the app when it is missing.',
      'In an Android WebView, handle custom schemes and intent: links yourself in shouldOverrideUrlLoading instead of letting the WebView load them.',
      'Check generated links for typos in the scheme.',
    ],
    source: 'Chromium',
  },
  UNSAFE_PORT: {
    title: 'The browser refuses to connect to this port',
    side: 'site',
    what: 'The address points to a port number that browsers block on purpose (ports used by mail, file sharing and similar services, such as 25, 110, 6000 or 10080), so that web pages cannot be used to attack those services. No connection was attempted.',
    visitor: [
      'There is no safe change to make on your side; tell the site that its address uses a blocked port.',
    ],
    owner: [
      'Serve the site on 443 (HTTPS) or 80, or on another port that is not on the browsers\' block list (the "bad ports" list in the Fetch standard).',
      'For a development server, pick a common port such as 3000, 5173 or 8080.',
      'Check links and redirects for a stray port number in the address.',
    ],
    source: 'Chromium',
  },
  METHOD_NOT_SUPPORTED: {
    title: 'This request method cannot be used for this address',
    side: 'site',
    what: 'The request used a method (such as POST, PUT or DELETE) that the browser cannot apply to this kind of address, for example sending a form to a data:, blob: or file: address. The browser refused it without contacting anyone.',
    visitor: [
      'Nothing to fix on your side; tell the site which button or form failed.',
    ],
    owner: [
      'Check the form\'s action and method, or the fetch() method and URL, in the Network panel: file:, data: and blob: addresses accept only GET.',
      'Make sure the URL is not a relative path that accidentally resolved against a file: or blob: page address.',
    ],
    source: 'Chromium',
  },
  INCONSISTENT_IP_ADDRESS_SPACE: {
    title: 'The server\'s address switched between public and private',
    side: 'network',
    what: 'While handling one request, the browser saw the server\'s address move between kinds of network, for example from a public internet address to one on a local network. It stopped the request to guard against DNS rebinding, a trick that turns a public site into a door to the devices on your network.',
    visitor: [
      'Reload the page; if it keeps happening, try another network, or turn a VPN on or off, since a VPN switching over can cause this.',
    ],
    owner: [
      'Make every DNS answer for the host point to the same kind of address: do not mix public and private (10.x, 172.16-31.x, 192.168.x, 127.x) addresses in its records, and check split-horizon DNS.',
      'Compare "dig host" from inside and outside the network to see whether the answers differ.',
      'If a public page really needs a device on the local network, follow the browser\'s Local Network Access rules (HTTPS page, permission prompt) instead of relying on DNS.',
    ],
    source: 'Chromium',
  },
  CACHED_IP_ADDRESS_SPACE_BLOCKED_BY_LOCAL_NETWORK_ACCESS_POLICY: {
    title: 'A stored copy from your local network was withheld from this page',
    side: 'browser',
    what: 'The browser had a stored copy of this resource that originally came from a device on a private or local network. The page asking for it is a public site without permission to reach local devices (Local Network Access), so the browser refused to hand it over.',
    visitor: [
      'If the site needs to talk to a device on your network (a printer, router or smart-home hub) and you trust it, allow local network access when the browser asks, then reload.',
      'Otherwise nothing needs doing; the browser is protecting the devices on your network.',
    ],
    owner: [
      'Serve the public page over HTTPS and let the browser ask for Local Network Access permission before reaching the local device; see the targetAddressSpace option of fetch().',
      'If the resource is meant to be public, host it on a public server instead of the local device.',
      'The DevTools Issues panel shows which address space the request was assigned and why it was blocked.',
    ],
    source: 'Chromium',
  },

  // --- DNS stage: looking up the site's name ---
  NAME_NOT_RESOLVED: {
    title: 'The site\'s name could not be found',
    side: 'site',
    what: 'Before connecting, the browser has to look up the site\'s name (such as example.com) to get its numeric address, and the answer was that no such name exists. The name may be mistyped or expired, or missing from the site\'s DNS records.',
    visitor: [
      'Check the address for typos and try again.',
      'Try another site: if nothing loads, the problem is your connection or DNS, so restart the router or switch networks.',
      'If only this site fails, it may have let its domain lapse or broken its records; try later or reach it another way.',
    ],
    owner: [
      'Run "dig example.com A" and "dig example.com AAAA", also against a public resolver ("dig @8.8.8.8 example.com"), to see whether the records exist publicly.',
      'Check that the domain has not expired and that the registrar lists the right name servers ("whois", "dig NS example.com").',
      'For subdomains (api., cdn., www.), check that each one has its own record or a wildcard, and that CNAME targets resolve too.',
    ],
    source: 'Chromium',
  },
  NAME_RESOLUTION_FAILED: {
    title: 'The name lookup service could not be reached',
    side: 'network',
    what: 'The browser tried to look up the site\'s address, but the lookup itself failed, usually because the DNS resolver (the service that turns names into addresses, normally provided by your network) could not be reached or gave no usable result. This says little about the site itself.',
    visitor: [
      'Check that you are online by opening another site.',
      'Restart the Wi-Fi or router, or disconnect and reconnect any VPN.',
      'If it continues, set a public DNS server on your device or router, or try another network.',
    ],
    owner: [
      'If only some visitors see this, it is usually their network; confirm that your records resolve through several public resolvers ("dig @1.1.1.1 host", "dig @8.8.8.8 host").',
      'Check that your authoritative name servers answer reliably from different regions.',
    ],
    source: 'Chromium',
  },
  HOST_RESOLVER_QUEUE_TOO_LARGE: {
    title: 'Too many name lookups were waiting in the browser',
    side: 'browser',
    what: 'The browser keeps a limited queue of pending name lookups, and it was full, so this lookup was dropped before it started. Usually a page asked for files from a very large number of different host names at once.',
    visitor: [
      'Close other busy tabs and reload the page.',
      'If it keeps happening on one site, tell it; its page contacts too many servers at once.',
    ],
    owner: [
      'Reduce the number of distinct host names the page uses: bundle third-party files and avoid random or per-request subdomains.',
      'Look for code that builds many unique host names, such as sharding across numbered subdomains or a loop with a broken base URL.',
      'Remove excessive dns-prefetch and preconnect hints.',
    ],
    source: 'Chromium',
  },
  ICANN_NAME_COLLISION: {
    title: 'This internal name clashes with a new public domain ending',
    side: 'network',
    what: 'The name lookup returned the special warning address 127.0.53.53. That means the name ends in a newly created public top-level domain (the last part of a name, like .app or .dev) that some networks also use privately. The browser stopped rather than send you somewhere unexpected.',
    visitor: [
      'If this is an address from your work or school network, connect to that network or its VPN and try again.',
      'Otherwise tell your IT department: the internal name they use now collides with a public domain.',
    ],
    owner: [
      'Stop using made-up internal domain endings; move internal services under a domain you own (for example corp.example.com), or under .internal or home.arpa.',
      'Make sure the internal DNS servers answer for the internal names, so lookups never fall through to public DNS.',
    ],
    source: 'Chromium',
  },
  DNS_MALFORMED_RESPONSE: {
    title: 'The DNS server sent an unreadable answer',
    side: 'network',
    what: 'The DNS server answered the name lookup, but the answer was damaged or did not follow the DNS format, so the browser could not get an address out of it.',
    visitor: [
      'Reload the page; if it repeats, restart your router.',
      'Try another DNS server, or turn secure DNS off and on in the browser settings to see if it helps, or use another network.',
    ],
    owner: [
      'Query your records with "dig" and "dig +dnssec" against your own name servers and public resolvers; look for warnings or unusual record types.',
      'If you run your own DNS software, or a firewall that rewrites DNS, check its logs and update it.',
      'If only visitors behind one network see it, their resolver or a device on their network is the likely cause.',
    ],
    source: 'Chromium',
  },
  DNS_SERVER_REQUIRES_TCP: {
    title: 'The name lookup answer was too large to receive',
    side: 'network',
    what: 'The DNS server said its answer did not fit in the usual small lookup message and had to be fetched over a full TCP connection instead, and that could not be done. This often happens when a name has a very large set of records.',
    visitor: [
      'Try again, or try another network; some routers and firewalls block the larger kind of DNS lookup.',
      'Setting a public DNS resolver on your device or router can help.',
    ],
    owner: [
      'Check the answer size with "dig +ignore +bufsize=512 host" and shrink it: fewer A/AAAA records, shorter CNAME chains, smaller TXT data.',
      'Make sure your authoritative name servers accept DNS over TCP on port 53 and that no firewall blocks it.',
    ],
    source: 'Chromium',
  },
  DNS_SERVER_FAILED: {
    title: 'The DNS server failed to look up the name',
    side: 'network',
    what: 'The DNS server reported that it tried and failed to get an answer (a "server failure"), rather than saying the name does not exist. Common causes are the site\'s own name servers being down or misconfigured, or a broken DNSSEC signature on its domain.',
    visitor: [
      'Wait a few minutes and reload; DNS failures are often brief.',
      'If other sites work, try another network or a public DNS resolver; if it still fails, the site\'s DNS is probably broken and only the site can fix it.',
    ],
    owner: [
      'Run "dig host" and "dig +cd host": if the +cd (checking disabled) query works and the normal one fails, DNSSEC is broken; check that the DS record at the registrar matches your current signing key.',
      'Check that every NS server answers for the zone ("dig @ns1.provider host") and that the delegation at the registrar matches them.',
      'Use an online DNS checker such as DNSViz to spot broken delegation or expired signatures.',
    ],
    source: 'Chromium',
  },
  DNS_TIMED_OUT: {
    title: 'The name lookup got no answer in time',
    side: 'network',
    what: 'The browser asked the DNS server for the site\'s address and waited, but no answer came before the time limit. The DNS server, your connection to it, or the site\'s own name servers were too slow or unreachable.',
    visitor: [
      'Reload the page; a slow or busy network can cause a one-off timeout.',
      'If it repeats, restart the router, turn a VPN off or on, or set a public DNS resolver.',
    ],
    owner: [
      'Time your name servers from several places ("dig host @your-ns" prints the query time) and make sure none of the NS records points to a dead server.',
      'Keep CNAME chains short, and use a DNS provider with servers in several regions (anycast) if lookups are slow far away.',
    ],
    source: 'Chromium',
  },
  DNS_SECURE_RESOLVER_HOSTNAME_RESOLUTION_FAILED: {
    title: 'The secure DNS provider\'s own name could not be looked up',
    side: 'network',
    what: 'The browser is set to use secure DNS (encrypted name lookups through a chosen provider), but it could not find the address of that provider itself, so no lookups could be made at all.',
    visitor: [
      'Open the browser\'s privacy and security settings, check the secure DNS provider address for typos, or pick a provider from the list.',
      'To test, switch secure DNS to your current service provider or turn it off; on a managed device, ask IT.',
    ],
    owner: [
      'This comes from a setting on the visitor\'s device, not from your site; there is nothing to change on the server.',
      'If your organisation sets the DNS-over-HTTPS template by policy (DnsOverHttpsTemplates), check that its host name resolves on every network your users work from.',
    ],
    source: 'Chromium',
  },
  DNS_NAME_HTTPS_ONLY: {
    title: 'This name may only be reached over HTTPS',
    side: 'site',
    what: 'The site\'s DNS includes an HTTPS record, which tells browsers to use only encrypted https connections for this name, but the request used plain http (or ws) and could not be upgraded. The browser would not send it unencrypted.',
    visitor: [
      'Change the start of the address to https:// and try again.',
      'If a link or app keeps using http://, tell the site.',
    ],
    owner: [
      'Use https:// (and wss:// for WebSockets) in links, API base URLs and redirects for this host.',
      'Check your HTTPS/SVCB records with "dig host HTTPS"; if the host does not really serve HTTPS, remove that record.',
      'Make sure the HTTPS version of every path works, since browsers will upgrade to it.',
    ],
    source: 'Chromium',
  },
  DNS_NO_MATCHING_SUPPORTED_ALPN: {
    title: 'The DNS records list only protocols the browser cannot use',
    side: 'site',
    what: 'The site\'s DNS HTTPS records (which advertise how to connect to it) list only connection protocols this browser does not support, and offer no fallback, so the browser had no way to connect.',
    visitor: [
      'Update the browser and try again; if it persists, tell the site that its DNS setup shuts your browser out.',
    ],
    owner: [
      'Check "dig host HTTPS": the alpn= list should include h2 or h3, and no-default-alpn should only be set when the listed protocols are widely supported.',
      'Remove or fix HTTPS/SVCB records added by a CDN or DNS provider if they do not match what the server actually speaks.',
    ],
    source: 'Chromium',
  },

  // --- Send stage: writing the request to the connection ---
  UPLOAD_FILE_CHANGED: {
    title: 'The file changed after you picked it for upload',
    side: 'browser',
    what: 'While sending the request, the browser found that a file chosen for upload had been modified, moved or deleted since it was selected, so it stopped rather than send a mix of old and new content.',
    visitor: [
      'Save and close the file in any program still editing it, then choose it again in the form and send it.',
      'For files on cloud drives or network folders, wait until syncing finishes, or copy the file to your computer first.',
    ],
    owner: [
      'Nothing is wrong on the server; show a clear message asking the user to pick the file again.',
      'For long uploads, copy the file into memory first (file.arrayBuffer()) or upload it in resumable chunks, so later changes on disk do not break the upload.',
    ],
    source: 'Chromium',
  },
  UPLOAD_STREAM_REWIND_NOT_SUPPORTED: {
    title: 'A streamed upload could not be sent a second time',
    side: 'site',
    what: 'The request body was a stream (data produced while it is being sent), and the browser needed to send it again because of a redirect, a login challenge or a dropped connection. A stream cannot be replayed, so the upload failed while being sent.',
    visitor: [
      'Try the upload again; if it fails every time, tell the site.',
    ],
    owner: [
      'Make sure the upload URL answers directly: no 307 or 308 redirect (such as http to https, or a missing trailing slash) and no 401 challenge on it.',
      'Authenticate before starting the stream, for example with a token in the request headers.',
      'If the upload may need a retry, send a Blob or ArrayBuffer body, which the browser can resend, or split the data into resumable chunks.',
    ],
    source: 'Chromium',
  },
  SOCKET_NOT_CONNECTED: {
    title: 'The connection was gone when the request was sent',
    side: 'network',
    what: 'The browser tried to send the request over a connection that was no longer connected, for example one that the network or the server had silently dropped. The request could not be written.',
    visitor: [
      'Reload the page; a fresh connection usually works.',
      'If it happens often, check your Wi-Fi signal, your VPN, or network changes such as switching networks or waking from sleep.',
    ],
    owner: [
      'Check idle timeouts along the path: a firewall, NAT device or load balancer that silently forgets idle connections leaves browsers holding dead ones.',
      'Have the server close idle connections cleanly before any device in between forgets them (keepalive_timeout shorter than the middlebox\'s idle timeout), or enable TCP keepalive.',
    ],
    source: 'Chromium',
  },
  CONNECTION_ABORTED: {
    title: 'The connection gave out while the request was being sent',
    side: 'network',
    what: 'The browser was sending the request, but the other end stopped acknowledging the data, so the connection timed out and was abandoned. Data was being lost on the way, or a device in between silently dropped the connection.',
    visitor: [
      'Reload the page.',
      'If uploads or long forms fail repeatedly, try another network or turn off the VPN; a weak or filtered connection is the likely cause.',
    ],
    owner: [
      'If large uploads are affected, check firewall and WAF limits on request size and speed, and the proxy\'s request body timeout (client_body_timeout in nginx).',
      'Look for MTU problems (large packets silently dropped on VPNs or tunnels): compare small and large requests, and make sure ICMP "fragmentation needed" messages are not blocked.',
    ],
    source: 'Chromium',
  },
  MSG_TOO_BIG: {
    title: 'A network packet was too big to send',
    side: 'network',
    what: 'The browser tried to send a packet larger than the network path allows. This mostly affects UDP-based traffic such as HTTP/3 (QUIC) and live audio or video, and often comes from a VPN or tunnel that leaves less room in each packet.',
    visitor: [
      'Reload the page; the browser can often fall back to another kind of connection.',
      'If it keeps happening, try without the VPN or on another network.',
    ],
    owner: [
      'Test with HTTP/3 turned off (chrome://flags/#enable-quic); if only QUIC fails, check the server\'s maximum UDP payload size and its path MTU handling.',
      'Check MTU settings of VPNs and tunnels on the affected networks, and make sure ICMP "packet too big" messages are not filtered.',
    ],
    source: 'Chromium',
  },
  HTTP2_CLIENT_REFUSED_STREAM: {
    title: 'The browser turned down an HTTP/2 stream',
    side: 'browser',
    what: 'On an HTTP/2 connection, many requests share one connection as separate streams. The browser itself refused or gave up this stream before the request went through, typically because the shared connection was closing or the server tried to push content the browser did not ask for.',
    visitor: [
      'Reload the page; the browser normally retries on a new connection.',
      'If it keeps happening, tell the site.',
    ],
    owner: [
      'Turn off HTTP/2 server push (http2_push in nginx, H2Push in Apache, push on Link preload headers); Chromium no longer accepts pushed streams. Use 103 Early Hints or preload instead.',
      'Check how the server and proxies end connections: send GOAWAY with the right last stream ID, and let streams in flight finish during reloads and deploys.',
    ],
    source: 'Chromium',
  },
};
