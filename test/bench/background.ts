// A fresh copy of the real background module on the fake browser, and a timed replay into its listeners.
import { vi } from 'vitest';
import { fromStored, HISTORY_PREFIX, historyChunkEntries, TAB_LOG_PREFIX, type TabLog } from '../../src/shared/protocol';
import { createFakeBrowser } from '../support/fake-browser';
import { EVENTS, type Sequence, type Traffic } from './traffic';

export interface Background {
  listeners: ((details: unknown) => void)[];
  /** Deliver any event, e.g. 'webRequest.onResponseStarted', which the replayed traffic does not use. */
  emit(event: string, details: unknown): void;
  flush(): Promise<void>;
  /** JSON bytes (keys + values) currently in storage.session, as Chromium counts its quota. */
  sessionBytes(): number;
  sessionRecords(): number;
  historyEntries(): number;
}

/** Time and count per kind of sequence: successful requests, page loads, failed requests. */
export type Totals = Record<Sequence['kind'], { ms: number; sequences: number; events: number }>;

const sum = (map: Map<string, number>): number => [...map.values()].reduce((a, b) => a + b, 0);

/** `use` points the test file's vi.mock of src/shared/browser at the new fake. */
export async function freshBackground(use: (browser: unknown) => void): Promise<Background> {
  vi.resetModules();
  const fake = createFakeBrowser();
  const bytes = new Map<string, number>();
  const records = new Map<string, number>();
  const historyEntries = new Map<string, number>();
  // Keep only sizes: in Chromium storage.session lives in the browser process, not in the worker's heap.
  const session = (fake.browser as { storage: { session: Record<string, unknown> } }).storage.session;
  session.set = async (items: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(items)) {
      // A string (a tab log's or history chunk's JSON text) counts as its UTF-8 bytes, unescaped (measured in Chromium 156).
      bytes.set(key, Buffer.byteLength(key) + Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value)));
      // Tab-log records (what the per-tab caps bound) and history entries are counted apart.
      if (key.startsWith(TAB_LOG_PREFIX)) records.set(key, (fromStored(value) as TabLog).failures.length);
      else if (key.startsWith(HISTORY_PREFIX)) historyEntries.set(key, historyChunkEntries(value).length);
    }
  };
  session.remove = async (keys: string | string[]) => [keys].flat().forEach((key) => (bytes.delete(key), records.delete(key), historyEntries.delete(key)));
  use(fake.browser);
  const store = await import('../../src/background/store');
  await import('../../src/background/index');
  await store.ready;
  const listeners = EVENTS.map((name) => fake.listeners.get(name)![0] as (details: unknown) => void);
  return { listeners, emit: fake.emit, flush: store.flush, sessionBytes: () => sum(bytes), sessionRecords: () => sum(records), historyEntries: () => sum(historyEntries) };
}

export const newTotals = (): Totals => ({
  ok: { ms: 0, sequences: 0, events: 0 }, page: { ms: 0, sequences: 0, events: 0 }, failed: { ms: 0, sequences: 0, events: 0 },
});

/** Replay into the listeners. Runs of successful requests are timed as one block, each page load and
 * each failed request on its own: one clock read per block, a few ns per event at most. */
export function replay({ listeners }: Background, sequences: Sequence[], totals: Totals): void {
  let start = performance.now();
  for (const { kind, events } of sequences) {
    if (kind === 'ok') {
      for (const [listener, details] of events) listeners[listener]!(details);
      totals.ok.sequences += 1;
      totals.ok.events += events.length;
      continue;
    }
    const blockStart = performance.now();
    totals.ok.ms += blockStart - start;
    for (const [listener, details] of events) listeners[listener]!(details);
    start = performance.now();
    totals[kind].ms += start - blockStart;
    totals[kind].sequences += 1;
    totals[kind].events += events.length;
  }
  totals.ok.ms += performance.now() - start;
}

/** `count` sequences in chunks: generated untimed, replayed timed, then the batched storage write (untimed, like the 400 ms timer). */
export async function run(background: Background, traffic: Traffic, count: number, chunk = 20_000): Promise<Totals> {
  const totals = newTotals();
  for (let done = 0; done < count; done += chunk) {
    const sequences = traffic.next(Math.min(chunk, count - done));
    // Collect the generator's garbage first, so the timed replay pays only for its own allocations.
    heapAfterGc();
    replay(background, sequences, totals);
    await background.flush();
  }
  return totals;
}

/** Heap in use after full garbage collection; needs node --expose-gc (the bench project sets it). */
export function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run through npm run bench: it starts node with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
