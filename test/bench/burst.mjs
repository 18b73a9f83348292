// Burst: a page fires 5,000 failing fetches at once (300 URLs: 404, 500, refused). Measured: from the
// moment the last one settled in the page until the badge shows 99+ and storage.session holds every
// failure (listed counts plus those the caps dropped), watched from an extension page; negative when
// the extension was done first.
import { startSite } from '../servers/site.mjs';
import { ExtensionBrowser } from '../support/extension-browser.mjs';

/** @param {{ total?: number, distinct?: number }} [options] */
export async function burstSettle({ total = 5000, distinct = 300 } = {}) {
  const site = await startSite({ nginx: false });
  const browser = await ExtensionBrowser.launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/pages/burst`);
    const tabId = await browser.tabIdOf(page);
    const watcher = await browser.context.newPage();
    await watcher.goto(`${browser.reportUrl}?tab=-2`);
    // The watcher polls every 10 ms until both are settled, and returns when that was.
    const settled = watcher.evaluate(async ([id, n]) => {
      const key = `tab:${id}`;
      for (;;) {
        const text = (await chrome.storage.session.get(key))[key];
        const log = text === undefined ? undefined : JSON.parse(text);
        const sum = (log?.failures ?? []).reduce((s, f) => s + f.count, log?.dropped ?? 0);
        if (sum === n && (await chrome.action.getBadgeText({ tabId: id })) === '99+') return Date.now();
        await new Promise((done) => setTimeout(done, 10));
      }
    }, [tabId, total]);
    const burst = await page.evaluate(([n, d]) => window.burst(n, d), [total, distinct]);
    const settledAt = await settled;
    // Negative when the extension had settled before the page itself saw its last fetch settle.
    return { total, distinct, pageMs: burst.ms, failedInPage: burst.failed, settleMs: settledAt - burst.lastAt };
  } finally {
    await browser.close();
    await site.close();
  }
}
