import { describe, expect, it } from 'vitest';
import { MAX_NOTICE_LINES, visibleLines } from './notice-lines';
import type { Notice } from './protocol';

const notice = (counts: number[]): Notice => ({
  tabId: 1, site: 'shop.test', position: 'bottom-right', revision: 1,
  total: counts.reduce((a, b) => a + b, 0),
  lines: counts.map((count, i) => ({ stage: 'receive', code: '500', host: `h${i}.test`, count })),
});

describe('the notice line limit', () => {
  it('is five', () => expect(MAX_NOTICE_LINES).toBe(5));
  it('shows at most that many lines and sums the rest as "more"', () => {
    const { lines, more } = visibleLines(notice([4, 3, 2, 2, 1, 1, 1]));
    expect(lines.map((l) => l.host)).toEqual(['h0.test', 'h1.test', 'h2.test', 'h3.test', 'h4.test']);
    expect(more).toBe(2);
  });
  it('failures beyond the tracked lines count towards "more"', () => {
    expect(visibleLines({ ...notice([2]), total: 10 })).toMatchObject({ more: 8 });
  });
  it('a short notice shows everything', () => expect(visibleLines(notice([1, 1]))).toMatchObject({ more: 0 }));
});
