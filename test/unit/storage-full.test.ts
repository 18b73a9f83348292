// storage.session full (its 10 MB quota, or less room than the caps assume): the worker drops the oldest
// entries, history first, says how many, keeps the newest failures, and never retries forever.
import { beforeEach, expect, it, vi } from 'vitest';
import { fromStored, HISTORY_META_KEY, HISTORY_PREFIX, historyChunkEntries, type HistoryEntry, type HistoryMeta, type TabLog } from '../../src/shared/protocol';
import { createFakeBrowser, storedBytes, type FakeBrowser } from '../support/fake-browser';

let fake: FakeBrowser;
vi.mock('../../src/shared/browser', () => ({
  default: new Proxy({}, { get: (_target, key) => (fake.browser as Record<string | symbol, unknown>)[key] }),
}));

beforeEach(() => {
  vi.resetModules();
  fake = createFakeBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

async function startWorker() {
  await import('../../src/background/index');
  const store = await import('../../src/background/store');
  await store.ready;
  return store;
}

const failed = (i: number, tabId = 7) => ({
  requestId: String(i), tabId, frameId: 0, url: `https://app.test/api/${i}/${'q'.repeat(1000)}`, method: 'GET', type: 'xmlhttprequest',
  timeStamp: 1000 + i, statusCode: 502, statusLine: 'HTTP/1.1 502 Bad Gateway',
});
const tabLog = (tabId = 7) => fromStored(fake.session.get(`tab:${tabId}`)) as TabLog;
const historyUrls = () =>
  [...fake.session].filter(([key]) => key.startsWith(HISTORY_PREFIX)).flatMap(([, chunk]) => historyChunkEntries(chunk) as HistoryEntry[]).map((e) => e.url);
const meta = () => fake.session.get(HISTORY_META_KEY) as HistoryMeta | undefined;

it('the history\'s oldest chunk goes first, counted as dropped; the tab log and the newest failure stay', async () => {
  const store = await startWorker();
  fake.emit('webNavigation.onCommitted', { tabId: 7, frameId: 0, url: 'https://app.test/', timeStamp: 1 });
  for (let i = 0; i < 120; i++) fake.emit('webRequest.onCompleted', failed(i));
  await store.flush();
  expect(fake.session.has(`${HISTORY_PREFIX}0`)).toBe(true);
  expect(meta()?.dropped).toBe(0);
  fake.quota.sessionBytes = storedBytes(fake.session);
  fake.emit('webRequest.onCompleted', failed(120));
  await store.flush();
  expect(fake.session.has(`${HISTORY_PREFIX}0`)).toBe(false);
  expect(meta()?.dropped).toBe(50);
  expect(historyUrls()).toHaveLength(71);
  expect(historyUrls().at(-1)).toContain('/api/120/');
  expect(tabLog().failures).toHaveLength(121);
  expect(tabLog().dropped).toBeUndefined();
  expect(storedBytes(fake.session)).toBeLessThanOrEqual(fake.quota.sessionBytes);
});

it('with the history down to its newest chunk, the tab logs\' oldest records go, counted in the tab\'s dropped', async () => {
  const store = await startWorker();
  fake.emit('webNavigation.onCommitted', { tabId: 7, frameId: 0, url: 'https://app.test/', timeStamp: 1 });
  for (let i = 0; i < 40; i++) fake.emit('webRequest.onCompleted', failed(i));
  await store.flush();
  fake.quota.sessionBytes = storedBytes(fake.session);
  fake.emit('webRequest.onCompleted', failed(40));
  await store.flush();
  const log = tabLog();
  expect(log.failures.at(-1)?.url).toContain('/api/40/');
  expect(log.failures.length).toBeLessThan(41);
  expect(log.failures.length + log.dropped!).toBe(41);
  // The history's only chunk (the newest failures) is written whole.
  expect(historyUrls()).toHaveLength(41);
  expect(storedBytes(fake.session)).toBeLessThanOrEqual(fake.quota.sessionBytes);
});
