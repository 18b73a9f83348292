// Which response headers we keep, and reading them safely.
import { cut } from './text';

export interface HeaderLike {
  name: string;
  value?: string;
}

/** Ids support desks ask for, in the order they are most useful. */
export const REQUEST_ID_HEADERS: readonly string[] = [
  'x-request-id', 'cf-ray', 'x-amz-cf-id', 'x-amzn-requestid', 'x-amzn-trace-id', 'x-vercel-id', 'x-nf-request-id',
  'x-correlation-id', 'x-github-request-id', 'x-akamai-request-id', 'x-cloud-trace-context', 'x-trace-id',
  'fly-request-id', 'x-azure-ref', 'x-ms-request-id', 'x-fastly-request-id', 'x-served-by',
];

/** Headers the explanations read: retry hints, auth, redirects, who answered, and the request ids. */
const KEPT = new Set([
  'retry-after', 'allow', 'www-authenticate', 'proxy-authenticate', 'location', 'content-type',
  'server', 'via', 'x-powered-by', 'x-cache', 'cf-cache-status', 'x-amz-cf-pop',
  ...REQUEST_ID_HEADERS,
]);
const KEPT_PREFIXES = ['x-akamai-'];
const MAX_HEADERS = 24;
const MAX_VALUE_LENGTH = 512;
/** Names and values in all: what one record's headers may take. */
export const MAX_HEADER_BYTES = 4096;

const isKept = (name: string): boolean => KEPT.has(name) || KEPT_PREFIXES.some((p) => name.startsWith(p));

/** The relevant headers, names lower-cased, values clipped; undefined when none is relevant. */
export function pickHeaders(headers: readonly HeaderLike[]): Record<string, string> | undefined {
  let picked: Record<string, string> | undefined;
  let kept = 0;
  let bytes = 0;
  for (const header of headers) {
    if (typeof header?.name !== 'string') continue;
    const name = header.name.toLowerCase();
    if (!isKept(name) || typeof header.value !== 'string') continue;
    // Repeated headers (several WWW-Authenticate challenges) are joined, as HTTP allows.
    const before = picked?.[name];
    const clipped = cut(header.value, MAX_VALUE_LENGTH);
    const value = before === undefined ? clipped : cut(`${before}, ${clipped}`, MAX_VALUE_LENGTH);
    const grows = before === undefined ? name.length + value.length : value.length - before.length;
    // Over the budget in all: what is kept stays whole, and a smaller header further on may still fit.
    if (bytes + grows > MAX_HEADER_BYTES) continue;
    bytes += grows;
    picked ??= {};
    picked[name] = value;
    if (++kept >= MAX_HEADERS) break;
  }
  return picked;
}

/** The relevant headers as the browser lists them, for an answer kept until its request ends (pickHeaders of them is the same). */
export function keptHeaders(headers: readonly HeaderLike[]): HeaderLike[] | undefined {
  const picked = pickHeaders(headers);
  return picked && Object.entries(picked).map(([name, value]) => ({ name, value }));
}
