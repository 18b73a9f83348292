// Team mode's requests to the sink, from the worker. They carry the extension's origin as initiator,
// so webRequest tells them apart (recheck.ts `isOwn`) and they never show up as failures, sink down or not.
import { COLUMNS_SQL, INSERT_SQL, jsonEachRow, othersSql, problemOf, queryUrl, readOthers, TEAM_COLUMNS, wrongColumns, type TestProblem } from '../../diagnosis/team/clickhouse';
import type { TeamConfig } from '../../diagnosis/team/config';
import { otlpLogs, otlpLogsUrl } from '../../diagnosis/team/otlp';
import type { TeamRow } from '../../diagnosis/team/record';

const TIMEOUT_MS = 15_000;

export type SendResult = { ok: true } | { ok: false; problem: TestProblem };

function authorization(user: string, password: string): Record<string, string> {
  if (user) return { Authorization: `Basic ${btoa(unescape(encodeURIComponent(`${user}:${password}`)))}` };
  return password ? { Authorization: `Bearer ${password}` } : {};
}

/** A request to the sink: its answer, or why there was none. Never follows a redirect, never sends cookies. */
async function request(url: string, init: RequestInit, headers: Record<string, string>): Promise<{ status: number; text: string } | TestProblem> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(url, { ...init, headers, credentials: 'omit', cache: 'no-store', redirect: 'error', signal: controller.signal });
    return { status: response.status, text: await response.text() };
  } catch {
    // fetch says only "TypeError"; an https endpoint that is reachable over TCP but fails is most often TLS.
    return { kind: url.startsWith('https:') && !controller.signal.aborted ? 'tls' : 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

const isProblem = (answer: { status: number; text: string } | TestProblem): answer is TestProblem => 'kind' in answer;

/** Send rows; they count as delivered only on a 2xx answer. */
export async function sendRows(config: TeamConfig, rows: readonly TeamRow[]): Promise<SendResult> {
  const answer = config.sink === 'otlp'
    ? await request(otlpLogsUrl(config.endpoint), { method: 'POST', body: JSON.stringify(otlpLogs(rows)) }, { 'Content-Type': 'application/json', ...authorization(config.user, config.password) })
    : await request(queryUrl(config.endpoint, INSERT_SQL), { method: 'POST', body: jsonEachRow(rows) }, authorization(config.user, config.password));
  if (isProblem(answer)) return { ok: false, problem: answer };
  if (answer.status >= 200 && answer.status < 300) return { ok: true };
  return { ok: false, problem: problemOf(answer.status, answer.text) };
}

/** Test connection: reach the sink, sign in, and (ClickHouse) find the table with the right columns. */
export async function testConnection(config: TeamConfig): Promise<SendResult> {
  if (config.sink === 'otlp') return sendRows(config, []);
  const answer = await request(queryUrl(config.endpoint, COLUMNS_SQL), { method: 'GET' }, authorization(config.user, config.password));
  if (isProblem(answer)) return { ok: false, problem: answer };
  if (answer.status !== 200) return { ok: false, problem: problemOf(answer.status, answer.text) };
  let columns: string[];
  try {
    columns = wrongColumns(JSON.parse(answer.text));
  } catch {
    return { ok: false, problem: { kind: 'server', status: answer.status, message: answer.text.slice(0, 200) } };
  }
  if (columns.length === 0) return { ok: true };
  // No column at all: the table is not there (system.columns lists none rather than failing).
  return { ok: false, problem: columns.length === Object.keys(TEAM_COLUMNS).length ? { kind: 'table-missing' } : { kind: 'wrong-columns', columns } };
}

/** "Is it only me?": other installs that saw the same host, path and code in the last hour. */
export async function askOthers(config: TeamConfig, installId: string, row: Pick<TeamRow, 'host' | 'path' | 'code'>): Promise<{ others: number; first?: number } | { problem: TestProblem }> {
  const answer = await request(queryUrl(config.endpoint, othersSql(installId, row)), { method: 'GET' }, authorization(config.readUser, config.readPassword));
  if (isProblem(answer)) return { problem: answer };
  if (answer.status !== 200) return { problem: problemOf(answer.status, answer.text) };
  try {
    return readOthers(JSON.parse(answer.text)) ?? { problem: { kind: 'server', status: 200, message: 'unexpected answer' } };
  } catch {
    return { problem: { kind: 'server', status: 200, message: 'unexpected answer' } };
  }
}
