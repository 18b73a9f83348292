// Reads the history straight from storage (no need to wake the background): storage.session, and
// storage.local when the person keeps it across restarts (a browser just restarted has only that).
// The newest chunks come first, so the first screen does not wait for all 10,000 failures.
import browser from '../../shared/browser';
import { HISTORY_META_KEY, HISTORY_PREFIX, historyChunkEntries, historyChunkKey, type HistoryEntry, type HistoryMeta } from '../../shared/protocol';
import { settings, settingsReady } from '../../shared/settings-store';
import { STAGES } from '../../diagnosis/types';
import type { OpenTabs } from './open-rule';

const DAY_MS = 86_400_000;
/** Chunks (of `HISTORY_CAPS.chunk` entries) read before the first screen. */
const NEWEST_CHUNKS = 2;

export interface StoredHistory {
  /** Oldest first, as stored. */
  entries: HistoryEntry[];
  dropped: number;
  /** False while only the newest chunks are read. */
  complete: boolean;
}

/** Enough of a shape check that foreign or corrupt values are skipped, never rendered half. */
export const isEntry = (value: unknown): value is HistoryEntry => {
  const e = value as HistoryEntry | null;
  return typeof e === 'object' && e !== null && typeof e.url === 'string' && typeof e.code === 'string' && typeof e.method === 'string' &&
    typeof e.pageUrl === 'string' && STAGES.includes(e.stage) && typeof e.lastSeen === 'number' && Number.isInteger(e.tabId) && Number.isInteger(e.count);
};

function entriesOf(stored: Record<string, unknown>, since: number): HistoryEntry[] {
  return Object.keys(stored).filter((key) => key.startsWith(HISTORY_PREFIX))
    .map((key) => [Number(key.slice(HISTORY_PREFIX.length)), stored[key]] as const)
    .filter(([id]) => Number.isInteger(id))
    .sort(([a], [b]) => a - b)
    .flatMap(([, value]) => historyChunkEntries(value).filter((e): e is HistoryEntry => isEntry(e) && e.lastSeen >= since));
}

const isMeta = (meta: unknown): meta is HistoryMeta =>
  Number.isInteger((meta as HistoryMeta | undefined)?.first) && Number.isInteger((meta as HistoryMeta).last) && (meta as HistoryMeta).last - (meta as HistoryMeta).first < 1e5;

/**
 * The newest chunk as last seen by a History page (only its number: this origin's localStorage), to ask for
 * the newest chunks together with the index. Right, the first screen needs one read instead of two.
 */
const LAST_CHUNK_SEEN = 'history-last-chunk';
function chunksNear(): string[] {
  const seen = Number(localStorage.getItem(LAST_CHUNK_SEEN) ?? NaN);
  // The history grows by a chunk now and then: the one after the last seen is asked for too.
  return Number.isSafeInteger(seen) ? [seen - 1, seen, seen + 1].map(historyChunkKey) : [];
}

/** The newest chunks first (when that helps), then everything. */
export async function* readStoredHistory(): AsyncGenerator<StoredHistory> {
  const near = chunksNear();
  const [, read] = await Promise.all([settingsReady, browser.storage.session.get([HISTORY_META_KEY, ...near])]);
  const meta = read[HISTORY_META_KEY];
  const days = settings().historyDays;
  const since = days > 0 ? Date.now() - days * DAY_MS : -Infinity;
  const dropped = Number.isInteger((meta as HistoryMeta | undefined)?.dropped) ? (meta as HistoryMeta).dropped : 0;
  // No index in storage.session: nothing recorded yet, or (kept across restarts) a browser just restarted whose
  // worker has not put storage.local's copy back into the session yet: read everything at once, from both.
  if (!isMeta(meta)) {
    const [session, local] = await Promise.all([browser.storage.session.get(null), days > 0 ? browser.storage.local.get(null) : {}]);
    const stored: Record<string, unknown> = { ...local, ...session };
    const storedMeta = stored[HISTORY_META_KEY] as HistoryMeta | undefined;
    yield { entries: entriesOf(stored, since), dropped: Number.isInteger(storedMeta?.dropped) ? storedMeta!.dropped : 0, complete: true };
    return;
  }
  localStorage.setItem(LAST_CHUNK_SEEN, String(meta.last));
  const keys = Array.from({ length: meta.last - meta.first + 1 }, (_, i) => historyChunkKey(meta.first + i));
  const newest = keys.slice(-NEWEST_CHUNKS);
  const first = newest.every((key) => near.includes(key))
    ? Object.fromEntries(newest.filter((key) => key in read).map((key) => [key, read[key]]))
    : await browser.storage.session.get(newest);
  if (keys.length > newest.length) yield { entries: entriesOf(first, since), dropped, complete: false };
  const rest = await browser.storage.session.get(keys.slice(0, -NEWEST_CHUNKS));
  yield { entries: entriesOf({ ...rest, ...first }, since), dropped, complete: true };
}

/** Open tabs, the page each shows and its window, to mark entries of a current page and open them (open-rule.ts). */
export async function openTabs(): Promise<OpenTabs> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  return new Map(tabs.filter((tab) => tab.id !== undefined).map((tab) => [tab.id!, { url: tab.url ?? '', windowId: tab.windowId, incognito: tab.incognito }]));
}

/** The catalog speaks the interface's language, as in the report. */
export { catalogLanguage } from '../../shared/i18n';
