// The worker's memory: tab logs and notices mirrored to storage.session through one write queue.
// Nothing is acted on before the saved state and the settings are read back, so a woken worker
// behaves exactly like one that never slept.
import browser from '../shared/browser';
import { fromStored, TAB_LOG_PREFIX, tabLogKey, toStored, type FailureRecord, type TabLog } from '../shared/protocol';
import { settingsReady } from '../shared/settings-store';
import { readTabLog } from './stored-shape';
import { addFailure, CAPS, count, enforceTotalCap, forget, startPage, totalsOf, type Commit, type Totals } from './tab-log';

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
/** An event waits for an answer from the browser (whenAnswered): those after it wait too. */
let asking = false;
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
/**
 * Session keys also kept in storage.local while `enabled()` (the history, when the person opts in), each in
 * its `localForm` (the value itself, what of it may leave memory, or undefined: nothing).
 */
let local = { matches: (_key: string): boolean => false, enabled: (): boolean => false, localForm: (_key: string, value: unknown): unknown => value };
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
  runPending();
}

function runPending(): void {
  while (loaded && !asking && pending.length) pending.shift()!();
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

type AccessLevelArea = { setAccessLevel?: (access: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> };

/**
 * Content scripts (a page's renderer, should it be compromised) may not read what is stored. Chromium lets them
 * read storage.local and storage.sync unless told otherwise (storage.session is closed to them already).
 * Firefox has no such setting: its content scripts can always read storage.local, and this does nothing there.
 */
export function closeStorageToContentScripts(): void {
  for (const area of [browser.storage.local, browser.storage.sync] as AccessLevelArea[]) {
    void area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((error: unknown) => console.warn('Request Doctor: storage stays open to content scripts', error));
  }
}

/**
 * Keep the matching session keys in storage.local too while `enabled()`. Call at top level (before
 * the state is read back). When it turns off, `clearLocalItems()` removes them there.
 */
export function keepLocally(matches: (key: string) => boolean, enabled: () => boolean, localForm = local.localForm): void {
  local = { matches, enabled, localForm };
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
  if (loaded && !asking) run();
  else pending.push(run);
}

/**
 * From inside a `whenReady` run: `run` gets what `asked` answers, and every event that came after waits until
 * then, keeping their order (a failure's page change must not overtake it). `run` is not called on a rejection.
 */
export function whenAnswered<T>(asked: Promise<T>, run: (answer: T) => void): void {
  asking = true;
  const done = (answer?: { value: T }): void => {
    asking = false;
    try {
      if (answer) run(answer.value);
    } finally {
      runPending();
    }
  };
  asked.then((value) => done({ value }), (error: unknown) => {
    console.error('Request Doctor: no answer from the browser', error);
    done();
  });
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
  const values = new Map<string, unknown>();
  for (const key of keys) {
    const value = key.startsWith(TAB_LOG_PREFIX) ? logs.get(Number(key.slice(TAB_LOG_PREFIX.length))) : items.get(key);
    if (value === undefined) remove.push(key);
    else {
      set[key] = toStored(key, value);
      values.set(key, value);
    }
  }
  const keepLocal = local.enabled();
  let again = false;
  try {
    if (remove.length) await browser.storage.session.remove(remove);
    if (keys.length > remove.length) await browser.storage.session.set(set);
    if (clearingLocal) await removeLocal(Object.keys(await browser.storage.local.get(null)).filter(local.matches));
    if (keepLocal) await writeLocal(set, values, remove);
    retryDelay = RETRY_MS.first;
    onFlushed(keys.filter((key) => key.startsWith(TAB_LOG_PREFIX) && key in set).map((key) => Number(key.slice(TAB_LOG_PREFIX.length))));
  } catch (error) {
    for (const key of keys) dirty.add(key);
    clearLocal ||= clearingLocal;
    if (!isQuotaError(error)) {
      // Shutdown or a passing fault: memory still has everything; write it again later.
      console.warn('Request Doctor: could not save session state, retrying', error);
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        void write();
      }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, RETRY_MS.max);
    } else if (makeRoom()) {
      // The oldest entries are gone (and counted as dropped): the next write removes them first, then tries again.
      console.warn('Request Doctor: storage is full, dropped the oldest failures', error);
      again = true;
    } else {
      // Nothing old is left to drop: these values stay in memory only, until they change again. Never a loop.
      console.error('Request Doctor: storage is full, could not save', error);
      for (const key of keys) dirty.delete(key);
      clearLocal = false;
    }
  } finally {
    writing = false;
  }
  if (retryTimer === undefined) {
    if (!dirty.size && !clearLocal) {
      hurry = false;
      settle();
    } else if (hurry || again) void write();
    else scheduleWrite();
  }
}

/**
 * Whether a write failed for want of room. Chromium 156 rejects with "Session storage quota bytes exceeded…"
 * (storage.session) or "Resource::kQuotaBytes quota exceeded" (storage.local); Firefox 153 with
 * "QuotaExceededError: storage.session API call exceeded its quota limitations.", or a DOMException named
 * QuotaExceededError from the IndexedDB under its storage.local.
 */
export function isQuotaError(error: unknown): boolean {
  const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown };
  return name === 'QuotaExceededError' || /quota/i.test(typeof message === 'string' ? message : String(error));
}

/** Told when storage is full: drop the owner's oldest entries (never its newest); false when none is left. */
let dropOldestKept: () => boolean = () => false;

export function setQuotaListener(dropOldest: () => boolean): void {
  dropOldestKept = dropOldest;
}

/**
 * Storage is full: the history's oldest entries go first (the owner counts them), then the tab logs' oldest
 * records, a quarter of their bytes at a time, each tab keeping its newest (counted in its `dropped`).
 */
function makeRoom(): boolean {
  if (dropOldestKept()) return true;
  const target = { total: totals.records, bytes: Math.floor((totals.bytes * 3) / 4) };
  const trimmed = enforceTotalCap(logs.values(), totals, target, 1);
  for (const log of trimmed) markDirty(tabLogKey(log.tabId));
  return trimmed.length > 0;
}

function removeLocal(keys: string[]): Promise<void> {
  return keys.length ? browser.storage.local.remove(keys) : Promise.resolve();
}

/** The kept keys of a write, each in its local form: what is the same is written as stored, once serialised. */
async function writeLocal(set: Record<string, unknown>, values: Map<string, unknown>, remove: string[]): Promise<void> {
  const kept: Record<string, unknown> = {};
  const gone = remove.filter(local.matches);
  for (const [key, value] of values) {
    if (!local.matches(key)) continue;
    const form = local.localForm(key, value);
    if (form === undefined) gone.push(key);
    else kept[key] = form === value ? set[key] : toStored(key, form);
  }
  await removeLocal(gone);
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
    count(totals, ...taken.failures);
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
