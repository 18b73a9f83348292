// After a worker restart the history is read back from storage and no commit has been seen yet: a failure
// repeating on a long-lived page must fold into its entry on that page, not start an unnamed one.
import { describe, expect, it } from 'vitest';
import { HISTORY_CAPS, addToHistory, emptyHistory, newestPageOf, readHistory } from '../../src/background/history-log';
import { observe } from '../../src/diagnosis/observe';

const failure = (url: string, tabId: number, timeStamp: number) =>
  observe({ url, method: 'GET', type: 'xmlhttprequest', tabId, timeStamp, statusCode: 500 })!;

describe('history after a worker restart', () => {
  it('names the page of the tab\'s newest entry, and a repeat there folds into that entry', () => {
    const before = emptyHistory();
    addToHistory(before, failure('https://api.test/poll', 7, 1000), { url: 'https://app.test/old', title: 'Old' });
    addToHistory(before, failure('https://api.test/poll', 7, 2000), { url: 'https://app.test/inbox', title: 'Inbox' });
    addToHistory(before, failure('https://api.test/other', 8, 3000), { url: 'https://elsewhere.test/' });
    // What the next worker reads back from storage.session.
    const stored = [...before.chunks].map(([id, entries]) => [id, JSON.stringify(entries)] as [number, unknown]);
    const after = readHistory(stored, { dropped: 0, first: before.first, last: before.last });

    const page = newestPageOf(after, 7);
    expect(page).toEqual({ url: 'https://app.test/inbox', title: 'Inbox' });
    const repeat = addToHistory(after, failure('https://api.test/poll', 7, 4000), page!, HISTORY_CAPS);
    expect(repeat.added).toBe(false);
    expect(repeat.slot.entry).toMatchObject({ pageUrl: 'https://app.test/inbox', count: 2, lastSeen: 4000 });
    expect(after.size).toBe(3);
  });

  it('knows no page for a tab without entries', () => {
    const history = emptyHistory();
    addToHistory(history, failure('https://api.test/x', 1, 1000), { url: 'https://a.test/' });
    expect(newestPageOf(history, 2)).toBeUndefined();
  });
});
