// @ts-check
// A real nginx in front of dead/hanging upstreams, so 502/504/444 come from nginx itself.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const NGINX_BIN = '/usr/sbin/nginx';

/**
 * Finds a currently free loopback port (bind to port 0, read it, release it).
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ dir: string, port: number, deadPort: number, hangPort: number }} o
 * @returns {string}
 */
function nginxConf({ dir, port, deadPort, hangPort }) {
  // add_header is not inherited into a location that declares its own, so CORS is repeated there.
  const cors = 'add_header Access-Control-Allow-Origin * always; add_header Access-Control-Expose-Headers * always;';
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  default_type text/plain;
  server_tokens off;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    ${cors}
    add_header Cache-Control no-store always;
    location = /bad-gateway { proxy_pass http://127.0.0.1:${deadPort}; }
    location = /gateway-timeout { proxy_pass http://127.0.0.1:${hangPort}/hang; proxy_read_timeout 1s; }
    location = /no-response { return 444; }
    location = /maintenance {
      ${cors}
      add_header Cache-Control no-store always;
      add_header Retry-After 120 always;
      return 503 "down for maintenance\\n";
    }
    location = /ok { return 200 "ok\\n"; }
    location / { return 404 "not found\\n"; }
  }
}
`;
}

/**
 * Resolves once something accepts TCP connections on the port, rejects after `ms`.
 * @param {number} port
 * @param {number} ms
 * @param {() => string | null} failed returns a reason when waiting is pointless (child died)
 * @returns {Promise<void>}
 */
async function waitForPort(port, ms, failed) {
  const deadline = Date.now() + ms;
  for (;;) {
    const reason = failed();
    if (reason) throw new Error(reason);
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts Debian's nginx with a throwaway config.
 * @param {{ deadPort: number, hangPort: number }} ports closed port (for 502) and Node server with /hang (for 504)
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function startNginx({ deadPort, hangPort }) {
  if (!existsSync(NGINX_BIN)) throw new Error('nginx is missing: run  apt-get install -y nginx-light');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'request-doctor-nginx-'));
  const port = await freePort();
  writeFileSync(path.join(dir, 'nginx.conf'), nginxConf({ dir, port, deadPort, hangPort }));
  // Own process group, so the worker dies with the master even on SIGKILL.
  const child = spawn(NGINX_BIN, ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`, '-g', 'daemon off;'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => child.once('exit', () => resolve()));
  let running = true;
  child.once('exit', () => { running = false; });
  child.once('error', (e) => { stderr += String(e); running = false; });

  const killGroup = (/** @type {NodeJS.Signals} */ sig) => {
    try { if (child.pid) process.kill(-child.pid, sig); } catch { /* already gone */ }
  };
  // Last resort if the test process exits without calling close().
  const onExit = () => { killGroup('SIGKILL'); rmSync(dir, { recursive: true, force: true }); };
  process.once('exit', onExit);

  /** @type {Promise<void> | undefined} */
  let closing;
  const close = () => (closing ??= (async () => {
    process.removeListener('exit', onExit);
    if (running) {
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    }
    killGroup('SIGKILL'); // the worker may outlive a master that was killed
    rmSync(dir, { recursive: true, force: true });
  })());

  try {
    await waitForPort(port, 5000, () => {
      if (running) return null;
      let log = '';
      try { log = readFileSync(path.join(dir, 'error.log'), 'utf8'); } catch { /* no log yet */ }
      return `nginx exited early: ${stderr}${log}`.trim();
    });
  } catch (e) {
    await close();
    throw e;
  }
  return { origin: `http://127.0.0.1:${port}`, close };
}
