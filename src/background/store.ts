// The worker's memory: tab logs mirrored to storage.session through one batched write queue.
import browser from '../shared/browser';
import { TAB_LOG_PREFIX, tabLogKey, type FailureRecord, type TabLog } from '../shared/protocol';
import { addFailure, CAPS, enforceTotalCap, forget, startPage, totalsOf, type Commit, type Totals } from './tab-log';

/** Writes are batched: at most one storage write per this many ms (badge and popup follow within it). */
const FLUSH_DELAY_MS = 1000;

const logs = new Map<number, TabLog>();
let totals: Totals = { records: 0, bytes: 0 };
const dirty = new Set<number>();
const removed = new Set<number>();
let loaded = false;
// Events that arrive while the worker is still reading its state back wait here, in order.
const pending: (() => void)[] = [];
let flushTimer: ReturnType<typeof setTimeout> | undefined;
let writeQueue: Promise<void> = Promise.resolve();
let onFlushed: (tabIds: number[]) => void = () => {};
let onRecorded: (record: FailureRecord) => void = () => {};

async function load(): Promise<void> {
  try {
    const stored = await browser.storage.session.get(null);
    for (const [key, value] of Object.entries(stored)) {
      const log = value as TabLog | undefined;
      if (key.startsWith(TAB_LOG_PREFIX) && log && Array.isArray(log.failures) && !logs.has(log.tabId)) {
        logs.set(log.tabId, log);
      }
    }
  } catch (error) {
    console.error('Request Doctor: could not read session state', error);
  }
  totals = totalsOf(logs.values());
  loaded = true;
  for (const run of pending.splice(0)) run();
}

export const ready: Promise<void> = load();

/** Run now if the state is loaded, otherwise right after loading, keeping event order. */
function whenLoaded(run: () => void): void {
  if (loaded) run();
  else pending.push(run);
}

function logOf(tabId: number): TabLog {
  let log = logs.get(tabId);
  if (!log) {
    log = { tabId, failures: [] };
    logs.set(tabId, log);
    removed.delete(tabId);
  }
  return log;
}

function markDirty(tabId: number): void {
  dirty.add(tabId);
  flushTimer ??= setTimeout(flush, FLUSH_DELAY_MS);
}

/** Write every changed tab in one storage call, queued behind any write still running. */
export function flush(): Promise<void> {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  const changed = [...dirty];
  const gone = [...removed];
  dirty.clear();
  removed.clear();
  if (changed.length === 0 && gone.length === 0) return writeQueue;
  const items: Record<string, TabLog> = {};
  for (const tabId of changed) {
    const log = logs.get(tabId);
    if (log) items[tabLogKey(tabId)] = log;
  }
  writeQueue = writeQueue
    .then(async () => {
      if (gone.length) await browser.storage.session.remove(gone.map(tabLogKey));
      if (changed.length) await browser.storage.session.set(items);
      onFlushed(changed);
    })
    .catch((error: unknown) => console.error('Request Doctor: could not save session state', error));
  return writeQueue;
}

export function setFlushListener(listener: (tabIds: number[]) => void): void {
  onFlushed = listener;
}

/** Called with every stored record (new or folded), e.g. to notify. */
export function setRecordListener(listener: (record: FailureRecord) => void): void {
  onRecorded = listener;
}

export function recordFailure(failure: FailureRecord): void {
  whenLoaded(() => {
    const { tabId } = failure;
    const record = addFailure(logOf(tabId), failure, CAPS.perTab, totals);
    markDirty(tabId);
    onRecorded(record);
    if (totals.records > CAPS.total || totals.bytes > CAPS.bytes) {
      for (const log of enforceTotalCap(logs.values(), totals)) markDirty(log.tabId);
    }
  });
}

export function pageCommitted(tabId: number, commit: Commit): void {
  whenLoaded(() => {
    const log = logs.get(tabId);
    if (log && startPage(log, commit, totals)) markDirty(tabId);
  });
}

export function clearTab(tabId: number): void {
  whenLoaded(() => {
    const log = logs.get(tabId);
    if (log && log.failures.length) {
      forget(totals, ...log.failures);
      log.failures = [];
      markDirty(tabId);
    }
  });
}

export function forgetTab(tabId: number): void {
  whenLoaded(() => {
    const log = logs.get(tabId);
    if (!log) return;
    logs.delete(tabId);
    forget(totals, ...log.failures);
    dirty.delete(tabId);
    removed.add(tabId);
    flushTimer ??= setTimeout(flush, FLUSH_DELAY_MS);
  });
}

export function tabLog(tabId: number): TabLog | undefined {
  return logs.get(tabId);
}
