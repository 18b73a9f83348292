// The history list: the shared failure card plus when and where it happened. Only the first screen
// is built at once; more is built as the reader scrolls near the end, so 10,000 entries stay cheap.
import { failureCard } from '../../card/card';
import type { Catalog } from '../../diagnosis/catalog/types';
import type { Group, Grouping } from '../../diagnosis/history/filter';
import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { FIRST_SCREEN, listHeading } from './layout';
import type { HistoryEntry } from '../../shared/protocol';
import { withEntryMeta, type OpenTabs } from './entry-meta';
import { markIgnored } from './ignored';
import type { IgnoreRule } from '../../diagnosis/ignore';

/** Cards added each time the end of the list comes within 1,200 px. */
const MORE = 16;

export interface ListContext {
  catalog: Catalog;
  tabs: OpenTabs;
  grouping: Grouping;
  /** The ignore rules: their failures' cards are marked. */
  rules?: readonly IgnoreRule[];
}

export const entryCard = (entry: HistoryEntry, context: ListContext): HTMLElement =>
  markIgnored(withEntryMeta(failureCard(entry, context.catalog, { recheck: false }), entry, context.tabs), entry, context.rules);

function groupHeader(group: Group, grouping: Grouping): HTMLElement {
  const title = group.key || (grouping === 'page' ? t('noTabPage') : '—');
  return h('section', { class: 'group', 'data-group': group.key },
    h('h2', null, title, h('span', { class: 'group-count' }, String(group.entries.length))));
}

export class HistoryList {
  private jobs: (() => HTMLElement)[] = [];
  private next = 0;
  /** Cards among the jobs not built yet (group headers are jobs too, but not failures). */
  private cardsLeft = 0;
  private readonly sentinel = h('p', { class: 'more' });
  private readonly observer = new IntersectionObserver((seen) => {
    if (seen.some((entry) => entry.isIntersecting)) this.build(MORE);
  }, { rootMargin: '1200px 0px' });

  constructor(private readonly main: HTMLElement) {}

  show(groups: Group[], context: ListContext, empty: HTMLElement): void {
    this.jobs = groups.flatMap((group) => [
      ...(context.grouping === 'none' ? [] : [() => groupHeader(group, context.grouping)]),
      ...group.entries.map((entry) => () => entryCard(entry, context)),
    ]);
    this.next = 0;
    this.cardsLeft = groups.reduce((sum, group) => sum + group.entries.length, 0);
    this.main.replaceChildren(...(context.grouping === 'none' ? [listHeading()] : []));
    if (!groups.some((group) => group.entries.length)) this.main.append(empty);
    this.build(FIRST_SCREEN);
  }

  private build(count: number): void {
    const fragment = document.createDocumentFragment();
    for (const end = Math.min(this.next + count, this.jobs.length); this.next < end; ) {
      const built = this.jobs[this.next++]!();
      if (built.hasAttribute('data-failure')) this.cardsLeft--;
      fragment.appendChild(built);
    }
    this.sentinel.textContent = this.next < this.jobs.length ? t('moreFailures', this.cardsLeft) : '';
    fragment.appendChild(this.sentinel);
    this.main.appendChild(fragment);
    // Observing again reports at once whether the end is still near (a tall window wants more).
    this.observer.unobserve(this.sentinel);
    if (this.next < this.jobs.length) this.observer.observe(this.sentinel);
  }
}
