// What the extension's own requests (Recheck, Watch) may do: which refusals of the browser they respect,
// which network they may reach, when they carry cookies, and which redirects they follow. Pure.
import { addressSpace, reaches, type AddressSpace } from './address';
import { siteOf } from './headers-parse';
import type { Classification, Observation } from './types';
import { hostOf } from './url';

/** What these rules read of a failed request. */
export type Failed = Pick<Observation, 'url' | 'type' | 'error' | 'initiator' | 'ip' | 'cors'> & Pick<Classification, 'errorName'>;

/** Errors of requests the browser itself refused for security or policy: a repeat must not get round them. */
const REFUSED = /^(?:BLOCKED_BY_\w+|CLEARTEXT_NOT_PERMITTED|NETWORK_ACCESS_DENIED|UNSAFE_REDIRECT|UNSAFE_PORT|DISALLOWED_URL_SCHEME|\w*(?:LOCAL|PRIVATE)_NETWORK_ACCESS\w*)$/;
/** Firefox's own refusals, also those without a Chromium twin (CORS, CORP, CSP, X-Frame-Options, safe browsing, policies). */
const FIREFOX_REFUSED = /^NS_ERROR_(?:DOM_\w+|CSP_\w+|XFO_\w+|\w+_URI|\w*BLOCKED\w*|\w*POLICY\w*)$/;

const originOf = (url: string | undefined): string | undefined => {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Why the browser may have refused the request itself, if it may have. A request to another origin that ended
 * in a bare ERR_FAILED is how Chromium reports a CORS refusal (and a local-network-access block): not repeated.
 * Nor is one whose CORS refusal was named (also an error status CORS hid): the extension is not bound by CORS.
 */
export function browserRefusal(original: Failed): 'refused' | 'cors' | undefined {
  if (original.cors) return 'cors';
  if (original.error === 'NS_ERROR_DOM_BAD_URI') return 'cors';
  if (REFUSED.test(original.errorName ?? '') || FIREFOX_REFUSED.test(original.error ?? '')) return 'refused';
  const crossOrigin = originOf(original.initiator) !== originOf(original.url);
  if (original.errorName === 'FAILED' && original.type !== 'main_frame' && crossOrigin) return 'cors';
  return undefined;
}

/**
 * The pages a failure belongs to: a page that failed to load is itself the page; anything else belongs to
 * the tab's top page (when known) and to the document that made it (its initiator).
 */
const pagesOf = (original: Failed, pageUrl: string | undefined): string[] =>
  original.type === 'main_frame' ? [original.url] : [pageUrl, original.initiator].filter((url): url is string => !!url);

/** The most private network every page of the failure is on: what its repeat may reach ('public' when none is known). */
export function reachOf(original: Failed, pageUrl?: string): AddressSpace {
  // A page that failed to load was on the network it was seen at.
  if (original.type === 'main_frame') return addressSpace(original.url, original.ip);
  // A page on the request's own host was loaded from the address the request went to (its `ip`).
  const host = hostOf(original.url);
  const spaces = pagesOf(original, pageUrl).map((page) => addressSpace(page, hostOf(page) === host ? original.ip : undefined));
  return spaces.length ? spaces.reduce((least, space) => (reaches(space, least) ? space : least)) : 'public';
}

/** Whether the failed request went to the same site as its pages: only then could the page have sent its cookies. */
export function firstParty(original: Failed, pageUrl?: string): boolean {
  const pages = pagesOf(original, pageUrl);
  const site = siteOf(hostOf(original.url));
  return pages.length > 0 && site !== '' && pages.every((page) => siteOf(hostOf(page)) === site);
}

/** The redirects a repeat follows before it counts as a redirect loop, as many as the browser's own limit. */
export const MAX_REDIRECTS = 20;

/**
 * Whether a repeat follows a redirect from `from` to `to`: only within the same site, over http(s), and
 * never onto a more private network than its page's. Anything else is reported where it pointed, not followed.
 */
export function mayFollow(from: string, to: string, reach: AddressSpace): boolean {
  if (!/^https?:/i.test(to)) return false;
  const site = siteOf(hostOf(from));
  return site !== '' && siteOf(hostOf(to)) === site && reaches(addressSpace(to), reach);
}
