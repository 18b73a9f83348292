// The history's own rules: folding per page, the cap with its dropped counter, chunks, expiry, titles.
import { describe, expect, it } from 'vitest';
import type { FailureRecord } from '../shared/protocol';
import { addToHistory, chunkOnDisk, clipTitle, emptyHistory, expire, MAX_TITLE_LENGTH, readHistory, setPageUrl, titlePage, type Slot } from './history-log';

const CAPS = { entries: 5, bytes: 1e9, chunk: 2 };

function record(url: string, extra: Partial<FailureRecord> = {}): FailureRecord {
  return {
    url, method: 'GET', type: 'xmlhttprequest', tabId: 3, timeStamp: 1000, statusCode: 500, statusLine: undefined, error: undefined, ip: undefined,
    initiator: undefined, documentId: undefined, headers: undefined, redirects: undefined, stage: 'receive', code: '500', severity: 'error',
    blocked: false, errorName: undefined, count: 1, lastSeen: 1000, ...extra,
  };
}
const page = { url: 'https://site.test/a', title: 'A' };
const urls = (history: ReturnType<typeof emptyHistory>) => [...history.chunks.values()].flat().map((e) => e.url);

describe('history', () => {
  it('folds the same failure on the same page, keeps other pages and tabs apart', () => {
    const history = emptyHistory();
    addToHistory(history, record('https://api.test/x'), page, CAPS);
    const again = addToHistory(history, record('https://api.test/x', { lastSeen: 2000 }), page, CAPS);
    expect(again.added).toBe(false);
    expect(again.slot.entry).toMatchObject({ count: 2, lastSeen: 2000, pageUrl: page.url, pageTitle: 'A' });
    addToHistory(history, record('https://api.test/x'), { url: 'https://site.test/b' }, CAPS);
    addToHistory(history, record('https://api.test/x', { tabId: 4 }), page, CAPS);
    addToHistory(history, record('https://api.test/x', { code: '502' }), page, CAPS);
    expect(history.size).toBe(4);
  });

  it('a page retrying its own load is not counted again', () => {
    const history = emptyHistory();
    const main = record('https://down.test/', { type: 'main_frame', code: 'net::ERR_NAME_NOT_RESOLVED', stage: 'dns' });
    addToHistory(history, main, { url: main.url }, CAPS);
    expect(addToHistory(history, main, { url: main.url }, CAPS).slot.entry.count).toBe(1);
  });

  it('keeps at most the cap, dropping the oldest and counting them; new entries fill small chunks', () => {
    const history = emptyHistory();
    const changed = [];
    for (let i = 0; i < 8; i++) changed.push(addToHistory(history, record(`https://api.test/${i}`), page, CAPS).changed);
    expect(urls(history)).toEqual([3, 4, 5, 6, 7].map((i) => `https://api.test/${i}`));
    expect(history.dropped).toBe(3);
    expect(history.size).toBe(5);
    // Only the newest chunk and the one losing its oldest entry are rewritten.
    expect(changed[7]).toEqual([3, 1]);
    expect([...history.chunks.keys()]).toEqual([1, 2, 3]);
    expect(history.byUrl.has('https://api.test/0')).toBe(false);
  });

  it('tells of every entry the cap or the expiry drops, so that nothing else keeps it alive', () => {
    const history = emptyHistory();
    const dropped: string[] = [];
    const droppedSlots: Slot[] = [];
    const onDrop = (slot: Slot) => {
      droppedSlots.push(slot);
      dropped.push(slot.entry.url);
    };
    const slots = [0, 1, 2, 3, 4, 5, 6].map((i) => addToHistory(history, record(`https://api.test/${i}`, { lastSeen: i }), page, CAPS, onDrop).slot);
    expect(dropped).toEqual(['https://api.test/0', 'https://api.test/1']);
    expire(history, 4, onDrop);
    expect(dropped).toEqual([0, 1, 2, 3].map((i) => `https://api.test/${i}`));
    // The very slot objects the caller holds (a page's title list) are the ones reported.
    expect(droppedSlots).toEqual(slots.slice(0, 4));
    expect(droppedSlots[0]).toBe(slots[0]);
  });

  it('a byte cap bites too', () => {
    const history = emptyHistory();
    for (let i = 0; i < 4; i++) addToHistory(history, record(`https://api.test/${'x'.repeat(1000)}${i}`), page, { ...CAPS, bytes: 3000 });
    expect(history.size).toBeLessThan(4);
    expect(history.bytes).toBeLessThanOrEqual(3000);
  });

  it('expires entries last seen before a time, oldest first', () => {
    const history = emptyHistory();
    for (let i = 0; i < 4; i++) addToHistory(history, record(`https://api.test/${i}`, { lastSeen: i * 100 }), page, CAPS);
    expire(history, 200);
    expect(urls(history)).toEqual(['https://api.test/2', 'https://api.test/3']);
    expect(history.dropped).toBe(0);
  });

  it('is read back from stored chunks, skipping foreign and expired values', () => {
    const history = emptyHistory();
    for (let i = 0; i < 5; i++) addToHistory(history, record(`https://api.test/${i}`, { lastSeen: i * 100 }), page, CAPS);
    const stored: [number, unknown][] = [...history.chunks].map(([id, entries]) => [id, structuredClone(entries)]);
    stored.push([9, 'junk'], [10, [{ url: 1 }]]);
    const back = readHistory(stored.reverse(), { dropped: 2 }, 100);
    expect(urls(back)).toEqual([1, 2, 3, 4].map((i) => `https://api.test/${i}`));
    expect(back.dropped).toBe(2);
    expect(back.first).toBe(0);
    addToHistory(back, record('https://api.test/1', { lastSeen: 900 }), page, CAPS);
    expect(back.size).toBe(4);
  });

  it('titles a page once the title is known, and a later title rewrites nothing', () => {
    const history = emptyHistory();
    const slots = [0, 1, 2].map((i) => addToHistory(history, record(`https://api.test/${i}`), { url: page.url }, CAPS).slot);
    expect(titlePage(history, slots, 'Shop')).toEqual([0, 1]);
    expect(titlePage(history, slots, 'Shop')).toEqual([]);
    // An unread count or a single-page app's next view: the entries keep the title they got.
    expect(titlePage(history, slots, '(1) Shop')).toEqual([]);
    expect(slots.map((slot) => slot.entry.pageTitle)).toEqual(['Shop', 'Shop', 'Shop']);
  });

  it('a page URL learned late fills the entries without one', () => {
    const history = emptyHistory();
    const slots = [0, 1].map((i) => addToHistory(history, record(`https://api.test/${i}`), { url: '' }, CAPS).slot);
    expect(setPageUrl(history, slots, page.url)).toEqual([0]);
    expect(setPageUrl(history, slots, 'https://other.test/')).toEqual([]);
    expect(slots.map((slot) => slot.entry.pageUrl)).toEqual([page.url, page.url]);
  });

  it('counts titles and URLs set later, so the byte cap holds: all dropped, nothing counted', () => {
    const history = emptyHistory();
    const slots = [0, 1, 2, 3].map((i) => addToHistory(history, record(`https://api.test/${i}`, { lastSeen: i }), { url: '' }, CAPS).slot);
    const before = history.bytes;
    setPageUrl(history, slots, page.url);
    titlePage(history, slots, 'A long page title');
    expect(history.bytes).toBe(before + 4 * (page.url.length + 'A long page title'.length));
    expire(history, Infinity);
    expect(history.size).toBe(0);
    expect(history.bytes).toBe(0);
  });

  it('cuts page titles to a label', () => {
    expect(clipTitle('Shop')).toBe('Shop');
    expect(clipTitle('x'.repeat(100_000))).toHaveLength(MAX_TITLE_LENGTH + 1);
  });
});

describe('what of a chunk goes to disk', () => {
  const normal = record('https://api.test/normal');
  const secret = record('https://api.test/private', { private: true });
  it('a chunk without private failures goes as it is, even as stored text', () => {
    const chunk = [normal];
    expect(chunkOnDisk(chunk)).toBe(chunk);
    expect(chunkOnDisk(JSON.stringify(chunk))).toBe(JSON.stringify(chunk));
  });
  it('without its private failures', () => expect(chunkOnDisk([secret, normal, secret])).toEqual([normal]));
  it('read from stored text too', () => expect(chunkOnDisk(JSON.stringify([normal, secret]))).toEqual([normal]));
  it('nothing at all when only private failures are in it', () => expect(chunkOnDisk([secret, secret])).toBeUndefined());
  it('unreadable values are left as they are', () => expect(chunkOnDisk('not json')).toBe('not json'));
});
