// Records the real webRequest/webNavigation event sequences Firefox sends for each failure kind,
// into test/fixtures/firefox-events/*.json. The background is unit-tested by replaying them.
// A throwaway recorder add-on posts every event to a collector on 127.0.0.1 started here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite } from '../test/servers/site.mjs';
import { FirefoxBrowser, firefoxPath } from '../test/support/firefox-browser.mjs';

const OUT = 'test/fixtures/firefox-events';
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Collects the events the recorder posts, kept in the order the background saw them. */
function startCollector() {
  const events = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      events.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/event`,
    events,
    close: () => new Promise((done) => server.close(done)),
  })));
}

/** The recorder add-on: the same listeners and options as the product, each event posted as it comes. */
function writeRecorder(dir, collectorUrl) {
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'Request Doctor event recorder',
    version: '1.0',
    background: { scripts: ['background.js'] },
    permissions: ['webRequest', 'webNavigation'],
    host_permissions: ['<all_urls>'],
    browser_specific_settings: { gecko: { id: 'event-recorder@request-doctor.dev' } },
  }));
  writeFileSync(join(dir, 'background.js'), `const COLLECTOR = ${JSON.stringify(collectorUrl)};
// Posts can overtake each other: a sequence number keeps the order the events arrived in.
let seq = 0;
const keep = (event) => (details) => {
  if (details.url.startsWith(COLLECTOR)) return; // our own posts
  void fetch(COLLECTOR, { method: 'POST', body: JSON.stringify({ seq: seq++, event, details }) });
};
const filter = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };
browser.webRequest.onBeforeRedirect.addListener(keep('onBeforeRedirect'), filter);
browser.webRequest.onCompleted.addListener(keep('onCompleted'), filter, ['responseHeaders']);
browser.webRequest.onErrorOccurred.addListener(keep('onErrorOccurred'), filter);
browser.webNavigation.onCommitted.addListener(keep('webNavigation.onCommitted'));
`);
}

const collector = await startCollector();
const recorderDir = mkdtempSync(join(tmpdir(), 'request-doctor-recorder-'));
writeRecorder(recorderDir, collector.url);
const site = await startSite();
// A long idle timeout: the recorder must not be suspended between two events of one scenario.
const firefox = await FirefoxBrowser.launch({ extensionDir: recorderDir, idleTimeoutMs: 600_000 });

/** Wait until no event has arrived for `quietMs`, then hand over (and forget) what arrived. */
async function take(quietMs = 400) {
  let seen = -1;
  while (seen !== collector.events.length) {
    seen = collector.events.length;
    await sleep(quietMs);
  }
  return collector.events.splice(0).sort((a, b) => a.seq - b.seq).map(({ event, details }) => ({ event, details }));
}

const page = await firefox.newPage();
const fetchIn = (url, init = {}) =>
  page.evaluate(([u, i]) => fetch(u, { credentials: 'omit', ...i }).then((r) => r.status, (e) => e.message), [url, init]);
/** A main-frame navigation that fails: its error page is shown as it commits. */
const failingNavigation = async (url) => {
  await page.goto(url).catch(() => {});
  await sleep(500);
};

const scenarios = {
  'status-404-image': () => page.evaluate((src) => new Promise((done) => { const i = new Image(); i.onload = i.onerror = done; i.src = src; }), site.urls.imageNotFound),
  'status-409-fetch-post': () => fetchIn(`${site.origin}/status/409`, { method: 'POST', body: '{}' }),
  'status-409-fetch-put': () => fetchIn(`${site.origin}/status/409`, { method: 'PUT' }),
  'dns-failure': () => fetchIn('http://nonexistent.invalid/x.gif'),
  'connection-refused': () => fetchIn(`${site.refusedOrigin}/x.gif`),
  'self-signed-certificate': () => fetchIn(`${site.httpsOrigin}/ok/x.gif`),
  'connection-reset': () => fetchIn(`${site.origin}/reset`),
  'empty-response': () => fetchIn(`${site.origin}/empty`),
  'empty-response-nginx-444': () => fetchIn(`${site.nginxOrigin}/no-response`),
  'redirect-loop-fetch': () => fetchIn(`${site.origin}/loop`),
  'redirect-loop-main-frame': () => failingNavigation(`${site.origin}/loop`),
  'main-frame-dns': () => failingNavigation('http://nonexistent.invalid/'),
  'clean-page-50-requests': async () => {
    await page.goto(site.urls.cleanPage);
    await page.waitForFunction(() => window.__done === true);
  },
  'aborted-fetch': async () => {
    await page.goto(site.urls.abortPage);
    await page.waitForFunction(() => document.title === 'aborted');
  },
};

const version = execFileSync(firefoxPath(), ['--version'], { encoding: 'utf8' }).trim();
try {
  mkdirSync(OUT, { recursive: true });
  for (const [name, run] of Object.entries(scenarios)) {
    // about:blank first: a goto right after a failed navigation can hang.
    await page.goto('about:blank');
    await page.goto(`${site.origin}/pages/blank?${name}`);
    await take();
    await run();
    const events = await take();
    writeFileSync(`${OUT}/${name}.json`, `${JSON.stringify({ recorded: version, origin: site.origin, events }, null, 1)}\n`);
    const errors = events.filter((e) => e.event === 'onErrorOccurred').map((e) => e.details.error);
    console.log(`${name}: ${events.length} events${errors.length ? ` — errors: ${[...new Set(errors)].join(' | ')}` : ''}`);
  }
} finally {
  await firefox.close();
  await site.close();
  await collector.close();
  rmSync(recorderDir, { recursive: true, force: true });
}
