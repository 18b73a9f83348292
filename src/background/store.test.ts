// The store against a fake storage whose reads are slow (a cold worker start) and whose writes can fail.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { observe } from '../diagnosis/observe';
import { fromStored, type TabLog } from '../shared/protocol';

const session = new Map<string, unknown>();
let releaseRead: () => void = () => {};
let releaseSettings: () => void = () => {};
let failingWrites = 0;
/** What storage.session holds at most, counted as Chromium does: keys and values, strings in UTF-8 bytes. */
let quotaBytes = Infinity;
const writes: Record<string, unknown>[] = [];
const bytesOf = (items: Map<string, unknown>): number =>
  [...items].reduce((sum, [key, value]) => sum + new TextEncoder().encode(key + (typeof value === 'string' ? value : JSON.stringify(value))).length, 0);

vi.mock('../shared/browser', () => ({
  default: {
    storage: {
      session: {
        get: () => new Promise((resolve) => (releaseRead = () => resolve(Object.fromEntries(session)))),
        set: async (items: Record<string, unknown>) => {
          if (failingWrites > 0) {
            failingWrites -= 1;
            throw new Error('The browser is shutting down.');
          }
          if (bytesOf(new Map([...session, ...Object.entries(items)])) > quotaBytes) {
            throw new Error('Session storage quota bytes exceeded. Values were not stored.');
          }
          writes.push(structuredClone(items));
          for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
        },
        remove: async (keys: string[]) => keys.forEach((k) => session.delete(k)),
      },
      sync: {
        get: () => new Promise((resolve) => (releaseSettings = () => resolve({ showAborted: true }))),
        onChanged: { addListener: () => {} },
      },
    },
  },
}));

/** Tab logs are stored as JSON text. */
const storedLog = (): TabLog => fromStored(session.get('tab:4')) as TabLog;

const failure = (url: string, statusCode = 500) =>
  observe({ url, method: 'GET', type: 'xmlhttprequest', tabId: 4, timeStamp: 1, statusCode })!;

async function readyStore() {
  const store = await import('./store');
  releaseRead();
  releaseSettings();
  await store.ready;
  return store;
}

beforeEach(() => {
  vi.resetModules();
  vi.useRealTimers();
  session.clear();
  writes.length = 0;
  failingWrites = 0;
  quotaBytes = Infinity;
});

describe('store on a cold start', () => {
  it('events that arrive before the saved state is read are applied after it, not over it', async () => {
    const saved: TabLog = { tabId: 4, failures: [] };
    session.set('tab:4', saved);
    const { addFailure } = await import('./tab-log');
    addFailure(saved, failure('https://a.test/before'));
    const store = await import('./store');
    store.recordFailure(failure('https://a.test/during-wake-up'));
    releaseRead();
    releaseSettings();
    await store.ready;
    await store.flush();
    const log = storedLog();
    expect(log.failures.map((f) => f.url)).toEqual(['https://a.test/before', 'https://a.test/during-wake-up']);
  });

  it('nothing runs until the settings are read too, and then in arrival order', async () => {
    const store = await import('./store');
    const { settings } = await import('../shared/settings-store');
    const seen: string[] = [];
    store.whenReady(() => seen.push(`first:${settings().showAborted}`));
    store.whenReady(() => seen.push('second'));
    releaseRead();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual([]);
    releaseSettings();
    await store.ready;
    expect(seen).toEqual(['first:true', 'second']);
  });

  it('many failures in a burst are written in few calls, and none is lost', async () => {
    const store = await readyStore();
    for (let i = 0; i < 50; i++) store.recordFailure(failure(`https://a.test/${i}`));
    await store.flush();
    expect(writes).toHaveLength(1);
    expect(storedLog().failures).toHaveLength(50);
  });

  it('a change waits one batch delay, so a burst is one write', async () => {
    const store = await readyStore();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    store.recordFailure(failure('https://a.test/1'));
    vi.advanceTimersByTime(store.WRITE_DELAY_MS - 1);
    store.recordFailure(failure('https://a.test/2'));
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toHaveLength(1);
    expect((fromStored(writes[0]!['tab:4']) as TabLog).failures).toHaveLength(2);
  });

  it('flush() writes at once, without waiting for the batch delay', async () => {
    const store = await readyStore();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    store.recordFailure(failure('https://a.test/now'));
    await store.flush();
    expect(writes).toHaveLength(1);
  });

  it('what changes during a write that flush() waits for is written right after it', async () => {
    const store = await readyStore();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    store.recordFailure(failure('https://a.test/1'));
    const flushed = store.flush();
    store.recordFailure(failure('https://a.test/2'));
    await flushed;
    expect(writes).toHaveLength(2);
    expect(storedLog().failures).toHaveLength(2);
  });

  it('a closed tab is removed from storage', async () => {
    const store = await readyStore();
    store.recordFailure(failure('https://a.test/x'));
    await store.flush();
    store.forgetTab(4);
    await store.flush();
    expect(session.has('tab:4')).toBe(false);
  });
});

describe('store after a tab closed', () => {
  it('a failure reported after the close does not bring the tab back', async () => {
    const store = await readyStore();
    const recorded: string[] = [];
    store.setRecordListener((record) => recorded.push(record.url));
    store.recordFailure(failure('https://a.test/before-close'));
    store.forgetTab(4);
    // Closing a tab cancels its requests; their errors can arrive after tabs.onRemoved.
    store.recordFailure(failure('https://a.test/cancelled-by-close'));
    await store.flush();
    expect(recorded).toEqual(['https://a.test/before-close']);
    expect(store.tabLog(4)).toBeUndefined();
    expect(session.has('tab:4')).toBe(false);
  });
});

describe('store adopting a value read back', () => {
  it('keeps the parsed form in place of the text, writes nothing, and adds no key', async () => {
    session.set('history:0', '[{"url":"https://a.test/"}]');
    const store = await readyStore();
    const parsed = [{ url: 'https://a.test/' }];
    store.adoptSessionItem('history:0', parsed);
    store.adoptSessionItem('history:9', []);
    await store.flush();
    expect(store.sessionItem('history:0')).toBe(parsed);
    expect(store.sessionItem('history:9')).toBeUndefined();
    expect(writes).toEqual([]);
  });
});

describe('store when storage fails', () => {
  it('keeps everything in memory and retries with backoff until a write succeeds', async () => {
    const store = await readyStore();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    failingWrites = 2;
    store.recordFailure(failure('https://a.test/1'));
    store.recordFailure(failure('https://a.test/2'));
    await store.flush();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(store.tabLog(4)?.failures).toHaveLength(2);
    expect(storedLog().failures.map((f) => f.url)).toEqual(['https://a.test/1', 'https://a.test/2']);
    warn.mockRestore();
  });
});

describe('store when storage is full', () => {
  const long = (i: number) => failure(`https://a.test/${i}/${'x'.repeat(2000)}`);

  it('drops the oldest records, keeps the newest, counts what it dropped, and stops retrying once it fits', async () => {
    const store = await readyStore();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (let i = 0; i < 40; i++) store.recordFailure(long(i));
    await store.flush();
    expect(storedLog().failures).toHaveLength(40);
    // The room left shrinks (other data, another extension's share): the next write no longer fits.
    quotaBytes = bytesOf(session);
    store.recordFailure(long(40));
    await store.flush();
    const stored = storedLog();
    expect(stored.failures.at(-1)?.url).toContain('/40/');
    expect(stored.failures.length).toBeLessThan(41);
    expect(stored.failures.length + stored.dropped!).toBe(41);
    expect(store.tabLog(4)?.dropped).toBe(stored.dropped);
    expect(bytesOf(session)).toBeLessThanOrEqual(quotaBytes);
    warn.mockRestore();
  });

  it('gives up when nothing old is left to drop, instead of retrying forever', async () => {
    const store = await readyStore();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    quotaBytes = 100;
    store.recordFailure(long(1));
    await store.flush();
    expect(error).toHaveBeenCalledTimes(1);
    expect(session.has('tab:4')).toBe(false);
    // Still in memory, and the next change is tried again.
    expect(store.tabLog(4)?.failures).toHaveLength(1);
    quotaBytes = Infinity;
    store.recordFailure(long(2));
    await store.flush();
    expect(storedLog().failures).toHaveLength(2);
    error.mockRestore();
  });

  it('asks the history first (its oldest entries go before any tab log record)', async () => {
    const store = await readyStore();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (let i = 0; i < 10; i++) store.recordFailure(long(i));
    store.setSessionItem('history:0', 'h'.repeat(20_000));
    await store.flush();
    quotaBytes = bytesOf(session);
    store.setQuotaListener(() => {
      if (store.sessionItem('history:0') === undefined) return false;
      store.setSessionItem('history:0', undefined);
      return true;
    });
    store.recordFailure(long(10));
    await store.flush();
    expect(session.has('history:0')).toBe(false);
    expect(storedLog().failures).toHaveLength(11);
    expect(storedLog().dropped).toBeUndefined();
    warn.mockRestore();
  });
});

describe('isQuotaError', () => {
  it.each([
    ['Chromium storage.session', new Error('Session storage quota bytes exceeded. Values were not stored.'), true],
    ['Chromium storage.local', new Error('Resource::kQuotaBytes quota exceeded'), true],
    ['Firefox storage.session (measured in Firefox 153)', new Error('QuotaExceededError: storage.session API call exceeded its quota limitations.'), true],
    ['Firefox IndexedDB', Object.assign(new Error('The current transaction exceeded its quota limitations.'), { name: 'QuotaExceededError' }), true],
    ['a DOMException by name alone', { name: 'QuotaExceededError', message: '' }, true],
    ['a shutdown', new Error('The browser is shutting down.'), false],
    ['not an error at all', undefined, false],
  ])('%s', async (_name, error, expected) => {
    const { isQuotaError } = await import('./store');
    expect(isQuotaError(error)).toBe(expected);
  });
});

describe('store reading back foreign or corrupt data', () => {
  it('skips what is not a tab log of ours and keeps the rest', async () => {
    const { addFailure } = await import('./tab-log');
    const good: TabLog = { tabId: 7, failures: [] };
    addFailure(good, { ...failure('https://a.test/kept'), tabId: 7 });
    session.set('tab:7', good);
    session.set('tab:8', { tabId: 8, failures: 'not an array' });
    session.set('tab:9', 'garbage');
    session.set('tab:10', { version: 99, tabId: 10, failures: [{ url: 5 }, null, ...good.failures.map((f) => ({ ...f, tabId: 10 }))] });
    const store = await readyStore();
    expect(store.tabLog(7)?.failures.map((f) => f.url)).toEqual(['https://a.test/kept']);
    expect(store.tabLog(8)).toBeUndefined();
    expect(store.tabLog(9)).toBeUndefined();
    expect(store.tabLog(10)?.failures).toHaveLength(1);
    store.recordFailure(failure('https://a.test/new'));
    await store.flush();
    expect(storedLog().failures).toHaveLength(1);
  });
  it('writes a tab log as its JSON text, and reads one back in either form', async () => {
    const { addFailure } = await import('./tab-log');
    const asObject: TabLog = { tabId: 13, failures: [] };
    addFailure(asObject, { ...failure('https://a.test/object'), tabId: 13 });
    const asText: TabLog = { tabId: 14, failures: [] };
    addFailure(asText, { ...failure('https://a.test/text'), tabId: 14 });
    session.set('tab:13', asObject);
    session.set('tab:14', JSON.stringify(asText));
    session.set('tab:15', '{"tabId": 15, "failures": [');
    const store = await readyStore();
    expect(store.tabLog(13)?.failures.map((f) => f.url)).toEqual(['https://a.test/object']);
    expect(store.tabLog(14)?.failures.map((f) => f.url)).toEqual(['https://a.test/text']);
    expect(store.tabLog(15)).toBeUndefined();
    store.recordFailure(failure('https://a.test/new'));
    await store.flush();
    expect(typeof session.get('tab:4')).toBe('string');
    expect(storedLog().failures.map((f) => f.url)).toEqual(['https://a.test/new']);
  });

  it('keeps a stored dropped count, and ignores one that is not a count', async () => {
    session.set('tab:11', { tabId: 11, failures: [], dropped: 42 });
    session.set('tab:12', { tabId: 12, failures: [], dropped: 'many' });
    const store = await readyStore();
    expect(store.tabLog(11)?.dropped).toBe(42);
    expect(store.tabLog(12)?.dropped).toBeUndefined();
  });
});
