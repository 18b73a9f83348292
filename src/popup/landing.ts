// The report opened at one failure (Details in the notice names it in the address fragment): its cards
// start open, the first is marked and scrolled into view, once, when the list is complete.
import { failureOf } from '../card/contract';
import { toggleOf } from '../card/line';
import { hostLabel } from '../diagnosis/url';
import { failureFragment } from '../shared/failures';
import type { FailureRecord } from '../shared/protocol';

/** Whether a failure is one the address names. */
export const isLandingTarget = (failure: Pick<FailureRecord, 'code' | 'url'>): boolean =>
  location.hash !== '' && failureFragment(failure.code, hostLabel(failure.url)) === location.hash;

let landed = false;

/** Marks the named failure's card and brings it into view (lines far below are sized lazily: asked again once laid out). */
export function landOnTarget(list: HTMLElement): void {
  if (landed || !location.hash) return;
  const line = [...list.querySelectorAll<HTMLElement>('.line')].find((element) => isLandingTarget(failureOf(element)!));
  if (!line) return;
  landed = true;
  line.classList.add('target');
  toggleOf(line).focus({ preventScroll: true });
  const bring = (): void => line.scrollIntoView({ block: 'start' });
  bring();
  requestAnimationFrame(() => requestAnimationFrame(bring));
}
