import { describe, expect, it } from 'vitest';
import { backoffMs, BACKOFF_MS } from './backoff';
import { acknowledge, batchFull, BATCH_SIZE, emptyQueue, enqueue, nextBatch, QUEUE_LIMIT, readQueue } from './queue';

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${from + i}` }));

describe('team queue', () => {
  it.each([
    // already queued, added, limit, kept ids (first..last), dropped
    [0, 3, 5, ['r0', 'r2'], 0],
    [4, 3, 5, ['r2', 'r6'], 2],
    [5, 10, 5, ['r10', 'r14'], 10],
    [QUEUE_LIMIT, 1, QUEUE_LIMIT, ['r1', `r${QUEUE_LIMIT}`], 1],
  ] as const)('%i queued + %i added, limit %i: keeps %j, drops %i', (queued, added, limit, [first, last], dropped) => {
    const queue = enqueue(enqueue(emptyQueue(), rows(0, queued), limit), rows(queued, added), limit);
    expect([queue.rows[0]!.id, queue.rows.at(-1)!.id, queue.rows.length, queue.dropped]).toEqual([first, last, Math.min(queued + added, limit), dropped]);
  });

  it('the default bound is 5,000 records, and a burst of 6,000 drops the 1,000 oldest', () => {
    const queue = enqueue(emptyQueue(), rows(0, 6_000));
    expect([QUEUE_LIMIT, queue.rows.length, queue.rows[0]!.id, queue.dropped]).toEqual([5_000, 5_000, 'r1000', 1_000]);
  });

  it('sends the oldest rows in batches of 200', () => {
    const queue = enqueue(emptyQueue(), rows(0, 450));
    expect([BATCH_SIZE, nextBatch(queue).length, nextBatch(queue)[0]!.id, batchFull(queue), batchFull(enqueue(emptyQueue(), rows(0, 199)))]).toEqual([200, 200, 'r0', true, false]);
  });

  it('an acknowledged batch leaves; rows added while it was sent stay; reported drops are subtracted', () => {
    let queue = enqueue(emptyQueue(), rows(0, 3), 3);
    const batch = nextBatch(queue);
    queue = enqueue(queue, rows(3, 2), 3); // r0, r1 dropped while the batch was out
    queue = acknowledge(queue, batch, 1);
    expect([queue.rows.map((row) => row.id), queue.dropped]).toEqual([['r3', 'r4'], 1]);
  });

  it('a failed send changes nothing: the same rows, with the same ids, go next time', () => {
    const queue = enqueue(emptyQueue(), rows(0, 3));
    expect(nextBatch(queue)).toEqual(nextBatch(JSON.parse(JSON.stringify(queue))));
  });

  it.each([
    ['nothing', undefined, 0, 0, 0],
    ['text', 'text', 0, 0, 0],
    ['odd rows and numbers', { rows: [{ id: 'a' }, null, 3, { noId: 1 }], dropped: -1, seq: 1.5 }, 1, 0, 0],
    ['too many rows', { rows: rows(0, QUEUE_LIMIT + 10), dropped: 4, seq: 9 }, QUEUE_LIMIT, 4, 9],
  ])('reads back %s as %i rows, %i dropped, seq %i', (_name, stored, length, dropped, seq) => {
    const queue = readQueue(stored);
    expect([queue.rows.length, queue.dropped, queue.seq]).toEqual([length, dropped, seq]);
  });
});

describe('team backoff', () => {
  it.each([
    // attempt, random, ms
    [1, 0, 30_000],
    [2, 0, 60_000],
    [3, 0, 120_000],
    [5, 0, 480_000],
    [6, 0, BACKOFF_MS.max],
    [100, 0, BACKOFF_MS.max],
    [1, 0.5, 33_000],
    [1, 0.999999, 36_000],
    [6, 1, 1_080_000],
    [0, 0, 30_000],
    [Number.NaN, 2, 36_000],
  ])('attempt %d with random %d waits %i ms', (attempt, random, ms) => {
    expect(backoffMs(attempt, random)).toBe(ms);
  });
});
