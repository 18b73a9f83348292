import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { guessStage, NET_ERROR_STAGES, stageFromErrorNumber } from './net-errors';
import { STAGES } from './types';

const rows = readFileSync(new URL('../../test/fixtures/reference/chromium-net-errors.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#') && !line.startsWith('code\t'))
  .map((line) => line.split('\t') as [string, string, string]);

describe('every Chromium net error has a stage', () => {
  it('reads the reference file', () => expect(rows.length).toBeGreaterThan(200));

  it.each(rows.filter(([, name]) => name !== 'ABORTED'))('net::ERR_%s (%s) is mapped', (_code, name) => {
    const stage = NET_ERROR_STAGES.get(name);
    expect(stage, `${name} has no stage in net-errors.ts`).toBeDefined();
    expect(classify({ url: 'https://a.test/', method: 'GET', type: 'xmlhttprequest', tabId: 1, timeStamp: 0, error: `net::ERR_${name}` })?.stage).toBe(stage);
  });

  it('maps no name that Chromium does not have', () => {
    const known = new Set(rows.map(([, name]) => name));
    expect([...NET_ERROR_STAGES.keys()].filter((name) => !known.has(name))).toEqual([]);
  });

  it.each([
    ['NAME_NOT_RESOLVED', 'dns'], ['CONNECTION_REFUSED', 'connect'], ['CONNECTION_TIMED_OUT', 'connect'],
    ['CERT_AUTHORITY_INVALID', 'tls'], ['SSL_PROTOCOL_ERROR', 'tls'], ['CONNECTION_RESET', 'wait'],
    ['EMPTY_RESPONSE', 'wait'], ['TIMED_OUT', 'wait'], ['TOO_MANY_REDIRECTS', 'receive'],
    ['CONTENT_DECODING_FAILED', 'receive'], ['BLOCKED_BY_CLIENT', 'browser'], ['BLOCKED_BY_CSP', 'browser'],
    ['BLOCKED_BY_ORB', 'browser'], ['UNSAFE_PORT', 'browser'], ['INVALID_URL', 'browser'],
    ['PROXY_CONNECTION_FAILED', 'connect'], ['UPLOAD_FILE_CHANGED', 'send'],
  ])('%s is at %s', (name, stage) => expect(NET_ERROR_STAGES.get(name)).toBe(stage));
});

describe('unknown error strings still get a stage', () => {
  it.each([
    ['net::ERR_SOMETHING_NEW (-105)', 'connect'],
    ['net::ERR_FUTURE_DNS_THING', 'dns'],
    ['net::ERR_NEW_CERT_PROBLEM', 'tls'],
    ['net::ERR_PROXY_NEW', 'connect'],
    ['net::ERR_STREAM_RESET_NEW', 'wait'],
    ['net::ERR_WEIRD_RESPONSE', 'receive'],
    ['-804', 'dns'],
    ['-207', 'tls'],
    ['-330', 'receive'],
    ['-20', 'browser'],
    ['totally unknown', 'wait'],
    ['', 'wait'],
  ])('%s → %s', (error, stage) => expect(guessStage(error)).toBe(stage));

  it('numeric ranges follow net_error_list.h', () => {
    expect(stageFromErrorNumber(-3)).toBe('browser');
    expect(stageFromErrorNumber(-150)).toBe('connect');
    expect(stageFromErrorNumber(-899)).toBe('dns');
    expect(STAGES).toContain(stageFromErrorNumber(Number.NaN));
  });
});
