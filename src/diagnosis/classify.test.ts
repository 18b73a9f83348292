import { describe, expect, it } from 'vitest';
import { classify, errorNameOf, REDIRECT_LIMIT } from './classify';
import type { Observation } from './types';

const base: Observation = { url: 'https://shop.test/api', method: 'GET', type: 'xmlhttprequest', tabId: 7, timeStamp: 1 };
const withStatus = (statusCode: number) => classify({ ...base, statusCode });
const withError = (error: string, extra: Partial<Observation> = {}) => classify({ ...base, ...extra, error });

describe('HTTP statuses', () => {
  it('every status 400-599 is a failure at receive', () => {
    for (let status = 400; status <= 599; status++) {
      expect(withStatus(status)).toMatchObject({ stage: 'receive', code: String(status), blocked: false });
    }
  });
  it.each([[404, 'warning'], [409, 'warning'], [429, 'warning'], [500, 'error'], [503, 'error'], [999, 'error']])(
    '%i has severity %s', (status, severity) => expect(withStatus(status)?.severity).toBe(severity));
  it.each([0, 100, 200, 204, 301, 304, 399, -1, 1000, 1e9, Number.NaN])('%s is not a failure', (status) =>
    expect(withStatus(status)).toBeNull());
  it('999 (LinkedIn) is kept as a failure', () => expect(withStatus(999)?.code).toBe('999'));
});

describe('network errors', () => {
  it('keeps the error string exactly as given', () => {
    expect(withError('net::ERR_NAME_NOT_RESOLVED')).toEqual({
      stage: 'dns', code: 'net::ERR_NAME_NOT_RESOLVED', severity: 'error', blocked: false, errorName: 'NAME_NOT_RESOLVED',
    });
  });
  it('an abort is not a failure', () => expect(withError('net::ERR_ABORTED')).toBeNull());
  it('an abort is listed apart when asked for', () =>
    expect(classify({ ...base, error: 'net::ERR_ABORTED' }, { includeAborted: true })).toMatchObject({ stage: 'browser', blocked: true }));
  it('a main-frame abort after the redirect limit is a redirect loop', () => {
    const redirects = Array.from({ length: REDIRECT_LIMIT }, (_, i) => `https://shop.test/${i % 2}`);
    expect(withError('net::ERR_ABORTED', { type: 'main_frame', redirects })).toMatchObject({
      stage: 'receive', code: 'net::ERR_TOO_MANY_REDIRECTS', errorName: 'TOO_MANY_REDIRECTS',
    });
  });
  it('an abort after a few redirects is still an abort', () =>
    expect(withError('net::ERR_ABORTED', { redirects: ['https://a.test/', 'https://b.test/'] })).toBeNull());
  it('blocked by another extension is blocked, info, in the browser', () =>
    expect(withError('net::ERR_BLOCKED_BY_CLIENT')).toMatchObject({ stage: 'browser', blocked: true, severity: 'info' }));
  it('an error wins over a status', () => expect(classify({ ...base, statusCode: 200, error: 'net::ERR_CONNECTION_RESET' })?.stage).toBe('wait'));
  it('an unknown string gets a guessed stage and keeps its text', () =>
    expect(withError('net::ERR_QUANTUM_FLUX')).toMatchObject({ code: 'net::ERR_QUANTUM_FLUX', stage: 'wait' }));
  it('a huge odd string does not throw', () => expect(withError('x'.repeat(100_000))?.stage).toBeDefined());
  it('no error and no status is not a failure', () => expect(classify(base)).toBeNull());
});

describe('errorNameOf', () => {
  it.each([
    ['net::ERR_CONNECTION_RESET', 'CONNECTION_RESET'],
    [' net::ERR_EMPTY_RESPONSE ', 'EMPTY_RESPONSE'],
    ['net::ERR_TIMED_OUT (-7)', 'TIMED_OUT'],
    ['NS_ERROR_UNKNOWN_HOST', 'NAME_NOT_RESOLVED'],
    ['garbage', undefined],
  ])('%s → %s', (error, name) => expect(errorNameOf(error)).toBe(name));
});
