import { expect, it } from 'vitest';
import { startedNow } from './started-now';

it('runs the source up to its first result at once, and yields every result from the start', async () => {
  const ran: string[] = [];
  async function* source(): AsyncGenerator<number> {
    ran.push('first read');
    yield 1;
    ran.push('second read');
    yield 2;
  }
  const started = startedNow(source());
  expect(ran).toEqual(['first read']);
  const seen: number[] = [];
  for await (const value of started) seen.push(value);
  expect(seen).toEqual([1, 2]);
  expect(ran).toEqual(['first read', 'second read']);
});
