// npm start: build, serve the demo site full of failures, open Chromium with the extension on it.
// Without a display it runs headless: prints each diagnosed failure, saves popup screenshots, exits.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureChromium, ensureNginx, ensureNpmDependencies } from './ensure.mjs';

ensureNpmDependencies();
let nginx = true;
try {
  process.env.CHROME_PATH = ensureChromium();
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
}
try {
  ensureNginx();
} catch (error) {
  nginx = false;
  console.warn(`${error instanceof Error ? error.message : error}\n(the demo runs without the nginx failures)`);
}
if (spawnSync('node', ['scripts/build.mjs', 'chrome'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const { startSite } = await import('../test/servers/site.mjs');
const { ExtensionBrowser } = await import('../test/support/extension-browser.mjs');
const site = await startSite({ nginx, port: Number(process.env.PORT) || 0 });
const demoUrl = `${site.origin}/demo`;
const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
console.log(`Demo site: ${demoUrl}`);

const browser = await ExtensionBrowser.launch({ headless });
const shutdown = async () => {
  await browser.close().catch(() => {});
  await site.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

const page = await browser.context.newPage();
// A fresh profile's worker may not have its listeners yet on the very first request: warm it up.
await page.goto(`${site.origin}/pages/blank`);
await page.goto(demoUrl);

if (!headless) {
  console.log('Chromium is open on the demo page. Click the Request Doctor icon in the toolbar. Ctrl-C to stop.');
  browser.context.on('close', shutdown);
} else {
  await page.waitForFunction(() => window.__done === true, null, { timeout: 30_000 }).catch(() => {});
  await page.waitForTimeout(1000);
  const tabId = await browser.tabIdOf(page);
  const { failures, page: report } = await browser.report(tabId, 10);
  console.log(`\n${failures.length} failures diagnosed on ${demoUrl}:`);
  for (const f of failures) console.log(`${f.stage.padEnd(8)} ${f.code.padEnd(30)} ${f.url}  — ${f.title}`);
  const dir = resolve('.artifacts/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.bringToFront();
  await page.screenshot({ path: `${dir}/notification.png` });
  // The real toolbar popup, as a click on the icon opens it: the summary and one line per failure.
  const popup = await browser.toolbarPopup(page);
  await popup.waitForFunction(() => document.querySelector('main[aria-busy="false"]') &&
    [...document.querySelectorAll('.line-title')].every((title) => title.textContent !== ''));
  await popup.screenshot({ path: `${dir}/popup.png` });
  await popup.click('.line-toggle');
  await popup.waitForFunction(() => document.querySelector('.line.open .what')?.textContent);
  await popup.screenshot({ path: `${dir}/popup-open.png` });
  await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await popup.screenshot({ path: `${dir}/popup-dark.png` });
  await popup.close();
  await report.setViewportSize({ width: 1100, height: 900 });
  await report.screenshot({ path: `${dir}/report.png`, fullPage: true });
  console.log(`\nScreenshots of the popup saved in ${dir}`);
  await shutdown();
}
