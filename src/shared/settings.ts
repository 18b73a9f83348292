// User settings, kept in storage.sync. The defaults object is the single source of the type.
import { REACT_TO } from '../diagnosis/scope';
import { SEVERITIES } from '../diagnosis/types';

export const NOTIFY_LEVELS = ['off', 'page', 'page-and-api', 'everything'] as const;
export const POSITIONS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export const MIN_SEVERITIES = SEVERITIES;
/** Days the history is kept across browser restarts (storage.local); 0 keeps it for this session only. */
export const HISTORY_DAYS = [0, 1, 7, 30] as const;
/** Seconds a notification stays without a new failure; 0: until it is closed (WCAG 2.2.1, timing adjustable). */
export const NOTICE_SECONDS = [8, 20, 60, 0] as const;

export const defaults = {
  /** Which failures show an in-page notification: none, the page itself, it and its fetch/XHR calls, or all. */
  notify: 'page-and-api' as (typeof NOTIFY_LEVELS)[number],
  /** Quieter failures than this never notify. */
  minSeverity: 'warning' as (typeof MIN_SEVERITIES)[number],
  /** Sites (host names) where no notification is shown. */
  mutedSites: [] as string[],
  position: 'bottom-right' as (typeof POSITIONS)[number],
  /** How long a notification stays on its own; hovering or focusing it always holds it. */
  noticeSeconds: 8 as (typeof NOTICE_SECONDS)[number],
  /** A system notification where a page cannot show one (the browser's own error pages). Needs `notifications`. */
  systemNotifications: false,
  /** Also list requests that were cancelled (net::ERR_ABORTED, NS_BINDING_ABORTED). */
  showAborted: false,
  /** Remove query strings from URLs in copied reports. */
  stripQueryInReports: false,
  /** A watch stops rechecking after this many hours without the request working again. */
  watchGiveUpHours: 24,
  /** Keep the history across restarts in storage.local for this many days; 0: memory only (storage.session). */
  historyDays: 0 as (typeof HISTORY_DAYS)[number],
  /** "Sites I work on": host names, each with its subdomains, as `parseSiteList` keeps them. */
  mySites: [] as string[],
  /** Once `mySites` has entries: what the badge and the in-page notice react to. */
  reactTo: 'all' as (typeof REACT_TO)[number],
  /** Failures of other sites than the page's own (analytics, ads, widgets) are counted but never notified. */
  quietThirdParties: false,
  /** Name the rule behind a CORS refusal: needs listeners that cost page-load time on cross-origin requests. */
  explainCors: false,
};

/** "Sites I work on" holds at most this many hosts (storage.sync allows 8 KB per item). */
export const MAX_MY_SITES = 100;

/** The range the watch limit may take, in hours. */
export const WATCH_HOURS = { min: 1, max: 168 } as const;

export type Options = typeof defaults;

/** Stored values of the wrong type fall back to the default, so a bad sync never breaks the worker. */
export function normalizeOptions(stored: Record<string, unknown>): Options {
  const pick = <T>(value: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
  return {
    notify: pick(stored.notify, NOTIFY_LEVELS, defaults.notify),
    minSeverity: pick(stored.minSeverity, MIN_SEVERITIES, defaults.minSeverity),
    mutedSites: Array.isArray(stored.mutedSites) ? stored.mutedSites.filter((s): s is string => typeof s === 'string') : [],
    position: pick(stored.position, POSITIONS, defaults.position),
    noticeSeconds: pick(stored.noticeSeconds, NOTICE_SECONDS, defaults.noticeSeconds),
    systemNotifications: stored.systemNotifications === true,
    showAborted: stored.showAborted === true,
    stripQueryInReports: stored.stripQueryInReports === true,
    watchGiveUpHours: typeof stored.watchGiveUpHours === 'number' && stored.watchGiveUpHours >= WATCH_HOURS.min && stored.watchGiveUpHours <= WATCH_HOURS.max
      ? stored.watchGiveUpHours : defaults.watchGiveUpHours,
    historyDays: pick(stored.historyDays, HISTORY_DAYS, defaults.historyDays),
    mySites: Array.isArray(stored.mySites) ? stored.mySites.filter((s): s is string => typeof s === 'string' && s.length <= 253).slice(0, MAX_MY_SITES) : [],
    reactTo: pick(stored.reactTo, REACT_TO, defaults.reactTo),
    quietThirdParties: stored.quietThirdParties === true,
    explainCors: stored.explainCors === true,
  };
}
