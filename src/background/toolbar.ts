// The toolbar button of a tab: the badge (failures on the tab, coloured by the worst one) and the popup,
// whose URL carries its first screen (src/shared/first-screen.ts). Both are per-tab values Chromium clears
// when a page commits, so both are set together, after each write of the tab's log and once a page is complete.
import browser from '../shared/browser';
import { firstScreenOf, popupUrlOf } from '../shared/first-screen';
import type { Severity } from '../diagnosis/types';
import { quietLogs } from './quiet';
import { badgeOf } from './tab-log';
import { tabLog } from './store';

const COLOURS: Record<Severity, string> = { error: '#c5221f', warning: '#b06000', info: '#5f6368' };

export async function showToolbar(tabId: number): Promise<void> {
  if (tabId < 0) return;
  // Ignored failures are neither counted nor on the popup's first screen; "react to" narrows the count.
  const { listed, counted } = quietLogs(tabLog(tabId) ?? { tabId, failures: [] });
  const { text, severity } = badgeOf(counted);
  try {
    // A tab with no log yet failed nothing: its popup says so at once too.
    // A whole URL: Firefox resolves a relative one against the calling script, Chromium against the extension's root.
    await browser.action.setPopup({ tabId, popup: browser.runtime.getURL(popupUrlOf(firstScreenOf(listed))) });
    await browser.action.setBadgeText({ tabId, text });
    if (severity) await browser.action.setBadgeBackgroundColor({ tabId, color: COLOURS[severity] });
  } catch {
    // The tab closed in the meantime: nothing to show.
  }
}
