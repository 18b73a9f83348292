// Recheck results live as long as the failures their tab still lists.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../shared/browser', () => ({ default: { runtime: { getURL: () => 'chrome-extension://ours/' } } }));
const store = vi.hoisted(() => ({ sessionItem: vi.fn((): unknown => undefined), setSessionItem: vi.fn(), tabLog: vi.fn((): unknown => undefined) }));
vi.mock('./store', () => store);
vi.mock('./history', () => ({ tabPageUrl: () => undefined }));
vi.mock('./team/index', () => ({ teamRechecked: vi.fn() }));

describe('recheck results of a tab', () => {
  const result = { verdict: 'failing', checkedAt: 2, failedAt: 1 };
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
