// Hot path: 1,000,000 recorded-shape request sequences through the real background (recorder + diagnosis).
import { it, vi } from 'vitest';
import { freshBackground, heapAfterGc, run, type Totals } from './background';
import { writeResult } from './results';
import { Traffic, type Mix } from './traffic';
import { packRules } from '../../src/diagnosis/ignore-io';
import type { IgnoreRule } from '../../src/diagnosis/ignore';

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

/** 200 ignore rules of every kind, none of which matches the traffic: each failure is checked against all of them. */
const RULES: IgnoreRule[] = Array.from({ length: 200 }, (_, i) => [
  { host: `cdn${i}.example.net`, code: '404' },
  { host: `*.ads${i}.example.org` },
  { code: `${(i % 8) + 1}${i % 10}${i % 7}`, path: `/static/${i}/*.js` },
  { type: 'image', host: `img${i}.example.com` },
  { method: 'GET', url: `https://api.example.com/v1/items/${i}` },
][i % 5]!);

/** Failure and success costs with the rules stored, on a fresh background of the same mix. */
async function withRules() {
  const background = await freshBackground(use, packRules(RULES));
  const traffic = new Traffic(MIX);
  await run(background, traffic, 500_000);
  const runs: Totals[] = [];
  for (let r = 0; r < RUNS; r++) runs.push(await run(background, traffic, SEQUENCES));
  return runs;
}

it('hot path', async () => {
  const background = await freshBackground(use);
  const traffic = new Traffic(MIX);
  // Warm-up: let V8 optimise the listeners and fill the logs up to their caps (the steady state).
  await run(background, traffic, 500_000);
  const runs: Totals[] = [];
  for (let r = 0; r < RUNS; r++) runs.push(await run(background, traffic, SEQUENCES));
  // 500,000 sequences hold 15,000 failures: past every cap, the history's 10,000 included.
  const heap = [await heapGrowth(500_000), await heapGrowth(SEQUENCES)];
  const nsPer = (pick: (t: Totals) => [ms: number, count: number]) => median(runs.map((t) => pick(t)[0] * 1e6 / pick(t)[1]));
  const ruled = await withRules();
  const nsWith = (pick: (t: Totals) => [ms: number, count: number]) => median(ruled.map((t) => pick(t)[0] * 1e6 / pick(t)[1]));
  writeResult('hotPath', {
    sequencesPerRun: SEQUENCES, runs: RUNS, mix: MIX, perRun: runs[0],
    // Everything that is not a failure: successful requests and page loads (main frame + commit).
    successNsPerEvent: nsPer((t) => [t.ok.ms + t.page.ms, t.ok.events + t.page.events]),
    okRequestNsPerEvent: nsPer((t) => [t.ok.ms, t.ok.events]),
    pageLoadNs: nsPer((t) => [t.page.ms, t.page.sequences]),
    failureNsPerRequest: nsPer((t) => [t.failed.ms, t.failed.sequences]),
    failureNsPerEvent: nsPer((t) => [t.failed.ms, t.failed.events]),
    heap,
    // The same traffic with 200 ignore rules stored (none matching: every failure is checked against all).
    ignoreRules: {
      rules: RULES.length,
      okRequestNsPerEvent: nsWith((t) => [t.ok.ms, t.ok.events]),
      failureNsPerRequest: nsWith((t) => [t.failed.ms, t.failed.sequences]),
    },
  });
});
