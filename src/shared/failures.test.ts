import { describe, expect, it } from 'vitest';
import { observe, type RequestDetails } from '../diagnosis/observe';
import { countedFailures, shortCode } from './failures';
import type { FailureRecord } from './protocol';

const record = (extra: Partial<RequestDetails>, count = 1): FailureRecord => ({
  ...observe({ url: 'https://shop.test/', method: 'GET', type: 'image', tabId: 1, timeStamp: 1, statusCode: 404, ...extra })!,
  count,
});

describe('countedFailures: the badge and report count', () => {
  it('counts repeats and leaves out requests blocked in the browser', () => {
    expect(countedFailures({ failures: [
      record({}, 3),
      record({ statusCode: 503 }),
      record({ statusCode: undefined, error: 'net::ERR_BLOCKED_BY_CLIENT' }, 5),
    ] })).toBe(4);
  });
  it('counts in what the caps dropped', () => expect(countedFailures({ failures: [record({}, 2)], dropped: 7 })).toBe(9));
  it('is zero when nothing failed', () => {
    expect(countedFailures({ failures: [] })).toBe(0);
    expect(countedFailures(undefined)).toBe(0);
  });
});

describe('shortCode', () => {
  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'NAME_NOT_RESOLVED'],
    ['404', '404'],
    ['NS_ERROR_UNKNOWN_HOST', 'NS_ERROR_UNKNOWN_HOST'],
    ['The certificate is not trusted because it is self-signed.', 'The certificate is not trusted because it is self-signed.'],
  ])('%s → %s', (code, short) => expect(shortCode(code)).toBe(short));
});
