// Team mode's one path to storage.local: the queue of rows to send and the install id. The queue must
// outlive worker stops and browser restarts; everything here is written by this module only.
import browser from '../../shared/browser';
import { TEAM_INSTALL_ID_KEY, TEAM_QUEUE_KEY } from '../../diagnosis/team/config';
import { readQueue, type Queued } from '../../diagnosis/team/queue';
import type { TeamRow } from '../../diagnosis/team/record';

export interface TeamQueue extends Queued {
  rows: TeamRow[];
  /** The id of the drop report being sent: a retry of it keeps its id. */
  dropId?: string;
  dropTime?: number;
  /** Failed sends in a row; the next try waits `backoffMs(attempt)`. */
  attempt: number;
  /** No send before this time (ms since the epoch). */
  nextTry: number;
}

/** Writes wait this long, so a burst of failures costs one write. */
const WRITE_DELAY_MS = 500;

let queue: TeamQueue = { rows: [], dropped: 0, seq: 0, attempt: 0, nextTry: 0 };
let installId = '';
let timer: ReturnType<typeof setTimeout> | undefined;
let writing: Promise<void> = Promise.resolve();

async function load(): Promise<void> {
  try {
    const stored = await browser.storage.local.get([TEAM_QUEUE_KEY, TEAM_INSTALL_ID_KEY]);
    const value = stored[TEAM_QUEUE_KEY] as Partial<TeamQueue> | undefined;
    const count = (n: unknown): number => (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : 0);
    queue = {
      ...readQueue<TeamRow>(value),
      attempt: count(value?.attempt),
      nextTry: count(value?.nextTry),
      ...(typeof value?.dropId === 'string' ? { dropId: value.dropId, dropTime: count(value.dropTime) } : {}),
    };
    installId = typeof stored[TEAM_INSTALL_ID_KEY] === 'string' ? (stored[TEAM_INSTALL_ID_KEY] as string) : '';
  } catch (error) {
    console.error('Request Doctor: could not read the team queue', error);
  }
  if (!installId) await resetInstallId();
}

export const teamQueueReady: Promise<void> = load();

export const teamQueue = (): TeamQueue => queue;
export const teamInstallId = (): string => installId;

/** Replace the queue; written to storage.local shortly (or at once with `now`). */
export function setTeamQueue(next: TeamQueue, now = false): Promise<void> {
  queue = next;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (now) return write();
  timer = setTimeout(() => {
    timer = undefined;
    void write();
  }, WRITE_DELAY_MS);
  return writing;
}

function write(): Promise<void> {
  // One write at a time, each of the latest queue.
  writing = writing.then(() => browser.storage.local.set({ [TEAM_QUEUE_KEY]: queue })).catch((error: unknown) => {
    console.warn('Request Doctor: could not save the team queue', error);
  });
  return writing;
}

/** A new random install id: rows sent from now on no longer link to the earlier ones. */
export async function resetInstallId(): Promise<string> {
  installId = crypto.randomUUID();
  try {
    await browser.storage.local.set({ [TEAM_INSTALL_ID_KEY]: installId });
  } catch (error) {
    console.warn('Request Doctor: could not save the install id', error);
  }
  return installId;
}
