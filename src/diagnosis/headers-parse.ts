// Parsers for the response headers the advice reads. Every input is untrusted: never throw.
import { REQUEST_ID_HEADERS } from './headers';

export type RetryAfter =
  | { kind: 'wait'; seconds: number; at: number }
  | { kind: 'past' }
  /** More than a year away: no plan to come back (or Long.MAX_VALUE seconds), and past what dates can format. */
  | { kind: 'far' }
  | { kind: 'invalid'; value: string };

/** Longer than this is no wait one can plan for (or a misconfiguration such as Long.MAX_VALUE seconds). */
const MAX_RETRY_SECONDS = 366 * 24 * 3600;
/** An HTTP-date in any of its three forms (RFC 9110 §5.6.7) has a year and a time of day; a bare "May 2" does not. */
const HTTP_DATE = /^[A-Za-z]{3,9}, ?\d{1,2}[ -][A-Za-z]{3}[ -]\d{2,4} \d{2}:\d{2}:\d{2} GMT$|^[A-Za-z]{3} [A-Za-z]{3} +\d{1,2} \d{2}:\d{2}:\d{2} \d{4}$/;

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string, now: number): RetryAfter {
  // A repeated header arrives joined ("120, 60"): the first one counts. (An HTTP-date has a comma of its own.)
  const text = value.trim().replace(/^(\d+)\s*,.*$/s, '$1');
  const invalid: RetryAfter = { kind: 'invalid', value: text.slice(0, 40) };
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    if (seconds > MAX_RETRY_SECONDS) return { kind: 'far' };
    if (seconds === 0) return { kind: 'past' };
    return { kind: 'wait', seconds, at: now + seconds * 1000 };
  }
  const date = HTTP_DATE.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return invalid;
  if (date - now > MAX_RETRY_SECONDS * 1000) return { kind: 'far' };
  // Under a second away is now ("in 0 seconds" helps nobody).
  const seconds = Math.round((date - now) / 1000);
  return seconds <= 0 ? { kind: 'past' } : { kind: 'wait', seconds, at: date };
}

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
export const MAX_LISTED_METHODS = 12;

/** Allow: a comma-separated list of method tokens (some servers separate them by spaces); junk dropped, duplicates merged. */
export function parseAllow(value: string): string[] {
  const methods = new Set<string>();
  for (const part of value.split(/[,\s]+/)) {
    const method = part.trim().toUpperCase();
    if (method && method.length <= 20 && TOKEN.test(method)) methods.add(method);
  }
  return [...methods];
}

export interface Challenge {
  scheme: string;
  realm?: string;
  error?: string;
  errorDescription?: string;
}

/** One auth-param (`name=token` or `name="quoted"`), with the comma before it. */
const AUTH_PARAM = /^\s*,?\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*/;

/**
 * The first challenge of WWW-Authenticate / Proxy-Authenticate, with its realm and error: only its own
 * parameters (the next challenge starts at a scheme without "=", as in `Basic realm="a", Bearer error="x"`,
 * and a quoted value may hold "realm=" or commas).
 */
export function parseChallenge(value: string): Challenge | undefined {
  const match = /^\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)(?=\s|,|$)/.exec(value);
  if (!match) return undefined;
  const challenge: Challenge = { scheme: match[1]!.slice(0, 30) };
  const params = new Map<string, string>();
  let rest = value.slice(match[0].length);
  for (let found = AUTH_PARAM.exec(rest); found; found = AUTH_PARAM.exec(rest)) {
    const name = found[1]!.toLowerCase();
    if (!params.has(name)) params.set(name, (found[2] ?? found[3] ?? '').replace(/\\(.)/g, '$1').slice(0, 120));
    rest = rest.slice(found[0].length);
  }
  const realm = params.get('realm');
  if (realm !== undefined) challenge.realm = realm;
  const error = params.get('error');
  if (error !== undefined) challenge.error = error;
  const description = params.get('error_description');
  if (description !== undefined) challenge.errorDescription = description;
  return challenge;
}

/** Who produced a response, as an id the catalog words (`layers` in <lang>/advice.json), never as English. */
export type LayerId =
  | 'cloudflare' | 'cloudfront' | 'vercel' | 'netlify' | 'akamai' | 'fastly' | 'awsLoadBalancer' | 'googleFrontEnd'
  | 'envoy' | 'varnish' | 'haproxy' | 'nginx' | 'apache' | 'iis' | 'server' | 'via' | 'poweredBy';

export interface Layer {
  id: LayerId;
  /** The header value that names it more precisely ("nginx/1.22.1"), shown as is. */
  detail?: string;
  /** A proxy or CDN in front of the real server (rather than the application server itself). */
  proxy: boolean;
}

const has = (headers: Readonly<Record<string, string>>, name: string): boolean => name in headers;

/** nginx alone, or with the Server header when it says more (a version). */
const product = (id: LayerId, name: string, server: string | undefined, proxy: boolean): Layer =>
  !server || server.toLowerCase() === name ? { id, proxy } : { id, detail: server, proxy };

/** Who produced the response, from Server, Via, X-Powered-By and CDN headers. */
export function answeredBy(headers: Readonly<Record<string, string>>): Layer | undefined {
  const server = (headers.server ?? '').toLowerCase();
  const via = (headers.via ?? '').toLowerCase();
  if (has(headers, 'cf-ray') || server.includes('cloudflare')) return { id: 'cloudflare', proxy: true };
  if (has(headers, 'x-amz-cf-id') || via.includes('cloudfront')) return { id: 'cloudfront', proxy: true };
  if (has(headers, 'x-vercel-id') || server === 'vercel') return { id: 'vercel', proxy: true };
  if (has(headers, 'x-nf-request-id') || server.includes('netlify')) return { id: 'netlify', proxy: true };
  if (Object.keys(headers).some((k) => k.startsWith('x-akamai-')) || server.includes('akamai')) return { id: 'akamai', proxy: true };
  if (has(headers, 'x-fastly-request-id') || (has(headers, 'x-served-by') && /cache-/.test(headers['x-served-by'] ?? ''))) return { id: 'fastly', proxy: true };
  if (server.startsWith('awselb') || server.startsWith('elb')) return { id: 'awsLoadBalancer', proxy: true };
  if (server.includes('google frontend') || server === 'gfe') return { id: 'googleFrontEnd', proxy: true };
  if (server.startsWith('envoy')) return { id: 'envoy', proxy: true };
  if (server.includes('varnish') || via.includes('varnish')) return { id: 'varnish', proxy: true };
  if (server.includes('haproxy')) return { id: 'haproxy', proxy: true };
  if (server.startsWith('nginx') || server.startsWith('openresty')) return product('nginx', 'nginx', headers.server, true);
  if (server.includes('apache')) return product('apache', 'apache', headers.server, false);
  if (server.includes('iis')) return product('iis', 'microsoft iis', headers.server, false);
  if (server) return { id: 'server', detail: headers.server!, proxy: via !== '' };
  if (via) return { id: 'via', detail: headers.via!, proxy: true };
  if (headers['x-powered-by']) return { id: 'poweredBy', detail: headers['x-powered-by'], proxy: false };
  return undefined;
}

/** Ids support desks ask for, in the order they are most useful. */
export function requestIds(headers: Readonly<Record<string, string>>): [string, string][] {
  return REQUEST_ID_HEADERS.filter((name) => headers[name]).map((name) => [name, headers[name]!]);
}

/**
 * Second levels under which anyone registers (co.uk): the common ones of the Public Suffix List. Not every
 * short second level is one: sbb.ch, bmw.de and x.ai are sites of their own.
 */
const SHARED_SECOND_LEVELS = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'net.uk', 'ltd.uk', 'plc.uk', 'nhs.uk', 'police.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'co.nz', 'net.nz', 'org.nz', 'govt.nz',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp', 'co.kr', 'or.kr', 'go.kr', 'co.in', 'net.in', 'org.in', 'gov.in',
  'com.br', 'net.br', 'org.br', 'gov.br', 'com.ar', 'com.mx', 'com.co', 'com.pe', 'com.tr', 'gov.tr', 'co.za', 'org.za',
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'com.hk', 'com.tw', 'com.sg', 'com.my', 'co.id', 'co.il', 'co.th', 'com.ph', 'com.vn',
  'com.ua', 'com.pl', 'com.es', 'gouv.fr', 'co.at', 'or.at', 'gv.at', 'com.eg', 'com.sa', 'com.ng', 'co.ke',
  'github.io', 'gitlab.io', 'netlify.app', 'vercel.app', 'pages.dev', 'workers.dev', 'herokuapp.com', 'azurewebsites.net',
  'cloudfront.net', 'appspot.com', 'web.app', 'firebaseapp.com', 'blogspot.com', 'myshopify.com',
]);

/** The registrable domain, roughly: the last two labels, three under a shared second level (example.co.uk). */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels.at(-1)!)) return labels.join('.');
  return labels.slice(SHARED_SECOND_LEVELS.has(labels.slice(-2).join('.')) ? -3 : -2).join('.');
}
