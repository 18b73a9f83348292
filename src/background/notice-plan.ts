// Pure rules of the in-page notification: which failures notify, how they coalesce, how often it updates.
// No browser API here, so the rules are unit-tested directly.
import { atLeast } from '../diagnosis/severity';
import { kindOf } from '../diagnosis/summary';
import { hostLabel, hostOf, isFavicon } from '../diagnosis/url';
import { OFFLINE_LINE, type FailureRecord, type Notice } from '../shared/protocol';
import type { Options } from '../shared/settings';

export type { Notice, NoticeLine } from '../shared/protocol';

/** Lines remembered per notice; failures beyond them only count towards "and N more". */
export const MAX_TRACKED_LINES = 20;
/** Wait this long after a failure for its siblings, so a burst makes one notification. */
export const DEBOUNCE_MS = 250;
/** At most one update per this interval, however many requests fail. */
export const MIN_INTERVAL_MS = 1000;

const PAGE_TYPES = new Set(['main_frame', 'sub_frame']);
/** webRequest's types of a page's own calls: fetch and XHR are both `xmlhttprequest`. */
const API_TYPES = new Set(['xmlhttprequest', 'websocket']);

/** The origin of a URL; undefined when it has none (opaque origins, unparsable text). */
function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Whether a failure is the page's own: the page itself, a request of the top document, or one made in a
 * frame of the page's origin. A cross-origin frame's failures, its own load included, stay out of the
 * notice (the popup lists them): the notice's size would tell the page what it may not read.
 */
export function ofPageOrigin(record: Pick<FailureRecord, 'type' | 'url' | 'frameId' | 'initiator'>, pageUrl: string | undefined): boolean {
  if (record.type === 'main_frame') return true;
  const page = originOf(pageUrl);
  if (record.type === 'sub_frame') return page !== undefined && originOf(record.url) === page;
  return record.frameId === 0 || (page !== undefined && originOf(record.initiator) === page);
}

/** Whether this failure deserves an in-page notification, under the person's settings. */
export function worthNotifying(record: FailureRecord, options: Options, pageHost: string): boolean {
  if (options.notify === 'off' || record.blocked) return false;
  if (!atLeast(record.severity, options.minSeverity)) return false;
  if (record.code === '404' && isFavicon(record.url)) return false;
  if (pageHost && options.mutedSites.includes(pageHost)) return false;
  if (options.notify === 'page') return PAGE_TYPES.has(record.type);
  if (options.notify === 'page-and-api') return PAGE_TYPES.has(record.type) || API_TYPES.has(record.type);
  return true;
}

/** Where a failure goes: into the in-page notice, a system notification (a page that failed to load shows
 * the browser's own error page, where nothing can be injected), or nowhere. */
export function noticeRoute(record: FailureRecord, pageUrl: string | undefined, options: Options): 'notice' | 'system' | undefined {
  if (!ofPageOrigin(record, pageUrl) || !worthNotifying(record, options, hostOf(pageUrl ?? record.initiator))) return undefined;
  return record.type === 'main_frame' && record.statusCode === undefined ? 'system' : 'notice';
}

/** Why a notice lists fewer failures than the badge counts, as a message key. */
export type LeftOut = 'noticeLeftOutFrames' | 'noticeLeftOutImages' | 'noticeLeftOutOther';

/**
 * The failures a notice lists (the notifiable ones since it began), and why others are left out: another
 * site's frame first (the notice never lists those), then an image (not notified by default).
 */
export function noticeContents(records: readonly FailureRecord[], notice: Notice, pageUrl: string | undefined, options: Options): { listed: FailureRecord[]; leftOut: LeftOut } {
  const listed: FailureRecord[] = [];
  const unlisted: FailureRecord[] = [];
  for (const record of records) {
    if (record.blocked) continue;
    const inNotice = noticeRoute(record, pageUrl, options) === 'notice' && record.lastSeen >= (notice.since ?? 0);
    (inNotice ? listed : unlisted).push(record);
  }
  const leftOut: LeftOut = unlisted.some((r) => !ofPageOrigin(r, pageUrl))
    ? 'noticeLeftOutFrames'
    : unlisted.some((r) => kindOf(r.type) === 'image' && !noticeRoute(r, pageUrl, options)) ? 'noticeLeftOutImages' : 'noticeLeftOutOther';
  return { listed, leftOut };
}

/**
 * Fold one failure into the notice (in place; a new one when there is none): identical code and host share a
 * line; every failure of being offline shares one line, whatever its host.
 */
export function coalesce(notice: Notice | undefined, record: FailureRecord, site: string, position: Options['position']): Notice {
  const next: Notice = notice ?? { tabId: record.tabId, site, total: 0, lines: [], position, revision: 0, since: record.lastSeen };
  next.position = position;
  if (record.private) next.private = true;
  if (record.offline) {
    next.offline = true;
    next.online = undefined;
  }
  const host = record.offline ? '' : hostLabel(record.url);
  const code = record.offline ? OFFLINE_LINE : record.code;
  const line = next.lines.find((l) => l.code === code && l.host === host);
  if (line) line.count += 1;
  else if (next.lines.length < MAX_TRACKED_LINES) {
    // The offline line stands for every host and error; any other line keeps its error's name for its title.
    next.lines.push({ stage: record.stage, code, host, count: 1, ...(record.errorName && code === record.code ? { errorName: record.errorName } : {}) });
  }
  next.lines.sort((a, b) => b.count - a.count);
  next.total += 1;
  next.revision += 1;
  return next;
}

/** Milliseconds until the notice may be (re)drawn: a short debounce, then at most once per interval. */
export function renderDelay(lastRenderAt: number | undefined, now: number): number {
  if (lastRenderAt === undefined) return DEBOUNCE_MS;
  return Math.max(DEBOUNCE_MS, lastRenderAt + MIN_INTERVAL_MS - now);
}
