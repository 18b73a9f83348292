// The History page's frame: the bar (count, exports, Clear), the filters, and the list. Drawn once, by
// whichever script comes first: the page's classic script for the first screen (first-screen.ts), or the
// view's modules, which otherwise take over what is drawn (their listeners on its controls).
import { h } from '../../shared/dom';
import { t, tCount } from '../../shared/i18n';
import { EXPORT_FORMATS, type ExportFormat } from '../../diagnosis/history/export';
import type { HistoryFilters } from '../../diagnosis/history/filter';
import { filterForm } from './controls';
import type { StoredHistory } from './data';

/** Cards built at once: a card is some 300 px high, so 8 fill a tall window; every keystroke pays for these. */
export const FIRST_SCREEN = 8;

const EXPORT_LABELS = { har: 'exportHar', json: 'exportJson', csv: 'exportCsv' } as const;
export const exportLabel = (format: ExportFormat): string => t(EXPORT_LABELS[format]);

export interface HistoryPage {
  summary: HTMLElement;
  exports: HTMLButtonElement[];
  clear: HTMLButtonElement;
  /** What is kept, and for how long. */
  kept: HTMLElement;
  form: HTMLFormElement;
  dropped: HTMLElement;
  main: HTMLElement;
}

const button = (action: string, label: string): HTMLButtonElement => h('button', { type: 'button', 'data-action': action }, label);

/** The HAR, JSON and CSV buttons (`data-action="export-<format>"`); download.ts makes them work. */
export const exportButtonsUnwired = (): HTMLButtonElement[] => EXPORT_FORMATS.map((format) => button(`export-${format}`, exportLabel(format)));

/** Ungrouped, the cards' h3 still need an h2 above them (grouped, each group has its own). */
export const listHeading = (): HTMLElement => h('h2', { class: 'visually-hidden' }, t('historyListHeading'));

function draw(filters: HistoryFilters): HistoryPage {
  const page: HistoryPage = {
    summary: h('span', { class: 'summary', 'aria-live': 'polite' }),
    exports: exportButtonsUnwired(),
    clear: button('clear-history', t('clearHistory')),
    kept: h('p', { class: 'page kept' }),
    form: filterForm(filters),
    dropped: h('p', { class: 'note dropped' }),
    main: h('main', { id: 'history', 'aria-busy': 'true', tabindex: -1 }),
  };
  document.title = `${t('historyTitle')} · Request Doctor`;
  document.body.classList.add('report', 'history');
  document.body.replaceChildren(
    h('header', { class: 'bar' },
      h('img', { src: '/icons/32.png', width: 20, height: 20, alt: '' }),
      h('h1', null, t('historyTitle')), page.summary, h('span', { class: 'spacer' }), ...page.exports, page.clear),
    h('section', { class: 'history-filters', 'aria-label': t('historyFiltersLabel') }, page.kept, page.form, page.dropped),
    page.main);
  return page;
}

/** The page as drawn (by the other script), or drawn now. */
export function historyPage(filters: HistoryFilters): HistoryPage {
  const main = document.getElementById('history');
  if (!main || !document.body.classList.contains('history')) return draw(filters);
  const find = <E extends Element>(selector: string): E => document.querySelector<E>(selector)!;
  return {
    summary: find('.bar .summary'),
    exports: EXPORT_FORMATS.map((format) => find<HTMLButtonElement>(`[data-action="export-${format}"]`)),
    clear: find('[data-action="clear-history"]'),
    kept: find('.history-filters .kept'),
    form: find('form.filters'),
    dropped: find('.history-filters .dropped'),
    main,
  };
}

/** The bar's count, once everything is read (a partial count would be read out, then corrected), and the
 * note on failures the cap dropped. */
export function showCounts(page: HistoryPage, stored: StoredHistory, shown: number): void {
  page.summary.textContent = stored.complete ? tCount('historyCount', stored.entries.length, shown, stored.entries.length) : '';
  page.dropped.textContent = stored.dropped ? tCount('historyDropped', stored.dropped, stored.dropped) : '';
}

export const keptText = (days: number): string => (days > 0 ? tCount('historyKeptDays', days, days) : t('historyKeptSession'));

/** What the list says when it lists nothing: nothing recorded yet, or nothing the filters keep. */
export const emptyList = (anyStored: boolean): HTMLElement => anyStored
  ? h('div', { class: 'empty', 'data-empty': true }, h('p', null, t('historyNoMatch')))
  : h('div', { class: 'empty', 'data-empty': true }, h('h2', null, t('historyEmptyTitle')), h('p', null, t('historyEmptyBody')));
