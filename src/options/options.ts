// Settings page: one control per key of the defaults object, saved to storage.sync on change.
import browser from '../shared/browser';
import './watches';
import './team';
import './my-sites';
import './ignore-rules';
import { h } from '../shared/dom';
import { localizePage, t, type MessageKey } from '../shared/i18n';
import { HISTORY_DAYS, MIN_SEVERITIES, NOTICE_SECONDS, NOTIFY_LEVELS, POSITIONS, type Options } from '../shared/settings';
import { setSiteMuted, settingsReady, updateSettings, watchSettings } from '../shared/settings-store';

const form = document.getElementById('settings')!;
const savedNote = document.getElementById('saved')!;
let savedTimer: ReturnType<typeof setTimeout> | undefined;

/** Every change is saved at once; "Saved" says so (seen, and read out: the note is a status). */
async function save(patch: Partial<Options>): Promise<void> {
  await updateSettings(patch);
  savedNote.textContent = t('saved');
  clearTimeout(savedTimer);
  savedTimer = setTimeout(() => (savedNote.textContent = ''), 2500);
}

type Choice = 'notify' | 'minSeverity' | 'position';
/** The message naming each value of each choice (message names allow no dashes). */
const CHOICE_NAMES: { [K in Choice]: Record<Options[K], MessageKey> } = {
  notify: { off: 'notify_off', page: 'notify_page', 'page-and-api': 'notify_page_and_api', everything: 'notify_everything' },
  minSeverity: { info: 'minSeverity_info', warning: 'minSeverity_warning', error: 'minSeverity_error' },
  position: { 'bottom-right': 'position_bottom_right', 'bottom-left': 'position_bottom_left', 'top-right': 'position_top_right', 'top-left': 'position_top_left' },
};

function choice<K extends Choice>(key: K, label: MessageKey, values: readonly Options[K][], current: Options[K]): HTMLElement {
  const names: Record<Options[K], MessageKey> = CHOICE_NAMES[key];
  const select = h('select', { id: key, name: key }, ...values.map((value) => h('option', { value, selected: value === current }, t(names[value]))));
  select.addEventListener('change', () => void save({ [key]: select.value } as Partial<Options>));
  return h('label', { for: key }, h('span', null, t(label)), select);
}

function toggle(key: 'systemNotifications' | 'showAborted' | 'stripQueryInReports' | 'explainCors', label: MessageKey, hint: MessageKey, current: boolean): HTMLElement {
  const input = h('input', { type: 'checkbox', id: key, name: key });
  input.checked = current;
  input.addEventListener('change', async () => {
    // System notifications need an optional permission, asked for only when turned on.
    if (key === 'systemNotifications' && input.checked && !(await browser.permissions.request({ permissions: ['notifications'] }))) {
      input.checked = false;
      return;
    }
    await save({ [key]: input.checked });
  });
  return h('label', { for: key }, input, h('span', null, t(label), h('span', { class: 'hint' }, t(hint))));
}

type NumberChoice = 'historyDays' | 'noticeSeconds';
/** The message naming each value of the numeric choices: the number is part of the key. */
const NUMBER_CHOICES: { [K in NumberChoice]: { values: readonly Options[K][]; label: MessageKey; hint: MessageKey } } = {
  /** Opt-in: the history in storage.local for some days; 0 keeps it in memory for the session only. */
  historyDays: { values: HISTORY_DAYS, label: 'optionHistoryDays', hint: 'optionHistoryDaysHint' },
  /** How long a notification stays; "until closed" is there for people who need more time to read. */
  noticeSeconds: { values: NOTICE_SECONDS, label: 'optionNoticeSeconds', hint: 'optionNoticeSecondsHint' },
};

/** `historyDays_7`, `noticeSeconds_0`, ...: tsc fails here if a value has no message. */
type ValueKey = `historyDays_${Options['historyDays']}` | `noticeSeconds_${Options['noticeSeconds']}`;
const valueKey = (key: NumberChoice, value: number): MessageKey => `${key}_${value}` as ValueKey;

function numberChoice<K extends NumberChoice>(key: K, current: Options[K]): HTMLElement {
  const { values, label, hint } = NUMBER_CHOICES[key];
  const select = h('select', { id: key, name: key },
    ...values.map((value) => h('option', { value, selected: value === current }, t(valueKey(key, value)))));
  select.addEventListener('change', () => void save({ [key]: Number(select.value) } as Partial<Options>));
  return h('label', { for: key }, h('span', null, t(label)), select, h('span', { class: 'hint' }, t(hint)));
}

function mutedList(sites: string[]): HTMLElement {
  const list = h('ul', { id: 'muted' }, ...sites.map((site, index) => {
    const remove = h('button', { type: 'button', id: `muted-remove-${index}`, 'aria-label': t('mutedRemoveFor', site) }, t('mutedRemove'));
    remove.addEventListener('click', () => void setSiteMuted(site, false));
    return h('li', null, h('span', null, site), remove);
  }));
  return h('fieldset', null, h('legend', null, t('mutedLegend')), sites.length ? list : h('p', { class: 'hint' }, t('mutedNone')));
}

/** The key combination that opens the popup (manifest `commands._execute_action`), as the browser reports it. */
async function shortcutKeys(): Promise<string | undefined> {
  const commands = await browser.commands.getAll().catch(() => []);
  return commands.find((command) => command.name === '_execute_action')?.shortcut || undefined;
}

/** The browser's own page of extension shortcuts: Firefox opens it by API (it has no address an extension may open). */
function openShortcutPage(): void {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) void commands.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

function shortcut(keys: string | undefined): HTMLElement {
  const open = h('button', { type: 'button', id: 'shortcut-page' }, t('shortcutPage'));
  open.addEventListener('click', openShortcutPage);
  return h('div', { id: 'shortcut', class: 'setting' },
    h('p', null, keys ? t('shortcutOpen', keys) : t('shortcutNone')), keys ? h('p', { class: 'hint' }, t('shortcutChange')) : null, open);
}

/** Found once at start; the browser changes it only on its own shortcuts page. */
let keys: string | undefined;

function render(options: Options): void {
  // Re-rendered on every change: keep keyboard focus where the person left it.
  const focused = document.activeElement?.id;
  form.replaceChildren(
    h('h2', null, t('optionsNotifications')),
    choice('notify', 'optionNotify', NOTIFY_LEVELS, options.notify),
    choice('minSeverity', 'optionMinSeverity', MIN_SEVERITIES, options.minSeverity),
    choice('position', 'optionPosition', POSITIONS, options.position),
    numberChoice('noticeSeconds', options.noticeSeconds),
    mutedList(options.mutedSites),
    toggle('systemNotifications', 'optionSystemNotifications', 'optionSystemNotificationsHint', options.systemNotifications),
    h('h2', null, t('optionsReport')),
    toggle('showAborted', 'optionShowAborted', 'optionShowAbortedHint', options.showAborted),
    toggle('stripQueryInReports', 'optionStripQuery', 'optionStripQueryHint', options.stripQueryInReports),
    toggle('explainCors', 'optionExplainCors', 'optionExplainCorsHint', options.explainCors),
    h('h2', null, t('optionsHistory')),
    numberChoice('historyDays', options.historyDays),
    h('h2', null, t('optionsKeyboard')),
    shortcut(keys),
  );
  if (focused) (document.getElementById(focused) ?? removedSiteFallback(focused, options.mutedSites.length))?.focus();
}

/** A site's Remove button is gone with its site: the focus goes to the one now in its place, the last one, or the next setting. */
function removedSiteFallback(id: string, sites: number): HTMLElement | null {
  const index = /^muted-remove-(\d+)$/.exec(id)?.[1];
  if (index === undefined) return null;
  return sites ? document.getElementById(`muted-remove-${Math.min(Number(index), sites - 1)}`) : document.getElementById('systemNotifications');
}

localizePage();
document.title = t('optionsTitle');
document.getElementById('title')!.textContent = t('optionsTitle');
watchSettings(render);
void Promise.all([settingsReady, shortcutKeys()]).then(([options, found]) => {
  keys = found;
  render(options);
});
