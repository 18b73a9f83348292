// The real background module, fed event sequences recorded from real Chromium (test/fixtures/chromium-events).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabLog } from '../../src/shared/protocol';
import { createFakeBrowser, type FakeBrowser } from '../support/fake-browser';
import { codes, loadFixture, replay as replayEvents } from '../support/replay';

let fake: FakeBrowser;
// The factory runs once; a proxy lets every test get a fresh fake.
vi.mock('../../src/shared/browser', () => ({
  default: new Proxy({}, { get: (_target, key) => (fake.browser as Record<string | symbol, unknown>)[key] }),
}));

const replay = (name: string): Promise<TabLog[]> => replayEvents(fake, loadFixture('chromium', name).events);

beforeEach(() => {
  vi.resetModules();
  fake = createFakeBrowser();
});

describe('replaying real Chromium event sequences', () => {
  it.each([
    ['status-404-image', 'receive 404 ×1'],
    ['status-409-fetch-post', 'receive 409 ×1'],
    ['status-503-retry-after-nginx', 'receive 503 ×1'],
    ['status-502-nginx', 'receive 502 ×1'],
    ['dns-failure', 'dns net::ERR_NAME_NOT_RESOLVED ×1'],
    ['connection-refused', 'connect net::ERR_CONNECTION_REFUSED ×1'],
    ['self-signed-certificate', 'tls net::ERR_CERT_AUTHORITY_INVALID ×1'],
    ['connection-reset', 'wait net::ERR_CONNECTION_RESET ×1'],
    ['empty-response-nginx-444', 'wait net::ERR_EMPTY_RESPONSE ×1'],
    ['redirect-loop-fetch', 'receive net::ERR_TOO_MANY_REDIRECTS ×1'],
    ['redirect-loop-main-frame', 'receive net::ERR_TOO_MANY_REDIRECTS ×1'],
    ['main-frame-dns-with-auto-reload', 'dns net::ERR_NAME_NOT_RESOLVED ×1'],
  ])('%s → %s', async (name, expected) => {
    expect(codes(await replay(name))).toEqual([expected]);
  });

  it('the 503 keeps its Retry-After and Server headers', async () => {
    const [log] = await replay('status-503-retry-after-nginx');
    expect(log?.failures[0]?.headers).toMatchObject({ 'retry-after': '120', server: expect.stringMatching(/^nginx/) });
  });

  it('a main-frame loop keeps its redirect chain', async () => {
    const [log] = await replay('redirect-loop-main-frame');
    expect(log?.failures[0]?.redirects).toHaveLength(20);
  });

  it.each(['clean-page-50-requests', 'aborted-fetch'])('%s records nothing and writes nothing', async (name) => {
    expect(codes(await replay(name))).toEqual([]);
    expect(fake.session.size).toBe(0);
  });

  it('the badge counts the failure', async () => {
    const [log] = await replay('status-409-fetch-post');
    await vi.waitFor(() => expect(fake.badges.get(log!.tabId)?.text).toBe('1'));
  });

  it.each(['redirect-loop-fetch', 'redirect-loop-main-frame'])('%s leaves no per-request state behind', async (name) => {
    await replay(name);
    const { redirects } = await import('../../src/background/index');
    expect(redirects.size).toBe(0);
  });

  it('registers only the listeners the diagnosis needs', async () => {
    await replay('status-404-image');
    expect([...fake.listeners.keys()].filter((k) => k.startsWith('webRequest.')).sort()).toEqual([
      'webRequest.onBeforeRedirect', 'webRequest.onCompleted', 'webRequest.onErrorOccurred',
    ]);
  });
});

describe('bad input never crashes the worker nor loses recorded failures', () => {
  const odd: Record<string, unknown>[] = [
    { url: `https://a.test/${'x'.repeat(200_000)}`, statusCode: 404, tabId: 7 },
    { url: 'https://a.test/', statusCode: 0, tabId: 7 },
    { url: 'https://a.test/', statusCode: 999, tabId: 7 },
    { url: 'https://a.test/', statusCode: -5, tabId: 7 },
    { url: 'https://a.test/', error: 'net::ERR_SOMETHING_NOBODY_KNOWS', tabId: -1 },
    { url: 'https://a.test/', error: '', tabId: 7 },
    { url: 'javascript:void(0)', error: 'weird \u0000 error', tabId: 7 },
    { url: 'https://a.test/', statusCode: 500, tabId: 7, responseHeaders: [{ name: 'Retry-After', value: '-1' }, { name: 'Allow' }, { value: 'x' }, null] },
    { url: 'https://a.test/', statusCode: 503, tabId: Number.NaN, responseHeaders: 'not-an-array' },
    { statusCode: 500 },
    {},
  ];

  it('odd events are recorded sensibly or ignored, and earlier failures stay', async () => {
    const [before] = await replay('status-409-fetch-post');
    const store = await import('../../src/background/store');
    for (const details of odd) {
      const full = { requestId: 'r', method: 'GET', type: 'xmlhttprequest', timeStamp: 1, ...details };
      expect(() => fake.emit(details.error !== undefined ? 'webRequest.onErrorOccurred' : 'webRequest.onCompleted', full)).not.toThrow();
      expect(() => fake.emit('webRequest.onBeforeRedirect', full)).not.toThrow();
    }
    await store.flush();
    const logs = [...fake.session.values()] as TabLog[];
    expect(logs.find((log) => log.tabId === before!.tabId)?.failures.map((f) => f.code)).toEqual(['409']);
    const odds = logs.find((log) => log.tabId === 7)!.failures;
    expect(odds.map((f) => f.code).sort()).toEqual(['404', '500', '999', 'weird \u0000 error']);
    expect(odds.find((f) => f.code === '404')!.url.length).toBeLessThan(5000);
    expect(logs.find((log) => log.tabId === -1)?.failures[0]).toMatchObject({ code: 'net::ERR_SOMETHING_NOBODY_KNOWS', stage: 'wait' });
  });
});
