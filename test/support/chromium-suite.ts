// Shared set-up of the Chromium end-to-end files: real servers, Chromium with the extension, a warm worker.
import { afterAll, beforeAll } from 'vitest';
import { startSite } from '../servers/site.mjs';
import { ExtensionBrowser } from './extension-browser.mjs';
import { setBaseline } from './chromium-notice';

export interface Suite {
  browser: ExtensionBrowser;
  site: Awaited<ReturnType<typeof startSite>>;
}

/**
 * Notifications stay until closed: on a loaded machine a test step can take longer than the default 8 s,
 * and a notification that dismissed itself in the meantime is not what those tests are about.
 */
const SUITE_SETTINGS = { noticeSeconds: 0 };

/** Registers beforeAll/afterAll; the returned object is filled in before the first test runs. */
export function chromiumSuite(siteOptions: { nginx?: boolean } = {}, launchOptions: { language?: string } = {}): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    suite.site = await startSite(siteOptions);
    suite.browser = await ExtensionBrowser.launch(launchOptions);
    await setBaseline(suite.browser, SUITE_SETTINGS);
    // The worker's listeners exist once one navigation has gone through.
    const warm = await suite.browser.context.newPage();
    await warm.goto(`${suite.site.origin}/pages/blank?warm`);
    await warm.close();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.site?.close();
  });
  return suite;
}
