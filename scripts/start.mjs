// @ts-check
// npm start: serve the demo site full of failures and open Chromium with the extension on it.
// With a display: rebuilds dist/chrome whenever the source changes, reopens Chromium with the new build,
// and keeps the demo site up until Ctrl-C (or until Chromium is closed).
// Without one (or with --headless): prints each diagnosed failure, saves popup screenshots, exits.
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
const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/**
 * Builds dist/chrome, then again after every change of a file it was built from; `rebuilt` runs after each
 * rebuild. Resolves once the first build is written.
 * @param {() => Promise<void>} rebuilt
 * @returns {Promise<import('rolldown').RolldownWatcher>}
 */
async function watchChrome(rebuilt) {
  process.env.BROWSER = 'chrome';
  const { build } = await import('vite');
  const watcher = /** @type {import('rolldown').RolldownWatcher} */ (await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { watch: {} } }));
  return new Promise((resolveFirst, rejectFirst) => {
    let first = true;
    watcher.on('event', async (event) => {
      if (event.code === 'BUNDLE_END') await event.result.close();
      if (event.code === 'ERROR') {
        await event.result?.close();
        // A broken edit keeps the last good build loaded; the next save tries again.
        console.error(`Build failed: ${event.error.message}`);
        if (first) rejectFirst(event.error);
      }
      if (event.code !== 'END') return;
      if (first) {
        first = false;
        resolveFirst(watcher);
      } else {
        await rebuilt();
      }
    });
  });
}

/** @type {import('rolldown').RolldownWatcher | undefined} */
let watcher;
/** @type {(() => Promise<void>) | undefined} */
let reloadExtension;
if (headless) {
  if (spawnSync('node', ['scripts/build.mjs', 'chrome'], { stdio: 'inherit' }).status !== 0) process.exit(1);
} else {
  watcher = await watchChrome(() => reloadExtension?.() ?? Promise.resolve());
}

const { startSite } = await import('../test/servers/site.mjs');
const { ExtensionBrowser } = await import('../test/support/extension-browser.mjs');
const site = await startSite({ nginx, port: Number(process.env.PORT) || 0 });
const demoUrl = `${site.origin}/demo`;
console.log(`Demo site: ${demoUrl}`);

let stopping = false;
/** Chromium with the extension, on the demo page. */
async function openDemo() {
  const browser = await ExtensionBrowser.launch({ headless, handleSignals: false });
  const page = await browser.context.newPage();
  // A fresh profile's worker may not have its listeners yet on the very first request: warm it up.
  await page.goto(`${site.origin}/pages/blank`);
  await page.goto(demoUrl);
  // Closing the window stops npm start (a relaunch after a rebuild closes it first, with `stopping` set).
  browser.context.on('close', () => void shutdown());
  return { browser, page };
}
let { browser, page } = await openDemo();

async function shutdown() {
  if (stopping) return;
  stopping = true;
  await watcher?.close();
  await browser.close().catch(() => {});
  await site.close();
  console.log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

if (!headless) {
  // chrome.runtime.reload() disables an extension loaded with --load-extension (Chromium 156), so a new
  // build is loaded the sure way: a fresh Chromium on it.
  reloadExtension = async () => {
    if (stopping) return;
    stopping = true;
    await browser.close().catch(() => {});
    stopping = false;
    ({ browser, page } = await openDemo());
    console.log(`Rebuilt; Chromium reopened with the new extension (${new Date().toLocaleTimeString()}).`);
  };
  console.log('Chromium is open on the demo page. Click the Request Doctor icon in the toolbar.');
  console.log('Saving a file under src/ rebuilds the extension and reopens Chromium with it. Ctrl-C to stop.');
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
  await report.setViewportSize({ width: 460, height: 600 });
  await report.evaluate(() => document.body.classList.remove('report'));
  await report.screenshot({ path: `${dir}/popup.png` });
  await report.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await report.screenshot({ path: `${dir}/popup-details.png`, fullPage: true });
  await report.emulateMedia({ colorScheme: 'dark' });
  await report.screenshot({ path: `${dir}/popup-dark.png` });
  await report.setViewportSize({ width: 1100, height: 900 });
  await report.evaluate(() => document.body.classList.add('report'));
  await report.emulateMedia({ colorScheme: 'light' });
  await report.screenshot({ path: `${dir}/report.png`, fullPage: true });
  console.log(`\nScreenshots of the popup saved in ${dir}`);
  await shutdown();
}
