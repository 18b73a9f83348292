import { describe, expect, it } from 'vitest';
import { RedirectTracker } from './redirects';

describe('RedirectTracker', () => {
  it('hands over the chain once and forgets it', () => {
    const tracker = new RedirectTracker();
    tracker.add('1', 'http://a.test/');
    tracker.add('1', 'https://a.test/');
    expect(tracker.take('1')).toEqual(['http://a.test/', 'https://a.test/']);
    expect(tracker.take('1')).toBeUndefined();
    expect(tracker.size).toBe(0);
  });
  it('keeps chains bounded', () => {
    const tracker = new RedirectTracker();
    for (let i = 0; i < 100; i++) tracker.add('loop', `https://a.test/${i}`);
    expect(tracker.take('loop')).toHaveLength(25);
  });
  it('never grows without bound when completions are lost', () => {
    const tracker = new RedirectTracker();
    for (let i = 0; i < 20_000; i++) tracker.add(String(i), 'https://a.test/');
    expect(tracker.size).toBeLessThanOrEqual(5000);
  });
  it('at its bound forgets the oldest chain only: a loop in progress is still seen as one', () => {
    const tracker = new RedirectTracker();
    for (let i = 0; i < 4999; i++) tracker.add(`lost-${i}`, 'https://a.test/');
    tracker.add('loop', 'https://a.test/1');
    tracker.add('new', 'https://b.test/');
    tracker.add('loop', 'https://a.test/2');
    expect(tracker.take('loop')).toEqual(['https://a.test/1', 'https://a.test/2']);
    expect(tracker.take('lost-0')).toBeUndefined();
    expect(tracker.take('lost-1')).toEqual(['https://a.test/']);
  });
});

describe('RedirectTracker in bytes', () => {
  it('a chain of huge URLs stays within its entry budget, and still counts every redirect', () => {
    const tracker = new RedirectTracker();
    for (let i = 0; i < 30; i++) tracker.add('long', `https://a.test/${i}/${'x'.repeat(100_000)}`);
    expect(tracker.bytes).toBeLessThanOrEqual(tracker.budget.entryBytes);
    const chain = tracker.take('long')!;
    expect(chain).toHaveLength(25);
    expect(chain[0]).toHaveLength(4097);
    expect(chain.at(-1)!.startsWith('https://a.test/24/')).toBe(true);
  });
  it('many lost chains of huge URLs stay within the total budget', () => {
    const tracker = new RedirectTracker();
    for (let i = 0; i < 5000; i++) for (let hop = 0; hop < 3; hop++) tracker.add(String(i), `https://a.test/${hop}/${'x'.repeat(5000)}`);
    expect(tracker.bytes).toBeLessThanOrEqual(tracker.budget.totalBytes);
    expect(tracker.take('4999')).toHaveLength(3);
  });
});
