// The top of a failure card: code, title and count, the request, and the HTTP-cycle strip. All of it comes
// from the record alone, so a card can be drawn before the catalog is there (the History's first screen).
import { STAGES, type Stage } from '../diagnosis/types';
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';
import { markFailure } from './contract';

/** The strip as one sentence, for screen readers and copied text: where it failed and what came before. */
function stripSentence(stage: Stage, shown: readonly Stage[], tlsSkipped: boolean): string {
  const label = t(`stage_${stage}`);
  if (shown.indexOf(stage) === 0) return t('stripFirst', label);
  return t(tlsSkipped ? 'stripAfterPlainHttp' : 'stripAfter', label);
}

/** The HTTP-cycle strip: passed steps, the failing one, and the ones never reached. Shape and ✓/✕ marks
 * tell the states apart for sighted readers; a sentence says the same as text. */
export function cycleStrip(stage: Stage, url: string): HTMLElement {
  const failedAt = STAGES.indexOf(stage);
  const plainHttp = /^(http|ws):/i.test(url);
  const shown = STAGES.filter((s) => s !== 'browser' || stage === 'browser');
  const tlsSkipped = plainHttp && STAGES.indexOf('tls') < failedAt;
  const steps = shown.map((step) => {
    const index = STAGES.indexOf(step);
    const state =
      index === failedAt ? 'failed' : step === 'tls' && tlsSkipped ? 'skipped' : index < failedAt ? 'done' : 'not-reached';
    return h('li', { class: `step ${state}`, 'data-step': step }, h('span', { class: 'step-name' }, t(`stage_${step}`)),
      state === 'skipped' ? h('span', { class: 'step-note' }, t('stepNotUsed')) : null);
  });
  return h('div', { class: 'strip' },
    h('p', { class: 'visually-hidden' }, stripSentence(stage, shown, tlsSkipped)),
    h('ol', { class: 'cycle', 'aria-hidden': 'true' }, ...steps));
}

export const cardHeader = (failure: FailureRecord, title: string): HTMLElement =>
  h('header', null,
    h('h3', null, title),
    h('span', { class: 'code' }, failure.code),
    failure.count > 1 ? h('span', { class: 'count', title: t('repeats') }, t('times', failure.count)) : null);

export const requestLine = (failure: FailureRecord): HTMLElement => h('p', { class: 'url' }, `${failure.method} ${failure.url}`);

/** A card whose explanation is still on its way: what the record says, and room for the rest (no buttons yet:
 * the page's modules replace it with the whole card). */
export const pendingCard = (failure: FailureRecord): HTMLElement =>
  markFailure(h('article', { class: `failure pending severity-${failure.severity}`, 'aria-busy': 'true' },
    cardHeader(failure, ''), requestLine(failure), cycleStrip(failure.stage, failure.url),
    h('div', { class: 'pending-text', 'aria-hidden': 'true' })), failure);
