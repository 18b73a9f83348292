// Settings page: one control per key of the defaults object, saved to storage.sync on change.
import browser from '../shared/browser';
import { h } from '../shared/dom';
import { defaults, type Options } from '../shared/settings';

const LABELS: Record<keyof Options, [string, string]> = {
  showAborted: ['List cancelled requests', 'Requests stopped by you or the page (net::ERR_ABORTED). They are never counted on the badge.'],
  stripQueryInReports: ['Remove query strings from copied reports', 'Keeps tokens and search terms out of what you paste into a support ticket.'],
};

async function main(): Promise<void> {
  const stored = (await browser.storage.sync.get(defaults)) as Options;
  const form = document.getElementById('settings')!;
  for (const key of Object.keys(defaults) as (keyof Options)[]) {
    const input = h('input', { type: 'checkbox', id: key, name: key });
    input.checked = stored[key] === true;
    input.addEventListener('change', () => void browser.storage.sync.set({ [key]: input.checked }));
    const [label, hint] = LABELS[key];
    form.appendChild(h('label', { for: key }, input, h('span', null, label, h('span', { class: 'hint' }, hint))));
  }
}

void main();
