// The worker's memory: tab logs and notices mirrored to storage.session through one write queue.
// Nothing is acted on before the saved state and the settings are read back, so a woken worker
// behaves exactly like one that never slept.
import browser from '../shared/browser';
import { fromStored, TAB_LOG_PREFIX, tabLogKey, toStored, type FailureRecord, type TabLog } from '../shared/protocol';
import { settingsReady } from '../shared/settings-store';
import { readTabLog } from './stored-shape';
import { addFailure, CAPS, enforceTotalCap, forget, recordSize, startPage, totalsOf, type Commit, type Totals } from './tab-log';

/** After a failed write, wait this long before retrying, doubling up to the maximum. */
export const RETRY_MS = { first: 500, max: 30_000 };
/**
 * Changes are written together this long after the first of them. A page's burst of failures then costs a
 * few writes instead of one per failure: each write takes the browser process's time while the page loads.
 * Short enough that no worker stops in between (an event keeps it alive for 30 s); `flush()` writes at once.
 */
export const WRITE_DELAY_MS = 250;

const logs = new Map<number, TabLog>();
/** Other session keys (e.g. notices), kept in memory like the logs and written by the same queue. */
const items = new Map<string, unknown>();
let totals: Totals = { records: 0, bytes: 0 };
const dirty = new Set<string>();
let loaded = false;
// Events that arrive while the worker is still reading its state back wait here, in order.
const pending: (() => void)[] = [];
let writing = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let batchTimer: ReturnType<typeof setTimeout> | undefined;
/** Someone awaits `flush()`: what changed during a write is written right after it, not a batch later. */
let hurry = false;
let retryDelay = RETRY_MS.first;
let idle: Promise<void> = Promise.resolve();
let settle: () => void = () => {};
let onFlushed: (tabIds: number[]) => void = () => {};
let onRecorded: (record: FailureRecord) => void = () => {};
/** Session keys also kept in storage.local while `enabled()` (the history, when the person opts in). */
let local = { matches: (_key: string): boolean => false, enabled: (): boolean => false };
let clearLocal = false;

async function load(): Promise<void> {
  try {
    const stored = await browser.storage.session.get(null);
    for (const [key, value] of Object.entries(stored)) {
      if (!key.startsWith(TAB_LOG_PREFIX)) items.set(key, value);
      else {
        // Foreign or corrupt data is skipped; whatever is readable is kept.
        const log = readTabLog(fromStored(value));
        if (log && !logs.has(log.tabId)) logs.set(log.tabId, log);
      }
    }
  } catch (error) {
    console.error('Request Doctor: could not read session state', error);
  }
  await settingsReady;
  if (local.enabled()) await loadLocal();
  totals = totalsOf(logs.values());
  loaded = true;
  // What came back from storage.local goes into the session too.
  const restored = [...dirty];
  dirty.clear();
  for (const key of restored) markDirty(key);
  for (const run of pending.splice(0)) run();
}

/** After a browser restart storage.session is empty: what was kept locally comes back, and into the session. */
async function loadLocal(): Promise<void> {
  try {
    const stored = await browser.storage.local.get(null);
    for (const [key, value] of Object.entries(stored)) {
      if (!local.matches(key) || items.has(key)) continue;
      items.set(key, value);
      dirty.add(key);
    }
  } catch (error) {
    console.error('Request Doctor: could not read local state', error);
  }
}

export const ready: Promise<void> = load();

/**
 * Keep the matching session keys in storage.local too while `enabled()`. Call at top level (before
 * the state is read back). When it turns off, `clearLocalItems()` removes them there.
 */
export function keepLocally(matches: (key: string) => boolean, enabled: () => boolean): void {
  local = { matches, enabled };
}

/** Remove every kept key from storage.local, through the write queue. */
export function clearLocalItems(): void {
  whenReady(() => {
    queueWrite(() => (clearLocal = true));
  });
}

/** Write every present kept key again (the person just turned keeping on). */
export function rewriteLocalItems(): void {
  whenReady(() => {
    for (const key of items.keys()) if (local.matches(key)) markDirty(key);
  });
}

/** Run now if the state and settings are loaded, otherwise right after, keeping event order. */
export function whenReady(run: () => void): void {
  if (loaded) run();
  else pending.push(run);
}

function logOf(tabId: number): TabLog {
  let log = logs.get(tabId);
  if (!log) {
    log = { tabId, failures: [] };
    logs.set(tabId, log);
  }
  return log;
}

function markDirty(key: string): void {
  queueWrite(() => dirty.add(key));
}

function queueWrite(change: () => void): void {
  if (dirty.size === 0 && !clearLocal && !writing) idle = new Promise((resolve) => (settle = resolve));
  change();
  scheduleWrite();
}

function scheduleWrite(): void {
  if (writing || retryTimer !== undefined || batchTimer !== undefined) return;
  batchTimer = setTimeout(() => {
    batchTimer = undefined;
    void write();
  }, WRITE_DELAY_MS);
}

/** One storage call for everything changed since the last; changes made meanwhile wait for the next. */
async function write(): Promise<void> {
  if (writing || (dirty.size === 0 && !clearLocal)) return;
  writing = true;
  const keys = [...dirty];
  dirty.clear();
  const clearingLocal = clearLocal;
  clearLocal = false;
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const key of keys) {
    const value = key.startsWith(TAB_LOG_PREFIX) ? logs.get(Number(key.slice(TAB_LOG_PREFIX.length))) : items.get(key);
    if (value === undefined) remove.push(key);
    else set[key] = toStored(key, value);
  }
  const keepLocal = local.enabled();
  try {
    if (remove.length) await browser.storage.session.remove(remove);
    if (keys.length > remove.length) await browser.storage.session.set(set);
    if (clearingLocal) await removeLocal(Object.keys(await browser.storage.local.get(null)).filter(local.matches));
    if (keepLocal) await writeLocal(set, remove);
    retryDelay = RETRY_MS.first;
    onFlushed(keys.filter((key) => key.startsWith(TAB_LOG_PREFIX) && key in set).map((key) => Number(key.slice(TAB_LOG_PREFIX.length))));
  } catch (error) {
    // Quota or shutdown: memory still has everything; write it again later.
    console.warn('Request Doctor: could not save session state, retrying', error);
    for (const key of keys) dirty.add(key);
    clearLocal ||= clearingLocal;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void write();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MS.max);
  } finally {
    writing = false;
  }
  if (retryTimer === undefined) {
    if (!dirty.size && !clearLocal) {
      hurry = false;
      settle();
    } else if (hurry) void write();
    else scheduleWrite();
  }
}

function removeLocal(keys: string[]): Promise<void> {
  return keys.length ? browser.storage.local.remove(keys) : Promise.resolve();
}

async function writeLocal(set: Record<string, unknown>, remove: string[]): Promise<void> {
  const kept = Object.fromEntries(Object.entries(set).filter(([key]) => local.matches(key)));
  await removeLocal(remove.filter(local.matches));
  if (Object.keys(kept).length) await browser.storage.local.set(kept);
}

/** Writes what waits for the batch now; resolves once everything recorded so far is in storage.session. */
export function flush(): Promise<void> {
  return new Promise((resolve) => whenReady(() => {
    if (dirty.size || clearLocal || writing) hurry = true;
    if (batchTimer !== undefined) {
      clearTimeout(batchTimer);
      batchTimer = undefined;
      void write();
    }
    resolve(dirty.size || clearLocal || writing ? idle : undefined);
  }));
}

export function setFlushListener(listener: (tabIds: number[]) => void): void {
  onFlushed = listener;
}

/** Called with every stored record (new or folded), e.g. to notify. */
export function setRecordListener(listener: (record: FailureRecord) => void): void {
  onRecorded = listener;
}

/** Tabs closed lately: closing a tab cancels its requests, and their events can come after the close. */
const closedTabs = new Set<number>();
const CLOSED_TABS_KEPT = 256;

export function recordFailure(failure: FailureRecord): void {
  whenReady(() => {
    const { tabId } = failure;
    // Such a late failure would bring back the closed tab's log, and nothing would ever remove it again.
    if (closedTabs.has(tabId)) return;
    const record = addFailure(logOf(tabId), failure, CAPS.perTab, totals);
    markDirty(tabLogKey(tabId));
    onRecorded(record);
    if (totals.records > CAPS.total || totals.bytes > CAPS.bytes) {
      for (const log of enforceTotalCap(logs.values(), totals)) markDirty(tabLogKey(log.tabId));
    }
  });
}

export function pageCommitted(tabId: number, commit: Commit): void {
  whenReady(() => {
    // Another page (or the same one loaded again): what a Clear took from the last one stays gone.
    cleared.delete(tabId);
    const log = logs.get(tabId);
    if (log && startPage(log, commit, totals)) markDirty(tabLogKey(tabId));
  });
}

/** How long a Clear can be undone: the popup offers Undo for less than this. */
export const UNDO_CLEAR_MS = 10_000;
/** The failures each tab's last Clear took away, while they can still come back (memory only: a restart ends it). */
const cleared = new Map<number, { failures: FailureRecord[]; dropped?: number; at: number }>();

export function clearTab(tabId: number): void {
  whenReady(() => {
    const log = logs.get(tabId);
    if (log && (log.failures.length || log.dropped)) {
      cleared.set(tabId, { failures: log.failures, dropped: log.dropped, at: Date.now() });
      forget(totals, ...log.failures);
      log.failures = [];
      log.dropped = undefined;
      markDirty(tabLogKey(tabId));
    }
  });
}

/** Puts back what the tab's last Clear took away: only soon after, on the same page, and before anything new failed. */
export function undoClear(tabId: number): Promise<boolean> {
  return new Promise((resolve) => whenReady(() => {
    const taken = cleared.get(tabId);
    const log = logs.get(tabId);
    cleared.delete(tabId);
    if (!taken || !log || Date.now() - taken.at > UNDO_CLEAR_MS || log.failures.length || log.dropped) return resolve(false);
    log.failures = taken.failures;
    log.dropped = taken.dropped;
    totals.records += taken.failures.length;
    for (const record of taken.failures) totals.bytes += recordSize(record);
    markDirty(tabLogKey(tabId));
    resolve(true);
  }));
}

export function forgetTab(tabId: number): void {
  whenReady(() => {
    cleared.delete(tabId);
    if (closedTabs.size >= CLOSED_TABS_KEPT) closedTabs.delete(closedTabs.values().next().value!);
    closedTabs.add(tabId);
    const log = logs.get(tabId);
    if (!log) return;
    logs.delete(tabId);
    forget(totals, ...log.failures);
    markDirty(tabLogKey(tabId));
  });
}

/** The tabs that have a log (an empty one included). */
export const loggedTabs = (): number[] => [...logs.keys()];

export function tabLog(tabId: number): TabLog | undefined {
  return logs.get(tabId);
}

/** A session value other than a tab log, as last set (or read back on start). */
export function sessionItem<T>(key: string): T | undefined {
  return items.get(key) as T | undefined;
}

/**
 * A value read back, in the form its owner keeps it (the history's chunks, parsed from their JSON text),
 * so that the worker does not hold both. Not written again: it is what storage already has.
 */
export function adoptSessionItem(key: string, value: unknown): void {
  if (items.has(key)) items.set(key, value);
}

/** Set (or with undefined, remove) a session value through the same queue as the logs. */
export function setSessionItem(key: string, value: unknown): void {
  whenReady(() => {
    if (value === undefined) {
      if (!items.delete(key)) return;
    } else items.set(key, value);
    markDirty(key);
  });
}

/** Every session value whose key starts with `prefix`, as [key, value]. */
export function sessionItemsWith(prefix: string): [string, unknown][] {
  return [...items].filter(([key]) => key.startsWith(prefix));
}
