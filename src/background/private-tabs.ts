// Whether a failure came from a private window. Firefox names it on every request (`incognito`). Chromium
// runs this one worker for both kinds of window (manifest `incognito: spanning`) and names it only on the
// tab: asked on a tab's first failure, never for a success. Later events wait for the answer, in order.
import browser from '../shared/browser';
import type { FailureRecord } from '../shared/protocol';
import { recordFailure, whenAnswered } from './store';

/** Tab id → in a private window. A tab never moves between the two kinds; ids are not reused. */
const tabs = new Map<number, boolean>();
const TABS_KEPT = 512;

/** No tab to ask (a page's own service worker, a tab closed meanwhile): private while any private window is open. */
const anyPrivateWindow = (): Promise<boolean> =>
  Promise.resolve().then(() => browser.windows.getAll()).then((windows) => windows.some((window) => window.incognito), () => false);

async function askTab(tabId: number): Promise<boolean> {
  const tab = tabId >= 0 ? await browser.tabs.get(tabId).catch(() => undefined) : undefined;
  if (!tab) return anyPrivateWindow();
  if (tabs.size >= TABS_KEPT) tabs.delete(tabs.keys().next().value!);
  tabs.set(tabId, tab.incognito);
  return tab.incognito;
}

function record(failure: FailureRecord, isPrivate: boolean): void {
  // The key is already there (observe writes every key): the record keeps its shape.
  if (isPrivate) failure.private = true;
  recordFailure(failure);
}

/** Record a failure, marked private when it came from a private window (`incognito`: what Firefox said of it). */
export function recordObserved(failure: FailureRecord, incognito: boolean | undefined): void {
  const known = typeof incognito === 'boolean' ? incognito : tabs.get(failure.tabId);
  if (known !== undefined) record(failure, known);
  else whenAnswered(askTab(failure.tabId), (isPrivate) => record(failure, isPrivate));
}
