// Failures of private windows, through the real background on a stand-in browser: marked private as they are
// recorded (Firefox names it on the request, Chromium on the tab), in this session's history, never on disk,
// and never named in a system notification.
import { beforeEach, expect, it, vi } from 'vitest';
import { HISTORY_PREFIX, historyChunkEntries, type HistoryEntry } from '../../src/shared/protocol';
import { createFakeBrowser, type FakeBrowser } from '../support/fake-browser';

let fake: FakeBrowser;
vi.mock('../../src/shared/browser', () => ({
  default: new Proxy({}, { get: (_target, key) => (fake.browser as Record<string | symbol, unknown>)[key] }),
}));

type Area = { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
interface Tabs { get(tabId: number): Promise<{ id: number; incognito: boolean; url: string; title: string; active: boolean }> }
const area = (name: 'local' | 'sync'): Area => (fake.browser as { storage: Record<string, Area> }).storage[name]!;
const PRIVATE_TAB = 9;
const NORMAL_TAB = 7;
/** Tabs the browser was asked about. */
let asked: number[] = [];
let privateWindowOpen = true;
/** System notifications shown: their text. */
let notifications: string[] = [];

beforeEach(async () => {
  vi.resetModules();
  fake = createFakeBrowser();
  asked = [];
  notifications = [];
  privateWindowOpen = true;
  const browser = fake.browser as { tabs: Tabs; windows: unknown; notifications: unknown; i18n: unknown };
  browser.notifications = { create: async (_id: string, options: { title: string; message: string }) => void notifications.push(`${options.title} ${options.message}`) };
  browser.i18n = { getMessage: (key: string, substitutions: string[] = []) => [key, ...substitutions].join(' '), getUILanguage: () => 'en' };
  browser.tabs.get = async (tabId) => {
    asked.push(tabId);
    if (tabId !== PRIVATE_TAB && tabId !== NORMAL_TAB) throw new Error(`No tab with id: ${tabId}.`);
    return { id: tabId, incognito: tabId === PRIVATE_TAB, url: `https://site.test/${tabId}`, title: `Tab ${tabId}`, active: true };
  };
  browser.windows = { getAll: async () => [{ incognito: false }, ...(privateWindowOpen ? [{ incognito: true }] : [])] };
  // Keep the history across restarts: what would reach the disk.
  await area('sync').set({ historyDays: 7 });
});

async function startWorker() {
  fake.listeners.clear();
  vi.resetModules();
  // In a browser the worker's modules all run before any storage read answers; Vitest loads them one by one.
  const session = fake.browser as { storage: { session: { get: (keys: unknown) => Promise<unknown> } } };
  const read = session.storage.session.get;
  let loaded: () => void = () => {};
  const modulesRun = new Promise<void>((resolve) => (loaded = resolve));
  session.storage.session.get = (keys) => modulesRun.then(() => read(keys));
  await import('../../src/background/index');
  loaded();
  const store = await import('../../src/background/store');
  await store.ready;
  return store;
}

const entriesIn = (stored: Iterable<[string, unknown]>): HistoryEntry[] =>
  [...stored].filter(([key]) => key.startsWith(HISTORY_PREFIX)).flatMap(([, chunk]) => historyChunkEntries(chunk) as HistoryEntry[]);
const onDisk = async () => entriesIn(Object.entries(await area('local').get(null)));
const inSession = () => entriesIn(fake.session);

/** Now: the history keeps a week. */
const failed = (tabId: number, path: string, extra: object = {}) => ({
  requestId: path, tabId, frameId: 0, url: `https://site.test${path}`, method: 'GET', type: 'xmlhttprequest',
  timeStamp: Date.now(), statusCode: 503, statusLine: 'HTTP/1.1 503 Service Unavailable', ...extra,
});

async function settled(store: Awaited<ReturnType<typeof startWorker>>, count: number): Promise<void> {
  await vi.waitFor(async () => {
    await store.flush();
    expect(inSession()).toHaveLength(count);
  });
}

it('Chromium: a private tab\'s failure is in the session\'s history, marked, and never written to storage.local', async () => {
  const store = await startWorker();
  fake.emit('webRequest.onCompleted', failed(PRIVATE_TAB, '/private'));
  fake.emit('webRequest.onCompleted', failed(NORMAL_TAB, '/normal'));
  fake.emit('webRequest.onCompleted', failed(PRIVATE_TAB, '/private-again'));
  await settled(store, 3);
  expect(inSession().map((e) => [e.url, e.private])).toEqual([
    ['https://site.test/private', true], ['https://site.test/normal', undefined], ['https://site.test/private-again', true],
  ]);
  // The positive signal first: the normal failure is on disk.
  expect((await onDisk()).map((e) => e.url)).toEqual(['https://site.test/normal']);
  // Each tab asked once, for its first failure (the history asks again for the page's title).
  expect(asked.filter((id) => id === PRIVATE_TAB).length).toBeLessThanOrEqual(2);

  // A browser restart: storage.session is empty, the history comes back from the disk alone.
  fake.session.clear();
  const restarted = await startWorker();
  fake.emit('webRequest.onCompleted', failed(NORMAL_TAB, '/after-restart'));
  await settled(restarted, 2);
  expect(inSession().map((e) => e.url)).toEqual(['https://site.test/normal', 'https://site.test/after-restart']);
});

it('Firefox: the request says it is private; the tab is not asked', async () => {
  const store = await startWorker();
  fake.emit('webRequest.onErrorOccurred', failed(21, '/ff-private', { statusCode: undefined, statusLine: undefined, error: 'NS_ERROR_NET_RESET', incognito: true }));
  fake.emit('webRequest.onCompleted', failed(22, '/ff-normal', { incognito: false }));
  await settled(store, 2);
  expect(inSession().map((e) => [e.url, e.private])).toEqual([['https://site.test/ff-private', true], ['https://site.test/ff-normal', undefined]]);
  expect((await onDisk()).map((e) => e.url)).toEqual(['https://site.test/ff-normal']);
  // Only the history's own title lookup, once the failure is recorded: never before it.
  expect(asked.filter((id) => id === 21 || id === 22).length).toBeLessThanOrEqual(2);
});

it('a chunk of private failures only is not on disk at all', async () => {
  const store = await startWorker();
  for (let n = 0; n < 3; n++) fake.emit('webRequest.onCompleted', failed(PRIVATE_TAB, `/only-private-${n}`));
  await settled(store, 3);
  expect(Object.keys(await area('local').get(null)).filter((key) => key.startsWith(HISTORY_PREFIX))).toEqual([]);
  expect(await onDisk()).toEqual([]);
});

it('while a tab is asked about, later events wait: a page change after a failure does not overtake it', async () => {
  const store = await startWorker();
  fake.emit('webNavigation.onCommitted', { tabId: PRIVATE_TAB, frameId: 0, url: 'https://site.test/first', timeStamp: Date.now() });
  fake.emit('webRequest.onCompleted', failed(PRIVATE_TAB, '/on-first'));
  fake.emit('webNavigation.onCommitted', { tabId: PRIVATE_TAB, frameId: 0, url: 'https://site.test/second', timeStamp: Date.now() });
  fake.emit('webRequest.onCompleted', failed(PRIVATE_TAB, '/on-second'));
  await settled(store, 2);
  expect(inSession().map((e) => [e.url, e.pageUrl, e.private])).toEqual([
    ['https://site.test/on-first', 'https://site.test/first', true], ['https://site.test/on-second', 'https://site.test/second', true],
  ]);
});

it('without a tab to ask (a page\'s own service worker), a failure is private while a private window is open', async () => {
  const store = await startWorker();
  fake.emit('webRequest.onCompleted', failed(-1, '/tabless-private-open'));
  await settled(store, 1);
  privateWindowOpen = false;
  fake.emit('webRequest.onCompleted', failed(-1, '/tabless-none-open'));
  await settled(store, 2);
  expect(inSession().map((e) => [e.url, e.private])).toEqual([['https://site.test/tabless-private-open', true], ['https://site.test/tabless-none-open', undefined]]);
  expect((await onDisk()).map((e) => e.url)).toEqual(['https://site.test/tabless-none-open']);
});

it('a page of a private window that fails to load gets a system notification without its address', async () => {
  await area('sync').set({ systemNotifications: true });
  const store = await startWorker();
  const pageLoad = (tabId: number, host: string) =>
    failed(tabId, '', { url: `https://${host}/`, type: 'main_frame', statusCode: undefined, statusLine: undefined, error: 'net::ERR_NAME_NOT_RESOLVED' });
  fake.emit('webRequest.onErrorOccurred', pageLoad(NORMAL_TAB, 'normal-host.test'));
  fake.emit('webRequest.onErrorOccurred', pageLoad(PRIVATE_TAB, 'secret-host.test'));
  await settled(store, 2);
  // The positive signal first: the normal page's notification names it.
  await vi.waitFor(() => expect(notifications).toHaveLength(2));
  expect(notifications.find((text) => text.includes('normal-host.test'))).toMatch(/^systemNoticeTitle systemNoticeBody net::ERR_NAME_NOT_RESOLVED /);
  const secret = notifications.find((text) => !text.includes('normal-host.test'));
  expect(secret).toMatch(/^systemNoticeTitle systemNoticeBodyPrivate net::ERR_NAME_NOT_RESOLVED /);
  expect(secret).not.toContain('secret-host');
});
