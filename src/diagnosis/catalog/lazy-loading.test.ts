// Every entry sits in the chunk the loader picks for it, in every language, and a failure loads only its chunk.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, classifyCors } from '../classify';
import { CORS_RULES } from '../cors';
import { explanationFor } from '../explain';
import { facts } from './assemble';
import { catalogFor, PARTS, partFor, type CatalogPart } from './index';

const folder = new URL('./', import.meta.url);
const languages = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const keysOf = (language: string, part: CatalogPart): string[] =>
  Object.keys(JSON.parse(readFileSync(new URL(`${language}/${part}.json`, folder), 'utf8')));

const observation = { url: 'https://a.test/', method: 'GET', type: 'main_frame', tabId: 1, timeStamp: 0 };
const chromiumError = (name: string) => classify({ ...observation, error: `net::ERR_${name}` }, { includeAborted: true })!;
const status = (code: string) => classify({ ...observation, statusCode: Number(code) })!;
const BY_TABLE: CatalogPart[] = ['statuses', 'local', 'transport', 'tls', 'response'];

describe.each(languages)('%s chunks', (language) => {
  const chunkOf = new Map<string, CatalogPart>();
  for (const part of BY_TABLE) for (const key of keysOf(language, part)) chunkOf.set(key, part);

  it('every net error with its own entry is in the chunk its classification picks', () => {
    const misplaced = Object.keys(facts.netErrors)
      .filter((name) => chunkOf.has(name))
      .filter((name) => chunkOf.get(name) !== partFor(chromiumError(name)));
    expect(misplaced).toEqual([]);
  });

  it('every status entry is in the statuses chunk', () =>
    expect(Object.keys(facts.statuses).filter((code) => chunkOf.has(code) && chunkOf.get(code) !== partFor(status(code)))).toEqual([]));

  it('no chunk holds an entry the facts table does not know', () =>
    expect([...chunkOf.keys()].filter((key) => !(key in facts.netErrors) && !(key in facts.statuses))).toEqual([]));
});

describe('loading', () => {
  it('the English chunks hold every entry of the facts table', () => {
    const all = new Set(BY_TABLE.flatMap((part) => keysOf('en', part)));
    expect([...Object.keys(facts.netErrors), ...Object.keys(facts.statuses)].filter((key) => !all.has(key))).toEqual([]);
  });

  it('a DNS failure loads the local chunk and not the status chunk', async () => {
    const catalog = await catalogFor([chromiumError('NAME_NOT_RESOLVED')], { language: 'en', locale: 'en-x-dns' });
    expect(explanationFor(chromiumError('NAME_NOT_RESOLVED'), catalog)).toBe(catalog.netErrors.NAME_NOT_RESOLVED);
    expect(Object.keys(catalog.statuses)).toEqual([]);
    expect(catalog.netErrors.SSL_PROTOCOL_ERROR).toBeUndefined();
  });

  it('a 409 loads the status chunk only', async () => {
    const catalog = await catalogFor([status('409')], { language: 'en', locale: 'en-x-409' });
    expect(catalog.statuses[409]?.title).toBeTruthy();
    expect(Object.keys(catalog.netErrors)).toEqual([]);
  });

  it('a language without a folder reads English, entry by entry', async () => {
    const catalog = await catalogFor([status('409')], { language: 'xx', locale: 'en' });
    const english = await catalogFor([status('409')], { language: 'en', locale: 'en' });
    expect(catalog.statuses[409]).toEqual(english.statuses[409]);
    expect(catalog.advice.retryNow).toBe(english.advice.retryNow);
  });

  it('loads each chunk once however often it is asked for', async () => {
    const language = { language: 'en', locale: 'en-x-once' };
    const [a, b] = await Promise.all([catalogFor([status('500')], language), catalogFor([status('404')], language)]);
    expect(a).toBe(b);
  });

  it('knows every part', () => expect([...PARTS].sort()).toEqual(['advice', 'core', 'cors', 'local', 'response', 'statuses', 'tls', 'transport']));

  it('a CORS refusal loads the cors chunk, which holds every rule of the facts table', async () => {
    const refusal = classifyCors('CORS_MISSING_ALLOW_ORIGIN');
    expect(partFor(refusal)).toBe('cors');
    const catalog = await catalogFor([refusal], { language: 'en', locale: 'en-x-cors' });
    expect(explanationFor(refusal, catalog)).toBe(catalog.cors.CORS_MISSING_ALLOW_ORIGIN);
    expect(Object.keys(catalog.statuses)).toEqual([]);
    expect(Object.keys(facts.cors).sort()).toEqual([...CORS_RULES].sort());
    for (const language of languages) expect(keysOf(language, 'cors').sort(), language).toEqual([...CORS_RULES].sort());
  });
});
