// The collapsed form of a failure: one line (failed step, code, title, host, ×count) that opens into the
// full card. The line is a disclosure (APG accordion: a heading holding a button with aria-expanded).
// Its data-* contract is the card's; the title can arrive later than the line (the catalog is a chunk).
import type { Catalog } from '../diagnosis/catalog/types';
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';
import { failureCard, failureOf, markFailure } from './card';

export function hostOf(url: string): string {
  try {
    return new URL(url).host || url.slice(0, 80);
  } catch {
    return url.slice(0, 80);
  }
}

let serial = 0;

/** One failure as one line, collapsed; `title` may be left out and set once the catalog is there. */
export function failureLine(failure: FailureRecord, title = ''): HTMLElement {
  const bodyId = `failure-body-${++serial}`;
  const line = h('article', { class: `failure line severity-${failure.severity}` },
    h('h3', { class: 'line-head' },
      h('button', { type: 'button', class: 'line-toggle', 'aria-expanded': 'false', 'aria-controls': bodyId },
        h('span', { class: 'chip' }, t(`stage_${failure.stage}`)),
        h('span', { class: 'code' }, failure.code.replace(/^net::ERR_/, '')),
        h('span', { class: 'line-title' }, title),
        h('span', { class: 'host' }, hostOf(failure.url)),
        failure.count > 1 ? h('span', { class: 'count' }, t('times', failure.count)) : null)),
    h('div', { class: 'line-body', id: bodyId, hidden: true }));
  return markFailure(line, failure);
}

export const toggleOf = (line: Element): HTMLButtonElement => line.querySelector<HTMLButtonElement>('.line-toggle')!;
export const isOpen = (line: Element): boolean => toggleOf(line).getAttribute('aria-expanded') === 'true';
export const hasTitle = (line: Element): boolean => line.querySelector('.line-title')!.textContent !== '';

export function setLineTitle(line: Element, title: string): void {
  line.querySelector('.line-title')!.textContent = title;
}

/** Opens a line into the full card: everything the card shows below its header (the line is the header). */
export function openLine(line: HTMLElement, catalog: Catalog): void {
  const failure = failureOf(line);
  const body = line.querySelector<HTMLElement>('.line-body')!;
  if (failure && !body.firstChild) {
    const card = failureCard(failure, catalog);
    setLineTitle(line, card.querySelector('h3')?.textContent ?? '');
    body.replaceChildren(...[...card.children].filter((child) => child.tagName !== 'HEADER'));
  }
  body.hidden = false;
  line.classList.add('open');
  toggleOf(line).setAttribute('aria-expanded', 'true');
}

export function closeLine(line: HTMLElement): void {
  line.querySelector<HTMLElement>('.line-body')!.hidden = true;
  line.classList.remove('open');
  toggleOf(line).setAttribute('aria-expanded', 'false');
}
