// "Copy report": the Markdown summary of one failure for a support ticket. Loaded on the first click.
import browser from '../shared/browser';
import { t } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';
import { catalogFor } from '../diagnosis/catalog';
import { explain } from '../diagnosis/explain';
import { browserName, reportMarkdown } from '../diagnosis/report';
import type { Stage } from '../diagnosis/types';
import { settings, settingsReady } from '../shared/settings-store';

export async function copyReport(button: HTMLButtonElement, failure: FailureRecord, tabId: number): Promise<void> {
  const [, tab] = await Promise.all([
    settingsReady,
    browser.tabs.get(tabId).catch(() => undefined),
  ]);
  const text = reportMarkdown(failure, explain(failure, await catalogFor([failure])), {
    pageUrl: tab?.url,
    browser: browserName(navigator.userAgent),
    extensionVersion: browser.runtime.getManifest().version,
    stripQuery: settings().stripQueryInReports,
    stageLabel: (stage: Stage) => t(`stage_${stage}`),
  });
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = t('copied');
  } catch {
    button.textContent = t('copyFailed');
  }
  setTimeout(() => (button.textContent = t('copyReport')), 2000);
}
