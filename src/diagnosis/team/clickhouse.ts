// The ClickHouse sink over its HTTP interface: the insert, the connection test and "is it only me?". Pure.
import type { TeamRow } from './record';

export const TEAM_DATABASE = 'request_doctor';
export const TEAM_TABLE = `${TEAM_DATABASE}.failures`;
/** The columns schema.sql creates, with the types the rows are written for. */
export const TEAM_COLUMNS: Readonly<Record<keyof TeamRow, string>> = {
  id: 'String', kind: 'String', time: 'DateTime', install_id: 'String', url: 'String', host: 'String', path: 'String', query: 'String',
  method: 'String', code: 'String', status: 'UInt16', stage: 'String', cause: 'String', severity: 'String',
  resource_type: 'String', page_host: 'String', browser: 'String', browser_version: 'String',
  extension_version: 'String', recheck: 'String', count: 'UInt32',
};

/** DateTime as every ClickHouse version parses it in JSONEachRow: `YYYY-MM-DD hh:mm:ss`, UTC (the server's zone must be UTC or the column's). */
export const clickHouseTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** The rows as a JSONEachRow body. */
export const jsonEachRow = (rows: readonly TeamRow[]): string =>
  rows.map((row) => JSON.stringify({ ...row, time: clickHouseTime(row.time) })).join('\n') + '\n';

/** The URL of one query on the HTTP interface; credentials go in the Authorization header, never the URL. */
export function queryUrl(endpoint: string, sql: string): string {
  const url = new URL(endpoint);
  url.searchParams.set('query', sql);
  return url.href;
}

export const INSERT_SQL = `INSERT INTO ${TEAM_TABLE} FORMAT JSONEachRow`;
export const COLUMNS_SQL = `SELECT name, type FROM system.columns WHERE database = '${TEAM_DATABASE}' AND table = 'failures' FORMAT JSONCompact`;

/** Why a connection test failed, from what the server answered. */
export type TestProblem =
  | { kind: 'unreachable' }
  | { kind: 'tls' }
  | { kind: 'auth'; status: number }
  | { kind: 'table-missing' }
  | { kind: 'wrong-columns'; columns: string[] }
  | { kind: 'server'; status: number; message: string };

/** The columns that are missing or of another type, from `COLUMNS_SQL`'s answer. */
export function wrongColumns(answer: unknown): string[] {
  const data = (answer as { data?: unknown } | null)?.data;
  const found = new Map<string, string>();
  if (Array.isArray(data)) for (const row of data) if (Array.isArray(row) && typeof row[0] === 'string') found.set(row[0], String(row[1]));
  return Object.entries(TEAM_COLUMNS).filter(([name, type]) => found.get(name) !== type).map(([name]) => name);
}

/** A ClickHouse error answer (status and text) as a test problem. */
export function problemOf(status: number, text: string): TestProblem {
  if (status === 401 || status === 403 || /Code: (193|192|516)\b/.test(text)) return { kind: 'auth', status };
  if (/Code: 60\b/.test(text)) return { kind: 'table-missing' };
  return { kind: 'server', status, message: text.split('\n', 1)[0]!.slice(0, 200) };
}

const quoted = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** What the team saw of the same host, path and code in the last hour, from other installs than this one. */
export function othersSql(installId: string, failure: Pick<TeamRow, 'host' | 'path' | 'code'>): string {
  return `SELECT uniqExact(install_id) AS others, toUnixTimestamp(min(time)) AS first FROM ${TEAM_TABLE}`
    + ` WHERE kind = 'failure' AND host = ${quoted(failure.host)} AND path = ${quoted(failure.path)} AND code = ${quoted(failure.code)}`
    + ` AND time > now() - 3600 AND install_id != ${quoted(installId)} FORMAT JSON`;
}

/** "also seen by N other browsers, first at T" as numbers; none when the answer is not that. */
export function readOthers(answer: unknown): { others: number; first?: number } | undefined {
  const row = (answer as { data?: unknown[] } | null)?.data?.[0] as { others?: unknown; first?: unknown } | undefined;
  const others = Number(row?.others);
  if (!Number.isInteger(others) || others < 0) return undefined;
  const first = Number(row?.first);
  return others > 0 && first > 0 ? { others, first: first * 1000 } : { others };
}
