// The real background module, fed event sequences recorded from real Chromium and Firefox ESR
// (test/fixtures/<browser>-events, written by scripts/record-<browser>-events.mjs).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabLog } from '../../src/shared/protocol';
import { createFakeBrowser, type FakeBrowser } from '../support/fake-browser';
import { CORS_CASES, LISTENERS } from '../support/recording.mjs';
import { codes, loadFixture, replay as replayEvents, storedTabLogs } from '../support/replay';

type Browser = 'chromium' | 'firefox';

let fake: FakeBrowser;
// The factory runs once; a proxy lets every test get a fresh fake.
vi.mock('../../src/shared/browser', () => ({
  default: new Proxy({}, { get: (_target, key) => (fake.browser as Record<string | symbol, unknown>)[key] }),
}));

const replay = (browser: Browser, name: string): Promise<TabLog[]> => replayEvents(fake, loadFixture(browser, name).events);
/** The error string a browser really sent in a fixture, so expectations name what was recorded. */
const recordedError = (browser: Browser, name: string) =>
  loadFixture(browser, name).events.find((e) => e.event === 'onErrorOccurred')?.details.error;

beforeEach(() => {
  vi.resetModules();
  fake = createFakeBrowser();
});

const sync = () => (fake.browser as { storage: { sync: { set(items: object): Promise<void> } } }).storage.sync;
/** The person turned on "Name the reason of CORS refusals" (stored before the worker starts). */
const askForCors = () => void sync().set({ explainCors: true });
/** The setting changed while the worker runs, as storage.sync reports it. */
const changeCorsSetting = (on: boolean) => {
  void sync().set({ explainCors: on });
  fake.emit('storage.sync.onChanged', { explainCors: { newValue: on } });
};

const BROWSERS: { browser: Browser; recorded: [fixture: string, stored: string][] }[] = [
  {
    browser: 'chromium',
    recorded: [
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
      // Chromium reports only an error after the 500's headers: the 500 is the failure.
      ['stylesheet-500-cancelled', 'receive 500 ×1'],
    ],
  },
  {
    browser: 'firefox',
    recorded: [
      ['status-404-image', 'receive 404 ×1'],
      ['status-409-fetch-post', 'receive 409 ×1'],
      ['status-409-fetch-put', 'receive 409 ×1'],
      ['dns-failure', 'dns NS_ERROR_UNKNOWN_HOST ×1'],
      ['connection-refused', 'connect NS_ERROR_CONNECTION_REFUSED ×1'],
      ['connection-reset', 'wait NS_ERROR_NET_RESET ×1'],
      ['empty-response', 'wait NS_ERROR_NET_RESET ×1'],
      ['empty-response-nginx-444', 'wait NS_ERROR_NET_RESET ×1'],
      ['redirect-loop-fetch', 'receive NS_ERROR_REDIRECT_LOOP ×1'],
      ['redirect-loop-main-frame', 'receive NS_ERROR_REDIRECT_LOOP ×1'],
      // Firefox commits the error page before it reports the error; the failure must survive that order.
      ['main-frame-dns', 'dns NS_ERROR_UNKNOWN_HOST ×1'],
    ],
  },
];

describe.each(BROWSERS)('replaying real $browser event sequences', ({ browser, recorded }) => {
  it.each(recorded)('%s → %s', async (name, expected) => {
    expect(codes(await replay(browser, name))).toEqual([expected]);
  });

  it('a main-frame loop keeps its whole redirect chain', async () => {
    const [log] = await replay(browser, 'redirect-loop-main-frame');
    const redirects = loadFixture(browser, 'redirect-loop-main-frame').events.filter((e) => e.event === 'onBeforeRedirect');
    expect(redirects.length).toBeGreaterThanOrEqual(20);
    expect(log?.failures[0]?.redirects).toHaveLength(redirects.length);
  });

  it.each(['clean-page-50-requests', 'aborted-fetch'])('%s records nothing and writes nothing', async (name) => {
    expect(codes(await replay(browser, name))).toEqual([]);
    expect(fake.session.size).toBe(0);
  });

  it('the badge counts the failure', async () => {
    const [log] = await replay(browser, 'status-409-fetch-post');
    await vi.waitFor(() => expect(fake.badges.get(log!.tabId)?.text).toBe('1'));
  });

  it("the tab's popup carries its first screen, and a failed page's popup none (its open card needs the catalog)", async () => {
    const { readFirstScreen } = await import('../../src/shared/first-screen');
    const [log] = await replay(browser, 'status-409-fetch-post');
    await vi.waitFor(() => expect(fake.popups.get(log!.tabId)).toMatch(/^chrome-extension:\/\/fake-extension-id\/src\/popup\/index\.html#/));
    const screen = readFirstScreen(`#${fake.popups.get(log!.tabId)!.split('#')[1]}`);
    expect(screen?.groups.flatMap((group) => group.failures.map((f) => `${f.code} ${f.url}`))).toEqual([`409 ${log!.failures[0]!.url}`]);
    const [page] = await replay(browser, 'redirect-loop-main-frame');
    await vi.waitFor(() => expect(fake.badges.get(page!.tabId)?.text).toBe('1'));
    expect(fake.popups.get(page!.tabId)).toBe('chrome-extension://fake-extension-id/src/popup/index.html');
  });

  it.each(['redirect-loop-fetch', 'redirect-loop-main-frame', ...(browser === 'chromium' ? ['stylesheet-500-cancelled'] : [])])('%s leaves no per-request state behind', async (name) => {
    await replay(browser, name);
    const { answers, redirects } = await import('../../src/background/index');
    expect([redirects.size, answers.size]).toEqual([0, 0]);
  });
});

describe('CORS refusals replayed from real Chromium: the rule that failed, from the answer and preflight seen', () => {
  beforeEach(askForCors);
  const listed = (code: string | null): string[] => {
    if (code === null) return [];
    return [/^\d+$/.test(code) ? `receive ${code} ×1` : `browser ${code} ×1`];
  };

  it.each(CORS_CASES)('$name → $code', async ({ name, code }) => {
    expect(codes(await replay('chromium', name))).toEqual(listed(code));
    const { corsAnswers, preflights } = await import('../../src/background/cors-evidence');
    expect([corsAnswers.size, preflights.size]).toEqual([0, 0]);
  });

  it('without the answer and preflight (a worker restart in between), a cross-origin ERR_FAILED stays ERR_FAILED and says only that it was cross-origin', async () => {
    const events = loadFixture('chromium', 'cors-allow-origin-mismatch').events.filter((e) => e.event !== 'onHeadersReceived');
    const [log] = await replayEvents(fake, events);
    expect(log?.failures.map((f) => [f.code, f.cors])).toEqual([['net::ERR_FAILED', { pageOrigin: expect.stringMatching(/^http:\/\/localhost:\d+$/) }]]);
  });

  it('the card names what the answer allowed and the page origin', async () => {
    const [log] = await replay('chromium', 'cors-allow-origin-mismatch');
    expect(log?.failures[0]?.cors).toMatchObject({ rule: 'CORS_ALLOW_ORIGIN_MISMATCH', allowOrigin: 'https://other.example', pageOrigin: expect.stringMatching(/^http:\/\/localhost:/), varyOrigin: true });
    const [preflight] = await replay('chromium', 'cors-preflight-405');
    expect(preflight?.failures[0]?.cors).toMatchObject({ rule: 'CORS_PREFLIGHT_INVALID_STATUS', preflight: true, status: 405 });
    const [header] = await replay('chromium', 'cors-header-not-allowed');
    expect(header?.failures[0]?.cors).toMatchObject({ rule: 'CORS_HEADER_DISALLOWED_BY_PREFLIGHT', header: 'x-request-doctor', allowed: 'content-type' });
    const [method] = await replay('chromium', 'cors-method-not-allowed');
    expect(method?.failures[0]?.cors).toMatchObject({ method: 'PUT', allowed: 'GET,POST' });
  });

  it('a refused preflight is not listed as a failure of its own', async () => {
    const events = loadFixture('chromium', 'cors-preflight-405').events;
    expect(events.some((e) => e.event === 'onCompleted' && (e.details as { method?: string }).method === 'OPTIONS')).toBe(true);
    expect((await replay('chromium', 'cors-preflight-405')).flatMap((log) => log.failures.map((f) => f.method))).toEqual(['PUT']);
  });

  it('the hidden 500 is listed as the 500, flagged as unreadable by the page', async () => {
    const [log] = await replay('chromium', 'cors-hidden-500');
    expect(log?.failures[0]).toMatchObject({ statusCode: 500, code: '500', stage: 'receive', cors: { rule: 'CORS_MISSING_ALLOW_ORIGIN' } });
    expect(log?.failures[0]?.error).toBeUndefined();
  });
});

describe('CORS refusals replayed from real Firefox ESR', () => {
  beforeEach(askForCors);
  // Firefox reports a refused preflight as NS_ERROR_DOM_BAD_URI (the OPTIONS and the request), and shows the
  // preflight's answer without 'extraHeaders'. A refused simple request completes as far as webRequest tells.
  const FIREFOX: [fixture: string, stored: string[]][] = [
    ['cors-preflight-405', ['browser CORS_PREFLIGHT_INVALID_STATUS ×1']],
    ['cors-preflight-redirect', ['browser CORS_PREFLIGHT_DISALLOWED_REDIRECT ×1']],
    ['cors-method-not-allowed', ['browser CORS_METHOD_DISALLOWED_BY_PREFLIGHT ×1']],
    ['cors-header-not-allowed', ['browser CORS_HEADER_DISALLOWED_BY_PREFLIGHT ×1']],
    ['cors-hidden-500', ['receive 500 ×1']],
    ...['cors-missing-allow-origin', 'cors-allow-origin-mismatch', 'cors-wildcard-with-credentials', 'cors-credentials-not-allowed',
      'cors-multiple-allow-origin', 'cors-allowed-get', 'cors-allowed-put'].map((name): [string, string[]] => [name, []]),
  ];

  it.each(FIREFOX)('%s → %j', async (name, expected) => {
    expect(codes(await replay('firefox', name))).toEqual(expected);
    const { corsAnswers, preflights } = await import('../../src/background/cors-evidence');
    expect([corsAnswers.size, preflights.size]).toEqual([0, 0]);
  });

  it('a refused preflight arrived as NS_ERROR_DOM_BAD_URI, and the header it refused is named', async () => {
    expect(recordedError('firefox', 'cors-preflight-405')).toBe('NS_ERROR_DOM_BAD_URI');
    const [log] = await replay('firefox', 'cors-header-not-allowed');
    expect(log?.failures[0]?.cors).toMatchObject({ header: 'x-request-doctor', pageOrigin: expect.stringMatching(/^http:\/\/localhost:\d+$/) });
  });

  it("a browser that refuses 'extraHeaders', as Firefox does, still gets every listener", async () => {
    const webRequest = (fake.browser as { webRequest: Record<string, { addListener: (...args: unknown[]) => void }> }).webRequest;
    const add = webRequest.onHeadersReceived!.addListener;
    const refused: unknown[] = [];
    webRequest.onHeadersReceived!.addListener = (listener, filter, options) => {
      if ((options as string[]).includes('extraHeaders')) throw refused.push(options) && new TypeError('Invalid enumeration value "extraHeaders"');
      add(listener, filter, options);
    };
    expect(codes(await replay('firefox', 'cors-preflight-405'))).toEqual(['browser CORS_PREFLIGHT_INVALID_STATUS ×1']);
    expect(refused).toHaveLength(1);
    expect([...fake.listeners.keys()]).toEqual(expect.arrayContaining(['webRequest.onHeadersReceived', 'webNavigation.onCommitted', 'runtime.onMessage']));
  });

  it('a refused simple GET is reported by Firefox as completed, with the headers that refused it', () => {
    const events = loadFixture('firefox', 'cors-missing-allow-origin').events;
    expect(events.filter((e) => e.event === 'onErrorOccurred')).toEqual([]);
    expect(events.some((e) => e.event === 'onCompleted' && (e.details as { url?: string }).url?.includes('/cors/'))).toBe(true);
  });
});

describe('the background listens to what the recorders record, and no more', () => {
  const CORS_LISTENERS = ['webRequest.onHeadersReceived', 'webRequest.onSendHeaders'];
  const registered = () => [...fake.listeners].filter(([k, fns]) => fns.length && (k.startsWith('webRequest.') || k === 'webNavigation.onCommitted')).map(([k]) => k).sort();

  it('registers only the listeners the diagnosis needs; the CORS ones only while the person asked for CORS reasons', async () => {
    await replay('chromium', 'status-404-image');
    expect(registered()).toEqual([
      'webNavigation.onCommitted', 'webRequest.onBeforeRedirect', 'webRequest.onCompleted', 'webRequest.onErrorOccurred', 'webRequest.onResponseStarted',
    ]);
    expect(LISTENERS.map((l) => l.event).sort()).toEqual([...registered(), ...CORS_LISTENERS].sort());
    changeCorsSetting(true);
    expect(registered()).toEqual(expect.arrayContaining(CORS_LISTENERS));
    expect(LISTENERS.map((l) => l.event).sort()).toEqual(registered());
    changeCorsSetting(false);
    expect(registered()).not.toContain(CORS_LISTENERS[0]);
    expect(registered()).not.toContain(CORS_LISTENERS[1]);
  });

  it('with the setting on at start, both CORS listeners are registered once the settings are read', async () => {
    askForCors();
    await replay('chromium', 'status-404-image');
    expect(CORS_LISTENERS.map((k) => fake.listeners.get(k)?.length)).toEqual([1, 1]);
  });

  it.each(['cors-allow-origin-mismatch', 'cors-hidden-500', 'cors-preflight-405'])('without the setting, %s stays the bare failure it was, with no CORS detail', async (name) => {
    const logs = await replay('chromium', name);
    expect(logs.flatMap((log) => log.failures.map((f) => [f.code, f.cors]))).toEqual([['net::ERR_FAILED', undefined]]);
  });
});

describe('Chromium specifics', () => {
  it('the 503 keeps its Retry-After and Server headers', async () => {
    const [log] = await replay('chromium', 'status-503-retry-after-nginx');
    expect(log?.failures[0]?.headers).toMatchObject({ 'retry-after': '120', server: expect.stringMatching(/^nginx/) });
  });
});

describe('Firefox specifics', () => {
  it.each([
    ['dns-failure', 'NS_ERROR_UNKNOWN_HOST'],
    ['connection-refused', 'NS_ERROR_CONNECTION_REFUSED'],
    ['connection-reset', 'NS_ERROR_NET_RESET'],
    ['empty-response', 'NS_ERROR_NET_RESET'],
    ['empty-response-nginx-444', 'NS_ERROR_NET_RESET'],
    ['redirect-loop-fetch', 'NS_ERROR_REDIRECT_LOOP'],
    ['redirect-loop-main-frame', 'NS_ERROR_REDIRECT_LOOP'],
    ['main-frame-dns', 'NS_ERROR_UNKNOWN_HOST'],
    ['aborted-fetch', 'NS_BINDING_ABORTED'],
    ['self-signed-certificate', 'The certificate is not trusted because it is self-signed.'],
  ])('%s arrived as %s, the string the diagnosis knows', (name, error) => {
    expect(recordedError('firefox', name)).toBe(error);
  });

  it('a self-signed certificate, reported as an English sentence, is placed at tls', async () => {
    const [log] = await replay('firefox', 'self-signed-certificate');
    expect(log?.failures.map((f) => [f.stage, f.code, f.errorName])).toEqual([
      ['tls', recordedError('firefox', 'self-signed-certificate'), 'CERT_AUTHORITY_INVALID'],
    ]);
  });

  it.each([
    ['connection-reset', 'CONNECTION_RESET'],
    ['dns-failure', 'NAME_NOT_RESOLVED'],
    ['redirect-loop-fetch', 'TOO_MANY_REDIRECTS'],
  ])('%s gets the explanation of its Chromium twin %s', async (name, twin) => {
    const [log] = await replay('firefox', name);
    expect(log?.failures[0]?.errorName).toBe(twin);
  });

  it('the 409 keeps the method and status line Firefox reported', async () => {
    const [log] = await replay('firefox', 'status-409-fetch-put');
    expect(log?.failures[0]).toMatchObject({ method: 'PUT', statusCode: 409, statusLine: 'HTTP/1.1 409 Conflict' });
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
    const [before] = await replay('chromium', 'status-409-fetch-post');
    const store = await import('../../src/background/store');
    for (const details of odd) {
      const full = { requestId: 'r', method: 'GET', type: 'xmlhttprequest', timeStamp: 1, ...details };
      expect(() => fake.emit(details.error !== undefined ? 'webRequest.onErrorOccurred' : 'webRequest.onCompleted', full)).not.toThrow();
      expect(() => fake.emit('webRequest.onBeforeRedirect', full)).not.toThrow();
    }
    await store.flush();
    const logs = storedTabLogs(fake);
    expect(logs.find((log) => log.tabId === before!.tabId)?.failures.map((f) => f.code)).toEqual(['409']);
    const odds = logs.find((log) => log.tabId === 7)!.failures;
    expect(odds.map((f) => f.code).sort()).toEqual(['404', '500', '999', 'weird \u0000 error']);
    expect(odds.find((f) => f.code === '404')!.url.length).toBeLessThan(5000);
    expect(logs.find((log) => log.tabId === -1)?.failures[0]).toMatchObject({ code: 'net::ERR_SOMETHING_NOBODY_KNOWS', stage: 'wait' });
  });
});
