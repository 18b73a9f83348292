// The extension's own requests (Recheck and Watch): one try, never following a redirect the browser's way.
// Its own requests are told apart by their initiator (never by URL) and their webRequest events routed
// here, so they never reach a tab log, the no-tab bucket or a badge.
import browser, { type WebRequest } from '../shared/browser';
import type { AddressSpace } from '../diagnosis/address';
import { observe } from '../diagnosis/observe';
import { isProblemJson, problemOf, type ServerProblem } from '../diagnosis/problem';
import { isOwnRequest, type TryOutcome } from '../diagnosis/recheck';
import { MAX_REDIRECTS, mayFollow } from '../diagnosis/trust';
import type { FailureRecord } from '../shared/protocol';

/** A repeat that has not answered after this long counts as still failing, at the wait stage. */
export const RECHECK_TIMEOUT_MS = 15_000;
/** How long a try waits for webRequest to tell what really happened (a fetch says only "TypeError" or "opaque redirect"). */
const EVENT_WAIT_MS = 3_000;

const ownOrigin = browser.runtime.getURL('').replace(/\/$/, '');

/** webRequest events of our own tries, kept for the try under way with that method and URL. */
class Mailbox<T> {
  private readonly open = new Set<string>();
  private readonly letters = new Map<string, T>();
  private readonly waiting = new Map<string, (value: T | undefined) => void>();

  expect(key: string): void {
    this.open.add(key);
  }

  get expecting(): boolean {
    return this.open.size !== 0;
  }

  close(key: string): void {
    this.open.delete(key);
    this.letters.delete(key);
    this.waiting.delete(key);
  }

  /** Events of requests no try is waiting for are dropped. */
  deliver(key: string, value: T): void {
    if (!this.open.has(key)) return;
    const waiter = this.waiting.get(key);
    if (waiter) waiter(value);
    else this.letters.set(key, value);
  }

  receive(key: string): Promise<T | undefined> {
    if (this.letters.has(key)) return Promise.resolve(this.letters.get(key));
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), EVENT_WAIT_MS);
      this.waiting.set(key, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
  }
}

/** At most this much of an answer is read, and only of a problem description: the rest is never downloaded. */
const PROBLEM_MAX_BYTES = 16_384;

/** The server's own words in a problem description (`application/problem+json`); any other body is left unread. */
async function problemIn(response: Response): Promise<ServerProblem | undefined> {
  const reader = isProblemJson(response.headers.get('content-type')) ? response.body?.getReader() : undefined;
  if (!reader) return void response.body?.cancel().catch(() => {});
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let read = await reader.read(); !read.done && size <= PROBLEM_MAX_BYTES; read = await reader.read()) {
      chunks.push(read.value);
      size += read.value.length;
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
  // Longer than the limit: cut JSON would not parse, so it is not tried.
  if (size > PROBLEM_MAX_BYTES) return undefined;
  const bytes = new Uint8Array(size);
  chunks.reduce((offset, chunk) => (bytes.set(chunk, offset), offset + chunk.length), 0);
  return problemOf(new TextDecoder().decode(bytes));
}

interface Redirect { status: number; to: string }

const failures = new Mailbox<FailureRecord | null>();
const redirections = new Mailbox<Redirect>();
const tryKey = (method: string, url: string): string => `${method} ${url}`;

type OwnDetails = WebRequest.OnErrorOccurredDetailsType | WebRequest.OnCompletedDetailsType | WebRequest.OnBeforeRedirectDetailsType;

/** Whether one of our tries is out: only then can a redirect be ours (and only then is it worth looking). */
export const ownTryOut = (): boolean => redirections.expecting;

/** Whether a request is the extension's own (a recheck or a watch): then it is no failure. */
export function isOwn(details: OwnDetails): boolean {
  return isOwnRequest(details as { initiator?: string; originUrl?: string; documentUrl?: string }, ownOrigin);
}

const resolved = (location: string | null, base: string): string | undefined => {
  try {
    return location ? new URL(location, base).href : undefined;
  } catch {
    return undefined;
  }
};

/** webRequest saw one of our own requests fail: hand the real network error to the try waiting for it. */
export function ownRequestFailed(details: WebRequest.OnErrorOccurredDetailsType, chain: readonly string[] | undefined): void {
  failures.deliver(tryKey(details.method, chain?.[0] ?? details.url), observe(details, chain, { includeAborted: true }));
}

/** webRequest saw one of our own requests redirected: the fetch itself may not read where to. */
export function ownRequestRedirected(details: WebRequest.OnBeforeRedirectDetailsType): void {
  redirections.deliver(tryKey(details.method, details.url), { status: details.statusCode, to: details.redirectUrl });
}

/** Firefox ends our own try's unfollowed redirect as a completed 3xx, with its Location, and never reports it as a redirect. */
export function ownRequestAnswered(details: WebRequest.OnCompletedDetailsType): void {
  const location = details.responseHeaders?.find((header) => header.name.toLowerCase() === 'location')?.value;
  const to = resolved(location ?? null, details.url);
  if (to) redirections.deliver(tryKey(details.method, details.url), { status: details.statusCode, to });
}

export const synthetic = (url: string, method: string, extra: Partial<WebRequest.OnCompletedDetailsType> & { error?: string }): FailureRecord | null =>
  observe({ url, method, type: 'xmlhttprequest', tabId: -1, timeStamp: Date.now(), ...extra });

/** The last try of each method and URL: webRequest tells our tries apart only by those, so they take turns. */
const lanes = new Map<string, Promise<unknown>>();

/**
 * One try: GET or HEAD, with or without the site's cookies, never from the cache, 15 s at most. A redirect
 * is followed one hop at a time, only within the site and never beyond `reach`; any other is reported.
 */
export function tryOnce(url: string, method: 'GET' | 'HEAD', credentials: 'include' | 'omit', reach: AddressSpace): Promise<TryOutcome> {
  const key = tryKey(method, url);
  // A watch's check and a recheck of the same URL would otherwise take each other's events.
  const run = (lanes.get(key) ?? Promise.resolve()).then(() => follow(url, method, credentials, reach));
  const done = run.catch(() => {});
  lanes.set(key, done);
  void done.then(() => lanes.get(key) === done && lanes.delete(key));
  return run;
}

async function follow(url: string, method: 'GET' | 'HEAD', credentials: 'include' | 'omit', reach: AddressSpace): Promise<TryOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), RECHECK_TIMEOUT_MS);
  try {
    let at = url;
    for (let hops = 0; ; hops++) {
      const outcome = await hop(at, method, credentials, controller.signal);
      if (outcome.kind !== 'redirected' || !outcome.to || !mayFollow(at, outcome.to, reach)) return outcome;
      if (hops >= MAX_REDIRECTS) {
        const loop = synthetic(url, method, { error: 'net::ERR_TOO_MANY_REDIRECTS' });
        return loop ? { kind: 'failed', failure: loop } : outcome;
      }
      at = outcome.to;
    }
  } finally {
    clearTimeout(timer);
  }
}

async function hop(url: string, method: 'GET' | 'HEAD', credentials: 'include' | 'omit', signal: AbortSignal): Promise<TryOutcome> {
  const key = tryKey(method, url);
  failures.expect(key);
  redirections.expect(key);
  try {
    const response = await fetch(url, { method, credentials, cache: 'no-store', redirect: 'manual', signal });
    const location = response.headers.get('location');
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && location)) {
      void response.body?.cancel().catch(() => {});
      // The fetch gets an opaque answer without its Location: webRequest saw where it pointed.
      const seen = await redirections.receive(key);
      const to = seen?.to ?? resolved(location, url);
      return { kind: 'redirected', status: seen?.status ?? response.status, ...(to ? { to } : {}) };
    }
    if (response.status < 400) {
      void response.body?.cancel().catch(() => {});
      return { kind: 'ok', status: response.status };
    }
    const problem = await problemIn(response);
    const responseHeaders = [...response.headers].map(([name, value]) => ({ name, value }));
    const failure = synthetic(response.url || url, method, {
      statusCode: response.status, statusLine: `HTTP/1.1 ${response.status} ${response.statusText}`.trim(), responseHeaders,
    });
    return failure ? { kind: 'failed', failure, ...(problem ? { problem } : {}) } : { kind: 'ok', status: response.status };
  } catch {
    if (signal.aborted) return { kind: 'timeout' };
    // fetch only says "TypeError"; webRequest knows the real error (DNS, refused, certificate...).
    const failure = (await failures.receive(key)) ?? synthetic(url, method, { error: 'net::ERR_FAILED' });
    return failure ? { kind: 'failed', failure } : { kind: 'timeout' };
  } finally {
    failures.close(key);
    redirections.close(key);
  }
}
