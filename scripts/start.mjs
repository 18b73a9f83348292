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
    /** Whether this round of the watcher failed (it still ends with END). */
    let failed = false;
    watcher.on('event', async (event) => {
      if (event.code === 'START') failed = false;
      if (event.code === 'BUNDLE_END') await event.result.close();
      if (event.code === 'ERROR') {
        failed = true;
        await event.result?.close();
        // A broken edit keeps the last good build loaded, and Chromium open on it; the next save tries again.
        console.error(`Build failed: ${event.error.message}\nChromium keeps the last good build; save again once fixed.`);
        if (first) rejectFirst(event.error);
      }
      if (event.code !== 'END' || failed) return;
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
/** @type {{ close: () => Promise<void> } | undefined} */
let site;
/** @type {import('../test/support/extension-browser.mjs').ExtensionBrowser | undefined} */
let browser;
let stopping = false;
/** Set while Chromium is closed and opened again on a new build: its closing is no reason to stop. */
let relaunching = false;

/** Ctrl-C at any moment, start-up included: nothing (nginx, Chromium, the watcher) is left running. */
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await watcher?.close();
  await browser?.close().catch(() => {});
  await site?.close();
  console.log('Stopped.');
  // Exiting also ends a Chromium still being launched (Playwright kills what it started on exit).
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
/** @type {(() => Promise<void>) | undefined} */
let reloadExtension;
if (headless) {
  if (spawnSync('node', ['scripts/build.mjs', 'chrome'], { stdio: 'inherit' }).status !== 0) process.exit(1);
} else {
  watcher = await watchChrome(() => reloadExtension?.() ?? Promise.resolve());
}

const { startSite } = await import('../test/servers/site.mjs');
const { ExtensionBrowser } = await import('../test/support/extension-browser.mjs');
const demoSite = await startSite({ nginx, port: Number(process.env.PORT) || 0 });
site = demoSite;
const demoUrl = `${demoSite.origin}/demo`;
console.log(`Demo site: ${demoUrl}`);

/** Chromium with the extension, on the demo page. */
async function openDemo() {
  const opened = await ExtensionBrowser.launch({ headless, handleSignals: false });
  browser = opened;
  const page = await opened.context.newPage();
  // A fresh profile's worker may not have its listeners yet on the very first request: warm it up.
  await page.goto(`${demoSite.origin}/pages/blank`);
  await page.goto(demoUrl);
  // Closing the window stops npm start (not the closing that a relaunch after a rebuild does itself).
  opened.context.on('close', () => void (relaunching || shutdown()));
  return { browser: opened, page };
}
let { page } = await openDemo();

if (!headless) {
  // chrome.runtime.reload() disables an extension loaded with --load-extension (Chromium 156), so a new
  // build is loaded the sure way: a fresh Chromium on it.
  /** A build that ended while Chromium was being reopened: it is reopened once more, on that build. */
  let rebuiltMeanwhile = false;
  reloadExtension = async () => {
    if (stopping) return;
    if (relaunching) return void (rebuiltMeanwhile = true);
    relaunching = true;
    do {
      rebuiltMeanwhile = false;
      await browser?.close().catch(() => {});
      ({ page } = await openDemo());
    } while (rebuiltMeanwhile && !stopping);
    relaunching = false;
    console.log(`Rebuilt; Chromium reopened with the new extension (${new Date().toLocaleTimeString()}).`);
  };
  console.log('Chromium is open on the demo page. Click the Request Doctor icon in the toolbar.');
  console.log('Saving a file under src/ rebuilds the extension and reopens Chromium with it. Ctrl-C to stop.');
} else {
  await page.waitForFunction(() => window.__done === true, null, { timeout: 30_000 }).catch(() => {});
  await page.waitForTimeout(1000);
  const demo = /** @type {import('../test/support/extension-browser.mjs').ExtensionBrowser} */ (browser);
  const tabId = await demo.tabIdOf(page);
  const { failures, page: report } = await demo.report(tabId, 10);
  console.log(`\n${failures.length} failures diagnosed on ${demoUrl}:`);
  for (const f of failures) console.log(`${f.stage.padEnd(8)} ${f.code.padEnd(30)} ${f.url}  — ${f.title}`);
  const dir = resolve('.artifacts/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.bringToFront();
  await page.screenshot({ path: `${dir}/notification.png` });
  // The real toolbar popup, as a click on the icon opens it: the summary and one line per failure.
  const popup = await demo.toolbarPopup(page);
  await popup.waitForFunction(() => document.querySelector('main[aria-busy="false"]') &&
    [...document.querySelectorAll('.line-title')].every((title) => title.textContent !== ''));
  await popup.screenshot({ path: `${dir}/popup.png` });
  await popup.click('.line-toggle');
  await popup.waitForFunction(() => document.querySelector('.line.open .what')?.textContent);
  await popup.screenshot({ path: `${dir}/popup-open.png` });
  // The open card's Ignore… with its four choices (README "Quieter").
  await popup.click('.line.open button[data-action="ignore"]');
  await popup.waitForSelector('.line.open button[data-ignore-scope]');
  await popup.evaluate(() => document.querySelector('.line.open .ignore-menu')?.scrollIntoView({ block: 'center' }));
  await popup.screenshot({ path: `${dir}/ignore-menu.png` });
  await popup.click('.line.open button[data-action="ignore"]');
  await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await popup.screenshot({ path: `${dir}/popup-dark.png` });
  await popup.close();
  await report.setViewportSize({ width: 1100, height: 900 });
  await report.screenshot({ path: `${dir}/report.png`, fullPage: true });
  console.log(`\nScreenshots of the popup saved in ${dir}`);
  await shutdown();
}
