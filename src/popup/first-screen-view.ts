// The popup's top and its first screen of lines, the same elements whoever draws them: the classic script
// from the first screen in the popup's URL (first-paint.ts, while the page parses), or render.ts from the log.
import { failureLine } from '../card/line';
import { markFailure } from '../card/contract';
import { readFirstScreen, type FirstScreen } from '../shared/first-screen';
import { localizePage, t } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';
import { droppedNote, emptyState, sectionElement, sectionOf } from './sections';
import { markFirstRender } from './marks';
import { paintSummary } from './summary-view';

const list = document.getElementById('failures')!;
const count = document.getElementById('summary')!;
const clearButton = document.getElementById('clear') as HTMLButtonElement;

/** The first screen the background handed over in the popup's URL; a report (`?tab=`) or the History has none. */
export const handedOver = (): FirstScreen | undefined => (location.search ? undefined : readFirstScreen(location.hash));

/** The buttons' labels and the page's language, before anything else is drawn (so the bar never changes width). */
export function labelPage(isReportPage: boolean): void {
  localizePage();
  const labels = { clear: t('clear'), 'open-report': t('openReport'), history: t('history'), settings: t('settings') };
  // Icon buttons: the name is read out (aria-label) and shown on hover (title).
  for (const [id, label] of Object.entries(labels)) {
    const button = document.getElementById(id)!;
    button.setAttribute('aria-label', label);
    button.title = label;
  }
  document.getElementById('open-report')!.hidden = isReportPage;
}

/** The number atop the list (`countedFailures`), and Clear only where there is something to clear. */
export function showCount(counted: number, listed: number): void {
  count.textContent = counted ? t('failureCount', counted) : '';
  clearButton.disabled = listed === 0;
}

/** The list starts with the note on failures the caps no longer list. */
export function listHead(dropped: number): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (dropped) fragment.appendChild(droppedNote(dropped));
  return fragment;
}

/** Draws the first screen the background handed over: the top, the summary, the first headings and lines. */
export function paintHandedOver(screen: FirstScreen): void {
  performance.mark('data-read');
  labelPage(false);
  const lines = screen.groups.flatMap((group) => group.failures);
  showCount(screen.counted, lines.length);
  paintSummary(screen.summary);
  if (!screen.groups.length) list.replaceChildren(emptyState());
  else {
    const fragment = listHead(screen.dropped);
    for (const group of screen.groups) {
      const section = sectionOf(group, group.size);
      fragment.appendChild(sectionElement(section));
      for (const failure of group.failures) fragment.appendChild(failureLine(failure as FailureRecord, '', section.title));
    }
    list.replaceChildren(fragment);
  }
  markFirstRender();
}

/** Lines still carrying the hand-over's record (no headers): a card opened on one would miss their advice. */
const provisional = new WeakSet<Element>();
export const isProvisional = (line: Element): boolean => provisional.has(line);
/** The line now has its stored record (render.ts). */
export const settled = (line: Element): void => void provisional.delete(line);

/**
 * The page's modules take over the lines the classic script drew: each gets its record (the hand-over's,
 * in drawing order) until render() replaces it with the stored one. Lines of another bundle are unknown
 * to this one's `failureOf` until then.
 */
export function adoptHandedOver(screen: FirstScreen | undefined): void {
  const drawn = [...list.querySelectorAll<HTMLElement>('.line')];
  const records = screen?.groups.flatMap((group) => group.failures) ?? [];
  if (drawn.length !== records.length) return list.replaceChildren();
  drawn.forEach((line, index) => {
    markFailure(line, records[index] as FailureRecord);
    provisional.add(line);
  });
}

