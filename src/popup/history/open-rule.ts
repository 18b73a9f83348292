// Open in tab: where a History entry's page opens. A page of a private window never opens in a normal one:
// it opens in a private window that is still open, or not at all. Pure.
import { samePage } from '../../diagnosis/url';
import type { HistoryEntry } from '../../shared/protocol';

/** Open tabs: id → the URL shown now, its window, and whether that window is private. */
export type OpenTabs = Map<number, { url: string; windowId?: number; incognito?: boolean }>;

export type OpenAction =
  | { kind: 'switch'; tabId: number; windowId?: number }
  /** A new tab; in `windowId` when given, else in the History's own (normal) window. */
  | { kind: 'open'; url: string; windowId?: number };

/** What Open in tab does for `entry` now; undefined: nothing (so it is not offered). */
export function openAction(entry: Pick<HistoryEntry, 'tabId' | 'pageUrl' | 'private'>, tabs: OpenTabs): OpenAction | undefined {
  const tab = entry.tabId >= 0 ? tabs.get(entry.tabId) : undefined;
  // Still on that page (or the page is unknown): its own tab, in whichever window it is.
  if (tab && (!entry.pageUrl || samePage(tab.url, entry.pageUrl))) return { kind: 'switch', tabId: entry.tabId, windowId: tab.windowId };
  if (!entry.pageUrl) return undefined;
  if (!entry.private) return { kind: 'open', url: entry.pageUrl };
  const privateTab = tab?.incognito && tab.windowId !== undefined ? tab : [...tabs.values()].find((open) => open.incognito && open.windowId !== undefined);
  return privateTab ? { kind: 'open', url: entry.pageUrl, windowId: privateTab.windowId } : undefined;
}
