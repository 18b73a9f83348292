// Records the real webRequest/webNavigation event sequences Chromium sends for each failure kind,
// into test/fixtures/chromium-events/*.json. The background is unit-tested by replaying them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { startSite } from '../test/servers/site.mjs';
import { ExtensionBrowser } from '../test/support/extension-browser.mjs';

const OUT = 'test/fixtures/chromium-events';
const site = await startSite();
const browser = await ExtensionBrowser.launch();
const worker = browser.worker();
await worker.evaluate(() => {
  const log = (globalThis.__events = []);
  const keep = (event) => (details) => log.push({ event, details: structuredClone(details) });
  const filter = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };
  chrome.webRequest.onBeforeRedirect.addListener(keep('onBeforeRedirect'), filter);
  chrome.webRequest.onCompleted.addListener(keep('onCompleted'), filter, ['responseHeaders']);
  chrome.webRequest.onErrorOccurred.addListener(keep('onErrorOccurred'), filter);
  chrome.webNavigation.onCommitted.addListener(keep('webNavigation.onCommitted'));
});
const take = () => worker.evaluate(() => globalThis.__events.splice(0));

const fetchIn = (page, url, init = {}) =>
  page.evaluate(([u, i]) => fetch(u, { credentials: 'omit', ...i }).then((r) => r.status, (e) => e.message), [url, init]);
const page = await browser.context.newPage();
await page.goto(`${site.origin}/pages/blank?warm`);
await take();

const scenarios = {
  'status-404-image': () => page.evaluate((src) => new Promise((done) => { const i = new Image(); i.onload = i.onerror = done; i.src = src; }), site.urls.imageNotFound ?? `${site.origin}/img/404.gif`),
  'status-409-fetch-post': () => fetchIn(page, `${site.origin}/status/409`, { method: 'POST', body: '{}' }),
  'status-503-retry-after-nginx': () => fetchIn(page, `${site.nginxOrigin}/maintenance`),
  'status-502-nginx': () => fetchIn(page, `${site.nginxOrigin}/bad-gateway`),
  'dns-failure': () => fetchIn(page, 'http://nonexistent.invalid/x.gif'),
  'connection-refused': () => fetchIn(page, `${site.refusedOrigin}/x.gif`),
  'self-signed-certificate': () => fetchIn(page, `${site.httpsOrigin}/ok/x.gif`),
  'connection-reset': () => fetchIn(page, `${site.origin}/reset`),
  'empty-response-nginx-444': () => fetchIn(page, `${site.nginxOrigin}/no-response`),
  'redirect-loop-fetch': () => fetchIn(page, `${site.origin}/loop`),
  'redirect-loop-main-frame': async () => {
    await page.goto(`${site.origin}/loop`).catch(() => {});
    await page.waitForTimeout(300);
  },
  'main-frame-dns-with-auto-reload': async () => {
    await page.goto('http://nonexistent.invalid/').catch(() => {});
    await page.waitForTimeout(1800);
  },
  'clean-page-50-requests': async () => {
    await page.goto(`${site.origin}/pages/clean?n=50`);
    await page.waitForFunction(() => window.__done === true);
  },
  'aborted-fetch': async () => {
    await page.goto(`${site.origin}/pages/abort`);
    await page.waitForFunction(() => document.title === 'aborted');
  },
};

mkdirSync(OUT, { recursive: true });
for (const [name, run] of Object.entries(scenarios)) {
  await page.goto(`${site.origin}/pages/blank?${name}`);
  await page.waitForTimeout(100);
  await take();
  await run();
  await page.waitForTimeout(300);
  const events = await take();
  writeFileSync(`${OUT}/${name}.json`, `${JSON.stringify({ recorded: 'Chromium, ' + (await browser.context.browser()?.version?.() ?? 'Debian chromium'), origin: site.origin, events }, null, 1)}\n`);
  console.log(`${name}: ${events.length} events`);
}
await browser.close();
await site.close();
