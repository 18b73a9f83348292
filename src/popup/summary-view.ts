// The page summary at the top of the popup and the report: `[data-summary]` with data-page-status and
// data-failed-kinds. The sentence needs only the records; the likely side needs the catalog, so it follows.
import { pageSummary, type PageSummary } from '../diagnosis/summary';
import { summarySentence, worstStageText, type Words } from '../diagnosis/summary-text';
import { t, type MessageKey } from '../shared/i18n';
import type { Side } from '../diagnosis/types';
import type { LineRecord } from '../shared/first-screen';
import type { FailureRecord } from '../shared/protocol';

// Looked up when used, not when this module loads: on the History view the page's classic script has
// replaced the popup's elements before the page's modules (this one among them) run.
const element = (): HTMLElement => document.getElementById('page-summary')!;
const part = (selector: string): Element => element().querySelector(selector)!;

/** `t` for the pure summary rules, which name their messages by plain strings. */
const words: Words = (key, ...substitutions) => t(key as MessageKey, ...substitutions);

export function showSummary(failures: readonly FailureRecord[]): PageSummary<FailureRecord> {
  const summary = pageSummary(failures);
  paintSummary(summary);
  return summary;
}

/** The summary as computed (here, or by the background for the first screen it hands over). */
export function paintSummary(summary: PageSummary<LineRecord>): void {
  const shown = element();
  shown.setAttribute('data-summary', '');
  shown.setAttribute('data-page-status', summary.status);
  shown.setAttribute('data-failed-kinds', summary.kinds.join(','));
  part('.verdict').textContent = summarySentence(summary, words);
  part('.worst-stage').textContent = worstStageText(summary, words);
  part('.likely-side').textContent = '';
  // Only failures that break nothing: the count is said, not alarmed (no red).
  document.getElementById('summary')?.classList.toggle('calm', summary.status === 'partial' && summary.impact === 'none');
}

/** The likely side of the failure that matters most: `sideOf` is the same catalog rule as its card's. */
export function showLikelySide(summary: PageSummary<FailureRecord>, sideOf: (failure: FailureRecord) => Side): void {
  part('.likely-side').textContent = summary.worst ? `${t('whoseSide')} ${t(`side_${sideOf(summary.worst)}`)}` : '';
}
