// Our own tries are told apart by method and URL only: two at once must not take each other's error.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebRequest } from '../shared/browser';

vi.mock('../shared/browser', () => ({ default: { runtime: { getURL: () => 'chrome-extension://ours/' } } }));
const store = vi.hoisted(() => ({ sessionItem: vi.fn((): unknown => undefined), setSessionItem: vi.fn(), tabLog: vi.fn((): unknown => undefined) }));
vi.mock('./store', () => store);

const URL_ = 'https://down.test/api';
const refused = { url: URL_, method: 'GET', type: 'xmlhttprequest', tabId: -1, timeStamp: 1, requestId: '1', frameId: 0, parentFrameId: -1,
  error: 'net::ERR_CONNECTION_REFUSED', fromCache: false, initiator: 'chrome-extension://ours' } as unknown as WebRequest.OnErrorOccurredDetailsType;

afterEach(() => vi.unstubAllGlobals());

describe('tries of the same URL', () => {
  it('take turns, and each gets the network error webRequest saw for it', async () => {
    const { tryOnce, ownRequestFailed } = await import('./recheck');
    let fetches = 0;
    // Like Chromium: fetch fails with a bare TypeError, and webRequest reports the real error.
    vi.stubGlobal('fetch', () => {
      fetches += 1;
      setTimeout(() => ownRequestFailed(refused, undefined), 5);
      return new Promise((_resolve, reject) => setTimeout(() => reject(new TypeError('Failed to fetch')), 10));
    });
    const [watchCheck, recheck] = await Promise.all([tryOnce(URL_, 'GET', 'include'), tryOnce(URL_, 'GET', 'include')]);
    expect(fetches).toBe(2);
    for (const outcome of [watchCheck, recheck]) {
      expect(outcome).toMatchObject({ kind: 'failed', failure: { code: 'net::ERR_CONNECTION_REFUSED', stage: 'connect' } });
    }
  });
});

describe('recheck results of a tab', () => {
  const result = { verdict: 'still-failing', checkedAt: 2, failedAt: 1 };
  const failure = (url: string) => ({ url, method: 'GET', type: 'xmlhttprequest', code: '500' });

  it('go with the failures the tab no longer lists (another page, Clear), and only those', async () => {
    const { keepRechecksOfListed } = await import('./recheck');
    const { failureKey } = await import('../diagnosis/recheck');
    const kept = failure('https://shop.test/still');
    const gone = failure('https://shop.test/old?token=1');
    store.sessionItem.mockReturnValue({ [failureKey(kept as never)]: result, [failureKey(gone as never)]: result });
    store.tabLog.mockReturnValue({ failures: [kept] });
    keepRechecksOfListed(3);
    expect(store.setSessionItem).toHaveBeenLastCalledWith('recheck:3', { [failureKey(kept as never)]: result });
    store.tabLog.mockReturnValue({ failures: [] });
    keepRechecksOfListed(3);
    expect(store.setSessionItem).toHaveBeenLastCalledWith('recheck:3', undefined);
  });

  it('are not rewritten when every one is still listed, or there are none', async () => {
    const { keepRechecksOfListed } = await import('./recheck');
    const { failureKey } = await import('../diagnosis/recheck');
    const listed = failure('https://shop.test/a');
    store.setSessionItem.mockClear();
    store.sessionItem.mockReturnValue({ [failureKey(listed as never)]: result });
    store.tabLog.mockReturnValue({ failures: [listed] });
    keepRechecksOfListed(3);
    store.sessionItem.mockReturnValue(undefined);
    keepRechecksOfListed(3);
    expect(store.setSessionItem).not.toHaveBeenCalled();
  });
});
