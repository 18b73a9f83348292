// @ts-check
// Records the real webRequest/webNavigation event sequences Firefox sends for each failure kind,
// into test/fixtures/firefox-events/*.json (or the folder given; a second argument records only the scenarios whose names start with it). The background is unit-tested by replaying them.
// A throwaway recorder add-on posts every event to a collector on 127.0.0.1 started here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite } from '../test/servers/site.mjs';
import { FirefoxBrowser, firefoxPath } from '../test/support/firefox-browser.mjs';
import { FILTER, LISTENERS, listen, scenariosFor } from '../test/support/recording.mjs';

const OUT = process.argv[2] ?? 'test/fixtures/firefox-events';
const sleep = (/** @type {number} */ ms) => new Promise((done) => setTimeout(done, ms));

/** @typedef {{ seq: number, event: string, details: { error?: string } }} Posted */

/** Collects the events the recorder posts, kept in the order the background saw them. */
function startCollector() {
  /** @type {Posted[]} */
  const events = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      events.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  /** @type {Promise<{ url: string, events: Posted[], close: () => Promise<unknown> }>} */
  const started = new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/event`,
    events,
    close: () => new Promise((done) => server.close(done)),
  })));
  return started;
}

/** The recorder add-on: the same listeners and options as the product, each event posted as it comes. @param {string} dir @param {string} collectorUrl */
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
(${listen})(browser, keep, ${JSON.stringify(LISTENERS)}, ${JSON.stringify(FILTER)});
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

const version = execFileSync(firefoxPath(), ['--version'], { encoding: 'utf8' }).trim();
try {
  mkdirSync(OUT, { recursive: true });
  for (const { name, run } of scenariosFor('firefox', process.argv[3])) {
    // about:blank first: a goto right after a failed navigation can hang.
    await page.goto('about:blank');
    await page.goto(`${site.origin}/pages/blank?${name}`);
    await take();
    await run(page, site);
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
