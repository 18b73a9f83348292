// Recheck: repeat one failed request from the extension itself, on the person's request, and judge it.
// The extension's own requests are told apart by their initiator (never by URL) and routed here,
// so they never reach a tab log, the no-tab bucket or a badge.
import browser, { type WebRequest } from '../shared/browser';
import { observe } from '../diagnosis/observe';
import { isProblemJson, problemOf, type ServerProblem } from '../diagnosis/problem';
import { failureKey, isOwnRequest, judge, recheckPlan, type TryOutcome } from '../diagnosis/recheck';
import { MessageType, recheckKey, type BackgroundHandlers, type FailureRecord, type FailureRef, type RecheckResult } from '../shared/protocol';
import { sessionItem, setSessionItem, tabLog } from './store';

/** A repeat that has not answered after this long counts as still failing, at the wait stage. */
export const RECHECK_TIMEOUT_MS = 15_000;
/** How long a failed fetch waits for webRequest to tell what really went wrong. */
const OBSERVATION_WAIT_MS = 3_000;

const ownOrigin = browser.runtime.getURL('').replace(/\/$/, '');

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

/** Failures of our own requests, by method and first URL, for the try that is waiting for them. */
const waiting = new Map<string, (failure: FailureRecord | null) => void>();
const observed = new Map<string, FailureRecord | null>();
const tryKey = (method: string, url: string): string => `${method} ${url}`;

type OwnDetails = WebRequest.OnErrorOccurredDetailsType | WebRequest.OnCompletedDetailsType;

/** Whether a finished request is the extension's own (a recheck or a watch): then it is no failure. */
export function isOwn(details: OwnDetails): boolean {
  return isOwnRequest(details as { initiator?: string; originUrl?: string; documentUrl?: string }, ownOrigin);
}

/** webRequest saw one of our own requests fail: hand the real network error to the try waiting for it. */
export function ownRequestFailed(details: WebRequest.OnErrorOccurredDetailsType, chain: readonly string[] | undefined): void {
  const key = tryKey(details.method, chain?.[0] ?? details.url);
  if (!waiting.has(key) && !observed.has(key)) return;
  const failure = observe(details, chain, { includeAborted: true });
  const deliver = waiting.get(key);
  if (deliver) deliver(failure);
  else observed.set(key, failure);
}

function observation(key: string): Promise<FailureRecord | null> {
  if (observed.get(key)) return Promise.resolve(observed.get(key)!);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), OBSERVATION_WAIT_MS);
    waiting.set(key, (failure) => {
      clearTimeout(timer);
      resolve(failure);
    });
  });
}

const synthetic = (url: string, method: string, extra: Partial<WebRequest.OnCompletedDetailsType> & { error?: string }): FailureRecord | null =>
  observe({ url, method, type: 'xmlhttprequest', tabId: -1, timeStamp: Date.now(), ...extra });

/** The last try of each method and URL: webRequest tells our tries apart only by those, so they take turns. */
const lanes = new Map<string, Promise<unknown>>();

/** One try: GET or HEAD, with or without the site's cookies, never from the cache, 15 s at most. */
export function tryOnce(url: string, method: 'GET' | 'HEAD', credentials: 'include' | 'omit'): Promise<TryOutcome> {
  const key = tryKey(method, url);
  // A watch's check and a recheck of the same URL would otherwise take each other's network error.
  const run = (lanes.get(key) ?? Promise.resolve()).then(() => tryAlone(key, url, method, credentials));
  const done = run.catch(() => {});
  lanes.set(key, done);
  void done.then(() => lanes.get(key) === done && lanes.delete(key));
  return run;
}

async function tryAlone(key: string, url: string, method: 'GET' | 'HEAD', credentials: 'include' | 'omit'): Promise<TryOutcome> {
  observed.set(key, null);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), RECHECK_TIMEOUT_MS);
  try {
    const response = await fetch(url, { method, credentials, cache: 'no-store', redirect: 'follow', signal: controller.signal });
    if (response.status < 400) {
      void response.body?.cancel().catch(() => {});
      return { kind: 'ok', status: response.status };
    }
    const problem = await problemIn(response).catch(() => undefined);
    const responseHeaders = [...response.headers].map(([name, value]) => ({ name, value }));
    const failure = synthetic(response.url || url, method, {
      statusCode: response.status, statusLine: `HTTP/1.1 ${response.status} ${response.statusText}`.trim(), responseHeaders,
    });
    if (!failure) return { kind: 'ok', status: response.status };
    return problem ? { kind: 'failed', failure, problem } : { kind: 'failed', failure };
  } catch {
    if (controller.signal.aborted) return { kind: 'timeout' };
    // fetch only says "TypeError"; webRequest knows the real error (DNS, refused, certificate...).
    const failure = (await observation(key)) ?? synthetic(url, method, { error: 'net::ERR_FAILED' });
    return failure ? { kind: 'failed', failure } : { kind: 'timeout' };
  } finally {
    clearTimeout(timer);
    waiting.delete(key);
    observed.delete(key);
  }
}

/** The failure a message is about, looked up in the tab's own log: pages only name it. */
export function findFailure(ref: FailureRef): FailureRecord | undefined {
  if (!Number.isInteger(ref.tabId) || typeof ref.url !== 'string') return undefined;
  const key = failureKey(ref);
  return tabLog(ref.tabId)?.failures.find((record) => failureKey(record) === key);
}

const running = new Map<string, Promise<RecheckResult | undefined>>();

async function recheck(ref: FailureRef): Promise<RecheckResult | undefined> {
  const record = findFailure(ref);
  if (!record) return undefined;
  const plan = recheckPlan(record);
  const result: RecheckResult = { verdict: 'skipped', checkedAt: 0, failedAt: record.lastSeen };
  if (!plan.repeat) result.reason = plan.reason;
  else {
    const withCookies = await tryOnce(record.url, plan.method, 'include');
    // Cookies cannot make a server hang, so a timeout is not tried again without them.
    const withoutCookies = withCookies.kind === 'failed' ? await tryOnce(record.url, plan.method, 'omit') : undefined;
    const { verdict, cookieKind } = judge(record, withCookies, withoutCookies);
    result.verdict = verdict;
    if (cookieKind) result.cookieKind = cookieKind;
    if (withCookies.kind === 'failed') result.failure = withCookies.failure;
    if (withCookies.kind === 'failed' && withCookies.problem) result.problem = withCookies.problem;
    if (withCookies.kind === 'timeout') {
      result.timedOut = true;
      const timeout = synthetic(record.url, plan.method, { error: 'net::ERR_TIMED_OUT' });
      if (timeout) result.failure = timeout;
    }
  }
  result.checkedAt = Date.now();
  // The tab closed while it was checked: its results are gone, and must not come back.
  if (!tabLog(ref.tabId)) return result;
  const key = recheckKey(ref.tabId);
  setSessionItem(key, { ...sessionItem<Record<string, RecheckResult>>(key), [failureKey(record)]: result });
  return result;
}

export const recheckHandlers: Pick<BackgroundHandlers, MessageType.Recheck> = {
  [MessageType.Recheck]: (ref) => {
    const key = `${ref.tabId} ${failureKey(ref)}`;
    let run = running.get(key);
    if (!run) {
      run = recheck(ref).finally(() => running.delete(key));
      running.set(key, run);
    }
    return run;
  },
};

/** The tab is gone: so are its recheck results. */
export function forgetRechecks(tabId: number): void {
  setSessionItem(recheckKey(tabId), undefined);
}

/** The tab's log changed (another page, Clear): results of failures it no longer lists go too (they name the old page's URLs). */
export function keepRechecksOfListed(tabId: number): void {
  const key = recheckKey(tabId);
  const results = sessionItem<Record<string, RecheckResult>>(key);
  if (!results) return;
  const listed = new Set((tabLog(tabId)?.failures ?? []).map(failureKey));
  const kept = Object.entries(results).filter(([failure]) => listed.has(failure));
  if (kept.length < Object.keys(results).length) setSessionItem(key, kept.length ? Object.fromEntries(kept) : undefined);
}
