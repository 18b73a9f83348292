// Watch: recheck a failed request on an alarm schedule until it works again, then say so.
// Watches live in storage.local (they must survive a browser restart); alarms carry the schedule,
// never timers, and are re-created on every start because browsers may drop them on restart.
import browser, { type Alarms } from '../shared/browser';
import { addressSpace } from '../diagnosis/address';
import { failureKey, nextCheckAt, recheckPlan, roughDuration, watchExpired, watchGiveUpAt, watchRefusal } from '../diagnosis/recheck';
import { hostLabel } from '../diagnosis/url';
import { shortCode } from '../shared/failures';
import { t } from '../shared/i18n';
import { MessageType, WATCHES_KEY, type BackgroundHandlers, type FailureRef, type Watch, type WatchAnswer } from '../shared/protocol';
import { settings } from '../shared/settings-store';
import { tabPageUrl } from './history';
import { tryOnce } from './own-fetch';
import { findFailure } from './recheck';
import { whenReady } from './store';

/** At most this many watches are kept; finished ones make room for new ones. */
export const MAX_WATCHES = 20;
const ALARM_PREFIX = 'watch:';
/** While a check runs, its alarm is set this far ahead: a worker stopped mid-check still checks again. */
const CHECK_GUARD_MS = 60_000;

let list: Promise<Watch[]> | undefined;

const readWatches = (): Promise<Watch[]> =>
  (list ??= browser.storage.local.get(WATCHES_KEY).then(
    (stored) => (Array.isArray(stored[WATCHES_KEY]) ? (stored[WATCHES_KEY] as Watch[]).filter((w) => typeof w?.id === 'string') : []),
    () => [],
  ));

/** Set in storage.session once per browser session (which the browser empties when it closes). */
const SESSION_MARK = 'watch-session';

/**
 * A new browser session numbers its tabs anew: a watch's tab id from before would name someone else's tab.
 * Told by storage.session being empty, which the browser clears itself: no startup event to miss.
 */
async function forgetOldTabs(): Promise<void> {
  const watches = await readWatches();
  // Nothing written while no watch names a tab: a worker start costs no write.
  if (!watches.some((watch) => watch.tabId !== undefined) || (await browser.storage.session.get(SESSION_MARK))[SESSION_MARK]) return;
  watches.forEach((watch) => delete watch.tabId);
  await browser.storage.local.set({ [WATCHES_KEY]: watches });
}

// Runs first in the write queue, so no watch of this session is started before it.
let queue: Promise<unknown> = forgetOldTabs().catch(() => {});
const checking = new Set<string>();

/** Every change goes through one queue: read, change, write, in order. */
function change<T>(edit: (watches: Watch[]) => T, namesTab = false): Promise<T> {
  const next = queue.then(async () => {
    const watches = await readWatches();
    const result = edit(watches);
    // The mark first: a watch naming a tab is never stored without it.
    if (namesTab) await browser.storage.session.set({ [SESSION_MARK]: true });
    await browser.storage.local.set({ [WATCHES_KEY]: watches });
    return result;
  });
  queue = next.catch(() => {});
  return next;
}

const alarmName = (id: string): string => `${ALARM_PREFIX}${id}`;

function schedule(watch: Watch, at: number): void {
  watch.nextAt = at;
  void browser.alarms.create(alarmName(watch.id), { when: Math.max(at, Date.now() + 1000) });
}

async function startWatch(ref: FailureRef): Promise<WatchAnswer> {
  const record = findFailure(ref);
  if (!record) return { ok: false, reason: 'unknown' };
  const pageUrl = tabPageUrl(record.tabId);
  const refusal = watchRefusal(record, pageUrl);
  const plan = recheckPlan(record, pageUrl);
  if (refusal || !plan.repeat) return { ok: false, reason: refusal ?? 'not-watchable' };
  const key = failureKey(record);
  return change((watches): WatchAnswer => {
    const existing = watches.findIndex((w) => w.key === key);
    if (existing >= 0 && watches[existing]!.state === 'watching') return { ok: true };
    if (existing >= 0) watches.splice(existing, 1);
    if (watches.length >= MAX_WATCHES) {
      const finished = watches.findIndex((w) => w.state !== 'watching');
      if (finished < 0) return { ok: false, reason: 'limit' };
      watches.splice(finished, 1);
    }
    const now = Date.now();
    const watch: Watch = {
      id: crypto.randomUUID(), key, tabId: record.tabId, url: record.url, method: record.method, code: record.code,
      stage: record.stage, failedAt: record.timeStamp, startedAt: now, state: 'watching', attempts: 0,
      cookies: plan.credentials === 'include', reach: plan.reach,
    };
    schedule(watch, nextCheckAt(0, now, record.headers?.['retry-after'], watchGiveUpAt(now, settings().watchGiveUpHours)));
    watches.push(watch);
    return { ok: true };
  }, true);
}

async function stopWatch(id: string): Promise<void> {
  await change((watches) => {
    const index = watches.findIndex((w) => w.id === id);
    if (index >= 0) watches.splice(index, 1);
  });
  await browser.alarms.clear(alarmName(id));
}

async function check(id: string): Promise<void> {
  const watch = (await readWatches()).find((w) => w.id === id);
  if (!watch || watch.state !== 'watching' || checking.has(id)) return;
  const now = Date.now();
  if (watchExpired(watch.startedAt, now, settings().watchGiveUpHours)) {
    await change(() => {
      watch.state = 'gave-up';
      delete watch.nextAt;
    });
    return;
  }
  checking.add(id);
  void browser.alarms.create(alarmName(id), { when: now + CHECK_GUARD_MS });
  try {
    // Watches stored before these rules: no cookies, and no network more private than their own address.
    const outcome = await tryOnce(watch.url, watch.method === 'HEAD' ? 'HEAD' : 'GET', watch.cookies === true ? 'include' : 'omit', watch.reach ?? addressSpace(watch.url));
    const stillWatched = await change((watches) => {
      // Stopped while its request was out: no new alarm, and no "works again" for a watch the person ended.
      if (!watches.includes(watch)) return false;
      watch.attempts += 1;
      watch.lastCheck = Date.now();
      if (outcome.kind === 'ok') {
        watch.lastResult = String(outcome.status);
        watch.state = 'recovered';
        watch.recoveredAt = watch.lastCheck;
        delete watch.nextAt;
      } else if (outcome.kind === 'redirected') {
        // An answer, but one it did not follow: still not "works again", and where it pointed is said.
        watch.lastResult = `${outcome.status || 'redirect'} → ${outcome.to ? hostLabel(outcome.to) : '?'}`;
        schedule(watch, nextCheckAt(watch.attempts, watch.lastCheck, undefined, watchGiveUpAt(watch.startedAt, settings().watchGiveUpHours)));
      } else {
        watch.lastResult = outcome.kind === 'timeout' ? 'timeout' : outcome.failure.code;
        const retryAfter = outcome.kind === 'failed' ? outcome.failure.headers?.['retry-after'] : undefined;
        schedule(watch, nextCheckAt(watch.attempts, watch.lastCheck, retryAfter, watchGiveUpAt(watch.startedAt, settings().watchGiveUpHours)));
      }
      return true;
    });
    if (stillWatched && outcome.kind === 'ok') {
      await browser.alarms.clear(alarmName(id));
      await announceRecovery(watch);
    }
  } finally {
    checking.delete(id);
  }
}

/** Works again: a system notification when allowed, and the tab's badge turns to a green tick. */
async function announceRecovery(watch: Watch): Promise<void> {
  const { value, unit } = roughDuration((watch.recoveredAt ?? Date.now()) - watch.failedAt);
  try {
    if (browser.notifications && (await browser.permissions.contains({ permissions: ['notifications'] }))) {
      await browser.notifications.create(`request-doctor-watch-${watch.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('icons/128.png'),
        title: t('backAgainTitle'),
        message: t('backAgainNotice', hostLabel(watch.url), t(`duration_${unit}`, value), shortCode(watch.code)),
      });
    }
  } catch {
    // No notification after all: the badge and the report still say it.
  }
  if (watch.tabId === undefined) return;
  try {
    await browser.action.setBadgeText({ tabId: watch.tabId, text: '✓' });
    await browser.action.setBadgeBackgroundColor({ tabId: watch.tabId, color: '#1a7f37' });
  } catch {
    // The tab is gone.
  }
}

function onAlarm(alarm: Alarms.Alarm): void {
  if (alarm.name.startsWith(ALARM_PREFIX)) whenReady(() => void check(alarm.name.slice(ALARM_PREFIX.length)));
}

/** Re-create the alarm of every running watch that has none (alarms may not survive a restart). */
async function restoreAlarms(): Promise<void> {
  const [watches, alarms] = await Promise.all([readWatches(), browser.alarms.getAll()]);
  const names = new Set(alarms.map((alarm) => alarm.name));
  for (const watch of watches) {
    if (watch.state === 'watching' && !names.has(alarmName(watch.id))) schedule(watch, watch.nextAt ?? Date.now());
  }
}

/** Registered synchronously at the worker's top level, like every listener. */
export function startWatching(): void {
  browser.alarms.onAlarm.addListener(onAlarm);
  void restoreAlarms();
}

export const watchHandlers: Pick<BackgroundHandlers, MessageType.Watch | MessageType.StopWatch> = {
  [MessageType.Watch]: (ref) => startWatch(ref),
  [MessageType.StopWatch]: ({ id }) => (typeof id === 'string' ? stopWatch(id) : undefined),
};
