// The observable contract of a failure on a page: the data-* attributes tests and tools read, and
// which failure an element shows. Tiny on purpose: the popup's first paint needs it, not the card.
import type { FailureRecord } from '../shared/protocol';

const shown = new WeakMap<Element, FailureRecord>();

/** The failure a card or line (or anything inside it) shows. */
export function failureOf(element: Element): FailureRecord | undefined {
  const card = element.closest('[data-failure]');
  return card ? shown.get(card) : undefined;
}

/** Marks an element as showing one failure: the data-* contract, and what failureOf finds. */
export function markFailure<E extends HTMLElement>(element: E, failure: FailureRecord): E {
  const contract = { 'data-failure': '', 'data-stage': failure.stage, 'data-code': failure.code, 'data-url': failure.url, 'data-count': String(failure.count) };
  for (const [name, value] of Object.entries(contract)) element.setAttribute(name, value);
  shown.set(element, failure);
  return element;
}
