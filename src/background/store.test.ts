// The store against a fake storage.session whose reads are slow, as on a cold service-worker start.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { observe } from '../diagnosis/observe';
import type { TabLog } from '../shared/protocol';

const session = new Map<string, unknown>();
let releaseRead: () => void = () => {};
const writes: Record<string, unknown>[] = [];

vi.mock('../shared/browser', () => ({
  default: {
    storage: {
      session: {
        get: () => new Promise((resolve) => (releaseRead = () => resolve(Object.fromEntries(session)))),
        set: async (items: Record<string, unknown>) => {
          writes.push(structuredClone(items));
          for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
        },
        remove: async (keys: string[]) => keys.forEach((k) => session.delete(k)),
      },
    },
  },
}));

const failure = (url: string, statusCode = 500) =>
  observe({ url, method: 'GET', type: 'xmlhttprequest', tabId: 4, timeStamp: 1, statusCode })!;

beforeEach(() => {
  vi.resetModules();
  session.clear();
  writes.length = 0;
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
    await store.ready;
    await store.flush();
    const log = session.get('tab:4') as TabLog;
    expect(log.failures.map((f) => f.url)).toEqual(['https://a.test/before', 'https://a.test/during-wake-up']);
  });

  it('many failures in a burst are written together, and none is lost', async () => {
    const store = await import('./store');
    releaseRead();
    await store.ready;
    for (let i = 0; i < 50; i++) store.recordFailure(failure(`https://a.test/${i}`));
    await store.flush();
    expect(writes).toHaveLength(1);
    expect((session.get('tab:4') as TabLog).failures).toHaveLength(50);
  });

  it('a closed tab is removed from storage', async () => {
    const store = await import('./store');
    releaseRead();
    await store.ready;
    store.recordFailure(failure('https://a.test/x'));
    await store.flush();
    store.forgetTab(4);
    await store.flush();
    expect(session.has('tab:4')).toBe(false);
  });
});
