// What a failure does under the person's quieting choices: ignore rules, "Sites I work on", third parties.
// Pure. Rules are matched where failures are shown or counted (never when recorded): a rule added takes
// its failures out at once, a rule removed brings them back, and nothing recorded depends on the rules.
import { ignoredBy, type IgnoreRule } from './ignore';
import { isThirdParty, onHostList, reactsTo, type ReactTo } from './scope';
import { hostOf } from './url';
import type { Classification, Observation } from './types';

type Failure = Pick<Observation, 'url' | 'method' | 'type'> & Pick<Classification, 'code' | 'stage' | 'blocked' | 'errorName'>;

export interface Quieting {
  rules: readonly IgnoreRule[];
  mySites: readonly string[];
  reactTo: ReactTo;
  quietThirdParties: boolean;
}

/** Silenced by an ignore rule. No rules, no work. */
export const isIgnored = (rules: readonly IgnoreRule[], failure: Failure): boolean =>
  rules.length !== 0 && ignoredBy(rules, failure) !== undefined;

/** Something "react to" reacts to (ignore rules aside). */
export const reactsToFailure = (quieting: Quieting, failure: Failure, pageHost: string): boolean =>
  reactsTo(quieting.reactTo, quieting.mySites, hostOf(failure.url), pageHost);

/** Counted on the badge: not ignored, and something "react to" reacts to. */
export const countsOnBadge = (quieting: Quieting, failure: Failure, pageHost: string): boolean =>
  !isIgnored(quieting.rules, failure) && reactsToFailure(quieting, failure, pageHost);

/** May make an in-page notice: counted, and not a third party while those are kept quiet. */
export function mayNotify(quieting: Quieting, failure: Failure, pageHost: string): boolean {
  if (!countsOnBadge(quieting, failure, pageHost)) return false;
  return !(quieting.quietThirdParties && isThirdParty(hostOf(failure.url), pageHost));
}

/** The failures listed and those an ignore rule silenced, each in the order given. */
export function splitIgnored<F extends Failure>(rules: readonly IgnoreRule[], failures: readonly F[]): { listed: F[]; ignored: F[] } {
  if (rules.length === 0) return { listed: [...failures], ignored: [] };
  const listed: F[] = [];
  const ignored: F[] = [];
  for (const failure of failures) (isIgnored(rules, failure) ? ignored : listed).push(failure);
  return { listed, ignored };
}

/** Whether a failure's host is one of "Sites I work on" (they are listed first). */
export const onMySites = (mySites: readonly string[], url: string): boolean => mySites.length !== 0 && onHostList(hostOf(url), mySites);
