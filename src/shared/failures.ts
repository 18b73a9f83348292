// Small rules every context applies to stored failures, said once.
import type { TabLog } from './protocol';

/** The number on the badge and atop the report: repeats included, those the caps dropped too, requests blocked in the browser left out. */
export function countedFailures(log: Pick<TabLog, 'failures' | 'dropped'> | undefined): number {
  let count = log?.dropped ?? 0;
  for (const failure of log?.failures ?? []) if (!failure.blocked) count += failure.count;
  return count;
}

export { shortCode } from '../diagnosis/status';
import { shortCode } from '../diagnosis/status';

/** A code as a line's chip reads it: the short code with spaces between its words (the card shows the whole code). */
export const chipCode = (code: string): string => shortCode(code).replaceAll('_', ' ');

/** An answer from the server with an error status (as opposed to a request that got no answer). */
export const isHttpError = (code: string): boolean => /^\d{3}$/.test(code);

/** Hosts longer than this lose their middle on a line, so the row never has to cut them. */
export const HOST_CHARS = 40;

/** The report's address fragment that names the failures of one code from one host (a notice line):
 * the report opens there, that card open and marked. */
export const failureFragment = (code: string, host: string): string => `#failure=${encodeURIComponent(code)}@${encodeURIComponent(host)}`;
