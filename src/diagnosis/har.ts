// A DevTools HAR entry → the same failure record the background stores, so DevTools shows the same card.
import type { FailureRecord } from './types';
import { observe } from './observe';
import type { HarEntry } from './timings';

/** DevTools' `_resourceType` → webRequest's resource type. A document may be a frame's: DevTools does not say. */
const RESOURCE_TYPES: Readonly<Record<string, string>> = {
  document: 'main_frame', stylesheet: 'stylesheet', image: 'image', media: 'media', font: 'font', script: 'script',
  xhr: 'xmlhttprequest', fetch: 'xmlhttprequest', eventsource: 'xmlhttprequest', websocket: 'websocket',
  ping: 'ping', 'csp-violation-report': 'csp_report', manifest: 'other', other: 'other',
};

/** The request's `Sec-Fetch-Dest` → webRequest's type, for recorders without `_resourceType` (Firefox). */
const FETCH_DESTINATIONS: Readonly<Record<string, string>> = {
  document: 'main_frame', iframe: 'sub_frame', frame: 'sub_frame', style: 'stylesheet', image: 'image', font: 'font',
  script: 'script', audio: 'media', video: 'media', track: 'media', object: 'object', embed: 'object',
  empty: 'xmlhttprequest', report: 'csp_report',
};

function resourceType(entry: HarEntry): string {
  if (entry._resourceType) return RESOURCE_TYPES[entry._resourceType] ?? 'other';
  const dest = entry.request?.headers?.find((header) => header.name?.toLowerCase() === 'sec-fetch-dest')?.value;
  return FETCH_DESTINATIONS[dest?.toLowerCase() ?? ''] ?? 'other';
}

/** The inspected page's URL: its document's request (Chromium names it in `_resourceType`, Firefox in Sec-Fetch-Dest). */
export const harPageUrl = (entries: readonly HarEntry[]): string | undefined =>
  entries.find((entry) => resourceType(entry) === 'main_frame')?.request?.url;

/** HTTP/1.1 "HTTP/1.1", HTTP/2 "h2" or "HTTP/2.0": a status line as webRequest would give it. */
function statusLine(entry: HarEntry): string | undefined {
  const { status, statusText, httpVersion } = entry.response;
  if (!(status > 0)) return undefined;
  const version = httpVersion && /^HTTP\//i.test(httpVersion) ? httpVersion.toUpperCase() : 'HTTP/1.1';
  return `${version} ${status}${statusText ? ` ${statusText}` : ''}`;
}

/** The failure this finished request is, or null when it succeeded. */
export function harFailure(entry: HarEntry, tabId: number): FailureRecord | null {
  const status = typeof entry.response?.status === 'number' ? entry.response.status : 0;
  const started = Date.parse(entry.startedDateTime);
  // Firefox's HAR never names a network error (status 0 and nothing else): it stays a generic failure.
  const error = entry.response?._error || (status > 0 ? undefined : 'net::ERR_FAILED');
  const details = {
    url: entry.request?.url ?? '',
    method: entry.request?.method ?? 'GET',
    type: resourceType(entry),
    tabId,
    timeStamp: Number.isFinite(started) ? started + Math.max(0, entry.time || 0) : Date.now(),
    statusCode: status > 0 ? status : undefined,
    statusLine: statusLine(entry),
    error,
    ip: entry.serverIPAddress?.replace(/^\[|\]$/g, '') || undefined,
    responseHeaders: entry.response?.headers,
  };
  // An error status the browser then gave up on (a stylesheet's 500 whose body was still arriving ends as
  // net::ERR_ABORTED): that status is the failure, by observe's rule, as the background sees it.
  return observe(details, undefined, undefined, status >= 400 && entry.response?._error ? { ...details, error: undefined } : undefined);
}
