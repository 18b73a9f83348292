// A worker restart: the history knows the page a tab is on without a new commit, and the toolbar shows what was read back.
import { beforeEach, expect, it, vi } from 'vitest';
import { HISTORY_PREFIX, historyChunkEntries, type HistoryEntry } from '../../src/shared/protocol';
import { createFakeBrowser, type FakeBrowser } from '../support/fake-browser';

let fake: FakeBrowser;
vi.mock('../../src/shared/browser', () => ({
  default: new Proxy({}, { get: (_target, key) => (fake.browser as Record<string | symbol, unknown>)[key] }),
}));

beforeEach(() => {
  vi.resetModules();
  fake = createFakeBrowser();
});

/** Load the background fresh (a worker start), on whatever storage.session holds. */
async function startWorker() {
  fake.listeners.clear();
  vi.resetModules();
  // The worker's script, its imports included, runs before anything it started can answer.
  await import('../../src/background/index');
  const store = await import('../../src/background/store');
  await store.ready;
  return store;
}

const historyEntries = (): HistoryEntry[] =>
  [...fake.session].filter(([key]) => key.startsWith(HISTORY_PREFIX) && key !== 'history-meta').flatMap(([, chunk]) => historyChunkEntries(chunk) as HistoryEntry[]);

const failed = (timeStamp: number) => ({
  requestId: String(timeStamp), tabId: 7, frameId: 0, url: 'https://app.test/api/poll', method: 'GET', type: 'xmlhttprequest',
  timeStamp, statusCode: 502, statusLine: 'HTTP/1.1 502 Bad Gateway', documentId: 'DOC',
});

it('a failure repeating after a worker restart folds into its entry, on the page it happened on', async () => {
  let store = await startWorker();
  fake.emit('webNavigation.onCommitted', { tabId: 7, frameId: 0, url: 'https://app.test/dashboard', timeStamp: 1, documentId: 'DOC' });
  fake.emit('webRequest.onCompleted', failed(2));
  await store.flush();
  // The worker stops after 30 s idle; the page polls on, and the next failure wakes a new worker.
  store = await startWorker();
  fake.emit('webRequest.onCompleted', failed(60_000));
  await store.flush();
  await vi.waitFor(async () => {
    await store.flush();
    expect(historyEntries().map((e) => [e.url, e.pageUrl, e.count])).toEqual([['https://app.test/api/poll', 'https://app.test/dashboard', 2]]);
  });
});

it('a worker that stopped between a write and its toolbar update sets the badge and popup from what it reads back', async () => {
  const store = await startWorker();
  fake.emit('webNavigation.onCommitted', { tabId: 7, frameId: 0, url: 'https://app.test/dashboard', timeStamp: 1, documentId: 'DOC' });
  fake.emit('webRequest.onCompleted', failed(2));
  await store.flush();
  await vi.waitFor(() => expect(fake.popups.get(7)).toMatch(/#/));
  fake.badges.clear();
  fake.popups.clear();
  await startWorker();
  await vi.waitFor(() => expect([fake.badges.get(7)?.text, fake.popups.get(7)?.split('#')[0]]).toEqual(['1', 'chrome-extension://fake-extension-id/src/popup/index.html']));
  expect(decodeURIComponent(fake.popups.get(7)!)).toContain('https://app.test/api/poll');
});
