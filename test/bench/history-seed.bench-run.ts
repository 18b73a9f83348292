// 10,000 history entries for the history benchmark (test/bench/history.mjs), built by the real observe(),
// addFailure() and addToHistory() from recorded event shapes, written as the chunks storage.session holds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { addToHistory, emptyHistory, HISTORY_CAPS } from '../../src/background/history-log';
import { addFailure } from '../../src/background/tab-log';
import { observe, type RequestDetails } from '../../src/diagnosis/observe';
import { HISTORY_META_KEY, historyChunkKey } from '../../src/shared/protocol';
import { Traffic } from './traffic';

const HISTORY_SIZE = HISTORY_CAPS.entries;

it('history seed', () => {
  const history = emptyHistory();
  const traffic = new Traffic({ tabs: 20, failureRate: 1, navigatingTabs: 20, pageSize: 40 });
  // Pages of 25 failures in 20 tabs, spread over the last day.
  for (let n = 0; history.size < HISTORY_SIZE; n++) {
    const { events } = traffic.next(1)[0]!;
    const redirects = events.slice(0, -1).map(([, details]) => details.url as string);
    const failure = observe(events.at(-1)![1] as unknown as RequestDetails, redirects);
    if (!failure) continue;
    const tab = failure.tabId;
    const record = addFailure({ tabId: tab, failures: [] }, failure);
    const page = Math.floor(n / 25);
    record.timeStamp = record.lastSeen = Date.now() - (HISTORY_SIZE - n) * 8_000;
    addToHistory(history, record, tab < 0 ? { url: '' } : { url: `https://shop-${page % 20}.example/page/${page}?tab=${tab}`, title: `Shop page ${page}` },
      HISTORY_CAPS);
  }
  const items: Record<string, unknown> = { [HISTORY_META_KEY]: { dropped: history.dropped, first: history.first, last: history.last } };
  // Stored as the background stores them: each chunk as JSON text.
  for (const [chunk, entries] of history.chunks) items[historyChunkKey(chunk)] = JSON.stringify(entries);
  mkdirSync('.bench', { recursive: true });
  const json = JSON.stringify(items);
  writeFileSync('.bench/history-seed.json', json);
  console.log(`BENCH ${JSON.stringify({ historySeed: { entries: history.size, jsonBytes: json.length, estimatedBytes: history.bytes } })}`);
});
