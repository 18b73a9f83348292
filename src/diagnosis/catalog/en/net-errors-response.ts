// English explanations for the Chromium net errors of the `receive` stage: an answer came back,
// but it was broken, contradictory or pointed somewhere the browser would not go.
import type { Explanation } from '../../types';

export const responseErrors: Readonly<Record<string, Explanation>> = {
  INVALID_REDIRECT: {
    title: 'The site redirected to an address that does not make sense',
    side: 'site',
    what: 'The server answered with a redirect, but the new address it gave could not be read as a valid web address, so the browser had nowhere to go.',
    visitor: [
      'Go back and try the link again, or type the site\'s main address yourself.',
      'There is nothing to fix on your side; tell the site which page or link led here.',
    ],
    owner: [
      'Inspect the Location header of the redirect (curl -sI URL) and make sure it is a complete, correctly encoded URL: no spaces, raw non-ASCII characters or stray quotes.',
      'Check redirect rules that build the target from user input or variables (rewrite rules, framework redirect helpers) for empty or malformed results.',
      'Percent-encode query strings and paths before putting them in a redirect.',
    ],
    source: 'Chromium',
  },
  UNSAFE_REDIRECT: {
    title: 'The site tried to redirect somewhere the browser will not follow',
    side: 'site',
    what: 'The server answered with a redirect to a kind of address a web page is not allowed to send you to, such as a file on your computer or an internal browser page. The browser refused to follow it to protect you.',
    visitor: [
      'Go back; the browser stopped this on purpose and nothing on your computer was touched.',
      'If you expected the link to work, tell the site where you clicked.',
      'If it happens on many sites, check recently added extensions, which can also redirect requests.',
    ],
    owner: [
      'Look at the Location header of the redirect and make sure it uses http or https, not file:, data:, javascript: or a browser-internal scheme.',
      'Check redirect code that takes a target from a parameter (for example ?next= or ?return=): allow only your own paths or a list of trusted hosts.',
      'If an extension is involved, check that the resources it redirects to are listed in web_accessible_resources.',
    ],
    source: 'Chromium',
  },
  TOO_MANY_REDIRECTS: {
    title: 'The site kept redirecting in a loop',
    side: 'site',
    what: 'Each answer from the server sent the browser on to another address, and after about twenty of these hops the browser gave up. Usually the redirects go round in a circle, for example between two versions of the same address.',
    visitor: [
      'Delete the cookies for this site (in the browser\'s site settings) and try again; a stale login or preference cookie often causes the loop.',
      'Try a private window to see whether it works without your saved data.',
      'If it still loops, tell the site; the fix is on its side.',
    ],
    owner: [
      'Trace the chain with curl -sIL URL and find where it repeats.',
      'Check for HTTP/HTTPS loops behind a proxy or CDN: the app sees plain HTTP (check X-Forwarded-Proto handling, CDN "flexible" TLS modes) and redirects to HTTPS again.',
      'Check that www/non-www and trailing-slash rules do not contradict each other across the server, app and CDN, and that the configured site URL matches.',
      'Check login redirects that fire again when a session cookie is not set or not sent (cookie domain, Secure, SameSite).',
    ],
    source: 'Chromium',
  },
  INVALID_RESPONSE: {
    title: 'The server sent an answer the browser could not use',
    side: 'site',
    what: 'An answer arrived, but something in it was broken or did not fit what the browser was expecting for this request, so the browser threw it away.',
    visitor: [
      'Reload the page; if the answer was damaged on the way, a second try may work.',
      'If it keeps happening, tell the site which page failed.',
    ],
    owner: [
      'Fetch the same URL with curl -v and check the status line, headers and body for anything malformed or cut short.',
      'Check the Content-Type matches what the page expects, especially for scripts, workers, manifests and other files the browser checks strictly.',
      'Compare the answer from the origin server with the one through your proxy or CDN to see which layer breaks it.',
    ],
    source: 'Chromium',
  },
  INVALID_CHUNKED_ENCODING: {
    title: 'The answer was sent in malformed pieces',
    side: 'site',
    what: 'The server sent its answer in pieces (chunked transfer), each meant to start with its size. One of those size markers was missing or garbled, so the browser could not put the answer back together.',
    visitor: [
      'Reload the page; there is little else you can do.',
      'If it happens every time, tell the site which page or file fails.',
    ],
    owner: [
      'Check for code that writes directly to the output after the server has started chunking, or that sets Transfer-Encoding: chunked by hand.',
      'Make sure a response does not carry both Transfer-Encoding: chunked and a Content-Length, and that no layer chunks an already chunked body.',
      'Test the origin and the proxy/CDN separately (curl --raw -v) to find the layer that corrupts the framing.',
    ],
    source: 'Chromium',
  },
  UNEXPECTED_PROXY_AUTH: {
    title: 'Something asked for proxy login where no proxy was expected',
    side: 'intermediary',
    what: 'An answer demanded a proxy username and password, but it came from somewhere the browser did not treat as a proxy, so it refused the request. Often a network filter or transparent proxy is intercepting traffic, or the server itself answers with a proxy login status by mistake.',
    visitor: [
      'If you are on a work, school, hotel or public network, it may require you to log in to it; open any plain website to trigger its login page.',
      'Try another network, such as mobile data, to see whether the network is the cause.',
      'On a managed network, tell its IT staff about the error.',
    ],
    owner: [
      'Check whether your server or app returns status 407 (Proxy Authentication Required); origin servers should use 401 with WWW-Authenticate instead.',
      'If a proxy sits in front of the site, make sure it does not pass proxy login challenges through to clients.',
      'If only some users see it, their network likely has an intercepting proxy; nothing on your server needs changing.',
    ],
    source: 'Chromium',
  },
  RESPONSE_HEADERS_TOO_BIG: {
    title: 'The server\'s answer had too many headers',
    side: 'site',
    what: 'The header part of the answer (the labels that come before the content) was larger than the browser accepts, so it stopped reading it.',
    visitor: [
      'Delete the cookies for this site and try again; some sites keep adding cookies until the answer gets too large.',
      'If that does not help, tell the site which page fails.',
    ],
    owner: [
      'Measure the response headers (curl -sI URL | wc -c) and look for what is large: many Set-Cookie lines, a huge Content-Security-Policy, long Link preload lists.',
      'Check for code that sets the same cookie or header repeatedly, for example in a loop or in every middleware.',
      'Move large data out of headers and cookies into the body or server-side storage.',
    ],
    source: 'Chromium',
  },
  REQUEST_RANGE_NOT_SATISFIABLE: {
    title: 'The requested part of the file does not exist',
    side: 'site',
    what: 'The browser asked for only a part of a file (as it does for video, audio or resumed downloads), and the server said that part is not available, often because the file changed or is smaller than expected.',
    visitor: [
      'Reload the page or start the download again from the beginning.',
      'If it keeps failing, clear the browser\'s cached files for this site and try again.',
    ],
    owner: [
      'Check that the file was not replaced while clients were reading it; give new versions a new URL or a new ETag and Last-Modified.',
      'Check that Content-Length, Content-Range and Accept-Ranges on range answers match the real file size.',
      'Check that a proxy or CDN does not serve a stale or truncated cached copy for range requests.',
    ],
    source: 'Chromium',
  },
  CONTENT_DECODING_FAILED: {
    title: 'The answer said it was compressed, but it could not be unpacked',
    side: 'site',
    what: 'The server labelled its answer as compressed (for example with gzip or Brotli), but the content did not unpack correctly. Often it was compressed twice, not at all, or with a different method than stated.',
    visitor: [
      'Reload the page; if it fails every time, the fault is on the site\'s side.',
      'Tell the site which page or file fails.',
    ],
    owner: [
      'Compare the Content-Encoding header with the real body: curl -s -H "Accept-Encoding: gzip, br" URL | file - should show the stated format.',
      'Look for double compression: the app (for example PHP zlib.output_compression or framework middleware) and the web server or CDN both compressing.',
      'Check for output written before the compressed stream (stray whitespace, warnings, a BOM) and for precompressed files served with the wrong header.',
    ],
    source: 'Chromium',
  },
  CONTENT_DECODING_INIT_FAILED: {
    title: 'The browser could not start unpacking the compressed answer',
    side: 'site',
    what: 'The answer was labelled with a compression method the browser could not set up for this response, so it could not even begin to unpack it. This can happen when a method the browser did not offer is used, or a required shared dictionary is missing.',
    visitor: [
      'Reload the page, or compare with a private window or another browser to see if it differs.',
      'If it keeps failing, tell the site which page fails.',
    ],
    owner: [
      'Only use a Content-Encoding that appears in the request\'s Accept-Encoding header.',
      'If you use dictionary compression (dcb, dcz), check that the response uses the dictionary the browser announced in Available-Dictionary.',
      'Check whether a proxy or CDN rewrites Content-Encoding without changing the body, or the reverse.',
    ],
    source: 'Chromium',
  },
  ENCODING_CONVERSION_FAILED: {
    title: 'The text of the answer could not be converted',
    side: 'site',
    what: 'The browser tried to turn the text of the answer from the character set it was sent in into the one it works with, and that conversion failed.',
    visitor: [
      'Reload the page; if it fails every time, there is nothing more to do on your side.',
      'Tell the site which page fails.',
    ],
    owner: [
      'Declare the real character set in the Content-Type header (for example text/html; charset=utf-8) and make sure the body is actually in it.',
      'Prefer UTF-8 everywhere: files, database connection and templates.',
      'Check for mixed encodings in one response, for example a UTF-8 template with Latin-1 text from the database.',
    ],
    source: 'Chromium',
  },
  ENCODING_DETECTION_FAILED: {
    title: 'The browser could not tell how the text was encoded',
    side: 'site',
    what: 'The answer did not say which character set its text used, and the browser could not work it out from the content itself.',
    visitor: [
      'Reload the page; if it fails every time, tell the site which page fails.',
    ],
    owner: [
      'Send an explicit charset in the Content-Type header, for example text/plain; charset=utf-8.',
      'For HTML, also put a meta charset tag in the first 1024 bytes of the page.',
      'Convert legacy text files to UTF-8 so that no guessing is needed.',
    ],
    source: 'Chromium',
  },
  HTTP2_PROTOCOL_ERROR: {
    title: 'The server broke the rules of HTTP/2',
    side: 'site',
    what: 'The answer came over HTTP/2, a newer way of carrying web traffic, and something in it broke that protocol\'s rules, or the server aborted the answer with a protocol error. The browser had to drop it.',
    visitor: [
      'Reload the page; sometimes the error is passing.',
      'If you use antivirus or security software that scans secure traffic, try turning that feature off briefly, then tell its vendor.',
      'Try another browser or network; if it fails everywhere, tell the site.',
    ],
    owner: [
      'Check response headers: HTTP/2 forbids upper-case names and connection headers such as Connection, Keep-Alive, Transfer-Encoding and Upgrade; remove them in the app or proxy.',
      'Read the web server error log: nginx aborts HTTP/2 streams when it cannot write proxy temp files (disk full, permissions).',
      'Check header values for newlines or invalid characters, and that proxy buffers and timeouts fit large responses.',
      'Test with curl --http2 -v and with HTTP/2 off to confirm the layer at fault.',
    ],
    source: 'Chromium',
  },
  INVALID_AUTH_CREDENTIALS: {
    title: 'The login details could not be used',
    side: 'site',
    what: 'The site asked the browser to log in with its built-in sign-in method, and the username or password supplied could not be used for that method, so the sign-in stopped.',
    visitor: [
      'Try again and type the username and password carefully; check Caps Lock and whether a domain name is needed (for example DOMAIN\\name).',
      'Close all browser windows to clear remembered logins, then try once more.',
      'If it still fails, ask the site\'s support or your IT staff to check your account.',
    ],
    owner: [
      'Check the WWW-Authenticate challenge the server sends and which scheme (Basic, Digest, NTLM, Negotiate) the account is set up for.',
      'For Basic, make sure usernames and passwords with non-ASCII characters are handled (charset="UTF-8" in the challenge).',
      'Read the authentication log on the server or directory (IIS, Apache auth module, Active Directory) for the exact reason the login was rejected.',
    ],
    source: 'Chromium',
  },
  UNSUPPORTED_AUTH_SCHEME: {
    title: 'The site asked for a login method the browser does not offer',
    side: 'site',
    what: 'The server asked for a login, but only offered sign-in methods that this browser does not support or that a policy has switched off, so there was no way to answer.',
    visitor: [
      'Try another browser; it may support the login method this site uses.',
      'On a work or school computer, ask IT whether a policy limits sign-in methods.',
      'Otherwise tell the site that its login does not work in your browser or setup.',
    ],
    owner: [
      'Look at the WWW-Authenticate (or Proxy-Authenticate) headers and offer at least one widely supported scheme: Basic over HTTPS, Digest, NTLM or Negotiate.',
      'Check for typos or extra parameters that make the scheme unreadable.',
      'In managed environments, check the AuthSchemes browser policy, which can disable schemes.',
    ],
    source: 'Chromium',
  },
  MISSING_AUTH_CREDENTIALS: {
    title: 'No login details were available for the site\'s sign-in',
    side: 'browser',
    what: 'The site asked to sign you in automatically with your computer\'s account (for example Windows or Kerberos single sign-on), but no usable login was available, so the request could not be answered.',
    visitor: [
      'Make sure you are signed in to your work or school account on this computer, and that it is connected to that network or VPN.',
      'Lock and unlock, or sign out and back in, to refresh your login, then reload.',
      'If it still fails, tell your IT staff; this is about your account or device setup.',
    ],
    owner: [
      'Check that the user has a valid Kerberos ticket for the site\'s service name (klist) and that the SPN for the host is registered.',
      'Check the AuthServerAllowlist and AuthNegotiateDelegateAllowlist policies include the site\'s host name.',
      'Offer a fallback sign-in (a form or Basic over HTTPS) for devices outside the domain.',
    ],
    source: 'Chromium',
  },
  MISCONFIGURED_AUTH_ENVIRONMENT: {
    title: 'Your computer is not set up for the site\'s sign-in method',
    side: 'browser',
    what: 'The site asked for a sign-in that relies on system components of your computer (typically Kerberos single sign-on), and those are missing or set up wrongly, so the browser could not even try.',
    visitor: [
      'This needs your IT staff: tell them the site and that single sign-on failed on your device.',
      'Try another computer that is set up for your organisation\'s sign-in.',
    ],
    owner: [
      'On Linux and macOS, check that the GSSAPI/Kerberos libraries are installed and that krb5.conf names the right realm and KDC.',
      'Check the GSSAPILibraryName and related browser policies point at an existing library.',
      'Offer a fallback sign-in for devices that cannot do Negotiate.',
    ],
    source: 'Chromium',
  },
  RESPONSE_BODY_TOO_BIG_TO_DRAIN: {
    title: 'A login challenge came with too much content to skip',
    side: 'site',
    what: 'To retry a request (usually with login details) on the same connection, the browser first has to read and discard the rest of the previous answer. That leftover content was too large, so the browser gave up.',
    visitor: [
      'Reload the page; if it fails again, tell the site which page fails.',
    ],
    owner: [
      'Keep the body of 401 and 407 answers and of redirects small; send a short message, not a full page or file.',
      'Check that the server does not send a large file together with an authentication challenge.',
      'If large error bodies are needed, close the connection after them (Connection: close) so nothing has to be skipped.',
    ],
    source: 'Chromium',
  },
  RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH: {
    title: 'The answer gave two different sizes for itself',
    side: 'site',
    what: 'The answer contained more than one Content-Length header (the label saying how big the content is) with values that disagree. The browser cannot know where the answer ends, so it refused it for safety.',
    visitor: [
      'Reload the page; if it fails every time, tell the site which page or file fails.',
    ],
    owner: [
      'Run curl -sI URL and look for repeated Content-Length lines.',
      'Find which layer adds the second one: app code setting it by hand, a framework, the web server, a proxy or CDN; let only one layer set it.',
      'Make sure a length is not set before compression or a rewrite changes the body size.',
    ],
    source: 'Chromium',
  },
  INCOMPLETE_HTTP2_HEADERS: {
    title: 'The server stopped partway through the answer\'s headers',
    side: 'site',
    what: 'Over HTTP/2, the server began sending the header part of its answer but ended the stream before the headers were complete, so the browser had no usable answer.',
    visitor: [
      'Reload the page; if it fails every time, tell the site.',
    ],
    owner: [
      'Check the app and proxy logs for crashes, aborted workers or timeouts at the moment the answer started.',
      'Check for very large header sets that a proxy splits or drops (large cookies, long CSP), and the HTTP/2 header size limits of your server.',
      'Test with curl --http2 -v against the origin and through the CDN to find the layer at fault.',
    ],
    source: 'Chromium',
  },
  RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION: {
    title: 'The answer gave conflicting download instructions',
    side: 'site',
    what: 'The answer contained more than one Content-Disposition header (the label saying whether to show or download it, and under which file name), and they disagreed. The browser refused it rather than guess.',
    visitor: [
      'Try the download again; if it fails every time, tell the site which file it was.',
    ],
    owner: [
      'Run curl -sI URL and check for repeated Content-Disposition lines; set it in one place only.',
      'Quote file names (filename="a, b.pdf"): an unquoted comma makes one header look like two.',
      'Use filename* with UTF-8 encoding for non-ASCII names instead of raw characters.',
    ],
    source: 'Chromium',
  },
  RESPONSE_HEADERS_MULTIPLE_LOCATION: {
    title: 'The redirect pointed to several places at once',
    side: 'site',
    what: 'The server answered with a redirect that named more than one different destination, so the browser could not tell where to go and stopped.',
    visitor: [
      'Go back and try the link again; if it fails every time, tell the site which link it was.',
    ],
    owner: [
      'Run curl -sI URL and look for repeated Location lines.',
      'Find the layers that each set a redirect (app code, framework, web server rewrite, CDN rule) and keep only one.',
      'Percent-encode commas in redirect targets, since a raw comma can make one header look like two.',
    ],
    source: 'Chromium',
  },
  CONTENT_LENGTH_MISMATCH: {
    title: 'The answer ended before all of it arrived',
    side: 'site',
    what: 'The server said how large its answer would be, but the connection ended before that much content had arrived. The page or file is incomplete.',
    visitor: [
      'Reload the page or start the download again.',
      'If it keeps failing on a large file, try a steadier connection.',
      'If it fails every time, tell the site which page or file it is.',
    ],
    owner: [
      'Compare the Content-Length header with the bytes actually sent (curl -v URL -o /dev/null).',
      'Check that the length is computed after compression or templating, not before.',
      'Check logs for workers that crash or are killed mid-answer, and for proxy timeouts (proxy_read_timeout, send_timeout) on slow or large answers.',
      'Check free disk space and permissions for proxy temp and cache directories.',
    ],
    source: 'Chromium',
  },
  INCOMPLETE_CHUNKED_ENCODING: {
    title: 'The answer stopped before its last piece',
    side: 'site',
    what: 'The server was sending its answer in pieces (chunked transfer), and the connection ended before the final, empty piece that marks the end. The page or file is incomplete.',
    visitor: [
      'Reload the page; if you use a security program that scans web traffic, try turning that feature off briefly.',
      'If it fails every time, tell the site which page or file it is.',
    ],
    owner: [
      'Check app logs for errors or crashes after output started; an exception mid-stream cuts the answer off.',
      'Check proxy and load balancer timeouts (proxy_read_timeout, idle timeouts) against slow or streamed answers.',
      'Check free disk space and permissions of proxy temp directories, and nginx error log lines about upstream or temp files.',
    ],
    source: 'Chromium',
  },
  RESPONSE_HEADERS_TRUNCATED: {
    title: 'The connection ended in the middle of the answer\'s headers',
    side: 'site',
    what: 'The server started sending the header part of its answer, but the connection closed before the headers were complete, so the browser had no usable answer.',
    visitor: [
      'Reload the page; if it fails every time, tell the site.',
    ],
    owner: [
      'Check app and web server logs for crashes or killed workers when the answer started.',
      'Check for very large headers that a proxy or load balancer cuts off or rejects (big cookies, long CSP).',
      'Test the origin directly and through the proxy or CDN with curl -v to see where the headers get cut.',
    ],
    source: 'Chromium',
  },
  HTTP2_FLOW_CONTROL_ERROR: {
    title: 'The server sent more data than the browser had room for',
    side: 'site',
    what: 'Over HTTP/2, the browser tells the server how much data it is ready to take at a time. The server sent more than that allowance, breaking the protocol, so the browser dropped the connection.',
    visitor: [
      'Reload the page; if it fails every time, tell the site.',
      'Try another network in case a device in between is interfering.',
    ],
    owner: [
      'Check the HTTP/2 implementation of the server, proxy or CDN for known flow-control bugs and update it.',
      'Review custom HTTP/2 window settings (for example initial window size tuning) and go back to defaults to test.',
      'Reproduce with curl --http2 or nghttp -v and compare with HTTP/2 turned off.',
    ],
    source: 'Chromium',
  },
  HTTP2_FRAME_SIZE_ERROR: {
    title: 'The server sent an HTTP/2 block of the wrong size',
    side: 'site',
    what: 'HTTP/2 carries data in blocks called frames, with agreed size limits. The server sent a frame that was too large or had the wrong length for its type, so the browser dropped the connection.',
    visitor: [
      'Reload the page; if it fails every time, tell the site.',
    ],
    owner: [
      'Check the max frame size settings of the server and proxy (for example http2_chunk_size, SETTINGS_MAX_FRAME_SIZE) and go back to defaults to test.',
      'Update the server, proxy or HTTP/2 library; frame size bugs are usually fixed in newer versions.',
      'Capture the exchange with nghttp -v to see which frame is rejected.',
    ],
    source: 'Chromium',
  },
  HTTP2_COMPRESSION_ERROR: {
    title: 'The server\'s compressed headers could not be read',
    side: 'site',
    what: 'HTTP/2 compresses the header part of each answer with a shared table kept by both sides. The server\'s headers could not be unpacked with that table, so the browser had to drop the connection.',
    visitor: [
      'Reload the page; if it fails every time, tell the site.',
      'Try another network in case a device in between is interfering.',
    ],
    owner: [
      'Check the server, proxy or CDN for known HPACK bugs and update it.',
      'Look for very large or unusual headers that may trip the header table size limits (SETTINGS_HEADER_TABLE_SIZE).',
      'Reproduce with nghttp -v against the origin and through each proxy to find the layer at fault.',
    ],
    source: 'Chromium',
  },
  HTTP_1_1_REQUIRED: {
    title: 'The server insisted on the older HTTP/1.1',
    side: 'site',
    what: 'The request went over HTTP/2, and the server answered that this request can only be handled over the older HTTP/1.1. The browser normally retries quietly; this time the request still failed.',
    visitor: [
      'Reload the page; the second try often works.',
      'If it keeps failing, tell the site; nothing on your side needs changing.',
    ],
    owner: [
      'This often comes from IIS when Windows Authentication (NTLM, Negotiate) or a client certificate asked for after the handshake is used over HTTP/2.',
      'Ask for client certificates during the TLS handshake, or turn off HTTP/2 for the sites or paths that need these features.',
      'Check the server and proxy logs for HTTP_1_1_REQUIRED stream resets and which URLs trigger them.',
    ],
    source: 'Chromium',
  },
  PROXY_HTTP_1_1_REQUIRED: {
    title: 'The proxy insisted on the older HTTP/1.1',
    side: 'intermediary',
    what: 'The browser talked to a proxy over HTTP/2, and the proxy answered that it can only handle this request over the older HTTP/1.1. The retry also failed.',
    visitor: [
      'Reload the page.',
      'If you are on a work or school network, tell IT about the error; the proxy belongs to them.',
    ],
    owner: [
      'Check the proxy\'s HTTP/2 support and the features it needs HTTP/1.1 for, usually proxy authentication with NTLM or Negotiate.',
      'Turn off HTTP/2 between browsers and the proxy, or switch proxy authentication to a scheme that works over HTTP/2.',
      'Update the proxy software, since older versions handle HTTP/2 poorly.',
    ],
    source: 'Chromium',
  },
  INVALID_HTTP_RESPONSE: {
    title: 'The server did not answer in HTTP at all',
    side: 'site',
    what: 'Something answered at this address, but the reply did not start like a web answer: there was no proper status line. Often a different kind of service is listening there, or the answer is garbled.',
    visitor: [
      'Check the address, especially any port number after the site name (such as :8080).',
      'Try http:// or https:// if you typed the address yourself.',
      'If it still fails, tell the site.',
    ],
    owner: [
      'Run curl -v http://host:port/ and look at the first bytes of the reply; it must start with a line like HTTP/1.1 200 OK.',
      'Check that the port really belongs to the web server and not to SSH, a database, a mail server or another service.',
      'Check for plain HTTP sent to a TLS port or the reverse, and for app code that writes output before the headers.',
    ],
    source: 'Chromium',
  },
  HTTP2_RST_STREAM_NO_ERROR_RECEIVED: {
    title: 'The server closed the request early without giving a reason',
    side: 'site',
    what: 'Over HTTP/2, the server ended this request\'s stream and said "no error", but before the browser had a complete answer. Servers sometimes do this after answering early while the browser is still sending, for example an upload.',
    visitor: [
      'Try again; if you were uploading a file, try a smaller one.',
      'If it fails every time, tell the site what you were doing.',
    ],
    owner: [
      'Check whether the server answers before reading the whole request body, for example on upload size limits (client_max_body_size) or auth failures; read or reject the body cleanly.',
      'Check proxy and app timeouts on slow uploads.',
      'Look in the server and proxy logs for streams reset at the time and the status they sent.',
    ],
    source: 'Chromium',
  },
  HTTP_RESPONSE_CODE_FAILURE: {
    title: 'The server answered with an error and nothing to show',
    side: 'site',
    what: 'The server replied with an error status (such as 404 or 500), and either sent no page to display or the browser was fetching something that cannot be used when the answer is an error.',
    visitor: [
      'Reload the page in a minute.',
      'Check the address for typos.',
      'If it keeps happening, tell the site what you were trying to open.',
    ],
    owner: [
      'Look up the status code of the request (DevTools Network panel or curl -sI URL) and handle it as that status: missing file, server error, and so on.',
      'Give error answers a short readable body so visitors see more than a blank page.',
      'For service workers, scripts and other resources, make sure their URLs return 200.',
    ],
    source: 'Chromium',
  },
  TOO_MANY_ACCEPT_CH_RESTARTS: {
    title: 'The site kept asking for more details about the browser',
    side: 'site',
    what: 'The site asked for extra details about the browser and device (client hints) and required them before answering, so the browser resent the request with them. The site kept asking again, and the browser stopped after too many restarts.',
    visitor: [
      'Reload the page; if it fails every time, tell the site.',
    ],
    owner: [
      'Check Critical-CH: every hint listed there must also be in Accept-CH, and only hints the browser supports.',
      'Make sure Accept-CH and Critical-CH are the same on every response, including redirects and CDN-cached variants.',
      'Check for Accept-CH set via HTTP/2 ALPS or meta tags that contradicts the headers.',
    ],
    source: 'Chromium',
  },
  WS_PROTOCOL_ERROR: {
    title: 'The live connection to the site broke its rules',
    side: 'site',
    what: 'The page opened a WebSocket, a live two-way connection used for chat, updates and games. The server\'s side of it did not follow the WebSocket rules, either in the opening handshake or in later messages, so the browser closed it.',
    visitor: [
      'Reload the page; live features may reconnect.',
      'Try another network; some company and public networks break live connections.',
      'If it keeps happening, tell the site.',
    ],
    owner: [
      'Check the handshake answer: status 101 with Upgrade: websocket, Connection: Upgrade and a correct Sec-WebSocket-Accept.',
      'Make sure proxies forward Upgrade and Connection headers (nginx: proxy_http_version 1.1 and proxy_set_header for both).',
      'Check that server frames are not masked, that text frames are valid UTF-8, and that extensions and subprotocols match what the client offered.',
    ],
    source: 'Chromium',
  },
  WS_UPGRADE: {
    title: 'The request was handed over to a live connection',
    side: 'browser',
    what: 'The server agreed to switch this request to a WebSocket, a live two-way connection. The browser marks the original web request as ended when that happens; on its own this is normal and not a failure.',
    visitor: [
      'Nothing to do; if the page works, ignore this.',
      'If live features (chat, updates) do not work, reload the page.',
    ],
    owner: [
      'No action is needed for this request itself; check the WebSocket connection that follows in DevTools (Network panel, WS filter).',
      'If the live connection then fails, check that proxies and load balancers forward the Upgrade and keep idle WebSockets open long enough.',
    ],
    source: 'Chromium',
  },
  INVALID_SIGNED_EXCHANGE: {
    title: 'A signed copy of the page was not valid',
    side: 'site',
    what: 'The browser received a signed exchange, a copy of the page signed by the site so that others (such as a search engine\'s cache) can deliver it. The signature or the package did not check out, so the browser did not use it.',
    visitor: [
      'Open the site directly by typing its address, instead of through the search result or link.',
      'If that works, nothing else is needed; you can tell the site its signed pages are broken.',
    ],
    owner: [
      'Check the signing certificate: it needs the CanSignHttpExchanges extension, must not be expired, and the cert-url must be reachable.',
      'Check signature validity windows (at most 7 days) and that the exchange is re-signed in time.',
      'Validate with dump-signedexchange -verify, and check Content-Type application/signed-exchange;v=b3 with X-Content-Type-Options: nosniff.',
      'If your CDN signs pages for you (automatic signed exchanges), check its status or turn the feature off.',
    ],
    source: 'Chromium',
  },
  INVALID_WEB_BUNDLE: {
    title: 'A bundle of files from the site could not be read',
    side: 'site',
    what: 'The page loaded a web bundle, a single file that packs many resources together. The bundle was damaged or in a format the browser does not accept, so none of its contents could be used.',
    visitor: [
      'Reload the page; if it fails every time, tell the site.',
    ],
    owner: [
      'Check the bundle is served with Content-Type application/webbundle and X-Content-Type-Options: nosniff.',
      'Rebuild the bundle with current tooling and make sure its format version is one the browser supports.',
      'Make sure no proxy or CDN compresses, truncates or rewrites the bundle in transit.',
    ],
    source: 'Chromium',
  },
};
