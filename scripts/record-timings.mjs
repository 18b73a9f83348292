// Records real Resource Timing entries (Chromium and Firefox) and a real HAR (Chromium, Playwright's
// recorder) for failing requests against the local servers, into test/fixtures/timings/.
// The unit tests of src/diagnosis/timings*.ts map these entries onto the strip. Firefox's HAR comes from
// its DevTools, recorded by scripts/record-firefox-har.mjs for the same scenarios.
import { mkdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { startSite } from '../test/servers/site.mjs';
import { firefoxPath } from '../test/support/firefox-browser.mjs';

const OUT = 'test/fixtures/timings';
const site = await startSite();
const u = site.urls;

/** Each scenario runs in the page and returns once the failing request has settled. */
const image = (src) => `new Promise((done) => { const i = new Image(); i.onload = i.onerror = done; i.src = ${JSON.stringify(src)}; })`;
const fetchOf = (url) => `fetch(${JSON.stringify(url)}, { credentials: 'omit' }).then((r) => r.text(), () => 0)`;
const SCENARIOS = {
  'image-404': { url: u.imageNotFound, run: image(u.imageNotFound) },
  'fetch-404-new-connection': { url: u.notFound, run: fetchOf(u.notFound) },
  'slow-first-byte-500': { url: u.slowFirstByte, run: fetchOf(u.slowFirstByte) },
  'nginx-503-after-2s-tao': { url: u.slowUnavailable, run: fetchOf(u.slowUnavailable) },
  'cross-origin-500-no-tao': { url: u.crossOriginError, run: fetchOf(u.crossOriginError) },
  'cross-origin-500-tao': { url: u.crossOriginErrorTao, run: fetchOf(u.crossOriginErrorTao) },
  'connection-refused': { url: u.refused, run: fetchOf(u.refused) },
  'dns-failure': { url: u.dns, run: fetchOf(u.dns) },
};

const collect = (url) => `(() => {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return JSON.stringify({ timeOrigin: performance.timeOrigin, entries: entries.filter((e) => e.name === ${JSON.stringify(url)}).map((e) => e.toJSON()) });
})()`;

async function record(evaluate, goto, version) {
  const scenarios = {};
  for (const [name, { url, run }] of Object.entries(SCENARIOS)) {
    await goto(`${site.origin}/pages/blank?${name}`);
    await evaluate(run);
    const { timeOrigin, entries } = JSON.parse(await evaluate(collect(url)));
    scenarios[name] = { url, timeOrigin, entry: entries.at(-1) ?? null };
  }
  // A page whose own document failed: its navigation entry.
  await goto(u.notFound);
  const { timeOrigin, entries } = JSON.parse(await evaluate(collect(u.notFound)));
  scenarios['main-frame-404'] = { url: u.notFound, timeOrigin, entry: entries[0] ?? null };
  return { browser: version, recordedWith: 'scripts/record-timings.mjs', scenarios };
}

/** Ports differ on every run: store the URLs with fixed placeholders so fixtures stay stable. */
const placeholders = (text) => text
  .replaceAll(site.origin, 'http://site.test').replaceAll(site.nginxOrigin, 'http://nginx.test')
  .replaceAll(site.refusedOrigin, 'http://refused.test');
const write = (file, data) => writeFileSync(join(OUT, file), `${placeholders(JSON.stringify(data, null, 1))}\n`);

mkdirSync(OUT, { recursive: true });
const harPath = join(mkdtempSync(join(tmpdir(), 'rd-har-')), 'chromium.har');
const context = await chromium.launchPersistentContext('', {
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, recordHar: { path: harPath, content: 'omit' },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--host-resolver-rules=MAP nonexistent.invalid ~NOTFOUND'],
});
const page = await context.newPage();
const chromiumData = await record((code) => page.evaluate(code), (url) => page.goto(url), context.browser()?.version() ?? 'chromium');
await context.close();
write('chromium-resource-timing.json', chromiumData);
const har = JSON.parse(readFileSync(harPath, 'utf8'));
har.log.entries = har.log.entries.filter((e) => e.response.status >= 400 || e.response.status === 0 || e.response._failureText);
write('chromium-playwright.har', har);
rmSync(harPath, { force: true });

const firefox = await puppeteer.launch({
  browser: 'firefox', executablePath: firefoxPath(), headless: true,
  extraPrefsFirefox: { 'network.http.request.max-attempts': 1 },
});
const fxPage = await firefox.newPage();
const fxData = await record((code) => fxPage.evaluate(code), (url) => fxPage.goto(url).catch(() => {}), await firefox.version());
await firefox.close();
write('firefox-resource-timing.json', fxData);
await site.close();
console.log(`recorded into ${OUT}`);
