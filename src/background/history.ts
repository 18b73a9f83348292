// Every recorded failure also goes into the history, with the page (URL and title) it happened on.
// No listener of its own: index.ts passes on the commits, titles and closed tabs it already sees.
import browser from '../shared/browser';
import { HISTORY_META_KEY, HISTORY_PREFIX, historyChunkEntries, historyChunkKey, MessageType, type BackgroundHandlers, type FailureRecord, type HistoryMeta } from '../shared/protocol';
import { settings, watchSettings } from '../shared/settings-store';
import { clipUrl } from '../diagnosis/observe';
import { addToHistory, chunkOnDisk, clipTitle, dropOldestChunk, emptyHistory, expire, HISTORY_CAPS, newestPageOf, readHistory, setPageUrl, titlePage, type History, type Page, type Slot } from './history-log';
import { adoptSessionItem, clearLocalItems, flush, keepLocally, rewriteLocalItems, sessionItem, sessionItemsWith, setQuotaListener, setSessionItem, whenReady } from './store';

const DAY_MS = 86_400_000;
/** Entries remembered per page (while they are in the history), to give them the title once it is known. */
const SLOTS_PER_PAGE = 500;

interface TabPage extends Page {
  slots: Slot[];
  /** tabs.get was asked once for this page's title (and URL, when no commit was seen). */
  asked: boolean;
}

const pages = new Map<number, TabPage>();
let history: History = emptyHistory();
let days = 0;

keepLocally(
  (key) => key.startsWith(HISTORY_PREFIX) || key === HISTORY_META_KEY,
  () => settings().historyDays > 0,
  // Failures of private windows stay in memory: the session's history shows them, the disk never holds them.
  (key, value) => (key.startsWith(HISTORY_PREFIX) ? chunkOnDisk(value) : value),
);

const since = (): number => (settings().historyDays > 0 ? Date.now() - settings().historyDays * DAY_MS : -Infinity);

let savedMeta: HistoryMeta | undefined;

function save(chunks: readonly number[]): void {
  for (const chunk of chunks) setSessionItem(historyChunkKey(chunk), history.chunks.get(chunk));
  const { dropped, first, last } = history;
  // Written when it changes: once per new chunk, or per dropped entry at the cap.
  if (savedMeta?.dropped !== dropped || savedMeta.first !== first || savedMeta.last !== last) {
    savedMeta = { dropped, first, last };
    setSessionItem(HISTORY_META_KEY, savedMeta);
  }
}

// Runs before any event: the store's state (and, when kept, storage.local's) is read back by then.
whenReady(() => {
  days = settings().historyDays;
  const stored = sessionItemsWith(HISTORY_PREFIX).map(([key, value]) => [Number(key.slice(HISTORY_PREFIX.length)), value] as [number, unknown]);
  history = readHistory(stored, sessionItem(HISTORY_META_KEY), since());
  // The store read the chunks as JSON text; the history parsed them: keep only the parsed ones.
  for (const [chunk, entries] of history.chunks) adoptSessionItem(historyChunkKey(chunk), entries);
  // Nothing to write for an empty history; an index that no longer fits is written again below.
  const meta = sessionItem<HistoryMeta>(HISTORY_META_KEY);
  if (meta || history.size === 0) savedMeta = { dropped: history.dropped, first: meta?.first ?? history.first, last: meta?.last ?? history.last };
  // Expired or unreadable entries leave storage too.
  save(stored.filter(([chunk, value]) => history.chunks.get(chunk)?.length !== historyChunkEntries(value).length).map(([chunk]) => chunk));
});

watchSettings((options) => whenReady(() => {
  if (options.historyDays === days) return;
  if (options.historyDays === 0) clearLocalItems();
  else if (days === 0) rewriteLocalItems();
  days = options.historyDays;
  save(expire(history, since(), forgetSlot));
}));

// Storage is full: the history's oldest chunk goes first, counted in the "N dropped" the History shows.
setQuotaListener(() => {
  const chunk = dropOldestChunk(history, forgetSlot);
  if (chunk !== undefined) save([chunk]);
  return chunk !== undefined;
});

/** An entry dropped from the history leaves its page's list too, which would otherwise keep it in memory. */
function forgetSlot(slot: Slot): void {
  const page = pages.get(slot.entry.tabId);
  // Mostly an entry of a page the tab has left: nothing to search.
  if (page?.url !== slot.entry.pageUrl) return;
  // The oldest entry goes first, and a page's list is in the order its entries came.
  const at = page.slots[0] === slot ? 0 : page.slots.indexOf(slot);
  if (at >= 0) page.slots.splice(at, 1);
}

/** The page a tab is on, as known from its commits (and its failures): the one home of that knowledge. */
export const tabPageUrl = (tabId: number): string | undefined => pages.get(tabId)?.url || undefined;

/** The page a failure happened on; a page that failed to load is itself the page. */
function pageOf(record: FailureRecord): TabPage | undefined {
  if (record.tabId < 0) return undefined;
  let page = pages.get(record.tabId);
  if (!page || (record.type === 'main_frame' && page.url !== record.url)) {
    // No page change seen since this worker started (any would have woken it): the tab is still on the page
    // of its newest entry, and a repeat there folds into that entry instead of starting an unnamed page.
    const known = page || record.type === 'main_frame' ? undefined : newestPageOf(history, record.tabId);
    page = { url: record.type === 'main_frame' ? record.url : known?.url ?? '', title: known?.title, slots: [], asked: false };
    pages.set(record.tabId, page);
  }
  return page;
}

/** A failure was recorded (new or folded in its tab log): fold it into the history. */
export function recordHistory(record: FailureRecord): void {
  const page = pageOf(record);
  const { slot, added, changed } = addToHistory(history, record, page ?? { url: '' }, HISTORY_CAPS, forgetSlot);
  if (page && added && page.slots.length < SLOTS_PER_PAGE) page.slots.push(slot);
  if (days > 0) changed.push(...expire(history, since(), forgetSlot));
  save(changed);
  if (page && !page.asked && (!page.title || !page.url)) {
    page.asked = true;
    void fillPage(record.tabId, page);
  }
}

/** Only for the first failure of a page, never per request: the tab's title (and URL if no commit was seen). */
async function fillPage(tabId: number, page: TabPage): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  whenReady(() => {
    if (!tab || pages.get(tabId) !== page) return;
    if (!page.url && tab.url) {
      page.url = clipUrl(tab.url);
      save(setPageUrl(history, page.slots, page.url));
    }
    if (!page.title && tab.title) page.title = clipTitle(tab.title);
    if (page.title) save(titlePage(history, page.slots, page.title));
  });
}

/** The tab's top frame committed a page; the error page of a failed load commits that very URL. */
export function historyPageCommitted(tabId: number, committed: string): void {
  // In order with the failures, which wait for the stored state after a wake-up: an earlier page's
  // failures still waiting belong to that page. Cut as failure URLs are, so the two compare.
  whenReady(() => {
    const url = clipUrl(committed);
    if (pages.get(tabId)?.url !== url) pages.set(tabId, { url, slots: [], asked: false });
  });
}

export function historyPageTitled(tabId: number, title: string): void {
  whenReady(() => {
    const page = pages.get(tabId);
    const clipped = clipTitle(title);
    if (!page || page.title === clipped) return;
    page.title = clipped;
    save(titlePage(history, page.slots, clipped));
  });
}

export function historyTabClosed(tabId: number): void {
  whenReady(() => pages.delete(tabId));
}

function clearHistory(): Promise<void> {
  for (const [key] of sessionItemsWith(HISTORY_PREFIX)) setSessionItem(key, undefined);
  setSessionItem(HISTORY_META_KEY, undefined);
  savedMeta = undefined;
  history = emptyHistory();
  for (const page of pages.values()) page.slots = [];
  clearLocalItems();
  return flush();
}

export const historyHandlers: Pick<BackgroundHandlers, MessageType.ClearHistory> = {
  [MessageType.ClearHistory]: () => clearHistory(),
};
