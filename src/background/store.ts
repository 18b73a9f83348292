// The worker's memory: tab logs and notices mirrored to storage.session through one write queue.
// Nothing is acted on before the saved state and the settings are read back, so a woken worker
// behaves exactly like one that never slept.
import browser from '../shared/browser';
import { TAB_LOG_PREFIX, tabLogKey, type FailureRecord, type TabLog } from '../shared/protocol';
import { settingsReady } from '../shared/settings-store';
import { readTabLog } from './stored-shape';
import { addFailure, CAPS, enforceTotalCap, forget, startPage, totalsOf, type Commit, type Totals } from './tab-log';

/** After a failed write, wait this long before retrying, doubling up to the maximum. */
export const RETRY_MS = { first: 500, max: 30_000 };

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
let retryDelay = RETRY_MS.first;
let idle: Promise<void> = Promise.resolve();
let settle: () => void = () => {};
let onFlushed: (tabIds: number[]) => void = () => {};
let onRecorded: (record: FailureRecord) => void = () => {};

async function load(): Promise<void> {
  try {
    const stored = await browser.storage.session.get(null);
    for (const [key, value] of Object.entries(stored)) {
      if (!key.startsWith(TAB_LOG_PREFIX)) items.set(key, value);
      else {
        // Foreign or corrupt data is skipped; whatever is readable is kept.
        const log = readTabLog(value);
        if (log && !logs.has(log.tabId)) logs.set(log.tabId, log);
      }
    }
  } catch (error) {
    console.error('Request Doctor: could not read session state', error);
  }
  await settingsReady;
  totals = totalsOf(logs.values());
  loaded = true;
  for (const run of pending.splice(0)) run();
}

export const ready: Promise<void> = load();

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
  if (dirty.size === 0 && !writing) idle = new Promise((resolve) => (settle = resolve));
  dirty.add(key);
  // Written at once: a worker stopped a moment later must not take the change with it.
  if (!writing && retryTimer === undefined) queueMicrotask(write);
}

/** One storage call for everything changed since the last; changes made meanwhile wait for the next. */
async function write(): Promise<void> {
  if (writing || dirty.size === 0) return;
  writing = true;
  const keys = [...dirty];
  dirty.clear();
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const key of keys) {
    const value = key.startsWith(TAB_LOG_PREFIX) ? logs.get(Number(key.slice(TAB_LOG_PREFIX.length))) : items.get(key);
    if (value === undefined) remove.push(key);
    else set[key] = value;
  }
  try {
    if (remove.length) await browser.storage.session.remove(remove);
    if (keys.length > remove.length) await browser.storage.session.set(set);
    retryDelay = RETRY_MS.first;
    onFlushed(keys.filter((key) => key.startsWith(TAB_LOG_PREFIX) && key in set).map((key) => Number(key.slice(TAB_LOG_PREFIX.length))));
  } catch (error) {
    // Quota or shutdown: memory still has everything; write it again later.
    console.warn('Request Doctor: could not save session state, retrying', error);
    for (const key of keys) dirty.add(key);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void write();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MS.max);
  } finally {
    writing = false;
  }
  if (retryTimer === undefined) {
    if (dirty.size) void write();
    else settle();
  }
}

/** Resolves once everything recorded so far is in storage.session. */
export function flush(): Promise<void> {
  return new Promise((resolve) => whenReady(() => resolve(dirty.size || writing ? idle : undefined)));
}

export function setFlushListener(listener: (tabIds: number[]) => void): void {
  onFlushed = listener;
}

/** Called with every stored record (new or folded), e.g. to notify. */
export function setRecordListener(listener: (record: FailureRecord) => void): void {
  onRecorded = listener;
}

export function recordFailure(failure: FailureRecord): void {
  whenReady(() => {
    const { tabId } = failure;
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
    const log = logs.get(tabId);
    if (log && startPage(log, commit, totals)) markDirty(tabLogKey(tabId));
  });
}

export function clearTab(tabId: number): void {
  whenReady(() => {
    const log = logs.get(tabId);
    if (log && (log.failures.length || log.dropped)) {
      forget(totals, ...log.failures);
      log.failures = [];
      log.dropped = undefined;
      markDirty(tabLogKey(tabId));
    }
  });
}

export function forgetTab(tabId: number): void {
  whenReady(() => {
    const log = logs.get(tabId);
    if (!log) return;
    logs.delete(tabId);
    forget(totals, ...log.failures);
    markDirty(tabLogKey(tabId));
  });
}

export function tabLog(tabId: number): TabLog | undefined {
  return logs.get(tabId);
}

/** A session value other than a tab log, as last set (or read back on start). */
export function sessionItem<T>(key: string): T | undefined {
  return items.get(key) as T | undefined;
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
