// The report's layout: the page's own failure first, then sub-requests grouped by host, then blocked ones.
import { hostLabel } from '../diagnosis/url';
import { h } from '../shared/dom';
import { t, tCount } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';

export interface Section {
  title: string;
  note?: string;
  failures: FailureRecord[];
}

const newestFirst = (a: FailureRecord, b: FailureRecord): number => b.lastSeen - a.lastSeen;

/** Page failures first, then hosts by their newest failure, then what was blocked in the browser. */
export function sectionsOf(failures: readonly FailureRecord[]): Section[] {
  const page: FailureRecord[] = [];
  const blocked: FailureRecord[] = [];
  const byHost = new Map<string, FailureRecord[]>();
  for (const failure of [...failures].sort(newestFirst)) {
    if (failure.blocked) blocked.push(failure);
    else if (failure.type === 'main_frame') page.push(failure);
    else {
      const host = hostLabel(failure.url);
      const group = byHost.get(host);
      if (group) group.push(failure);
      else byHost.set(host, [failure]);
    }
  }
  const sections: Section[] = [];
  if (page.length) sections.push({ title: t('thisPage'), failures: page });
  for (const [host, group] of byHost) sections.push({ title: host, failures: group });
  if (blocked.length) sections.push({ title: t('blockedSection'), note: t('blockedNote'), failures: blocked });
  return sections;
}

export function sectionElement(section: Section): HTMLElement {
  return h('section', { class: 'group' },
    h('h2', null, section.title, h('span', { class: 'group-count' }, String(section.failures.length))),
    section.note ? h('p', { class: 'note' }, section.note) : null);
}

export function emptyState(): HTMLElement {
  return h('div', { class: 'empty', 'data-empty': true }, h('h2', null, t('emptyTitle')), h('p', null, t('emptyBody')));
}

/** Failures the per-tab cap no longer lists: counted, so the numbers still add up. */
export function droppedNote(count: number): HTMLElement {
  return h('p', { class: 'note', 'data-dropped': String(count) }, tCount('droppedNote', count, count));
}
