// The host-access banner test, written once for both browsers: each says how to open the report with
// access to all sites granted or withheld; the expectations are the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** What Playwright's and Puppeteer's pages both offer. */
export interface ReportPage {
  waitForSelector(selector: string): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
  close(): Promise<void>;
}

export interface HostAccessDriver {
  /** Open the full report of a tab with no failures, access to all sites granted or not. */
  openReport(access: 'granted' | 'withheld'): Promise<ReportPage>;
  close(): Promise<void>;
}

const banner = (report: ReportPage) => report.evaluate(() => ({
  hidden: document.getElementById('permission')!.hidden,
  text: document.getElementById('permission-text')!.textContent,
  button: document.getElementById('permission-grant')!.textContent,
}));

export function describeHostAccess(browserName: string, launch: () => Promise<HostAccessDriver>): void {
  describe(`${browserName}: the report and access to all sites`, () => {
    let driver: HostAccessDriver;
    beforeAll(async () => {
      driver = await launch();
    });
    afterAll(async () => {
      await driver?.close();
    });

    // Granted first: withholding cannot be undone without a person clicking the button.
    it('has no banner while access to all sites is granted', async () => {
      const report = await driver.openReport('granted');
      await report.waitForSelector('main[aria-busy="false"]');
      expect((await banner(report)).hidden).toBe(true);
      await report.close();
    });

    it('shows a banner with a button that asks for access to all sites when it is withheld', async () => {
      const report = await driver.openReport('withheld');
      await report.waitForSelector('#permission:not([hidden])');
      const { text, button } = await banner(report);
      expect(text).toMatch(/only watch some sites/);
      expect(button).toBe('Allow on all sites');
      await report.close();
    });
  });
}
