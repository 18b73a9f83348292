// Reads the history straight from storage (no need to wake the background): storage.session, and
// storage.local when the person keeps it across restarts (a browser just restarted has only that).
import browser from '../../shared/browser';
import { HISTORY_META_KEY, HISTORY_PREFIX, historyChunkEntries, type HistoryEntry, type HistoryMeta } from '../../shared/protocol';
import { settings, settingsReady } from '../../shared/settings-store';
import { STAGES } from '../../diagnosis/types';

const DAY_MS = 86_400_000;

export interface StoredHistory {
  /** Oldest first, as stored. */
  entries: HistoryEntry[];
  dropped: number;
}

/** Enough of a shape check that foreign or corrupt values are skipped, never rendered half. */
const isEntry = (value: unknown): value is HistoryEntry => {
  const e = value as HistoryEntry | null;
  return typeof e === 'object' && e !== null && typeof e.url === 'string' && typeof e.code === 'string' && typeof e.method === 'string' &&
    typeof e.pageUrl === 'string' && STAGES.includes(e.stage) && typeof e.lastSeen === 'number' && Number.isInteger(e.tabId) && Number.isInteger(e.count);
};

export async function readStoredHistory(): Promise<StoredHistory> {
  await settingsReady;
  const days = settings().historyDays;
  const [session, local] = await Promise.all([
    browser.storage.session.get(null),
    days > 0 ? browser.storage.local.get(null) : Promise.resolve({}),
  ]);
  // The session copy is the newest; the local one fills in after a restart.
  const stored: Record<string, unknown> = { ...local, ...session };
  const chunks = Object.keys(stored).filter((key) => key.startsWith(HISTORY_PREFIX))
    .map((key) => [Number(key.slice(HISTORY_PREFIX.length)), stored[key]] as const)
    .filter(([id]) => Number.isInteger(id))
    .sort(([a], [b]) => a - b);
  const since = days > 0 ? Date.now() - days * DAY_MS : -Infinity;
  const entries = chunks.flatMap(([, value]) => historyChunkEntries(value).filter((e): e is HistoryEntry => isEntry(e) && e.lastSeen >= since));
  const meta = stored[HISTORY_META_KEY] as HistoryMeta | undefined;
  return { entries, dropped: Number.isInteger(meta?.dropped) ? meta!.dropped : 0 };
}

/** Open tabs and the page each shows, to mark entries of a current page and switch to them. */
export async function openTabs(): Promise<Map<number, { url: string; windowId?: number }>> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  return new Map(tabs.filter((tab) => tab.id !== undefined).map((tab) => [tab.id!, { url: tab.url ?? '', windowId: tab.windowId }]));
}
