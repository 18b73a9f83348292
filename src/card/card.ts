// The failure card, shared by every page that explains a failure (popup, report, and later views).
// Request data only ever goes in as text: the DOM builder never parses HTML.
import type { Catalog } from '../diagnosis/catalog/types';
import { explain } from '../diagnosis/explain';
import { STAGES, type Stage } from '../diagnosis/types';
import { h } from '../shared/dom';
import { shortCode } from '../shared/failures';
import { t, uiLanguage } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';
import { recheckArea } from './recheck';

/** The HTTP-cycle strip: passed steps, the failing one, and the ones never reached. */
export function cycleStrip(stage: Stage, url: string): HTMLElement {
  const failedAt = STAGES.indexOf(stage);
  const plainHttp = /^(http|ws):/i.test(url);
  const steps = STAGES.filter((s) => s !== 'browser' || stage === 'browser').map((step) => {
    const index = STAGES.indexOf(step);
    const state =
      index === failedAt ? 'failed' : step === 'tls' && plainHttp && index < failedAt ? 'skipped' : index < failedAt ? 'done' : 'not-reached';
    const label = ({ done: 'stepDone', failed: 'stepFailed', skipped: 'stepSkipped', 'not-reached': 'stepNotReached' } as const)[state];
    return h('li', { class: `step ${state}`, 'data-step': step, 'aria-current': state === 'failed' ? 'step' : undefined },
      h('span', { class: 'step-name' }, t(`stage_${step}`)),
      h('span', { class: 'visually-hidden' }, `: ${t(label)}`));
  });
  return h('ol', { class: 'cycle', 'aria-label': t('failedAt', t(`stage_${stage}`)) }, ...steps);
}

function detailRow(label: string, value: string | number | undefined): HTMLElement | null {
  if (value === undefined || value === '') return null;
  return h('div', { class: 'row' }, h('dt', null, label), h('dd', null, String(value)));
}

function details(failure: FailureRecord): HTMLElement {
  const headers = Object.entries(failure.headers ?? {});
  return h('details', { class: 'tech' },
    h('summary', null, t('details')),
    h('dl', null,
      detailRow(t('method'), failure.method),
      detailRow(t('resourceType'), failure.type),
      detailRow(t('url'), failure.url),
      detailRow(t('status'), failure.statusLine ?? failure.statusCode),
      detailRow(t('error'), failure.error),
      detailRow(t('serverIp'), failure.ip),
      detailRow(t('time'), new Date(failure.timeStamp).toLocaleString(uiLanguage())),
      failure.count > 1 ? detailRow(t('repeats'), t('times', failure.count)) : null,
      failure.redirects?.length ? detailRow(t('redirects'), [...failure.redirects, failure.url].join('\n→ ')) : null),
    headers.length
      ? h('dl', { class: 'headers', 'aria-label': t('headers') }, ...headers.map(([name, value]) => detailRow(name, value)))
      : null);
}

const steps = (title: string, items: readonly string[]): HTMLElement =>
  h('section', { class: 'steps' }, h('h4', null, title), h('ul', null, ...items.map((item) => h('li', null, item))));

const cards = new WeakMap<Element, FailureRecord>();

/** The failure a card (or anything inside it) shows. */
export function failureOf(element: Element): FailureRecord | undefined {
  const card = element.closest('[data-failure]');
  return card ? cards.get(card) : undefined;
}

/** One failure: the observable contract is the data-* attributes of this element. */
export function failureCard(failure: FailureRecord, catalog: Catalog): HTMLElement {
  const diagnosis = explain(failure, catalog);
  const card = h('article', {
    class: `failure severity-${failure.severity}`, 'data-failure': true, 'data-stage': failure.stage,
    'data-code': failure.code, 'data-url': failure.url, 'data-count': failure.count, tabindex: 0,
  },
    h('header', null,
      h('span', { class: 'code' }, shortCode(failure.code)),
      h('h3', null, diagnosis.title),
      failure.count > 1 ? h('span', { class: 'count', title: t('repeats') }, t('times', failure.count)) : null),
    h('p', { class: 'url' }, `${failure.method} ${failure.url}`),
    cycleStrip(failure.stage, failure.url),
    h('p', { class: 'what' }, diagnosis.what),
    diagnosis.notes.length ? h('ul', { class: 'notes' }, ...diagnosis.notes.map((note) => h('li', null, note))) : null,
    h('p', { class: 'side' }, `${t('whoseSide')} ${t(`side_${diagnosis.side}`)}`),
    h('div', { class: 'advice' }, steps(t('forVisitor'), diagnosis.visitor), steps(t('forOwner'), diagnosis.owner)),
    diagnosis.requestIds.length
      ? h('dl', { class: 'ids', 'aria-label': t('requestIds') },
        ...diagnosis.requestIds.map(([name, value]) => detailRow(name, value)))
      : null,
    recheckArea(failure),
    details(failure),
    h('footer', null,
      diagnosis.source ? h('span', { class: 'source' }, `${t('source')}: ${diagnosis.source}`) : null,
      h('button', { type: 'button', class: 'copy', 'data-action': 'copy' }, t('copyReport'))));
  cards.set(card, failure);
  return card;
}
