// When to try again after a failed send. Pure; `random` is in [0, 1).
/** chrome.alarms fires no sooner than 30 s; the longest wait is a quarter of an hour. */
export const BACKOFF_MS = { first: 30_000, max: 15 * 60_000 } as const;

/** The wait before retry number `attempt` (1 for the first retry): doubling, capped, with up to 20 % jitter so a team's browsers spread out. */
export function backoffMs(attempt: number, random: number): number {
  const steps = Number.isFinite(attempt) ? Math.max(0, Math.min(Math.floor(attempt) - 1, 20)) : 0;
  const base = Math.min(BACKOFF_MS.first * 2 ** steps, BACKOFF_MS.max);
  return Math.round(base * (1 + 0.2 * Math.min(Math.max(random, 0), 1)));
}
