// @ts-check
// A real ClickHouse (Debian's clickhouse-server) with its own data directory, config and free ports.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './nginx.mjs';

export const CLICKHOUSE_BIN = '/usr/sbin/clickhouse-server';
export const CLICKHOUSE_CLIENT = '/usr/bin/clickhouse-client';
const root = path.dirname(path.dirname(path.dirname(new URL(import.meta.url).pathname)));
/** The users that docs/team/users.xml ships, with the passwords the tests set in place of its placeholders. */
export const TEAM_USERS = { writer: 'writer-secret', reader: 'reader-secret' };

/**
 * @param {{ dir: string, httpPort: number, tcpPort: number }} o
 * @returns {string}
 */
function configXml({ dir, httpPort, tcpPort }) {
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/server.err.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${httpPort}</http_port>
  <tcp_port>${tcpPort}</tcp_port>
  <max_connections>64</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>20</max_concurrent_queries>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <mark_cache_size>67108864</mark_cache_size>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
</yandex>
`;
}

/** docs/team/users.xml with the tests' passwords, plus an unrestricted `default` user (no password) for setup. */
function usersXml() {
  const shipped = readFileSync(path.join(root, 'docs/team/users.xml'), 'utf8')
    .replace('CHANGE-ME-WRITER', TEAM_USERS.writer)
    .replace('CHANGE-ME-READER', TEAM_USERS.reader);
  const admin = `<default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>`;
  return shipped.replace('<users>', `<users>${admin}`).replace('<profiles>', '<profiles><default></default>').replace('<quotas>', '<quotas><default></default>');
}

/**
 * Resolves once the HTTP interface answers `Ok.`, rejects after `ms`.
 * @param {string} origin
 * @param {number} ms
 * @param {() => string | null} failed
 */
async function waitForPing(origin, ms, failed) {
  const deadline = Date.now() + ms;
  for (;;) {
    const reason = failed();
    if (reason) throw new Error(reason);
    const ok = await fetch(`${origin}/ping`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`clickhouse did not answer on ${origin} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts Debian's clickhouse-server on free ports with a throwaway data directory. `stop()` and `start()`
 * stop and start the same server (same data, same ports); `close()` stops it and removes everything.
 * @param {{ schema?: boolean }} [options] run docs/team/schema.sql once it is up (default true)
 */
export async function startClickHouse({ schema = true } = {}) {
  if (!existsSync(CLICKHOUSE_BIN)) throw new Error('clickhouse-server is missing: run  apt-get install -y clickhouse-server');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'request-doctor-clickhouse-'));
  const httpPort = await freePort();
  const tcpPort = await freePort();
  writeFileSync(path.join(dir, 'config.xml'), configXml({ dir, httpPort, tcpPort }));
  writeFileSync(path.join(dir, 'users.xml'), usersXml());
  const origin = `http://127.0.0.1:${httpPort}`;

  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let running = false;
  /** @type {Promise<void>} */
  let exited = Promise.resolve();
  let stderr = '';
  const killGroup = (/** @type {NodeJS.Signals} */ sig) => {
    try { if (child?.pid) process.kill(-child.pid, sig); } catch { /* already gone */ }
  };
  const onExit = () => { killGroup('SIGKILL'); rmSync(dir, { recursive: true, force: true }); };
  process.once('exit', onExit);

  async function start() {
    // Own process group, so nothing outlives the test even on SIGKILL.
    child = spawn(CLICKHOUSE_BIN, ['--config-file', path.join(dir, 'config.xml')], { cwd: dir, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    running = true;
    const started = child;
    started.stderr?.on('data', (d) => { stderr += d; });
    exited = new Promise((resolve) => started.once('exit', () => { running = false; resolve(); }));
    started.once('error', (e) => { stderr += String(e); running = false; });
    await waitForPing(origin, 30_000, () => {
      if (running) return null;
      let log = '';
      try { log = readFileSync(path.join(dir, 'server.err.log'), 'utf8').slice(-2000); } catch { /* no log yet */ }
      return `clickhouse-server exited early: ${stderr}${log}`.trim();
    });
  }

  async function stop() {
    if (!running) return;
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  /**
   * One query over the HTTP interface as `user` (the unrestricted setup user by default); the answer's text.
   * @param {string} sql
   * @param {{ user?: string, password?: string, body?: string }} [as]
   */
  async function query(sql, { user = 'default', password = '', body } = {}) {
    const url = `${origin}/?${new URLSearchParams({ query: sql, user, password })}`;
    const response = await fetch(url, { method: 'POST', body: body ?? '' });
    const text = await response.text();
    if (!response.ok) throw new Error(`ClickHouse ${response.status}: ${text}`);
    return text;
  }

  /** Runs a file of statements as `clickhouse-client --multiquery` does (the way docs/team tells people to). */
  function runFile(/** @type {string} */ file) {
    return new Promise((resolve, reject) => {
      const client = spawn(CLICKHOUSE_CLIENT, ['--port', String(tcpPort), '--multiquery'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      client.stdout.on('data', (d) => { out += d; });
      client.stderr.on('data', (d) => { out += d; });
      client.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`clickhouse-client ${file} exited ${code}: ${out}`))));
      client.stdin.end(readFileSync(file));
    });
  }

  /** @type {Promise<void> | undefined} */
  let closing;
  const close = () => (closing ??= (async () => {
    process.removeListener('exit', onExit);
    await stop();
    rmSync(dir, { recursive: true, force: true });
  })());

  try {
    await start();
    if (schema) await runFile(path.join(root, 'docs/team/schema.sql'));
  } catch (e) {
    await close();
    throw e;
  }
  return { origin, httpPort, tcpPort, query, runFile, start, stop, close };
}
