// Fallback explanations per status class, for codes without an entry of their own.
import type { Explanation } from '../../types';
import type { Catalog } from '../types';

/** Fallback for codes 600-999: HTTP defines no class for them, so only the sender knows. */
function nonstandardClass(digit: number): Explanation {
  return {
    title: 'A status code outside the HTTP standard',
    side: 'site',
    what: `The server answered with a status this catalog does not know. Codes in the ${digit}xx range are not defined by HTTP at all, so only the service or product that sent it can say what it means.`,
    visitor: [
      'Reload the page.',
      'If it keeps happening, contact the site and mention the number shown; only its owner can say what it means.',
    ],
    owner: [
      'Find which component sent the code (application, proxy, CDN, security or monitoring tool) and check its documentation.',
      'Read the response body, which may explain the custom code.',
      'Prefer a standard 4xx or 5xx status so that browsers and tools can handle the answer.',
    ],
  };
}

export const statusClasses: Catalog['statusClasses'] = {
  1: {
    title: 'An interim answer arrived where a final one was expected',
    side: 'site',
    what: 'The server answered with a status this catalog does not know. Codes in the 1xx range are interim notes (such as "keep going") that browsers handle silently, so a request ending on one suggests a server or proxy passed it on wrongly.',
    visitor: [
      'Reload the page.',
      'If it keeps happening, report it to the site; nothing on your side is likely to be wrong.',
    ],
    owner: [
      'Find which component sent the 1xx code as a final answer: the application, a proxy or a CDN.',
      'Check that proxies forward or absorb interim responses correctly, especially around Expect: 100-continue and HTTP/2.',
      'Look up the exact code in the IANA HTTP status code registry.',
    ],
  },
  2: {
    title: 'The request succeeded, but not in the expected way',
    side: 'site',
    what: 'The server answered with a status this catalog does not know. Codes in the 2xx range mean success, so the request itself worked; if something still looks broken, the page probably expected a different kind of answer.',
    visitor: [
      'Reload the page; if something is still missing, report it to the site.',
    ],
    owner: [
      'Check what the page\'s code expects from this request and whether it handles this success code (for example an empty or partial body).',
      'Look up the exact code in the IANA registry or in the documentation of the server that sent it.',
    ],
  },
  3: {
    title: 'The server pointed somewhere else',
    side: 'site',
    what: 'The server answered with a status this catalog does not know. Codes in the 3xx range send the browser to another address; with an unfamiliar code the browser may not follow it, and the page or resource stays missing.',
    visitor: [
      'Reload the page, or go to the site\'s home page and navigate from there.',
      'If it keeps happening, report the address to the site.',
    ],
    owner: [
      'Check which redirect code the server sends and that it names the new address; browsers follow only the standard codes automatically.',
      'Use 301 or 308 for permanent moves and 302, 303 or 307 for temporary ones.',
      'Check for redirect loops between the application, the web server and any CDN.',
    ],
  },
  4: {
    title: 'The server refused the request',
    side: 'browser',
    what: 'The server answered with a status this catalog does not know. Codes in the 4xx range mean the server found a problem with the request itself, such as the address, missing sign-in or permission, or the data that was sent.',
    visitor: [
      'Check the address and reload the page.',
      'If the site uses an account, sign in again.',
      'If it keeps failing, contact the site and mention the error number.',
    ],
    owner: [
      'Read the response body and the application log to see why the request was refused.',
      'Find which component sent the code (application, web server, CDN, WAF); unusual 4xx codes usually belong to a specific product, so check its documentation.',
      'Prefer a standard 4xx code with a clear message so browsers and tools understand it.',
    ],
  },
  5: {
    title: 'The server failed to handle the request',
    side: 'site',
    what: 'The server answered with a status this catalog does not know. Codes in the 5xx range mean the request may well have been fine, but the server, or a gateway in front of it, failed to deal with it.',
    visitor: [
      'Reload the page in a minute or two.',
      'If you sent a form, order or payment, check whether it went through before sending it again.',
      'If it lasts, contact the site; the problem is on its side.',
    ],
    owner: [
      'Check the application and web server error logs at the time of the error.',
      'Find which component sent the code (application, proxy, load balancer, CDN) and look the number up in its documentation.',
      'Check the health of the services the site depends on.',
    ],
  },
  6: nonstandardClass(6),
  7: nonstandardClass(7),
  8: nonstandardClass(8),
  9: nonstandardClass(9),
};
