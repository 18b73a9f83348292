// The HAR, JSON and CSV writers: valid HAR 1.2, CSV escaping, the query-string setting, file names.
import { describe, expect, it } from 'vitest';
// @ts-expect-error har-validator ships no types
import validate from 'har-validator';
import type { HistoryEntry } from '../types';
import { catalogFor } from '../catalog';
import { explain } from '../explain';
import { csvCell, csvRows } from './csv';
import { exportFileName, pageTitleFor, type ExportContext } from './export';
import { harParts } from './har';
import { jsonParts, JSON_EXPORT_VERSION } from './json';

function entry(extra: Partial<HistoryEntry>): HistoryEntry {
  return {
    url: 'https://api.test/x', method: 'GET', type: 'xmlhttprequest', tabId: 7, timeStamp: Date.UTC(2026, 0, 2, 3, 4, 5), statusCode: 502,
    statusLine: 'HTTP/1.1 502 Bad Gateway', error: undefined, ip: '10.0.0.1', initiator: undefined, documentId: undefined,
    headers: { server: 'nginx', location: 'https://x.test/next?token=secret' }, redirects: undefined, stage: 'receive', code: '502',
    severity: 'error', blocked: false, errorName: undefined, count: 3, lastSeen: Date.UTC(2026, 0, 2, 3, 5), pageUrl: 'https://shop.test/cart?id=9',
    pageTitle: 'Cart', ...extra,
  };
}

const entries: HistoryEntry[] = [
  entry({}),
  entry({ url: 'http://nonexistent.invalid/a?b=1', statusCode: undefined, statusLine: undefined, error: 'net::ERR_NAME_NOT_RESOLVED', ip: undefined,
    headers: undefined, stage: 'dns', code: 'net::ERR_NAME_NOT_RESOLVED', errorName: 'NAME_NOT_RESOLVED', count: 1 }),
  entry({ url: 'https://cdn.test/a,b"c\nd', tabId: -1, pageUrl: '', pageTitle: undefined, ip: '::1', statusCode: 404, code: '404', statusLine: 'HTTP/2 404' }),
];

async function context(stripQuery = false): Promise<ExportContext> {
  const catalog = await catalogFor(entries);
  return { stripQuery, browser: { name: 'Chrome', version: '156' }, extensionVersion: '0.1.0', explain: (e) => explain(e, catalog), now: new Date(2026, 0, 2, 9, 5), dropped: 4 };
}

const join = (parts: Iterable<string>): string => [...parts].join('');

/** A small CSV reader (RFC 4180) to check the escaping round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  const endCell = (): void => {
    rows.at(-1)!.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push([]);
      i++;
    } else cell += c;
  }
  return rows.filter((row) => row.length > 1);
}

describe('HAR', () => {
  it('is valid HAR 1.2 with one entry per failure, errors as _error, pages by tab and URL', async () => {
    const har = JSON.parse(join(harParts(entries, await context())));
    await expect(validate.har(har)).resolves.toBeTruthy();
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(3);
    const [bad, dns, tabless] = har.log.entries;
    expect(bad.response).toMatchObject({ status: 502, statusText: 'Bad Gateway', httpVersion: 'HTTP/1.1' });
    expect(bad.response.headers).toContainEqual({ name: 'server', value: 'nginx' });
    expect(bad.serverIPAddress).toBe('10.0.0.1');
    expect(bad._count).toBe(3);
    expect(dns.response).toMatchObject({ status: 0, _error: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(dns.request.queryString).toEqual([{ name: 'b', value: '1' }]);
    expect(har.log.pages).toEqual([expect.objectContaining({ id: 'page_1', title: 'Cart' })]);
    expect(bad.pageref).toBe('page_1');
    expect(tabless.pageref).toBeUndefined();
    expect(bad.comment).toMatch(/\w/);
  });

  it('strips query strings, in headers too, when the setting says so', async () => {
    const text = join(harParts(entries, await context(true)));
    expect(text).not.toContain('token=secret');
    expect(text).not.toContain('b=1');
    await expect(validate.har(JSON.parse(text))).resolves.toBeTruthy();
  });
});

describe('CSV', () => {
  it('escapes quotes, commas and newlines so every row reads back whole', async () => {
    const rows = parseCsv(join(csvRows(entries, await context())));
    expect(rows[0]).toEqual(['\uFEFFtime', 'tab', 'page_url', 'page_title', 'method', 'url', 'code', 'stage', 'title', 'count', 'last_seen']);
    expect(rows).toHaveLength(4);
    expect(rows[3]!.slice(4, 8)).toEqual(['GET', 'https://cdn.test/a,b"c\nd', '404', 'receive']);
    expect(rows[1]!.slice(0, 4)).toEqual(['2026-01-02T03:04:05.000Z', '7', 'https://shop.test/cart?id=9', 'Cart']);
    expect(rows[1]![9]).toBe('3');
    // First seen under `time`, the repeat's last under `last_seen` (what the view sorts and filters by).
    expect(rows[1]![10]).toBe('2026-01-02T03:05:00.000Z');
  });

  it('starts with a byte order mark, so a spreadsheet reads non-ASCII titles as UTF-8', async () => {
    const text = join(csvRows([entry({ pageTitle: 'Warenkorb – Größen' })], await context()));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.indexOf('\uFEFF', 1)).toBe(-1);
    expect(parseCsv(text)[1]![3]).toBe('Warenkorb – Größen');
  });

  it('quotes only when needed and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-1)).toBe('-1');
  });

  // Each hostile text, as a page or server could put it into a URL, title or method.
  const hostile = ['=1+1', 'https://a.test/x;=1+1', 'a;-2+3', 'a; @SUM(A1)', 'a;"=1+1"', 'a;" +1"', 'a\n=1+1', 'a\r\n@x', 'a\t=1', '\t=1',
    '"=HYPERLINK(""x"")', 'a,=1+1', ' =1+1', "x;=cmd|' /C calc'!A0"];
  /** Where a cell starts when the file is read split at `separators` ignoring quotes (a semicolon locale), and what it holds. */
  const cellStarts = (text: string, separators: RegExp) => text.split(separators).map((piece) => piece.replace(/^[ "]*/, ''));

  it.each(hostile)('%j stays text in a comma locale and in a semicolon one', async (text) => {
    const csv = join(csvRows([entry({ url: text, pageTitle: text, method: text })], await context()));
    // A comma locale reads it as RFC 4180: no cell starts a formula.
    for (const cell of parseCsv(csv)[1]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // A semicolon locale splits at semicolons, tabs and line breaks, even inside quotes.
    for (const start of cellStarts(csv, /[;\t\r\n]/)) expect(start).not.toMatch(/^[=+\-@]/);
    // Nothing is lost: the apostrophe is added, the text kept.
    expect(parseCsv(csv)[1]![5]!.replace(/'/g, '')).toBe(text.replace(/'/g, ''));
  });

  it('leaves ordinary URLs, titles and numbers as they are', () => {
    expect(csvCell('https://a.test/x?a=1&b=-2')).toBe('https://a.test/x?a=1&b=-2');
    expect(csvCell('Größen – Shop')).toBe('Größen – Shop');
    expect(csvCell(-1)).toBe('-1');
  });

  it('strips query strings when asked', async () => {
    const rows = parseCsv(join(csvRows(entries, await context(true))));
    expect(rows[1]![2]).toBe('https://shop.test/cart');
  });

  it('strips them from a page title that is the page address (a page without <title>)', async () => {
    const untitled = entry({ pageUrl: 'https://shop.test/reset?token=secret', pageTitle: 'shop.test/reset?token=secret' });
    const stripped = join(csvRows([untitled], await context(true)));
    expect(stripped).not.toContain('secret');
    expect(parseCsv(stripped)[1]![3]).toBe('shop.test/reset');
    expect(join(csvRows([untitled], await context()))).toContain('token=secret');
  });
});

describe('JSON', () => {
  it('strips query strings from the explanation texts too when asked (a redirect loop quotes its addresses)', async () => {
    const hops = ['https://sso.test/login?SAMLRequest=secret1', 'https://app.test/callback?code=secret2'];
    const loop = entry({ url: hops[0], statusCode: undefined, statusLine: undefined, error: 'net::ERR_TOO_MANY_REDIRECTS', headers: undefined,
      redirects: [...hops, ...hops, ...hops], stage: 'receive', code: 'net::ERR_TOO_MANY_REDIRECTS', errorName: 'TOO_MANY_REDIRECTS' });
    expect(join(jsonParts([loop], await context()))).toContain('secret2');
    const stripped = join(jsonParts([loop], await context(true)));
    expect(stripped).toContain('https://app.test/callback');
    expect(stripped).not.toMatch(/secret|id=9/);
  });

  it('holds the records, the page, the explanation texts and a version', async () => {
    const json = JSON.parse(join(jsonParts(entries, await context())));
    expect(json).toMatchObject({ format: 'request-doctor-history', version: JSON_EXPORT_VERSION, dropped: 4, queryStringsStripped: false });
    expect(json.entries).toHaveLength(3);
    expect(json.entries[1]).toMatchObject({ code: 'net::ERR_NAME_NOT_RESOLVED', stage: 'dns', pageUrl: 'https://shop.test/cart?id=9', pageTitle: 'Cart' });
    expect(json.entries[1].explanation.title).toMatch(/\w/);
    expect(json.entries[1].explanation.visitor.length).toBeGreaterThan(0);
    const stripped = JSON.parse(join(jsonParts(entries, await context(true))));
    expect(stripped.entries[0].headers.location).toBe('https://x.test/next');
    expect(stripped.entries[0].pageUrl).toBe('https://shop.test/cart');
  });

  it('strips the query string from Firefox\'s initiator (a full URL) when asked, and keeps Chromium\'s origin', async () => {
    const firefox = entry({ initiator: 'https://shop.test/checkout?card=secret#pay' });
    const chromium = entry({ initiator: 'https://shop.test' });
    const stripped = JSON.parse(join(jsonParts([firefox, chromium], await context(true))));
    expect(stripped.entries.map((e: HistoryEntry) => e.initiator)).toEqual(['https://shop.test/checkout', 'https://shop.test']);
    expect(JSON.stringify(stripped)).not.toContain('secret');
    const kept = JSON.parse(join(jsonParts([firefox], await context())));
    expect(kept.entries[0].initiator).toBe('https://shop.test/checkout?card=secret#pay');
  });

  it('an empty history is still valid', async () => {
    expect(JSON.parse(join(jsonParts([], await context()))).entries).toEqual([]);
    await expect(validate.har(JSON.parse(join(harParts([], await context()))))).resolves.toBeTruthy();
  });
});

describe('page titles in exports', () => {
  it.each([
    ['a title of its own stays', 'Cart', 'https://shop.test/cart?id=9', 'Cart'],
    ['the address as title (Chromium: no scheme)', 'shop.test/cart?id=9', 'https://shop.test/cart?id=9', 'shop.test/cart'],
    ['the full address as title', 'https://shop.test/cart?id=9#top', 'https://shop.test/cart?id=9#top', 'https://shop.test/cart'],
    ['an address quoted in a title', 'Error at https://shop.test/pay?card=1 now', 'https://shop.test/pay?card=1', 'Error at https://shop.test/pay now'],
    ['a question mark in a plain title stays', 'Why? Because', 'https://shop.test/faq?q=1', 'Why? Because'],
    ['no title', undefined, 'https://shop.test/?a=1', ''],
    ['no page', 'x?y', '', 'x?y'],
  ])('%s', (_, pageTitle, pageUrl, expected) => {
    expect(pageTitleFor({ stripQuery: true }, { pageTitle, pageUrl })).toBe(expected);
    expect(pageTitleFor({ stripQuery: false }, { pageTitle, pageUrl })).toBe(pageTitle ?? '');
  });

  it('HAR pages and JSON entries use them too', async () => {
    const untitled = entry({ pageUrl: 'https://shop.test/reset?token=secret', pageTitle: 'shop.test/reset?token=secret' });
    const har = JSON.parse(join(harParts([untitled], await context(true))));
    expect(har.log.pages[0].title).toBe('shop.test/reset');
    const json = join(jsonParts([untitled], await context(true)));
    expect(json).not.toContain('secret');
    expect(JSON.parse(json).entries[0].pageTitle).toBe('shop.test/reset');
  });
});

it('file names are request-doctor-YYYYMMDD-HHMM.ext in local time', () => {
  expect(exportFileName(new Date(2026, 10, 5, 8, 7), 'har')).toBe('request-doctor-20261105-0807.har');
  expect(exportFileName(new Date(2026, 0, 31, 23, 59), 'csv')).toBe('request-doctor-20260131-2359.csv');
});
