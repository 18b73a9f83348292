// @ts-check
// Records the real webRequest/webNavigation event sequences Chromium sends for each failure kind,
// into test/fixtures/chromium-events/*.json (or the folder given; a second argument records only the scenarios whose names start with it). The background is unit-tested by replaying them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { startSite } from '../test/servers/site.mjs';
import { ExtensionBrowser } from '../test/support/extension-browser.mjs';
import { FILTER, LISTENERS, listen, scenariosFor } from '../test/support/recording.mjs';

const OUT = process.argv[2] ?? 'test/fixtures/chromium-events';
const site = await startSite();
const browser = await ExtensionBrowser.launch();
const worker = browser.worker();
if (!worker) throw new Error('the extension has no service worker');
await worker.evaluate(`(() => {
  const log = (globalThis.__events = []);
  const keep = (event) => (details) => log.push({ event, details: structuredClone(details) });
  (${listen})(chrome, keep, ${JSON.stringify(LISTENERS)}, ${JSON.stringify(FILTER)});
})()`);
const take = () => worker.evaluate(() => /** @type {any} */ (globalThis).__events.splice(0));

const page = await browser.context.newPage();
await page.goto(`${site.origin}/pages/blank?warm`);
await take();

mkdirSync(OUT, { recursive: true });
for (const { name, run } of scenariosFor('chromium', process.argv[3])) {
  await page.goto(`${site.origin}/pages/blank?${name}`);
  await page.waitForTimeout(100);
  await take();
  await run(page, site);
  await page.waitForTimeout(300);
  const events = await take();
  writeFileSync(`${OUT}/${name}.json`, `${JSON.stringify({ recorded: `Chromium, ${browser.context.browser()?.version() ?? 'Debian chromium'}`, origin: site.origin, events }, null, 1)}\n`);
  console.log(`${name}: ${events.length} events`);
}
await browser.close();
await site.close();
