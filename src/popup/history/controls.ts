// The filter bar. Every control has a name, so the form reads back into filters in one place.
import { h } from '../../shared/dom';
import { t, type MessageKey } from '../../shared/i18n';
import { CLASSES, GROUPINGS, hostFilter, RANGES, type HistoryFilters, type Range } from '../../diagnosis/history/filter';
import { STAGES } from '../../diagnosis/types';

const checks = (name: string, legend: string, values: readonly string[], checked: readonly string[], label: (value: string) => string): HTMLElement =>
  h('fieldset', { class: 'toggles' }, h('legend', null, legend), ...values.map((value) => {
    const input = h('input', { type: 'checkbox', name, value });
    input.checked = checked.includes(value);
    return h('label', null, input, h('span', null, label(value)));
  }));

function select(name: string, label: string, values: readonly string[], current: string): HTMLElement {
  const field = h('select', { name }, ...values.map((value) => h('option', { value, selected: value === current }, t(`${name === 'time' ? 'range' : 'group'}_${value}` as MessageKey))));
  return h('label', null, h('span', null, label), field);
}

export function filterForm(filters: HistoryFilters): HTMLFormElement {
  const search = h('input', { type: 'search', name: 'q', placeholder: t('historySearch'), 'aria-label': t('historySearch'), value: filters.text });
  const host = h('input', { type: 'text', name: 'host', value: filters.host, size: 18, spellcheck: 'false' });
  const form = h('form', { class: 'filters', role: 'search' },
    search,
    h('label', null, h('span', null, t('historyHost')), host),
    select('time', t('historyTime'), Object.keys(RANGES), filters.range),
    select('group', t('historyGroup'), GROUPINGS, filters.group),
    checks('stage', t('historyStage'), STAGES, filters.stages, (stage) => t(`stage_${stage}` as MessageKey)),
    checks('class', t('historyClass'), CLASSES, filters.classes, (value) => t(`class_${value}` as MessageKey)),
    filters.tab === undefined ? null : h('p', { class: 'only-tab' }, t('onlyTab', String(filters.tab)),
      h('button', { type: 'button', 'data-action': 'all-tabs' }, t('showAllTabs'))));
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}

/** The filters the form shows now; the tab filter is not a control, it is kept until dropped. */
export function readForm(form: HTMLFormElement, tab: number | undefined): HistoryFilters {
  const data = new FormData(form);
  const text = (name: string): string => String(data.get(name) ?? '');
  return {
    text: text('q'),
    stages: data.getAll('stage').map(String) as HistoryFilters['stages'],
    classes: data.getAll('class').map(String) as HistoryFilters['classes'],
    host: hostFilter(text('host')),
    range: text('time') as Range,
    group: text('group') as HistoryFilters['group'],
    tab,
  };
}
