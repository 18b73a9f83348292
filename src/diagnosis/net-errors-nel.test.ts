// An independent check of net-errors.ts: Chromium's own Network Error Logging (W3C NEL) files each net error
// under a phase and a type. Where the two models overlap, our stage must agree with Chromium's filing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import type { Stage } from './types';

const nel = readFileSync(new URL('../../test/fixtures/reference/nel-phases.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#') && !line.startsWith('error\t'))
  .map((line) => line.split('\t') as [name: string, phase: string, type: string])
  // A cancel is no failure for us (NEL calls it "abandoned").
  .filter(([name]) => name !== 'ABORTED');

const stageOf = (name: string): Stage | undefined => classify({ error: `net::ERR_${name}` })?.stage;

/** NEL type family → the stages it may be on our cycle. */
const FAMILIES: readonly [RegExp, readonly Stage[]][] = [
  [/^dns\./, ['dns']],
  // TCP: failing to connect, or the connection dropping while sending or waiting for the answer.
  [/^tcp\./, ['connect', 'send', 'wait']],
  [/^tls\./, ['tls']],
  // HTTP/2 and QUIC framing: the connection is up; it breaks while waiting or receiving.
  [/^h[23]\./, ['wait', 'receive']],
  // NEL counts a reply with no bytes as an invalid response; for the visitor it is an answer that never came.
  [/^http\.response\.invalid\.empty$/, ['wait']],
  [/^http\./, ['receive']],
];

describe('net error stages agree with Chromium\'s NEL phases', () => {
  it('reads the reference file', () => expect(nel.length).toBeGreaterThan(30));

  it.each(nel)('%s (NEL %s, %s)', (name, phase, type) => {
    const stage = stageOf(name);
    const family = FAMILIES.find(([pattern]) => pattern.test(type));
    expect(family, `no family for NEL type ${type}`).toBeDefined();
    expect(family![1]).toContain(stage);
    // The DNS phase and our dns stage are the same thing, both ways.
    expect(stage === 'dns').toBe(phase === 'dns');
    // The application phase starts once a connection is up.
    if (phase === 'application') expect(['wait', 'receive']).toContain(stage);
  });

  it('every certificate error, listed or not, is at tls (NEL files them all under the connection)', () => {
    const names = readFileSync(new URL('../../test/fixtures/reference/chromium-net-errors.tsv', import.meta.url), 'utf8')
      .split('\n').map((line) => line.split('\t')[1] ?? '').filter((name) => name.startsWith('CERT_'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect([name, stageOf(name)]).toEqual([name, 'tls']);
  });
});
