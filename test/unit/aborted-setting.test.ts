// Cancelled requests count only when the person shows them, a setting read once the worker has loaded it:
// the failure is observed at once, and only the record waits for the settings.
import { beforeEach, expect, it, vi } from 'vitest';
import { fromStored, type TabLog } from '../../src/shared/protocol';
import { createFakeBrowser, type FakeBrowser } from '../support/fake-browser';

let fake: FakeBrowser;
vi.mock('../../src/shared/browser', () => ({
  default: new Proxy({}, { get: (_target, key) => (fake.browser as Record<string | symbol, unknown>)[key] }),
}));

beforeEach(() => {
  vi.resetModules();
  fake = createFakeBrowser();
});

const cancelled = { requestId: '1', tabId: 3, frameId: 0, url: 'https://app.test/api/slow', method: 'GET', type: 'xmlhttprequest', timeStamp: 5, error: 'net::ERR_ABORTED' };
const refused = { ...cancelled, requestId: '2', url: 'https://app.test/api/down', error: 'net::ERR_CONNECTION_REFUSED' };

it.each([[true, ['net::ERR_ABORTED', 'net::ERR_CONNECTION_REFUSED']], [false, ['net::ERR_CONNECTION_REFUSED']]])(
  'with cancelled requests shown: %s, events that come before the settings are read are judged by them',
  async (showAborted, codes) => {
    const storage = (fake.browser as { storage: { sync: { set(items: object): Promise<void> } } }).storage;
    await storage.sync.set({ showAborted });
    await import('../../src/background/index');
    // Delivered at once, as events that wake the worker are: before its state and settings are read back.
    fake.emit('webRequest.onErrorOccurred', cancelled);
    fake.emit('webRequest.onErrorOccurred', refused);
    const store = await import('../../src/background/store');
    await store.ready;
    await store.flush();
    expect((fromStored(fake.session.get('tab:3')) as TabLog).failures.map((f) => f.code)).toEqual(codes);
  },
);
