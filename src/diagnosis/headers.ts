// Which response headers we keep, and reading them safely.

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

const isKept = (name: string): boolean => KEPT.has(name) || KEPT_PREFIXES.some((p) => name.startsWith(p));

/** The relevant headers, names lower-cased, values clipped; undefined when none is relevant. */
export function pickHeaders(headers: readonly HeaderLike[]): Record<string, string> | undefined {
  let picked: Record<string, string> | undefined;
  let kept = 0;
  for (const header of headers) {
    if (typeof header?.name !== 'string') continue;
    const name = header.name.toLowerCase();
    if (!isKept(name) || typeof header.value !== 'string') continue;
    picked ??= {};
    // Repeated headers (several WWW-Authenticate challenges) are joined, as HTTP allows.
    const value = header.value.slice(0, MAX_VALUE_LENGTH);
    picked[name] = name in picked ? `${picked[name]}, ${value}`.slice(0, MAX_VALUE_LENGTH) : value;
    if (++kept >= MAX_HEADERS) break;
  }
  return picked;
}
