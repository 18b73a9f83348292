// Opening a line builds the full card (failureCard, unchanged) and shows everything below its header:
// the line itself stays the header (its whole title is already there), so nothing moves under the pointer.
import type { Catalog } from '../diagnosis/catalog/types';
import { h } from '../shared/dom';
import { failureCard } from './card';
import { failureOf } from './contract';
import { setLineTitle, toggleOf } from './line';

export function openLine(line: HTMLElement, catalog: Catalog): void {
  const failure = failureOf(line);
  const body = line.querySelector<HTMLElement>('.line-body')!;
  if (failure && !body.firstChild) {
    const card = failureCard(failure, catalog);
    setLineTitle(line, card.querySelector('h3')?.textContent ?? '');
    // The line's chip shows the code shortened: the card gives it whole (`net::ERR_…`).
    const fullCode = h('p', { class: 'full-code' }, card.querySelector('header .code'));
    body.replaceChildren(...[...card.children].map((child) => (child.tagName === 'HEADER' ? fullCode : child)));
  }
  body.hidden = false;
  line.classList.add('open');
  toggleOf(line).setAttribute('aria-expanded', 'true');
}
