// Whether a classified failure is an HTTP status, said once (its own module: the popup needs it without the classifier's tables).
import type { Classification } from './types';

/** The HTTP status a failure is, or undefined when it is a network or browser error. */
export function httpStatusOf({ code, errorName }: Pick<Classification, 'code' | 'errorName'>): number | undefined {
  return errorName === undefined && /^\d+$/.test(code) ? Number(code) : undefined;
}

/** A code as headlines show it: Chromium's `net::ERR_` prefix dropped, anything else as it is. */
export const shortCode = (code: string): string => code.replace(/^net::ERR_/, '');
