// One plain sentence about where the time went, when one part clearly dominates.
import { TIMED_STEPS, type Timings } from './timings';

type Part = 'queued' | (typeof TIMED_STEPS)[number];

/** A message key of _locales and its values: numbers are milliseconds, to be shown as durations. */
export interface TimeStory {
  key: `timeWent_${Part}` | 'timeWent_waitServer';
  values: (number | string)[];
}

/** A part dominates when it is at least this share of the time and this long. */
export const DOMINANT_SHARE = 0.6;
export const DOMINANT_MIN_MS = 300;

export function whereTimeWent(timings: Timings, server?: string): TimeStory | null {
  const parts: [Part, number][] = [['queued', timings.queued], ...TIMED_STEPS.map((step) => [step, timings.steps[step]] as const)]
    .filter((part): part is [Part, number] => typeof part[1] === 'number');
  const sum = parts.reduce((total, [, ms]) => total + ms, 0);
  const index = parts.reduce((top, part, i) => (part[1] > parts[top]![1] ? i : top), 0);
  const [part, ms] = parts[index] ?? ['queued', 0];
  if (ms < DOMINANT_MIN_MS || ms < DOMINANT_SHARE * sum) return null;
  if (part !== 'wait') return { key: `timeWent_${part}`, values: [ms] };
  const before = parts.slice(0, index).reduce((total, [, partMs]) => total + partMs, 0);
  const name = server?.trim().slice(0, 60);
  return name ? { key: 'timeWent_waitServer', values: [name, ms, before] } : { key: 'timeWent_wait', values: [ms, before] };
}
