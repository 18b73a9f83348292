// followStorage against a storage area whose read answers only when the test says, so a change can overtake it.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Changes = Record<string, { newValue?: unknown; oldValue?: unknown }>;
let answerRead: (values: Record<string, unknown>) => void = () => {};
let failRead: (error: Error) => void = () => {};
let readKeys: unknown;
const listeners: ((changes: Changes) => void)[] = [];
const change = (changes: Changes): void => listeners.forEach((listener) => listener(changes));

vi.mock('./browser', () => ({
  default: {
    storage: {
      session: {
        get: (keys: unknown) => {
          readKeys = keys;
          return new Promise((resolve, reject) => {
            answerRead = resolve;
            failRead = reject;
          });
        },
        onChanged: { addListener: (listener: (changes: Changes) => void) => listeners.push(listener) },
      },
    },
  },
}));

const { followStorage } = await import('./follow-storage');

function follow(keys: string[] | null) {
  const applied: [Record<string, unknown>, boolean][] = [];
  const done = followStorage('session', keys, (values, initial) => applied.push([values, initial]));
  return { applied, done };
}

beforeEach(() => {
  listeners.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('followStorage', () => {
  it('reads the keys asked for and applies what it read', async () => {
    const { applied, done } = follow(['tab:4']);
    expect(readKeys).toEqual(['tab:4']);
    answerRead({ 'tab:4': 'one failure' });
    await done;
    expect(applied).toEqual([[{ 'tab:4': 'one failure' }, true]]);
  });

  it('a change that arrives before the read answers wins over what the read says', async () => {
    const { applied, done } = follow(['tab:4']);
    change({ 'tab:4': { oldValue: 'nine', newValue: 'ten' } });
    answerRead({ 'tab:4': 'nine' });
    await done;
    // Applied once: the older answer neither replaces it nor renders the same log again.
    expect(applied).toEqual([[{ 'tab:4': 'ten' }, false]]);
  });

  it('a key removed while the read is on its way stays removed', async () => {
    const { applied, done } = follow(['tab:4']);
    change({ 'tab:4': { oldValue: 'ten' } });
    answerRead({ 'tab:4': 'ten' });
    await done;
    expect(applied).toEqual([[{ 'tab:4': undefined }, false]]);
  });

  it('after the read, each change is applied alone, and other keys are left out', async () => {
    const { applied, done } = follow(['tab:4']);
    answerRead({});
    await done;
    change({ 'tab:5': { newValue: 'other tab' } });
    change({ 'tab:4': { newValue: 'new' }, 'tab:5': { newValue: 'other tab again' } });
    expect(applied).toEqual([[{}, true], [{ 'tab:4': 'new' }, false]]);
  });

  it('with two keys and a change to one of them, the read still brings the other', async () => {
    const { applied, done } = follow(['a', 'b']);
    change({ a: { newValue: 'new a' } });
    answerRead({ a: 'old a', b: 'b' });
    await done;
    expect(applied.at(-1)).toEqual([{ a: 'new a', b: 'b' }, true]);
  });

  it('with null, reads every key and follows every change', async () => {
    const { applied, done } = follow(null);
    expect(readKeys).toBeNull();
    change({ showAborted: { newValue: true } });
    answerRead({ showAborted: false, theme: 'dark' });
    await done;
    expect(applied.at(-1)).toEqual([{ showAborted: true, theme: 'dark' }, true]);
  });

  it('a failed read does not undo the changes seen, and the page is not left waiting', async () => {
    const { applied, done } = follow(['tab:4']);
    change({ 'tab:4': { newValue: 'new' } });
    failRead(new Error('Extension context invalidated'));
    await done;
    expect(applied).toEqual([[{ 'tab:4': 'new' }, false]]);
  });

  it('a failed read with no change applies nothing stored, so the page shows its empty state', async () => {
    const { applied, done } = follow(['tab:4']);
    failRead(new Error('Extension context invalidated'));
    await done;
    expect(applied).toEqual([[{}, true]]);
  });
});
