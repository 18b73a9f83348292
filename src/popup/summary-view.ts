// The page summary at the top of the popup and the report: `[data-summary]` with data-page-status and
// data-failed-kinds. The sentence needs only the records; the likely side needs the catalog, so it follows.
import { pageSummary, type PageSummary } from '../diagnosis/summary';
import { summarySentence, worstStageText, type Words } from '../diagnosis/summary-text';
import { t, type MessageKey } from '../shared/i18n';
import type { Side } from '../diagnosis/types';
import type { LineRecord } from '../shared/first-screen';
import type { FailureRecord } from '../shared/protocol';

const element = document.getElementById('page-summary')!;
const sentence = element.querySelector('.verdict')!;
const stage = element.querySelector('.worst-stage')!;
const side = element.querySelector('.likely-side')!;

/** `t` for the pure summary rules, which name their messages by plain strings. */
const words: Words = (key, ...substitutions) => t(key as MessageKey, ...substitutions);

export function showSummary(failures: readonly FailureRecord[]): PageSummary<FailureRecord> {
  const summary = pageSummary(failures);
  paintSummary(summary);
  return summary;
}

/** The summary as computed (here, or by the background for the first screen it hands over). */
export function paintSummary(summary: PageSummary<LineRecord>): void {
  element.setAttribute('data-summary', '');
  element.setAttribute('data-page-status', summary.status);
  element.setAttribute('data-failed-kinds', summary.kinds.join(','));
  sentence.textContent = summarySentence(summary, words);
  stage.textContent = worstStageText(summary, words);
  side.textContent = '';
}

/** The likely side of the failure that matters most: `sideOf` is the same catalog rule as its card's. */
export function showLikelySide(summary: PageSummary<FailureRecord>, sideOf: (failure: FailureRecord) => Side): void {
  side.textContent = summary.worst ? `${t('whoseSide')} ${t(`side_${sideOf(summary.worst)}`)}` : '';
}
