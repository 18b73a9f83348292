// docs/team/schema.sql and users.xml against Debian's real ClickHouse: what the extension writes fits,
// a retried batch is one row, and each user can do only its part.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS_SQL, INSERT_SQL, jsonEachRow, wrongColumns } from '../../src/diagnosis/team/clickhouse';
import { failureRow, type Failure } from '../../src/diagnosis/team/record';
import { startClickHouse, TEAM_USERS } from '../servers/clickhouse.mjs';

type ClickHouse = Awaited<ReturnType<typeof startClickHouse>>;
let ch: ClickHouse;
const writer = { user: 'request_doctor_writer', password: TEAM_USERS.writer };
const reader = { user: 'request_doctor_reader', password: TEAM_USERS.reader };
const sender = { installId: 'install-a', browser: 'Chromium', browserVersion: '120', extensionVersion: '0.1.0' };
const failure: Failure = {
  url: 'https://app.example.com/api/items?id=1', method: 'GET', type: 'xmlhttprequest', tabId: 1, timeStamp: 0,
  stage: 'wait', code: '503', statusCode: 503, severity: 'error', blocked: false, initiator: 'https://app.example.com',
};

beforeAll(async () => {
  ch = await startClickHouse();
});
afterAll(() => ch?.close());

describe('team schema on Debian ClickHouse', () => {
  it('creates the database and a table with exactly the columns the extension writes', async () => {
    expect(await ch.query('SELECT version()')).toMatch(/^\d+\.\d+/);
    expect(wrongColumns(JSON.parse(await ch.query(COLUMNS_SQL, writer)))).toEqual([]);
  });

  it('keeps one row per id when a batch is sent again', async () => {
    const rows = [failureRow(failure, 'install-a:1', Date.now(), sender, false), failureRow(failure, 'install-a:2', Date.now(), sender, false)];
    await ch.query(INSERT_SQL, { ...writer, body: jsonEachRow(rows) });
    await ch.query(INSERT_SQL, { ...writer, body: jsonEachRow(rows) });
    const counted = JSON.parse(await ch.query("SELECT uniqExact(id) AS ids, (SELECT count() FROM request_doctor.failures FINAL WHERE install_id = 'install-a') AS final FROM request_doctor.failures WHERE install_id = 'install-a' FORMAT JSON", reader));
    expect(counted.data[0]).toEqual({ ids: '2', final: '2' });
  });

  it('lets the writer insert but not change the schema, and the reader only read', async () => {
    await expect(ch.query('DROP TABLE request_doctor.failures', writer)).rejects.toThrow(/DDL queries are prohibited/);
    await expect(ch.query(INSERT_SQL, { ...reader, body: jsonEachRow([failureRow(failure, 'r:1', Date.now(), sender, false)]) })).rejects.toThrow(/readonly/);
    await expect(ch.query('SELECT 1', { ...writer, password: 'wrong' })).rejects.toThrow(/ClickHouse 401/);
  });

  it('running the schema again changes nothing', async () => {
    await ch.runFile(new URL('../../docs/team/schema.sql', import.meta.url).pathname);
    expect(await ch.query("SELECT count() FROM request_doctor.failures WHERE install_id = 'install-a'")).toBe('4\n');
  });

  it("docs/team/dashboard.sql runs on Debian's ClickHouse", async () => {
    const out = await ch.runFile(new URL('../../docs/team/dashboard.sql', import.meta.url).pathname);
    expect(out).toContain('app.example.com\t/api/items\t503\t2\t1');
  });
});
