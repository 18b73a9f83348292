// The DevTools panel page in a tab. DevTools' own front-end never starts under automation here (see
// README), so `chrome.devtools` stands in, shaped as Chromium's (getHAR takes a callback and returns
// nothing), fed a HAR that Chromium really recorded. What runs is the panel's real code and rendering.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser.mjs';

export const recordedHar = JSON.parse(readFileSync(new URL('../fixtures/timings/chromium-playwright.har', import.meta.url), 'utf8')) as {
  log: { entries: { request: { url: string }; response: { status: number } }[] };
};

/** `asFirefox`: `runtime.getBrowserInfo` is there too, as only in Firefox. */
export async function openDevtoolsPanel(browser: ExtensionBrowser, { asFirefox = false } = {}): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.addInitScript(([log, firefox]) => {
    const events = { finished: [] as ((entry: unknown) => void)[], navigated: [] as ((url: string) => void)[] };
    const event = <T>(list: T[]) => ({ addListener: (listener: T) => void list.push(listener), removeListener() {}, hasListener: () => false });
    // The test fires DevTools' events through these.
    Object.assign(globalThis, { devtoolsEvents: events });
    // Chromium now has a native `browser` namespace beside `chrome` (the polyfill then passes it through).
    const namespaces = [chrome, (globalThis as unknown as { browser?: object }).browser].filter(Boolean);
    for (const namespace of namespaces) Object.assign(namespace!, {
      devtools: {
        inspectedWindow: { tabId: -1 },
        network: {
          onNavigated: event(events.navigated),
          onRequestFinished: event(events.finished),
          getHAR: (done?: (har: unknown) => void) => void done?.(log),
        },
      },
    });
    if (firefox) for (const namespace of namespaces) Object.assign((namespace as typeof chrome).runtime, { getBrowserInfo: async () => ({ name: 'Firefox' }) });
  }, [recordedHar.log, asFirefox] as const);
  await panel.goto(`chrome-extension://${browser.extensionId}/src/devtools/panel.html`);
  return panel;
}
