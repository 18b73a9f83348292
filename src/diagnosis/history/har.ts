// HAR 1.2 export: one entry per failure, in the shape DevTools imports. Pure; yields one entry at a time.
// What is not observed (request headers, bodies, timings) gets HAR's "unknown" values.
import type { HistoryEntry } from '../types';
import { headersFor, pageTitleFor, urlFor, type ExportContext } from './export';

const httpVersionOf = (statusLine: string | undefined): string => /^(HTTP\/[\d.]+)/i.exec(statusLine ?? '')?.[1] ?? '';
const statusTextOf = (statusLine: string | undefined): string => /^\S+\s+\d+\s*(.*)$/.exec(statusLine ?? '')?.[1] ?? '';
const isIp = (ip: string | undefined): ip is string => !!ip && (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip) || /^[0-9a-f:.]*:[0-9a-f:.]*$/i.test(ip));

/** HAR wants a URI: characters a browser would have percent-encoded are encoded (odd stored URLs stay valid). */
const uriOf = (url: string): string => url.replace(/[^\x21-\x7e]|["<>\\^`{|}]/gu, encodeChar);

function encodeChar(c: string): string {
  try {
    return encodeURIComponent(c);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate: the replacement character
  }
}

function queryStringOf(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function harEntry(entry: HistoryEntry, pageref: string | undefined, context: ExportContext) {
  const url = uriOf(urlFor(context, entry.url));
  const headers = headersFor(context, entry.headers);
  const httpVersion = httpVersionOf(entry.statusLine);
  const location = headers.find(([name]) => name === 'location')?.[1] ?? '';
  return {
    pageref,
    startedDateTime: new Date(entry.timeStamp).toISOString(),
    time: 0,
    request: { method: entry.method, url, httpVersion, cookies: [], headers: [], queryString: queryStringOf(url), headersSize: -1, bodySize: -1 },
    response: {
      status: entry.statusCode ?? 0, statusText: statusTextOf(entry.statusLine), httpVersion, cookies: [],
      headers: headers.map(([name, value]) => ({ name, value })),
      content: { size: 0, mimeType: headers.find(([name]) => name === 'content-type')?.[1] ?? 'x-unknown' },
      redirectURL: location, headersSize: -1, bodySize: -1,
      _error: entry.error,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 0, receive: 0 },
    serverIPAddress: isIp(entry.ip) ? entry.ip : undefined,
    comment: context.explain(entry).title,
    _resourceType: entry.type, _stage: entry.stage, _code: entry.code, _count: entry.count, _tabId: entry.tabId,
    _lastSeen: new Date(entry.lastSeen).toISOString(),
    _redirects: entry.redirects?.map((u) => urlFor(context, u)),
  };
}

export function* harParts(entries: readonly HistoryEntry[], context: ExportContext): Generator<string> {
  // One HAR page per page a failure happened on (tab and URL); requests without a tab have none.
  const pageIds = new Map<string, string>();
  const pages: { startedDateTime: string; id: string; title: string; pageTimings: object }[] = [];
  for (const entry of [...entries].sort((a, b) => a.timeStamp - b.timeStamp)) {
    const key = `${entry.tabId} ${entry.pageUrl}`;
    if (!entry.pageUrl || pageIds.has(key)) continue;
    const id = `page_${pages.length + 1}`;
    pageIds.set(key, id);
    pages.push({ startedDateTime: new Date(entry.timeStamp).toISOString(), id, title: pageTitleFor(context, entry) || urlFor(context, entry.pageUrl), pageTimings: {} });
  }
  const log = {
    version: '1.2',
    creator: { name: 'Request Doctor', version: context.extensionVersion },
    browser: context.browser,
    pages,
  };
  yield `{"log":${JSON.stringify(log).slice(0, -1)},"entries":[`;
  let first = true;
  for (const entry of entries) {
    yield `${first ? '' : ','}\n${JSON.stringify(harEntry(entry, pageIds.get(`${entry.tabId} ${entry.pageUrl}`), context))}`;
    first = false;
  }
  yield '\n]}}\n';
}
