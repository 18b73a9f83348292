// The history: failures of every tab and page, folded and capped apart from the tab logs. Kept in
// chunks so a new failure rewrites one small stored value, not the whole history. Pure.
import { historyChunkEntries, type FailureRecord, type HistoryEntry, type HistoryMeta } from '../shared/protocol';
import { isFailureRecord } from './stored-shape';
import { cut } from '../diagnosis/text';
import { entrySize, sizedLike, textBytes } from './bytes';

/**
 * Entries and approximate bytes in all, and entries per chunk. storage.session holds 10 MB, the tab logs
 * up to 4 MB of it; 10,000 failures of ordinary URLs take about 5.5 MB, very long URLs hit the byte cap first.
 */
export const HISTORY_CAPS = { entries: 10_000, bytes: 5_500_000, chunk: 50 };

/** Where an entry is stored: chunk ids tell which stored value a change rewrites. */
export interface Slot {
  entry: HistoryEntry;
  chunk: number;
}

export interface History {
  /** Chunk id → entries, oldest first; ids only grow. */
  chunks: Map<number, HistoryEntry[]>;
  first: number;
  last: number;
  /** Fold index by request URL: a Map lookup instead of a key string built per failure. */
  byUrl: Map<string, Slot[]>;
  size: number;
  bytes: number;
  dropped: number;
}

export interface Page {
  url: string;
  title?: string;
}

export const emptyHistory = (dropped = 0): History => ({ chunks: new Map(), first: 0, last: 0, byUrl: new Map(), size: 0, bytes: 0, dropped });

export function isHistoryEntry(value: unknown): value is HistoryEntry {
  const entry = value as HistoryEntry;
  return isFailureRecord(value) && typeof entry.pageUrl === 'string' && (entry.pageTitle === undefined || typeof entry.pageTitle === 'string');
}

function index(history: History, slot: Slot): void {
  const slots = history.byUrl.get(slot.entry.url);
  if (slots) slots.push(slot);
  else history.byUrl.set(slot.entry.url, [slot]);
  history.size += 1;
  history.bytes += entrySize(slot.entry);
}

/** Rebuild from stored chunks (JSON text or arrays, any order, foreign values skipped); entries last seen before `since` expire. */
export function readHistory(stored: Iterable<[number, unknown]>, meta: unknown, since = -Infinity): History {
  const dropped = Number.isInteger((meta as HistoryMeta | null)?.dropped) ? (meta as HistoryMeta).dropped : 0;
  const history = emptyHistory(dropped);
  const sorted = [...stored].filter(([id]) => Number.isInteger(id)).sort(([a], [b]) => a - b);
  for (const [chunk, value] of sorted) {
    const entries = historyChunkEntries(value).filter((e): e is HistoryEntry => isHistoryEntry(e) && e.lastSeen >= since);
    if (!entries.length) continue;
    if (!history.chunks.size) history.first = chunk;
    history.chunks.set(chunk, entries);
    history.last = chunk;
    for (const entry of entries) index(history, { entry, chunk });
  }
  return history;
}

/**
 * The history's copy of a record, every key written in one order (as observe() does): one object shape
 * keeps the failure path fast, where a spread made a new shape per record. The document id only matters
 * to the tab log's page changes: not kept here.
 */
const historyEntry = (r: FailureRecord, page: Page): HistoryEntry => ({
  url: r.url, method: r.method, type: r.type, tabId: r.tabId, timeStamp: r.timeStamp, statusCode: r.statusCode, statusLine: r.statusLine,
  error: r.error, ip: r.ip, initiator: r.initiator, documentId: undefined, headers: r.headers, redirects: r.redirects, cors: r.cors, private: r.private, stage: r.stage,
  code: r.code, severity: r.severity, blocked: r.blocked, errorName: r.errorName, count: 1, lastSeen: r.lastSeen, pageUrl: page.url, pageTitle: page.title,
});

/**
 * What of a chunk may be written to disk (storage.local): never a failure of a private window. The chunk itself
 * when it has none, undefined when it has nothing else. Those entries stay in the session's history.
 */
export function chunkOnDisk(chunk: unknown): unknown {
  const entries = historyChunkEntries(chunk);
  if (!entries.some((entry) => (entry as HistoryEntry | null)?.private === true)) return chunk;
  const kept = entries.filter((entry) => (entry as HistoryEntry | null)?.private !== true);
  return kept.length ? kept : undefined;
}

/** Told of each entry the cap or the expiry drops, so that nothing else keeps it alive. */
export type OnDrop = (slot: Slot) => void;

const ignoreDrop: OnDrop = () => {};

/** Fold a recorded failure into the history. Returns the changed chunk ids (a removed chunk included). */
export function addToHistory(history: History, record: FailureRecord, page: Page, caps = HISTORY_CAPS, onDrop = ignoreDrop): { slot: Slot; added: boolean; changed: number[] } {
  for (const slot of history.byUrl.get(record.url) ?? []) {
    const { entry } = slot;
    if (entry.code === record.code && entry.method === record.method && entry.tabId === record.tabId && entry.pageUrl === page.url) {
      // As in the tab logs: the page's own failure repeating is the browser retrying, not a new failure.
      if (record.type !== 'main_frame') entry.count += 1;
      entry.lastSeen = record.lastSeen;
      return { slot, added: false, changed: [slot.chunk] };
    }
  }
  const entry = historyEntry(record, page);
  sizedLike(entry, record);
  let chunk = history.chunks.get(history.last);
  if (!chunk || chunk.length >= caps.chunk) {
    if (chunk) history.last += 1;
    chunk = [];
    history.chunks.set(history.last, chunk);
    if (history.chunks.size === 1) history.first = history.last;
  }
  chunk.push(entry);
  const slot = { entry, chunk: history.last };
  index(history, slot);
  const changed = [history.last];
  while (history.size > caps.entries || history.bytes > caps.bytes) {
    const from = dropOldest(history, onDrop);
    if (from === undefined) break;
    history.dropped += 1;
    if (!changed.includes(from)) changed.push(from);
  }
  return { slot, added: true, changed };
}

/** The page of a tab's newest entry: where the tab still is when no page change was seen since (a worker restart). */
export function newestPageOf(history: History, tabId: number): Page | undefined {
  for (let id = history.last; id >= history.first; id--) {
    const chunk = history.chunks.get(id) ?? [];
    for (let at = chunk.length - 1; at >= 0; at--) {
      const entry = chunk[at]!;
      if (entry.tabId === tabId) return { url: entry.pageUrl, title: entry.pageTitle };
    }
  }
  return undefined;
}

/** Remove the oldest entry; returns its chunk id, or undefined when the history is empty. */
function dropOldest(history: History, onDrop: OnDrop): number | undefined {
  const id = history.first;
  const chunk = history.chunks.get(id);
  const entry = chunk?.shift();
  if (!chunk || !entry) return undefined;
  const slots = history.byUrl.get(entry.url)!;
  onDrop(slots.splice(slots.findIndex((slot) => slot.entry === entry), 1)[0]!);
  if (!slots.length) history.byUrl.delete(entry.url);
  history.size -= 1;
  history.bytes -= entrySize(entry);
  if (!chunk.length && history.chunks.size > 1) {
    history.chunks.delete(id);
    while (!history.chunks.has(history.first)) history.first += 1;
  }
  return id;
}

/** Storage is full: drop the oldest chunk's entries (counted as dropped), never the newest chunk. Returns its id, or undefined. */
export function dropOldestChunk(history: History, onDrop = ignoreDrop): number | undefined {
  if (history.chunks.size < 2) return undefined;
  const id = history.first;
  while (history.first === id && dropOldest(history, onDrop) !== undefined) history.dropped += 1;
  return id;
}

/** Drop entries last seen before `since`, oldest first, stopping at the first fresh one (cheap on every record). */
export function expire(history: History, since: number, onDrop = ignoreDrop): number[] {
  const changed: number[] = [];
  for (;;) {
    const oldest = history.chunks.get(history.first)?.[0];
    if (!oldest || oldest.lastSeen >= since) return changed;
    const from = dropOldest(history, onDrop)!;
    if (!changed.includes(from)) changed.push(from);
  }
}

/** Page titles are kept this long: a title is a label, and pages can make it as long as they like. */
export const MAX_TITLE_LENGTH = 256;

export const clipTitle = (title: string): string => (title.length > MAX_TITLE_LENGTH ? `${cut(title, MAX_TITLE_LENGTH)}…` : title);

/**
 * The page got its title: set it on its entries that have none. A title that changes later (an unread
 * count, a single-page app's views) labels the entries that come after it, and rewrites nothing.
 * Returns the changed chunk ids.
 */
export function titlePage(history: History, slots: readonly Slot[], title: string): number[] {
  const changed = new Set<number>();
  for (const { entry, chunk } of slots) {
    if (entry.pageTitle !== undefined) continue;
    entry.pageTitle = title;
    // Counted as it grows, so the byte cap holds what is really stored.
    history.bytes += textBytes(title);
    changed.add(chunk);
  }
  return [...changed];
}

/** The page's URL became known after its first failures (no commit was seen): set it where it is missing. */
export function setPageUrl(history: History, slots: readonly Slot[], url: string): number[] {
  const changed = new Set<number>();
  for (const { entry, chunk } of slots) {
    if (entry.pageUrl) continue;
    entry.pageUrl = url;
    history.bytes += textBytes(url);
    changed.add(chunk);
  }
  return [...changed];
}
