// The one sentence about where the time went: only when one part clearly dominates.
import { describe, expect, it } from 'vitest';
import { whereTimeWent } from './time-story';
import type { Timings } from './timings';

const timings = (steps: Timings['steps'], queued?: number): Timings => ({ steps, queued, reused: false, sendInWait: true });

describe('whereTimeWent', () => {
  it.each<[string, Timings, string | undefined, ReturnType<typeof whereTimeWent>]>([
    ['the server dominates, named when it said who it is', timings({ dns: 1, connect: 2, wait: 29_900, receive: 3 }, 1), 'nginx',
      { key: 'timeWent_waitServer', values: ['nginx', 29_900, 4] }],
    ['the server dominates, nameless', timings({ dns: 1, connect: 2, wait: 2000, receive: 3 }, 1), undefined,
      { key: 'timeWent_wait', values: [2000, 4] }],
    ['DNS dominates', timings({ dns: 2100, connect: 2, wait: 40, receive: 3 }), undefined, { key: 'timeWent_dns', values: [2100] }],
    ['TLS dominates', timings({ dns: 0, connect: 5, tls: 900, wait: 40, receive: 3 }), undefined, { key: 'timeWent_tls', values: [900] }],
    ['the body dominates', timings({ wait: 10, receive: 5000 }), undefined, { key: 'timeWent_receive', values: [5000] }],
    ['queued in the browser dominates', timings({ wait: 10, receive: 5 }, 800), undefined, { key: 'timeWent_queued', values: [800] }],
    ['fast: nothing worth a sentence', timings({ dns: 0, connect: 0, wait: 12, receive: 1 }), 'nginx', null],
    ['no part dominates', timings({ dns: 400, connect: 400, wait: 500, receive: 10 }), undefined, null],
    ['nothing known', timings({}), undefined, null],
  ])('%s', (_name, input, server, expected) => {
    expect(whereTimeWent(input, server)).toEqual(expected);
  });
});
