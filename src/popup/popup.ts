// Popup and full-page report (`?tab=<id>`). Reads the tab's log straight from storage.session,
// so it works without waking the background, and re-renders when that log changes.
import browser from '../shared/browser';
import { followStorage } from '../shared/follow-storage';
import { t } from '../shared/i18n';
import { fromStored, NO_TAB, tabLogKey, type FailureRecord, type TabLog } from '../shared/protocol';
import { failureOf } from '../card/contract';
import { pageFailure } from '../diagnosis/summary';
import { shortenMiddle } from '../diagnosis/url';
import { addedElements } from './added';
import { wireClear } from './clear';
import { handleDisclosure, type OpenState } from './disclosure';
import { isLandingTarget, landOnTarget } from './landing';
import { adoptHandedOver, handedOver, labelPage } from './first-screen-view';
import { render, setAllOpen, whenComplete } from './render';
import { splitIgnored } from '../diagnosis/noise';
import { wireIgnore } from '../card/ignore-menu';
import { ignoreRules, settingsReady, watchIgnoreRules } from '../shared/settings-store';
import { showIgnored } from './ignored';

const list = document.getElementById('failures')!;
const clearButton = document.getElementById('clear') as HTMLButtonElement;
const openButton = document.getElementById('open-report') as HTMLButtonElement;
const collapseButton = document.getElementById('collapse-all') as HTMLButtonElement;

/** The tab's log as stored (JSON text), read straight from storage.session (the export's own read). */
const readTabLog = async (key: string): Promise<TabLog | undefined> =>
  fromStored((await browser.storage.session.get(key))[key]) as TabLog | undefined;

async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^-?\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The report opens every card; the popup opens only the newest failure of the page itself, until someone chooses. */
function openState(isReportPage: boolean): OpenState {
  let allOpen = isReportPage;
  const state: OpenState = {
    oneAtATime: !isReportPage,
    chosen: new Map(),
    startsOpen: (failure) => allOpen || (isReportPage && isLandingTarget(failure)) || (!isReportPage && state.chosen.size === 0 && failure === newestPageFailure),
  };
  if (isReportPage) {
    collapseButton.hidden = false;
    collapseButton.textContent = t('collapseAll');
    collapseButton.addEventListener('click', () => {
      allOpen = !allOpen;
      state.chosen.clear();
      collapseButton.textContent = t(allOpen ? 'collapseAll' : 'expandAll');
      void setAllOpen(allOpen);
    });
  }
  return state;
}

let newestPageFailure: FailureRecord | undefined;
let lastLog: TabLog | undefined;
/** Ignored failures are matched as they are shown: a rule added takes them out at once, one removed brings them back. */
async function show(log: TabLog | undefined, state: OpenState): Promise<void> {
  lastLog = log;
  await settingsReady;
  if (log !== lastLog) return;
  const rules = ignoreRules();
  const { listed, ignored } = splitIgnored(rules, log?.failures ?? []);
  showIgnored(list, ignored, rules);
  newestPageFailure = pageFailure(listed);
  return render(log && { ...log, failures: listed }, state);
}

/** The page line's title and URL lose their middle beyond this, so the line is never cut. */
const PAGE_CHARS = 60;

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
  const isReportPage = new URLSearchParams(location.search).has('tab');
  labelPage(isReportPage);
  // The popup's URL names its tab when the background handed over the first screen (which the classic
  // script has drawn): those lines are this module's from now on.
  const screen = handedOver();
  adoptHandedOver(screen);
  const tabId = screen?.tabId ?? (await targetTabId());
  void checkHostAccess(tabId);
  document.body.classList.toggle('report', isReportPage);
  if (tabId === undefined) {
    openButton.hidden = true;
    list.replaceChildren(document.createTextNode(t('noTab')));
    return;
  }
  const state = openState(isReportPage);
  handleDisclosure(list, state);
  wireIgnore(list);
  watchIgnoreRules(() => void show(lastLog, state));
  showHistoryButton(isReportPage ? tabId : undefined);
  const settingsButton = document.getElementById('settings') as HTMLButtonElement;
  settingsButton.addEventListener('click', () => void browser.runtime.openOptionsPage());
  // The full-page report also reaches requests that belong to no tab (service workers, the browser).
  document.getElementById('no-tab')!.textContent = t('noTabLink');
  document.getElementById('no-tab-line')!.hidden = !isReportPage || tabId === NO_TAB;
  const key = tabLogKey(tabId);
  // The page line is not needed for the first paint: asked for alongside, not before; and again when the
  // log changes, which it does when the tab goes to another page (a report stays open meanwhile).
  const showPage = (): void => void (tabId >= 0 ? browser.tabs.get(tabId).catch(() => undefined) : Promise.resolve(undefined)).then((tab) => {
    document.getElementById('page')!.textContent = tab?.url ? t('pageLine', shortenMiddle(tab.title || tab.url, PAGE_CHARS), shortenMiddle(tab.url, PAGE_CHARS)) : tabId === NO_TAB ? t('noTabBucket') : '';
  });
  // The first read, then every change; the rest of this setup runs before the first render.
  const shown = followStorage('session', [key], (values, initial) => {
    void show(fromStored(values[key]) as TabLog | undefined, state);
    if (!initial) showPage();
  });
  showPage();
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button[data-action="copy"]');
    const failure = button && failureOf(button);
    if (button && failure) void import('./copy').then(({ copyReport }) => copyReport(button as HTMLButtonElement, failure, tabId));
  });
  // Recheck, Watch and step timings need the card code and the catalog: their own chunks, after the first paint.
  const addTimings = (): Promise<void> => import('./timings').then((timings) => timings.addTimings(list, tabId));
  // Step timings are read from the page only once the list is complete, never while browsing;
  // a line opened later gets its strip then, and the figures already read.
  whenComplete(() => {
    if (isReportPage) landOnTarget(list);
    void addTimings();
  });
  new MutationObserver((mutations) => {
    const stripAdded = addedElements(mutations).some((n) => n.matches('.cycle') || n.querySelector('.cycle'));
    if (stripAdded && list.getAttribute('aria-busy') === 'false') void addTimings();
  }).observe(list, { childList: true, subtree: true });
  wireClear(clearButton, tabId);
  if (isReportPage) void addExportButtons(tabId, key);
  else {
    openButton.addEventListener('click', () => {
      void browser.tabs.create({ url: `${location.pathname}?tab=${tabId}` }).then(() => window.close());
    });
  }
  void import('./recheck-wiring').then(({ wireRecheck }) => wireRecheck(tabId, list));
  void import('./team-wiring').then(({ wireTeamOthers }) => wireTeamOthers(tabId, list));
  await shown;
}

/** A tab's report exports what it lists, as the History view does (its own chunk: not on the popup's first paint). */
async function addExportButtons(tabId: number, key: string): Promise<void> {
  const { exportButtons } = await import('./history/download');
  const entries = async () => {
    const log = await readTabLog(key);
    const tab = tabId >= 0 ? await browser.tabs.get(tabId).catch(() => undefined) : undefined;
    const page = { pageUrl: tab?.url ?? '', pageTitle: tab?.title };
    return { entries: (log?.failures ?? []).map((failure) => ({ ...failure, ...page })), dropped: log?.dropped ?? 0 };
  };
  clearButton.before(...exportButtons(entries));
}

/** The History view; from a tab's report it starts filtered to that tab (to export just its failures). */
function showHistoryButton(reportTab: number | undefined): void {
  const button = document.getElementById('history') as HTMLButtonElement;
  button.addEventListener('click', () => {
    const url = `${location.pathname}?view=history${reportTab === undefined ? '' : `&tab=${reportTab}`}`;
    if (reportTab !== undefined) location.assign(url);
    else void browser.tabs.create({ url }).then(() => window.close());
  });
}

// `?view=history` is the History view (its own chunk); anything else is the report.
if (new URLSearchParams(location.search).get('view') === 'history') void import('./history/view').then((view) => view.showHistory());
else void main();
