// How long each step of one request took, from the page's Resource Timing entry or a DevTools HAR entry.
// A step that cannot be known is left out: the strip never shows a made-up 0.

export const TIMED_STEPS = ['dns', 'connect', 'tls', 'send', 'wait', 'receive'] as const;
export type TimedStep = (typeof TIMED_STEPS)[number];

/** Why a failure's step figures are missing (its total may still be known). */
export type TimingGap = 'cross-origin' | 'network-error' | 'buffer-full' | 'navigated' | 'unreadable' | 'no-entry';

export interface Timings {
  /** Milliseconds per step; a missing step is unknown. */
  steps: Partial<Record<TimedStep, number>>;
  /** Time spent before the request went out that is not DNS, connect or TLS (queueing, redirects). */
  queued?: number;
  total?: number;
  /** The connection was reused: dns, connect and tls are 0 because they did not happen. */
  reused: boolean;
  /** Resource Timing cannot tell sending from waiting: `wait` holds both. */
  sendInWait: boolean;
  gap?: TimingGap;
}

/** The fields of a PerformanceResourceTiming / PerformanceNavigationTiming entry that are read (its toJSON()). */
export interface ResourceEntry {
  name: string;
  startTime: number;
  duration: number;
  fetchStart: number;
  domainLookupStart: number;
  domainLookupEnd: number;
  connectStart: number;
  secureConnectionStart: number;
  connectEnd: number;
  requestStart: number;
  responseStart: number;
  responseEnd: number;
  responseStatus?: number;
}

/** Steps with a known duration only: an unknown one is absent, not 0 or undefined. */
const known = (steps: Partial<Record<TimedStep, number | undefined>>): Partial<Record<TimedStep, number>> =>
  Object.fromEntries(Object.entries(steps).filter(([, ms]) => ms !== undefined));

const span = (from: number, to: number): number => Math.max(0, to - from);
const finite = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Only the total: what a timing entry without step detail (or with no entry at all) still tells. */
export const totalOnly = (gap: TimingGap, total?: number): Timings => ({ steps: {}, total, reused: false, sendInWait: false, gap });

export function fromResourceTiming(raw: ResourceEntry): Timings {
  const e = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, k === 'name' ? v : finite(v)])) as unknown as ResourceEntry;
  const total = e.duration > 0 ? e.duration : span(e.startTime, e.responseEnd);
  // Cross-origin without Timing-Allow-Origin (and requests that got no answer) zero every step field.
  if (!(e.requestStart > 0) || !(e.responseStart > 0)) return totalOnly('cross-origin', total);
  const dns = span(e.domainLookupStart, e.domainLookupEnd);
  const tlsStart = e.secureConnectionStart > 0 ? e.secureConnectionStart : undefined;
  const connect = span(e.connectStart, tlsStart ?? e.connectEnd);
  const tls = tlsStart === undefined ? undefined : span(tlsStart, e.connectEnd);
  // A reused connection starts "connecting" the moment the fetch starts and spends nothing on it.
  const reused = dns === 0 && connect === 0 && !tls && e.connectStart <= e.fetchStart;
  return {
    steps: known({ dns, connect, tls, wait: span(e.requestStart, e.responseStart), receive: span(e.responseStart, e.responseEnd) }),
    queued: span(e.startTime, e.requestStart) - dns - connect - (tls ?? 0),
    total,
    reused,
    sendInWait: true,
  };
}

/** The parts of a HAR 1.2 entry that are read (DevTools' getHAR(), onRequestFinished). */
export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: { method: string; url: string; headers?: readonly { name: string; value: string }[] };
  response: {
    status: number;
    statusText?: string;
    httpVersion?: string;
    headers?: readonly { name: string; value: string }[];
    /** Chromium's network error, e.g. "net::ERR_CONNECTION_REFUSED". */
    _error?: string | null;
  };
  timings: Partial<Record<'blocked' | 'dns' | 'connect' | 'ssl' | 'send' | 'wait' | 'receive', number>>;
  serverIPAddress?: string;
  _resourceType?: string;
}

/** HAR uses -1 for "does not apply". */
const har = (value: unknown): number | undefined => (typeof value === 'number' && value >= 0 ? value : undefined);

const HAR_STEPS = ['dns', 'connect', 'ssl', 'send', 'wait', 'receive'] as const;

export function fromHar(entry: HarEntry): Timings {
  const t = entry.timings ?? {};
  const total = har(entry.time);
  const [send, wait, receive] = [har(t.send), har(t.wait), har(t.receive)];
  if (!(entry.response?.status > 0) || (wait === undefined && receive === undefined)) {
    // No answer: Chromium marks the steps -1; Firefox writes 0 for every step and sums them (only
    // `blocked` is left) into `time`, so neither its steps nor its total are measurements.
    const unmeasured = HAR_STEPS.every((step) => t[step] === 0);
    return totalOnly('network-error', unmeasured ? undefined : total);
  }
  const ssl = har(t.ssl);
  // HAR counts the TLS time inside `connect`.
  let connect = har(t.connect);
  if (connect !== undefined && ssl !== undefined) connect = Math.max(0, connect - ssl);
  const reused = har(t.dns) === undefined && connect === undefined;
  // Plain http has no TLS step, whatever a recorder puts in `ssl`.
  const https = /^(https|wss):/i.test(entry.request?.url ?? '');
  return {
    steps: known({
      dns: reused ? 0 : har(t.dns),
      connect: reused ? 0 : connect,
      tls: !https ? undefined : reused ? 0 : ssl,
      send, wait, receive,
    }),
    queued: har(t.blocked),
    total,
    reused,
    sendInWait: false,
  };
}
