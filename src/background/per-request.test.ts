import { describe, expect, it } from 'vitest';
import { PerRequest } from './per-request';

describe('PerRequest', () => {
  it('hands a request\'s state over once and forgets it', () => {
    const state = new PerRequest<number>();
    state.set('1', 500);
    expect(state.take('1')).toBe(500);
    expect(state.take('1')).toBeUndefined();
    expect(state.size).toBe(0);
  });
  it('never grows without bound when end events are lost, forgetting the oldest first', () => {
    const state = new PerRequest<number>();
    for (let i = 0; i < 20_000; i++) state.set(String(i), i);
    expect(state.size).toBe(5000);
    expect(state.take('14999')).toBeUndefined();
    expect(state.take('19999')).toBe(19_999);
  });
});
