// The settings page's list of watched requests: state, last check, last result, Stop; and the time limit.
import browser from '../shared/browser';
import { followStorage } from '../shared/follow-storage';
import { h } from '../shared/dom';
import { t, type MessageKey } from '../shared/i18n';
import { MessageType, WATCHES_KEY, type Message, type Watch, type WatchState } from '../shared/protocol';
import { WATCH_HOURS } from '../shared/settings';
import { settings, settingsReady, updateSettings, watchSettings } from '../shared/settings-store';

const STATE_TEXT: Record<WatchState, MessageKey> = { watching: 'watchStateWatching', recovered: 'watchStateRecovered', 'gave-up': 'watchStateGaveUp' };

const section = h('section', { id: 'watches' });
// Inside the page's main landmark, after the settings form (axe: no content outside landmarks).
(document.querySelector('main') ?? document.body).append(section);

const time = (at: number): string => new Date(at).toLocaleString();

function row(watch: Watch): HTMLElement {
  const stop = h('button', { type: 'button', 'data-action': 'stop-watch' }, t('watchStop'));
  stop.addEventListener('click', () => void browser.runtime.sendMessage({ type: MessageType.StopWatch, id: watch.id } satisfies Message));
  const facts = [
    watch.lastCheck ? t('watchLastCheck', time(watch.lastCheck)) : t('watchNotChecked'),
    watch.lastResult ? t('watchLastResult', watch.lastResult) : null,
    watch.state === 'watching' && watch.nextAt ? t('watchNextCheck', time(watch.nextAt)) : null,
  ].filter(Boolean).join(', ');
  return h('li', { 'data-watch-item': true, 'data-state': watch.state, 'data-url': watch.url },
    h('span', { class: 'watch-state' }, t(STATE_TEXT[watch.state] ?? 'watchStateWatching')),
    h('span', { class: 'watch-url' }, `${watch.method} ${watch.url}`),
    h('span', { class: 'hint' }, facts),
    stop);
}

/** Built once: every check of a watch rewrites the list, and must not take the field from someone typing in it. */
function giveUpInput(): HTMLElement {
  const input = h('input', { type: 'number', id: 'watchGiveUpHours', min: WATCH_HOURS.min, max: WATCH_HOURS.max, step: 1, value: settings().watchGiveUpHours });
  input.addEventListener('change', () => {
    const hours = Math.round(Number(input.value));
    if (hours >= WATCH_HOURS.min && hours <= WATCH_HOURS.max) void updateSettings({ watchGiveUpHours: hours });
  });
  // Changed elsewhere (another settings page, sync): shown, unless someone is editing it here.
  watchSettings((options) => document.activeElement !== input && (input.value = String(options.watchGiveUpHours)));
  return h('label', { for: 'watchGiveUpHours' }, h('span', null, t('watchGiveUpLabel')), input);
}

/** The list alone: a row's Stop button is the only thing in it that can hold the focus, and its watch is going. */
const list = h('div', { class: 'watch-list' });

const read = (value: unknown): Watch[] => (Array.isArray(value) ? (value as Watch[]) : []);
// The time limit's field shows the stored setting: laid out and following the watches once settings are read.
void settingsReady.then(() => {
  section.append(h('h2', null, t('watchesTitle')), h('p', { class: 'hint' }, t('watchesHint')), list, giveUpInput());
  return followStorage('local', [WATCHES_KEY], (values) => {
    const watches = read(values[WATCHES_KEY]);
    list.replaceChildren(watches.length ? h('ul', { id: 'watch-list' }, ...watches.map(row)) : h('p', { class: 'hint', 'data-no-watches': true }, t('watchesNone')));
  });
});
