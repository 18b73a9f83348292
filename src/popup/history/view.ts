// The History view (`index.html?view=history`): failures of every tab, filtered, grouped and exported.
// Filters live in the URL, so a view can be reloaded and shared.
import browser from '../../shared/browser';
import { h } from '../../shared/dom';
import { localizePage, t, tCount } from '../../shared/i18n';
import { MessageType, type HistoryEntry, type Message } from '../../shared/protocol';
import { settings, settingsReady } from '../../shared/settings-store';
import { failureOf } from '../../card/card';
import { catalogFor, catalogWith } from '../../diagnosis/catalog';
import type { Catalog } from '../../diagnosis/catalog/types';
import { explain, explanationFor } from '../../diagnosis/explain';
import { samePage } from '../../diagnosis/url';
import { applyFilters, filtersToParams, groupEntries, parseFilters, type HistoryFilters } from '../../diagnosis/history/filter';
import { browserName, reportMarkdown } from '../../card/report';
import { filterForm, readForm } from './controls';
import { catalogLanguage, openTabs, readStoredHistory, type StoredHistory } from './data';
import { startedNow } from './started-now';
import { exportButtons } from './download';
import { HistoryList } from './list';
import { newFailuresBar } from './news';
import './history.css';

let stored: StoredHistory = { entries: [], dropped: 0, complete: false };
let shown: HistoryEntry[] = [];
let filters: HistoryFilters;
let catalog: Catalog;
let tabs = new Map<number, { url: string; windowId?: number }>();
let titleOf: (entry: HistoryEntry) => string = () => '';

const summary = h('span', { class: 'summary', 'aria-live': 'polite' });
const kept = h('p', { class: 'page' });
const dropped = h('p', { class: 'note dropped' });
const main = h('main', { id: 'history', 'aria-busy': 'true', tabindex: -1 });
const list = new HistoryList(main);

/** Filter and show; runs on every keystroke, so only the first screen of cards is built here. */
function render(): void {
  shown = applyFilters(stored.entries, filters, Date.now(), titleOf);
  summary.textContent = tCount('historyCount', stored.entries.length, shown.length, stored.entries.length);
  dropped.textContent = stored.dropped ? tCount('historyDropped', stored.dropped, stored.dropped) : '';
  const empty = stored.entries.length
    ? h('div', { class: 'empty', 'data-empty': true }, h('p', null, t('historyNoMatch')))
    : h('div', { class: 'empty', 'data-empty': true }, h('h2', null, t('historyEmptyTitle')), h('p', null, t('historyEmptyBody')));
  list.show(groupEntries(shown, filters.group), { catalog, tabs, grouping: filters.group }, empty);
  // Tests and find-in-page wait for every failure to be read.
  main.setAttribute('aria-busy', String(!stored.complete));
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
  const days = settings().historyDays;
  kept.textContent = days > 0 ? tCount('historyKeptDays', days, days) : t('historyKeptSession');
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
    if (!performance.getEntriesByName('first-render').length) performance.mark('first-render');
  }
}

async function copyReport(button: HTMLButtonElement, entry: HistoryEntry): Promise<void> {
  const text = reportMarkdown(entry, explain(entry, catalog), {
    pageUrl: entry.pageUrl || undefined, browser: browserName(navigator.userAgent), extensionVersion: browser.runtime.getManifest().version,
    stripQuery: settings().stripQueryInReports, catalog,
  });
  button.textContent = await navigator.clipboard.writeText(text).then(() => t('copied'), () => t('copyFailed'));
  setTimeout(() => (button.textContent = t('copyReport')), 2000);
}

/** Switch to the tab if it still shows that page; otherwise open the page in a new tab. */
async function openInTab(entry: HistoryEntry): Promise<void> {
  // Asked now: tabs move on to other pages, and after a browser restart their ids name other tabs.
  const tab = entry.tabId >= 0 ? await browser.tabs.get(entry.tabId).catch(() => undefined) : undefined;
  if (tab && (!entry.pageUrl || samePage(tab.url, entry.pageUrl))) {
    const switched = await browser.tabs.update(entry.tabId, { active: true }).then(() => true, () => false);
    if (switched) {
      if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
      return;
    }
  }
  if (entry.pageUrl) await browser.tabs.create({ url: entry.pageUrl });
}

function onListClick(event: Event): void {
  const button = (event.target as Element).closest('button[data-action]') as HTMLButtonElement | null;
  const entry = button && (failureOf(button) as HistoryEntry | undefined);
  if (!button || !entry) return;
  if (button.dataset.action === 'copy') void copyReport(button, entry);
  if (button.dataset.action === 'open-tab') void openInTab(entry);
}

function layout(form: HTMLFormElement): void {
  const clear = h('button', { type: 'button', 'data-action': 'clear-history' }, t('clearHistory'));
  clear.addEventListener('click', async () => {
    await browser.runtime.sendMessage({ type: MessageType.ClearHistory } satisfies Message);
    await (loading = load());
  });
  document.title = `${t('historyTitle')} · Request Doctor`;
  document.body.classList.add('report', 'history');
  document.body.replaceChildren(
    h('header', { class: 'bar' },
      h('img', { src: '/icons/32.png', width: 20, height: 20, alt: '' }),
      h('h1', null, t('historyTitle')), summary, h('span', { class: 'spacer' }),
      ...exportButtons(async () => {
        await loading;
        return { entries: shown, dropped: stored.dropped };
      }), clear),
    h('section', { class: 'history-filters', 'aria-label': t('historyFiltersLabel') }, kept, form, dropped,
      newFailuresBar(isNews, () => (loading = load()), main)), main);
}

export async function showHistory(): Promise<void> {
  // Storage reads and the language's catalog file (one file holds every part) start at once; the page is laid out meanwhile.
  const reading = startedNow(readStoredHistory());
  const tabsRead = openTabs();
  void catalogWith([], catalogLanguage());
  localizePage();
  filters = parseFilters(new URLSearchParams(location.search));
  const form = filterForm(filters);
  layout(form);
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
  main.addEventListener('click', onListClick);
  await (loading = settingsReady.then(() => load(reading, tabsRead)));
}
