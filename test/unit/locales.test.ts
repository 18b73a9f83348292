// Interface strings: every key the code asks for exists in English, and every locale matches English.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const root = new URL('../../public/_locales/', import.meta.url);
const load = (locale: string): Messages => JSON.parse(readFileSync(new URL(`${locale}/messages.json`, root), 'utf8'));
const en = load('en');

const sources = (dir: URL): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
    .map((entry) => readFileSync(`${entry.parentPath}/${entry.name}`, 'utf8'));
const code = sources(new URL('../../src/', import.meta.url)).join('\n');

describe('locales', () => {
  it('every literal t() key exists in en', () => {
    const keys = [...code.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !(key in en))).toEqual([]);
  });

  it('every tCount() key has its one and many forms in en', () => {
    const keys = [...code.matchAll(/\btCount\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.flatMap((key) => [`${key}_one`, `${key}_many`]).filter((key) => !(key in en))).toEqual([]);
  });

  it('every built key (stage_*, side_*, kind_*) exists in en', () => {
    for (const stage of ['browser', 'dns', 'connect', 'tls', 'send', 'wait', 'receive']) expect(en).toHaveProperty(`stage_${stage}`);
    for (const side of ['browser', 'network', 'site', 'intermediary']) expect(en).toHaveProperty(`side_${side}`);
    for (const part of ['queued', 'dns', 'connect', 'tls', 'send', 'wait', 'waitServer', 'receive']) expect(en).toHaveProperty(`timeWent_${part}`);
    for (const gap of ['cross_origin', 'network_error', 'buffer_full', 'navigated', 'unreadable', 'no_entry']) expect(en).toHaveProperty(`timingGap_${gap}`);
    for (const kind of ['script', 'api', 'stylesheet', 'image', 'font', 'media', 'frame', 'other']) {
      expect(en).toHaveProperty(`kind_${kind}_one`);
      expect(en).toHaveProperty(`kind_${kind}_many`);
    }
  });

  it('no page hard-codes its language: lang comes from the interface language at run time', () => {
    const pages = readdirSync(new URL('../../src/', import.meta.url), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => readFileSync(`${entry.parentPath}/${entry.name}`, 'utf8'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page).not.toMatch(/<html[^>]*\blang=/);
  });

  it('the manifest strings exist', () => {
    const manifest = readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8');
    for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) expect(en).toHaveProperty(key!);
  });

  it.each(readdirSync(root).filter((locale) => locale !== 'en'))('%s has the same keys and placeholders as en', (locale) => {
    const other = load(locale);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(en)) {
      expect(Object.keys(other[key]?.placeholders ?? {}), key).toEqual(Object.keys(value.placeholders ?? {}));
    }
  });
});
