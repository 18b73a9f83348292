// The report's layout as data: the page's own failures first, then sub-requests by host (the host with the
// newest failure first), then what the browser blocked. The popup names the groups; the background uses the
// same order for the first screen it hands the popup (src/shared/first-screen.ts).
import { hostLabel } from './url';
import type { Classification, Observation } from './types';

type Grouped = Pick<Observation, 'url' | 'type' | 'offline'> & Pick<Classification, 'blocked'> & { lastSeen: number };

/** `offline`: everything that failed because the device was offline, under that one message, first. */
export type GroupKind = 'offline' | 'page' | 'host' | 'blocked';

export interface Group<F> {
  kind: GroupKind;
  /** The host's name, for a `host` group. */
  host?: string;
  failures: F[];
}

const newestFirst = (a: Grouped, b: Grouped): number => b.lastSeen - a.lastSeen;

/** `mineFirst`: hosts it names ("Sites I work on") come before the others, each side in its usual order. */
export function groupFailures<F extends Grouped>(failures: readonly F[], mineFirst?: (host: string) => boolean): Group<F>[] {
  const offline: F[] = [];
  const page: F[] = [];
  const blocked: F[] = [];
  const byHost = new Map<string, F[]>();
  for (const failure of [...failures].sort(newestFirst)) {
    if (failure.offline) offline.push(failure);
    else if (failure.blocked) blocked.push(failure);
    else if (failure.type === 'main_frame') page.push(failure);
    else {
      const host = hostLabel(failure.url);
      const group = byHost.get(host);
      if (group) group.push(failure);
      else byHost.set(host, [failure]);
    }
  }
  const groups: Group<F>[] = [];
  if (offline.length) groups.push({ kind: 'offline', failures: offline });
  if (page.length) groups.push({ kind: 'page', failures: page });
  const hosts = [...byHost];
  if (mineFirst) hosts.sort(([a], [b]) => Number(mineFirst(b)) - Number(mineFirst(a)));
  for (const [host, group] of hosts) groups.push({ kind: 'host', host, failures: group });
  if (blocked.length) groups.push({ kind: 'blocked', failures: blocked });
  return groups;
}
