// Which failures make noise for this person: the sites they work on, third parties, and being offline. Pure.
import { siteOf } from './headers-parse';
import { checkRule } from './ignore';

/** What the badge and the in-page notice react to, once "Sites I work on" has entries. */
export const REACT_TO = ['all', 'my-sites', 'to-my-sites'] as const;
export type ReactTo = (typeof REACT_TO)[number];

/** Whether a host is one of the listed hosts or their subdomains (`example.com` covers `api.example.com`). */
export function onHostList(host: string, list: readonly string[]): boolean {
  if (!host) return false;
  const name = host.toLowerCase();
  return list.some((listed) => name === listed || name.endsWith(`.${listed}`));
}

/** "Sites I work on" as typed, one host per line: hosts as URL parsing writes them, and the lines that are none. */
export function parseSiteList(text: string): { sites: string[]; invalid: string[] } {
  const sites: string[] = [];
  const invalid: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const typed = line.trim();
    if (!typed) continue;
    // A pasted address counts as its host.
    let candidate = typed.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[/?#].*$/, '').replace(/^\*\./, '').replace(/:\d+$/, '');
    const checked = checkRule({ host: candidate });
    candidate = checked.ok ? checked.rule.host! : '';
    if (!candidate) invalid.push(typed);
    else if (!sites.includes(candidate)) sites.push(candidate);
  }
  return { sites, invalid };
}

/** Whether a failure of `requestHost` on a page of `pageHost` counts on the badge and may notify. */
export function reactsTo(reactTo: ReactTo, mySites: readonly string[], requestHost: string, pageHost: string): boolean {
  if (mySites.length === 0 || reactTo === 'all') return true;
  if (reactTo === 'my-sites') return onHostList(pageHost, mySites);
  return onHostList(requestHost, mySites);
}

/** A request to another site than the page's own (analytics, ads, widgets). */
export const isThirdParty = (requestHost: string, pageHost: string): boolean =>
  requestHost !== '' && pageHost !== '' && siteOf(requestHost) !== siteOf(pageHost);

/** Errors that mean the device itself has no network, whatever the site. */
const OFFLINE_ERRORS = new Set(['INTERNET_DISCONNECTED', 'NETWORK_CHANGED', 'NS_ERROR_OFFLINE']);
/** Errors that mean no network when the browser also says it is offline (a DNS failure then is no site's fault). */
const OFFLINE_WHEN_OFFLINE = new Set(['NAME_NOT_RESOLVED', 'NAME_RESOLUTION_FAILED', 'NS_ERROR_UNKNOWN_HOST', 'ADDRESS_UNREACHABLE', 'NETWORK_ACCESS_DENIED']);

/** Whether a failure comes from being offline: grouped under one "You are offline" instead of one notice each. */
export function isOfflineFailure(code: string, errorName: string | undefined, browserOnline: boolean): boolean {
  const name = errorName ?? code.replace(/^net::ERR_/, '');
  return OFFLINE_ERRORS.has(name) || (!browserOnline && OFFLINE_WHEN_OFFLINE.has(name));
}
