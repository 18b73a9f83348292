import { describe, expect, it } from 'vitest';
import { isProblemJson, problemOf, PROBLEM_TEXT_CHARS } from './problem';

describe('isProblemJson', () => {
  it.each([
    ['application/problem+json', true],
    ['Application/Problem+JSON; charset=utf-8', true],
    ['application/json', false],
    ['text/html', false],
    ['application/problem+jsonx', false],
    [null, false],
  ])('%s → %s', (type, expected) => expect(isProblemJson(type)).toBe(expected));
});

describe('problemOf: the title and detail a server sent, as plain one-line text', () => {
  it.each([
    ['{"title":"Conflict","detail":"The document was changed by someone else since you loaded it"}',
      { title: 'Conflict', detail: 'The document was changed by someone else since you loaded it' }],
    ['{"type":"about:blank","title":"Not Found"}', { title: 'Not Found' }],
    ['{"detail":"  two\\nlines\\u0000 here "}', { detail: 'two lines here' }],
    ['{"title":"<b>bold</b>"}', { title: '<b>bold</b>' }],
    ['{"title":42,"detail":["x"]}', undefined],
    ['{"status":409}', undefined],
    ['[1,2]', undefined],
    ['not json', undefined],
    ['{"title":"cut', undefined],
  ])('%s', (body, expected) => expect(problemOf(body)).toEqual(expected));

  it('cuts a long text', () => {
    const problem = problemOf(JSON.stringify({ detail: 'x'.repeat(10_000) }));
    expect(problem?.detail).toHaveLength(PROBLEM_TEXT_CHARS);
    expect(problem?.detail?.endsWith('…')).toBe(true);
  });
});
