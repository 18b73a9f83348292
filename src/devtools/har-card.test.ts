// @vitest-environment happy-dom
// The DevTools panel's path, HAR entry → the report's own card, with entries Chromium and Firefox really
// produced (scripts/record-timings.mjs, scripts/record-firefox-har.mjs). The panel itself is not driven (see README).
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { HarEntry } from '../diagnosis/timings';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages: Messages = JSON.parse(readFileSync(`${import.meta.dirname}/../../public/_locales/en/messages.json`, 'utf8'));
/** chrome.i18n.getMessage as the browsers do it: named placeholders → $1, $2 … → the substitutions. */
function getMessage(key: string, substitutions: string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}
vi.mock('../shared/browser', () => ({ default: { i18n: { getMessage, getUILanguage: () => 'en-US' } } }));
const { harCard } = await import('./har-card');
const EN = { language: 'en' };

const load = (file: string): HarEntry[] =>
  (JSON.parse(readFileSync(`${import.meta.dirname}/../../test/fixtures/timings/${file}`, 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
// Chromium's HAR as Playwright records it; Firefox's as Firefox DevTools hands it to the panel (getHAR()).
const hars = { chromium: load('chromium-playwright.har'), firefox: load('firefox-devtools.har') };
type Browser = keyof typeof hars;
const byUrl = (browser: Browser, part: string): HarEntry => hars[browser].find((e) => e.request.url.includes(part))!;
const stepMs = (card: HTMLElement): Record<string, string | null> =>
  Object.fromEntries([...card.querySelectorAll<HTMLElement>('[data-step]')].map((s) => [s.dataset.step, s.getAttribute('data-ms')]));
const detail = (card: HTMLElement, label: string): string | undefined =>
  [...card.querySelectorAll('.tech .row')].find((row) => row.querySelector('dt')?.textContent === label)?.querySelector('dd')?.textContent ?? undefined;

describe.each(['chromium', 'firefox'] as const)('HAR entry from %s → the report card', (browser) => {
  it('the nginx 503 after 2 s: the same card contract, each HAR step on the strip, the sentence', async () => {
    const card = (await harCard(byUrl(browser, '/slow-unavailable'), 5, EN))!;
    expect(card.dataset).toMatchObject({ stage: 'receive', code: '503', url: 'http://nginx.test/slow-unavailable', count: '1' });
    // The panel answers Copy report only: no Recheck or Watch button that would do nothing.
    expect(card.querySelector('button[data-action="copy"]')).not.toBeNull();
    expect(card.querySelectorAll('button[data-action="recheck"], button[data-action="watch"]')).toHaveLength(0);
    const ms = stepMs(card);
    expect(Number(ms.wait)).toBeGreaterThanOrEqual(1800);
    expect(ms.send).not.toBeNull(); // HAR splits sending from waiting
    expect(ms.tls).toBeNull();
    expect(card.querySelector('.timing-story')?.textContent).toMatch(/^The server \(nginx\) took 2\.\d s to answer; everything before took \d+ ms\.$/);
    expect(detail(card, 'Server IP')).toBe('127.0.0.1');
    expect(card.querySelector('button[data-action="copy"]')?.textContent).toBe('Copy report');
  });

  it('the 404 image: its card, named an image, with 0 ms on dns and connect', async () => {
    const card = (await harCard(byUrl(browser, '/img/404.gif'), 5, EN))!;
    expect(card.dataset).toMatchObject({ stage: 'receive', code: '404', url: 'http://site.test/img/404.gif' });
    expect(detail(card, 'Type')).toBe('image');
    expect([stepMs(card).dns, stepMs(card).connect]).toEqual(['0', '0']);
  });

  it.each(['refused.test', 'nonexistent.invalid'])('a request that got no answer (%s): a card, no figures, and why', async (host) => {
    const card = (await harCard(byUrl(browser, host), 5, EN))!;
    expect(card.dataset.url).toContain(host);
    expect(card.dataset.code).toBe('net::ERR_FAILED');
    expect(Object.values(stepMs(card)).filter((ms) => ms !== null)).toEqual([]);
    expect(card.querySelector('.timing')?.getAttribute('data-timing-gap')).toBe('network-error');
  });

  it('a successful request makes no card', async () => {
    expect(await harCard({ ...byUrl(browser, '/slow-unavailable'), response: { status: 200 } }, 5, EN)).toBeNull();
  });
});

it('Firefox\'s HAR keeps the page\'s successes (a real 204 favicon): they make no card', async () => {
  const favicon = byUrl('firefox', '/favicon.ico');
  expect(favicon.response.status).toBe(204);
  expect(await harCard(favicon, 5, EN)).toBeNull();
});

describe('HAR → card: what differs between the browsers', () => {
  it('Chromium marks a reused connection (-1): dns and connect say "reused", with 0', async () => {
    const card = (await harCard(byUrl('chromium', '/img/404.gif'), 5, EN))!;
    for (const step of ['dns', 'connect']) {
      const element = card.querySelector<HTMLElement>(`[data-step="${step}"]`)!;
      expect([element.dataset.ms, element.dataset.reused, element.querySelector('.step-ms')?.textContent]).toEqual(['0', 'true', 'reused']);
    }
  });

  it('Firefox writes 0 for a connection step that did not happen: shown as 0 ms, never claimed as reused', async () => {
    const card = (await harCard(byUrl('firefox', '/img/404.gif'), 5, EN))!;
    for (const step of ['dns', 'connect']) {
      const element = card.querySelector<HTMLElement>(`[data-step="${step}"]`)!;
      expect([element.dataset.ms, element.dataset.reused, element.querySelector('.step-ms')?.textContent]).toEqual(['0', undefined, '0 ms']);
    }
  });

  it('no answer: Chromium\'s total is shown; Firefox\'s zeros make no total', async () => {
    const chromium = (await harCard(byUrl('chromium', 'refused.test'), 5, EN))!;
    expect(chromium.querySelector('.timing-total')?.textContent).toMatch(/\d+ ms/);
    const firefox = (await harCard(byUrl('firefox', 'refused.test'), 5, EN))!;
    expect(firefox.querySelector('.timing-total')).toBeNull();
    expect(firefox.querySelector('.timing-gap')?.textContent).toBeTruthy();
  });
});
