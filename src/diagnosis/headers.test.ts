import { describe, expect, it } from 'vitest';
import { pickHeaders, REQUEST_ID_HEADERS } from './headers';
import { requestIds } from './headers-parse';

describe('request-id headers: one list, kept when observed and listed in the report', () => {
  const headers = REQUEST_ID_HEADERS.map((name, i) => ({ name: name.toUpperCase(), value: `id-${i}` }));
  it('every request-id header survives pickHeaders', () => {
    expect(Object.keys(pickHeaders(headers) ?? {}).sort()).toEqual([...REQUEST_ID_HEADERS].sort());
  });
  it('requestIds lists them all, in the list order', () => {
    expect(requestIds(pickHeaders(headers)!).map(([name]) => name)).toEqual(REQUEST_ID_HEADERS);
  });
});
