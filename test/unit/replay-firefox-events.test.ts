// The real background module, fed event sequences recorded from real Firefox ESR (test/fixtures/firefox-events).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabLog } from '../../src/shared/protocol';
import { createFakeBrowser, type FakeBrowser } from '../support/fake-browser';
import { codes, loadFixture, replay as replayEvents } from '../support/replay';

const fixture = (name: string) => loadFixture('firefox', name);
/** The error string Firefox really sent in a fixture, so expectations name what was recorded. */
const recordedError = (name: string) => fixture(name).events.find((e) => e.event === 'onErrorOccurred')?.details.error;

let fake: FakeBrowser;
// The factory runs once; a proxy lets every test get a fresh fake.
vi.mock('../../src/shared/browser', () => ({
  default: new Proxy({}, { get: (_target, key) => (fake.browser as Record<string | symbol, unknown>)[key] }),
}));

const replay = (name: string): Promise<TabLog[]> => replayEvents(fake, fixture(name).events);

beforeEach(() => {
  vi.resetModules();
  fake = createFakeBrowser();
});

describe('the recorded Firefox strings are the ones the diagnosis knows', () => {
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
  ])('%s arrived as %s', (name, error) => {
    expect(recordedError(name)).toBe(error);
  });
});

describe('replaying real Firefox event sequences', () => {
  it.each([
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
  ])('%s → %s', async (name, expected) => {
    expect(codes(await replay(name))).toEqual([expected]);
  });

  it('a self-signed certificate, reported as an English sentence, is placed at tls', async () => {
    const [log] = await replay('self-signed-certificate');
    expect(log?.failures.map((f) => [f.stage, f.code, f.errorName])).toEqual([
      ['tls', recordedError('self-signed-certificate'), 'CERT_AUTHORITY_INVALID'],
    ]);
  });

  it.each([
    ['connection-reset', 'CONNECTION_RESET'],
    ['dns-failure', 'NAME_NOT_RESOLVED'],
    ['redirect-loop-fetch', 'TOO_MANY_REDIRECTS'],
  ])('%s gets the explanation of its Chromium twin %s', async (name, twin) => {
    const [log] = await replay(name);
    expect(log?.failures[0]?.errorName).toBe(twin);
  });

  it('the 409 keeps the method and status line Firefox reported', async () => {
    const [log] = await replay('status-409-fetch-put');
    expect(log?.failures[0]).toMatchObject({ method: 'PUT', statusCode: 409, statusLine: 'HTTP/1.1 409 Conflict' });
  });

  it('a main-frame loop keeps its redirect chain', async () => {
    const [log] = await replay('redirect-loop-main-frame');
    expect(log?.failures[0]?.redirects).toHaveLength(fixture('redirect-loop-main-frame').events.filter((e) => e.event === 'onBeforeRedirect').length);
    expect(log?.failures[0]?.redirects?.length).toBeGreaterThanOrEqual(20);
  });

  it.each(['clean-page-50-requests', 'aborted-fetch'])('%s records nothing and writes nothing', async (name) => {
    expect(codes(await replay(name))).toEqual([]);
    expect(fake.session.size).toBe(0);
  });

  it('the badge counts the failure', async () => {
    const [log] = await replay('status-409-fetch-put');
    await vi.waitFor(() => expect(fake.badges.get(log!.tabId)?.text).toBe('1'));
  });

  it.each(['redirect-loop-fetch', 'redirect-loop-main-frame'])('%s leaves no per-request state behind', async (name) => {
    await replay(name);
    const { redirects } = await import('../../src/background/index');
    expect(redirects.size).toBe(0);
  });
});
