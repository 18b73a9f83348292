// English explanations for the registered 5xx statuses (IANA registry). Every one of them is
// read at the `receive` stage: an answer came back, and it says the server side failed.
import type { Catalog } from '../types';

export const registered5xx: Catalog['statuses'] = {
  500: {
    title: 'Something broke inside the website',
    side: 'site',
    what: 'The request reached the website, but its software hit an unexpected error while preparing the answer. The fault is in the site\'s code or configuration, not in your browser or connection.',
    visitor: [
      'Reload the page in a minute; some errors pass quickly.',
      'If you sent a form, order or payment, check whether it went through before sending it again.',
      'If it keeps happening, tell the site what you were doing and when.',
    ],
    owner: [
      'Read the application error log at the time of the error for the exception and stack trace (framework log, PHP error log, container output).',
      'Check recent deploys and changes to configuration or environment variables, and roll back if the errors started with one.',
      'Check what the application depends on: database, cache, file permissions, free disk space.',
      'Use error tracking and show a request ID on the error page so user reports can be matched to log entries.',
    ],
    source: 'RFC 9110 §15.6.1',
  },
  501: {
    title: 'The server does not support this request method at all',
    side: 'site',
    what: 'The server does not recognise or support the method the request used, anywhere on the site. Unlike "method not allowed", this means the capability is missing from the server as a whole.',
    visitor: [
      'There is nothing to fix on your side; report it to the site with what you were doing.',
      'Try again later in case the feature is still being set up.',
    ],
    owner: [
      'Check which HTTP method the client sends (for example PATCH, PROPFIND or a custom method) and whether the server or framework supports it.',
      'Check proxies and firewalls in front of the application, which may refuse methods they do not know.',
      'If the endpoint is planned but not built yet, hide the feature that calls it.',
    ],
    source: 'RFC 9110 §15.6.2',
  },
  502: {
    title: 'A gateway got a broken answer from the server behind it',
    side: 'intermediary',
    what: 'A gateway or proxy (a load balancer, CDN or reverse proxy) passed the request on, but could not get a usable answer from the server behind it: the connection was refused or cut off, or the reply was malformed.',
    visitor: [
      'Reload the page in a minute or two; these errors are often short-lived.',
      'If it lasts, the site has server trouble and nothing on your side needs fixing; check the site\'s status page or social media.',
    ],
    owner: [
      'Check that the application server (PHP-FPM, Node, Gunicorn, ...) is running and listening where the proxy expects it: the proxy_pass or fastcgi_pass address, socket path or port.',
      'Read the proxy\'s error log (nginx reports "connect() failed" or "upstream prematurely closed connection") and the application log for crashes or restarts.',
      'Look for out-of-memory kills and exhausted workers during traffic peaks.',
      'Check the load balancer\'s target health, and that upstream response headers fit the proxy\'s buffers.',
    ],
    source: 'RFC 9110 §15.6.3',
  },
  503: {
    title: 'The site is temporarily unable to serve requests',
    side: 'site',
    what: 'The server answered, but said it cannot handle requests right now, usually because it is overloaded or down for maintenance. The condition is meant to be temporary.',
    visitor: [
      'Wait a few minutes and reload; the site may be busy or under maintenance.',
      'Check the site\'s status page or social media for announced maintenance.',
      'Do not keep resending forms or payments; try once when the site is back.',
    ],
    owner: [
      'Check whether maintenance mode is still on after a deploy (a leftover WordPress .maintenance file, Laravel\'s "php artisan down", a feature flag).',
      'Check server load and capacity limits: app server workers, PHP-FPM pm.max_children, database connections.',
      'Check that the load balancer has healthy backends; many answer 503 when none pass their health checks.',
      'During planned downtime, serve a friendly maintenance page and say when the site will be back.',
    ],
    source: 'RFC 9110 §15.6.4',
  },
  504: {
    title: 'A gateway waited too long for the server behind it',
    side: 'intermediary',
    what: 'A gateway or proxy passed the request on to the server behind it, but that server did not answer in time, so the gateway gave up. The server may be overloaded, stuck on slow work, or unreachable.',
    visitor: [
      'Wait a minute and reload the page.',
      'If you sent something (an order, a message), check whether it went through before trying again; it may have completed after the timeout.',
      'If it lasts, contact the site; the problem is on its side.',
    ],
    owner: [
      'Find the slow requests in the application log and speed them up (slow database queries, calls to external APIs).',
      'Compare the timeouts at each hop: nginx proxy_read_timeout or fastcgi_read_timeout, the load balancer\'s idle timeout, CDN limits and the application\'s own.',
      'Move long jobs to background workers and let the page check back for the result.',
      'Check that the upstream is reachable and not overloaded at the times of the errors.',
    ],
    source: 'RFC 9110 §15.6.5',
  },
  505: {
    title: 'The server does not speak this HTTP version',
    side: 'site',
    what: 'The server refused the request because it does not support the HTTP version the request claimed to use. This is rare with browsers and often points to a malformed request line, such as an address with unencoded spaces.',
    visitor: [
      'Update your browser and reload the page.',
      'Check the address for spaces or unusual characters.',
      'If it persists, report it to the site.',
    ],
    owner: [
      'Check the request line the server received; unencoded spaces in a URL make servers misread the version.',
      'Check proxies that translate between HTTP/1.1, HTTP/2 and HTTP/3 for mismatched settings.',
      'Check whether the server or an old network appliance refuses HTTP/1.0 or HTTP/2 clients.',
    ],
    source: 'RFC 9110 §15.6.6',
  },
  506: {
    title: 'The server\'s content negotiation is misconfigured',
    side: 'site',
    what: 'The server tried to choose the best version of the content for you (by language or format), but its configuration points that choice at another negotiating resource, forming a loop. This is a setup mistake on the server.',
    visitor: [
      'Nothing on your side can fix this; report it to the site owner.',
      'Try again later.',
    ],
    owner: [
      'Check transparent content negotiation settings (for example Apache mod_negotiation type maps and MultiViews) for a variant that is itself negotiated.',
      'Point each variant at a concrete file rather than at another negotiated resource.',
    ],
    source: 'RFC 2295 §8.1',
  },
  507: {
    title: 'The server has run out of storage space',
    side: 'site',
    what: 'The server could not finish the request because it lacks the storage to save what was sent or to complete the operation. The code comes from WebDAV and storage services, and can also mean your own storage quota is full.',
    visitor: [
      'If the site gives you a storage quota, delete files you no longer need and try again.',
      'Otherwise contact the site; its server is out of space.',
    ],
    owner: [
      'Check free disk space and inodes on the server and its volumes (df -h, df -i), including temporary and upload folders.',
      'Check per-user quotas in the storage or WebDAV service.',
      'Clean up old logs, caches and backups, and set alerts before disks fill up.',
    ],
    source: 'RFC 4918 §11.5',
  },
  508: {
    title: 'The server found an endless loop',
    side: 'site',
    what: 'The server stopped an operation because it ran into an infinite loop, typically a folder that links back into itself while being copied or listed over WebDAV. Some shared hosts also use this code when a site exceeds its resource limits.',
    visitor: [
      'Try again later; nothing on your side can fix this.',
      'If it persists, contact the site owner.',
    ],
    owner: [
      'Look for folder links or bindings that point back into themselves in the WebDAV tree.',
      'On shared hosting (CloudLinux, cPanel), check the account\'s resource usage (entry processes, CPU, memory); the "Resource Limit Is Reached" page uses this code.',
      'Check the server log for the operation that was stopped.',
    ],
    source: 'RFC 5842 §7.2',
  },
  510: {
    title: 'The server requires an extension the request lacked',
    side: 'site',
    what: 'The server wanted the request to declare a protocol extension before it would answer. The extension scheme behind this code never caught on and is now obsolete, so seeing it usually means a custom or misconfigured server.',
    visitor: [
      'Nothing on your side can fix this; report it to the site.',
    ],
    owner: [
      'Find what in your stack returns 510 and replace it with a standard status and a clear message.',
      'If clients really must declare an extension, document it and update the clients.',
    ],
    source: 'RFC 2774 §7 (obsolete)',
  },
  511: {
    title: 'Sign in to this Wi-Fi or network first',
    side: 'network',
    what: 'The answer did not come from the website: the network you are on (for example hotel, airport or cafe Wi-Fi) intercepted the request because you have not yet signed in or accepted its terms.',
    visitor: [
      'Open any website in a new tab to bring up the network\'s sign-in page, then log in or accept the terms.',
      'If no sign-in page appears, disconnect from the Wi-Fi and reconnect, or try a plain http:// address.',
      'Ask the staff of the place for the network\'s login details.',
    ],
    owner: [
      'Nothing to fix on the site: the visitor\'s network is holding back their traffic.',
      'If you run the network, make sure the captive portal sends this code, with a link to its login page, only to devices that have not signed in.',
    ],
    source: 'RFC 6585 §6',
  },
};
