// The toolbar badge: failures on the tab, coloured by the worst one.
import browser from '../shared/browser';
import type { Severity } from '../diagnosis/types';
import { badgeOf } from './tab-log';
import { tabLog } from './store';

const COLOURS: Record<Severity, string> = { error: '#c5221f', warning: '#b06000', info: '#5f6368' };

export async function showBadge(tabId: number): Promise<void> {
  if (tabId < 0) return;
  const { text, severity } = badgeOf(tabLog(tabId));
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (severity) await browser.action.setBadgeBackgroundColor({ tabId, color: COLOURS[severity] });
  } catch {
    // The tab closed in the meantime: nothing to show.
  }
}
