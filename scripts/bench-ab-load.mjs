// Page load of 300 scripts and stylesheets (10 % failing, /pages/many?kind=mixed), interleaved in three
// fresh profiles: no extension (a), and two builds of the extension, e.g. with and without a listener.
//   node scripts/bench-ab-load.mjs <build A> <build B> [mixed|image] [loads]
// Build B by changing the source, `node scripts/build.mjs chrome`, and copying dist/chrome aside.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSite } from '../test/servers/site.mjs';
import { chromiumPath } from '../test/support/extension-browser.mjs';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
async function launch(ext) {
  const profile = mkdtempSync(join(tmpdir(), 'rd-ab-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, ignoreDefaultArgs: ['--disable-extensions'],
    args: [...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []), ...FLAGS] });
  if (ext && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  await context.addInitScript(() => { let d; Object.defineProperty(window, '__done', { get: () => d, set: (v) => ((d = v), (window.__doneAt = performance.now())) }); });
  return { context, page: await context.newPage(), close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}
const [withDir, withoutDir, kind = 'mixed', loads = '30'] = process.argv.slice(2);
if (!withDir || !withoutDir) {
  console.error('usage: node scripts/bench-ab-load.mjs <build A> <build B> [mixed|image] [loads]');
  process.exit(2);
}
const site = await startSite({ nginx: false });
const setups = { a: await launch(null), with: await launch(withDir), without: await launch(withoutDir) };
const times = { a: [], with: [], without: [] };
for (let round = 0; round < 2 + Number(loads); round++) {
  for (const name of round % 2 ? ['a', 'with', 'without'] : ['a', 'without', 'with']) {
    const page = setups[name].page;
    await page.goto('about:blank');
    await page.goto(`${site.origin}/pages/many?n=300&fail=0.1&kind=${kind}&r=${name}${round}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__doneAt !== undefined, null, { polling: 250, timeout: 60000 });
    const ms = await page.evaluate(() => window.__doneAt);
    if (round >= 2) times[name].push(ms);
    await sleep(600);
  }
}
for (const s of Object.values(setups)) await s.close();
await site.close();
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
console.log(kind, JSON.stringify(m), 'A/B', (m.with / m.without).toFixed(3), 'A/a', (m.with / m.a).toFixed(3), 'B/a', (m.without / m.a).toFixed(3));
