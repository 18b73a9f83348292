// The settings page's "Sites I work on": the list (applied when it changes, lines that are no host named
// right there), what the badge and notice react to, and the third-parties switch.
import { h } from '../shared/dom';
import { t, type MessageKey } from '../shared/i18n';
import { parseSiteList, REACT_TO, type ReactTo } from '../diagnosis/scope';
import { MAX_MY_SITES, type Options } from '../shared/settings';
import { settings, settingsReady, updateSettings, watchSettings } from '../shared/settings-store';

const REACT_TO_TEXT: Record<ReactTo, MessageKey> = { all: 'reactTo_all', 'my-sites': 'reactTo_my_sites', 'to-my-sites': 'reactTo_to_my_sites' };

const section = h('section', { id: 'my-sites-section' });
(document.querySelector('main') ?? document.body).append(section);

const sites = h('textarea', { id: 'my-sites', name: 'my-sites', rows: 4, spellcheck: 'false', 'aria-describedby': 'my-sites-hint my-sites-error' });
const error = h('p', { id: 'my-sites-error', class: 'error', role: 'alert' });
const quiet = h('input', { type: 'checkbox', id: 'quietThirdParties', name: 'quietThirdParties' });
const radios = REACT_TO.map((value) => h('input', { type: 'radio', name: 'reactTo', id: `reactTo-${value}`, value }));

async function applySites(): Promise<void> {
  const { sites: parsed, invalid } = parseSiteList(sites.value);
  const kept = parsed.slice(0, MAX_MY_SITES);
  const problems = [
    invalid.length ? t('mySitesInvalid', invalid.join(', ')) : '',
    parsed.length > kept.length ? t('mySitesTooMany', MAX_MY_SITES) : '',
  ].filter(Boolean).join(' ');
  error.textContent = problems;
  sites.setAttribute('aria-invalid', String(problems !== ''));
  // The valid lines apply; the invalid ones stay in the box, named, until corrected.
  await updateSettings({ mySites: kept });
}

function show(options: Options): void {
  // Never under someone typing: their lines (invalid ones too) stay as typed.
  if (document.activeElement !== sites && parseSiteList(sites.value).sites.join('\n') !== options.mySites.join('\n') && !error.textContent) {
    sites.value = options.mySites.join('\n');
  }
  for (const radio of radios) {
    radio.checked = radio.value === options.reactTo;
    radio.disabled = options.mySites.length === 0;
  }
  quiet.checked = options.quietThirdParties;
}

sites.addEventListener('change', () => void applySites());
for (const radio of radios) radio.addEventListener('change', () => radio.checked && void updateSettings({ reactTo: radio.value as ReactTo }));
quiet.addEventListener('change', () => void updateSettings({ quietThirdParties: quiet.checked }));

section.append(
  h('h2', null, t('optionsMySites')),
  h('label', { for: 'my-sites', class: 'stacked' }, h('span', null, t('mySitesLabel'), h('span', { class: 'hint', id: 'my-sites-hint' }, t('mySitesHint')))),
  sites,
  error,
  h('fieldset', null, h('legend', null, t('reactToLegend')),
    ...radios.map((radio, index) => h('label', { for: radio.id }, radio, h('span', null, t(REACT_TO_TEXT[REACT_TO[index]!]))))),
  h('label', { for: 'quietThirdParties' }, quiet, h('span', null, t('optionQuietThirdParties'), h('span', { class: 'hint' }, t('optionQuietThirdPartiesHint')))),
);
watchSettings(show);
void settingsReady.then(() => show(settings()));
