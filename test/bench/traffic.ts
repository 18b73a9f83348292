// Realistic webRequest traffic for the benchmarks, built from the event shapes Chromium really sent
// (test/fixtures/chromium-events). Every event gets a fresh details object, as Chromium delivers them.
import { readFileSync } from 'node:fs';

type Details = Record<string, unknown>;
/** The listeners the background registers, in the order `Event[0]` indexes them. */
export const EVENTS = [
  'webRequest.onBeforeRedirect', 'webRequest.onCompleted', 'webRequest.onErrorOccurred', 'webNavigation.onCommitted',
  'webRequest.onSendHeaders', 'webRequest.onHeadersReceived',
];
export type Event = [listener: number, details: Details];
/** One request with its redirects (`ok` or `failed`), or a page load: main frame completed, then committed. */
export interface Sequence {
  kind: 'ok' | 'failed' | 'page';
  events: Event[];
}

const [REDIRECT, COMPLETED, ERROR, COMMITTED, SEND_HEADERS, HEADERS] = [0, 1, 2, 3, 4, 5];
const fixture = (name: string): Details[] =>
  (JSON.parse(readFileSync(new URL(`../fixtures/chromium-events/${name}.json`, import.meta.url), 'utf8')) as { events: { details: Details }[] })
    .events.map((e) => e.details);
const last = (name: string): Details => fixture(name).at(-1)!;
const status = (details: Details, code: number, text: string, header?: [string, string]): Details => ({
  ...details, statusCode: code, statusLine: `HTTP/1.1 ${code} ${text}`,
  responseHeaders: [...(details.responseHeaders as object[]), ...(header ? [{ name: header[0], value: header[1] }] : [])],
});

const [page, commit, ...subresources] = fixture('clean-page-50-requests') as [Details, Details, ...Details[]];
const hop = fixture('redirect-loop-fetch')[0]!;
const image404 = last('status-404-image');
const post409 = last('status-409-fetch-post');
const listenerOf = (details: Details): number => (details.redirectUrl ? REDIRECT : details.error ? ERROR : COMPLETED);
/** The CORS listeners hear fetch/XHR only: Chromium sends them onSendHeaders and onHeadersReceived first. */
const withCorsEvents = (events: Details[]): [number, Details][] => events.flatMap((details): [number, Details][] => {
  const outcome: [number, Details] = [listenerOf(details), details];
  if (details.type !== 'xmlhttprequest' || details.redirectUrl) return [outcome];
  return [[SEND_HEADERS, details], ...(details.error && !details.statusCode ? [] : [[HEADERS, details] as [number, Details]]), outcome];
});
/** A cross-origin fetch as Chromium really sent its events (its preflight included), tab and page events left out. */
const recorded = (name: string): [number, Details][] =>
  (JSON.parse(readFileSync(new URL(`../fixtures/chromium-events/${name}.json`, import.meta.url), 'utf8')) as { events: { event: string; details: Details }[] })
    .events.filter((e) => e.details.type === 'xmlhttprequest')
    .map((e) => [['onBeforeRedirect', 'onCompleted', 'onErrorOccurred', '', 'onSendHeaders', 'onHeadersReceived'].indexOf(e.event), e.details]);

const crossOrigin = (details: Details): Details => ({
  ...details, url: (details.url as string).replace('127.0.0.1', 'api.example'),
  responseHeaders: [...(details.responseHeaders as object[]), { name: 'Access-Control-Allow-Origin', value: '*' }],
});

/** Every failure kind, in turn: the events of one failing request as recorded (redirects, then the outcome). */
const FAILURES: [number, Details][][] = [
  [image404],
  [status(image404, 403, 'Forbidden')],
  [post409],
  [status(post409, 401, 'Unauthorized', ['WWW-Authenticate', 'Bearer realm="api"'])],
  [status(post409, 429, 'Too Many Requests', ['Retry-After', '30'])],
  [status(post409, 500, 'Internal Server Error')],
  [last('status-502-nginx')],
  [last('status-503-retry-after-nginx')],
  [last('dns-failure')],
  [last('connection-refused')],
  [last('connection-reset')],
  [last('self-signed-certificate')],
  [last('empty-response-nginx-444')],
  fixture('redirect-loop-fetch'),
  fixture('redirect-loop-main-frame'),
  [{ ...last('dns-failure'), error: 'net::ERR_BLOCKED_BY_CLIENT', url: 'https://ads.example/pixel.gif' }],
  [last('aborted-fetch')],
].map(withCorsEvents);
FAILURES.push(recorded('cors-missing-allow-origin'), recorded('cors-preflight-405'), recorded('cors-hidden-500'));
const isPageFailure = (events: [number, Details][]): boolean => events.at(-1)![1].type === 'main_frame';

export interface Mix {
  tabs: number;
  /** Share of requests that fail, spread evenly. */
  failureRate: number;
  /** Tabs that load a new page every `pageSize` requests; the others are long-lived apps that never navigate. */
  navigatingTabs: number;
  pageSize: number;
}

const FIRST_TAB = 1682757426;

/** An endless, deterministic stream of sequences; `next(n)` hands out the following n. */
export class Traffic {
  private i = 0;
  private failures = 0;
  private readonly pages: { documentId: string; requests: number; loads: number }[];

  constructor(private readonly mix: Mix) {
    this.pages = Array.from({ length: mix.tabs }, (_, tab) => ({ documentId: docId(tab, 0), requests: 0, loads: 0 }));
  }

  next(count: number): Sequence[] {
    const out: Sequence[] = [];
    for (let n = 0; n < count; n++) out.push(this.sequence(this.i++));
    return out;
  }

  private sequence(i: number): Sequence {
    const failed = Math.floor((i + 1) * this.mix.failureRate) > Math.floor(i * this.mix.failureRate);
    // Failures go round the tabs on their own counter, so every tab gets its share whatever the rate.
    const tab = (failed ? this.failures : i) % this.mix.tabs;
    const state = this.pages[tab]!;
    const navigates = tab < this.mix.navigatingTabs;
    const failure = failed ? this.nextFailure(navigates) : undefined;
    const pageLoad = !failed && navigates && ++state.requests > this.mix.pageSize;
    if (pageLoad) {
      state.requests = 0;
      state.documentId = docId(tab, ++state.loads);
    }
    // About 1 % of sub-requests belong to no tab (service workers, extensions): tab id -1.
    const tabId = i % 97 === 0 && !pageLoad && !(failure && isPageFailure(failure)) ? -1 : FIRST_TAB + tab;
    const fresh = (details: Details, url = details.url as string, listener = listenerOf(details)): Event => [listener, {
      ...details, url: `${url}${url.includes('?') ? '&' : '?'}r=${i}`, requestId: String(i), tabId,
      timeStamp: 1795649692205 + i * 0.25, ...(details.documentId ? { documentId: state.documentId } : {}),
    }];
    if (failure) return { kind: 'failed', events: failure.map(([listener, details]) => fresh(details, details.url as string, listener)) };
    if (pageLoad) return { kind: 'page', events: [fresh(page), [COMMITTED, { ...fresh(commit)[1], documentId: state.documentId }]] };
    const ok = subresources[i % subresources.length]!;
    const events = (...sent: Details[]): Event[] => withCorsEvents(sent).map(([listener, details]) => fresh(details, details.url as string, listener));
    // A few redirects (then 200), 304 revalidations and 204 beacons among the plain 200s.
    if (i % 50 === 1) return { kind: 'ok', events: events(hop, ok) };
    if (i % 25 === 2) return { kind: 'ok', events: events(status(ok, 304, 'Not Modified')) };
    if (i % 50 === 3) return { kind: 'ok', events: events(status(ok, 204, 'No Content')) };
    // Every 20th fetch goes to another origin, allowed with Access-Control-Allow-Origin: *.
    if (i % 20 === 4 && ok.type === 'xmlhttprequest') return { kind: 'ok', events: events(crossOrigin(ok)) };
    return { kind: 'ok', events: events(ok) };
  }

  /** The next failure kind; a failed navigation only happens in a tab that navigates, so apps skip it. */
  private nextFailure(navigates: boolean): [number, Details][] {
    let events = FAILURES[this.failures++ % FAILURES.length]!;
    if (isPageFailure(events) && !navigates) events = FAILURES[this.failures++ % FAILURES.length]!;
    return events;
  }
}

const docId = (tab: number, load: number): string => `${tab.toString(16).padStart(8, '0')}${load.toString(16).padStart(24, '0')}`.toUpperCase();
