import { describe, expect, it } from 'vitest';
import { httpStatusOf } from './status';

describe('httpStatusOf: is this failure an HTTP status', () => {
  it.each([
    [{ code: '404' }, 404],
    [{ code: '999' }, 999],
    [{ code: 'net::ERR_NAME_NOT_RESOLVED', errorName: 'NAME_NOT_RESOLVED' }, undefined],
    [{ code: 'NS_ERROR_UNKNOWN_HOST', errorName: 'NAME_NOT_RESOLVED' }, undefined],
    // An error string that happens to be digits is still an error, not a status.
    [{ code: '503', errorName: 'FAILED' }, undefined],
    [{ code: '4O4' }, undefined],
    [{ code: '' }, undefined],
  ])('%j → %s', (classification, expected) => expect(httpStatusOf(classification)).toBe(expected));
});
