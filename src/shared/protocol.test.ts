// How values are stored: tab logs and history chunks as JSON text, everything else as it is.
import { describe, expect, it } from 'vitest';
import { fromStored, historyChunkEntries, historyChunkKey, noticeKey, storedAsText, tabLogKey, toStored } from './protocol';

describe('stored form', () => {
  it.each([
    [tabLogKey(3), true],
    [historyChunkKey(12), true],
    [noticeKey(3), false],
    ['history-meta', false],
    ['watches', false],
  ])('%s is stored as text: %s', (key, text) => {
    expect(storedAsText(key)).toBe(text);
    expect(typeof toStored(key, { a: 1 })).toBe(text ? 'string' : 'object');
  });

  it('round-trips, and leaves text already encoded as it is', () => {
    const log = { tabId: 3, failures: [{ url: 'https://a.test/"quoted"\n', count: 2 }] };
    expect(fromStored(toStored(tabLogKey(3), log))).toEqual(log);
    expect(toStored(tabLogKey(3), '{"tabId":3}')).toBe('{"tabId":3}');
  });

  it.each([
    ['unreadable text', '{"tabId": 3, "fail', undefined],
    ['an object of an older version', { tabId: 3 }, { tabId: 3 }],
    ['nothing', undefined, undefined],
  ])('reads back %s', (_, stored, expected) => {
    expect(fromStored(stored)).toEqual(expected);
  });

  it('a history chunk that is not a list reads as no entries', () => {
    expect(historyChunkEntries('[{"url":"x"}]')).toEqual([{ url: 'x' }]);
    expect(historyChunkEntries([{ url: 'x' }])).toEqual([{ url: 'x' }]);
    expect(historyChunkEntries('{"url":"x"}')).toEqual([]);
    expect(historyChunkEntries('[oops')).toEqual([]);
  });
});
