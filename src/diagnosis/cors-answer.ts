// What a cross-origin answer said about CORS, read from its headers once and kept small. Pure.
import type { HeaderLike } from './headers';
import { cut } from './text';

/** The CORS headers of one answer (or of a preflight's answer), values clipped. */
export interface CorsAnswer {
  /** Kept only where it matters: an error status (the page could not read it), or a preflight's status. */
  status?: number;
  /** Access-Control-Allow-Origin as sent; several headers are joined with ", ". */
  allowOrigin?: string;
  allowCredentials?: string;
  allowMethods?: string;
  allowHeaders?: string;
  vary?: string;
  /** Access-Control-Allow-Origin named the page's own origin (the value is the page's, so it is not kept). */
  allowsPage?: true;
  /** A preflight's Access-Control-Request-Headers: the headers the page's request wanted to send. */
  requestedHeaders?: string;
  /** When it arrived (a preflight is matched only with the request right after it). */
  at?: number;
}

const MAX_VALUE = 200;
const NAMES = new Map<string, 'allowOrigin' | 'allowCredentials' | 'allowMethods' | 'allowHeaders' | 'vary'>([
  ['access-control-allow-origin', 'allowOrigin'],
  ['access-control-allow-credentials', 'allowCredentials'],
  ['access-control-allow-methods', 'allowMethods'],
  ['access-control-allow-headers', 'allowHeaders'],
  ['vary', 'vary'],
]);
const REQUESTED_HEADERS = 'access-control-request-headers';

/** Two answers that pass for every page with these origins need no record at all; these two need only their kind. */
export const WILDCARD_ANSWER: Readonly<CorsAnswer> = Object.freeze({ allowOrigin: '*' });
export const PAGE_ORIGIN_ANSWER: Readonly<CorsAnswer> = Object.freeze({ allowsPage: true });

/**
 * The page's origin of a request: Chromium's initiator, or the origin of Firefox's originUrl (a whole URL,
 * so it is parsed: done only for preflights and failures).
 */
export function pageOriginOf({ initiator, originUrl }: { initiator?: string; originUrl?: string }): string | undefined {
  if (typeof initiator === 'string') return initiator;
  if (typeof originUrl !== 'string') return undefined;
  try {
    return new URL(originUrl).origin;
  } catch {
    return undefined;
  }
}

/** Whether CORS applies to requests of this page: a web page's origin (an extension's own pages are exempt). */
export const isWebOrigin = (initiator: string): boolean => initiator.startsWith('http') || initiator === 'null';

/** Whether a URL is of the same origin as the page (`initiator`), without parsing or allocating. */
export function sameOrigin(url: string, initiator: string): boolean {
  if (!url.startsWith(initiator)) return false;
  const next = url.charCodeAt(initiator.length);
  // The origin ends where the path, query or fragment begins ("http://a.test" is not "http://a.test.evil").
  return Number.isNaN(next) || next === 47 || next === 63 || next === 35;
}

/** The CORS headers of an answer, with the status when it is an error (or `keepStatus`). */
export function readCorsAnswer(headers: readonly HeaderLike[] | undefined, status: number, at: number, keepStatus = false): CorsAnswer {
  const answer: CorsAnswer = { at };
  if (keepStatus || status >= 400) answer.status = status;
  if (!Array.isArray(headers)) return answer;
  for (const header of headers) {
    if (typeof header?.name !== 'string' || typeof header.value !== 'string') continue;
    const key = NAMES.get(header.name.toLowerCase());
    if (!key) continue;
    const value = cut(header.value, MAX_VALUE);
    answer[key] = answer[key] === undefined ? value : cut(`${answer[key]}, ${value}`, MAX_VALUE * 2);
  }
  return answer;
}

/** A preflight's Access-Control-Request-Headers, read from its request headers. */
export function requestedHeadersOf(headers: readonly HeaderLike[] | undefined): string | undefined {
  if (!Array.isArray(headers)) return undefined;
  const header = headers.find((h) => typeof h?.name === 'string' && h.name.length === REQUESTED_HEADERS.length && h.name.toLowerCase() === REQUESTED_HEADERS);
  return typeof header?.value === 'string' ? cut(header.value, MAX_VALUE) : undefined;
}

/**
 * How a cross-origin answer to a non-preflight request is kept: undefined when it passes whatever the
 * request's credentials mode (nothing to keep), a shared constant when it passes without credentials only,
 * else its headers. Looks at the headers without allocating until it knows it must keep them.
 */
export function corsAnswerToKeep(headers: readonly HeaderLike[] | undefined, status: number, initiator: string, at: number): Readonly<CorsAnswer> | undefined {
  let origin: string | undefined;
  let origins = 0;
  let credentials = false;
  if (Array.isArray(headers)) {
    for (const header of headers) {
      const name = header?.name;
      // Cheap length checks first: most headers are neither.
      if (typeof name !== 'string' || (name.length !== 27 && name.length !== 32)) continue;
      const lower = name.toLowerCase();
      if (lower === 'access-control-allow-origin') {
        origin = header.value;
        origins++;
      } else if (lower === 'access-control-allow-credentials') credentials = header.value === 'true';
    }
  }
  if (status < 400 && origins === 1) {
    if (origin === initiator) return credentials ? undefined : PAGE_ORIGIN_ANSWER;
    if (origin === '*') return WILDCARD_ANSWER;
  }
  return readCorsAnswer(headers, status, at);
}
