import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { Explanation } from '../types';
import { fullCatalog } from './full';

const { statuses, statusClasses } = await fullCatalog();

interface Row {
  code: number;
  reason: string;
  source: string;
}

const tsv = readFileSync(
  new URL('../../../test/fixtures/reference/http-status-codes.tsv', import.meta.url),
  'utf8',
);

const rows: Row[] = tsv
  .split(/\r?\n/)
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t'))
  .filter(([code]) => /^\d{3}$/.test(code ?? ''))
  .map(([code, reason, source]) => ({ code: Number(code), reason: reason ?? '', source: source ?? '' }));

const errorRows = rows.filter((row) => row.code >= 400);
const SIDES = ['browser', 'network', 'site', 'intermediary'];

function strings(explanation: Explanation): string[] {
  return [
    explanation.title,
    explanation.side,
    explanation.what,
    ...explanation.visitor,
    ...explanation.owner,
    ...(explanation.source === undefined ? [] : [explanation.source]),
  ];
}

describe('English status catalog', () => {
  it('reads the reference list', () => {
    expect(errorRows.length).toBeGreaterThan(50);
    expect(errorRows.some((row) => row.code === 999)).toBe(true);
  });

  it.each(errorRows)('has a complete entry for $code $reason', ({ code }) => {
    const entry = statuses[code];
    expect(entry, `statuses[${code}]`).toBeDefined();
    if (!entry) return;
    expect(entry.title.trim()).not.toBe('');
    expect(SIDES).toContain(entry.side);
    expect(entry.what.trim()).not.toBe('');
    expect(entry.visitor.length).toBeGreaterThanOrEqual(1);
    expect(entry.owner.length).toBeGreaterThanOrEqual(1);
    for (const step of [...entry.visitor, ...entry.owner]) expect(step.trim()).not.toBe('');
    expect(entry.source?.trim() ?? '').not.toBe('');
  });

  it('attributes registered codes to their RFC and unofficial codes to a vendor', () => {
    for (const row of errorRows) {
      const source = statuses[row.code]?.source ?? '';
      if (row.source.startsWith('RFC')) {
        expect(source.replace(/\s/g, ''), `source of ${row.code}`).toContain(row.source);
      } else {
        expect(source, `source of ${row.code}`).toContain('unofficial');
      }
    }
  });

  it('gives every registered code its own title', () => {
    const seen = new Map<string, number>();
    for (const row of errorRows.filter((r) => r.source.startsWith('RFC'))) {
      const title = statuses[row.code]?.title.toLowerCase() ?? '';
      expect(seen.get(title), `title of ${row.code} repeats`).toBeUndefined();
      seen.set(title, row.code);
    }
  });

  it('gives every code its own explanation text', () => {
    const seen = new Map<string, number>();
    for (const row of errorRows) {
      const what = statuses[row.code]?.what ?? '';
      expect(seen.get(what), `what of ${row.code} repeats`).toBeUndefined();
      seen.set(what, row.code);
    }
  });

  it('keeps titles free of the status number', () => {
    for (const row of errorRows) {
      expect(statuses[row.code]?.title ?? '').not.toContain(String(row.code));
    }
  });

  it('has a fallback for every status class 1 to 9', () => {
    for (let digit = 1; digit <= 9; digit++) {
      const entry = statusClasses[digit];
      expect(entry, `statusClasses[${digit}]`).toBeDefined();
      if (!entry) continue;
      expect(entry.title.trim()).not.toBe('');
      expect(SIDES).toContain(entry.side);
      expect(entry.what).toContain(`${digit}xx`);
      expect(entry.visitor.length).toBeGreaterThanOrEqual(1);
      expect(entry.owner.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('uses plain text of a readable length', () => {
    const all = [...Object.values(statuses), ...Object.values(statusClasses)];
    for (const entry of all) {
      for (const text of strings(entry)) {
        expect(text, text).not.toContain('<');
        expect(text.length, text).toBeLessThanOrEqual(400);
        expect(text, text).toBe(text.trim());
      }
    }
  });
});
