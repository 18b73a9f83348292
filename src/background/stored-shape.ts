// Reading back what storage.session holds: whatever is not a tab log of our shape is skipped, so data
// from an older or newer version, or a corrupt write, can never crash the worker. Pure.
import { SEVERITIES, STAGES } from '../diagnosis/types';
import type { FailureRecord, TabLog } from '../shared/protocol';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

export function isFailureRecord(value: unknown): value is FailureRecord {
  return isObject(value) && isString(value.url) && isString(value.method) && isString(value.type) && isString(value.code) &&
    STAGES.includes(value.stage as never) && SEVERITIES.includes(value.severity as never) &&
    typeof value.timeStamp === 'number' && typeof value.lastSeen === 'number' && isCount(value.count) &&
    Number.isInteger(value.tabId) && typeof value.blocked === 'boolean';
}

/** The tab log in a stored value, keeping only well-formed records; undefined when it is not one. */
export function readTabLog(value: unknown): TabLog | undefined {
  if (!isObject(value) || !Number.isInteger(value.tabId) || !Array.isArray(value.failures)) return undefined;
  const tabId = value.tabId as number;
  const failures = value.failures.filter((record): record is FailureRecord => isFailureRecord(record) && record.tabId === tabId);
  return isCount(value.dropped) ? { tabId, failures, dropped: value.dropped } : { tabId, failures };
}
