// The summary in words. The words are interface messages (`_locales`), passed in as `t` so this
// stays pure: the same sentence in the popup, the report and the tests.
import { shortCode } from './status';
import { KINDS, type PageSummary } from './summary';

export type Words = (key: string, ...substitutions: (string | number)[]) => string;

/** "a, b and c" in the interface language. */
export function listOf(items: readonly string[], t: Words): string {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1).reduce((list, item) => t('listComma', list, item));
  return t('listAnd', head, items.at(-1)!);
}


/** One sentence: what the failures mean for the page. */
export function summarySentence(summary: PageSummary, t: Words): string {
  const { status, worst } = summary;
  if (status === 'ok') return t('summaryOk');
  if (status === 'blocked') return summary.blocked === 1 ? t('summaryBlockedOne') : t('summaryBlockedMany', summary.blocked);
  if (status === 'failed' && worst) {
    return /^\d+$/.test(worst.code) ? t('summaryPageStatus', worst.code) : t('summaryPageError', t(`stage_${worst.stage}`), shortCode(worst.code));
  }
  const parts = KINDS.filter((kind) => kind !== 'document' && summary.counts[kind]).map((kind) => {
    const count = summary.counts[kind]!;
    return count === 1 ? t(`kind_${kind}_one`) : t(`kind_${kind}_many`, count);
  });
  if (summary.impact === 'none') return t('summaryHarmless');
  return summary.impact === 'breaks' ? t('summaryBreaks', listOf(parts, t)) : t('summaryLooks', listOf(parts, t));
}

/** "Worst step: TLS handshake": the stage of the failure that matters most. */
export function worstStageText(summary: PageSummary, t: Words): string {
  return summary.worst ? t('summaryWorstStage', t(`stage_${summary.worst.stage}`)) : '';
}
