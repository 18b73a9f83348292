// Opening a line builds the full card (failureCard, unchanged) and shows everything below its header:
// the line itself stays the header, so nothing moves under the pointer.
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
    const title = card.querySelector('h3')?.textContent ?? '';
    setLineTitle(line, title);
    // The line keeps its one row; the whole title leads the body.
    body.replaceChildren(h('p', { class: 'full-title' }, title), ...[...card.children].filter((child) => child.tagName !== 'HEADER'));
  }
  body.hidden = false;
  line.classList.add('open');
  toggleOf(line).setAttribute('aria-expanded', 'true');
}
