import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NET_ERROR_STAGES } from '../net-errors';
import { STAGES, type Explanation } from '../types';
import { fullCatalog } from './full';

const { netErrorGroups, netErrors, stages } = await fullCatalog();

const names = readFileSync(new URL('../../../test/fixtures/reference/chromium-net-errors.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => /^-\d/.test(line))
  .map((line) => line.split('\t')[1]!);
const grouped = netErrorGroups.flatMap((group) => group.names);

const wellFormed = (e: Explanation): void => {
  for (const text of [e.title, e.what, ...e.visitor, ...e.owner]) {
    expect(text.trim().length).toBeGreaterThan(3);
    expect(text).not.toContain('<');
    expect(text.length).toBeLessThan(400);
  }
  expect(e.visitor.length).toBeGreaterThan(0);
  expect(e.owner.length).toBeGreaterThan(0);
  expect(['browser', 'network', 'site', 'intermediary']).toContain(e.side);
};

describe('Chromium net error catalog', () => {
  it.each(names)('%s has its own wording or an honest group', (name) => {
    const own = netErrors[name];
    const inGroup = grouped.includes(name);
    expect(Boolean(own) !== inGroup, `${name}: own=${Boolean(own)} grouped=${inGroup}`).toBe(true);
    wellFormed(own ?? netErrorGroups.find((g) => g.names.includes(name))!.explanation);
  });

  it('explains no name Chromium does not have', () => {
    const known = new Set(names);
    expect([...Object.keys(netErrors), ...grouped].filter((name) => !known.has(name))).toEqual([]);
  });

  it('titles and explanations are never reused', () => {
    const entries = [...Object.values(netErrors), ...netErrorGroups.map((g) => g.explanation)];
    expect(new Set(entries.map((e) => e.title)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.what)).size).toBe(entries.length);
  });

  it('every error that has a stage has an explanation', () => {
    for (const name of NET_ERROR_STAGES.keys()) expect(netErrors[name] ?? grouped.includes(name), name).toBeTruthy();
  });

  it.each(STAGES)('the %s stage has a generic explanation', (stage) => wellFormed(stages[stage]));
});
