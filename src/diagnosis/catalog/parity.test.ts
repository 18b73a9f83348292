// Every language has every entry of every part, with the same placeholders as English; every UI
// language names a catalog folder that exists.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARTS, type CatalogPart } from './index';
import { placeholdersOf } from './template';
import type { Template } from './types';

const folder = new URL('./', import.meta.url);
const languages = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const load = (language: string, part: CatalogPart): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`${language}/${part}.json`, folder), 'utf8'));

/** Every string of a chunk by its path ("409.visitor.2"), plural forms as one template. */
function templates(value: unknown, path = ''): Map<string, Template> {
  const out = new Map<string, Template>();
  if (typeof value === 'string') out.set(path, value);
  else if (value && typeof value === 'object' && 'other' in value) out.set(path, value as Template);
  else if (Array.isArray(value)) out.set(path, value.join('\n'));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) for (const [p, t] of templates(inner, path ? `${path}.${key}` : key)) out.set(p, t);
  }
  return out;
}

describe('catalog parity', () => {
  it('English is there, with every part', () => {
    expect(languages).toContain('en');
    for (const part of PARTS) expect(Object.keys(load('en', part)).length, part).toBeGreaterThan(0);
  });

  describe.each(languages.filter((language) => language !== 'en'))('%s', (language) => {
    it.each(PARTS)('%s has every English entry and nothing else, with the same placeholders', (part) => {
      const english = templates(load('en', part));
      const own = templates(load(language, part));
      expect([...own.keys()].filter((path) => !english.has(path)), 'entries English does not have').toEqual([]);
      expect([...english.keys()].filter((path) => !own.has(path)), 'entries not translated').toEqual([]);
      for (const [path, template] of own) {
        expect(placeholdersOf(template), path).toEqual(placeholdersOf(english.get(path)!));
        const forms = typeof template === 'string' ? [template] : Object.values(template);
        for (const text of forms) expect(text.trim(), path).not.toBe('');
      }
    });
  });
});

describe('interface languages', () => {
  const locales = new URL('../../../public/_locales/', import.meta.url);
  it.each(readdirSync(locales))('_locales/%s names a catalog folder in catalogLocale', (locale) => {
    const messages = JSON.parse(readFileSync(new URL(`${locale}/messages.json`, locales), 'utf8'));
    expect(languages).toContain(messages.catalogLocale?.message);
  });
});
