import { describe, expect, it } from 'vitest';
import { observe, type RequestDetails } from '../diagnosis/observe';
import type { TabLog } from '../shared/protocol';
import { clipUrl, MAX_URL_LENGTH } from '../diagnosis/observe';
import { entrySize, recordSize } from './bytes';
import { addFailure, badgeOf, CAPS, enforceTotalCap, startPage, totalsOf } from './tab-log';

const details = (extra: Partial<RequestDetails>): RequestDetails => ({
  url: 'https://shop.test/api', method: 'GET', type: 'xmlhttprequest', tabId: 5, timeStamp: 1000, statusCode: 500, ...extra,
});
const failure = (extra: Partial<RequestDetails> = {}) => observe(details(extra))!;
const emptyLog = (tabId = 5): TabLog => ({ tabId, failures: [] });

describe('folding', () => {
  it('identical failures fold into one record with a count', () => {
    const log = emptyLog();
    addFailure(log, failure({ timeStamp: 1 }));
    addFailure(log, failure({ timeStamp: 2 }));
    addFailure(log, failure({ timeStamp: 3 }));
    expect(log.failures).toHaveLength(1);
    expect(log.failures[0]).toMatchObject({ count: 3, timeStamp: 1, lastSeen: 3 });
  });
  it('a different code, method or URL is a different failure', () => {
    const log = emptyLog();
    addFailure(log, failure());
    addFailure(log, failure({ statusCode: 502 }));
    addFailure(log, failure({ method: 'POST' }));
    addFailure(log, failure({ url: 'https://shop.test/other' }));
    expect(log.failures.map((f) => f.count)).toEqual([1, 1, 1, 1]);
  });
  it('the page retrying its own failed load does not count up', () => {
    const log = emptyLog();
    const page = { type: 'main_frame', error: 'net::ERR_NAME_NOT_RESOLVED', statusCode: undefined };
    addFailure(log, failure({ ...page, timeStamp: 1 }));
    addFailure(log, failure({ ...page, timeStamp: 2 }));
    expect(log.failures[0]).toMatchObject({ count: 1, lastSeen: 2 });
  });
});

describe('caps', () => {
  it('page failures are dropped too once nothing else is left, so a tab never outgrows its cap', () => {
    const log = emptyLog();
    for (let i = 0; i < 50; i++) addFailure(log, failure({ type: 'main_frame', url: `https://site.test/${i}`, statusCode: 404, timeStamp: i }), 10);
    expect(log.failures).toHaveLength(10);
    expect(log.failures.at(-1)?.url).toBe('https://site.test/49');
  });
  it('a tab keeps at most its cap, dropping the oldest but keeping the page failure', () => {
    const log = emptyLog();
    addFailure(log, failure({ type: 'main_frame', url: 'https://shop.test/', timeStamp: 0 }), 3);
    for (let i = 1; i <= 10; i++) addFailure(log, failure({ url: `https://shop.test/${i}`, timeStamp: i }), 3);
    expect(log.failures.map((f) => f.url)).toEqual(['https://shop.test/', 'https://shop.test/9', 'https://shop.test/10']);
  });
  it('the total across tabs stays under its cap, trimming the fullest tab', () => {
    const a = emptyLog(1);
    const b = emptyLog(2);
    for (let i = 0; i < 8; i++) addFailure(a, failure({ url: `https://a.test/${i}`, timeStamp: i }));
    for (let i = 0; i < 3; i++) addFailure(b, failure({ url: `https://b.test/${i}`, timeStamp: i }));
    const totals = totalsOf([a, b]);
    expect(enforceTotalCap([a, b], totals, { total: 6, bytes: 1e9 })).toEqual([a]);
    expect([a.failures.length, b.failures.length]).toEqual([3, 3]);
    expect(totals).toEqual(totalsOf([a, b]));
  });
  it('the total bytes stay under their cap however long the URLs and headers are', () => {
    const log = emptyLog();
    const huge = { 'x-request-id': 'i'.repeat(500), server: 's'.repeat(500) };
    const totals = { records: 0, bytes: 0 };
    for (let i = 0; i < 300; i++) {
      addFailure(log, { ...failure({ url: `https://a.test/${i}/${'u'.repeat(4000)}`, timeStamp: i }), headers: huge }, 1000, totals);
      enforceTotalCap([log], totals, { total: 1000, bytes: 100_000 });
    }
    expect(totals.bytes).toBeLessThanOrEqual(100_000);
    expect(totals).toEqual(totalsOf([log]));
    expect(log.failures.at(-1)?.url).toContain('/299/');
    expect(JSON.stringify(log).length).toBeLessThan(120_000);
    expect(recordSize(log.failures[0]!)).toBeGreaterThan(5000);
  });
});

describe('failures dropped by the caps are still counted', () => {
  const sumOf = (log: TabLog) => log.failures.reduce((sum, f) => sum + f.count, log.dropped ?? 0);
  it('a burst over the per-tab cap: listed counts plus dropped equal every failure', () => {
    const log = emptyLog();
    for (let i = 0; i < 1000; i++) addFailure(log, failure({ url: `https://shop.test/${i % 37}`, statusCode: [404, 500][i % 2], timeStamp: i }), 10);
    expect(log.failures).toHaveLength(10);
    expect(log.dropped).toBeGreaterThan(0);
    expect(sumOf(log)).toBe(1000);
    expect(badgeOf(log).text).toBe('99+');
  });
  it('the total cap counts what it trims from a tab', () => {
    const a = emptyLog(1);
    for (let i = 0; i < 8; i++) addFailure(a, failure({ url: `https://a.test/${i}`, timeStamp: i }));
    addFailure(a, failure({ url: 'https://a.test/0', timeStamp: 9 }));
    enforceTotalCap([a], totalsOf([a]), { total: 3, bytes: 1e9 });
    expect(a.failures).toHaveLength(3);
    expect(sumOf(a)).toBe(9);
    expect(badgeOf(a).text).toBe('9');
  });
  it('a new page forgets the old page\'s dropped count', () => {
    const log = emptyLog();
    for (let i = 0; i < 5; i++) addFailure(log, failure({ url: `https://old.test/${i}`, timeStamp: i }), 2);
    expect(log.dropped).toBe(3);
    startPage(log, { url: 'https://new.test/', timeStamp: 5000 });
    expect(log.dropped).toBeUndefined();
    expect(badgeOf(log).text).toBe('');
  });
});

describe('page changes', () => {
  it('a page that fails to load replaces the failures of the page before it', () => {
    const log = emptyLog();
    const totals = { records: 0, bytes: 0 };
    addFailure(log, failure({ url: 'https://old.test/img.png', timeStamp: 1 }), 200, totals);
    addFailure(log, failure({ type: 'main_frame', url: 'https://gone.test/', error: 'net::ERR_NAME_NOT_RESOLVED', statusCode: undefined, timeStamp: 2 }), 200, totals);
    addFailure(log, failure({ type: 'main_frame', url: 'https://gone-too.test/', error: 'net::ERR_CONNECTION_REFUSED', statusCode: undefined, timeStamp: 3 }), 200, totals);
    expect(log.failures.map((f) => f.url)).toEqual(['https://gone-too.test/']);
    expect(totals).toEqual(totalsOf([log]));
  });
  it('a page load that was cancelled (listed when cancels are shown) keeps the page still on screen', () => {
    const log = emptyLog();
    addFailure(log, failure({ url: 'https://shop.test/img.png', timeStamp: 1 }));
    const cancelled = observe(details({ type: 'main_frame', url: 'https://next.test/', error: 'net::ERR_ABORTED', statusCode: undefined, timeStamp: 2 }), undefined, { includeAborted: true })!;
    addFailure(log, cancelled);
    expect(log.failures.map((f) => f.url)).toEqual(['https://shop.test/img.png', 'https://next.test/']);
  });
  it('the retry of a page that failed to load keeps it (folded)', () => {
    const log = emptyLog();
    const page = { type: 'main_frame', url: 'https://gone.test/', error: 'net::ERR_NAME_NOT_RESOLVED', statusCode: undefined };
    addFailure(log, failure({ ...page, timeStamp: 2 }));
    addFailure(log, failure({ ...page, timeStamp: 3 }));
    expect(log.failures).toHaveLength(1);
  });
  it('a new page clears the old page failures', () => {
    const log = emptyLog();
    addFailure(log, failure());
    addFailure(log, failure({ type: 'main_frame', url: 'https://old.test/' }));
    expect(startPage(log, { url: 'https://new.test/', timeStamp: 5000 })).toBe(true);
    expect(log.failures).toEqual([]);
  });
  it('failures of the new document reported before its commit event stay (Chromium documentId)', () => {
    const log = emptyLog();
    addFailure(log, failure({ url: 'https://old.test/a.png', timeStamp: 300, documentId: 'OLD' }));
    addFailure(log, failure({ url: 'https://new.test/b.png', timeStamp: 100, documentId: 'NEW' }));
    addFailure(log, failure({ url: 'https://new.test/frame.png', timeStamp: 100, parentDocumentId: 'NEW' }));
    startPage(log, { url: 'https://new.test/', timeStamp: 200, documentId: 'NEW' });
    expect(log.failures.map((f) => f.url)).toEqual(['https://new.test/b.png', 'https://new.test/frame.png']);
  });
  it("a failed load with a URL longer than kept keeps its own failure when its error page commits", () => {
    const log = emptyLog();
    const long = `https://sso.test/saml?SAMLRequest=${'x'.repeat(MAX_URL_LENGTH)}`;
    addFailure(log, failure({ url: clipUrl(long), type: 'main_frame', timeStamp: 100, documentId: 'OLD' }));
    startPage(log, { url: long, timeStamp: 200, documentId: 'ERROR-PAGE' });
    expect(log.failures.map((f) => f.url)).toEqual([clipUrl(long)]);
  });
  it('without document ids (Firefox), failures after the commit time stay', () => {
    const log = emptyLog();
    addFailure(log, failure({ url: 'https://old.test/a.png', timeStamp: 100 }));
    addFailure(log, failure({ url: 'https://new.test/b.png', timeStamp: 205 }));
    startPage(log, { url: 'https://new.test/', timeStamp: 200 });
    expect(log.failures.map((f) => f.url)).toEqual(['https://new.test/b.png']);
  });
  it('keeps the running totals right when a page change drops failures', () => {
    const log = emptyLog();
    const totals = { records: 0, bytes: 0 };
    for (let i = 0; i < 5; i++) addFailure(log, failure({ url: `https://old.test/${i}`, documentId: 'OLD' }), 200, totals);
    addFailure(log, failure({ url: 'https://new.test/x', documentId: 'NEW' }), 200, totals);
    startPage(log, { url: 'https://new.test/', timeStamp: 0, documentId: 'NEW' }, totals);
    expect(totals).toEqual(totalsOf([log]));
    expect(totals.records).toBe(1);
  });
  it("the error page of a failed navigation keeps that navigation's failure", () => {
    const log = emptyLog();
    addFailure(log, failure({ url: 'https://old.test/img.png' }));
    addFailure(log, failure({ type: 'main_frame', url: 'https://gone.test/', error: 'net::ERR_NAME_NOT_RESOLVED' }));
    startPage(log, { url: 'https://gone.test/', timeStamp: 5000, documentId: 'D2' });
    expect(log.failures.map((f) => f.code)).toEqual(['net::ERR_NAME_NOT_RESOLVED']);
  });
  it('a redirect loop stays when the error page commits its first URL', () => {
    const log = emptyLog();
    const redirects = Array.from({ length: 20 }, (_, i) => `https://loop.test/${i % 2 ? 'b' : 'a'}`);
    addFailure(log, observe(details({ type: 'main_frame', url: 'https://loop.test/a', error: 'net::ERR_ABORTED', statusCode: undefined }), redirects)!);
    expect(startPage(log, { url: 'https://loop.test/a', timeStamp: 5000 })).toBe(false);
    expect(log.failures[0]?.code).toBe('net::ERR_TOO_MANY_REDIRECTS');
  });
});

describe('badge', () => {
  it('is empty when nothing failed', () => expect(badgeOf(undefined)).toEqual({ text: '', severity: null }));
  it('counts repeats, leaves out blocked requests and takes the worst colour', () => {
    const log = emptyLog();
    addFailure(log, failure({ statusCode: 404 }));
    addFailure(log, failure({ statusCode: 404, timeStamp: 2 }));
    addFailure(log, failure({ url: 'https://ads.test/x.js', error: 'net::ERR_BLOCKED_BY_CLIENT' }));
    expect(badgeOf(log)).toEqual({ text: '2', severity: 'warning' });
    addFailure(log, failure({ statusCode: 503 }));
    expect(badgeOf(log)).toEqual({ text: '3', severity: 'error' });
  });
  it('a calm page (only the favicon failed) shows no count; anything that breaks brings the count back', () => {
    const log = emptyLog();
    addFailure(log, failure({ url: 'https://shop.test/favicon.ico', type: 'image', statusCode: 404 }));
    expect(badgeOf(log).text).toBe('');
    addFailure(log, failure({ statusCode: 500 }));
    expect(badgeOf(log).text).toBe('2');
  });
  it('only blocked requests leave the badge empty', () => {
    const log = emptyLog();
    addFailure(log, failure({ error: 'net::ERR_BLOCKED_BY_CLIENT' }));
    expect(badgeOf(log).text).toBe('');
  });
  it('shortens large counts', () => {
    const log = emptyLog();
    for (let i = 0; i < 150; i++) addFailure(log, failure({ url: `https://shop.test/${i}` }));
    expect(badgeOf(log).text).toBe('99+');
  });
});

describe('bytes per tab', () => {
  it('a tab log of long URLs stays within its byte cap (every write of it writes all of it), keeping the newest', () => {
    const log = emptyLog();
    const totals = { records: 0, bytes: 0 };
    for (let i = 0; i < 200; i++) addFailure(log, failure({ url: `https://a.test/${i}/${'u'.repeat(5000)}`, timeStamp: i }), 200, totals);
    expect(totalsOf([log]).bytes).toBeLessThanOrEqual(CAPS.perTabBytes);
    expect(JSON.stringify(log).length).toBeLessThanOrEqual(CAPS.perTabBytes);
    expect(log.failures.at(-1)?.url).toContain('/199/');
    expect(totals).toEqual(totalsOf([log]));
    // Counted as dropped, like the count cap's.
    expect(log.failures.length + (log.dropped ?? 0)).toBe(200);
  });
  it('200 ordinary failures fit', () => {
    const log = emptyLog();
    for (let i = 0; i < 200; i++) addFailure(log, failure({ url: `https://shop.test/api/items/${i}?page=2&sort=name`, timeStamp: i }));
    expect(log.failures).toHaveLength(200);
  });
});

describe('recordSize is at least what a record takes stored (JSON text, counted by Chromium in UTF-8 bytes)', () => {
  const stored = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
  it.each([
    ['an ordinary failure', failure()],
    ['a 4 KB URL', failure({ url: `https://a.test/${'x'.repeat(4090)}` })],
    ['quotes and backslashes from the server', observe(details({ statusLine: `HTTP/1.1 500 ${'"\\\\'.repeat(80)}`, responseHeaders: [{ name: 'WWW-Authenticate', value: '"'.repeat(512) }] }))!],
    ['control characters and lone surrogates', observe(details({ statusLine: '\u0001\ud800'.repeat(100), responseHeaders: [{ name: 'Server', value: '\u0007é中'.repeat(150) }] }))!],
    ['a CORS refusal with every detail', failure({ cors: {
      rule: 'CORS_HEADER_DISALLOWED_BY_PREFLIGHT', pageOrigin: 'https://a.test', allowOrigin: '"\\'.repeat(200), preflight: true, status: 999,
      allowed: '\u0007é中'.repeat(130), method: 'DELETE', header: 'x-trace', credentialsInferred: true, varyOrigin: false,
    } })],
    ['every field', observe(details({ statusLine: 'x', error: 'net::ERR_ABORTED', ip: '::1', initiator: 'https://a.test', documentId: 'A', responseHeaders: [{ name: 'Server', value: 'x' }] }), ['https://a.test/0', 'https://a.test/1'], { includeAborted: true })!],
  ])('%s', (_name, record) => {
    expect(recordSize(record)).toBeGreaterThanOrEqual(stored(record));
    // And not much more: the caps are meant to hold as many failures as storage can.
    expect(recordSize(record)).toBeLessThanOrEqual(stored(record) * 1.1 + 80);
    const entry = { ...record, count: 123_456, pageUrl: 'https://a.test/p"', pageTitle: 'Títle "quoted"' };
    expect(entrySize(entry)).toBeGreaterThanOrEqual(stored(entry));
  });
});

describe('bytes per tab, counted as the log changes', () => {
  it('holds after the log is replaced by a page change, and after drops by the total cap', () => {
    const log = emptyLog();
    const totals = { records: 0, bytes: 0 };
    const long = (i: number, documentId: string) => failure({ url: `https://a.test/${i}/${'u'.repeat(5000)}`, timeStamp: i, documentId });
    for (let i = 0; i < 30; i++) addFailure(log, long(i, 'OLD'), 200, totals);
    startPage(log, { url: 'https://a.test/next', timeStamp: 100, documentId: 'NEW' }, totals);
    for (let i = 100; i < 300; i++) {
      addFailure(log, long(i, 'NEW'), 200, totals);
      if (i % 10 === 0) enforceTotalCap([log], totals, { total: 1000, bytes: 150_000 });
    }
    expect(totalsOf([log]).bytes).toBeLessThanOrEqual(CAPS.perTabBytes);
    expect(log.failures.length).toBeGreaterThan(40);
    expect(log.failures.at(-1)?.url).toContain('/299/');
  });
});
