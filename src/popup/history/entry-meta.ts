// What a History card adds to the failure card: when and on which page it happened, whether that page is
// still open, and Open in tab. Shared by the first screen (first-screen.ts, before the catalog) and the list.
import { samePage } from '../../diagnosis/url';
import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { HistoryEntry } from '../../shared/protocol';
import { openAction, type OpenTabs } from './open-rule';

export type { OpenTabs } from './open-rule';

function pageLabel(entry: HistoryEntry): string {
  if (entry.tabId < 0) return t('noTabPage');
  return entry.pageTitle && entry.pageTitle !== entry.pageUrl ? `${entry.pageTitle} — ${entry.pageUrl}` : entry.pageUrl;
}

/** `card` (a failure card, whole or pending) as a History entry: `data-tab`, `data-page`, and its meta line. */
export function withEntryMeta(card: HTMLElement, entry: HistoryEntry, tabs: OpenTabs, { buttons = true } = {}): HTMLElement {
  const current = entry.tabId >= 0 && samePage(tabs.get(entry.tabId)?.url, entry.pageUrl);
  card.setAttribute('data-tab', String(entry.tabId));
  card.setAttribute('data-page', entry.pageUrl);
  if (current) card.setAttribute('data-current-page', '');
  if (entry.private) card.setAttribute('data-private', '');
  const when = new Date(entry.lastSeen);
  // Only where it can do something (a private page: only in a private window still open).
  const openable = buttons && openAction(entry, tabs) !== undefined;
  card.prepend(h('p', { class: 'history-meta' },
    h('time', { datetime: when.toISOString() }, when.toLocaleString()),
    h('span', { class: 'history-page', title: entry.pageUrl }, pageLabel(entry)),
    entry.private ? h('span', { class: 'private' }, t('privateWindow')) : null,
    current ? h('span', { class: 'current' }, t('currentPage')) : null,
    // Says what it will do: switch to the tab still showing the page, or open the page again (a private page only in a private window).
    openable ? h('button', { type: 'button', 'data-action': 'open-tab', title: entry.private ? t('openInPrivateOnly') : null }, t(current ? 'goToTab' : 'openAgain')) : null));
  return card;
}
