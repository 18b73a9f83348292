// "Copy report": the Markdown summary of one failure for a support ticket. Loaded on the first click.
import browser from '../shared/browser';
import { t } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';
import { explain } from '../diagnosis/explain';
import { browserName, reportMarkdown } from '../card/report';
import { settings, settingsReady } from '../shared/settings-store';
import { catalogFor } from './texts';

export async function copyReport(button: HTMLButtonElement, failure: FailureRecord, tabId: number): Promise<void> {
  const [, tab, catalog] = await Promise.all([
    settingsReady,
    browser.tabs.get(tabId).catch(() => undefined),
    catalogFor([failure]),
  ]);
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
