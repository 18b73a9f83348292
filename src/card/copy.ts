// "Copy report" of one card: the Markdown summary on the clipboard, the same from every page.
import type { Catalog } from '../diagnosis/catalog/types';
import { explain } from '../diagnosis/explain';
import { announce } from '../shared/announce';
import browser from '../shared/browser';
import { t } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';
import { settings, settingsReady } from '../shared/settings-store';
import { browserName, reportMarkdown } from './report';

export async function copyFailureReport(button: HTMLButtonElement, failure: FailureRecord, catalog: Catalog, pageUrl?: string): Promise<void> {
  await settingsReady;
  const text = reportMarkdown(failure, explain(failure, catalog), {
    pageUrl,
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
  announce(button.textContent);
  setTimeout(() => (button.textContent = t('copyReport')), 2000);
}
