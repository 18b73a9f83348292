// Team mode's glue: failures on my sites become rows, queued in storage.local, sent in batches (every
// 10 s or 200 rows) and retried with backoff through an alarm, so worker stops and restarts lose nothing.
import browser, { type Alarms } from '../../shared/browser';
import { ignoredBy } from '../../diagnosis/ignore';
import { backoffMs } from '../../diagnosis/team/backoff';
import { browserOf, normalizeTeamConfig, TEAM_CONFIG_KEY, teamActive, teamDefaults, type TeamConfig } from '../../diagnosis/team/config';
import { acknowledge, BATCH_MS, BATCH_SIZE, batchFull, enqueue, nextBatch } from '../../diagnosis/team/queue';
import { droppedRow, failureRow, isTeamFailure, type Failure, type Sender, type TeamRow } from '../../diagnosis/team/record';
import { followStorage } from '../../shared/follow-storage';
import { ignoreRules, settings, settingsReady } from '../../shared/settings-store';
import { sendRows } from './sink';
import { setTeamQueue, teamInstallId, teamQueue, teamQueueReady } from './queue-store';

export const TEAM_ALARM = 'team-send';

let config: TeamConfig = teamDefaults;
let sending = false;
let batchTimer: ReturnType<typeof setTimeout> | undefined;

const configReady = followStorage('local', [TEAM_CONFIG_KEY], (values, initial) => {
  if (!(TEAM_CONFIG_KEY in values)) return;
  config = normalizeTeamConfig(values[TEAM_CONFIG_KEY]);
  // New settings (a fixed password, another endpoint): try what waits now rather than after the backoff.
  // Not when a woken worker reads them back: the backoff must hold across wakes.
  if (initial) return;
  void teamQueueReady.then(() => {
    if (teamQueue().rows.length || teamQueue().dropped) void setTeamQueue({ ...teamQueue(), attempt: 0, nextTry: 0 }).then(() => void sendNow());
  });
});
const ready = Promise.all([configReady, settingsReady, teamQueueReady]);

export const teamConfig = (): TeamConfig => config;

function sender(): Sender {
  const { browser: name, version } = browserOf(navigator.userAgent);
  return { installId: teamInstallId(), browser: name, browserVersion: version, extensionVersion: browser.runtime.getManifest().version };
}

/** One occurrence of a failure (new or repeated): a row, if team mode is on and it is on my sites. */
export function teamRecorded(failure: Failure, time: number): void {
  queueRow(failure, time);
}

/** The person rechecked a failure: its verdict goes as a row of its own, under the same rules as the failure. */
export function teamRechecked(failure: Failure, verdict: string, time: number): void {
  queueRow(failure, time, verdict);
}

function queueRow(failure: Failure, time: number, recheck?: string): void {
  // Nothing is allocated for failures that are not sent.
  if (config.sink === 'off' || !teamActive(config, settings().mySites) || !isTeamFailure(failure, settings().mySites) || ignoredBy(ignoreRules(), failure)) return;
  const queue = teamQueue();
  const row = failureRow(failure, `${teamInstallId()}:${queue.seq}`, time, sender(), config.includeQuery, recheck);
  const next = { ...enqueue(queue, [row]), seq: queue.seq + 1 };
  void setTeamQueue(next);
  if (next.nextTry > Date.now()) return;
  if (batchFull(next)) void sendNow();
  else if (batchTimer === undefined) {
    batchTimer = setTimeout(() => void sendNow(), BATCH_MS);
    // If the worker stops before the timer, the alarm sends.
    void browser.alarms.create(TEAM_ALARM, { when: Date.now() + BATCH_MS + 20_000 });
  }
}

/** The rows of the next batch, with the drop report (its id kept across retries). */
function batch(): { rows: TeamRow[]; drops: number } {
  let queue = teamQueue();
  const rows = nextBatch(queue, BATCH_SIZE);
  if (queue.dropped === 0) return { rows, drops: 0 };
  if (queue.dropId === undefined) {
    queue = { ...queue, dropId: `${teamInstallId()}:d${queue.seq}`, dropTime: Date.now(), seq: queue.seq + 1 };
    void setTeamQueue(queue);
  }
  return { rows: [...rows, droppedRow(queue.dropped, queue.dropId!, queue.dropTime ?? Date.now(), sender())], drops: queue.dropped };
}

/** Send batches until the queue is empty or the sink fails; then the alarm tries again after the backoff. */
export async function sendNow(): Promise<void> {
  await ready;
  if (batchTimer !== undefined) clearTimeout(batchTimer);
  batchTimer = undefined;
  if (sending || !teamActive(config, settings().mySites)) return;
  sending = true;
  try {
    for (;;) {
      const { rows, drops } = batch();
      if (rows.length === 0) break;
      const result = await sendRows(config, rows).catch((error: unknown) => {
        console.warn('Request Doctor: could not send to the team sink', error);
        return { ok: false } as const;
      });
      if (!result.ok) {
        const attempt = teamQueue().attempt + 1;
        const nextTry = Date.now() + backoffMs(attempt, Math.random());
        await setTeamQueue({ ...teamQueue(), attempt, nextTry }, true);
        void browser.alarms.create(TEAM_ALARM, { when: nextTry });
        return;
      }
      const acknowledged = { ...acknowledge(teamQueue(), rows, drops), attempt: 0, nextTry: 0 };
      // The drop report is in the table: further drops get a report (and an id) of their own.
      if (drops) delete acknowledged.dropId;
      await setTeamQueue(acknowledged, true);
    }
    void browser.alarms.clear(TEAM_ALARM);
  } finally {
    sending = false;
  }
}

function onAlarm(alarm: Alarms.Alarm): void {
  if (alarm.name === TEAM_ALARM) void sendNow();
}

/** Registered synchronously at the worker's top level. A woken worker sends what waits once its backoff is over. */
export function startTeam(): void {
  browser.alarms.onAlarm.addListener(onAlarm);
  void ready.then(() => {
    const queue = teamQueue();
    if (!queue.rows.length && !queue.dropped) return;
    if (queue.nextTry <= Date.now()) void sendNow();
    else void browser.alarms.create(TEAM_ALARM, { when: queue.nextTry });
  });
}
