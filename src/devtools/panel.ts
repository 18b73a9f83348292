// The Request Doctor panel in DevTools: the inspected page's failures from DevTools' own network log
// (HAR), each on the same card as the report, with the HAR timings on its strip. Exists only while
// DevTools is open; the browsing itself pays nothing for it.
import browser from '../shared/browser';
import { localizePage, t, tCount, uiLanguage } from '../shared/i18n';
import { catalogFor, type CatalogLanguage } from '../diagnosis/catalog';
import { harFailure, harPageUrl } from '../diagnosis/har';
import { isLoadOf } from '../diagnosis/observe';
import type { HarEntry } from '../diagnosis/timings';
import type { FailureRecord } from '../shared/protocol';
import { failureOf } from '../card/card';
import { copyFailureReport } from '../card/copy';
import { h } from '../shared/dom';
import { harCard } from './har-card';

const list = document.getElementById('failures')!;
const tabId = browser.devtools.inspectedWindow.tabId ?? -1;
let pageUrl: string | undefined;
/** The catalog speaks the interface's language, as in the popup. */
const language: CatalogLanguage = { language: t('catalogLocale'), locale: uiLanguage() };
/** Bumped when the inspected page navigates, so late cards of the old page are dropped. */
let page = 0;
type Source = 'log' | 'live';
/** How long after the log is read a finishing request may still be one it already held. */
const OVERLAP_MS = 5000;
/**
 * getHAR() and onRequestFinished can both hand over a request that finished while the panel opened: one
 * card for it, and only then (two identical requests started in the same millisecond are two failures).
 */
const handedOver: Record<Source, Set<string>> = { log: new Set(), live: new Set() };
let overlapOpen = true;
/** The newest cards kept: a page failing for hours without navigating must not fill DevTools' memory. */
const MAX_CARDS = 500;
const droppedLine = document.getElementById('dropped')!;
/** Said to screen readers instead of each whole card (the list itself is not a live region). */
const announced = document.getElementById('announce')!;
let dropped = 0;

/** Whether the other source already handed this request over while the panel opened. */
function handedOverTwice(entry: HarEntry, source: Source): boolean {
  if (!overlapOpen) return false;
  const key = `${entry.startedDateTime} ${entry.request?.url} ${entry.time} ${entry.response?.status}`;
  if (handedOver[source === 'log' ? 'live' : 'log'].has(key)) return true;
  handedOver[source].add(key);
  return false;
}

const emptyState = (): HTMLElement => h('p', { class: 'empty', 'data-empty': true }, t('devtoolsEmpty'));

async function add(entry: HarEntry, source: Source): Promise<void> {
  // Successes leave first: only failures are remembered.
  const failure = harFailure(entry, tabId);
  if (!failure || handedOverTwice(entry, source)) return;
  const shownPage = page;
  const card = await harCard(entry, tabId, language, failure);
  // A card of the page before a navigation is dropped, unless it is the new page's own failure.
  if (!card || (shownPage !== page && !isPageOwn(failure, pageUrl))) return;
  list.querySelector('[data-empty]')?.remove();
  list.prepend(card);
  for (let oldest = list.lastElementChild; list.childElementCount > MAX_CARDS && oldest; oldest = list.lastElementChild) {
    oldest.remove();
    dropped += 1;
  }
  showDropped();
  announced.textContent = t('failureCount', list.childElementCount + dropped);
}

function showDropped(): void {
  droppedLine.hidden = dropped === 0;
  droppedLine.textContent = dropped ? tCount('devtoolsDropped', dropped, MAX_CARDS, dropped) : '';
}

list.addEventListener('click', (event) => {
  const button = (event.target as Element).closest('button[data-action="copy"]');
  const failure = button && failureOf(button);
  if (button && failure) void catalogFor([failure], language).then((catalog) => copyFailureReport(button as HTMLButtonElement, failure, catalog, pageUrl));
});

/** The page's own failed load: the error page it leads to is a navigation to that URL, which keeps its card. */
const isPageOwn = (failure: FailureRecord | undefined, url: string | undefined): boolean =>
  failure !== undefined && url !== undefined && isLoadOf(failure, url);

browser.devtools.network.onNavigated.addListener((url) => {
  page += 1;
  pageUrl = url;
  dropped = 0;
  showDropped();
  const own = [...list.querySelectorAll<HTMLElement>('[data-failure]')].filter((card) => isPageOwn(failureOf(card), url));
  announced.textContent = own.length ? t('failureCount', own.length) : '';
  list.replaceChildren(...(own.length ? own : [emptyState()]));
});
browser.devtools.network.onRequestFinished.addListener((request) => void add(request as unknown as HarEntry, 'live'));

type HarLog = { entries: unknown[] };
/**
 * DevTools' log so far. Firefox's getHAR returns a promise; Chromium's takes only a callback and
 * returns nothing (the polyfill does not wrap it), so a missing promise means: ask again with one.
 */
function harLog(): Promise<HarLog> {
  const getHAR = browser.devtools.network.getHAR as unknown as (callback?: (log: HarLog) => void) => Promise<HarLog> | undefined;
  const promised = getHAR();
  return promised && typeof promised.then === 'function' ? promised : new Promise((resolve) => void getHAR(resolve));
}

async function main(): Promise<void> {
  localizePage();
  document.getElementById('title')!.textContent = t('devtoolsPanelTitle');
  document.getElementById('intro')!.textContent = t('devtoolsIntro');
  // Firefox fires onRequestFinished only after its Network panel was opened once (MDN): say so, or the panel looks broken.
  if (typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function') {
    const note = document.getElementById('firefox-network')!;
    note.textContent = t('devtoolsFirefoxNetwork');
    note.hidden = false;
  }
  list.replaceChildren(emptyState());
  // What DevTools logged before the panel was first shown.
  const har = await harLog();
  pageUrl ??= harPageUrl(har.entries as HarEntry[]);
  for (const entry of har.entries as HarEntry[]) void add(entry, 'log');
  // A request's event may trail the log that already holds it by a moment; after that, no overlap is possible.
  setTimeout(() => {
    overlapOpen = false;
    handedOver.log.clear();
    handedOver.live.clear();
  }, OVERLAP_MS);
}

void main();
