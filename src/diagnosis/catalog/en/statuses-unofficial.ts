// English explanations for widely seen status codes that are not in the IANA registry, each
// attributed to the vendor that uses it. Also read at the `receive` stage.
import type { Catalog } from '../types';

export const unofficialStatuses: Catalog['statuses'] = {
  419: {
    title: 'The page\'s security token expired',
    side: 'browser',
    what: 'The site (built with the Laravel framework) rejected a form because the security token proving the form came from this site had expired or did not match your session. This usually happens when a page was left open a long time before sending.',
    visitor: [
      'Copy anything you typed, reload the page, and send the form again.',
      'Sign in again if you were signed out.',
      'If it happens every time, make sure cookies are allowed for this site and are not being blocked or cleared.',
    ],
    owner: [
      'Compare the session lifetime (SESSION_LIFETIME, config/session.php) with how long users keep forms open; the CSRF token expires with the session.',
      'Check that forms include @csrf and that AJAX calls send the X-CSRF-TOKEN or X-XSRF-TOKEN header.',
      'Check the session cookie settings (SESSION_DOMAIN, SESSION_SECURE_COOKIE, SameSite) and that all servers share one session store.',
      'Exclude genuine third-party webhooks from CSRF checks in the CSRF middleware\'s exception list.',
    ],
    source: 'Laravel (unofficial)',
  },
  420: {
    title: 'Slow down: request limit reached (old Twitter code)',
    side: 'browser',
    what: 'The service refused the request because the client was sending too many requests too quickly. Twitter\'s old API used this code before a standard "too many requests" code existed, and a few services still do.',
    visitor: [
      'Wait a while before trying again, and avoid reloading repeatedly.',
      'If an app or extension is calling the service for you, pause it.',
    ],
    owner: [
      'Treat it like 429: lower the request rate and retry with growing delays (exponential backoff).',
      'Check your account\'s rate limits with the service and cache responses you fetch often.',
      'If you run the service, switch to the standard 429 so clients handle it correctly.',
    ],
    source: 'Twitter (unofficial)',
  },
  440: {
    title: 'Your sign-in session timed out',
    side: 'browser',
    what: 'A Microsoft server, typically Outlook on the web or another IIS-hosted application, says your sign-in session has expired and you must sign in again before it answers.',
    visitor: [
      'Sign in again; reloading the page usually brings up the sign-in screen.',
      'If it keeps asking, clear this site\'s cookies and sign in once more.',
      'If you cannot sign in, contact your IT help desk.',
    ],
    owner: [
      'Check the session and forms-authentication timeouts in IIS or Exchange and whether they suit how people work.',
      'Check that the authentication cookie is sent for this host name and survives the load balancer switching servers.',
      'Look in the IIS logs for when and for whom sessions expired.',
    ],
    source: 'Microsoft IIS (unofficial)',
  },
  444: {
    title: 'The server hung up without answering',
    side: 'site',
    what: 'An nginx server chose to close the connection without sending any reply, so the browser sees an empty response. The code exists only in nginx logs and is normally used to turn away unwanted requests, such as bots or unknown host names.',
    visitor: [
      'Check the address, including whether it should start with www.',
      'Turn off any VPN, proxy or unusual browser extension and try again.',
      'If it keeps happening, contact the site owner; the server is deliberately refusing these requests.',
    ],
    owner: [
      'Find the "return 444" in the nginx configuration (often in a default server block or a bot-blocking rule) and check which condition matched.',
      'Check that server_name covers every host name the site is reached by, including www and the bare domain.',
      'Check rate-limit, user-agent and IP block lists for legitimate visitors caught by them.',
    ],
    source: 'nginx (unofficial)',
  },
  449: {
    title: 'The server wants the request repeated with more information',
    side: 'browser',
    what: 'A Microsoft server asked the client to repeat the request after supplying some information it was missing. It is a rare extension meant for special client programs, and browsers do not act on it.',
    visitor: [
      'Reload the page and try again.',
      'If it repeats, report it to the site; there is nothing more a visitor can do.',
    ],
    owner: [
      'Read the response body for the information the server expected, and update the client to supply it.',
      'Check the IIS and application logs for the module that returned 449.',
      'For browser traffic, return a standard code (such as 400 with a message) instead.',
    ],
    source: 'Microsoft (unofficial)',
  },
  450: {
    title: 'Blocked by Windows parental controls',
    side: 'browser',
    what: 'Parental controls on this Windows computer blocked the page before it could load. The block comes from the settings of the device or account, not from the website.',
    visitor: [
      'Ask the parent or administrator who manages this computer to allow the site.',
      'If you manage it, check the web filter for this account in Microsoft Family Safety.',
    ],
    owner: [
      'Nothing to fix on the site: the block is on the visitor\'s device.',
      'If many people report it, check how filtering services categorise your site and ask for a review if it is wrong.',
    ],
    source: 'Microsoft (unofficial)',
  },
  460: {
    title: 'The client left before the load balancer could answer',
    side: 'intermediary',
    what: 'An AWS load balancer recorded that the client closed its connection before a response was ready. The browser usually sees a cancelled request rather than this code; it shows up in the load balancer\'s logs.',
    visitor: [
      'Reload the page and give it a little longer to load.',
      'If pages often take long, try again later or on a steadier connection.',
    ],
    owner: [
      'Check target response times in CloudWatch (TargetResponseTime) and speed up slow requests.',
      'Check whether clients give up sooner than the work takes: app or fetch timeouts, health checkers, other proxies.',
      'Compare the load balancer\'s idle timeout with the clients\' timeouts and the targets\' keep-alive settings.',
    ],
    source: 'AWS Elastic Load Balancing (unofficial)',
  },
  463: {
    title: 'Too many proxies listed in the forwarding header',
    side: 'intermediary',
    what: 'An AWS load balancer refused the request because its X-Forwarded-For header lists too many IP addresses: the request passed through an unusually long chain of proxies, or something keeps adding to the header in a loop.',
    visitor: [
      'Turn off any VPN, proxy or traffic-routing extension and try again.',
      'If it keeps happening, contact the site owner.',
    ],
    owner: [
      'Look for a loop in which requests pass through the same proxies or CDN repeatedly, each adding an address.',
      'Check how the proxies in front of the load balancer append to X-Forwarded-For, and trim or replace the header at your edge.',
      'Use the load balancer\'s access logs to find the client and path of the refused requests.',
    ],
    source: 'AWS Elastic Load Balancing (unofficial)',
  },
  494: {
    title: 'A request header was too large for nginx',
    side: 'browser',
    what: 'An nginx server refused the request because one header line, very often the Cookie header, is longer than its buffers allow. Visitors usually see this as a "400 Bad Request" page saying a header or cookie is too large.',
    visitor: [
      'Clear this site\'s cookies and reload the page.',
      'Sign in again afterwards if the site needs it.',
    ],
    owner: [
      'Raise large_client_header_buffers (number and size) in the nginx http or server block if large headers are legitimate.',
      'Find what makes headers grow: many or oversized cookies, tracking cookies on the parent domain, large tokens in the Authorization header.',
      'Keep cookies small and limited to the paths and subdomains that need them.',
    ],
    source: 'nginx (unofficial)',
  },
  495: {
    title: 'Your client certificate was rejected',
    side: 'browser',
    what: 'The server admits only visitors who present a personal security certificate, and the one your browser presented could not be verified. nginx logs this code and normally shows it as a 400 page.',
    visitor: [
      'Check that the right certificate is installed and chosen when the browser asks; it may have expired.',
      'Restart the browser so it asks again which certificate to use.',
      'Contact whoever issued your certificate, or the site\'s support.',
    ],
    owner: [
      'Read the nginx error log, which says why verification failed.',
      'Check that ssl_client_certificate holds the complete CA chain that signed the client certificates, and that ssl_verify_depth is high enough.',
      'Check the client certificate\'s expiry date and revocation status (ssl_crl).',
    ],
    source: 'nginx (unofficial)',
  },
  496: {
    title: 'This site needs a client certificate that was not sent',
    side: 'browser',
    what: 'The server admits only visitors who present a personal security certificate, and the browser did not send one. nginx logs this code and normally shows it as a 400 page.',
    visitor: [
      'Install the certificate your organisation gave you, restart the browser and choose it when asked.',
      'If you have no such certificate, the site is probably meant for specific users only; contact its owner.',
    ],
    owner: [
      'Decide whether ssl_verify_client should be "on" for this location, or "optional" with a helpful error page.',
      'Check that the CA list the server advertises matches the clients\' certificates; otherwise browsers do not offer them.',
      'Check that no proxy or CDN in front of nginx ends TLS itself, which removes the client certificate.',
    ],
    source: 'nginx (unofficial)',
  },
  497: {
    title: 'Plain HTTP was sent to a secure HTTPS port',
    side: 'browser',
    what: 'An unencrypted HTTP request arrived at a port where nginx expects HTTPS, so nginx could not handle it normally. This usually comes from an http:// address that includes the secure port number, or from a misconfigured proxy.',
    visitor: [
      'Change the start of the address from http:// to https:// and try again.',
      'If a link brought you here, go to the site\'s home page instead.',
    ],
    owner: [
      'Add an error_page 497 rule in the TLS server block that redirects to the same address over https://.',
      'Find links and redirects that point to http:// together with the HTTPS port number.',
      'Check that no load balancer forwards plain HTTP to the TLS port.',
    ],
    source: 'nginx (unofficial)',
  },
  499: {
    title: 'The request was abandoned before nginx answered',
    side: 'site',
    what: 'nginx recorded that the browser or client closed the connection while nginx was still waiting to send an answer. The browser never receives this code; it appears in nginx logs, often because the server was slow or the visitor moved on.',
    visitor: [
      'Reload the page and let it finish loading.',
      'If pages take very long, try again later.',
    ],
    owner: [
      'Check response times of the logged requests ($request_time and $upstream_response_time in the access log).',
      'Find slow endpoints and speed them up, or move long work to background jobs.',
      'Check for client timeouts shorter than the work needs (fetch abort signals, mobile apps, load balancer or health-check timeouts).',
      'A few 499s from people leaving a page are normal; worry about clusters.',
    ],
    source: 'nginx (unofficial)',
  },
  509: {
    title: 'The site used up its bandwidth allowance',
    side: 'site',
    what: 'The hosting server stopped serving this site because it has transferred more data than its hosting plan allows for the period. The site itself may be fine; the host is holding it back.',
    visitor: [
      'Try again later; the allowance usually resets the next day or month.',
      'Let the site owner know, since they may not be aware.',
    ],
    owner: [
      'Check bandwidth usage and limits in the hosting control panel (cPanel or similar), and upgrade the plan or buy more transfer.',
      'Put a CDN or cache in front of the site and shrink large images, videos and downloads.',
      'Look in the access logs for hotlinking or bots that use most of the traffic.',
    ],
    source: 'Apache/cPanel (unofficial)',
  },
  520: {
    title: 'The origin server sent Cloudflare an empty or invalid answer',
    side: 'intermediary',
    what: 'Cloudflare, which sits in front of this site, reached the site\'s own server but got back something it could not use: an empty reply, a dropped connection or malformed headers.',
    visitor: [
      'Reload the page in a minute or two.',
      'If it lasts, the site is having trouble; contact its owner. Your connection is fine.',
    ],
    owner: [
      'Check the origin\'s web server and application error logs at the time; crashes that close the connection show up as 520.',
      'Check the size of the origin\'s response headers and cookies; Cloudflare rejects oversized headers.',
      'Make sure the origin firewall and security tools are not resetting connections from Cloudflare\'s IP ranges.',
      'Request the page from the origin directly, bypassing Cloudflare, to see its real answer.',
    ],
    source: 'Cloudflare (unofficial)',
  },
  521: {
    title: 'The origin server refused Cloudflare\'s connection',
    side: 'intermediary',
    what: 'Cloudflare tried to connect to the site\'s own server, and that server refused the connection. The web server there is probably stopped, or a firewall is turning Cloudflare away.',
    visitor: [
      'Try again in a few minutes; the site is probably down or restarting.',
      'Let the site owner know if it lasts. Nothing on your side needs fixing.',
    ],
    owner: [
      'Check that the web server (nginx, Apache or the app server) is running and listening on the port Cloudflare uses (80 or 443, depending on the SSL mode).',
      'Check the origin firewall and security tools (iptables, fail2ban, hosting firewalls) for blocks on Cloudflare\'s IP ranges, and allow them.',
      'Check that the DNS record in Cloudflare points to the right origin IP address.',
    ],
    source: 'Cloudflare (unofficial)',
  },
  522: {
    title: 'Cloudflare could not reach the origin server in time',
    side: 'intermediary',
    what: 'Cloudflare tried to open a connection to the site\'s own server and got no reply before its time limit. That server may be overloaded or offline, or a firewall may be silently dropping Cloudflare\'s traffic.',
    visitor: [
      'Try again in a few minutes.',
      'If it lasts, contact the site owner; the problem is between Cloudflare and the site.',
    ],
    owner: [
      'Check the origin\'s load and whether it still accepts new connections (CPU, memory, connection limits).',
      'Check firewalls and cloud security groups on the origin for rules that silently drop Cloudflare\'s IP ranges.',
      'Check that the origin IP in Cloudflare DNS is current and reachable on ports 80 and 443.',
      'Ask the hosting provider whether it is blocking or rate-limiting traffic to the server.',
    ],
    source: 'Cloudflare (unofficial)',
  },
  523: {
    title: 'Cloudflare found no route to the origin server',
    side: 'intermediary',
    what: 'Cloudflare could not find a network path to the site\'s own server at all, usually because the address it has for that server is wrong or the server\'s network is down.',
    visitor: [
      'Try again later.',
      'If it lasts, contact the site owner; nothing on your side can fix it.',
    ],
    owner: [
      'Check that the A and AAAA records in the Cloudflare DNS dashboard point to the current origin IP, especially after a move or IP change.',
      'Check whether the origin\'s hosting provider or network has an outage or routing problem.',
      'If the origin has an IPv6 record, make sure IPv6 really works there, or remove the record.',
    ],
    source: 'Cloudflare (unofficial)',
  },
  524: {
    title: 'The origin server took too long to answer Cloudflare',
    side: 'intermediary',
    what: 'Cloudflare connected to the site\'s own server and passed on the request, but the server did not answer before Cloudflare\'s time limit ran out. The work may still be running on the server.',
    visitor: [
      'Reload after a minute. If you sent an order or payment, check whether it went through before trying again.',
      'If it repeats, contact the site owner.',
    ],
    owner: [
      'Find the slow request in the application log and speed it up (slow database queries, calls to external APIs).',
      'Move long tasks to background jobs and let the page check on their progress instead of holding the request open.',
      'Cloudflare waits about 100 seconds by default and longer limits depend on your plan, so do not rely on raising it.',
      'Check the origin\'s load at the time of the errors.',
    ],
    source: 'Cloudflare (unofficial)',
  },
  525: {
    title: 'Cloudflare could not set up a secure connection to the origin',
    side: 'intermediary',
    what: 'Cloudflare reached the site\'s own server but the secure (TLS) handshake with it failed. The certificate setup or TLS settings on that server do not match what Cloudflare needs.',
    visitor: [
      'Try again later; nothing on your side can fix this.',
      'If it lasts, contact the site owner.',
    ],
    owner: [
      'Check that the origin answers HTTPS on port 443 with a certificate installed; the Full and Full (strict) SSL modes require it.',
      'Check that the origin supports SNI and the TLS versions and cipher suites Cloudflare offers.',
      'Test the handshake directly: openssl s_client -connect ORIGIN_IP:443 -servername your.domain',
      'If the origin has no certificate, install one (a free Cloudflare Origin CA certificate works) rather than switching to the Flexible mode.',
    ],
    source: 'Cloudflare (unofficial)',
  },
  526: {
    title: 'The origin server\'s certificate failed Cloudflare\'s check',
    side: 'intermediary',
    what: 'Cloudflare connected securely to the site\'s own server, but the certificate it presented failed validation (expired, self-signed or issued for another name), and the site is set to require a valid one.',
    visitor: [
      'Try again later; nothing on your side can fix this.',
      'If it lasts, contact the site owner.',
    ],
    owner: [
      'Check the origin certificate\'s expiry date, the host names it covers and its chain, with openssl s_client or an SSL checker.',
      'Renew or replace it with a publicly trusted certificate or a Cloudflare Origin CA certificate.',
      'Make sure the full intermediate chain is installed on the origin.',
      'Do not lower the SSL mode from Full (strict) to hide the problem unless you accept unverified connections to your origin.',
    ],
    source: 'Cloudflare (unofficial)',
  },
  527: {
    title: 'Cloudflare\'s Railgun link to the origin failed',
    side: 'intermediary',
    what: 'The connection between Cloudflare and the site\'s server through Railgun, an older Cloudflare acceleration service, failed. Railgun has been discontinued, so this points to a leftover old setup.',
    visitor: [
      'Try again later; nothing on your side can fix this.',
      'If it lasts, contact the site owner.',
    ],
    owner: [
      'Check the Railgun listener on the origin network: that it runs, its port is reachable and what its logs say.',
      'Railgun is discontinued: remove it and connect the origin directly, or use a current option such as Cloudflare Tunnel.',
    ],
    source: 'Cloudflare (unofficial, legacy)',
  },
  530: {
    title: 'Cloudflare reported an error of its own (see the 1xxx number)',
    side: 'intermediary',
    what: 'Cloudflare answered with an error of its own, explained by a 1xxx error number on the page. Most often it could not look up or reach the address of the site\'s own server.',
    visitor: [
      'Note the error number shown on the page (such as 1016); it tells the site owner what went wrong.',
      'Try again later, and contact the site owner if it lasts.',
    ],
    owner: [
      'Read the 1xxx number in the response body and look it up in Cloudflare\'s documentation.',
      'For 1016 (origin DNS error), check that the host name Cloudflare uses for the origin (a CNAME target or load-balancer pool) resolves publicly.',
      'For Cloudflare Tunnel setups, check that cloudflared is running and connected.',
    ],
    source: 'Cloudflare (unofficial)',
  },
  561: {
    title: 'The sign-in service behind the load balancer refused you',
    side: 'intermediary',
    what: 'An AWS load balancer that signs users in through an identity provider (such as Amazon Cognito or another OpenID Connect service) got an error from that provider, so it did not let the request through.',
    visitor: [
      'Sign in again from the site\'s start page.',
      'Clear this site\'s cookies and try once more.',
      'If it persists, contact the site\'s support; the problem is in its sign-in setup.',
    ],
    owner: [
      'Check the load balancer\'s access logs (the error_reason field) and the identity provider\'s logs for why it refused.',
      'Check the client ID, client secret and callback URL configured for the listener\'s authenticate rule, and the redirect URLs allowed at the provider.',
      'Check that the load balancer can reach the identity provider\'s token and user-info endpoints.',
    ],
    source: 'AWS Elastic Load Balancing (unofficial)',
  },
  598: {
    title: 'A proxy timed out reading the server\'s answer',
    side: 'intermediary',
    what: 'A proxy between you and the site had connected to the server behind it, but timed out while waiting to read that server\'s answer. Only some proxies use this nonstandard code.',
    visitor: [
      'Reload in a minute.',
      'If it lasts, contact the site owner or, on a work network, your IT department.',
    ],
    owner: [
      'Check the upstream server\'s response times and logs for slow or stuck requests.',
      'Compare the proxy\'s read timeout with how long the upstream really needs.',
      'Check the network between the proxy and the upstream for packet loss.',
    ],
    source: 'Some proxies (unofficial)',
  },
  599: {
    title: 'A proxy could not connect to the server behind it in time',
    side: 'intermediary',
    what: 'A proxy between you and the site tried to open a connection to the server behind it and gave up waiting. This nonstandard code is used by some proxies and HTTP client libraries.',
    visitor: [
      'Reload in a minute.',
      'If it lasts, contact the site owner or, on a work network, your IT department.',
    ],
    owner: [
      'Check that the upstream server is running and accepting connections on the expected address and port.',
      'Check firewalls and security groups between the proxy and the upstream.',
      'Check the proxy\'s connect timeout and the upstream\'s connection backlog under load.',
    ],
    source: 'Some proxies (unofficial)',
  },
  999: {
    title: 'The site refused what it takes for automated traffic',
    side: 'site',
    what: 'LinkedIn, and a few sites copying it, answered with this nonstandard code because it decided the request came from a bot, a scraper or an unusual network rather than a normal visitor, and refused to serve the page.',
    visitor: [
      'Sign in to LinkedIn in your browser and open the link again.',
      'Turn off VPNs, proxies and automation or scraping extensions, then try again.',
      'If you opened many pages quickly, wait a while first.',
    ],
    owner: [
      'If your tool or server fetches LinkedIn pages, use LinkedIn\'s official APIs instead; page fetching is blocked on purpose.',
      'Link checkers and monitoring tools routinely get 999 from LinkedIn; treat it as "reachable but blocked", not as a broken link.',
      'For link previews, supply your own title and image rather than fetching them from LinkedIn.',
    ],
    source: 'LinkedIn (unofficial)',
  },
};
