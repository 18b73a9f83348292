import { describe, expect, it } from 'vitest';
import { observe, type RequestDetails } from '../diagnosis/observe';
import type { FailureRecord } from '../shared/protocol';
import { defaults, normalizeOptions, type Options } from '../shared/settings';
import { MAX_NOTICE_LINES, visibleLines } from '../shared/notice-lines';
import { coalesce, DEBOUNCE_MS, MAX_TRACKED_LINES, MIN_INTERVAL_MS, noticeContents, noticeRoute, ofPageOrigin, renderDelay, worthNotifying, type Notice } from './notice-plan';
import { addFailure } from './tab-log';

const record = (extra: Partial<RequestDetails> = {}): FailureRecord =>
  addFailure({ tabId: 9, failures: [] }, observe({
    url: 'https://api.shop.test/cart', method: 'GET', type: 'xmlhttprequest', tabId: 9, timeStamp: 1, statusCode: 503, ...extra,
  })!);
const options = (extra: Partial<Options> = {}): Options => ({ ...defaults, ...extra });

describe('which failures notify', () => {
  it.each<[string, Partial<RequestDetails>, Partial<Options>, boolean]>([
    ['a 503 from fetch, by default', {}, {}, true],
    ['a 409 from fetch, by default', { statusCode: 409 }, {}, true],
    ['anything when notifications are off', {}, { notify: 'off' }, false],
    ['a failing image under "page and API calls"', { type: 'image' }, {}, false],
    ['a failing image under "everything"', { type: 'image' }, { notify: 'everything' }, true],
    ['a fetch under "page only"', {}, { notify: 'page' }, false],
    ['the page itself under "page only"', { type: 'main_frame', statusCode: 500 }, { notify: 'page' }, true],
    ['a frame under "page only"', { type: 'sub_frame', statusCode: 404 }, { notify: 'page' }, true],
    ['a 404 when only errors notify', { statusCode: 404 }, { minSeverity: 'error' }, false],
    ['a DNS failure when only errors notify', { statusCode: undefined, error: 'net::ERR_NAME_NOT_RESOLVED' }, { minSeverity: 'error' }, true],
    ['a request blocked by another extension', { statusCode: undefined, error: 'net::ERR_BLOCKED_BY_CLIENT' }, { notify: 'everything', minSeverity: 'info' }, false],
    ['a favicon 404', { statusCode: 404, type: 'image', url: 'https://shop.test/favicon.ico' }, { notify: 'everything' }, false],
    ['a muted site', {}, { mutedSites: ['shop.test'] }, false],
    ['another site than the muted one', {}, { mutedSites: ['other.test'] }, true],
  ])('%s → %s', (_name, details, settings, expected) => {
    expect(worthNotifying(record(details), options(settings), 'shop.test')).toBe(expected);
  });
});

describe("which failures are the page's own (the rest stay out of its notice)", () => {
  const pageUrl = 'https://shop.test/cart?x=1';
  it.each<[string, Partial<RequestDetails>, string | undefined, boolean]>([
    ['the page itself', { type: 'main_frame', url: 'https://shop.test/', frameId: 0, statusCode: 500 }, pageUrl, true],
    ['the page itself, before its URL is known', { type: 'main_frame', url: 'https://shop.test/', frameId: 0, statusCode: 500 }, undefined, true],
    ['a fetch of the top document to its own API', { frameId: 0, initiator: 'https://shop.test' }, pageUrl, true],
    ['a fetch of the top document to another site', { frameId: 0, url: 'https://cdn.other.test/x', initiator: 'https://shop.test' }, pageUrl, true],
    ['a fetch of the top document, the page URL unknown', { frameId: 0 }, undefined, true],
    ['a fetch in a same-origin frame', { frameId: 5, initiator: 'https://shop.test' }, pageUrl, true],
    ['a fetch in a same-origin frame (Firefox: the full originUrl)', { frameId: 5, initiator: undefined, originUrl: 'https://shop.test/frame.html?a' }, pageUrl, true],
    ['a same-origin frame that failed to load', { type: 'sub_frame', frameId: 5, url: 'https://shop.test/frame', initiator: 'https://shop.test', statusCode: 404 }, pageUrl, true],
    ['a fetch in a cross-origin frame', { frameId: 5, url: 'https://bank.test/api/me', initiator: 'https://bank.test' }, pageUrl, false],
    ['a fetch in a cross-origin frame to the page\'s own host', { frameId: 5, url: 'https://shop.test/api', initiator: 'https://bank.test' }, pageUrl, false],
    ['a fetch in a frame of the same host on another port', { frameId: 5, initiator: 'https://shop.test:8443' }, pageUrl, false],
    ['a fetch in a frame of the same host over http', { frameId: 5, initiator: 'http://shop.test' }, pageUrl, false],
    ['a fetch in a cross-origin frame (Firefox)', { frameId: 5, initiator: undefined, originUrl: 'https://bank.test/widget' }, pageUrl, false],
    ['a fetch in a sandboxed frame (opaque origin)', { frameId: 5, initiator: 'null' }, pageUrl, false],
    ['a frame request without initiator', { frameId: 5, initiator: undefined }, pageUrl, false],
    ['a frame request when the page URL is unknown', { frameId: 5, initiator: 'https://shop.test' }, undefined, false],
    ['a cross-origin frame that failed to load, framed by the page', { type: 'sub_frame', frameId: 5, url: 'https://bank.test/login', initiator: 'https://shop.test', statusCode: 401 }, pageUrl, false],
    ['a request without frame id from another origin', { initiator: 'https://bank.test' }, pageUrl, false],
    ['a page URL that does not parse', { frameId: 5, initiator: 'https://shop.test' }, 'not a url', false],
  ])('%s → %s', (_name, details, page, expected) => {
    const failure = record({ initiator: 'https://shop.test', ...details });
    expect(ofPageOrigin(failure, page)).toBe(expected);
  });
});

describe('what a notice lists, and why it lists fewer than the badge', () => {
  const pageUrl = 'https://shop.test/';
  const at = (lastSeen: number, details: Partial<RequestDetails> = {}): FailureRecord =>
    ({ ...record({ initiator: 'https://shop.test', frameId: 0, ...details }), lastSeen });
  const noticeSince = (since: number): Notice => ({ ...coalesce(undefined, at(since), 'shop.test', 'bottom-right'), since });

  it.each<[string, Partial<RequestDetails>, 'notice' | 'system' | undefined]>([
    ['an API call', {}, 'notice'],
    ['the page itself, answered with an error', { type: 'main_frame', url: 'https://shop.test/', statusCode: 500 }, 'notice'],
    ['the page itself, no answer (the browser shows its error page)', { type: 'main_frame', url: 'https://shop.test/', statusCode: undefined, error: 'net::ERR_CONNECTION_REFUSED' }, 'system'],
    ['an image (not notified by default)', { type: 'image' }, undefined],
    ["another origin's frame", { frameId: 5, initiator: 'https://bank.test' }, undefined],
  ])('%s → %s', (_name, details, route) => {
    expect(noticeRoute(record({ initiator: 'https://shop.test', frameId: 0, ...details }), pageUrl, options())).toBe(route);
  });

  it('lists the notifiable failures since it began; images left out are named as the reason', () => {
    const api = at(10);
    const earlier = at(5, { url: 'https://shop.test/old' });
    const image = at(11, { type: 'image', url: 'https://shop.test/a.png' });
    const { listed, leftOut } = noticeContents([earlier, api, image], noticeSince(10), pageUrl, options());
    expect(listed).toEqual([api]);
    expect(leftOut).toBe('noticeLeftOutImages');
  });
  it("another origin's frame is named before anything else", () => {
    const frame = at(11, { frameId: 5, initiator: 'https://bank.test', url: 'https://bank.test/api' });
    const image = at(11, { type: 'image', url: 'https://shop.test/a.png' });
    expect(noticeContents([at(10), image, frame], noticeSince(10), pageUrl, options()).leftOut).toBe('noticeLeftOutFrames');
  });
  it('an image notified under "everything" but from before the notice is no reason to blame images', () => {
    const image = at(5, { type: 'image', url: 'https://shop.test/a.png' });
    expect(noticeContents([image, at(10)], noticeSince(10), pageUrl, options({ notify: 'everything' })).leftOut).toBe('noticeLeftOutOther');
  });
  it('failures from before a dismissed notice: the report lists all', () => {
    expect(noticeContents([at(5, { url: 'https://shop.test/old' }), at(10)], noticeSince(10), pageUrl, options()).leftOut).toBe('noticeLeftOutOther');
  });
  it('blocked requests are neither listed nor a reason (the badge does not count them)', () => {
    const blocked = at(11, { statusCode: undefined, error: 'net::ERR_BLOCKED_BY_CLIENT' });
    expect(noticeContents([at(10), blocked], noticeSince(10), pageUrl, options())).toMatchObject({ listed: [expect.anything()], leftOut: 'noticeLeftOutOther' });
  });
  it('a line keeps the error name its title is looked up by', () => {
    const dns = coalesce(undefined, record({ statusCode: undefined, error: 'net::ERR_NAME_NOT_RESOLVED' }), 'shop.test', 'bottom-right');
    expect(dns.lines[0]).toMatchObject({ code: 'net::ERR_NAME_NOT_RESOLVED', errorName: 'NAME_NOT_RESOLVED' });
  });
});

describe('coalescing', () => {
  it('folds identical code and host into one line, most frequent first', () => {
    let notice: Notice | undefined;
    for (const details of [{ url: 'https://cdn.test/a' , error: 'net::ERR_NAME_NOT_RESOLVED', statusCode: undefined }, {}, { url: 'https://api.shop.test/other' }]) {
      notice = coalesce(notice, record(details), 'shop.test', 'bottom-right');
    }
    expect(notice!.lines).toEqual([
      { stage: 'receive', code: '503', host: 'api.shop.test', count: 2 },
      { stage: 'dns', code: 'net::ERR_NAME_NOT_RESOLVED', errorName: 'NAME_NOT_RESOLVED', host: 'cdn.test', count: 1 },
    ]);
    expect(notice!).toMatchObject({ total: 3, revision: 3, site: 'shop.test', tabId: 9 });
  });
  it('updates the notice it was given, and starts one when there is none', () => {
    const first = coalesce(undefined, record(), 'shop.test', 'bottom-right');
    const second = coalesce(first, record(), 'shop.test', 'top-left');
    expect(second).toBe(first);
    expect(second).toMatchObject({ total: 2, revision: 2, position: 'top-left', lines: [{ count: 2 }] });
  });
  it('a private window\'s failure marks its notice private (no mute, which would sync the site)', () => {
    expect(coalesce(undefined, record(), 'shop.test', 'bottom-right').private).toBeUndefined();
    expect(coalesce(undefined, { ...record(), private: true }, 'shop.test', 'bottom-right').private).toBe(true);
  });
  it('shows at most a few lines and sums the rest', () => {
    let notice: Notice | undefined;
    for (let i = 0; i < 20; i++) notice = coalesce(notice, record({ url: `https://h${i}.test/` }), 'shop.test', 'top-left');
    const { lines, more } = visibleLines(notice!);
    expect(lines).toHaveLength(MAX_NOTICE_LINES);
    expect(more).toBe(20 - MAX_NOTICE_LINES);
  });
  it('a page failing on thousands of hosts keeps a bounded notice', () => {
    let notice: Notice | undefined;
    for (let i = 0; i < 5000; i++) notice = coalesce(notice, record({ url: `https://h${i}.test/` }), 'shop.test', 'top-left');
    expect(notice!.lines).toHaveLength(MAX_TRACKED_LINES);
    expect(notice!.total).toBe(5000);
    expect(visibleLines(notice!).more).toBe(5000 - MAX_NOTICE_LINES);
  });
  it('hundreds of failures stay one notice with bounded lines', () => {
    let notice: Notice | undefined;
    for (let i = 0; i < 500; i++) notice = coalesce(notice, record({ url: `https://api.shop.test/${i}` }), 'shop.test', 'top-left');
    expect(notice!.lines).toHaveLength(1);
    expect(notice!.total).toBe(500);
  });
});

describe('rate limit', () => {
  it('the first render waits a moment for the rest of a burst', () => expect(renderDelay(undefined, 1000)).toBe(DEBOUNCE_MS));
  it('updates come at most once per interval', () => {
    expect(renderDelay(1000, 1100)).toBe(MIN_INTERVAL_MS - 100);
    expect(renderDelay(1000, 1000 + MIN_INTERVAL_MS + 5000)).toBe(DEBOUNCE_MS);
  });
  it('a storm of 300 failures within a second causes at most two renders', () => {
    let lastRender: number | undefined;
    let nextRender: number | undefined;
    let renders = 0;
    for (let now = 0; now < 1000; now += 1000 / 300) {
      if (nextRender !== undefined && now >= nextRender) {
        renders++;
        lastRender = nextRender;
        nextRender = undefined;
      }
      nextRender ??= now + renderDelay(lastRender, now);
    }
    expect(renders).toBeLessThanOrEqual(2);
  });
});

describe('settings', () => {
  it('bad stored values fall back to the defaults', () => {
    expect(normalizeOptions({ notify: 'loud', minSeverity: 7, mutedSites: ['a.test', 3, null], position: 'middle', showAborted: 'yes', historyDays: 5, noticeSeconds: 7, explainCors: 'yes' })).toEqual({
      ...defaults, mutedSites: ['a.test'],
    });
  });
  it('good values are kept', () => {
    const stored = { notify: 'everything', minSeverity: 'error', mutedSites: ['x.test'], position: 'top-left', noticeSeconds: 0, systemNotifications: true, showAborted: true, stripQueryInReports: true, watchGiveUpHours: 48, historyDays: 7,
      mySites: ['example.com'], reactTo: 'my-sites', quietThirdParties: true, explainCors: true } as const;
    expect(normalizeOptions(stored)).toEqual(stored);
  });
  it('sites I work on: only host names, at most 100', () => {
    expect(normalizeOptions({ mySites: ['a.test', 7, null, 'x'.repeat(300)], reactTo: 'everything' })).toMatchObject({ mySites: ['a.test'], reactTo: 'all' });
    expect(normalizeOptions({ mySites: Array.from({ length: 150 }, (_, i) => `h${i}.test`) }).mySites).toHaveLength(100);
  });
  it.each([-1, 5, '0', null, Infinity])('a notification time of %j falls back to 8 s', (noticeSeconds) => {
    expect(normalizeOptions({ noticeSeconds }).noticeSeconds).toBe(8);
  });
  it.each([0, -5, 1000, Number.NaN, '24', null])('a watch limit of %j falls back to 24 h', (watchGiveUpHours) => {
    expect(normalizeOptions({ watchGiveUpHours }).watchGiveUpHours).toBe(24);
  });
});
