// The report's layout: the page's own failure first, then sub-requests grouped by host, then blocked ones.
import { groupFailures, type Group } from '../diagnosis/groups';
import { h } from '../shared/dom';
import { t, tCount } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';

export interface Section {
  title: string;
  note?: string;
  /** Failures in the whole group: the first screen may hold only its first few. */
  size: number;
  failures: FailureRecord[];
}

/** A group of the report's layout (src/diagnosis/groups.ts) with its heading in the interface language. */
export function sectionOf<F>({ kind, host, failures }: Group<F>, size = failures.length): Omit<Section, 'failures'> & { failures: F[] } {
  if (kind === 'page') return { title: t('thisPage'), size, failures };
  if (kind === 'blocked') return { title: t('blockedSection'), note: t('blockedNote'), size, failures };
  return { title: host ?? '', size, failures };
}

/** Page failures first, then hosts by their newest failure, then what was blocked in the browser. */
export const sectionsOf = (failures: readonly FailureRecord[]): Section[] => groupFailures(failures).map((group) => sectionOf(group));

export function sectionElement(section: Pick<Section, 'title' | 'note' | 'size'>): HTMLElement {
  return h('section', { class: 'group' },
    h('h2', null, section.title, h('span', { class: 'group-count' }, String(section.size))),
    section.note ? h('p', { class: 'note' }, section.note) : null);
}

/** Whether the person cleared the list in this page: an empty list then says so, never that nothing failed. */
let clearedHere = false;
export const setClearedHere = (cleared: boolean): void => void (clearedHere = cleared);

export function emptyState(): HTMLElement {
  return h('div', { class: 'empty', 'data-empty': clearedHere ? 'cleared' : true },
    h('h2', null, t(clearedHere ? 'clearedTitle' : 'emptyTitle')), h('p', null, t(clearedHere ? 'clearedBody' : 'emptyBody')));
}

/** Failures the per-tab cap no longer lists: counted, so the numbers still add up. */
export function droppedNote(count: number): HTMLElement {
  return h('p', { class: 'note', 'data-dropped': String(count) }, tCount('droppedNote', count, count));
}
