import { describe, expect, it } from 'vitest';
import { keptHeaders, MAX_HEADER_BYTES, pickHeaders, REQUEST_ID_HEADERS } from './headers';
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

describe('pickHeaders bounds', () => {
  it('keeps values short, and names and values within a total budget', () => {
    const headers = [
      ...Array.from({ length: 30 }, (_, i) => ({ name: `X-Akamai-${i}`, value: 'v'.repeat(10_000) })),
      { name: 'Retry-After', value: '5' },
    ];
    const picked = pickHeaders(headers)!;
    const bytes = Object.entries(picked).reduce((sum, [name, value]) => sum + name.length + value.length, 0);
    expect(bytes).toBeLessThanOrEqual(MAX_HEADER_BYTES);
    expect(Math.max(...Object.values(picked).map((v) => v.length))).toBe(512);
    // A small header after the budget is spent still fits.
    expect(picked['retry-after']).toBe('5');
  });
  it('a repeated header joins within the bounds too', () => {
    const picked = pickHeaders(Array.from({ length: 100 }, () => ({ name: 'WWW-Authenticate', value: 'Basic realm="x"' })))!;
    expect(picked['www-authenticate']!.length).toBeLessThanOrEqual(512);
    expect(picked['www-authenticate']!.startsWith('Basic realm="x", Basic realm="x"')).toBe(true);
  });
  it('keptHeaders keeps exactly what pickHeaders picks', () => {
    const headers = [
      { name: 'Server', value: 'nginx' }, { name: 'Set-Cookie', value: 'secret=1' }, { name: 'WWW-Authenticate', value: 'Basic' },
      { name: 'www-authenticate', value: 'Bearer' }, ...Array.from({ length: 20 }, (_, i) => ({ name: `x-akamai-${i}`, value: 'a'.repeat(400) })),
    ];
    expect(pickHeaders(keptHeaders(headers)!)).toEqual(pickHeaders(headers));
    expect(keptHeaders([{ name: 'set-cookie', value: 'x' }])).toBeUndefined();
  });
});
