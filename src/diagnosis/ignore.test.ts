import { describe, expect, it } from 'vitest';
import { checkRule, ignoredBy, ruleFor, ruleMatches, sameRule, type IgnoreRule } from './ignore';
import { exportRules, importRules, packRules, RULES_PREFIX, unpackRules } from './ignore-io';
import { observe } from './observe';

const failure = (url: string, extra: { statusCode?: number; error?: string; type?: string; method?: string } = {}) =>
  observe({ url, method: extra.method ?? 'GET', type: extra.type ?? 'xmlhttprequest', tabId: 1, timeStamp: 1, ...extra })!;

const rule = (input: Record<string, string>): IgnoreRule => {
  const checked = checkRule(input);
  if (!checked.ok) throw new Error(`rule ${JSON.stringify(input)}: ${checked.error}`);
  return checked.rule;
};

describe('ignore rules: matching', () => {
  const notFound = failure('https://cdn.example.com/lib.js', { statusCode: 404, type: 'script' });
  const deepNotFound = failure('https://a.b.cdn.example.com/x', { statusCode: 404 });
  const apexNotFound = failure('https://example.com/x', { statusCode: 404 });
  const serverError = failure('https://cdn.example.com/lib.js', { statusCode: 500, type: 'script' });
  const dns = failure('https://down.test/', { error: 'net::ERR_NAME_NOT_RESOLVED', type: 'main_frame' });
  const blocked = failure('https://ads.test/pixel', { error: 'net::ERR_BLOCKED_BY_CLIENT', type: 'image' });
  const idn = failure('https://xn--bcher-kva.example/api', { statusCode: 503 });
  const port = failure('http://localhost:3000/api/items', { statusCode: 404 });
  const otherPort = failure('http://localhost:8080/api/items', { statusCode: 404 });
  const defaultPort = failure('https://example.org/x', { statusCode: 404 });
  const favicon = failure('https://site.test/favicon.ico', { statusCode: 404, type: 'image' });

  it.each([
    ['host with its subdomains', { host: 'example.com' }, [notFound, deepNotFound, apexNotFound, serverError], [dns, idn]],
    ['*. only the subdomains', { host: '*.example.com' }, [notFound, deepNotFound, serverError], [apexNotFound]],
    ['host and code', { host: 'cdn.example.com', code: '404' }, [notFound, deepNotFound], [serverError, apexNotFound]],
    ['a code on every site', { code: '404' }, [notFound, apexNotFound, favicon, port], [serverError, dns]],
    ['a status class', { code: '5xx' }, [serverError, idn], [notFound, dns]],
    ['a step', { code: 'dns' }, [dns], [notFound, blocked]],
    ['blocked in the browser', { code: 'blocked' }, [blocked], [dns, notFound]],
    ['any network error', { code: 'network' }, [dns], [notFound, blocked]],
    ['an error by its short name', { code: 'NAME_NOT_RESOLVED' }, [dns], [blocked]],
    ['an error by its full name', { code: 'net::ERR_NAME_NOT_RESOLVED' }, [dns], [blocked]],
    ['an IDN host as typed', { host: 'bücher.example' }, [idn], [notFound]],
    ['a host with a port', { host: 'localhost:3000' }, [port], [otherPort]],
    ['a default port written out', { host: 'example.org:443' }, [defaultPort], []],
    ['a path prefix', { path: '/api/' }, [port, otherPort], [notFound, idn]],
    ['a path glob', { path: '/*.js' }, [notFound, serverError], [port]],
    ['a glob in the middle', { host: 'localhost', path: '/api/*s' }, [port, otherPort], [idn]],
    ['a resource type', { type: 'image' }, [blocked, favicon], [notFound]],
    ['type and code', { type: 'image', code: '404' }, [favicon], [blocked, notFound]],
    ['this exact request', { method: 'GET', url: 'https://cdn.example.com/lib.js' }, [notFound, serverError], [deepNotFound]],
  ])('%s', (_name, input, silenced, kept) => {
    const checked = rule(input);
    for (const f of silenced) expect(ruleMatches(checked, f), f.url + ' ' + f.code).toBe(true);
    for (const f of kept) expect(ruleMatches(checked, f), f.url + ' ' + f.code).toBe(false);
  });

  it('a method other than the rule\'s is not "this exact request"', () => {
    expect(ruleMatches(rule({ method: 'GET', url: 'https://x.test/a' }), failure('https://x.test/a', { statusCode: 404, method: 'POST' }))).toBe(false);
  });

  it('the first matching rule is named; none for an unmatched failure', () => {
    const rules = [rule({ code: '500' }), rule({ host: 'cdn.example.com' })];
    expect(ignoredBy(rules, notFound)).toBe(rules[1]);
    expect(ignoredBy(rules, dns)).toBeUndefined();
  });
});

describe('ignore rules: checking what people type', () => {
  it.each([
    [{ host: 'EXAMPLE.com ' }, { host: 'example.com' }],
    [{ host: 'Bücher.example' }, { host: 'xn--bcher-kva.example' }],
    [{ host: '*.example.com' }, { host: '*.example.com' }],
    [{ host: 'localhost:3000' }, { host: 'localhost:3000' }],
    [{ code: '4XX' }, { code: '4xx' }],
    [{ code: 'DNS' }, { code: 'dns' }],
    [{ code: 'NS_ERROR_UNKNOWN_HOST' }, { code: 'NS_ERROR_UNKNOWN_HOST' }],
    [{ code: 'The certificate is not trusted because it is self-signed.' }, { code: 'The certificate is not trusted because it is self-signed.' }],
    [{ method: 'get', url: 'https://x.test/a?b' }, { method: 'GET', url: 'https://x.test/a?b' }],
    [{ path: '/static/*.js', type: 'script' }, { path: '/static/*.js', type: 'script' }],
  ])('%j is kept as %j', (input, expected) => {
    expect(checkRule(input)).toEqual({ ok: true, rule: expected });
  });

  it.each([
    [{}, 'empty'],
    [{ host: '' }, 'empty'],
    [null, 'empty'],
    [[], 'empty'],
    [{ host: 'https://example.com/' }, 'host'],
    [{ host: 'exa mple.com' }, 'host'],
    [{ host: '*' }, 'host'],
    [{ host: 'a.*.com' }, 'host'],
    [{ path: 'api/' }, 'path'],
    [{ code: '40' }, 'code'],
    [{ code: '4xxx' }, 'code'],
    [{ code: 'oops' }, 'code'],
    [{ type: 'fetch' }, 'type'],
    [{ url: 'https://x.test/' }, 'method'],
    [{ method: 'GET' }, 'url'],
    [{ method: 'GET', url: 'javascript:alert(1)' }, 'url'],
    [{ host: 42 }, 'host'],
    [{ host: `${'a'.repeat(3000)}.com` }, 'too-long'],
    [{ colour: 'red' }, 'unknown-field'],
  ])('%j is refused (%s)', (input, error) => {
    expect(checkRule(input)).toMatchObject({ ok: false, error });
  });
});

describe('ignore rules: from a card', () => {
  const f = failure('https://cdn.example.com/lib.js?v=2', { statusCode: 404 });
  it.each([
    ['request', { method: 'GET', url: 'https://cdn.example.com/lib.js?v=2' }],
    ['host-code', { host: 'cdn.example.com', code: '404' }],
    ['host', { host: 'cdn.example.com' }],
    ['code', { code: '404' }],
  ] as const)('%s', (scope, expected) => {
    const made = ruleFor(scope, f)!;
    expect(made).toEqual(expected);
    // What a card makes checks out like a hand-written rule, and silences the failure it came from.
    expect(checkRule(made)).toEqual({ ok: true, rule: expected });
    expect(ruleMatches(made, f)).toBe(true);
  });

  it('offers no host rule where the URL has no host', () => {
    expect(ruleFor('host', { ...f, url: 'data:text/plain,x' })).toBeUndefined();
  });
});

describe('ignore rules: export, import and sync storage', () => {
  const rules = [rule({ host: 'cdn.example.com', code: '404' }), rule({ code: '5xx', type: 'image' })];

  it('an export imports back as the same rules', () => {
    expect(importRules(exportRules(rules))).toEqual({ ok: true, rules });
  });

  it.each([
    ['not JSON', '{rules: [', 'json'],
    ['another format', JSON.stringify({ format: 'x', version: 1, rules: [] }), 'format'],
    ['a newer version', JSON.stringify({ format: 'request-doctor-ignore-rules', version: 2, rules: [] }), 'format'],
    ['an unknown top-level field', JSON.stringify({ format: 'request-doctor-ignore-rules', version: 1, rules: [], extra: 1 }), 'format'],
    ['an unknown rule field', JSON.stringify({ format: 'request-doctor-ignore-rules', version: 1, rules: [{ host: 'a.test' }, { hots: 'b.test' }] }), 'rule'],
    ['an out-of-range value', JSON.stringify({ format: 'request-doctor-ignore-rules', version: 1, rules: [{ code: '999x' }] }), 'rule'],
    ['too many rules', exportRules(Array.from({ length: 301 }, (_, i) => ({ host: `h${i}.test` }))), 'too-many'],
  ])('refuses %s whole', (_name, text, error) => {
    expect(importRules(text)).toMatchObject({ ok: false, error });
  });

  it('names the rule that was refused', () => {
    const text = JSON.stringify({ format: 'request-doctor-ignore-rules', version: 1, rules: [{ host: 'a.test' }, { hots: 'b.test' }] });
    expect(importRules(text)).toEqual({ ok: false, error: 'rule', index: 1, reason: 'unknown-field', field: 'hots' });
  });

  it('refuses a set over the sync quota, and takes one just under it', () => {
    const long = (i: number) => ({ method: 'GET', url: `https://example.test/${String(i).padStart(4, '0')}/${'x'.repeat(1900)}` });
    const fits = Array.from({ length: 24 }, (_, i) => long(i));
    expect(importRules(exportRules(fits))).toMatchObject({ ok: true });
    expect(importRules(exportRules([...fits, ...Array.from({ length: 20 }, (_, i) => long(100 + i))]))).toEqual({ ok: false, error: 'quota' });
  });

  it('duplicates fold into one rule', () => {
    expect(importRules(exportRules([...rules, { ...rules[0]! }]))).toEqual({ ok: true, rules });
    expect(sameRule(rules[0]!, { code: '404', host: 'cdn.example.com' })).toBe(true);
  });

  it('packs into items under the per-item quota and reads back in order, skipping what does not check out', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ host: `host-${i}.example.com`, path: `/p/${i}/` }));
    const packed = packRules(many)!;
    expect(Object.keys(packed).length).toBeGreaterThan(1);
    for (const [key, chunk] of Object.entries(packed)) expect(new TextEncoder().encode(key + JSON.stringify(chunk)).length).toBeLessThanOrEqual(8192);
    expect(unpackRules(packed)).toEqual(many);
    expect(unpackRules({ [`${RULES_PREFIX}0`]: [{ host: 'ok.test' }, { host: 'bad host' }, 'junk'], [`${RULES_PREFIX}1`]: 'junk' })).toEqual([{ host: 'ok.test' }]);
  });
});
