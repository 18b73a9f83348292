// The settings page's list of watched requests: state, last check, last result, Stop; and the time limit.
import browser from '../shared/browser';
import { followStorage } from '../shared/follow-storage';
import { h } from '../shared/dom';
import { dateTime, t, type MessageKey } from '../shared/i18n';
import { MessageType, WATCHES_KEY, type Message, type Watch, type WatchState } from '../shared/protocol';
import { WATCH_HOURS } from '../shared/settings';
import { settings, settingsReady, updateSettings, watchSettings } from '../shared/settings-store';

const STATE_TEXT: Record<WatchState, MessageKey> = { watching: 'watchStateWatching', recovered: 'watchStateRecovered', 'gave-up': 'watchStateGaveUp' };

const section = h('section', { id: 'watches' });
// Inside the page's main landmark, after the settings form (axe: no content outside landmarks).
(document.querySelector('main') ?? document.body).append(section);

const time = dateTime;

/** A code as it is (503, net::ERR_…); the background's word for no answer in time, in the page's language. */
const resultText = (result: string): string => (result === 'timeout' ? t('watchResultTimeout') : result);

function row(watch: Watch): HTMLElement {
  // Every row has a Stop: its name says which watch it ends.
  const stop = h('button', { type: 'button', 'data-action': 'stop-watch', 'data-watch-id': watch.id, 'aria-label': t('watchStopFor', `${watch.method} ${watch.url}`) },
    t('watchStop'));
  stop.addEventListener('click', () => void browser.runtime.sendMessage({ type: MessageType.StopWatch, id: watch.id } satisfies Message));
  const facts = [
    watch.lastCheck ? t('watchLastCheck', time(watch.lastCheck)) : t('watchNotChecked'),
    watch.lastResult ? t('watchLastResult', resultText(watch.lastResult)) : null,
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
  // What is saved is what the field shows: a value out of range is brought into it, one that is no number is undone.
  input.addEventListener('change', () => {
    const typed = Number(input.value);
    const hours = input.value.trim() === '' || !Number.isFinite(typed)
      ? settings().watchGiveUpHours
      : Math.min(WATCH_HOURS.max, Math.max(WATCH_HOURS.min, Math.round(typed)));
    input.value = String(hours);
    if (hours !== settings().watchGiveUpHours) void updateSettings({ watchGiveUpHours: hours });
  });
  // Changed elsewhere (another settings page, sync): shown, unless someone is editing it here.
  watchSettings((options) => document.activeElement !== input && (input.value = String(options.watchGiveUpHours)));
  return h('label', { for: 'watchGiveUpHours' },
    h('span', null, t('watchGiveUpLabel'), h('span', { class: 'hint' }, t('watchGiveUpRange', WATCH_HOURS.min, WATCH_HOURS.max))), input);
}

/** The list alone: a row's Stop button is the only thing in it that can hold the focus, and its watch is going. */
const list = h('div', { class: 'watch-list' });

/** The Stop button of watch `id`; if it is gone, the next one's that is still listed, else the previous one's, else the hours field. */
function focusStop(id: string, before: (string | undefined)[]): void {
  const button = (watchId: string | undefined) => list.querySelector<HTMLElement>(`[data-watch-id="${CSS.escape(watchId ?? '')}"]`);
  const at = before.indexOf(id);
  const next = [...before.slice(at), ...before.slice(0, at).reverse()].map(button).find(Boolean);
  (next ?? document.getElementById('watchGiveUpHours'))?.focus();
}

const read = (value: unknown): Watch[] => (Array.isArray(value) ? (value as Watch[]) : []);
// The time limit's field shows the stored setting: laid out and following the watches once settings are read.
void settingsReady.then(() => {
  section.append(h('h2', null, t('watchesTitle')), h('p', { class: 'hint' }, t('watchesHint')), list, giveUpInput());
  return followStorage('local', [WATCHES_KEY], (values) => {
    const watches = read(values[WATCHES_KEY]);
    // Every check rewrites the list: the focus stays on its Stop button, or on the next one's when its watch is gone.
    const focused = list.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.watchId : undefined;
    const before = [...list.querySelectorAll<HTMLElement>('[data-watch-id]')].map((button) => button.dataset.watchId);
    list.replaceChildren(watches.length ? h('ul', { id: 'watch-list' }, ...watches.map(row)) : h('p', { class: 'hint', 'data-no-watches': true }, t('watchesNone')));
    if (focused !== undefined) focusStop(focused, before);
  });
});
