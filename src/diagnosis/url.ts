// What every part of the extension reads from a URL, said once. Never throws on odd input.

/** Recent answers: a page's failures share a few hosts and initiators, and URL parsing is not free. */
const recentHosts = new Map<string, string>();
const MAX_REMEMBERED = 256;
/** Longer URLs (a page can make its own up to 2 MB) are parsed each time: 256 of them would hold half a gigabyte. */
const MAX_REMEMBERED_LENGTH = 4097;

/**
 * The host name of a URL, '' when it has none or does not parse.
 * The name, not `host` with its port: a site is a name (as the settings and cookies see it), so muting
 * 127.0.0.1 holds for every port, and the report groups by the same key the notification mutes by.
 * The port stays visible in every failure's URL.
 */
export function hostOf(url: string | undefined): string {
  if (!url) return '';
  let host = recentHosts.get(url);
  if (host !== undefined) return host;
  try {
    host = new URL(url).hostname;
  } catch {
    host = '';
  }
  if (url.length > MAX_REMEMBERED_LENGTH) return host;
  if (recentHosts.size >= MAX_REMEMBERED) recentHosts.clear();
  recentHosts.set(url, host);
  return host;
}

/** Where a host is wanted as a label: the host, or the start of a URL that has none. */
export const hostLabel = (url: string): string => hostOf(url) || url.slice(0, 80);

/** A long host or URL as a line shows it: its start and its end, the middle left out (`…`); at most `max` characters. */
export function shortenMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.floor((max - 1) / 2);
  return `${text.slice(0, max - 1 - tail)}…${text.slice(text.length - tail)}`;
}

/** The site's icons browsers ask for by themselves: a 404 there is no failure of the page. */
export const isFavicon = (url: string): boolean =>
  /\/(?:favicon\.ico|apple-touch-icon[^/]*\.png)$/i.test(url.split(/[?#]/, 1)[0]!);

/** Every web address in a text without its query string and fragment: notes quote addresses (a redirect loop's). */
export const withoutQueriesIn = (text: string): string => text.replace(/\b((?:https?|wss?):\/\/[^\s?#]*)[?#]\S*/gi, '$1');

/** Drop query string and fragment: they often carry tokens, emails or search terms. */
export function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

/** Whether a tab showing `tabUrl` is still on `pageUrl`: a fragment change (a hash-routed app) is the same page. */
export const samePage = (tabUrl: string | undefined, pageUrl: string): boolean =>
  pageUrl !== '' && tabUrl !== undefined && tabUrl.split('#')[0] === pageUrl.split('#')[0];
