// What a tab's failures mean for the page as a whole: did the page itself fail, which kinds of
// requests failed, and whether that likely breaks features, only changes looks, or breaks nothing.
import { siteOf } from './headers-parse';
import { hostOf, isFavicon } from './url';
import { STAGES, type Classification, type Observation, type Severity } from './types';

/** The kinds of request a page makes, in the order the summary names them. */
export const KINDS = ['document', 'script', 'api', 'stylesheet', 'image', 'font', 'media', 'frame', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export type PageStatus = 'failed' | 'partial' | 'blocked' | 'ok';
/** What the failed sub-requests likely do to the page. */
export type Impact = 'breaks' | 'looks' | 'none';

const KIND_OF_TYPE: Readonly<Record<string, Kind>> = {
  main_frame: 'document', sub_frame: 'frame', script: 'script', xmlhttprequest: 'api', websocket: 'api',
  stylesheet: 'stylesheet', image: 'image', imageset: 'image', font: 'font', media: 'media',
};

/** Kinds whose failure can stop features working; the others only change how the page looks. */
const BREAKING: ReadonlySet<Kind> = new Set<Kind>(['document', 'script', 'api', 'frame', 'media', 'other']);

/** A webRequest resource type (Chromium or Firefox) as one of the summary's kinds. */
export const kindOf = (type: string): Kind => KIND_OF_TYPE[type] ?? 'other';

export function impactOf(failure: Pick<Observation, 'type' | 'url'>): Impact {
  const kind = kindOf(failure.type);
  if (kind === 'image' || kind === 'other') {
    if (isFavicon(failure.url)) return 'none';
  }
  return BREAKING.has(kind) ? 'breaks' : 'looks';
}

/** A calm page: it failed something, but nothing that breaks anything (only the favicon). No alarm for it anywhere. */
export function breaksNothing(failures: readonly Pick<Failure, 'type' | 'url' | 'blocked'>[]): boolean {
  const counted = failures.filter((f) => !f.blocked);
  return counted.length > 0 && counted.every((f) => impactOf(f) === 'none');
}

type Failure = Pick<Observation, 'type' | 'url' | 'timeStamp'> & Partial<Pick<Observation, 'initiator'>> & Pick<Classification, 'stage' | 'code' | 'severity' | 'blocked'> & { lastSeen?: number };

export interface PageSummary<F extends Failure = Failure> {
  status: PageStatus;
  /** Kinds with at least one failure (blocked ones aside), in KINDS order. */
  kinds: Kind[];
  /** Failed requests per kind (identical repeats count once). */
  counts: Partial<Record<Kind, number>>;
  /** What the failed sub-requests likely do; 'none' when only the favicon failed. */
  impact: Impact;
  /** Requests stopped inside the browser. */
  blocked: number;
  /** The failure that matters most: the page's own when it failed, else the worst sub-request. */
  worst?: F;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };
const IMPACT_RANK: Readonly<Record<Impact, number>> = { none: 0, looks: 1, breaks: 2 };
const newest = (f: Failure): number => f.lastSeen ?? f.timeStamp;

/** A request to another site than the page's (an ad, a tracker, a CDN of someone else); unknown when the page is. */
export function isThirdParty(failure: Pick<Failure, 'url' | 'initiator'>): boolean {
  const host = hostOf(failure.url);
  const pageHost = hostOf(failure.initiator);
  return Boolean(host && pageHost) && siteOf(host) !== siteOf(pageHost);
}

/** Worse first: what it breaks, then the page's own site before others, then severity, then the earlier stage
 * (less of the cycle worked), then newer. */
function worse(a: Failure, b: Failure, impact: ReadonlyMap<Failure, Impact>): number {
  return IMPACT_RANK[impact.get(b)!] - IMPACT_RANK[impact.get(a)!] ||
    Number(isThirdParty(a)) - Number(isThirdParty(b)) ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) ||
    newest(b) - newest(a);
}

/** The page's own failure, the newest when it failed more than once (blocked ones are not the page failing). */
export function pageFailure<F extends Failure>(failures: readonly F[]): F | undefined {
  let newestPage: F | undefined;
  for (const f of failures) if (!f.blocked && f.type === 'main_frame' && (!newestPage || newest(f) > newest(newestPage))) newestPage = f;
  return newestPage;
}

/** The summary of one tab's failures; pure, so it reads the same in every view and language. */
export function pageSummary<F extends Failure>(failures: readonly F[]): PageSummary<F> {
  const counted = failures.filter((f) => !f.blocked);
  const blocked = failures.length - counted.length;
  const counts: Partial<Record<Kind, number>> = {};
  for (const failure of counted) counts[kindOf(failure.type)] = (counts[kindOf(failure.type)] ?? 0) + 1;
  const kinds = KINDS.filter((kind) => counts[kind]);
  const page = pageFailure(counted);
  const impacts = new Map(counted.map((f) => [f, impactOf(f)]));
  const subRequests = counted.filter((f) => f.type !== 'main_frame').sort((a, b) => worse(a, b, impacts));
  const impact = subRequests.reduce<Impact>((most, f) => (IMPACT_RANK[impacts.get(f)!] > IMPACT_RANK[most] ? impacts.get(f)! : most), 'none');
  const status: PageStatus = page ? 'failed' : counted.length ? 'partial' : blocked ? 'blocked' : 'ok';
  const summary: PageSummary<F> = { status, kinds, counts, impact, blocked };
  const worst = page ?? subRequests[0];
  if (worst) summary.worst = worst;
  return summary;
}

