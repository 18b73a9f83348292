// The team queue: rows waiting to be sent, bounded, oldest dropped first, the drops counted. Pure.
export const QUEUE_LIMIT = 5_000;
export const BATCH_SIZE = 200;
export const BATCH_MS = 10_000;

export interface Queued {
  rows: { id: string }[];
  /** Rows dropped since the last drop report was sent. */
  dropped: number;
  /** Ids are `<install id>:<seq>`: the next number to give. */
  seq: number;
}

export const emptyQueue = (): Queued => ({ rows: [], dropped: 0, seq: 0 });

/** Adds rows at the end; beyond `limit` the oldest go, and are counted. */
export function enqueue<Q extends Queued>(queue: Q, rows: Q['rows'], limit = QUEUE_LIMIT): Q {
  const all = [...queue.rows, ...rows];
  const over = Math.max(0, all.length - limit);
  return { ...queue, rows: all.slice(over), dropped: queue.dropped + over };
}

/** The next batch: the oldest rows, at most `size`. */
export const nextBatch = <Q extends Queued>(queue: Q, size = BATCH_SIZE): Q['rows'] => queue.rows.slice(0, size);

/** The server took `sent` (and a drop report of `reportedDrops`): they leave the queue. Rows added meanwhile stay. */
export function acknowledge<Q extends Queued>(queue: Q, sent: readonly { id: string }[], reportedDrops = 0): Q {
  const ids = new Set(sent.map((row) => row.id));
  return { ...queue, rows: queue.rows.filter((row) => !ids.has(row.id)), dropped: Math.max(0, queue.dropped - reportedDrops) };
}

/** Whether the queue should be sent now rather than at the next batch tick. */
export const batchFull = (queue: Queued, size = BATCH_SIZE): boolean => queue.rows.length >= size;

/** A stored queue read back: anything unreadable is an empty queue, rows that are not objects with an id go. */
export function readQueue<Row extends { id: string }>(stored: unknown): { rows: Row[]; dropped: number; seq: number } {
  const value = stored as Partial<Queued> | null | undefined;
  const rows = Array.isArray(value?.rows) ? value.rows.filter((row): row is Row => typeof (row as Row | null)?.id === 'string') : [];
  const count = (n: unknown): number => (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : 0);
  return { rows: rows.slice(-QUEUE_LIMIT), dropped: count(value?.dropped), seq: count(value?.seq) };
}
