import { describe, expect, it } from 'vitest';
import { AnswerTracker } from './answers';

const answer = (statusCode: number) => ({ url: 'https://a.test/s.css', method: 'GET', type: 'stylesheet', tabId: 1, timeStamp: 1, statusCode });

describe('AnswerTracker', () => {
  it('hands over the answer once and forgets it', () => {
    const tracker = new AnswerTracker();
    tracker.keep('1', answer(500));
    expect(tracker.take('1')?.statusCode).toBe(500);
    expect(tracker.take('1')).toBeUndefined();
    expect(tracker.size).toBe(0);
  });
  it('never grows without bound when end events are lost, forgetting the oldest first', () => {
    const tracker = new AnswerTracker();
    for (let i = 0; i < 20_000; i++) tracker.keep(String(i), answer(500));
    expect(tracker.size).toBe(5000);
    expect(tracker.take('14999')).toBeUndefined();
    expect(tracker.take('19999')?.statusCode).toBe(500);
  });
});
