// The collapsed form of a failure: its title first (whole, wrapping), then a smaller row with the step,
// the code, the host and ×count; it opens into the full card. The line is a disclosure (APG accordion: a heading holding a button with aria-expanded).
// Its data-* contract is the card's; the title can arrive later than the line (the catalog is a chunk),
// and the card's body is built only when the line opens (line-open.ts), so a line costs no catalog.
import { impactOf } from '../diagnosis/summary';
import { hostLabel, shortenMiddle } from '../diagnosis/url';
import { h } from '../shared/dom';
import { chipCode, HOST_CHARS } from '../shared/failures';
import { stepChip, t } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';
import { markFailure } from './contract';


/** One failure as one line, collapsed; `title` may be left out and set once the catalog is there.
 * Under a heading that already names the host, the host is only read out, not shown again. */
export function failureLine(failure: FailureRecord, title = '', groupHost?: string): HTMLElement {
  const host = hostLabel(failure.url);
  // Unique across scripts: the popup's classic first-paint script draws lines with its own copy of this module.
  const bodyId = `failure-body-${crypto.randomUUID()}`;
  // A failure that breaks nothing (the favicon) wears no alarm colour.
  const calm = impactOf(failure) === 'none' ? ' harmless' : '';
  const line = h('article', { class: `failure line severity-${failure.severity}${calm}` },
    h('h3', { class: 'line-head' },
      h('button', { type: 'button', class: 'line-toggle', 'aria-expanded': 'false', 'aria-controls': bodyId },
        h('span', { class: 'line-title' }, title),
        h('span', { class: 'line-meta' },
          h('span', { class: 'chip' }, stepChip(failure)),
          h('span', { class: 'code' }, chipCode(failure.code)),
          h('span', { class: host === groupHost ? 'host visually-hidden' : 'host' }, shortenMiddle(host, HOST_CHARS)),
          failure.count > 1 ? h('span', { class: 'count' }, t('times', failure.count)) : null))),
    h('div', { class: 'line-body', id: bodyId, hidden: true }));
  return markFailure(line, failure);
}

export const toggleOf = (line: Element): HTMLButtonElement => line.querySelector<HTMLButtonElement>('.line-toggle')!;
export const isOpen = (line: Element): boolean => toggleOf(line).getAttribute('aria-expanded') === 'true';

export function setLineTitle(line: Element, title: string): void {
  const element = line.querySelector<HTMLElement>('.line-title')!;
  element.textContent = title;
}

export function closeLine(line: HTMLElement): void {
  line.querySelector<HTMLElement>('.line-body')!.hidden = true;
  line.classList.remove('open');
  toggleOf(line).setAttribute('aria-expanded', 'false');
}
