// English explanations for Chromium net errors at the `connect` stage (no connection could be set
// up, directly or through a proxy) and the `wait` stage (the request went out, no answer came).
import type { Explanation } from '../../types';

export const transportErrors: Readonly<Record<string, Explanation>> = {
  // ---- connect: direct connections ----
  CONNECTION_REFUSED: {
    title: 'The server refused the connection',
    side: 'site',
    what: 'Your browser found the server\'s address and reached the machine, but it turned the connection down straight away. Usually nothing is running on that port, or a firewall there actively rejects it.',
    visitor: [
      'Reload in a minute; the site may be restarting.',
      'Check the address for typos, especially a port number after the name (such as :8080).',
      'If it lasts, the problem is on the site\'s side; check its status page or tell the site owner.',
    ],
    owner: [
      'Check that the web server process (nginx, Apache, Node, ...) is running and listening on the expected port and interface: ss -ltnp on the server.',
      'Check the host firewall (ufw, nftables/iptables, firewalld) and the cloud security group allow inbound traffic on ports 80 and 443.',
      'Check that the A and AAAA records point at the machine that really serves the site (dig +short example.com A, then AAAA); an old or IPv6 address may lead to a host with nothing listening.',
      'Test from outside your network with curl -v https://example.com/ or nc -vz example.com 443.',
    ],
    source: 'Chromium',
  },
  CONNECTION_FAILED: {
    title: 'The connection to the server could not be set up',
    side: 'network',
    what: 'The browser tried to open a connection to the server and the attempt failed, without a clear refusal or a timeout to say why. The cause can be on your network or at the server.',
    visitor: [
      'Reload the page, then check whether other sites load.',
      'Turn off any VPN, proxy or security software that filters web traffic, and try again.',
      'Try another network (for example mobile data instead of Wi-Fi) to see whether the problem follows you.',
      'If only this site fails, on every network, tell the site owner.',
    ],
    owner: [
      'Test connections from several networks: curl -v https://example.com/ and nc -vz example.com 443.',
      'Check firewall and cloud security group rules, and that every address in DNS (dig example.com A and AAAA) is one the server really uses.',
      'If reports come from one region or provider, look for IPv6 routing problems or blocking on that path.',
      'Ask an affected visitor for a chrome://net-export log to see the exact socket error.',
    ],
    source: 'Chromium',
  },
  CONNECTION_TIMED_OUT: {
    title: 'The server did not answer the connection attempt in time',
    side: 'site',
    what: 'Your browser knocked on the server\'s address but heard nothing back before it gave up. The server may be down or overloaded, or a firewall on the way may be silently dropping the attempt.',
    visitor: [
      'Wait a minute and reload.',
      'Check that other sites load; if they do not, reconnect to Wi-Fi or restart your router.',
      'Try another network, or turn off a VPN, to see whether your network blocks the site.',
      'If it still fails, the site is probably down; check its status page or tell the owner.',
    ],
    owner: [
      'Check that the server is up and accepting connections; a full listen queue (backlog, net.core.somaxconn) makes new connections hang.',
      'Check firewalls and cloud security groups: a rule that drops instead of rejecting traffic on port 443 produces exactly this timeout.',
      'Check that every published address answers: dig +short example.com A and AAAA, then run nc -vz -w 5 against each address on port 443.',
      'Look for DDoS protection, geo-blocking or rate limiting that silently drops some clients.',
    ],
    source: 'Chromium',
  },
  INTERNET_DISCONNECTED: {
    title: 'Your device is not connected to the internet',
    side: 'network',
    what: 'The browser could not even start a connection because your computer or phone reported that it has no network connection. The request never reached any site.',
    visitor: [
      'Check that Wi-Fi or the network cable is connected and that airplane mode is off.',
      'Reconnect to the network or restart the router, then reload.',
      'If other devices on the same network work, restart this device\'s Wi-Fi or the device itself.',
    ],
    owner: [
      'Nothing on the site causes this; the visitor\'s device was offline.',
      'If pages must work offline, cache the essentials with a service worker and show a clear offline message.',
      'Keep form submissions made while offline and send them when the browser fires the online event, instead of losing them.',
    ],
    source: 'Chromium',
  },
  NETWORK_CHANGED: {
    title: 'Your network connection changed mid-request',
    side: 'network',
    what: 'While the request was under way, your device switched networks or got a new address, for example moving from Wi-Fi to mobile data or a VPN connecting. The browser dropped the connection because it belonged to the old network.',
    visitor: [
      'Reload the page; it usually works once the connection settles.',
      'If it keeps happening, look for a weak Wi-Fi signal, a VPN that reconnects often, or a device hopping between networks.',
      'While testing, turn off features that switch between Wi-Fi and mobile data automatically (Wi-Fi Assist, Adaptive Wi-Fi).',
    ],
    owner: [
      'This happens on the visitor\'s side; the site did nothing wrong.',
      'Make important requests safe to repeat (idempotent, or with an idempotency key) so a retry after a network switch does no harm.',
      'In web apps, retry a failed fetch once after a short delay, and tell the user when a submission may not have gone through.',
    ],
    source: 'Chromium',
  },
  ADDRESS_INVALID: {
    title: 'The server address is not one you can connect to',
    side: 'site',
    what: 'The site\'s name led to an IP address or port number that cannot be used for a connection, such as 0.0.0.0 or port 0. The browser gave up before sending anything.',
    visitor: [
      'Check the address for typos, especially a port number after the name.',
      'If you edited your hosts file or use a filtering DNS service, it may map the site to an unusable address; try without it.',
      'Otherwise tell the site owner; its address records look broken.',
    ],
    owner: [
      'Look up the records with dig +short example.com A and AAAA; none should be 0.0.0.0, ::, a broadcast or a multicast address.',
      'Check links, API base URLs and configuration for wrong or empty port numbers.',
      'If only some visitors see it, check DNS filters (Pi-hole, corporate or parental filters) that answer 0.0.0.0 for names they block.',
    ],
    source: 'Chromium',
  },
  ADDRESS_UNREACHABLE: {
    title: 'No route leads to the server\'s address',
    side: 'network',
    what: 'Your device or a router along the way reported that there is no path to the server\'s IP address. The connection never started, often because of a routing, VPN or IPv6 problem.',
    visitor: [
      'Check whether other sites load, then reconnect to your network or restart the router.',
      'If you use a VPN, switch it off (or on) and try again.',
      'Try another network such as mobile data; if the site works there, tell your network provider or IT team.',
    ],
    owner: [
      'Check the addresses you publish with dig +short example.com A and AAAA; an AAAA record on a server without working IPv6 causes this for IPv6 visitors.',
      'Test reachability of each address from outside with ping, traceroute or mtr.',
      'Private addresses (10.x, 192.168.x, 172.16-31.x) in public DNS can only be reached from inside their own network; publish a public address instead.',
    ],
    source: 'Chromium',
  },
  ADDRESS_IN_USE: {
    title: 'Your computer had no free local address for the connection',
    side: 'browser',
    what: 'Your operating system could not give the browser a free local address and port for the new connection, because the one it needed was already taken. It usually means the computer has too many connections open at once.',
    visitor: [
      'Close tabs and programs you do not need, then reload.',
      'Restart the browser, or the computer if it keeps happening.',
      'Look for software that opens very many connections, such as download managers or stuck sync tools.',
    ],
    owner: [
      'This is a problem on the visitor\'s computer, not on the server.',
      'If it only happens on your site, check whether the page opens an unusual number of connections (many hostnames, tight polling loops, WebSockets that reconnect without pause).',
      'On a test machine, count open sockets with ss -s or netstat to see whether local ports run out.',
    ],
    source: 'Chromium',
  },
  SOCKET_IS_CONNECTED: {
    title: 'The browser tried to connect a socket that was already connected',
    side: 'browser',
    what: 'Inside the browser, a socket (the channel that carries one connection) was asked to connect while it was already connected. This is an internal browser mix-up, not a problem with the site or your network.',
    visitor: [
      'Reload the page.',
      'If it keeps happening, restart the browser and update it to the latest version.',
      'Try with extensions turned off, in case one interferes with connections.',
    ],
    owner: [
      'The site did nothing to cause this; it is an internal state error inside the browser itself.',
      'If you can reproduce it, record a chrome://net-export log and report it to the browser vendor with the browser version.',
    ],
    source: 'Chromium',
  },
  NETWORK_ACCESS_DENIED: {
    title: 'Your computer blocked the browser from using the network',
    side: 'network',
    what: 'The operating system or security software on your device refused to let the browser open this connection. A local firewall, antivirus, parental control or a missing network permission is the usual cause.',
    visitor: [
      'Check your firewall or antivirus settings and allow your browser to use the network.',
      'If the address is on your own home or office network, on macOS check System Settings > Privacy & Security > Local Network and allow the browser there.',
      'On a work or school device, ask IT; a policy may block this site or this kind of connection.',
    ],
    owner: [
      'This is decided on the visitor\'s device, not by the server.',
      'If many visitors report it, check whether security products flag your domain or IP address, for example on VirusTotal or vendor reputation lookups.',
      'If your page calls addresses on the local network or localhost, expect this more often and handle the failure gracefully.',
    ],
    source: 'Chromium',
  },
  NETWORK_IO_SUSPENDED: {
    title: 'Network activity was paused while your device slept',
    side: 'browser',
    what: 'Your device was going to sleep or had paused network activity, so the browser stopped the request before it could connect. It says nothing about the site.',
    visitor: [
      'Reload the page now that the device is awake.',
      'If it happens while you are using the device, check power-saving settings that cut the network when the screen locks or the battery is low.',
    ],
    owner: [
      'Nothing on the server causes this; the visitor\'s device paused networking.',
      'Retry background requests (polling, sync, uploads) when the page becomes visible again, using the visibilitychange or online events.',
    ],
    source: 'Chromium',
  },

  // ---- connect: proxies and proxy configuration ----
  TUNNEL_CONNECTION_FAILED: {
    title: 'The proxy could not open a tunnel to the site',
    side: 'intermediary',
    what: 'Your browser goes through a proxy server and asked it to open a tunnel straight to the site, as it does for secure (https) pages. The proxy answered with an error instead, for example because it could not reach the site or its rules forbid it.',
    visitor: [
      'If you did not set up a proxy on purpose, check your system proxy settings and any VPN or security software that adds one.',
      'On a work or school network, ask IT whether the proxy blocks this site.',
      'Try a network without the proxy to confirm the site itself is up.',
    ],
    owner: [
      'For the proxy admin: find the CONNECT request for this host and port in the proxy log and the status the proxy returned.',
      'Check the proxy\'s allowed ports (for example Squid\'s SSL_ports and CONNECT rules) if the site uses a port other than 443.',
      'Check that the proxy host itself can resolve and reach the site: dig and curl -v from the proxy machine.',
      'Site owners: if only visitors behind company proxies report it, ask them to have your domain allow-listed.',
    ],
    source: 'Chromium',
  },
  PROXY_AUTH_UNSUPPORTED: {
    title: 'The proxy asked for a sign-in method the browser cannot use',
    side: 'intermediary',
    what: 'The proxy between you and the site demanded that you sign in, but it only offered sign-in methods that your browser does not support or has switched off. So the request could not pass through.',
    visitor: [
      'Tell your IT team or proxy provider; the proxy and the browser need a sign-in method they both accept.',
      'On a managed device, a browser policy may disable some methods (such as NTLM or Negotiate); IT can check this.',
    ],
    owner: [
      'For the proxy admin: check which schemes the proxy lists in its Proxy-Authenticate header (Basic, Digest, NTLM, Negotiate) and enable one the browser supports.',
      'Check browser policies that limit allowed methods, such as AuthSchemes, and AuthServerAllowlist for Kerberos/Negotiate (see chrome://policy).',
      'The site\'s own server is not involved in this failure.',
    ],
    source: 'Chromium',
  },
  PROXY_AUTH_REQUESTED: {
    title: 'The proxy wants you to sign in',
    side: 'intermediary',
    what: 'The proxy your browser uses answered that it needs a username and password before it will forward requests. No credentials were given for this request, so it stopped at the proxy and never reached the site.',
    visitor: [
      'Reload the page and sign in if the browser asks for proxy credentials.',
      'If no sign-in box appears, ask your IT team or proxy provider for the right account.',
      'If you did not expect a proxy at all, check your system proxy settings and VPN software.',
    ],
    owner: [
      'For the proxy admin: check the proxy\'s authentication setup and that the user\'s account is valid and not locked.',
      'Background requests (fetch calls, extensions, service workers) cannot show a sign-in box; allow-list those destinations or use integrated sign-in (Kerberos/Negotiate).',
      'The site\'s own server never saw this request.',
    ],
    source: 'Chromium',
  },
  PROXY_CONNECTION_FAILED: {
    title: 'The browser could not reach its proxy server',
    side: 'network',
    what: 'Your browser is set to send traffic through a proxy server, but it could not connect to that proxy. The proxy may be down, the address in your settings may be wrong, or the setting may be left over from old software.',
    visitor: [
      'Check the proxy settings in your system network settings and turn the proxy off if you do not need one.',
      'If a VPN or security app sets the proxy, restart or reinstall it.',
      'On a work or school network, tell IT that the proxy seems to be down.',
    ],
    owner: [
      'The site was never contacted; the failure is between the visitor and their proxy.',
      'For the proxy admin: check that the proxy service is running and listening on the configured host and port, and that firewalls let clients reach it.',
      'Developers: chrome://net-internals/#proxy shows which proxy the browser is actually using.',
    ],
    source: 'Chromium',
  },
  MANDATORY_PROXY_CONFIGURATION_FAILED: {
    title: 'A required proxy setup could not be loaded',
    side: 'browser',
    what: 'A policy on this browser says all traffic must use the proxy chosen by a setup script, and that script could not be fetched or used. Because the policy forbids connecting directly, the request was stopped.',
    visitor: [
      'This is set by whoever manages your device; tell your IT team.',
      'Connect to the work network or VPN, since the setup script may only be reachable from there.',
    ],
    owner: [
      'For IT: check the PAC URL in the ProxySettings policy (see chrome://policy) and that it can be downloaded from the affected device.',
      'Check that the PAC file is a valid script and runs without errors for the failing URL.',
      'Decide whether ProxyPacMandatory should stay on; with it, any PAC outage blocks all browsing instead of falling back to direct connections.',
    ],
    source: 'Chromium',
  },
  HTTPS_PROXY_TUNNEL_RESPONSE_REDIRECT: {
    title: 'The proxy answered a tunnel request with a redirect',
    side: 'intermediary',
    what: 'When your browser asked the proxy to open a secure tunnel to the site, the proxy replied by pointing it somewhere else instead. Browsers do not follow such redirects, because they could lead to a fake page, so the request stopped.',
    visitor: [
      'The proxy or Wi-Fi may want you to log in or accept terms first; open its login page, or any plain http page, and try again.',
      'If that does not help, tell your IT team or the Wi-Fi provider.',
    ],
    owner: [
      'For the proxy admin: answer CONNECT requests with 407 when sign-in is needed or 403 for blocked sites, never with a 3xx redirect.',
      'Check captive portal and web filtering rules that redirect users who have not signed in yet.',
      'The site\'s own server was not involved.',
    ],
    source: 'Chromium',
  },
  UNABLE_TO_REUSE_CONNECTION_FOR_PROXY_AUTH: {
    title: 'The proxy sign-in needed a connection that had already closed',
    side: 'intermediary',
    what: 'The proxy asked for credentials with a method (such as NTLM) that has to continue on the same connection, but that connection was closed before the browser could answer. The sign-in could not be completed.',
    visitor: [
      'Reload the page; a second try often succeeds.',
      'If it keeps happening, tell your IT team that signing in to the proxy fails.',
    ],
    owner: [
      'For the proxy admin: keep the connection open after sending a 407 challenge (no Connection: close) when using NTLM or Negotiate.',
      'Check proxy keepalive timeouts and any load balancer in front of the proxies that could split one sign-in across two connections.',
      'Consider Kerberos, or Basic over a TLS connection to the proxy, which do not depend on a single connection.',
    ],
    source: 'Chromium',
  },
  PROXY_AUTH_REQUESTED_WITH_NO_CONNECTION: {
    title: 'The proxy asked for sign-in when no connection was left to answer on',
    side: 'intermediary',
    what: 'A proxy sign-in challenge reached the browser at a point where it had no open connection to send the credentials on. The browser could not finish signing in to the proxy, so the request failed before reaching the site.',
    visitor: [
      'Reload the page.',
      'If it keeps failing, tell your IT team or proxy provider that proxy sign-in is not working.',
    ],
    owner: [
      'For the proxy admin: check that the proxy keeps the connection open after a 407 challenge.',
      'Connection-based schemes (NTLM, Negotiate) break when the connection is closed or shared; offer a scheme that does not depend on one connection.',
      'Record a chrome://net-export log on an affected machine to see the exact sequence of events.',
    ],
    source: 'Chromium',
  },
  SOCKS_CONNECTION_FAILED: {
    title: 'The SOCKS proxy connection failed',
    side: 'intermediary',
    what: 'Your browser sends traffic through a SOCKS proxy (a simple relay often provided by SSH tunnels, Tor or VPN tools), and the exchange with that proxy failed. The request never got through to the site.',
    visitor: [
      'If a tool provides the proxy (an SSH tunnel, Tor, a VPN app), check that it is still running and restart it.',
      'If you do not use a SOCKS proxy, remove it from your proxy settings or proxy extension.',
      'On a managed network, tell IT.',
    ],
    owner: [
      'The site was not contacted; the fault lies between the visitor and their SOCKS proxy.',
      'For the proxy admin: check that the SOCKS server is running on the configured port (for example ssh -D 1080, or the Tor client on 9050) and accepts this client.',
      'Check the proxy log for rejected requests or failed authentication.',
    ],
    source: 'Chromium',
  },
  SOCKS_CONNECTION_HOST_UNREACHABLE: {
    title: 'The SOCKS proxy could not reach the site',
    side: 'intermediary',
    what: 'Your browser reached its SOCKS proxy, but the proxy reported that it could not connect onward to the site\'s server. The failure happened between the proxy and the site.',
    visitor: [
      'Try again in a minute; the site may be briefly down.',
      'Try without the proxy, or through a different exit, to see whether the site is up.',
      'If the site works elsewhere, tell whoever runs the proxy.',
    ],
    owner: [
      'Check that the site accepts connections from outside: curl -v https://example.com/ from another network.',
      'For the proxy admin: from the proxy host, test name lookup (dig) and the connection (nc -vz example.com 443) to the site.',
      'Check whether your firewall or CDN blocks the proxy\'s IP range, such as Tor exit nodes or data-centre addresses.',
    ],
    source: 'Chromium',
  },
  PAC_SCRIPT_FAILED: {
    title: 'The proxy setup script failed to run',
    side: 'network',
    what: 'Your browser uses an automatic proxy configuration (PAC) file, a small script that picks a proxy for each address. That script could not be loaded or stopped with an error, so the browser did not know how to connect.',
    visitor: [
      'If you are not on a work or school network, turn off automatic proxy configuration in your system network settings.',
      'On a managed network, tell IT that the proxy script is failing.',
    ],
    owner: [
      'For IT: fetch the PAC URL from an affected device and check that it is served (Content-Type application/x-ns-proxy-autoconfig) and is valid JavaScript.',
      'Test FindProxyForURL with the failing URL; look for syntax errors or calls to helper functions that do not exist.',
      'Developers: chrome://net-internals/#proxy shows the PAC settings, and a chrome://net-export log records script errors.',
    ],
    source: 'Chromium',
  },
  PAC_NOT_IN_DHCP: {
    title: 'The network did not offer a proxy setup script',
    side: 'network',
    what: 'Your browser is set to discover proxy settings automatically, and asked the local network\'s address service (DHCP) where to find the setup script. The network did not provide one.',
    visitor: [
      'If you do not need a proxy, turn off automatic proxy detection in your system network settings.',
      'On a work or school network, tell IT that proxy auto-discovery is not working.',
    ],
    owner: [
      'For IT: check that the DHCP server hands out option 252 with the PAC URL, or publish a wpad host name in DNS as a fallback.',
      'Or set the PAC URL explicitly by policy instead of relying on discovery.',
      'The website itself is not involved.',
    ],
    source: 'Chromium',
  },
  PAC_SCRIPT_TERMINATED: {
    title: 'The proxy setup script was stopped before it finished',
    side: 'browser',
    what: 'The browser runs the proxy configuration (PAC) script in a separate helper process, and that process ended before returning an answer. Without the answer, the browser could not decide how to connect.',
    visitor: [
      'Reload the page; the browser starts the helper again when needed.',
      'If it repeats, restart the browser and install any updates.',
      'On a managed network, tell IT, since their proxy script may be too heavy or stuck in a loop.',
    ],
    owner: [
      'For IT: check the PAC script for long loops, many DNS lookups (dnsResolve, isInNet) or huge lists that slow it down or crash the helper.',
      'Keep the PAC file small and fast, and test it with the failing URL.',
      'The site\'s own server was not involved.',
    ],
    source: 'Chromium',
  },
  NO_SUPPORTED_PROXIES: {
    title: 'None of the configured proxies can be used',
    side: 'network',
    what: 'Your proxy settings list only kinds of proxy that the browser cannot use for this request, and a direct connection was not offered as an alternative. With no usable route, the request could not start.',
    visitor: [
      'Check your proxy settings and any proxy extension, and remove entries you do not need.',
      'On a managed device, tell IT which browser you use so they can provide a proxy it supports.',
    ],
    owner: [
      'For IT: check what the PAC script or policy returns for this URL and add a PROXY or DIRECT entry the browser can use as a fallback.',
      'Check chrome://net-internals/#proxy on an affected device for the effective proxy list.',
      'The site itself is not involved.',
    ],
    source: 'Chromium',
  },
  NO_BUFFER_SPACE: {
    title: 'Your computer ran out of network memory',
    side: 'browser',
    what: 'The operating system had no buffer space left (the memory it uses to hold network data), so it could not set up or use the connection. Too many open connections or a misbehaving program is the usual cause.',
    visitor: [
      'Close programs and tabs you do not need, then reload.',
      'Restart the computer if it keeps happening.',
      'Update or remove VPN, firewall or antivirus tools that may be holding on to network resources.',
    ],
    owner: [
      'This is a resource problem on the visitor\'s computer, not on the server.',
      'If only your pages trigger it, check whether they open very many parallel connections, WebSockets or long-running streams.',
    ],
    source: 'Chromium',
  },

  // ---- wait: the request went out, no usable answer came back ----
  TIMED_OUT: {
    title: 'The server took too long to answer',
    side: 'site',
    what: 'The request was sent, but no answer arrived within the browser\'s time limit, so it gave up waiting. The server may be overloaded or stuck on slow work, or the answer got lost on the way back.',
    visitor: [
      'Wait a minute and reload.',
      'If you sent a form or payment, check whether it went through before sending it again.',
      'If it keeps happening, tell the site owner what you were doing and when.',
    ],
    owner: [
      'Find the request in the access log and check how long it took; slow database queries and calls to third-party APIs are common causes.',
      'Compare timeouts along the path (CDN, load balancer, nginx proxy_read_timeout, application worker timeouts) so none cuts off work the others still wait for.',
      'Check server load and worker limits at the time of the error.',
      'For long jobs, answer quickly with a job ID and let the page poll for the result.',
    ],
    source: 'Chromium',
  },
  CONNECTION_CLOSED: {
    title: 'The server closed the connection without answering',
    side: 'site',
    what: 'The request was sent, but the other end closed the connection before a complete answer arrived. The server, or a proxy in front of it, hung up without replying.',
    visitor: [
      'Reload the page.',
      'If you sent something, check whether it went through before trying again.',
      'If it keeps happening, tell the site owner.',
    ],
    owner: [
      'Check keepalive timeouts: make the server\'s keepalive_timeout longer than that of any load balancer or proxy in front of it, so reused connections are not closed mid-request.',
      'Look in the application and proxy logs for crashes, restarts or workers killed for lack of memory (OOM) at that time.',
      'Check limits that drop the connection, such as maximum request body or header size and upstream timeouts in the proxy.',
    ],
    source: 'Chromium',
  },
  CONNECTION_RESET: {
    title: 'The connection was cut off abruptly',
    side: 'site',
    what: 'After the request went out, the other end abruptly reset the connection (sent a "stop" signal) instead of answering. The server may have crashed or rejected the request, or a firewall or filter on the way may have cut it.',
    visitor: [
      'Reload the page.',
      'Turn off a VPN, proxy or security software that scans web traffic, and try again.',
      'Try another network; if the site works there, your network may be filtering it.',
      'If it fails everywhere, tell the site owner.',
    ],
    owner: [
      'Look for crashes, restarts or OOM kills in the server and application logs at that time.',
      'Check idle timeouts and connection limits on load balancers and proxies, which reset the connections they drop.',
      'Check firewall, WAF and intrusion prevention logs for rules that reset connections they dislike.',
      'Capture traffic with tcpdump on the server to see which hop sends the reset (RST).',
    ],
    source: 'Chromium',
  },
  EMPTY_RESPONSE: {
    title: 'The server hung up without sending anything',
    side: 'site',
    what: 'The request went out, but the server closed the connection without sending back a single byte. This usually means the server process crashed or dropped the request on purpose.',
    visitor: [
      'Reload the page.',
      'If it persists, the problem is on the site\'s side; tell the site owner.',
    ],
    owner: [
      'Check application and server error logs for crashes (segfaults, fatal errors, OOM kills) while handling this URL.',
      'Make sure each port gets the protocol it expects: plain HTTP sent to a TLS port, or the reverse, often ends like this.',
      'Check rules that close connections on purpose, such as nginx "return 444", fail2ban or WAF rules.',
    ],
    source: 'Chromium',
  },
  SYN_REPLY_NOT_RECEIVED: {
    title: 'The server never started its answer on this stream',
    side: 'site',
    what: 'Over a shared connection that carries many requests at once (SPDY or HTTP/2), the request was sent but its stream ended before the server sent the response headers. The answer never began.',
    visitor: [
      'Reload the page.',
      'If it keeps happening, tell the site owner.',
    ],
    owner: [
      'Check the HTTP/2 server or proxy logs for streams reset before any headers were sent.',
      'Check for application timeouts or crashes between the front server and the app that leave the stream without a response.',
      'Reproduce with curl --http2 -v to see how the stream ends.',
    ],
    source: 'Chromium',
  },
  HTTP2_SERVER_REFUSED_STREAM: {
    title: 'The server turned down this request on its HTTP/2 connection',
    side: 'site',
    what: 'On an HTTP/2 connection (one connection carrying many requests), the server refused this request before doing any work on it, usually because it was at its limit of parallel requests or shutting down. Such a request is safe to repeat, but this one still failed.',
    visitor: [
      'Reload the page; it usually works on the next try.',
      'If it keeps happening, tell the site owner.',
    ],
    owner: [
      'Compare the server\'s concurrent stream limit (SETTINGS_MAX_CONCURRENT_STREAMS, nginx http2_max_concurrent_streams) with how many requests your pages make at once.',
      'Check whether servers restart or reload often (deploys, config reloads) and send GOAWAY cleanly before closing.',
      'Look for overload protection in the server or CDN that refuses streams under load.',
    ],
    source: 'Chromium',
  },
  HTTP2_PING_FAILED: {
    title: 'An HTTP/2 connection stopped responding',
    side: 'network',
    what: 'The browser checked whether its HTTP/2 connection to the server was still alive by sending a ping, and no reply came back. It treated the connection as dead, and the request waiting on it failed.',
    visitor: [
      'Reload the page.',
      'Check that your connection is stable; weak Wi-Fi, a device waking from sleep or a VPN reconnecting can cause this.',
      'If it happens only on this site, from several networks, tell the site owner.',
    ],
    owner: [
      'Check whether a load balancer, NAT or firewall silently drops idle connections; its idle timeout should be longer than the server\'s keepalive.',
      'Check that the server or proxy answers HTTP/2 PING frames promptly, even under heavy load.',
      'Look for packet loss between visitors\' regions and the server with mtr.',
    ],
    source: 'Chromium',
  },
  HTTP2_STREAM_CLOSED: {
    title: 'The server closed this request\'s stream early',
    side: 'site',
    what: 'On an HTTP/2 connection, the server ended this request\'s stream, treating it as already closed, before giving a proper answer. It usually points to a bug or timeout in the server or a proxy in front of it.',
    visitor: [
      'Reload the page.',
      'If it keeps happening, tell the site owner.',
    ],
    owner: [
      'Check server and proxy logs for stream errors (RST_STREAM with STREAM_CLOSED) on this URL.',
      'Check timeouts and body size limits in the HTTP/2 front end and between it and the application.',
      'Test the same request over HTTP/1.1 (curl --http1.1 -v) to see whether the problem is in the HTTP/2 layer.',
    ],
    source: 'Chromium',
  },
  QUIC_PROTOCOL_ERROR: {
    title: 'The HTTP/3 connection broke down',
    side: 'intermediary',
    what: 'The browser was talking to the server over QUIC, the newer UDP-based transport behind HTTP/3, and the exchange broke a protocol rule or was disrupted before an answer came. Networks or devices that mishandle UDP traffic are a frequent cause.',
    visitor: [
      'Reload the page; the browser often falls back to an older kind of connection.',
      'Try another network, or turn off a VPN or firewall that filters UDP traffic.',
      'If it keeps happening on this site only, tell the site owner.',
    ],
    owner: [
      'Check the HTTP/3 setup on your server or CDN and the Alt-Svc header that advertises it; remove Alt-Svc to test whether the problem goes away.',
      'Make sure UDP port 443 is open along the whole path, and that load balancers send all packets of one QUIC connection to the same server.',
      'Keep the server\'s or CDN\'s QUIC implementation up to date.',
    ],
    source: 'Chromium',
  },
  TOO_MANY_RETRIES: {
    title: 'The browser gave up after too many attempts',
    side: 'site',
    what: 'The request was sent and failed in a way the browser normally retries by itself, such as a connection closing just as it was used. It kept failing, so after several attempts the browser stopped trying.',
    visitor: [
      'Wait a minute and reload.',
      'If it keeps happening, tell the site owner.',
    ],
    owner: [
      'Look for the underlying failure in server and proxy logs: connections closed right after reuse, refused HTTP/2 streams, or GOAWAY frames.',
      'Check that keepalive timeouts are consistent between the server and any load balancer or CDN in front of it.',
      'Check for servers that restart in a loop or drain connections under load.',
    ],
    source: 'Chromium',
  },
  QUIC_GOAWAY_REQUEST_CAN_BE_RETRIED: {
    title: 'The server closed its HTTP/3 connection before handling the request',
    side: 'site',
    what: 'The server announced it was closing its QUIC (HTTP/3) connection, for example while restarting, before it processed this request. The request was not handled, so sending it again is safe.',
    visitor: [
      'Reload the page; the request did not go through and can be sent again.',
      'If it keeps happening, tell the site owner.',
    ],
    owner: [
      'Check for frequent restarts, deploys or connection draining on the HTTP/3 server or CDN.',
      'On shutdown, let the server finish requests already in progress and stop taking new ones gradually.',
      'Check the QUIC connection lifetime and idle timeout settings on the server.',
    ],
    source: 'Chromium',
  },
};
