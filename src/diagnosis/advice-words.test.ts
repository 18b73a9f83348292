// Times in advice: "at 14:05" today, with the date otherwise.
import { describe, expect, it } from 'vitest';
import { clockTime } from './advice-words';

describe('clockTime', () => {
  const late = new Date(2026, 10, 25, 23, 0).getTime();
  it('today: the time alone', () => expect(clockTime(late + 30 * 60_000, late, 'en-GB')).toBe('23:30'));
  it('after midnight, even 10 hours ahead: with the date (not read as this morning)', () =>
    expect(clockTime(late + 10 * 3_600_000, late, 'en-GB')).toBe('26 Nov 2026, 09:00'));
});
