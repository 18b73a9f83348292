// How the History view reads its failures: the newest chunks first (the first screen), then all of them;
// with the newest chunk a History page last saw, the newest chunks come in the same read as the index.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_META_KEY, historyChunkKey, type HistoryEntry } from '../../src/shared/protocol';

const session = new Map<string, unknown>();
/** Every storage.session read, by its keys. */
let reads: unknown[] = [];
const memory = new Map<string, string>();
const local = new Map<string, unknown>();
let syncSettings: Record<string, unknown> = {};

vi.mock('../../src/shared/browser', () => {
  const event = { addListener: () => {}, removeListener: () => {} };
  const pick = (store: Map<string, unknown>, keys: unknown) => {
    if (keys === null || keys === undefined) return Object.fromEntries(store);
    return Object.fromEntries([keys].flat().filter((key) => store.has(key as string)).map((key) => [key, store.get(key as string)]));
  };
  return {
    default: {
      storage: {
        session: { get: async (keys: unknown) => (reads.push(keys), pick(session, keys)), onChanged: event },
        local: { get: async (keys: unknown) => pick(local, keys), onChanged: event },
        sync: { get: async () => syncSettings, onChanged: event },
        onChanged: event,
      },
      i18n: { getMessage: () => '', getUILanguage: () => 'en' },
    },
  };
});

const entry = (chunk: number, n: number): HistoryEntry => ({
  url: `https://shop.test/${chunk}/${n}`, method: 'GET', type: 'fetch', tabId: 3, timeStamp: 1, statusCode: 502, statusLine: undefined,
  error: undefined, ip: undefined, initiator: undefined, documentId: undefined, headers: undefined, redirects: undefined, stage: 'receive',
  code: '502', severity: 'error', blocked: false, errorName: undefined, count: 1, lastSeen: Date.now() - 1000 + chunk * 10 + n, pageUrl: 'https://shop.test/',
});

/** Chunks 2–6 of 5 failures each (0 and 1 were dropped). */
function storeHistory(): void {
  session.clear();
  session.set(HISTORY_META_KEY, { first: 2, last: 6, dropped: 10 });
  for (let chunk = 2; chunk <= 6; chunk++) session.set(historyChunkKey(chunk), JSON.stringify(Array.from({ length: 5 }, (_, n) => entry(chunk, n))));
}

async function readAll(): Promise<{ yields: { urls: string[]; complete: boolean; dropped: number }[]; readsBeforeFirst: number }> {
  const { readStoredHistory } = await import('../../src/popup/history/data');
  const yields = [];
  let readsBeforeFirst = -1;
  for await (const history of readStoredHistory()) {
    if (readsBeforeFirst < 0) readsBeforeFirst = reads.length;
    yields.push({ urls: history.entries.map((e) => e.url), complete: history.complete, dropped: history.dropped });
  }
  return { yields, readsBeforeFirst };
}

const urlsOf = (...chunks: number[]) => chunks.flatMap((chunk) => Array.from({ length: 5 }, (_, n) => `https://shop.test/${chunk}/${n}`));

beforeEach(() => {
  vi.resetModules();
  reads = [];
  syncSettings = {};
  local.clear();
  memory.clear();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => memory.get(key) ?? null,
    setItem: (key: string, value: string) => void memory.set(key, String(value)),
  });
  storeHistory();
});

describe('readStoredHistory', () => {
  it('the newest two chunks first, then every chunk; and it remembers the newest chunk it saw', async () => {
    const { yields, readsBeforeFirst } = await readAll();
    expect(yields).toEqual([
      { urls: urlsOf(5, 6), complete: false, dropped: 10 },
      { urls: urlsOf(2, 3, 4, 5, 6), complete: true, dropped: 10 },
    ]);
    // No chunk seen before: the index, then the newest chunks.
    expect(readsBeforeFirst).toBe(2);
    expect(memory.get('history-last-chunk')).toBe('6');
  });

  it.each([
    ['the same newest chunk', '6'],
    ['one chunk added since', '5'],
  ])('with %s seen before, the first screen needs one read', async (_case, seen) => {
    memory.set('history-last-chunk', seen);
    const { yields, readsBeforeFirst } = await readAll();
    expect(readsBeforeFirst).toBe(1);
    expect(reads[0]).toContain(HISTORY_META_KEY);
    expect(yields.map((y) => y.urls)).toEqual([urlsOf(5, 6), urlsOf(2, 3, 4, 5, 6)]);
  });

  it.each([
    ['an old chunk', '3'],
    ['a chunk from before a restart', '9000'],
    ['garbage', 'x1'],
    ['a huge number', '1e400'],
  ])('with %s remembered, still the newest chunks first, after a second read', async (_case, seen) => {
    memory.set('history-last-chunk', seen);
    const { yields } = await readAll();
    expect(yields.map((y) => y.urls)).toEqual([urlsOf(5, 6), urlsOf(2, 3, 4, 5, 6)]);
    expect(memory.get('history-last-chunk')).toBe('6');
  });

  it('kept across restarts (7 days): the same newest-first reads while the session holds the index, without what is older', async () => {
    syncSettings = { historyDays: 7 };
    const old = { ...entry(6, 9), url: 'https://shop.test/old', lastSeen: Date.now() - 8 * 86_400_000 };
    session.set(historyChunkKey(6), JSON.stringify([...JSON.parse(session.get(historyChunkKey(6)) as string), old]));
    memory.set('history-last-chunk', '6');
    const { yields, readsBeforeFirst } = await readAll();
    expect(readsBeforeFirst).toBe(1);
    expect(yields.map((y) => y.urls)).toEqual([urlsOf(5, 6), urlsOf(2, 3, 4, 5, 6)]);
  });

  it('kept across restarts, a browser just restarted (no index in the session yet): everything from storage.local', async () => {
    syncSettings = { historyDays: 7 };
    for (const [key, value] of session) local.set(key, value);
    session.clear();
    const { yields } = await readAll();
    expect(yields).toEqual([{ urls: urlsOf(2, 3, 4, 5, 6), complete: true, dropped: 10 }]);
  });
});
