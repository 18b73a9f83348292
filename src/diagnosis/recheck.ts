// Recheck and watch rules: which requests may be repeated, what a repeat shows, and when to look again.
// Pure: the background runs the requests, these functions judge them.
import { addressSpace, reaches, type AddressSpace } from './address';
import type { ServerProblem } from './problem';
import { parseRetryAfter } from './headers-parse';
import { MAX_URL_LENGTH } from './observe';
import { httpStatusOf } from './status';
import { browserRefusal, firstParty, reachOf } from './trust';
import type { Classification, Observation } from './types';

/** What a failed request looked like: enough to decide whether and how to repeat it. */
export type Original = Pick<Observation, 'url' | 'method' | 'type' | 'statusCode' | 'error' | 'headers' | 'initiator' | 'ip' | 'private' | 'cors'> & Classification;

export type SkipReason =
  | 'unsafe-method' | 'other-method' | 'websocket' | 'not-http' | 'blocked' | 'url-cut' | 'refused' | 'cors' | 'private-address';

/** Why a repeat goes without cookies: the page could not have sent them, or they would link a private window to the person. */
export type CookiesLeftOut = 'third-party' | 'private-window';

export type RecheckPlan =
  | {
    repeat: true;
    method: 'GET' | 'HEAD';
    credentials: 'include' | 'omit';
    cookiesLeftOut?: CookiesLeftOut;
    /** The most private network the repeat (and any redirect it follows) may reach. */
    reach: AddressSpace;
  }
  | { repeat: false; reason: SkipReason };

/** Methods whose repeat can repeat an effect (a second order, a second comment); the edit-conflict advice names them too. */
export const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Only GET and HEAD are repeated: the browser never sends a body with them, so "had a body" is
 * covered too. WebSockets are skipped: a handshake would open a live connection to the site. Nothing the
 * browser refused for security is repeated, nor anything on a more private network than its page
 * (`pageUrl`: the tab's top page, when known). Cookies go only where the page could have sent them.
 */
export function recheckPlan(original: Original, pageUrl?: string): RecheckPlan {
  if (original.blocked) return { repeat: false, reason: 'blocked' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(original.url)?.[1]?.toLowerCase();
  if (scheme === 'ws' || scheme === 'wss' || original.type === 'websocket') return { repeat: false, reason: 'websocket' };
  if (scheme !== 'http' && scheme !== 'https') return { repeat: false, reason: 'not-http' };
  // A URL cut short for storage is no longer the address that failed.
  if (original.url.length > MAX_URL_LENGTH) return { repeat: false, reason: 'url-cut' };
  const refused = browserRefusal(original);
  if (refused) return { repeat: false, reason: refused };
  const method = original.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return { repeat: false, reason: UNSAFE_METHODS.has(method) ? 'unsafe-method' : 'other-method' };
  const reach = reachOf(original, pageUrl);
  if (!reaches(addressSpace(original.url, original.ip), reach)) return { repeat: false, reason: 'private-address' };
  if (original.private === true) return { repeat: true, method, credentials: 'omit', cookiesLeftOut: 'private-window', reach };
  if (!firstParty(original, pageUrl)) return { repeat: true, method, credentials: 'omit', cookiesLeftOut: 'third-party', reach };
  return { repeat: true, method, credentials: 'include', reach };
}

/** One try's outcome: it worked, it failed (classified like any failure), or it ran out of time. */
export type TryOutcome =
  | { kind: 'ok'; status: number }
  | { kind: 'failed'; failure: Observation & Classification; problem?: ServerProblem }
  /** It answered with a redirect that was not followed (`to`: where it pointed, when the browser said). */
  | { kind: 'redirected'; status: number; to?: string }
  | { kind: 'timeout' };

export type Verdict = 'ok' | 'failing' | 'different' | 'ok-without-cookies' | 'redirected' | 'skipped';

/** Why cookies are the likely trigger, when the first failure says so. */
export type CookieKind = 'header-too-large' | 'redirect-loop' | 'stale-session';

export interface Judgement {
  verdict: Exclude<Verdict, 'skipped'>;
  cookieKind?: CookieKind;
}

export function cookieKindOf(original: Classification): CookieKind | undefined {
  if (original.code === '400' || original.code === '431') return 'header-too-large';
  if (original.errorName === 'TOO_MANY_REDIRECTS') return 'redirect-loop';
  if (original.code === '401' || original.code === '403') return 'stale-session';
  return undefined;
}

/**
 * The verdict from the try with cookies and, when that failed, the try without. A timeout counts
 * as still failing (at the wait stage) whatever the first failure was.
 */
export function judge(original: Classification, withCookies: TryOutcome, withoutCookies?: TryOutcome): Judgement {
  if (withCookies.kind === 'ok') return { verdict: 'ok' };
  if (withCookies.kind === 'redirected') return { verdict: 'redirected' };
  if (withoutCookies?.kind === 'ok') {
    const cookieKind = cookieKindOf(original);
    return cookieKind ? { verdict: 'ok-without-cookies', cookieKind } : { verdict: 'ok-without-cookies' };
  }
  if (withCookies.kind === 'timeout') return { verdict: 'failing' };
  return { verdict: withCookies.failure.code === original.code ? 'failing' : 'different' };
}

/** Failures worth watching: the site or the network is down, not the request itself being wrong. */
export function watchable(original: Original, pageUrl?: string): boolean {
  if (!recheckPlan(original, pageUrl).repeat) return false;
  const status = httpStatusOf(original);
  if (status === undefined) return ['dns', 'connect', 'tls', 'wait'].includes(original.stage);
  return (status >= 500 && status <= 599) || status === 429 || status === 408;
}

/**
 * Why a failure may not be watched, if it may not. Never one from a private window: a watch is kept in
 * storage.local, outlives the window, and checks with the normal profile's cookies.
 */
export function watchRefusal(original: Original, pageUrl?: string): 'private' | 'not-watchable' | undefined {
  if (original.private === true) return 'private';
  return watchable(original, pageUrl) ? undefined : 'not-watchable';
}

/** Delays between checks of a watch: 30 s, 1 min, 2 min, 5 min, then every 10 min. */
export const WATCH_BACKOFF_MS = [30_000, 60_000, 120_000, 300_000, 600_000] as const;

/**
 * When the check after `attempt` checks (0 = none yet) is due. A Retry-After from the last answer is
 * the earliest next check; it never brings the check forward, nor puts it past `giveUpAt`, when the
 * watch ends (a server asking for years would otherwise hold the watch, and its slot, for good).
 */
export function nextCheckAt(attempt: number, now: number, retryAfter?: string, giveUpAt = Infinity): number {
  const step = WATCH_BACKOFF_MS[Math.min(Math.max(0, Math.trunc(attempt) || 0), WATCH_BACKOFF_MS.length - 1)]!;
  let at = now + step;
  if (retryAfter !== undefined) {
    const parsed = parseRetryAfter(retryAfter, now);
    if (parsed.kind === 'wait') at = Math.max(at, Math.min(parsed.at, giveUpAt));
    // Asked to wait for more than a year: the watch waits until it gives up (if it has a limit).
    if (parsed.kind === 'far' && Number.isFinite(giveUpAt)) at = Math.max(at, giveUpAt);
  }
  return at;
}

/** When a watch started at `startedAt` runs out of time. */
export const watchGiveUpAt = (startedAt: number, giveUpHours: number): number => startedAt + giveUpHours * 3_600_000;

/** Whether a watch started at `startedAt` has run out of time. */
export function watchExpired(startedAt: number, now: number, giveUpHours: number): boolean {
  return now >= watchGiveUpAt(startedAt, giveUpHours);
}

/** Requests the extension itself made (initiator or document of its own origin): never a failure. */
export function isOwnRequest(details: { initiator?: string; originUrl?: string; documentUrl?: string }, ownOrigin: string): boolean {
  // Called for redirects and 3xx answers too: no allocation.
  return ownOrigin !== '' && (fromOrigin(details.initiator, ownOrigin) || fromOrigin(details.originUrl, ownOrigin) || fromOrigin(details.documentUrl, ownOrigin));
}

const fromOrigin = (source: string | undefined, origin: string): boolean =>
  typeof source === 'string' && source.startsWith(origin) && (source.length === origin.length || source.charCodeAt(origin.length) === 47 /* / */);

/** Identifies one failure (as folded in a tab log) across contexts: same method, code and URL. */
export const failureKey = ({ method, code, url }: { method: string; code: string; url: string }): string => `${method} ${code} ${url}`;
