// Pure bookkeeping of failures per tab: folding repeats, page changes, caps and the badge.
// No browser API here, so the rules are unit-tested directly.
import { isLoadOf } from '../diagnosis/observe';
import { worse } from '../diagnosis/severity';
import { breaksNothing } from '../diagnosis/summary';
import type { Severity } from '../diagnosis/types';
import { countedFailures } from '../shared/failures';
import type { FailureRecord, TabLog } from '../shared/protocol';
import { recordSize } from './bytes';

/**
 * Records per tab and in all, and bytes (see bytes.ts) per tab and in all: storage.session holds 10 MB at most,
 * and every write of a tab's log writes all of it (256 KB: 200 ordinary records, or 56 with 4 KB URLs).
 */
export const CAPS = { perTab: 200, perTabBytes: 262_144, total: 2000, bytes: 4_000_000 };

/** Add one failure (as observe() made it); a repeat of an identical one only raises its count. Returns the stored record. */
export function addFailure(log: TabLog, record: FailureRecord, perTabCap = CAPS.perTab, totals?: Totals, perTabBytes = CAPS.perTabBytes): FailureRecord {
  // Identical: same code, method and URL. Checked without building a key, on the hot path.
  const existing = log.failures.find((r) => r.code === record.code && r.url === record.url && r.method === record.method);
  if (existing) {
    // The page's own failure repeating is the browser retrying the same page, not a new failure.
    if (record.type !== 'main_frame') existing.count += 1;
    existing.lastSeen = record.timeStamp;
    return existing;
  }
  // A page that could not load is replaced by the browser's error page, and error pages commit no
  // navigation in Chromium: the failure itself is the page change. A cancelled load shows no error page.
  if (record.type === 'main_frame' && record.statusCode === undefined && record.errorName !== 'ABORTED' && log.failures.length) {
    if (totals) forget(totals, ...log.failures);
    log.failures = [];
    log.dropped = undefined;
  }
  const counted = bytesOf(log);
  log.failures.push(record);
  counted.bytes += recordSize(record);
  if (totals) {
    totals.records += 1;
    totals.bytes += recordSize(record);
  }
  if (log.failures.length > perTabCap) {
    const dropped = dropOldest(log);
    if (totals && dropped) forget(totals, dropped);
  }
  while (counted.bytes > perTabBytes && log.failures.length > 1) {
    const dropped = dropOldest(log)!;
    if (totals) forget(totals, dropped);
  }
  return record;
}

/** Each log's bytes, with the list they were counted on: code that replaces a log's `failures` keeps no books. */
const logBytes = new WeakMap<TabLog, { failures: FailureRecord[]; bytes: number }>();

function bytesOf(log: TabLog): { failures: FailureRecord[]; bytes: number } {
  let counted = logBytes.get(log);
  if (counted?.failures !== log.failures) {
    counted = { failures: log.failures, bytes: 0 };
    for (const record of log.failures) counted.bytes += recordSize(record);
    logBytes.set(log, counted);
  }
  return counted;
}

/** Drop the oldest failure, keeping the page's own failure as long as possible. Returns what was dropped. */
export function dropOldest(log: TabLog): FailureRecord | undefined {
  let victim = -1;
  let oldestPage = -1;
  for (let i = 0; i < log.failures.length; i++) {
    const record = log.failures[i]!;
    if (record.type === 'main_frame') {
      if (oldestPage < 0 || record.lastSeen < log.failures[oldestPage]!.lastSeen) oldestPage = i;
    } else if (victim < 0 || record.lastSeen < log.failures[victim]!.lastSeen) victim = i;
  }
  if (victim < 0) victim = oldestPage;
  const dropped = victim >= 0 ? log.failures.splice(victim, 1)[0] : undefined;
  const counted = logBytes.get(log);
  if (dropped && counted?.failures === log.failures) counted.bytes -= recordSize(dropped);
  // Its failures still happened: the report and the badge keep counting them.
  if (dropped) log.dropped = (log.dropped ?? 0) + dropped.count;
  return dropped;
}

/** Running totals across all tabs, kept by the store so caps cost nothing until they bite. */
export interface Totals {
  records: number;
  bytes: number;
}

export function totalsOf(logs: Iterable<TabLog>): Totals {
  const totals = { records: 0, bytes: 0 };
  for (const log of logs) {
    totals.records += log.failures.length;
    for (const record of log.failures) totals.bytes += recordSize(record);
  }
  return totals;
}

/** Trim the fullest tabs until the totals fit the caps, each keeping at least `keep` records. Returns the tabs that changed. */
export function enforceTotalCap(logs: Iterable<TabLog>, totals: Totals, caps: Pick<typeof CAPS, 'total' | 'bytes'> = CAPS, keep = 0): TabLog[] {
  const trimmed = new Set<TabLog>();
  while (totals.records > caps.total || totals.bytes > caps.bytes) {
    let fullest: TabLog | undefined;
    for (const log of logs) if (log.failures.length > keep && (!fullest || log.failures.length > fullest.failures.length)) fullest = log;
    const dropped = fullest && dropOldest(fullest);
    if (!fullest || !dropped) break;
    trimmed.add(fullest);
    forget(totals, dropped);
  }
  return [...trimmed];
}

export interface Commit {
  url: string;
  timeStamp: number;
  /** The committed document's id (Chromium, and Firefox 153); older browsers send none. */
  documentId?: string;
}

/** The tab's main frame committed a new page, so the old page's failures go. */
export function startPage(log: TabLog, { url: committed, timeStamp, documentId }: Commit, totals?: Totals): boolean {
  if (log.failures.length === 0) return false;
  const kept: FailureRecord[] = [];
  for (const record of log.failures) {
    const keep =
      // The commit event can reach us after the new page's first sub-requests have failed.
      (documentId !== undefined ? record.documentId === documentId : record.timeStamp >= timeStamp) || isLoadOf(record, committed);
    if (keep) kept.push(record);
    else if (totals) forget(totals, record);
  }
  const changed = kept.length !== log.failures.length;
  log.failures = kept;
  // What the caps dropped belonged to the old page.
  if (changed) log.dropped = undefined;
  return changed;
}

/** Put records (back) into the running totals. */
export function count(totals: Totals, ...records: FailureRecord[]): void {
  for (const record of records) {
    totals.records += 1;
    totals.bytes += recordSize(record);
  }
}

/** Take records out of the running totals. */
export function forget(totals: Totals, ...records: FailureRecord[]): void {
  for (const record of records) {
    totals.records -= 1;
    totals.bytes -= recordSize(record);
  }
}

export interface Badge {
  text: string;
  severity: Severity | null;
}

/** Badge text is the counted failures (see countedFailures, dropped ones included), empty when none or when
 * they break nothing (a calm page raises no alarm); its colour is the worst listed. */
export function badgeOf(log: TabLog | undefined): Badge {
  const failures = log?.failures ?? [];
  const count = log?.dropped || !breaksNothing(failures) ? countedFailures(log) : 0;
  let severity: Severity | null = null;
  for (const record of failures) if (!record.blocked) severity = worse(severity, record.severity);
  return { text: count === 0 ? '' : count > 99 ? '99+' : String(count), severity };
}
