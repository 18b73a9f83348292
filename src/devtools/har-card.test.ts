// @vitest-environment happy-dom
// The DevTools panel's path, HAR entry → the report's own card, with entries Chromium really produced
// (recorded by scripts/record-timings.mjs). DevTools itself cannot be driven here (see README).
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

const { log } = JSON.parse(readFileSync(`${import.meta.dirname}/../../test/fixtures/timings/chromium-playwright.har`, 'utf8')) as { log: { entries: HarEntry[] } };
const byUrl = (part: string): HarEntry => log.entries.find((e) => e.request.url.includes(part))!;
const stepMs = (card: HTMLElement): Record<string, string | null> =>
  Object.fromEntries([...card.querySelectorAll<HTMLElement>('[data-step]')].map((s) => [s.dataset.step, s.getAttribute('data-ms')]));

describe('HAR entry → the report card', () => {
  it('the nginx 503 after 2 s: the same card contract, each HAR step on the strip, the sentence', async () => {
    const card = (await harCard(byUrl('/slow-unavailable'), 5))!;
    expect(card.dataset).toMatchObject({ stage: 'receive', code: '503', url: 'http://nginx.test/slow-unavailable', count: '1' });
    const ms = stepMs(card);
    expect(Number(ms.wait)).toBeGreaterThanOrEqual(1800);
    expect(ms.send).not.toBeNull(); // HAR splits sending from waiting
    expect(ms.tls).toBeNull();
    expect(card.querySelector('.timing-story')?.textContent).toMatch(/^The server \(nginx\) took 2\.\d s to answer; everything before took \d+ ms\.$/);
    expect(card.querySelector('button[data-action="copy"]')?.textContent).toBe('Copy report');
  });

  it('a reused connection: dns and connect say so, with 0', async () => {
    const card = (await harCard(byUrl('/img/404.gif'), 5))!;
    for (const step of ['dns', 'connect']) {
      const element = card.querySelector<HTMLElement>(`[data-step="${step}"]`)!;
      expect([element.dataset.ms, element.dataset.reused, element.querySelector('.step-ms')?.textContent]).toEqual(['0', 'true', 'reused']);
    }
  });

  it('a request that got no answer: no figures, and why', async () => {
    const card = (await harCard(byUrl('refused.test'), 5))!;
    expect(Object.values(stepMs(card)).filter((ms) => ms !== null)).toEqual([]);
    expect(card.querySelector('.timing')?.getAttribute('data-timing-gap')).toBe('network-error');
  });

  it('a successful request makes no card', async () => {
    expect(await harCard({ ...byUrl('/slow-unavailable'), response: { status: 200 } }, 5)).toBeNull();
  });
});
