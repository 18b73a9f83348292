// "Copy report" in the popup and report: loaded on the first click; the writing is the card's own.
import browser from '../shared/browser';
import type { FailureRecord } from '../shared/protocol';
import { copyFailureReport } from '../card/copy';
import { catalogFor } from './texts';

export async function copyReport(button: HTMLButtonElement, failure: FailureRecord, tabId: number): Promise<void> {
  const [tab, catalog] = await Promise.all([browser.tabs.get(tabId).catch(() => undefined), catalogFor([failure])]);
  await copyFailureReport(button, failure, catalog, tab?.url);
}
