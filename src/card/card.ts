// The failure card, shared by every page that explains a failure (popup, report, and later views).
// Request data only ever goes in as text: the DOM builder never parses HTML.
import type { Catalog } from '../diagnosis/catalog/types';
import { explain } from '../diagnosis/explain';
import { h } from '../shared/dom';
import { t, uiLanguage } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';
import { recheckArea } from './recheck';
import { markFailure } from './contract';
import { cardHeader, cycleStrip, requestLine } from './card-top';

function detailRow(label: string, value: string | number | undefined): HTMLElement | null {
  if (value === undefined || value === '') return null;
  return h('div', { class: 'row' }, h('dt', null, label), h('dd', null, String(value)));
}

/** Everything technical, together at the end: the request's facts, its IDs, the headers, and where the code is defined. */
function details(failure: FailureRecord, requestIds: readonly (readonly [string, string])[], source: string | undefined): HTMLElement {
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
      failure.redirects?.length ? detailRow(t('redirects'), [...failure.redirects, failure.url].join('\n→ ')) : null,
      source ? detailRow(t('source'), source) : null),
    requestIds.length ? h('dl', { class: 'ids', 'aria-label': t('requestIds') }, ...requestIds.map(([name, value]) => detailRow(name, value))) : null,
    headers.length
      ? h('dl', { class: 'headers', 'aria-label': t('headers') }, ...headers.map(([name, value]) => detailRow(name, value)))
      : null);
}

const steps = (title: string, items: readonly string[]): HTMLElement =>
  h('section', { class: 'steps' }, h('h4', null, title), h('ul', null, ...items.map((item) => h('li', null, item))));

/** The owner's advice is for whoever runs the site: behind its own disclosure, so the visitor's comes first. */
const ownerSteps = (items: readonly string[]): HTMLElement =>
  h('details', { class: 'steps owner' }, h('summary', null, t('forOwner')), h('ul', null, ...items.map((item) => h('li', null, item))));

export { failureOf, markFailure } from './contract';

/**
 * One failure: the observable contract is the data-* attributes of this element. `recheck`: the
 * Recheck/Watch buttons, only where a page answers them (the popup and the report: a failure still in its tab's log).
 */
export function failureCard(failure: FailureRecord, catalog: Catalog, { recheck = true } = {}): HTMLElement {
  const diagnosis = explain(failure, catalog);
  const card = h('article', { class: `failure severity-${failure.severity}`, tabindex: 0 },
    cardHeader(failure, diagnosis.title),
    requestLine(failure),
    cycleStrip(failure.stage, failure.url),
    h('p', { class: 'what' }, diagnosis.what),
    diagnosis.notes.length ? h('ul', { class: 'notes' }, ...diagnosis.notes.map((note) => h('li', null, note))) : null,
    h('p', { class: 'side' }, `${t('whoseSide')} ${t(`side_${diagnosis.side}`)}`),
    h('div', { class: 'advice' }, diagnosis.visitor.length ? steps(t('forVisitor'), diagnosis.visitor) : null,
      diagnosis.owner.length ? ownerSteps(diagnosis.owner) : null),
    recheck ? recheckArea(failure) : null,
    h('footer', null, h('button', { type: 'button', class: 'copy', 'data-action': 'copy' }, t('copyReport'))),
    details(failure, diagnosis.requestIds, diagnosis.source));
  return markFailure(card, failure);
}
