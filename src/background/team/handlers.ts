// Team mode's messages: Test connection and a new install id (settings), "is it only me?" (a card opening).
import browser from '../../shared/browser';
import { normalizeTeamConfig, TEAM_CONFIG_KEY } from '../../diagnosis/team/config';
import { failureRow, isTeamFailure } from '../../diagnosis/team/record';
import { MessageType, type BackgroundHandlers, type Sender, type TeamOthersAnswer, type TeamTestAnswer } from '../../shared/protocol';
import { settings } from '../../shared/settings-store';
import { findFailure } from '../recheck';
import { askOthers, testConnection } from './sink';
import { resetInstallId, teamInstallId } from './queue-store';
import { sendNow, teamConfig } from './index';

/** A card's answer is kept this long: opening cards never queries more than once a minute per failure. */
export const OTHERS_CACHE_MS = 60_000;
const cache = new Map<string, { at: number; answer: TeamOthersAnswer }>();
const CACHE_KEPT = 100;

const ownPage = (sender: Sender): boolean => sender.url?.startsWith(browser.runtime.getURL('')) === true;

async function test(): Promise<TeamTestAnswer> {
  // As stored now: the page wrote its controls' values before the person could click.
  const config = normalizeTeamConfig((await browser.storage.local.get(TEAM_CONFIG_KEY))[TEAM_CONFIG_KEY]);
  if (config.sink === 'off' || !config.endpoint) return { ok: false, problem: { kind: 'not-set' } };
  const result = await testConnection(config);
  // It works now: what waited goes at once.
  if (result.ok) void sendNow();
  return result;
}

async function others(ref: Parameters<BackgroundHandlers[MessageType.TeamOthers]>[0]): Promise<TeamOthersAnswer> {
  const config = teamConfig();
  const record = findFailure(ref);
  if (config.sink !== 'clickhouse' || !config.readUser || !record || !isTeamFailure(record, settings().mySites)) return { state: 'off' };
  const row = failureRow(record, '', 0, { installId: '', browser: '', browserVersion: '', extensionVersion: '' }, false);
  const key = `${row.host} ${row.path} ${row.code}`;
  const kept = cache.get(key);
  if (kept && Date.now() - kept.at < OTHERS_CACHE_MS) return kept.answer.state === 'ok' ? { ...kept.answer, cached: true } : kept.answer;
  const result = await askOthers(config, teamInstallId(), row);
  const answer: TeamOthersAnswer = 'problem' in result ? { state: 'unreachable' } : { state: 'ok', ...result, cached: false };
  if (cache.size >= CACHE_KEPT) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: Date.now(), answer });
  return answer;
}

export const teamHandlers: Pick<BackgroundHandlers, MessageType.TeamTest | MessageType.TeamResetId | MessageType.TeamOthers> = {
  [MessageType.TeamTest]: (_message, sender) => (ownPage(sender) ? test() : undefined),
  [MessageType.TeamResetId]: (_message, sender) => (ownPage(sender) ? resetInstallId() : undefined),
  [MessageType.TeamOthers]: (ref, sender) => (ownPage(sender) && Number.isInteger(ref.tabId) && typeof ref.url === 'string' ? others(ref) : undefined),
};
