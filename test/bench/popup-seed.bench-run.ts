// Tab logs for the popup benchmark (test/bench/popup.mjs), built by the real observe() and addFailure()
// from recorded event shapes, and written to .bench/popup-seed.json for Chromium to load.
import { mkdirSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { addFailure } from '../../src/background/tab-log';
import { observe, type RequestDetails } from '../../src/diagnosis/observe';
import type { TabLog } from '../../src/shared/protocol';
import { Traffic } from './traffic';

/** `count` distinct failures of every kind; the per-tab cap is lifted to hold them all. */
function tabLog(count: number): TabLog {
  const log: TabLog = { tabId: 0, failures: [] };
  const traffic = new Traffic({ tabs: 1, failureRate: 1, navigatingTabs: 1, pageSize: Infinity });
  while (log.failures.length < count) {
    const { events } = traffic.next(1)[0]!;
    const redirects = events.slice(0, -1).map(([, details]) => details.url as string);
    const failure = observe(events.at(-1)![1] as unknown as RequestDetails, redirects);
    // A page that fails to load replaces the whole log (a new page): keep to one page's failures.
    if (failure && failure.type !== 'main_frame') addFailure(log, failure, count);
  }
  return log;
}

it('popup seed', () => {
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/popup-seed.json', JSON.stringify({ 1000: tabLog(1000), 10: tabLog(10) }));
});
