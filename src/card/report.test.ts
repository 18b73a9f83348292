import { describe, expect, it, vi } from 'vitest';
import { fullCatalog } from '../diagnosis/catalog/full';
import { explain as explainWith } from '../diagnosis/explain';
import { observe } from '../diagnosis/observe';
import type { Classification, Observation } from '../diagnosis/types';
import { getMessage } from '../../test/support/english-messages';

vi.mock('../shared/browser', () => ({ default: { i18n: { getMessage, getUILanguage: () => 'en-US' } } }));
const { browserName, reportMarkdown, withoutQuery } = await import('./report');
const catalog = await fullCatalog({ language: 'en', locale: 'en-GB' });
const explain = (f: Parameters<typeof explainWith>[0]) => explainWith(f, catalog);
const failure: Observation & Classification & { count: number } = {
  url: 'https://shop.example.com/api/cart?token=secret#x', method: 'PUT', type: 'xmlhttprequest', tabId: 3,
  timeStamp: Date.UTC(2026, 10, 25, 14, 3), statusCode: 503, statusLine: 'HTTP/1.1 503 Service Unavailable', ip: '203.0.113.5',
  headers: { 'retry-after': '120', server: 'nginx/1.22.1', 'x-request-id': 'req-`42`' },
  stage: 'receive', code: '503', severity: 'error', blocked: false, count: 3,
};
const context = {
  pageUrl: 'https://shop.example.com/cart?session=abc', browser: 'Chrome 156', extensionVersion: '0.1.0', stripQuery: false, catalog,
};

describe('copy report', () => {
  const text = reportMarkdown(failure, explain(failure), context);
  it.each([
    ['the stage', '### Failed request: 503 at "Receive response"'],
    ['the failed step', '**Failed at:** receive: Receive response'],
    ['the request', 'PUT `https://shop.example.com/api/cart?token=secret#x` (xmlhttprequest)'],
    ['the page', '`https://shop.example.com/cart?session=abc`'],
    ['the status line', '`HTTP/1.1 503 Service Unavailable`'],
    ['what it came through (a proxy passes answers on)', '**Came through:** nginx (nginx/1.22.1)'],
    ['the IP', '`203.0.113.5`'],
    ['request ids, with backticks kept intact', '`` x-request-id: req-`42` ``'],
    ['the count', '**Repeated:** 3×'],
    ['the time', '2026-11-25T14:03:00.000Z'],
    ['the local time in the interface language', '25 Nov 2026'],
    ['the explanation', explain(failure).what],
    ['the browser and version', '_Chrome 156 · Request Doctor 0.1.0_'],
  ])('has %s', (_what, expected) => expect(text).toContain(expected));

  it('strips query strings everywhere when asked', () => {
    const stripped = reportMarkdown({ ...failure, redirects: ['https://a.example.com/?r=1'] }, explain(failure), { ...context, stripQuery: true });
    expect(stripped).not.toMatch(/token=|session=|r=1|#x/);
    expect(stripped).toContain('`https://shop.example.com/api/cart`');
  });

  it('strips query strings from the explanation too: a redirect loop quotes its addresses', () => {
    const hops = ['https://sso.example.com/login?SAMLRequest=secret1', 'https://app.example.com/callback?code=secret2'];
    const loop = observe({ url: hops[0]!, method: 'GET', type: 'main_frame', tabId: 3, timeStamp: 1, error: 'net::ERR_TOO_MANY_REDIRECTS' }, [...hops, ...hops, ...hops])!;
    const note = explain(loop).notes.find((n) => n.includes('callback'));
    expect(note).toContain('secret2');
    const stripped = reportMarkdown(loop, explain(loop), { ...context, stripQuery: true });
    expect(stripped).toContain('https://app.example.com/callback');
    expect(stripped).not.toMatch(/secret|session=/);
  });

  it('has no private headers or cookies', () => expect(text).not.toMatch(/cookie|authorization/i));

  it("what a server sent stays plain text: no link, emphasis or code made of a realm or a Server header", () => {
    const hostile = { ...failure, statusCode: 401, statusLine: 'HTTP/1.1 401 Unauthorized', code: '401',
      headers: { 'www-authenticate': 'Basic realm="**Urgent** [reset password](https://evil.example/x)"', server: 'evil`server<b>' } };
    const report = reportMarkdown(hostile, explain(hostile), context);
    expect(report).toContain('\\*\\*Urgent\\*\\* \\[reset password\\](https://evil.example/x)');
    expect(report).not.toMatch(/[^\\]\[reset password[^\\]\]\(/);
    expect(report).toContain('evil\\`server\\<b\\>');
  });

  it('a method holding Markdown comes out as code: no link, no emphasis', () => {
    const odd = { ...failure, method: 'GET`](http://x) **now** [a' };
    const report = reportMarkdown(odd, explain(odd), context);
    expect(report).toContain('- **Request:** `` GET`](http://x) **now** [a `` `https://shop.example.com/api/cart?token=secret#x` (xmlhttprequest)');
    expect(reportMarkdown(failure, explain(failure), context)).toContain('- **Request:** PUT `https://');
  });

  it('an error report names the error instead of a status', () => {
    const dns = { ...failure, statusCode: undefined, statusLine: undefined, error: 'net::ERR_NAME_NOT_RESOLVED', code: 'net::ERR_NAME_NOT_RESOLVED', stage: 'dns' as const, errorName: 'NAME_NOT_RESOLVED', headers: undefined };
    const report = reportMarkdown(dns, explain(dns), context);
    expect(report).toContain('**Error:** `net::ERR_NAME_NOT_RESOLVED`');
    expect(report).not.toContain('**Status:**');
  });

  it.each([
    ['https://a.test/x?y=1', 'https://a.test/x'], ['https://a.test/x#f', 'https://a.test/x'], ['https://a.test/', 'https://a.test/'],
  ])('withoutQuery(%s)', (url, expected) => expect(withoutQuery(url)).toBe(expected));

  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', 'Chrome 156'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', 'Firefox 153'],
    ['Mozilla/5.0 … Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0', 'Edge 140'],
    ['', 'Unknown browser'],
  ])('browserName(%s)', (ua, name) => expect(browserName(ua)).toBe(name));
});
