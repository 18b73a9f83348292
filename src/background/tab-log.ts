// Pure bookkeeping of failures per tab: folding repeats, page changes, caps and the badge.
// No browser API here, so the rules are unit-tested directly.
import type { Failure } from '../diagnosis/observe';
import type { Severity } from '../diagnosis/types';
import type { FailureRecord, TabLog } from '../shared/protocol';

export const CAPS = { perTab: 200, total: 2000 };

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export const foldKey = ({ observation: o, classification: c }: Failure): string => `${c.code} ${o.method} ${o.url}`;

/** Add one failure; a repeat of an identical one only raises its count. Returns the stored record. */
export function addFailure(log: TabLog, failure: Failure, perTabCap = CAPS.perTab): FailureRecord {
  const key = foldKey(failure);
  const { observation, classification } = failure;
  const existing = log.failures.find((record) => record.key === key);
  if (existing) {
    // The page's own failure repeating is the browser retrying the same page, not a new failure.
    if (observation.type !== 'main_frame') existing.count += 1;
    existing.lastSeen = observation.timeStamp;
    return existing;
  }
  const record: FailureRecord = { ...observation, ...classification, key, count: 1, lastSeen: observation.timeStamp };
  log.failures.push(record);
  if (log.failures.length > perTabCap) dropOldest(log);
  return record;
}

/** Drop the oldest failure, keeping the page's own failure as long as possible. */
export function dropOldest(log: TabLog): void {
  let victim = -1;
  for (let i = 0; i < log.failures.length; i++) {
    const record = log.failures[i]!;
    if (record.type === 'main_frame' && log.failures.length > 1) continue;
    if (victim < 0 || record.lastSeen < log.failures[victim]!.lastSeen) victim = i;
  }
  if (victim >= 0) log.failures.splice(victim, 1);
}

/** Keep the total number of records across tabs under the cap by trimming the fullest tabs. */
export function enforceTotalCap(logs: Iterable<TabLog>, total = CAPS.total): TabLog[] {
  const all = [...logs];
  const trimmed = new Set<TabLog>();
  let count = all.reduce((sum, log) => sum + log.failures.length, 0);
  while (count > total) {
    const fullest = all.reduce((a, b) => (b.failures.length > a.failures.length ? b : a));
    dropOldest(fullest);
    trimmed.add(fullest);
    count--;
  }
  return [...trimmed];
}

export interface Commit {
  url: string;
  timeStamp: number;
  /** Chromium's id of the committed document; Firefox has none. */
  documentId?: string;
}

/** The tab's main frame committed a new page, so the old page's failures go. */
export function startPage(log: TabLog, { url, timeStamp, documentId }: Commit): boolean {
  const before = log.failures.length;
  log.failures = log.failures.filter(
    (record) =>
      // The commit event can reach us after the new page's first sub-requests have failed.
      (documentId !== undefined ? record.documentId === documentId : record.timeStamp >= timeStamp) ||
      // Chromium's error page (and its auto-reload) commits the very URL that failed, maybe after redirects.
      (record.type === 'main_frame' && (record.url === url || record.redirects?.includes(url) === true)),
  );
  return log.failures.length !== before;
}

export interface Badge {
  text: string;
  severity: Severity | null;
}

/** Badge text is the number of failures counted with repeats, blocked ones left out; empty when none. */
export function badgeOf(log: TabLog | undefined): Badge {
  let count = 0;
  let severity: Severity | null = null;
  for (const record of log?.failures ?? []) {
    if (record.blocked) continue;
    count += record.count;
    if (severity === null || SEVERITY_RANK[record.severity] > SEVERITY_RANK[severity]) severity = record.severity;
  }
  return { text: count === 0 ? '' : count > 99 ? '99+' : String(count), severity };
}
