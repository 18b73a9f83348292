import { describe, expect, it } from 'vitest';
import { keptAnswer } from '../diagnosis/observe';
import { textBytes } from './bytes';
import { answerBytes, DEFAULT_BUDGET, ENTRY_OVERHEAD, PerRequest } from './per-request';

const textState = (budget = DEFAULT_BUDGET) => new PerRequest<string>((text) => text.length, budget);

describe('PerRequest', () => {
  it('hands a request\'s state over once and forgets it', () => {
    const state = new PerRequest<number>(() => 0);
    state.set('1', 500);
    expect(state.take('1')).toBe(500);
    expect(state.take('1')).toBeUndefined();
    expect(state.size).toBe(0);
    expect(state.bytes).toBe(0);
  });
  it('never grows without bound when end events are lost, forgetting the oldest first', () => {
    const state = new PerRequest<number>(() => 0);
    for (let i = 0; i < 20_000; i++) state.set(String(i), i);
    expect(state.size).toBe(5000);
    expect(state.take('14999')).toBeUndefined();
    expect(state.take('19999')).toBe(19_999);
  });
  it('counts the bytes it holds, and gives them back when a request ends or its state is replaced', () => {
    const state = textState();
    state.set('1', 'x'.repeat(1000));
    state.set('2', 'y'.repeat(300));
    expect(state.bytes).toBe(1300 + 2 * ENTRY_OVERHEAD);
    state.set('1', 'z'.repeat(10));
    expect(state.bytes).toBe(310 + 2 * ENTRY_OVERHEAD);
    state.take('2');
    expect(state.bytes).toBe(10 + ENTRY_OVERHEAD);
  });
  it('never holds more than its byte budget, forgetting the oldest entries first', () => {
    const state = textState({ entries: 5000, entryBytes: 16_384, totalBytes: 100_000 });
    for (let i = 0; i < 1000; i++) state.set(String(i), 'u'.repeat(10_000));
    expect(state.bytes).toBeLessThanOrEqual(100_000);
    expect(state.size).toBe(Math.floor(100_000 / (10_000 + ENTRY_OVERHEAD)));
    expect(state.get('0')).toBeUndefined();
    expect(state.get('999')).toBeDefined();
  });
  it('keeps no value larger than the entry budget, and forgets what it held for that request', () => {
    const state = textState({ entries: 10, entryBytes: 1000, totalBytes: 10_000 });
    state.set('1', 'small');
    expect(state.set('1', 'x'.repeat(1000))).toBe(false);
    expect(state.get('1')).toBeUndefined();
    expect(state.bytes).toBe(0);
  });
  it('replacing the oldest entry over the budget forgets others, never the one just set', () => {
    const state = textState({ entries: 10, entryBytes: 5000, totalBytes: 6000 });
    state.set('a', 'x'.repeat(1000));
    state.set('b', 'x'.repeat(1000));
    state.set('c', 'x'.repeat(1000));
    state.set('a', 'x'.repeat(4000));
    expect(state.get('a')).toHaveLength(4000);
    expect(state.bytes).toBeLessThanOrEqual(6000);
    expect(state.get('b')).toBeUndefined();
  });
});

describe('byte accounting', () => {
  it('counts the strings only', () => {
    expect(textBytes('abc', undefined, 7, 'de')).toBe(5);
  });
  it('an error answer from a hostile server is kept small: its URL cut, only the headers the diagnosis reads', () => {
    const headers = [
      ...Array.from({ length: 1000 }, (_, i) => ({ name: `x-junk-${i}`, value: 'j'.repeat(8000) })),
      { name: 'Retry-After', value: '120' },
      ...Array.from({ length: 40 }, () => ({ name: 'WWW-Authenticate', value: `Bearer realm="${'r'.repeat(8000)}"` })),
    ];
    const answer = keptAnswer({
      url: `https://a.test/${'p'.repeat(100_000)}`, method: 'GET', type: 'script', tabId: 1, timeStamp: 1, statusCode: 503,
      statusLine: `HTTP/1.1 503 ${'s'.repeat(100_000)}`, initiator: `https://a.test/${'i'.repeat(100_000)}`, responseHeaders: headers,
    });
    expect(answerBytes(answer)).toBeLessThan(10_000);
    expect(answerBytes(answer) + ENTRY_OVERHEAD).toBeLessThan(DEFAULT_BUDGET.entryBytes);
    expect(answer.responseHeaders?.map((h) => h.name)).toEqual(['retry-after', 'www-authenticate']);
  });
});
