// Firefox lets people withhold host access in MV3: the report says so and offers to ask for it.
// The tests themselves are in test/support/host-access.ts.
import { expect } from 'vitest';
import { FirefoxBrowser } from '../../support/firefox-browser.mjs';
import { describeHostAccess } from '../../support/host-access';

describeHostAccess('Firefox', async () => {
  const firefox = await FirefoxBrowser.launch();
  return {
    async openReport(access) {
      if (access === 'withheld') {
        const control = await firefox.control();
        expect(await control.evaluate(() => browser.permissions.remove({ origins: ['<all_urls>'] }))).toBe(true);
        expect(await control.evaluate(() => browser.permissions.contains({ origins: ['<all_urls>'] }))).toBe(false);
      }
      return firefox.openExtensionPage(`src/popup/index.html?tab=${access === 'withheld' ? -3 : -2}`);
    },
    close: () => firefox.close(),
  };
});
