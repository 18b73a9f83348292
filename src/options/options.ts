// Settings page: one control per key of the defaults object, saved to storage.sync on change.
import browser from '../shared/browser';
import { h } from '../shared/dom';
import { HISTORY_DAYS, MIN_SEVERITIES, NOTIFY_LEVELS, POSITIONS, type Options } from '../shared/settings';
import { setSiteMuted, settingsReady, updateSettings, watchSettings } from '../shared/settings-store';

const form = document.getElementById('settings')!;
const save = updateSettings;

function choice<K extends 'notify' | 'minSeverity' | 'position'>(key: K, label: string, values: readonly Options[K][], names: Record<Options[K], string>, current: Options[K]): HTMLElement {
  const select = h('select', { id: key, name: key }, ...values.map((value) => h('option', { value, selected: value === current }, names[value])));
  select.addEventListener('change', () => void save({ [key]: select.value } as Partial<Options>));
  return h('label', { for: key }, h('span', null, label), select);
}

function toggle(key: 'systemNotifications' | 'showAborted' | 'stripQueryInReports', label: string, hint: string, current: boolean): HTMLElement {
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
  return h('label', { for: key }, input, h('span', null, label, h('span', { class: 'hint' }, hint)));
}

/** Opt-in: the history in storage.local for some days; off keeps it in memory for the session only. */
function historyChoice(current: Options['historyDays']): HTMLElement {
  const names: Record<Options['historyDays'], string> = { 0: 'No: forget it when the browser closes', 1: '1 day', 7: '7 days', 30: '30 days' };
  const select = h('select', { id: 'historyDays', name: 'historyDays' },
    ...HISTORY_DAYS.map((days) => h('option', { value: days, selected: days === current }, names[days])));
  select.addEventListener('change', () => void save({ historyDays: Number(select.value) as Options['historyDays'] }));
  return h('label', { for: 'historyDays' }, h('span', null, 'Keep the history across browser restarts'), select,
    h('span', { class: 'hint' }, 'Saved on this computer (storage.local) and deleted after that many days. Clear history in the History view removes it at once.'));
}

function mutedList(sites: string[]): HTMLElement {
  const list = h('ul', { id: 'muted' }, ...sites.map((site) => {
    const remove = h('button', { type: 'button', 'aria-label': `Show notifications on ${site} again` }, 'Remove');
    remove.addEventListener('click', () => void setSiteMuted(site, false));
    return h('li', null, h('span', null, site), remove);
  }));
  return h('fieldset', null, h('legend', null, 'Sites without notifications'), sites.length ? list : h('p', { class: 'hint' }, 'None. Use "Don\'t show on this site" in a notification.'));
}

function render(options: Options): void {
  // Re-rendered on every change: keep keyboard focus where the person left it.
  const focused = document.activeElement?.id;
  form.replaceChildren(
    h('h2', null, 'In-page notifications'),
    choice('notify', 'Show a notification for', NOTIFY_LEVELS, {
      off: 'Nothing (badge only)', page: 'Failures of the page itself', 'page-and-api': 'The page and its API calls (fetch, XHR)', everything: 'Every failed request',
    }, options.notify),
    choice('minSeverity', 'Only when at least', MIN_SEVERITIES, { info: 'Anything', warning: 'Client errors (4xx) and worse', error: 'Server and network errors' }, options.minSeverity),
    choice('position', 'Position', POSITIONS, { 'bottom-right': 'Bottom right', 'bottom-left': 'Bottom left', 'top-right': 'Top right', 'top-left': 'Top left' }, options.position),
    mutedList(options.mutedSites),
    toggle('systemNotifications', 'System notification when a page cannot load', 'Where a page shows the browser\'s own error page, no notification fits inside it. Asks for the notifications permission.', options.systemNotifications),
    h('h2', null, 'Report'),
    toggle('showAborted', 'List cancelled requests', 'Requests stopped by you or the page (net::ERR_ABORTED). They are never counted on the badge.', options.showAborted),
    toggle('stripQueryInReports', 'Remove query strings from copied reports and exports', 'Keeps tokens and search terms out of what you paste into a support ticket or hand over as a file.', options.stripQueryInReports),
    h('h2', null, 'History'),
    historyChoice(options.historyDays),
  );
  if (focused) document.getElementById(focused)?.focus();
}

watchSettings(render);
void settingsReady.then(render);
