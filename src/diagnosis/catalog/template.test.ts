import { describe, expect, it } from 'vitest';
import { fill, placeholdersOf } from './template';

const redirects = { one: '{count} redirect', other: '{count} redirects' };

describe('fill', () => {
  it('fills named placeholders in any order', () => expect(fill('{b} then {a}', { a: 'x', b: 'y' })).toBe('y then x'));
  it.each([[1, '1 redirect'], [2, '2 redirects'], [0, '0 redirects']])('picks the English plural form for %i', (count, text) =>
    expect(fill(redirects, { count }, 'en')).toBe(text));
  it('uses the plural rules of the locale', () =>
    expect(fill({ one: 'one', few: 'few', many: 'many', other: 'other' }, { count: 3 }, 'pl')).toBe('few'));
  it('formats numbers in the locale', () => expect(fill('{count}', { count: 12345 }, 'de')).toBe('12.345'));
  it('inserts values as text, never as further templates', () => expect(fill('{a}', { a: '{b} $1 $&', b: 'no' })).toBe('{b} $1 $&'));
  it('leaves an unknown placeholder visible', () => expect(fill('{missing}', {})).toBe('{missing}'));
});

describe('placeholdersOf', () => {
  it('lists placeholders of every plural form', () =>
    expect(placeholdersOf({ one: '{count} to {host}', other: '{count} redirects' })).toEqual(['count', 'host']));
});
