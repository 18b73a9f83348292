// @ts-check
// Real local servers that fail on purpose, for end-to-end tests and the `npm start` demo.
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { demoPage } from './demo-page.mjs';
import { freePort, startNginx } from './nginx.mjs';

const certDir = new URL('./certs/', import.meta.url);
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Allow-Methods': '*',
  'Access-Control-Expose-Headers': '*',
  'Cache-Control': 'no-store',
};

/** @param {string} body */
const html = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">${body}</html>`;

/**
 * Tells the test when every sub-resource has settled, whatever the outcome.
 * @param {number} n @param {string} title
 */
const countdown = (n, title) => `let left = ${n};
const done = () => { if (--left <= 0) { window.__done = true; document.title = ${JSON.stringify(title)}; } };
if (left <= 0) { left = 1; done(); }`;

/** @param {URLSearchParams} q @param {number} fallback */
const count = (q, fallback) => {
  const n = Number.parseInt(q.get('n') ?? '', 10);
  return Number.isFinite(n) ? Math.max(0, Math.min(10000, n)) : fallback;
};

const strictScript = "document.title = 'strict'; fetch('/status/409', { method: 'PUT' }).finally(() => { window.__done = true; });";
const strictScriptHash = createHash('sha256').update(strictScript).digest('base64');
const strictPage = html(`<title>strict</title></head><body><p>strict CSP</p><script>${strictScript}</script></body>`);
// Styles that try to break or cover anything injected: reset everything, giant fonts, z-index wars.
const hostilePage = html(`<title>hostile</title><style>
* { all: unset !important; font-size: 80px !important; z-index: 1 !important; }
iframe, [popover], :not(html):not(head):not(body) { display: none !important; }
#cover { display: block !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; background: red !important; }
</style></head><body><div id="cover">cover</div><script>fetch('/status/409', { method: 'PATCH' }).finally(() => { window.__done = true; });</script></body>`);

/** @param {URLSearchParams} q */
const manyKind = (q) => (q.get('kind') === 'mixed' || q.get('kind') === 'cors' ? q.get('kind') : 'image');

const pages = {
  blank: () => html('<title>blank</title></head><body>blank</body>'),
  clean: (/** @type {URLSearchParams} */ q) => html(`<title>clean</title></head><body><script>${countdown(count(q, 50), 'clean done')}
for (let k = 0; k < ${count(q, 50)}; k++) {
  if (k % 3 === 0) { const i = new Image(); i.onload = i.onerror = done; i.src = '/ok/i' + k + '.gif'; document.body.append(i); }
  else if (k % 3 === 1) { const s = document.createElement('script'); s.onload = s.onerror = done; s.src = '/ok/s' + k + '.js'; document.head.append(s); }
  else fetch('/ok/f' + k + '.json').then((r) => r.json()).finally(done);
}</script></body>`),
  abort: () => html(`<title>abort</title></head><body><script>
const c = new AbortController();
fetch('/hang', { signal: c.signal }).catch(() => { window.__done = true; document.title = 'aborted'; });
setTimeout(() => c.abort(), 200);</script></body>`),
  // Fetches ?u= (e.g. from inside an iframe) and says when it settled.
  fetch: (/** @type {URLSearchParams} */ q) => html(`<title>fetching</title></head><body><script>
fetch(${JSON.stringify(q.get('u') ?? '/status/500').replace(/</g, '\\u003c')}, { credentials: 'omit' }).catch(() => {}).finally(() => { document.title = 'fetched'; });
</script></body>`),
  many: (/** @type {URLSearchParams} */ q) => html(`<title>many</title></head><body><script>${countdown(count(q, 300), 'done')}
const fail = ${Math.max(0, Math.min(1, Number(q.get('fail') ?? 0.1) || 0))};
for (let k = 0; k < ${count(q, 300)}; k++) {
  // Evenly spread failures: exactly floor(n * fail) of them, deterministic across runs.
  const bad = Math.floor((k + 1) * fail) > Math.floor(k * fail);
  // &kind=mixed: scripts and stylesheets in turn instead of images (the extension hears those on one more event).
  // &kind=cors: cross-origin fetches (localhost to 127.0.0.1), allowed with *, failing ones refused under CORS.
  const kind = ${JSON.stringify(manyKind(q))} === 'mixed' ? (k % 2 ? 'style' : 'script') : ${JSON.stringify(manyKind(q))};
  if (kind === 'cors') {
    // Load the page on localhost: its fetches go to 127.0.0.1, another origin.
    const other = location.origin.replace('localhost', '127.0.0.1');
    fetch(other + '/cors/many?k=' + k + (bad ? '&acao=none' : '&acao=*')).catch(() => {}).finally(done);
    continue;
  }
  const ext = kind === 'script' ? '.js' : kind === 'style' ? '.css' : '.gif';
  const url = bad ? '/status/404?k=' + k : '/ok/m' + k + ext;
  const i = kind === 'script' ? Object.assign(document.createElement('script'), { src: url })
    : kind === 'style' ? Object.assign(document.createElement('link'), { rel: 'stylesheet', href: url }) : Object.assign(new Image(), { src: url });
  i.onload = i.onerror = done;
  (kind === 'image' ? document.body : document.head).append(i);
}</script></body>`),
};

/**
 * `burst(n, distinct)` fires n failing fetches at once over `distinct` URLs (404, 500 and refused in turn)
 * and resolves with how many failed as the page saw it, and when the last one settled.
 * @param {string} refusedOrigin
 */
const burstPage = (refusedOrigin) => html(`<title>burst</title></head><body><script>
window.burst = async (n, distinct) => {
  const url = (k) => [\`/status/404?b=\${k}\`, \`/status/500?b=\${k}\`, \`${refusedOrigin}/b\${k}\`][k % 3];
  let failed = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: n }, (_, i) =>
    fetch(url(i % distinct), { credentials: 'omit' }).then((r) => { if (!r.ok) failed += 1; }, () => { failed += 1; })));
  return { failed, ms: performance.now() - started, lastAt: Date.now() };
};</script></body>`);

/**
 * Sends any status 100–999, falling back to a raw response if Node refuses the code.
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {number} code @param {URLSearchParams} q
 */
function sendStatus(req, res, code, q) {
  const json = q.get('type') === 'json';
  const reason = http.STATUS_CODES[code] ?? 'Unknown';
  const body = json ? JSON.stringify({ title: reason, status: code, detail: q.get('detail') ?? undefined }) : `${code} ${reason}\n`;
  /** @type {Record<string, string>} */
  const headers = { ...CORS, 'Content-Type': json ? 'application/problem+json' : 'text/plain; charset=utf-8' };
  for (const h of q.getAll('h')) {
    const [name, value] = [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()];
    // Invalid names/values are skipped so only the status code can make writeHead throw.
    try { http.validateHeaderName(name); http.validateHeaderValue(name, value); headers[name] = value; } catch { /* skip */ }
  }
  try {
    res.writeHead(code, headers).end(body);
  } catch {
    const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    req.socket.end(`HTTP/1.1 ${code} ${reason}\r\n${head}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
}

/**
 * A cross-origin answer with exactly the CORS headers the query asks for, and nothing else:
 * `acao` (`echo` = the request's Origin, `none`, or a value; repeated = several headers), `acac=true`,
 * `status`; for the preflight (OPTIONS): `pre` (status; 3xx redirects to /ok/), `preAcao` (default `echo`),
 * `methods` and `headers` (Access-Control-Allow-Methods/-Headers). Every answer says `Vary: Origin`.
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {URLSearchParams} q
 */
function corsAnswer(req, res, q) {
  const origin = req.headers.origin ?? 'null';
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  /** @type {[string, string][]} */
  const headers = [['Cache-Control', 'no-store'], ['Vary', 'Origin'], ['Content-Type', 'text/plain; charset=utf-8']];
  const allowOrigins = preflight ? [q.get('preAcao') ?? 'echo'] : q.getAll('acao');
  for (const value of allowOrigins) if (value !== 'none') headers.push(['Access-Control-Allow-Origin', value === 'echo' ? origin : value]);
  if (q.get('acac') === 'true') headers.push(['Access-Control-Allow-Credentials', 'true']);
  let code = Number(q.get('status')) || 200;
  if (preflight) {
    code = Number(q.get('pre')) || 204;
    if (q.has('methods')) headers.push(['Access-Control-Allow-Methods', q.get('methods') ?? '']);
    if (q.has('headers')) headers.push(['Access-Control-Allow-Headers', q.get('headers') ?? '']);
    if (code >= 300 && code < 400) headers.push(['Location', '/ok/preflight-redirected']);
  }
  res.writeHead(code, headers.flat()).end(preflight ? '' : `${code} cors\n`);
}

/** @typedef {{ origin: string, httpsOrigin: string, refusedOrigin: string, nginxOrigin: string | null, seen: Map<string, number> }} Site */

/**
 * @param {Site} site
 * @returns {http.RequestListener}
 */
function router(site) {
  return (req, res) => {
    // Every request counted by method and path: tests check what reached the server (e.g. no second POST).
    const seenKey = `${req.method} ${new URL(req.url ?? '/', 'http://127.0.0.1').pathname}`;
    site.seen.set(seenKey, (site.seen.get(seenKey) ?? 0) + 1);
    // A bad query (e.g. an invalid Location) must answer 500, not crash the test run.
    try { route(site, req, res); } catch (e) { if (!res.headersSent) res.writeHead(500, 'Internal Server Error', CORS).end(String(e)); else res.destroy(); }
  };
}

/**
 * How many GET/HEAD requests reached a path so far, this one included.
 * @param {Site} site @param {string} path
 */
const answered = (site, path) => (site.seen.get(`GET ${path}`) ?? 0) + (site.seen.get(`HEAD ${path}`) ?? 0);

/**
 * @param {Site} site
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res
 */
function route(site, req, res) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const q = url.searchParams;
  const p = url.pathname;
  /** @type {(code: number, type: string, body: string | Buffer, extra?: object) => void} */
  const send = (code, type, body, extra = {}) => { res.writeHead(code, { ...CORS, 'Content-Type': type, ...extra }).end(body); };
  let m;
  // /cors/<name>?...: an answer whose CORS headers the query sets (see corsAnswer); before the default preflight answer.
  if (p.startsWith('/cors/')) return corsAnswer(req, res, q);
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) return send(204, 'text/plain', '');
  if ((m = /^\/status\/([1-9]\d\d)$/.exec(p))) return sendStatus(req, res, Number(m[1]), q);
  // TLS sockets cannot reset themselves; the raw TCP socket underneath (_parent) can.
  if (p === '/reset') return void (/** @type {any} */ (req.socket)._parent ?? req.socket).resetAndDestroy();
  if (p === '/empty') return void req.socket.destroy();
  // A slow first byte: the answer (any status) starts after ?ms= milliseconds.
  if (p === '/slow') {
    const ms = Math.max(0, Math.min(60_000, Number(q.get('ms')) || 0));
    const code = Number(q.get('status')) || 200;
    const timer = setTimeout(() => sendStatus(req, res, code >= 100 && code <= 999 ? code : 200, q), ms);
    req.socket.once('close', () => clearTimeout(timer));
    return;
  }
  if (p === '/hang') return; // the socket stays open until the client gives up or close() destroys it
  // /held-body?status=500: the status and headers at once, then a body that never ends. Blink cancels a
  // script, stylesheet or font on the status alone, so the browser reports the cancel, never the end.
  if (p === '/held-body') {
    const code = Number(q.get('status')) || 500;
    res.writeHead(code >= 400 && code <= 599 ? code : 500, { ...CORS, 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '120' });
    res.write(`${code} and more to come\n`);
    if (q.has('stream')) {
      // Or a long body, arriving in pieces.
      let sent = 0;
      const timer = setInterval(() => (++sent >= 100 ? (clearInterval(timer), res.end('end\n')) : res.write('x'.repeat(16_384))), 20);
      req.socket.once('close', () => clearInterval(timer));
    }
    return;
  }
  if (p === '/loop') return send(302, 'text/plain', 'loop\n', { Location: '/loop2' });
  if (p === '/loop2') return send(302, 'text/plain', 'loop\n', { Location: '/loop' });
  if (p === '/redirect-to') return q.get('to') ? send(302, 'text/plain', 'redirect\n', { Location: q.get('to') }) : send(400, 'text/plain', 'missing ?to=\n');
  if (p === '/favicon.ico') return send(204, 'text/plain', '');
  // A site's own service worker: its requests belong to no tab (tabId -1). It fetches ?url= once installed.
  if (p === '/tabless-sw.js') return send(200, 'text/javascript', `self.addEventListener('install', (e) => e.waitUntil(fetch(${JSON.stringify(q.get('url') ?? '/ok/sw')}).catch(() => {})));`);
  // Answers that change over time, for rechecks and watches. Each path has its own count, so a
  // test uses a fresh name per case. /flaky/<name>?fail=3&code=503: `code` for the first 3 GETs, then 200.
  // &later=ms: the 200 comes that much later (a check still out while someone stops the watch).
  if ((m = /^\/flaky\/[\w-]+$/.exec(p))) {
    const fail = Number(q.get('fail') ?? 1);
    if (answered(site, p) <= fail) return sendStatus(req, res, Number(q.get('code') ?? 503), q);
    const timer = setTimeout(() => {
      send(200, 'text/plain', 'back\n');
      site.seen.set(`answered ${p}`, answered(site, p)); // when a test must know the late answer is out
    }, Math.max(0, Math.min(60_000, Number(q.get('later')) || 0)));
    req.socket.once('close', () => clearTimeout(timer));
    return;
  }
  // /changing/<name>?first=500&then=409: the first GET gets `first`, every later one `then`.
  if ((m = /^\/changing\/[\w-]+$/.exec(p))) return sendStatus(req, res, Number(answered(site, p) <= 1 ? q.get('first') : q.get('then')), q);
  // /then-hang/<name>: 503 for the first GET, then no answer at all (a server that stopped responding).
  if ((m = /^\/then-hang\/[\w-]+$/.exec(p))) return answered(site, p) <= 1 ? sendStatus(req, res, 503, q) : undefined;
  // /then-redirect/<name>?to=URL: 503 for the first GET, then a 302 to `to` (a recheck or watch must not follow it off the site).
  if ((m = /^\/then-redirect\/[\w-]+$/.exec(p))) {
    return answered(site, p) <= 1 ? sendStatus(req, res, 503, q) : send(302, 'text/plain', 'moved\n', { Location: q.get('to') ?? '/' });
  }
  // Where those redirects point: 200, counted like every request.
  if (p.startsWith('/landing/')) return send(200, 'text/plain', 'landed\n');
  // /cookie-seen/<name>: always 503, with CORS for credentialed requests; counts the requests that carried a Cookie header.
  if ((m = /^\/cookie-seen\/[\w-]+$/.exec(p))) {
    if (req.headers.cookie) site.seen.set(`cookie ${p}`, (site.seen.get(`cookie ${p}`) ?? 0) + 1);
    return void res.writeHead(503, { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Access-Control-Allow-Credentials': 'true', 'Cache-Control': 'no-store', 'Content-Type': 'text/plain' }).end('503\n');
  }
  // JSON that must not be sniffed: loaded as another origin's <img>, the browser blocks it (ORB).
  if (p.startsWith('/nosniff-json/')) return send(200, 'application/json', '{"secret":1}', { 'X-Content-Type-Options': 'nosniff' });
  // No Access-Control-Allow-Origin: another origin's fetch of it is refused by CORS.
  if (p.startsWith('/no-cors/')) return void res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end('{}');
  // 400 while the request carries the cookie `big` (as a page-set cookie that grew too large would), 200 without.
  if (p === '/cookie-400') return /(^|;\s*)big=/.test(req.headers.cookie ?? '') ? sendStatus(req, res, 400, q) : send(200, 'text/plain', 'fine\n');
  if (p.startsWith('/ok/')) {
    if (/\.(gif|png)$/.test(p)) return send(200, 'image/gif', GIF);
    if (p.endsWith('.js')) return send(200, 'text/javascript', '/* ok */');
    if (p.endsWith('.css')) return send(200, 'text/css', '');
    if (p.endsWith('.json')) return send(200, 'application/json', '{}');
    return send(200, 'text/plain', 'ok');
  }
  // A text body, so the image fails to decode as well as failing on status.
  if ((m = /^\/img\/([1-9]\d\d)\.gif$/.exec(p))) return sendStatus(req, res, Number(m[1]), new URLSearchParams());
  if (p === '/demo') return send(200, 'text/html; charset=utf-8', demoPage(site));
  if (p === '/pages/burst') return send(200, 'text/html; charset=utf-8', burstPage(site.refusedOrigin));
  // A page that forbids everything it can: strict CSP with Trusted Types enforced.
  if (p === '/pages/strict') return send(200, 'text/html; charset=utf-8', strictPage, {
    'Content-Security-Policy': "default-src 'none'; script-src 'sha256-" + strictScriptHash + "'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'",
  });
  if (p === '/pages/hostile') return send(200, 'text/html; charset=utf-8', hostilePage);
  const name = p.replace(/^\/pages\//, '');
  if (p.startsWith('/pages/') && Object.hasOwn(pages, name)) return send(200, 'text/html; charset=utf-8', pages[/** @type {keyof typeof pages} */ (name)](q));
  send(404, 'text/plain', 'not found\n');
}

/**
 * @param {http.Server} server @param {number} port
 * @returns {Promise<number>} the bound port
 */
const listen = (server, port) => new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, '127.0.0.1', () => resolve(/** @type {import('node:net').AddressInfo} */ (server.address()).port));
});

/**
 * Starts the Node HTTP + HTTPS servers, reserves a closed port and (unless disabled) a real nginx.
 * @param {{ port?: number, httpsPort?: number, nginx?: boolean }} [options]
 */
export async function startSite(options = {}) {
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  /** @type {Site} */
  const site = { origin: '', httpsOrigin: '', refusedOrigin: '', nginxOrigin: null, seen: new Map() };
  const handler = router(site);
  const tls = { key: readFileSync(new URL('self-signed.key', certDir)), cert: readFileSync(new URL('self-signed.crt', certDir)) };
  const httpServer = http.createServer(handler);
  const httpsServer = https.createServer(tls, handler);
  const servers = [httpServer, httpsServer];
  // Track raw sockets so close() can cut hanging and keep-alive connections immediately.
  for (const s of servers) s.on('connection', (sock) => { sockets.add(sock); sock.once('close', () => sockets.delete(sock)); });

  /** @type {{ origin: string, close: () => Promise<void> } | null} */
  let nginx = null;
  /** @type {Promise<void> | undefined} */
  let closing;
  const close = () => (closing ??= (async () => {
    const stopped = servers.map((s) => new Promise((r) => (s.listening ? s.close(() => r(undefined)) : r(undefined))));
    for (const sock of sockets) sock.destroy();
    await Promise.all([...stopped, nginx?.close()]);
  })());

  try {
    const port = await listen(httpServer, options.port ?? 0);
    const httpsPort = await listen(httpsServer, options.httpsPort ?? 0);
    const refusedPort = await freePort();
    site.origin = `http://127.0.0.1:${port}`;
    site.httpsOrigin = `https://127.0.0.1:${httpsPort}`;
    site.refusedOrigin = `http://127.0.0.1:${refusedPort}`;
    if (options.nginx !== false) {
      nginx = await startNginx({ deadPort: refusedPort, hangPort: port });
      site.nginxOrigin = nginx.origin;
    }
  } catch (e) {
    await close();
    throw e;
  }
  return { ...site, urls: siteUrls(site), close };
}

/**
 * Ready-made absolute URLs, one per failure kind; nginx-only ones are null without nginx.
 * @param {Site} s
 */
function siteUrls({ origin: o, httpsOrigin, refusedOrigin, nginxOrigin: n }) {
  return {
    ok: `${o}/ok/pixel.gif`,
    notFound: `${o}/status/404`,
    imageNotFound: `${o}/img/404.gif`,
    unauthorized: `${o}/status/401?h=WWW-Authenticate:Bearer%20realm=%22demo%22`,
    methodNotAllowed: `${o}/status/405?h=Allow:GET,%20HEAD`,
    conflict: `${o}/status/409`,
    problemJson: `${o}/status/422?type=json`,
    tooManyRequests: `${o}/status/429?h=Retry-After:30`,
    serverError: `${o}/status/500`,
    serviceUnavailable: n ? `${n}/maintenance` : `${o}/status/503?h=Retry-After:120`,
    badGateway: n ? `${n}/bad-gateway` : null,
    slowUnavailable: n ? `${n}/slow-unavailable` : null,
    crossOriginError: n ? `${n}/error` : null,
    crossOriginErrorTao: n ? `${n}/error-tao` : null,
    slowFirstByte: `${o}/slow?ms=1500&status=500`,
    gatewayTimeout: n ? `${n}/gateway-timeout` : null,
    nonStandardStatus: `${o}/status/999`,
    reset: `${o}/reset`,
    empty: `${o}/empty`,
    noResponse: n ? `${n}/no-response` : `${o}/empty`,
    hang: `${o}/hang`,
    redirectLoop: `${o}/loop`,
    dns: 'http://nonexistent.invalid/pixel.gif',
    refused: `${refusedOrigin}/pixel.gif`,
    selfSigned: `${httpsOrigin}/ok/pixel.gif`,
    blankPage: `${o}/pages/blank`,
    cleanPage: `${o}/pages/clean?n=50`,
    abortPage: `${o}/pages/abort`,
    manyPage: `${o}/pages/many?n=300&fail=0.1`,
    demo: `${o}/demo`,
  };
}
