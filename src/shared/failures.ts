// Small rules every context applies to stored failures, said once.
import type { FailureRecord } from './protocol';

/** The number on the badge and atop the report: repeats included, requests blocked in the browser left out. */
export function countedFailures(failures: readonly FailureRecord[]): number {
  let count = 0;
  for (const failure of failures) if (!failure.blocked) count += failure.count;
  return count;
}

/** A code as headlines show it: Chromium's `net::ERR_` prefix dropped, anything else as it is. */
export const shortCode = (code: string): string => code.replace(/^net::ERR_/, '');
