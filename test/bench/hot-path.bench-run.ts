// Hot path: 1,000,000 recorded-shape request sequences through the real background (recorder + diagnosis).
import { it, vi } from 'vitest';
import { freshBackground, heapAfterGc, run, type Totals } from './background';
import { Traffic, type Mix } from './traffic';

let browser: unknown;
vi.mock('../../src/shared/browser', () => ({
  default: new Proxy({}, { get: (_target, key) => (browser as Record<string | symbol, unknown>)[key] }),
}));
const use = (fake: unknown) => (browser = fake);

const SEQUENCES = 1_000_000;
const RUNS = 5;
/** 3 % failures over 20 tabs; half the tabs navigate every 300 requests, half are apps that never do. */
const MIX: Mix = { tabs: 20, failureRate: 0.03, navigatingTabs: 10, pageSize: 300 };

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Heap kept after `count` sequences on a fresh background: must depend on the caps, not on `count`. */
async function heapGrowth(count: number) {
  const background = await freshBackground(use);
  const before = heapAfterGc();
  await run(background, new Traffic(MIX), count);
  return { sequences: count, heapBytes: heapAfterGc() - before, records: background.sessionRecords() };
}

it('hot path', async () => {
  const background = await freshBackground(use);
  const traffic = new Traffic(MIX);
  // Warm-up: let V8 optimise the listeners and fill the logs up to their caps (the steady state).
  await run(background, traffic, 200_000);
  const runs: Totals[] = [];
  for (let r = 0; r < RUNS; r++) runs.push(await run(background, traffic, SEQUENCES));
  const heap = [await heapGrowth(200_000), await heapGrowth(SEQUENCES)];
  const sample = runs[0]!;
  console.log(`BENCH ${JSON.stringify({
    hotPath: {
      sequencesPerRun: SEQUENCES,
      runs: RUNS,
      mix: MIX,
      eventsPerRun: sample.successEvents + sample.failureEvents,
      failedRequestsPerRun: sample.failureRequests,
      successNsPerEvent: median(runs.map((t) => (t.successMs * 1e6) / t.successEvents)),
      failureNsPerRequest: median(runs.map((t) => (t.failureMs * 1e6) / t.failureRequests)),
      failureNsPerEvent: median(runs.map((t) => (t.failureMs * 1e6) / t.failureEvents)),
      heap,
    },
  })}`);
});
