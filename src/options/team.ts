// The settings page's team mode: where failures of my sites go, Test connection, and a sample of what is sent.
// Kept in storage.local (not sync): the password stays on this computer, and each browser joins deliberately.
import browser from '../shared/browser';
import { followStorage } from '../shared/follow-storage';
import { h } from '../shared/dom';
import { t, type MessageKey } from '../shared/i18n';
import { jsonEachRow } from '../diagnosis/team/clickhouse';
import { normalizeTeamConfig, TEAM_CONFIG_KEY, TEAM_INSTALL_ID_KEY, teamDefaults, type TeamConfig } from '../diagnosis/team/config';
import { failureRow, TEAM_SINKS, type TeamSink } from '../diagnosis/team/record';
import { MessageType, type Message, type TeamTestAnswer } from '../shared/protocol';
import { settings, settingsReady, watchSettings } from '../shared/settings-store';

const SINK_TEXT: Record<TeamSink, MessageKey> = { off: 'teamSink_off', clickhouse: 'teamSink_clickhouse', otlp: 'teamSink_otlp' };

let config: TeamConfig = teamDefaults;
let saving: Promise<void> = Promise.resolve();

const section = h('section', { id: 'team', 'aria-labelledby': 'team-heading' });
(document.querySelector('main') ?? document.body).append(section);

function save(change: Partial<TeamConfig>): void {
  config = { ...config, ...change };
  saving = browser.storage.local.set({ [TEAM_CONFIG_KEY]: config });
  renderSample();
}

function field(name: string, key: 'endpoint' | 'user' | 'password' | 'readUser' | 'readPassword', label: MessageKey, hint?: MessageKey): HTMLElement {
  const type = key === 'endpoint' ? 'url' : /password/i.test(key) ? 'password' : 'text';
  const input = h('input', { type, id: name, name, value: config[key], autocomplete: type === 'password' ? 'new-password' : 'off', spellcheck: false });
  // Applied as typed: Test connection then tries what the field shows.
  input.addEventListener('input', () => save({ [key]: input.value }));
  return h('label', { for: name }, h('span', null, t(label), hint ? h('span', { class: 'hint' }, t(hint)) : null), input);
}

const status = h('p', { id: 'team-status', role: 'status' });
const sample = h('pre', { id: 'team-sample', class: 'team-sample' });
const installId = h('span', { id: 'team-install-id' });

function problemText(answer: Extract<TeamTestAnswer, { ok: false }>['problem']): string {
  switch (answer.kind) {
    case 'unreachable': return t('teamProblem_unreachable');
    case 'tls': return t('teamProblem_tls');
    case 'auth': return t('teamProblem_auth', String(answer.status ?? ''));
    case 'table-missing': return t('teamProblem_table');
    case 'wrong-columns': return t('teamProblem_columns', (answer.columns ?? []).join(', '));
    case 'not-set': return t('teamProblem_notSet');
    default: return t('teamProblem_server', String(answer.status ?? ''), answer.message ?? '');
  }
}

async function testConnection(button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  status.removeAttribute('data-team-status');
  status.textContent = t('teamTesting');
  await saving;
  const answer = (await browser.runtime.sendMessage({ type: MessageType.TeamTest } satisfies Message)) as TeamTestAnswer | undefined;
  const ok = answer?.ok === true;
  status.setAttribute('data-team-status', ok ? 'ok' : 'error');
  status.textContent = ok ? t('teamOk') : problemText(answer && !answer.ok ? answer.problem : { kind: 'unreachable' });
  button.disabled = false;
}

/** A made-up failure of the first of my sites, as the sink would get it. */
function renderSample(): void {
  const host = settings().mySites[0] ?? 'app.example.com';
  const row = failureRow({ url: `https://${host}/api/orders?page=2`, method: 'GET', type: 'xmlhttprequest', tabId: 1, timeStamp: 0, initiator: `https://${host}`,
    stage: 'wait', code: '503', statusCode: 503, severity: 'error', blocked: false }, `${installId.dataset.id ?? ''}:0`, Date.now(),
  { installId: installId.dataset.id ?? '', browser: 'Chromium', browserVersion: '120', extensionVersion: browser.runtime.getManifest().version }, config.includeQuery);
  sample.textContent = config.sink === 'otlp' ? JSON.stringify(row, null, 1) : jsonEachRow([row]).trim();
}

function render(): void {
  const focused = document.activeElement?.id;
  const noSites = settings().mySites.length === 0;
  const sink = h('select', { id: 'team-sink', name: 'team-sink', disabled: noSites && config.sink === 'off', 'aria-describedby': 'team-needs-sites' },
    ...TEAM_SINKS.map((value) => h('option', { value, selected: value === config.sink }, t(SINK_TEXT[value]))));
  sink.addEventListener('change', () => save({ sink: sink.value as TeamSink }));
  const includeQuery = h('input', { type: 'checkbox', id: 'team-include-query', name: 'team-include-query' });
  includeQuery.checked = config.includeQuery;
  includeQuery.addEventListener('change', () => save({ includeQuery: includeQuery.checked }));
  const test = h('button', { type: 'button', 'data-action': 'team-test' }, t('teamTest'));
  test.addEventListener('click', () => void testConnection(test));
  const reset = h('button', { type: 'button', 'data-action': 'team-reset-id' }, t('teamResetId'));
  reset.addEventListener('click', () => void browser.runtime.sendMessage({ type: MessageType.TeamResetId } satisfies Message));
  section.replaceChildren(
    h('h2', { id: 'team-heading' }, t('teamHeading')),
    h('p', { class: 'hint' }, t('teamHint')),
    noSites ? h('p', { id: 'team-needs-sites', 'data-team-needs-sites': true }, t('teamNeedsSites')) : h('span', { id: 'team-needs-sites', hidden: true }),
    h('label', { for: 'team-sink' }, h('span', null, t('teamSink')), sink),
    field('team-endpoint', 'endpoint', 'teamEndpoint', 'teamEndpointHint'),
    field('team-user', 'user', 'teamUser'),
    field('team-password', 'password', 'teamPassword', 'teamPasswordHint'),
    field('team-read-user', 'readUser', 'teamReadUser', 'teamReadUserHint'),
    field('team-read-password', 'readPassword', 'teamReadPassword'),
    h('label', { for: 'team-include-query' }, includeQuery, h('span', null, t('teamIncludeQuery'), h('span', { class: 'hint' }, t('teamIncludeQueryHint')))),
    h('p', null, test), status,
    h('p', null, installId, ' ', reset),
    h('details', null, h('summary', null, t('teamSample')), sample),
  );
  renderSample();
  if (focused) document.getElementById(focused)?.focus();
}

void Promise.all([settingsReady, followStorage('local', [TEAM_CONFIG_KEY, TEAM_INSTALL_ID_KEY], (values, initial) => {
  if (TEAM_INSTALL_ID_KEY in values) {
    installId.dataset.id = String(values[TEAM_INSTALL_ID_KEY] ?? '');
    installId.textContent = t('teamInstallId', installId.dataset.id);
    renderSample();
  }
  // Our own writes come back as changes: the fields are already what they say.
  if (initial && TEAM_CONFIG_KEY in values) config = normalizeTeamConfig(values[TEAM_CONFIG_KEY]);
})]).then(() => {
  render();
  // "Sites I work on" decides whether team mode can be turned on.
  watchSettings(() => render());
});
