import { describe, expect, it } from 'vitest';
import { clickHouseTime, jsonEachRow, othersSql, problemOf, queryUrl, readOthers, TEAM_COLUMNS, wrongColumns } from './clickhouse';
import { otlpLogs, otlpLogsUrl } from './otlp';
import { droppedRow, failureRow, type Failure } from './record';

const sender = { installId: 'i-1', browser: 'Firefox', browserVersion: '128.0', extensionVersion: '0.1.0' };
const failure: Failure = {
  url: 'https://api.example.com/v1/items?x=1', method: 'POST', type: 'fetch', tabId: 1, timeStamp: 0,
  stage: 'dns', code: 'net::ERR_NAME_NOT_RESOLVED', errorName: 'NAME_NOT_RESOLVED', severity: 'error', blocked: false,
};
const row = failureRow(failure, 'i-1:1', Date.UTC(2026, 11, 8, 2, 0, 0, 250), sender, false);

describe('ClickHouse sink', () => {
  it('writes one JSON object per line, with a DateTime every version parses', () => {
    const lines = jsonEachRow([row, row]).split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 'i-1:1', time: '2026-12-08 02:00:00', status: 0 });
    expect(Object.keys(JSON.parse(lines[0]!)).sort()).toEqual(Object.keys(TEAM_COLUMNS).sort());
    expect(clickHouseTime(0)).toBe('1970-01-01 00:00:00');
  });

  it('keeps the endpoint path and never puts credentials in the URL', () => {
    expect(queryUrl('https://ch.example:8443/proxy/', 'SELECT 1')).toBe('https://ch.example:8443/proxy/?query=SELECT+1');
  });

  it.each([
    [401, 'Code: 193, e.displayText() = DB::Exception: Wrong password for user x', { kind: 'auth', status: 401 }],
    [403, 'Forbidden', { kind: 'auth', status: 403 }],
    [500, 'Code: 516, DB::Exception: default: Authentication failed', { kind: 'auth', status: 500 }],
    [404, 'Code: 60, e.displayText() = DB::Exception: Table request_doctor.failures doesn\'t exist.', { kind: 'table-missing' }],
    [500, 'Code: 16, No such column nope\nmore', { kind: 'server', status: 500, message: 'Code: 16, No such column nope' }],
  ])('status %i %j is %j', (status, text, problem) => {
    expect(problemOf(status, text)).toEqual(problem);
  });

  it('names the columns that are missing or of another type', () => {
    const data = Object.entries(TEAM_COLUMNS).map(([name, type]) => [name, type]);
    expect(wrongColumns({ data })).toEqual([]);
    expect(wrongColumns({ data: data.filter(([name]) => name !== 'page_host').map(([name, type]) => [name, name === 'status' ? 'String' : type]) })).toEqual(['status', 'page_host']);
    expect(wrongColumns('nonsense')).toEqual(Object.keys(TEAM_COLUMNS));
  });

  it('asks for other installs only, quoting what the page controls', () => {
    const sql = othersSql("me'", { host: 'a.test', path: "/x'; DROP TABLE t; --\\", code: '404' });
    expect(sql).toContain("path = '/x\\'; DROP TABLE t; --\\\\'");
    expect(sql).toContain("install_id != 'me\\''");
    expect(sql).toContain('now() - 3600');
  });

  it.each([
    [{ data: [{ others: '7', first: '1796695200' }] }, { others: 7, first: 1_796_695_200_000 }],
    [{ data: [{ others: '0', first: '0' }] }, { others: 0 }],
    [{ data: [] }, undefined],
    [null, undefined],
  ])('reads %j as %j', (answer, others) => {
    expect(readOthers(answer)).toEqual(others);
  });
});

describe('OpenTelemetry sink', () => {
  it('maps a row to a log record with the stable HTTP attributes and our own', () => {
    const body = otlpLogs([row]) as { resourceLogs: { resource: { attributes: unknown[] }; scopeLogs: { logRecords: Record<string, unknown>[] }[] }[] };
    const record = body.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    const attributes = Object.fromEntries((record.attributes as { key: string; value: Record<string, string> }[]).map(({ key, value }) => [key, Object.values(value)[0]]));
    expect(attributes).toEqual({
      'url.full': 'https://api.example.com/v1/items', 'http.request.method': 'POST', 'error.type': 'NAME_NOT_RESOLVED',
      'server.address': 'api.example.com', 'request_doctor.id': 'i-1:1', 'request_doctor.kind': 'failure', 'request_doctor.stage': 'dns',
      'request_doctor.cause': 'NAME_NOT_RESOLVED', 'request_doctor.code': 'net::ERR_NAME_NOT_RESOLVED', 'request_doctor.resource_type': 'fetch',
      'request_doctor.count': '1',
    });
    expect([record.timeUnixNano, record.severityNumber, record.severityText]).toEqual(['1796695200250000000', 17, 'ERROR']);
    expect(body.resourceLogs[0]!.resource.attributes).toContainEqual({ key: 'service.instance.id', value: { stringValue: 'i-1' } });
  });

  it('writes a time with fractions of a millisecond as whole nanoseconds', () => {
    const json = JSON.stringify(otlpLogs([{ ...row, time: 1_796_695_200_250.5 }]));
    expect(json).toContain('"timeUnixNano":"1796695200251000000"');
  });

  it('uses the status code as error.type for HTTP errors', () => {
    const http = failureRow({ ...failure, code: '503', errorName: undefined, statusCode: 503, stage: 'wait' }, 'x', 0, sender, false);
    const attributes = (otlpLogs([http]) as { resourceLogs: { scopeLogs: { logRecords: { attributes: { key: string; value: unknown }[] }[] }[] }[] })
      .resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!.attributes;
    expect(attributes).toContainEqual({ key: 'error.type', value: { stringValue: '503' } });
    expect(attributes).toContainEqual({ key: 'http.response.status_code', value: { intValue: '503' } });
  });

  it('reports a drop without HTTP attributes', () => {
    const json = JSON.stringify(otlpLogs([droppedRow(3, 'd', 0, sender)]));
    expect(json).toContain('3 failures dropped');
    expect(json).not.toContain('url.full');
  });

  it.each([
    ['http://127.0.0.1:4318', 'http://127.0.0.1:4318/v1/logs'],
    ['http://collector.test/otlp/', 'http://collector.test/otlp/v1/logs'],
    ['http://collector.test/v1/logs', 'http://collector.test/v1/logs'],
  ])('%s posts to %s', (endpoint, url) => {
    expect(otlpLogsUrl(endpoint)).toBe(url);
  });
});
