// The card of a CORS refusal: the rule's explanation, the values seen, and the owner's exact header lines.
import { describe, expect, it } from 'vitest';
import { fullCatalog } from './catalog/full';
import { classify, classifyCors } from './classify';
import { CORS_RULES, type CorsDetail, type CorsRule } from './cors';
import { explain } from './explain';
import type { Observation } from './types';

const PAGE = 'http://localhost:8080';
const base: Observation = { url: 'http://127.0.0.1:9000/api/items?id=7', method: 'PUT', type: 'xmlhttprequest', tabId: 1, timeStamp: 0, initiator: PAGE };
const refusal = (rule: CorsRule, detail: Partial<CorsDetail> = {}) => ({ ...base, ...classifyCors(rule), cors: { rule, pageOrigin: PAGE, ...detail } });

const catalogs = { en: await fullCatalog(), de: await fullCatalog({ language: 'de' }), es: await fullCatalog({ language: 'es' }) };

describe.each(Object.entries(catalogs))('%s', (_language, catalog) => {
  it.each(CORS_RULES)('%s has its own explanation, and owner lines with the page origin, Vary: Origin and nginx "always"', (rule) => {
    const diagnosis = explain(refusal(rule), catalog);
    expect(diagnosis.title).toBe(catalog.cors[rule]!.title);
    expect(diagnosis.stage).toBe('browser');
    const owner = diagnosis.owner.join('\n');
    expect(owner).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    expect(owner).toContain('Vary: Origin');
    expect(owner).toMatch(/add_header Access-Control-Allow-Origin http:\/\/localhost:8080 always;/);
  });

  it('titles are not reused', () => expect(new Set(CORS_RULES.map((rule) => catalog.cors[rule]!.title)).size).toBe(CORS_RULES.length));
});

describe('the notes name what was seen', () => {
  const { en } = catalogs;
  const notes = (rule: CorsRule, detail: Partial<CorsDetail> = {}) => explain(refusal(rule, detail), en).notes.join('\n');

  it.each([
    ['CORS_ALLOW_ORIGIN_MISMATCH', { allowOrigin: 'https://other.example' }, /only https:\/\/other\.example; this page's origin is http:\/\/localhost:8080/],
    ['CORS_MULTIPLE_ALLOW_ORIGIN_VALUES', { allowOrigin: 'a, b' }, /Access-Control-Allow-Origin: a, b, more than one/],
    ['CORS_PREFLIGHT_INVALID_STATUS', { preflight: true, status: 405 }, /preflight.*answered 405/s],
    ['CORS_PREFLIGHT_DISALLOWED_REDIRECT', { preflight: true, status: 302 }, /answered 302, a redirect/],
    ['CORS_METHOD_DISALLOWED_BY_PREFLIGHT', { preflight: true, method: 'PUT', allowed: 'GET,POST' }, /methods: GET,POST\. This request used PUT/],
    ['CORS_METHOD_DISALLOWED_BY_PREFLIGHT', { preflight: true, method: 'PUT' }, /methods: none besides GET, HEAD and POST/],
    ['CORS_HEADER_DISALLOWED_BY_PREFLIGHT', { preflight: true, header: 'x-trace', allowed: 'content-type' }, /header x-trace, which the preflight did not allow \(Access-Control-Allow-Headers: content-type\)/],
    ['CORS_HEADER_DISALLOWED_BY_PREFLIGHT', { preflight: true }, /did not see which one/],
    ['CORS_WILDCARD_ORIGIN_NOT_ALLOWED', { credentialsInferred: true }, /cannot see whether the request carried cookies.*\(inferred\)/s],
  ] as const)('%s %j', (rule, detail, expected) => expect(notes(rule, detail)).toMatch(expected));

  it('a mismatch without Vary: Origin says a cache may have served another origin its answer; with it, not', () => {
    expect(notes('CORS_ALLOW_ORIGIN_MISMATCH', { varyOrigin: false })).toMatch(/Vary: Origin/);
    expect(notes('CORS_ALLOW_ORIGIN_MISMATCH', { varyOrigin: true })).not.toMatch(/Vary: Origin/);
  });

  it("a preflight refusal gives the OPTIONS handler for this path (no query), the method and the refused header", () => {
    const owner = explain(refusal('CORS_HEADER_DISALLOWED_BY_PREFLIGHT', { preflight: true, header: 'x-trace' }), en).owner[0];
    expect(owner).toBe(`Answer the preflight: OPTIONS http://127.0.0.1:9000/api/items → 204 with "Access-Control-Allow-Origin: ${PAGE}", "Access-Control-Allow-Methods: PUT", "Access-Control-Allow-Headers: x-trace" and "Vary: Origin", before any redirect or login check.`);
  });

  it('a hidden error status keeps its status explanation and says the page could not read it', () => {
    const hidden = { ...base, ...classify({ statusCode: 500 })!, statusCode: 500, cors: { rule: 'CORS_MISSING_ALLOW_ORIGIN' as const, pageOrigin: PAGE } };
    const diagnosis = explain(hidden, en);
    expect(diagnosis.title).toBe(en.statuses[500]!.title);
    expect(diagnosis.notes[0]).toMatch(/^The page could not even read this error: the server sends no CORS headers/);
    expect(diagnosis.owner.join('\n')).toContain('always;');
  });

  it('without evidence: only what is known, no rule and no header lines', () => {
    const unknown = { ...base, ...classify({ error: 'net::ERR_FAILED' })!, error: 'net::ERR_FAILED', cors: { pageOrigin: PAGE } };
    const diagnosis = explain(unknown, en);
    expect(diagnosis.notes[0]).toMatch(/cannot tell whether the cross-origin rules \(CORS\) refused it/);
    expect(diagnosis.owner.join('\n')).not.toContain('Access-Control-Allow-Origin: http');
  });
});
