// The Request Doctor panel in DevTools: the inspected page's failures from DevTools' own network log
// (HAR), each on the same card as the report, with the HAR timings on its strip. Exists only while
// DevTools is open; the browsing itself pays nothing for it.
import browser from '../shared/browser';
import { t } from '../shared/i18n';
import { catalogFor } from '../diagnosis/catalog';
import { harFailure } from '../diagnosis/har';
import { fromHar, type HarEntry } from '../diagnosis/timings';
import { failureCard, failureOf } from '../card/card';
import { copyFailureReport } from '../card/copy';
import { showTimings } from '../card/timings';
import { h } from '../shared/dom';

const list = document.getElementById('failures')!;
const tabId = browser.devtools.inspectedWindow.tabId ?? -1;
let pageUrl: string | undefined;
/** Bumped when the inspected page navigates, so late cards of the old page are dropped. */
let page = 0;
/** getHAR() and onRequestFinished can both hand over a request that finished while the panel opened. */
const seen = new Set<string>();

const emptyState = (): HTMLElement => h('p', { class: 'empty', 'data-empty': true }, t('devtoolsEmpty'));

async function add(entry: HarEntry): Promise<void> {
  const failure = harFailure(entry, tabId);
  const key = `${entry.startedDateTime} ${entry.request?.url}`;
  if (!failure || seen.has(key)) return;
  seen.add(key);
  const shownPage = page;
  const catalog = await catalogFor([failure]);
  if (shownPage !== page) return;
  const card = failureCard(failure, catalog);
  showTimings(card, fromHar(entry), failure);
  list.querySelector('[data-empty]')?.remove();
  list.prepend(card);
}

list.addEventListener('click', (event) => {
  const button = (event.target as Element).closest('button[data-action="copy"]');
  const failure = button && failureOf(button);
  if (button && failure) void catalogFor([failure]).then((catalog) => copyFailureReport(button as HTMLButtonElement, failure, catalog, pageUrl));
});

browser.devtools.network.onNavigated.addListener((url) => {
  page += 1;
  pageUrl = url;
  seen.clear();
  list.replaceChildren(emptyState());
});
browser.devtools.network.onRequestFinished.addListener((request) => void add(request as unknown as HarEntry));

async function main(): Promise<void> {
  document.getElementById('intro')!.textContent = t('devtoolsIntro');
  list.replaceChildren(emptyState());
  // What DevTools logged before the panel was first shown.
  const har = await browser.devtools.network.getHAR();
  pageUrl ??= (har.entries as unknown as HarEntry[]).find((entry) => entry._resourceType === 'document')?.request.url;
  for (const entry of har.entries as unknown as HarEntry[]) void add(entry);
}

void main();
