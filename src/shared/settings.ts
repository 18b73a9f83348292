// User settings, kept in storage.sync. The defaults object is the single source of the type.
import { SEVERITIES } from '../diagnosis/types';

export const NOTIFY_LEVELS = ['off', 'page', 'page-and-api', 'everything'] as const;
export const POSITIONS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export const MIN_SEVERITIES = SEVERITIES;

export const defaults = {
  /** Which failures show an in-page notification: none, the page itself, it and its fetch/XHR calls, or all. */
  notify: 'page-and-api' as (typeof NOTIFY_LEVELS)[number],
  /** Quieter failures than this never notify. */
  minSeverity: 'warning' as (typeof MIN_SEVERITIES)[number],
  /** Sites (host names) where no notification is shown. */
  mutedSites: [] as string[],
  position: 'bottom-right' as (typeof POSITIONS)[number],
  /** A system notification where a page cannot show one (the browser's own error pages). Needs `notifications`. */
  systemNotifications: false,
  /** Also list requests that were cancelled (net::ERR_ABORTED, NS_BINDING_ABORTED). */
  showAborted: false,
  /** Remove query strings from URLs in copied reports. */
  stripQueryInReports: false,
  /** A watch stops rechecking after this many hours without the request working again. */
  watchGiveUpHours: 24,
};

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
    systemNotifications: stored.systemNotifications === true,
    showAborted: stored.showAborted === true,
    stripQueryInReports: stored.stripQueryInReports === true,
    watchGiveUpHours: typeof stored.watchGiveUpHours === 'number' && stored.watchGiveUpHours >= WATCH_HOURS.min && stored.watchGiveUpHours <= WATCH_HOURS.max
      ? stored.watchGiveUpHours : defaults.watchGiveUpHours,
  };
}
