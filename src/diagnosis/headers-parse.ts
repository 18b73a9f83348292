// Parsers for the response headers the advice reads. Every input is untrusted: never throw.
import { REQUEST_ID_HEADERS } from './headers';

export type RetryAfter =
  | { kind: 'wait'; seconds: number; at: number }
  | { kind: 'past' }
  | { kind: 'invalid'; value: string };

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string, now: number): RetryAfter {
  const text = value.trim();
  if (/^-?\d+$/.test(text)) {
    const seconds = Number(text);
    if (seconds <= 0) return { kind: 'past' };
    return { kind: 'wait', seconds, at: now + seconds * 1000 };
  }
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return { kind: 'invalid', value: text.slice(0, 40) };
  if (date <= now) return { kind: 'past' };
  return { kind: 'wait', seconds: Math.round((date - now) / 1000), at: date };
}

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
export const MAX_LISTED_METHODS = 12;

/** Allow: a comma-separated list of method tokens; junk dropped, duplicates merged. */
export function parseAllow(value: string): string[] {
  const methods = new Set<string>();
  for (const part of value.split(',')) {
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

/** The first challenge of WWW-Authenticate / Proxy-Authenticate, with its realm and error. */
export function parseChallenge(value: string): Challenge | undefined {
  const match = /^\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)/.exec(value);
  if (!match) return undefined;
  const challenge: Challenge = { scheme: match[1]!.slice(0, 30) };
  const param = (name: string): string | undefined => {
    const found = new RegExp(`\\b${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^\\s,]+))`, 'i').exec(value);
    const text = found?.[1] ?? found?.[2];
    return text === undefined ? undefined : text.replace(/\\(.)/g, '$1').slice(0, 120);
  };
  const realm = param('realm');
  if (realm !== undefined) challenge.realm = realm;
  const error = param('error');
  if (error !== undefined) challenge.error = error;
  const description = param('error_description');
  if (description !== undefined) challenge.errorDescription = description;
  return challenge;
}

export interface Layer {
  name: string;
  /** A proxy or CDN in front of the real server (rather than the application server itself). */
  proxy: boolean;
}

const has = (headers: Readonly<Record<string, string>>, name: string): boolean => name in headers;

/** "nginx" alone, or "nginx (nginx/1.22.1)" when the Server header says more. */
const product = (name: string, server: string | undefined): string =>
  !server || server.toLowerCase() === name.toLowerCase() ? name : `${name} (${server})`;

/** Who produced the response, from Server, Via, X-Powered-By and CDN headers. */
export function answeredBy(headers: Readonly<Record<string, string>>): Layer | undefined {
  const server = (headers.server ?? '').toLowerCase();
  const via = (headers.via ?? '').toLowerCase();
  if (has(headers, 'cf-ray') || server.includes('cloudflare')) return { name: 'Cloudflare', proxy: true };
  if (has(headers, 'x-amz-cf-id') || via.includes('cloudfront')) return { name: 'Amazon CloudFront', proxy: true };
  if (has(headers, 'x-vercel-id') || server === 'vercel') return { name: 'Vercel', proxy: true };
  if (has(headers, 'x-nf-request-id') || server.includes('netlify')) return { name: 'Netlify', proxy: true };
  if (Object.keys(headers).some((k) => k.startsWith('x-akamai-')) || server.includes('akamai')) return { name: 'Akamai', proxy: true };
  if (has(headers, 'x-fastly-request-id') || (has(headers, 'x-served-by') && /cache-/.test(headers['x-served-by'] ?? ''))) return { name: 'Fastly', proxy: true };
  if (server.startsWith('awselb') || server.startsWith('elb')) return { name: 'an AWS load balancer', proxy: true };
  if (server.includes('google frontend') || server === 'gfe') return { name: 'Google Front End', proxy: true };
  if (server.startsWith('envoy')) return { name: 'an Envoy proxy', proxy: true };
  if (server.includes('varnish') || via.includes('varnish')) return { name: 'a Varnish cache', proxy: true };
  if (server.includes('haproxy')) return { name: 'HAProxy', proxy: true };
  if (server.startsWith('nginx') || server.startsWith('openresty')) return { name: product('nginx', headers.server), proxy: true };
  if (server.includes('apache')) return { name: product('Apache', headers.server), proxy: false };
  if (server.includes('iis')) return { name: product('Microsoft IIS', headers.server), proxy: false };
  if (server) return { name: `a server that calls itself "${headers.server}"`, proxy: via !== '' };
  if (via) return { name: `a proxy (Via: ${headers.via})`, proxy: true };
  if (headers['x-powered-by']) return { name: `an application on ${headers['x-powered-by']}`, proxy: false };
  return undefined;
}

/** Ids support desks ask for, in the order they are most useful. */
export function requestIds(headers: Readonly<Record<string, string>>): [string, string][] {
  return REQUEST_ID_HEADERS.filter((name) => headers[name]).map((name) => [name, headers[name]!]);
}

/** A rough registrable domain (the last two labels, three under short second levels like co.uk). */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels.at(-1)!)) return labels.join('.');
  const take = labels.at(-2)!.length <= 3 && labels.at(-1)!.length === 2 ? 3 : 2;
  return labels.slice(-take).join('.');
}
