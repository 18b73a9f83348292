// Popup and full-page report (`?tab=<id>`). Reads the tab's log straight from storage.session,
// so it works without waking the background, and re-renders when that log changes.
import browser from '../shared/browser';
import { countedFailures } from '../shared/failures';
import { localizePage, t, uiLanguage } from '../shared/i18n';
import { MessageType, NO_TAB, tabLogKey, type FailureRecord, type Message, type TabLog } from '../shared/protocol';
import { catalogFor, type CatalogLanguage } from '../diagnosis/catalog';
import type { Catalog } from '../diagnosis/catalog/types';
import { explain } from '../diagnosis/explain';
import { browserName, reportMarkdown } from '../card/report';
import { settings, settingsReady } from '../shared/settings-store';
import { failureCard, failureOf } from '../card/card';
import { droppedNote, emptyState, sectionElement, sectionsOf } from './sections';
import { wireRecheck } from './recheck-wiring';


/** Cards built before the first paint; the rest follow in chunks so opening stays fast. */
const FIRST_PAINT = 15;
const CHUNK = 100;

const list = document.getElementById('failures')!;
const summary = document.getElementById('summary')!;
const clearButton = document.getElementById('clear') as HTMLButtonElement;
const openButton = document.getElementById('open-report') as HTMLButtonElement;
let renderToken = 0;

async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^-?\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

let catalog: Catalog | undefined;
/** The catalog speaks the interface's language: `catalogLocale` names its folder, so the two never disagree. */
const language: CatalogLanguage = { language: t('catalogLocale'), locale: uiLanguage() };

async function render(log: TabLog | undefined): Promise<void> {
  const token = ++renderToken;
  const failures = log?.failures ?? [];
  // Only the catalog tables these failures need are loaded (each is its own chunk).
  performance.mark('data-read');
  catalog = await catalogFor(failures, language);
  performance.mark('catalog-ready');
  if (token !== renderToken) return;
  const texts = catalog;
  const dropped = log?.dropped ?? 0;
  const counted = countedFailures(failures) + dropped;
  summary.textContent = counted ? t('failureCount', counted) : '';
  clearButton.disabled = failures.length === 0;
  if (failures.length === 0) {
    list.replaceChildren(emptyState());
    finished();
    return;
  }
  // Flatten to (section header | card) jobs so the first screen paints before the rest is built.
  const jobs = sectionsOf(failures).flatMap((section) => [
    () => sectionElement(section),
    ...section.failures.map((failure) => () => failureCard(failure, texts)),
  ]);
  const fragment = document.createDocumentFragment();
  if (dropped) fragment.appendChild(droppedNote(dropped));
  let next = 0;
  while (next < jobs.length && next < FIRST_PAINT) fragment.appendChild(jobs[next++]!());
  list.replaceChildren(fragment);
  performance.mark('first-render');
  const buildRest = (): void => {
    if (token !== renderToken) return;
    const chunk = document.createDocumentFragment();
    for (const end = Math.min(next + CHUNK, jobs.length); next < end; ) chunk.appendChild(jobs[next++]!());
    list.appendChild(chunk);
    if (next < jobs.length) setTimeout(buildRest, 0);
    else finished();
  };
  if (next < jobs.length) setTimeout(buildRest, 0);
  else finished();
}

/** Every failure is in the page now (find-in-page and tests see all); benchmarks read this mark. */
function finished(): void {
  list.setAttribute('aria-busy', 'false');
  performance.mark('complete-render');
}

async function copyReport(button: HTMLButtonElement, failure: FailureRecord, tabId: number): Promise<void> {
  const [, tab] = await Promise.all([
    settingsReady,
    browser.tabs.get(tabId).catch(() => undefined),
  ]);
  catalog ??= await catalogFor([failure], language);
  const text = reportMarkdown(failure, explain(failure, catalog), {
    pageUrl: tab?.url,
    browser: browserName(navigator.userAgent),
    extensionVersion: browser.runtime.getManifest().version,
    stripQuery: settings().stripQueryInReports,
    catalog,
  });
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = t('copied');
  } catch {
    button.textContent = t('copyFailed');
  }
  setTimeout(() => (button.textContent = t('copyReport')), 2000);
}

const ALL_SITES = { origins: ['<all_urls>'] };

const webOrigin = (url: string | undefined): string | undefined => {
  try {
    const { protocol, origin } = new URL(url ?? '');
    return protocol === 'http:' || protocol === 'https:' ? origin : undefined;
  } catch {
    return undefined;
  }
};

/**
 * People can withhold host access (Firefox in MV3; Chromium's "on click" or "on specific sites"):
 * say so, naming the tab's site when it is the one not allowed, and offer to allow it.
 */
async function checkHostAccess(tabId: number | undefined): Promise<void> {
  if (await browser.permissions.contains(ALL_SITES).catch(() => true)) return;
  const tab = tabId !== undefined && tabId >= 0 ? await browser.tabs.get(tabId).catch(() => undefined) : undefined;
  const origin = webOrigin(tab?.url);
  // Without access to a site the browser does not even tell the tab's URL.
  const siteHidden = tab !== undefined && (!origin || !(await browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => true)));
  const wanted = siteHidden && origin ? { origins: [`${origin}/*`] } : ALL_SITES;
  const banner = document.getElementById('permission')!;
  const button = document.getElementById('permission-grant') as HTMLButtonElement;
  banner.toggleAttribute('data-site-hidden', siteHidden);
  document.getElementById('permission-text')!.textContent = t(siteHidden ? 'siteHidden' : 'permissionMissing');
  button.textContent = t(siteHidden ? 'siteAllow' : 'permissionGrant');
  button.onclick = () => void browser.permissions.request(wanted).then((granted) => (banner.hidden = granted));
  banner.hidden = false;
}

async function main(): Promise<void> {
  localizePage();
  clearButton.textContent = t('clear');
  openButton.textContent = t('openReport');
  const tabId = await targetTabId();
  void checkHostAccess(tabId);
  const isReportPage = new URLSearchParams(location.search).has('tab');
  document.body.classList.toggle('report', isReportPage);
  if (tabId === undefined) {
    list.replaceChildren(document.createTextNode(t('noTab')));
    return;
  }
  const settingsButton = document.getElementById('settings') as HTMLButtonElement;
  settingsButton.textContent = t('settings');
  settingsButton.addEventListener('click', () => void browser.runtime.openOptionsPage());
  // The full-page report also reaches requests that belong to no tab (service workers, the browser).
  document.getElementById('no-tab')!.textContent = t('noTabLink');
  document.getElementById('no-tab-line')!.hidden = !isReportPage || tabId === NO_TAB;
  const key = tabLogKey(tabId);
  browser.storage.session.onChanged.addListener((changes) => {
    if (key in changes) void render(changes[key]?.newValue as TabLog | undefined);
  });
  // The page line is not needed for the first paint: ask for it alongside, not before.
  void (tabId >= 0 ? browser.tabs.get(tabId).catch(() => undefined) : Promise.resolve(undefined)).then((tab) => {
    document.getElementById('page')!.textContent = tab?.url ? t('pageLine', tab.title || tab.url, tab.url) : tabId === NO_TAB ? t('noTabBucket') : '';
  });
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button[data-action="copy"]');
    const failure = button && failureOf(button);
    if (button && failure) void copyReport(button as HTMLButtonElement, failure, tabId);
  });
  wireRecheck(tabId, list);
  clearButton.addEventListener('click', () => {
    void browser.runtime.sendMessage({ type: MessageType.ClearTab, tabId } satisfies Message);
  });
  if (!isReportPage) {
    openButton.hidden = false;
    openButton.addEventListener('click', () => {
      void browser.tabs.create({ url: `${location.pathname}?tab=${tabId}` }).then(() => window.close());
    });
  }
  await render((await browser.storage.session.get(key))[key] as TabLog | undefined);
}

void main();
