// Recheck: repeat one failed request from the extension itself, on the person's request, and judge it.
import { failureKey, judge, recheckPlan } from '../diagnosis/recheck';
import { hostLabel } from '../diagnosis/url';
import { MessageType, recheckKey, type BackgroundHandlers, type FailureRecord, type FailureRef, type RecheckResult } from '../shared/protocol';
import { tabPageUrl } from './history';
import { synthetic, tryOnce } from './own-fetch';
import { teamRechecked } from './team/index';
import { sessionItem, setSessionItem, tabLog } from './store';

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
  const plan = recheckPlan(record, tabPageUrl(record.tabId));
  const result: RecheckResult = { verdict: 'skipped', checkedAt: 0, failedAt: record.lastSeen };
  if (!plan.repeat) result.reason = plan.reason;
  else {
    if (plan.cookiesLeftOut) result.cookiesLeftOut = plan.cookiesLeftOut;
    const first = await tryOnce(record.url, plan.method, plan.credentials, plan.reach);
    // Tried again without cookies only when the first try had them; a timeout is not (cookies cannot make a server hang).
    const withoutCookies = first.kind === 'failed' && plan.credentials === 'include' ? await tryOnce(record.url, plan.method, 'omit', plan.reach) : undefined;
    const { verdict, cookieKind } = judge(record, first, withoutCookies);
    result.verdict = verdict;
    if (cookieKind) result.cookieKind = cookieKind;
    if (first.kind === 'failed') result.failure = first.failure;
    if (first.kind === 'failed' && first.problem) result.problem = first.problem;
    if (first.kind === 'redirected') result.redirectedTo = first.to ? hostLabel(first.to) : '';
    if (first.kind === 'timeout') {
      result.timedOut = true;
      const timeout = synthetic(record.url, plan.method, { error: 'net::ERR_TIMED_OUT' });
      if (timeout) result.failure = timeout;
    }
  }
  result.checkedAt = Date.now();
  // What the person's recheck showed goes to the team too (a request not repeated showed nothing).
  if (result.verdict !== 'skipped') teamRechecked(record, result.verdict, result.checkedAt);
  // The tab closed while it was checked: its results are gone, and must not come back.
  if (!tabLog(ref.tabId)) return result;
  const key = recheckKey(ref.tabId);
  setSessionItem(key, { ...sessionItem<Record<string, RecheckResult>>(key), [failureKey(record)]: result });
  // Results of failures the caps have dropped meanwhile go with them.
  keepRechecksOfListed(ref.tabId);
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
