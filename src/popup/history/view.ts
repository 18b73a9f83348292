// The History view (`index.html?view=history`): failures of every tab, filtered, grouped and exported.
// Filters live in the URL, so a view can be reloaded and shared.
import { announce } from '../../shared/announce';
import browser from '../../shared/browser';
import { localizePage, t } from '../../shared/i18n';
import { MessageType, type HistoryEntry, type Message } from '../../shared/protocol';
import { settings, settingsReady } from '../../shared/settings-store';
import { failureOf } from '../../card/card';
import { catalogFor, catalogWith } from '../../diagnosis/catalog';
import type { Catalog } from '../../diagnosis/catalog/types';
import { explain, explanationFor } from '../../diagnosis/explain';
import { applyFilters, filtersToParams, groupEntries, parseFilters, type HistoryFilters } from '../../diagnosis/history/filter';
import { browserName, reportMarkdown } from '../../card/report';
import { readForm } from './controls';
import { catalogLanguage, openTabs, readStoredHistory, type StoredHistory } from './data';
import { openAction } from './open-rule';
import { startedNow } from './started-now';
import { wireExports } from './download';
import type { OpenTabs } from './entry-meta';
import { emptyList, historyPage, keptText, showCounts, type HistoryPage } from './layout';
import { HistoryList } from './list';
import { markFirstRender, markOnce } from '../marks';
import { newFailuresBar } from './news';

let stored: StoredHistory = { entries: [], dropped: 0, complete: false };
let shown: HistoryEntry[] = [];
let filters: HistoryFilters;
let catalog: Catalog;
let tabs: OpenTabs = new Map();
let titleOf: (entry: HistoryEntry) => string = () => '';
let page: HistoryPage;
let list: HistoryList;

/** Filter and show; runs on every keystroke, so only the first screen of cards is built here. */
function render(): void {
  shown = applyFilters(stored.entries, filters, Date.now(), titleOf);
  showCounts(page, stored, shown.length);
  list.show(groupEntries(shown, filters.group), { catalog, tabs, grouping: filters.group }, emptyList(stored.entries.length > 0));
  // Whole cards from now on: the classic script's pending ones (first-screen.ts) are gone.
  page.main.dataset.list = 'whole';
  // Tests and find-in-page wait for every failure to be read.
  page.main.setAttribute('aria-busy', String(!stored.complete));
}

/** Written entries are news when one was seen after the newest read (a new failure or a repeat; a page title
 * filled in is none) and the filters would show it. Undefined while still reading: what is written meanwhile is read too. */
function isNews(written: readonly HistoryEntry[]): boolean | undefined {
  if (!stored.complete) return undefined;
  const newest = stored.entries.reduce((latest, entry) => Math.max(latest, entry.lastSeen), -Infinity);
  return applyFilters(written.filter((entry) => entry.lastSeen > newest), filters, Date.now(), titleOf).length > 0;
}

/** The newest load: an earlier one still reading (Clear history clicked while loading) must not show what it read. */
let loads = 0;
/** Until everything is read: an export waits for it, or it would hold only the newest entries. */
let loading: Promise<void> = Promise.resolve();

/** Show the newest failures as soon as they are read, then all of them. */
async function load(reading: AsyncIterable<StoredHistory> = readStoredHistory(), tabsRead = openTabs()): Promise<void> {
  const run = ++loads;
  page.kept.textContent = keptText(settings().historyDays);
  for await (const history of reading) {
    if (run !== loads) return;
    performance.mark('data-read');
    const openNow = await tabsRead;
    const texts = await catalogFor(history.entries, catalogLanguage());
    if (run !== loads) return;
    stored = history;
    tabs = openNow;
    catalog = texts;
    // The title alone: the search runs over 10,000 entries, and the advice is not needed for it.
    titleOf = (entry) => explanationFor(entry, texts).title;
    render();
    markFirstRender();
    // The first screen's cards have their explanations (the first screen itself may be the classic script's).
    markOnce('catalog-ready');
  }
}

async function copyReport(button: HTMLButtonElement, entry: HistoryEntry): Promise<void> {
  const text = reportMarkdown(entry, explain(entry, catalog), {
    pageUrl: entry.pageUrl || undefined, browser: browserName(navigator.userAgent), extensionVersion: browser.runtime.getManifest().version,
    stripQuery: settings().stripQueryInReports, catalog,
  });
  button.textContent = await navigator.clipboard.writeText(text).then(() => t('copied'), () => t('copyFailed'));
  announce(button.textContent);
  setTimeout(() => (button.textContent = t('copyReport')), 2000);
}

/** Switch to the tab if it still shows that page; otherwise open the page in a new tab (open-rule.ts). */
async function openInTab(entry: HistoryEntry, tabsNow?: OpenTabs): Promise<void> {
  // Asked now: tabs move on to other pages, windows close, and after a browser restart tab ids name other tabs.
  const tabs = tabsNow ?? (await openTabs());
  const action = openAction(entry, tabs);
  if (!action) return;
  const opened = action.kind === 'switch'
    ? await browser.tabs.update(action.tabId, { active: true }).then(() => true, () => false)
    : await browser.tabs.create({ url: action.url, windowId: action.windowId }).then(() => true, () => false);
  // The tab closed meanwhile: as if it had been closed before.
  if (!opened && action.kind === 'switch' && tabs.delete(action.tabId)) return openInTab(entry, tabs);
  if (opened && action.windowId !== undefined) await browser.windows.update(action.windowId, { focused: true }).catch(() => {});
}

function onListClick(event: Event): void {
  const button = (event.target as Element).closest('button[data-action]') as HTMLButtonElement | null;
  const entry = button && (failureOf(button) as HistoryEntry | undefined);
  if (!button || !entry) return;
  if (button.dataset.action === 'copy') void copyReport(button, entry);
  if (button.dataset.action === 'open-tab') void openInTab(entry);
}

/** The controls only the modules can serve: Clear history, the exports, and the news of failures recorded meanwhile. */
function wireControls(): void {
  page.clear.addEventListener('click', async () => {
    await browser.runtime.sendMessage({ type: MessageType.ClearHistory } satisfies Message);
    await (loading = load());
  });
  wireExports(page.exports, async () => {
    await loading;
    return { entries: shown, dropped: stored.dropped };
  });
  page.dropped.after(newFailuresBar(isNews, () => (loading = load()), page.main));
}

export async function showHistory(): Promise<void> {
  // Storage reads and the language's catalog file (one file holds every part) start at once; the page is laid out meanwhile.
  const reading = startedNow(readStoredHistory());
  const tabsRead = openTabs();
  void catalogWith([], catalogLanguage());
  markOnce('view-modules');
  localizePage();
  filters = parseFilters(new URLSearchParams(location.search));
  // Drawn by the page's classic script, as a rule (first-screen.ts); anything typed meanwhile counts.
  page = historyPage(filters);
  const { form } = page;
  const asked = filters;
  filters = readForm(form, filters.tab);
  if (filtersToParams(filters).toString() !== filtersToParams(asked).toString()) history.replaceState(null, '', `?${filtersToParams(filters)}`);
  list = new HistoryList(page.main);
  wireControls();
  form.addEventListener('input', (event) => {
    filters = readForm(form, filters.tab);
    history.replaceState(null, '', `?${filtersToParams(filters)}`);
    render();
    // From the keystroke until the filtered list is painted: what `npm run bench` reads.
    requestAnimationFrame(() => setTimeout(() => performance.measure('filter', { start: event.timeStamp })));
  });
  form.addEventListener('click', (event) => {
    if (!(event.target as Element).closest('[data-action="all-tabs"]')) return;
    filters = { ...filters, tab: undefined };
    history.replaceState(null, '', `?${filtersToParams(filters)}`);
    form.querySelector('.only-tab')?.remove();
    render();
  });
  page.main.addEventListener('click', onListClick);
  await (loading = settingsReady.then(() => load(reading, tabsRead)));
}
