// Internal-only errors explained together, and generic text per stage for strings nobody catalogued.
import type { Catalog } from '../types';

const reportToBrowser = 'If it keeps happening, restart the browser; if it still does, report it to the browser maker.';

export const netErrorGroups: Catalog['netErrorGroups'] = [
  {
    names: ['CACHE_MISS', 'CACHE_READ_FAILURE', 'CACHE_WRITE_FAILURE', 'CACHE_OPERATION_NOT_SUPPORTED', 'CACHE_OPEN_FAILURE',
      'CACHE_CREATE_FAILURE', 'CACHE_RACE', 'CACHE_CHECKSUM_READ_FAILURE', 'CACHE_CHECKSUM_MISMATCH', 'CACHE_LOCK_TIMEOUT',
      'CACHE_AUTH_FAILURE_AFTER_READ', 'CACHE_ENTRY_NOT_SUITABLE', 'CACHE_DOOM_FAILURE', 'CACHE_OPEN_OR_CREATE_FAILURE'],
    explanation: {
      title: "The browser's own cache could not be used",
      side: 'browser',
      what: 'The browser tried to read or store this address in its local cache and that step failed. These are bookkeeping errors inside the browser; a web page rarely sees them, and the website is not involved.',
      visitor: ['Reload the page; the browser usually fetches a fresh copy.', 'If pages keep failing, clear the browser cache and check the disk has free space.', reportToBrowser],
      owner: ['Nothing on the server causes this. If many visitors report it, ask for their browser version and whether the page uses "only-if-cached" fetches.'],
      source: 'Chromium (internal cache errors)',
    },
  },
  {
    names: ['IO_PENDING', 'INVALID_ARGUMENT', 'INVALID_HANDLE', 'NOT_IMPLEMENTED', 'READ_IF_READY_NOT_IMPLEMENTED',
      'UNEXPECTED_SECURITY_LIBRARY_STATUS', 'UNDOCUMENTED_SECURITY_LIBRARY_STATUS', 'MALFORMED_IDENTITY',
      'PRECONNECT_MAX_SOCKET_LIMIT', 'WINSOCK_UNEXPECTED_WRITTEN_BYTES'],
    explanation: {
      title: 'The browser hit an internal problem',
      side: 'browser',
      what: 'Something inside the browser\'s networking code did not behave as expected, before the request could do its job. These states are normally handled inside the browser and almost never reach a page.',
      visitor: ['Reload the page.', reportToBrowser],
      owner: ['Nothing on the site causes this directly. Note the browser version and operating system from affected visitors.'],
      source: 'Chromium (internal states)',
    },
  },
  {
    names: ['FILE_NOT_FOUND', 'FILE_TOO_BIG', 'FILE_EXISTS', 'FILE_PATH_TOO_LONG', 'FILE_NO_SPACE', 'FILE_VIRUS_INFECTED'],
    explanation: {
      title: 'A local file could not be read or written',
      side: 'browser',
      what: 'The request involved a file on this computer (an upload or a download) and the file system refused: the file is gone, too big, has a too-long path, the disk is full, or a virus scanner blocked it.',
      visitor: ['Check the file still exists where you picked it, and that the disk has free space.', 'If a virus scanner flagged the file, do not open it.'],
      owner: ['Nothing on the server causes this; the problem is on the visitor\'s computer.'],
      source: 'Chromium (local file errors)',
    },
  },
  {
    names: ['NO_PRIVATE_KEY_FOR_CERT', 'ADD_USER_CERT_FAILED'],
    explanation: {
      title: "The browser's certificate store could not be used",
      side: 'browser',
      what: 'The browser could not find or install a personal certificate (the kind some companies and government sites use to sign you in). This happens in the certificate manager, not on the site.',
      visitor: ['Check the client certificate is installed with its private key (a .p12 or .pfx file includes it).', 'Ask whoever issued the certificate for a fresh copy.'],
      owner: ['If your site asks for client certificates, give users clear steps to install them with their private key.'],
      source: 'Chromium (certificate manager)',
    },
  },
  {
    names: ['CT_STH_PARSING_FAILED', 'CT_STH_INCOMPLETE', 'CT_CONSISTENCY_PROOF_PARSING_FAILED'],
    explanation: {
      title: 'Certificate Transparency data could not be read',
      side: 'browser',
      what: 'The browser keeps public logs of issued certificates up to date in the background; reading one of those log updates failed. It is bookkeeping inside the browser, not a problem with this site.',
      visitor: ['Nothing to do; the browser fetches the data again later.'],
      owner: ['Nothing on your site causes this.'],
      source: 'Chromium (Certificate Transparency)',
    },
  },
  {
    names: ['TRUST_TOKEN_OPERATION_FAILED', 'TRUST_TOKEN_OPERATION_SUCCESS_WITHOUT_SENDING_REQUEST'],
    explanation: {
      title: 'A Private State Token step did not send the request',
      side: 'browser',
      what: 'The page asked the browser for a Private State Token (an anti-fraud token) with this request. The token step failed, or it was answered from the browser\'s store so the request never had to leave.',
      visitor: ['Nothing to do; pages that use these tokens have a fallback.'],
      owner: ['Check the token issuer configuration and handle a failed token operation in your script.'],
      source: 'Chromium (Private State Tokens)',
    },
  },
  {
    names: ['SOCKET_SET_RECEIVE_BUFFER_SIZE_ERROR', 'SOCKET_SET_SEND_BUFFER_SIZE_ERROR',
      'SOCKET_RECEIVE_BUFFER_SIZE_UNCHANGEABLE', 'SOCKET_SEND_BUFFER_SIZE_UNCHANGEABLE'],
    explanation: {
      title: 'The operating system refused a network tuning setting',
      side: 'browser',
      what: 'The browser asked the operating system to size a network buffer and the system said no. It happens before any data is exchanged and has nothing to do with the site.',
      visitor: ['Reload the page.', 'Security or VPN software that hooks into networking can cause this; try without it.'],
      owner: ['Nothing on your site causes this.'],
      source: 'Chromium (socket setup)',
    },
  },
  {
    names: ['DNS_CACHE_MISS', 'DNS_SORT_ERROR', 'DNS_SEARCH_EMPTY', 'DNS_REQUEST_CANCELLED'],
    explanation: {
      title: "The browser's name lookup stopped early",
      side: 'browser',
      what: 'An internal step of the browser\'s own name lookup ended without an answer: the lookup was cancelled, only the cache was allowed, or the results could not be ordered. The real lookup usually runs again right after.',
      visitor: ['Reload the page.'],
      owner: ['Nothing on your site causes this; if it repeats, check your DNS records answer quickly and consistently.'],
      source: 'Chromium (resolver internals)',
    },
  },
  {
    names: ['UNRECOGNIZED_FTP_DIRECTORY_LISTING_FORMAT'],
    explanation: {
      title: 'An FTP listing could not be read',
      side: 'site',
      what: 'An old FTP server sent a directory listing in a format the browser does not understand. Current browsers no longer support FTP at all.',
      visitor: ['Use a dedicated FTP program to open this address.'],
      owner: ['Offer the files over HTTPS instead of FTP.'],
      source: 'Chromium (legacy FTP)',
    },
  },
];

export const stages: Catalog['stages'] = {
  browser: {
    title: 'Stopped inside the browser',
    side: 'browser',
    what: 'The request never left this computer: the browser, an extension or a policy stopped it before any network step.',
    visitor: ['If the page looks broken, try it with extensions turned off or in a private window to compare.', 'Check whether your organisation manages this browser and its extensions.'],
    owner: ['Open the browser console: it usually names the rule that blocked the request (CSP, mixed content, CORS, an extension).'],
  },
  dns: {
    title: 'The address could not be looked up',
    side: 'network',
    what: 'Before connecting, the browser asks DNS for the server\'s address. That lookup failed, so nothing was sent to the site.',
    visitor: ['Check the address for typos.', 'Check your internet connection, then try again.', 'If other sites work, the site\'s name may be misconfigured: tell its owner.'],
    owner: ['Check the domain\'s DNS records with "dig NAME" from outside your network, and that the domain has not expired.'],
  },
  connect: {
    title: 'No connection to the server',
    side: 'network',
    what: 'The address was found, but the browser could not open a connection to the server: nothing answered, or something refused or blocked it.',
    visitor: ['Check your internet connection, VPN or proxy, then try again in a minute.', 'If only this site fails, it is probably down: try later.'],
    owner: ['Check the server is running and listening on the right port, and that firewalls and security groups let visitors in.'],
  },
  tls: {
    title: 'The secure connection could not be set up',
    side: 'site',
    what: 'A connection opened, but setting up encryption (TLS) failed: the certificate or the security settings were not acceptable, so nothing was sent.',
    visitor: ['Check your computer\'s date and time.', 'Do not bypass the warning on sites where you sign in or pay.', 'Tell the site owner; only they can fix the certificate.'],
    owner: ['Test the site with "openssl s_client -connect HOST:443 -servername HOST": check the certificate chain, expiry, names and TLS versions.'],
  },
  send: {
    title: 'The connection broke while sending',
    side: 'network',
    what: 'The connection was open, but it failed while the browser was still sending the request to the server.',
    visitor: ['Try again; if you were uploading, check the file and your connection.'],
    owner: ['Check request size limits and timeouts on the server and any proxy in front of it.'],
  },
  wait: {
    title: 'No answer came from the server',
    side: 'site',
    what: 'The request was sent, but no usable answer came back: the server closed or reset the connection, or it took too long.',
    visitor: ['Reload in a minute; the server may be overloaded or restarting.'],
    owner: ['Check server and proxy logs around this time for crashes, restarts and timeouts; compare proxy and application timeout settings.'],
  },
  receive: {
    title: 'The answer was an error or broken',
    side: 'site',
    what: 'An answer came back from the server, but it was an error or could not be used as it was.',
    visitor: ['Reload the page; if it keeps failing, tell the site owner what you were doing.'],
    owner: ['Look at the response in the browser\'s developer tools (Network tab) and at the server logs for this request.'],
  },
};
