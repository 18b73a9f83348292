// Importing ignore rules in the settings page: all or nothing, with a message; and the rule editor.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { resetSettings } from '../support/chromium-notice';

const suite = chromiumSuite({ nginx: false });
let options: Page;

const syncItems = (): Promise<Record<string, unknown>> => options.evaluate(() => chrome.storage.sync.get(null));
const rulesShown = (): Promise<string[]> => options.locator('[data-rule]').allTextContents();

async function importText(text: string): Promise<string> {
  const before = await options.locator('#rules-status').textContent();
  await options.setInputFiles('#import-rules', { name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await options.waitForFunction((old) => document.getElementById('rules-status')!.textContent !== old, before);
  return (await options.locator('#rules-status').textContent())!;
}

const exported = (rules: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ format: 'request-doctor-ignore-rules', version: 1, rules, ...extra });

beforeEach(async () => {
  options = await suite.browser.context.newPage();
  await options.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html`);
  await options.waitForSelector('#ignore-rules');
  // Start from one rule, so a refused import can be seen to change nothing.
  await options.fill('#rule-host', 'cdn.example.com');
  await options.fill('#rule-code', '404');
  await options.click('button[data-action="add-rule"]');
  await options.waitForSelector('[data-rule]');
});
afterEach(async () => {
  await options.close();
  await resetSettings(suite.browser);
});

it('a valid export is imported and listed as sentences', async () => {
  expect(await importText(exported([{ code: '4xx', path: '/favicon.ico' }, { host: '*.ads.test' }]))).toBe('Imported 2 new rules.');
  await expect.poll(rulesShown).toEqual([
    expect.stringMatching(/^404 from cdn\.example\.com/),
    expect.stringMatching(/^4xx on every site at \/favicon\.ico/),
    expect.stringMatching(/^Any failure from \*\.ads\.test/),
  ]);
});

it.each([
  ['not JSON', '{ "format": ', /not valid JSON/],
  ['an unknown field in a rule', exported([{ host: 'a.test' }, { host: 'b.test', colour: 'red' }]), /rule 2: .*field Request Doctor does not know/],
  ['an unknown top-level field', exported([{ host: 'a.test' }], { extra: true }), /not a Request Doctor rules export/],
  ['an out-of-range value', exported([{ code: '4040' }]), /rule 1: Not a code/],
  ['more than the sync quota holds', exported(Array.from({ length: 290 }, (_, i) => ({ url: `https://example.com/${'x'.repeat(300)}/${i}`, method: 'GET' }))), /would not fit in your browser's synced storage/],
])('%s: refused whole with a message, nothing changed', async (_name, text, message) => {
  const before = await syncItems();
  expect(await importText(text)).toMatch(/^Import refused, nothing was imported: /);
  expect(await options.locator('#rules-status').textContent()).toMatch(message);
  expect(await syncItems()).toEqual(before);
  expect(await rulesShown()).toEqual([expect.stringMatching(/^404 from cdn\.example\.com/)]);
});

it('a bad field in the editor is named next to it; the other rules keep working', async () => {
  await options.fill('#rule-host', 'bad host/');
  await options.click('button[data-action="add-rule"]');
  await options.waitForFunction(() => document.getElementById('rule-host-error')!.textContent !== '');
  expect(await options.locator('#rule-host-error').textContent()).toMatch(/not a host name/);
  expect(await options.locator('#rule-host').getAttribute('aria-invalid')).toBe('true');
  expect(await rulesShown()).toEqual([expect.stringMatching(/^404 from cdn\.example\.com/)]);
});

it('rules over several sync items: removing them all leaves no chunk behind', async () => {
  await importText(exported(Array.from({ length: 120 }, (_, i) => ({ host: `host-${i}-${'y'.repeat(60)}.example.com` }))));
  const chunks = async () => Object.keys(await syncItems()).filter((key) => key.startsWith('ignore-rules:')).sort();
  await expect.poll(chunks).toEqual(['ignore-rules:0', 'ignore-rules:1']);
  await options.click('button[data-action="remove-all-rules"]');
  await expect.poll(chunks).toEqual([]);
  expect(await rulesShown()).toEqual([]);
});
