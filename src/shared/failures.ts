// Small rules every context applies to stored failures, said once.
import type { TabLog } from './protocol';

/** The number on the badge and atop the report: repeats included, those the caps dropped too, requests blocked in the browser left out. */
export function countedFailures(log: Pick<TabLog, 'failures' | 'dropped'> | undefined): number {
  let count = log?.dropped ?? 0;
  for (const failure of log?.failures ?? []) if (!failure.blocked) count += failure.count;
  return count;
}

export { shortCode } from '../diagnosis/status';
