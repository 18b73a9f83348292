// Our own tries: told apart by method and URL only, and never led by a redirect to another site.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebRequest } from '../shared/browser';

vi.mock('../shared/browser', () => ({ default: { runtime: { getURL: () => 'chrome-extension://ours/' } } }));

const URL_ = 'https://down.test/api';
const ours = { type: 'xmlhttprequest', tabId: -1, timeStamp: 1, requestId: '1', frameId: 0, parentFrameId: -1, fromCache: false, initiator: 'chrome-extension://ours' };
const refused = { ...ours, url: URL_, method: 'GET', error: 'net::ERR_CONNECTION_REFUSED' } as unknown as WebRequest.OnErrorOccurredDetailsType;

afterEach(() => vi.unstubAllGlobals());

describe('tries of the same URL', () => {
  it('take turns, and each gets the network error webRequest saw for it', async () => {
    const { tryOnce, ownRequestFailed } = await import('./own-fetch');
    let fetches = 0;
    // Like Chromium: fetch fails with a bare TypeError, and webRequest reports the real error.
    vi.stubGlobal('fetch', () => {
      fetches += 1;
      setTimeout(() => ownRequestFailed(refused, undefined), 5);
      return new Promise((_resolve, reject) => setTimeout(() => reject(new TypeError('Failed to fetch')), 10));
    });
    const [watchCheck, recheck] = await Promise.all([tryOnce(URL_, 'GET', 'include', 'public'), tryOnce(URL_, 'GET', 'include', 'public')]);
    expect(fetches).toBe(2);
    for (const outcome of [watchCheck, recheck]) {
      expect(outcome).toMatchObject({ kind: 'failed', failure: { code: 'net::ERR_CONNECTION_REFUSED', stage: 'connect' } });
    }
  });
});

describe('redirects', () => {
  /** A server whose answers are redirects (url → where to) or a status; webRequest says where each redirect pointed. */
  async function serve(answers: Record<string, string | number>) {
    const { ownRequestRedirected } = await import('./own-fetch');
    const asked: { url: string; redirect: RequestRedirect | undefined; credentials: RequestCredentials | undefined }[] = [];
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      asked.push({ url, redirect: init.redirect, credentials: init.credentials });
      const answer = answers[url] ?? 404;
      if (typeof answer === 'number') return Promise.resolve(new Response(null, { status: answer }));
      ownRequestRedirected({ ...ours, url, method: 'GET', statusCode: 302, redirectUrl: answer } as unknown as WebRequest.OnBeforeRedirectDetailsType);
      // What a fetch with redirect: 'manual' gets: status 0, no readable Location.
      return Promise.resolve({ type: 'opaqueredirect', status: 0, statusText: '', url: '', headers: new Headers(), body: null });
    });
    return asked;
  }

  it('to another site: not followed, and where it pointed is said', async () => {
    const { tryOnce } = await import('./own-fetch');
    const asked = await serve({ [URL_]: 'https://sso.example.com/login?next=1' });
    expect(await tryOnce(URL_, 'GET', 'include', 'public')).toEqual({ kind: 'redirected', status: 302, to: 'https://sso.example.com/login?next=1' });
    expect(asked).toEqual([{ url: URL_, redirect: 'manual', credentials: 'include' }]);
  });

  it('within the site: followed one hop at a time, with the same cookies rule', async () => {
    const { tryOnce } = await import('./own-fetch');
    const asked = await serve({ 'http://down.test/api': URL_, [URL_]: 'https://www.down.test/api/', 'https://www.down.test/api/': 200 });
    expect(await tryOnce('http://down.test/api', 'GET', 'omit', 'public')).toEqual({ kind: 'ok', status: 200 });
    expect(asked.map((a) => [a.url, a.redirect, a.credentials])).toEqual([
      ['http://down.test/api', 'manual', 'omit'], [URL_, 'manual', 'omit'], ['https://www.down.test/api/', 'manual', 'omit'],
    ]);
  });

  it('within the site but onto a more private network than the page’s: not followed', async () => {
    const { tryOnce } = await import('./own-fetch');
    const asked = await serve({ 'http://127.0.0.1:8080/a': 'http://127.0.0.1:9/admin', 'http://127.0.0.1:9/admin': 200 });
    expect(await tryOnce('http://127.0.0.1:8080/a', 'GET', 'omit', 'public')).toMatchObject({ kind: 'redirected', to: 'http://127.0.0.1:9/admin' });
    expect(asked).toHaveLength(1);
  });

  it('a loop within the site ends as the browser’s own would, after 20 redirects', async () => {
    const { tryOnce } = await import('./own-fetch');
    const asked = await serve({ [URL_]: `${URL_}2`, [`${URL_}2`]: URL_ });
    expect(await tryOnce(URL_, 'GET', 'include', 'public')).toMatchObject({ kind: 'failed', failure: { code: 'net::ERR_TOO_MANY_REDIRECTS' } });
    expect(asked).toHaveLength(21);
  });
});
