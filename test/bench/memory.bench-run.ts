// Service-worker memory after 100,000 requests with 10,000 failures over 20 tabs, and at twice that:
// the real background in Node; heap after gc, and the JSON it wrote to storage.session.
import { it, vi } from 'vitest';
import { freshBackground, heapAfterGc, run } from './background';
import { writeResult } from './results';
import { Traffic } from './traffic';

let browser: unknown;
vi.mock('../../src/shared/browser', () => ({
  default: new Proxy({}, { get: (_target, key) => (browser as Record<string | symbol, unknown>)[key] }),
}));

/** Worst case for memory: no tab ever navigates, so nothing is cleared and only the caps limit growth. */
async function measure(requests: number) {
  const background = await freshBackground((fake) => (browser = fake));
  const before = heapAfterGc();
  await run(background, new Traffic({ tabs: 20, failureRate: 0.1, navigatingTabs: 0, pageSize: 0 }), requests, 10_000);
  return {
    requests, failures: requests / 10, heapBytes: heapAfterGc() - before,
    sessionBytes: background.sessionBytes(), sessionRecords: background.sessionRecords(),
  };
}

it('memory', async () => {
  await measure(20_000); // warm-up: compile and optimise once, so both runs below pay the same
  writeResult('memory', [await measure(100_000), await measure(200_000)]);
});
