import { describe, expect, it } from 'vitest';
import { atLeast, worse } from './severity';

describe('severity ranking: info < warning < error', () => {
  it.each([
    ['info', 'info', true], ['info', 'warning', false], ['warning', 'warning', true],
    ['error', 'warning', true], ['warning', 'error', false], ['error', 'info', true],
  ] as const)('%s is at least %s: %s', (severity, minimum, expected) => expect(atLeast(severity, minimum)).toBe(expected));
  it.each([
    [null, 'info', 'info'], ['info', 'warning', 'warning'], ['error', 'warning', 'error'], ['warning', 'warning', 'warning'],
  ] as const)('the worse of %s and %s is %s', (a, b, expected) => expect(worse(a, b)).toBe(expected));
});
