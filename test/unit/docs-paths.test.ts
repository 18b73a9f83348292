// Every file the README and docs/ name exists: a doc that cites a missing test or module misleads the next person.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
/** Folders whose files docs may name by their bare file name (`store.test.ts`). */
const SEARCHED = ['src', 'test', 'scripts', 'docs', 'icons', 'public'];
/** Written at run time, never in the tree. */
const GENERATED = /^(\.artifacts|\.bench|dist)\//;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.name === 'node_modules' ? [] : entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]);
}
const rootFiles = readdirSync(ROOT, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
const allFiles = [...rootFiles, ...SEARCHED.flatMap(filesUnder)];
const basenames = new Set(allFiles.map((file) => basename(file)));

/** File names in code spans: `src/x/y.ts`, `store.test.ts`, `catalog/facts.json`. */
function namedFiles(text: string): string[] {
  const spans = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!.replace(/[#:].*$/, ''));
  return spans.filter((span) => /^[\w./<>-]+\.(ts|mjs|js|json|md|png|har|tsv|html|css|sql|xml|yaml)$/.test(span) && !span.includes('<'));
}

function exists(name: string): boolean {
  if (GENERATED.test(name)) return true;
  if (!name.includes('/')) return basenames.has(name);
  if (existsSync(join(ROOT, name))) return true;
  // A path given from inside a folder (`catalog/facts.json`, `popup/history/view.ts`).
  return allFiles.some((file) => file.endsWith(`/${name}`));
}

describe('files named in the docs', () => {
  it.each(DOCS)('%s names only files that exist', (doc) => {
    const missing = namedFiles(readFileSync(join(ROOT, doc), 'utf8')).filter((name) => !exists(name));
    expect(missing).toEqual([]);
  });

  it('finds a missing file (the check itself works)', () => {
    expect(namedFiles('see `test/unit/nowhere.test.ts` and `store.ts`').filter((name) => !exists(name))).toEqual(['test/unit/nowhere.test.ts']);
  });
});
