import { describe, expect, it } from 'vitest';
import { cut } from './text';

describe('cut', () => {
  it('keeps the first characters, and short text as it is', () => {
    const long = `${'a'.repeat(600)}b`;
    expect(cut(long, 512)).toBe('a'.repeat(512));
    expect(cut('short', 512)).toBe('short');
    expect(cut('', 0)).toBe('');
  });
});
