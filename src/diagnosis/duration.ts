// Durations the way people say them: one rule for every place that tells how long something lasted.

export type DurationUnit = 's' | 'min' | 'h' | 'd';

/** A duration rounded the way people say it: 40 s, 14 min, 3 h, 2 d. */
export function roughDuration(ms: number): { value: number; unit: DurationUnit } {
  const seconds = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 1000));
  if (seconds < 90) return { value: seconds, unit: 's' };
  if (seconds < 90 * 60) return { value: Math.round(seconds / 60), unit: 'min' };
  if (seconds < 48 * 3600) return { value: Math.round(seconds / 3600), unit: 'h' };
  return { value: Math.round(seconds / 86_400), unit: 'd' };
}
