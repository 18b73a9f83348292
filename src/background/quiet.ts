// The person's quieting choices as the worker applies them to a tab's failures: what the badge counts,
// what the popup's first screen lists. Failures only: no success ever reaches this.
import type { IgnoreRule } from '../diagnosis/ignore';
import { isIgnored, reactsToFailure, type Quieting } from '../diagnosis/noise';
import { hostOf } from '../diagnosis/url';
import type { FailureRecord, TabLog } from '../shared/protocol';
import { ignoreRules, settings } from '../shared/settings-store';
import { tabPageUrl } from './history';

export function quieting(): Quieting {
  const { mySites, reactTo, quietThirdParties } = settings();
  return { rules: ignoreRules(), mySites, reactTo, quietThirdParties };
}

/** The host of the page a tab shows, as far as the worker knows it. */
export const pageHostOf = (tabId: number, fallbackUrl?: string): string => hostOf(tabPageUrl(tabId) ?? fallbackUrl);

/** Each record's verdict under the current rules (a tab's log is matched again at every write: once per record is enough). */
let judgedUnder: readonly IgnoreRule[] | undefined;
let verdicts = new WeakMap<FailureRecord, boolean>();

function ignored(rules: readonly IgnoreRule[], record: FailureRecord): boolean {
  if (rules !== judgedUnder) {
    judgedUnder = rules;
    verdicts = new WeakMap();
  }
  let verdict = verdicts.get(record);
  if (verdict === undefined) verdicts.set(record, (verdict = isIgnored(rules, record)));
  return verdict;
}

/** A tab's log as the popup lists it (ignored failures out) and as the badge counts it (also what "react to" leaves out). */
export function quietLogs(log: TabLog): { listed: TabLog; counted: TabLog } {
  const current = quieting();
  if (current.rules.length === 0 && (current.mySites.length === 0 || current.reactTo === 'all')) return { listed: log, counted: log };
  const listed = { ...log, failures: log.failures.filter((failure) => !ignored(current.rules, failure)) };
  const page = log.failures.find((failure) => failure.type === 'main_frame')?.url;
  const pageHost = pageHostOf(log.tabId, page);
  return { listed, counted: { ...listed, failures: listed.failures.filter((failure) => reactsToFailure(current, failure, pageHost)) } };
}
