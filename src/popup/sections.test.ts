// Grouping in the report: the page's own failure first, then hosts by newest failure, blocked ones last.
import { describe, expect, it, vi } from 'vitest';
import { observe, type RequestDetails } from '../diagnosis/observe';
import type { FailureRecord } from '../shared/protocol';

vi.mock('../shared/browser', () => ({ default: { i18n: { getMessage: (key: string) => key } } }));
const { sectionsOf } = await import('./sections');

const record = (extra: Partial<RequestDetails>): FailureRecord => observe({
  url: 'https://shop.test/api', method: 'GET', type: 'xmlhttprequest', tabId: 1, timeStamp: 1, statusCode: 500, ...extra,
})!;

describe('sectionsOf', () => {
  it('puts the page first, groups sub-requests by host newest first, and blocked requests last', () => {
    const sections = sectionsOf([
      record({ url: 'https://cdn.test/a.js', timeStamp: 5 }),
      record({ url: 'https://ads.test/x.js', error: 'net::ERR_BLOCKED_BY_CLIENT', statusCode: undefined, timeStamp: 9 }),
      record({ url: 'https://shop.test/', type: 'main_frame', timeStamp: 1 }),
      record({ url: 'https://shop.test/api/1', timeStamp: 3 }),
      record({ url: 'https://shop.test/api/2', timeStamp: 7 }),
    ]);
    expect(sections.map((s) => [s.title, s.failures.map((f) => f.url)])).toEqual([
      ['thisPage', ['https://shop.test/']],
      ['shop.test', ['https://shop.test/api/2', 'https://shop.test/api/1']],
      ['cdn.test', ['https://cdn.test/a.js']],
      ['blockedSection', ['https://ads.test/x.js']],
    ]);
  });
  it('groups by host name, the key notifications are muted by: other ports of one host share a group', () => {
    const sections = sectionsOf([record({ url: 'http://127.0.0.1:8080/a', timeStamp: 2 }), record({ url: 'http://127.0.0.1:9090/b', timeStamp: 1 })]);
    expect(sections.map((s) => [s.title, s.failures.length])).toEqual([['127.0.0.1', 2]]);
  });
  it('an unparsable URL still gets a group', () =>
    expect(sectionsOf([record({ url: 'not a url' })])[0]?.title).toBe('not a url'));
  it('nothing failed, nothing to show', () => expect(sectionsOf([])).toEqual([]));
});
