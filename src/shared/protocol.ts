// Shapes and names every extension context agrees on: stored records, storage keys and messages.
import type { AddressSpace } from '../diagnosis/address';
import type { ServerProblem } from '../diagnosis/problem';
import type { Classification, FailureRecord, Observation, Stage } from '../diagnosis/types';
import type { CookieKind, CookiesLeftOut, SkipReason, Verdict } from '../diagnosis/recheck';
import type { Options } from './settings';

// The stored shapes are the diagnosis's own; every context names them through the protocol too.
export type { FailureRecord, HistoryEntry } from '../diagnosis/types';

/** The failures of the page currently shown in one tab (tab -1 holds requests without a tab). */
export interface TabLog {
  tabId: number;
  failures: FailureRecord[];
  /** Failures of this page (repeats included) whose records the caps dropped: still counted, no longer listed. */
  dropped?: number;
}

export const NO_TAB = -1;

/** History chunks are stored under `history:<n>` (n grows; oldest first), so a new failure rewrites one small chunk. */
export const HISTORY_PREFIX = 'history:';
export const historyChunkKey = (chunk: number): string => `${HISTORY_PREFIX}${chunk}`;
/** The entries of a stored chunk; anything else reads as none. */
export function historyChunkEntries(stored: unknown): unknown[] {
  const value = fromStored(stored);
  return Array.isArray(value) ? value : [];
}
/** How many failures the history dropped (oldest first) since it was last cleared. */
export const HISTORY_META_KEY = 'history-meta';
export interface HistoryMeta {
  dropped: number;
  /** The oldest and newest chunk ids, so a reader can fetch the newest first. */
  first: number;
  last: number;
}

/** `storage.session` key of a tab's log. */
export const tabLogKey = (tabId: number): string => `tab:${tabId}`;

export const TAB_LOG_PREFIX = 'tab:';

/**
 * Tab logs and history chunks are stored as their JSON text. storage.session hands a string back several
 * times faster than the same object (a log of 1,000 failures: ~130 ms as an object), and Chromium counts
 * a string at its length against the 10 MB, an object at about twice its JSON size.
 */
export const storedAsText = (key: string): boolean => key.startsWith(TAB_LOG_PREFIX) || key.startsWith(HISTORY_PREFIX);

/** The value as it is written to storage. */
export const toStored = (key: string, value: unknown): unknown => (storedAsText(key) && typeof value !== 'string' ? JSON.stringify(value) : value);

/** A stored value read back: JSON text parsed (unreadable text is undefined), anything else as it is. */
export function fromStored(stored: unknown): unknown {
  if (typeof stored !== 'string') return stored;
  try {
    return JSON.parse(stored);
  } catch {
    return undefined;
  }
}

/** One line of the in-page notification: failures with the same code from the same host. */
export interface NoticeLine {
  stage: Stage;
  code: string;
  /** For the catalog's title, as the card looks it up. */
  errorName?: string;
  host: string;
  count: number;
}

/** What the notification shows; stored in storage.session under `notice:<tabId>`. */
export interface Notice {
  tabId: number;
  /** The page's host, for "Don't show on this site". */
  site: string;
  total: number;
  lines: NoticeLine[];
  position: Options['position'];
  /** Bumped on every change so the notification can tell a fresh burst from an old one. */
  revision: number;
  /** The tab is in a private window: muting would write its site to synced settings, so it is not offered. */
  private?: boolean;
  /** Failures of being offline are in it (one line, OFFLINE_LINE); `online`: the connection came back since. */
  offline?: boolean;
  online?: boolean;
  /** When its first failure happened: the failures it lists are the notifiable ones seen since. */
  since?: number;
}

/** What the notification frame is given: the notice, its heading (the page summary sentence of the failures it
 * lists) and how many of the badge's failures it lists, in words. */
export interface NoticeView extends Notice {
  heading: string;
  shown: string;
}

/** The notice's one line for every failure of being offline. */
export const OFFLINE_LINE = 'offline';

/** `storage.session` key of a tab's in-page notification. */
export const NOTICE_PREFIX = 'notice:';
export const noticeKey = (tabId: number): string => `${NOTICE_PREFIX}${tabId}`;

/** Every message between contexts, by type. */
export enum MessageType {
  /** report page → background: forget this tab's failures. */
  ClearTab = 'clear-tab',
  /** report page → background: put back what this tab's last Clear took away (answers whether it could). */
  UndoClear = 'undo-clear',
  /** notification frame → background: close the notification of the sender's tab. */
  DismissNotice = 'dismiss-notice',
  /** background → content script: show (or resize) the notification frame. */
  ShowNotice = 'show-notice',
  /** background → content script: remove the notification frame. */
  HideNotice = 'hide-notice',
  /** notification frame → background: the sender tab's notification (Firefox gives a framed extension page no storage.session). */
  GetNotice = 'get-notice',
  /** background → notification frame: the notification changed; the frame asks for it (GetNotice). It says
   * nothing more: it reaches every context of the tab, the page's content script too. */
  NoticeChanged = 'notice-changed',
  /** notification frame → background: open the full report of the sender's tab (Firefox gives a framed extension page no tabs API). */
  OpenReport = 'open-report',
  /** notification frame → background: the height its content needs (relayed to the page's content script as ShowNotice). */
  NoticeSize = 'notice-size',
  /** popup/report → background: repeat one failed request of a tab and judge it. */
  Recheck = 'recheck',
  /** popup/report → background: recheck one failed request in the background until it works again. */
  Watch = 'watch',
  /** popup/report/settings → background: stop (and forget) a watch. */
  StopWatch = 'stop-watch',
  /** history view → background: forget the whole history (memory and storage.local). */
  ClearHistory = 'clear-history',
  /** settings → background: try the team sink as stored (reach it, sign in, find the table). */
  TeamTest = 'team-test',
  /** settings → background: a new random install id for team mode. */
  TeamResetId = 'team-reset-id',
  /** popup/report → background, when a card opens: what the team saw of this failure in the last hour. */
  TeamOthers = 'team-others',
}

/** Which failure a recheck or watch is about: the tab, and the failure's method, code and URL. */
export interface FailureRef {
  tabId: number;
  method: string;
  code: string;
  url: string;
}

/** What a recheck showed; stored in storage.session under `recheck:<tabId>`, by failureKey. */
export interface RecheckResult {
  verdict: Verdict;
  /** When the recheck finished. */
  checkedAt: number;
  /** When the original request first failed. */
  failedAt: number;
  reason?: SkipReason;
  cookieKind?: CookieKind;
  /** The recheck's own failure (failing, different): explained like any failure. */
  failure?: Observation & Classification;
  /** The recheck gave up after its time limit. */
  timedOut?: boolean;
  /** It went without cookies, and why. */
  cookiesLeftOut?: CookiesLeftOut;
  /** verdict 'redirected': the host it pointed to, not followed ('' when the browser did not say). */
  redirectedTo?: string;
  /** What the server said about the error, when its answer was a problem description (RFC 9457). */
  problem?: ServerProblem;
}

/** `storage.session` key of a tab's recheck results. */
export const recheckKey = (tabId: number): string => `recheck:${tabId}`;

export type WatchState = 'watching' | 'recovered' | 'gave-up';

/** One watched request; all of them live in storage.local under WATCHES_KEY. */
export interface Watch {
  /** Names its alarm (`watch:<id>`). */
  id: string;
  /** failureKey of the failure it watches, to find its card. */
  key: string;
  /** The tab it was started from; gone once the browser restarts, when tab ids start again (another tab's id). */
  tabId?: number;
  url: string;
  method: string;
  /** The failure that started it. */
  code: string;
  stage: Stage;
  failedAt: number;
  startedAt: number;
  state: WatchState;
  /** Checks done so far. */
  attempts: number;
  nextAt?: number;
  lastCheck?: number;
  /** The last check's code (`200`, `503`, a net error). */
  lastResult?: string;
  recoveredAt?: number;
  /** Its checks carry the site's cookies (only a first-party failure's do; none before this was stored). */
  cookies?: boolean;
  /** The most private network its checks may reach, from the page it failed on. */
  reach?: AddressSpace;
}

export const WATCHES_KEY = 'watches';
/** storage.local: the notification permission was asked for at a Watch once; never again from there (Settings can). */
export const NOTIFICATIONS_ASKED_KEY = 'notifications-asked';

/** What a Watch message answers. */
export type WatchAnswer = { ok: true } | { ok: false; reason: 'limit' | 'not-watchable' | 'unknown' | 'private' };

/** Messages the background answers. */
export type BackgroundMessage =
  | { type: MessageType.ClearTab; tabId: number }
  | { type: MessageType.UndoClear; tabId: number }
  /** `revision`: sent when the notice's own timer ran out, naming the drawing it timed out on. */
  | { type: MessageType.DismissNotice; revision?: number }
  | { type: MessageType.GetNotice }
  /** `line`: the notice line whose Details was pressed; the report opens at its failure. */
  | { type: MessageType.OpenReport; line?: number }
  /** The notification's content is this tall: the frame is sized to it. */
  | { type: MessageType.NoticeSize; height: number }
  | ({ type: MessageType.Recheck } & FailureRef)
  | ({ type: MessageType.Watch } & FailureRef)
  | { type: MessageType.StopWatch; id: string }
  | { type: MessageType.ClearHistory }
  | { type: MessageType.TeamTest }
  | { type: MessageType.TeamResetId }
  | ({ type: MessageType.TeamOthers } & FailureRef);

/** What Test connection answers: ok, or what went wrong (see TestProblem in diagnosis/team/clickhouse). */
export type TeamTestAnswer = { ok: true } | { ok: false; problem: { kind: string; status?: number; columns?: string[]; message?: string } };
/** What a card learns of the team: nothing (team mode off or no reader), the answer, or that the store is unreachable. */
export type TeamOthersAnswer = { state: 'off' } | { state: 'ok'; others: number; first?: number; cached: boolean } | { state: 'unreachable' };

/** Messages the background sends to pages (the notification's script and frame). */
export type PageMessage =
  | { type: MessageType.ShowNotice; position: string; height: number }
  | { type: MessageType.HideNotice }
  | { type: MessageType.NoticeChanged };

export type Message = BackgroundMessage | PageMessage;

/** What a handler learns of the sender: only these fields are read. */
export interface Sender {
  id?: string;
  tab?: { id?: number; index: number };
  url?: string;
  /** Chromium: the sending document's origin. */
  origin?: string;
}

/** One handler per background message type: the compiler reports a type without one. */
export type BackgroundHandlers = {
  [M in BackgroundMessage as M['type']]: (message: M, sender: Sender) => Promise<unknown> | undefined;
};
