// What team mode sends about one failure, and who it is sent for. Pure: never headers, cookies or bodies.
import { onHostList } from '../scope';
import type { Classification, Observation } from '../types';

/** Where the rows go. */
export const TEAM_SINKS = ['off', 'clickhouse', 'otlp'] as const;
export type TeamSink = (typeof TEAM_SINKS)[number];

/** The same for every row of one browser: who sends. */
export interface Sender {
  installId: string;
  browser: string;
  browserVersion: string;
  extensionVersion: string;
}

/** One row, named as the ClickHouse columns are (docs/team/schema.sql). `time` in ms since the epoch. */
export interface TeamRow {
  id: string;
  /** `recheck`: the person rechecked a failure; its columns are the failure's, `recheck` the verdict. */
  kind: 'failure' | 'dropped' | 'recheck';
  time: number;
  install_id: string;
  /** The address without query string and fragment (with the query when the person sends them). */
  url: string;
  host: string;
  path: string;
  /** Empty unless the person sends query strings. */
  query: string;
  method: string;
  code: string;
  /** The HTTP status, 0 for network errors. */
  status: number;
  stage: string;
  cause: string;
  severity: string;
  resource_type: string;
  page_host: string;
  browser: string;
  browser_version: string;
  extension_version: string;
  /** The verdict of the person's recheck, when the row reports one. */
  recheck: string;
  count: number;
}

export type Failure = Observation & Classification;

const cut = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

function parts(url: string): { origin: string; host: string; path: string; query: string } {
  try {
    const parsed = new URL(url);
    return { origin: `${parsed.protocol}//${parsed.host}`, host: parsed.hostname, path: parsed.pathname, query: parsed.search.slice(1) };
  } catch {
    return { origin: '', host: '', path: '', query: '' };
  }
}

/** The host of the page a request was made for: the frame itself for documents, else the initiator's. */
export function pageHostOf(failure: Pick<Observation, 'url' | 'type' | 'initiator'>): string {
  if (failure.type === 'main_frame') return parts(failure.url).host;
  return failure.initiator ? parts(failure.initiator).host : '';
}

/** Sent only for "Sites I work on": the request's host or its page's host is on the list; never from a private window. */
export function isTeamFailure(failure: Pick<Observation, 'url' | 'type' | 'initiator' | 'private'>, mySites: readonly string[]): boolean {
  if (failure.private === true || mySites.length === 0) return false;
  return onHostList(parts(failure.url).host, mySites) || onHostList(pageHostOf(failure), mySites);
}

/** What caused it, in one word: the network error's name, `blocked`, or the status class (`http-5xx`). */
export function causeOf(failure: Classification & { statusCode?: number }): string {
  if (failure.blocked) return 'blocked';
  if (failure.errorName) return failure.errorName;
  return failure.statusCode ? `http-${Math.floor(failure.statusCode / 100)}xx` : failure.code;
}

/**
 * One occurrence of a failure as a row, or (`recheck`: its verdict) what a recheck of it showed. `id` is the
 * row's key: a retry sends the same id.
 */
export function failureRow(failure: Failure, id: string, time: number, sender: Sender, includeQuery: boolean, recheck?: string): TeamRow {
  const { origin, host, path, query } = parts(failure.url);
  const sentQuery = includeQuery ? cut(query, 2048) : '';
  return {
    ...senderColumns(sender),
    id,
    kind: recheck ? 'recheck' : 'failure',
    // webRequest's timeStamp has fractions of a millisecond.
    time: Math.round(time),
    url: cut(`${origin}${path}${sentQuery ? `?${sentQuery}` : ''}`, 4096),
    host: cut(host, 253),
    path: cut(path, 2048),
    query: sentQuery,
    method: cut(failure.method, 32),
    code: cut(failure.code, 128),
    status: failure.statusCode ?? 0,
    stage: failure.stage,
    cause: cut(causeOf(failure), 128),
    severity: failure.severity,
    resource_type: cut(failure.type, 32),
    page_host: cut(pageHostOf(failure), 253),
    recheck: recheck ? cut(recheck, 32) : '',
    count: 1,
  };
}

/** The row that reports how many records the full queue dropped. */
export function droppedRow(count: number, id: string, time: number, sender: Sender): TeamRow {
  return {
    ...senderColumns(sender), id, kind: 'dropped', time, url: '', host: '', path: '', query: '', method: '', code: '', status: 0,
    stage: '', cause: 'queue-full', severity: '', resource_type: '', page_host: '', recheck: '', count,
  };
}

const senderColumns = (sender: Sender) => ({
  install_id: sender.installId,
  browser: sender.browser,
  browser_version: sender.browserVersion,
  extension_version: sender.extensionVersion,
});
