// Team mode's OpenTelemetry sink end to end: real Chromium posts OTLP/HTTP JSON logs to a local receiver
// that decodes them with the official OTLP definitions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { decodeLogs, startOtlpReceiver } from '../servers/otlp-receiver.mjs';

const suite = chromiumSuite({ nginx: false });
const TOKEN = 'team-token';
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let settingsPage: Page;

beforeAll(async () => {
  receiver = await startOtlpReceiver({ token: TOKEN });
  settingsPage = await suite.browser.context.newPage();
  await settingsPage.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html`);
  await settingsPage.evaluate(() => chrome.storage.sync.set({ mySites: ['localhost'] }));
  await settingsPage.locator('select[name="team-sink"]:not([disabled])').selectOption('otlp');
  await settingsPage.locator('[name="team-endpoint"]').fill(receiver.origin);
  await settingsPage.locator('[name="team-password"]').fill(TOKEN);
});
afterAll(() => receiver?.close());

async function testConnection(): Promise<string> {
  await settingsPage.locator('button[data-action="team-test"]').click();
  const status = settingsPage.locator('[data-team-status]');
  await status.waitFor();
  return `${await status.getAttribute('data-team-status')}: ${await status.textContent()}`;
}

describe('team mode with an OpenTelemetry collector', () => {
  it('the receiver rejects what the OTLP definitions do not have', () => {
    expect(decodeLogs({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ severityNumber: 17, attributes: [{ key: 'a', value: { stringValue: 'x' } }] }] }] }] }).ok).toBe(true);
    expect(decodeLogs({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ severity: 17 }] }] }] }).ok).toBe(false);
    expect(decodeLogs({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ attributes: [{ key: 'a', value: { string: 'x' } }] }] }] }] }).ok).toBe(false);
  });

  it('a wrong token makes Test connection name the 401; the right one is accepted', async () => {
    await settingsPage.locator('[name="team-password"]').fill('wrong');
    expect(await testConnection()).toMatch(/^error: .*401/);
    await settingsPage.locator('[name="team-password"]').fill(TOKEN);
    expect(await testConnection()).toMatch(/^ok: /);
  });

  it('failures of my sites arrive as log records with the stable HTTP attributes and ours', async () => {
    const origin = suite.site.origin.replace('127.0.0.1', 'localhost');
    const page = await suite.browser.context.newPage();
    await page.goto(`${origin}/pages/blank?otlp`);
    await page.evaluate(() => fetch('/status/503?otlp=1').then((r) => r.status));
    await page.close();
    await expect.poll(() => receiver.records().filter((record) => record.attrs['url.full'] === `${origin}/status/503`), { timeout: 40_000, interval: 500 }).toHaveLength(1);
    const [record] = receiver.records().filter((r) => r.attrs['url.full'] === `${origin}/status/503`);
    expect(record!.attrs).toMatchObject({
      'http.request.method': 'GET', 'http.response.status_code': '503', 'error.type': '503', 'server.address': 'localhost',
      'request_doctor.stage': 'receive', 'request_doctor.cause': 'http-5xx', 'request_doctor.page_host': 'localhost',
    });
    expect([record!.severityText, record!.resource['service.name']]).toEqual(['ERROR', 'request-doctor']);
    expect(receiver.rejected).toEqual([]);
  });
});
