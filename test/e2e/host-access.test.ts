// When host access is withheld (Firefox asks for it in MV3), the report says so and offers to ask.
// Chromium cannot withhold required host permissions, so here the page is told it has none;
// the Firefox end-to-end test withholds it for real. The tests themselves are in test/support/host-access.ts.
import { ExtensionBrowser } from '../support/extension-browser.mjs';
import { describeHostAccess } from '../support/host-access';

describeHostAccess('Chromium', async () => {
  const browser = await ExtensionBrowser.launch();
  return {
    async openReport(access) {
      const report = await browser.context.newPage();
      if (access === 'withheld') {
        await report.addInitScript(() => {
          const withheld = (_query: unknown, callback?: (granted: boolean) => void) => (callback ? callback(false) : Promise.resolve(false));
          Object.defineProperty(chrome.permissions, 'contains', { value: withheld });
        });
      }
      await report.goto(`${browser.reportUrl}?tab=-2`);
      return report;
    },
    close: () => browser.close(),
  };
});
