// The first screen handed to the popup in its URL: the report's first lines in its order, bounded, and
// read back only when it is well formed.
import { describe, expect, it } from 'vitest';
import { observe, type RequestDetails } from '../diagnosis/observe';
import { FIRST_SCREEN_ITEMS, FIRST_SCREEN_MAX_CHARS, firstScreenOf, popupUrlOf, readFirstScreen, type FirstScreen } from './first-screen';
import type { FailureRecord, TabLog } from './protocol';

const record = (extra: Partial<RequestDetails>, count = 1): FailureRecord => ({
  ...observe({ url: 'https://shop.test/api', method: 'GET', type: 'xmlhttprequest', tabId: 3, timeStamp: 1, statusCode: 500, ...extra })!,
  count, lastSeen: extra.timeStamp ?? 1,
});
const log = (...failures: FailureRecord[]): TabLog => ({ tabId: 3, failures });
const lines = (screen: FirstScreen | undefined) => screen?.groups.map((g) => [g.kind, g.host, g.size, g.failures.map((f) => f.url)]);
const roundTrip = (screen: FirstScreen | undefined) => readFirstScreen(popupUrlOf(screen).slice(popupUrlOf(screen).indexOf('#')));

describe('firstScreenOf', () => {
  it('groups as the report does, newest host first, blocked last, with the count atop', () => {
    const screen = firstScreenOf(log(
      record({ url: 'https://cdn.test/a.js', type: 'script', timeStamp: 5 }, 3),
      record({ url: 'https://ads.test/x.js', error: 'net::ERR_BLOCKED_BY_CLIENT', statusCode: undefined, timeStamp: 9 }),
      record({ url: 'https://shop.test/api/1', timeStamp: 7 }),
    ));
    expect(lines(screen)).toEqual([
      ['host', 'shop.test', 1, ['https://shop.test/api/1']],
      ['host', 'cdn.test', 1, ['https://cdn.test/a.js']],
      ['blocked', undefined, 1, ['https://ads.test/x.js']],
    ]);
    expect([screen?.counted, screen?.summary.status, screen?.summary.worst?.url]).toEqual([4, 'partial', 'https://shop.test/api/1']);
  });
  it('holds the first screen only: headings and lines together, each group still counting all of its failures', () => {
    const many = Array.from({ length: 100 }, (_, i) => record({ url: `https://shop.test/api/${i}`, timeStamp: i }));
    const screen = firstScreenOf(log(...many));
    expect(screen!.groups).toHaveLength(1);
    expect([screen!.groups[0]!.size, screen!.groups[0]!.failures.length]).toEqual([100, FIRST_SCREEN_ITEMS - 1]);
  });
  it('stays small when URLs are huge: fewer lines, never a huge popup URL', () => {
    const huge = Array.from({ length: 5 }, (_, i) => record({ url: `https://shop.test/${String(i).repeat(6_000)}`, timeStamp: i }));
    const url = popupUrlOf(firstScreenOf(log(...huge)));
    expect(url.length).toBeLessThanOrEqual(FIRST_SCREEN_MAX_CHARS + 40);
    expect(lines(roundTrip(firstScreenOf(log(...huge))))?.[0]?.[2]).toBe(5);
  });
  it('URLs that grow when escaped: fewer lines, never a heading alone, and none at all rather than an empty screen', () => {
    const escaped = (i: number, length: number) => record({ url: `https://shop.test/a?q=${'\\'.repeat(length)}${i}`, timeStamp: i });
    const two = firstScreenOf(log(escaped(1, 1_200), escaped(2, 1_200), record({ url: 'https://cdn.test/x.js', timeStamp: 0 })));
    expect(popupUrlOf(two).length).toBeLessThanOrEqual(FIRST_SCREEN_MAX_CHARS + 40);
    expect(two!.groups.every((group) => group.failures.length > 0)).toBe(true);
    expect(firstScreenOf(log(escaped(1, 4_000)))).toBeUndefined();
  });
  it('none when the page itself failed: its card opens on the first screen and needs the catalog', () =>
    expect(firstScreenOf(log(record({ url: 'https://shop.test/', type: 'main_frame', statusCode: 503 })))).toBeUndefined());
  it('an empty log is a first screen too (the popup says nothing failed)', () =>
    expect([firstScreenOf(log())?.counted, firstScreenOf(log())?.groups]).toEqual([0, []]));
  it('keeps no headers or redirects: the popup reads the whole record from storage', () =>
    expect(Object.keys(firstScreenOf(log(record({ responseHeaders: [{ name: 'server', value: 'nginx' }] })))!.groups[0]!.failures[0]!)).not.toContain('responseHeaders'));
});

describe('the popup URL and readFirstScreen', () => {
  it('the popup page alone when there is no first screen', () => expect(popupUrlOf(undefined)).toBe('src/popup/index.html'));
  it('reads back what it wrote, odd characters in URLs included', () => {
    const screen = firstScreenOf(log(record({ url: 'https://shop.test/a?q=%23#x "<b>" ünï 😀' })));
    expect(roundTrip(screen)).toEqual(screen);
  });
  it.each([
    ['', 'no fragment'], ['#', 'an empty one'], ['#%E0%A4%A', 'broken escapes'], ['#not json', 'not JSON'], ['#null', 'null'],
    ['#{"tabId":1}', 'missing fields'],
    [`#${encodeURIComponent(JSON.stringify({ tabId: 1, counted: 1, dropped: 0, summary: { status: 'partial', kinds: [] }, groups: [{ kind: 'host', size: 1, failures: [{ url: 1 }] }] }))}`, 'a line of the wrong shape'],
  ])('reads %j (%s) as none', (hash) => expect(readFirstScreen(hash)).toBeUndefined());
});
