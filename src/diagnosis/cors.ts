// Which CORS rule refused a cross-origin fetch/XHR, from what was seen of its answer and of its preflight.
// The rules and their order are the Fetch standard's CORS check and CORS-preflight fetch, named as
// Chromium's CorsError names them. What the extension cannot see (the request's credentials mode, the
// headers a preflight asked for) is inferred from the failure itself and marked as inferred. Pure.
import { isWebOrigin, sameOrigin, type CorsAnswer } from './cors-answer';

export const CORS_RULES = [
  'CORS_MISSING_ALLOW_ORIGIN', 'CORS_MULTIPLE_ALLOW_ORIGIN_VALUES', 'CORS_WILDCARD_ORIGIN_NOT_ALLOWED',
  'CORS_ALLOW_ORIGIN_MISMATCH', 'CORS_INVALID_ALLOW_CREDENTIALS', 'CORS_PREFLIGHT_INVALID_STATUS',
  'CORS_PREFLIGHT_DISALLOWED_REDIRECT', 'CORS_METHOD_DISALLOWED_BY_PREFLIGHT', 'CORS_HEADER_DISALLOWED_BY_PREFLIGHT',
] as const;
export type CorsRule = (typeof CORS_RULES)[number];

export const isCorsRule = (code: string): code is CorsRule => (CORS_RULES as readonly string[]).includes(code);

/** What the card says about a CORS refusal: every value read from the answers, or from the request. */
export interface CorsDetail {
  /** Absent: the request was cross-origin and failed without a reason, but no answer was seen to tell why. */
  rule?: CorsRule;
  /** The page's origin (the request's initiator). */
  pageOrigin: string;
  /** Access-Control-Allow-Origin as the server sent it. */
  allowOrigin?: string;
  /** The rule failed on the preflight's answer, not on the request's own. */
  preflight?: true;
  /** The preflight's status. */
  status?: number;
  /** What the preflight allowed: Access-Control-Allow-Methods or -Headers, as sent. */
  allowed?: string;
  method?: string;
  /** The request header the preflight did not allow, when it was seen. */
  header?: string;
  /** The request must have carried credentials (cookies): no other credentials mode fails on these headers. */
  credentialsInferred?: true;
  /** The answer said `Vary: Origin` (without it, a cache may serve one origin's answer to another). */
  varyOrigin?: boolean;
}

export interface CorsRequest {
  url: string;
  method?: string;
  type?: string;
  initiator?: string;
  error?: string;
}

export interface CorsEvidence {
  /** The request's own answer, when it was sent and answered. */
  answer?: Readonly<CorsAnswer>;
  /** The preflight seen for the same URL and page just before. */
  preflight?: Readonly<CorsAnswer>;
}

export interface CorsFinding {
  detail: CorsDetail;
  /** The error status the page could not read, because the answer's CORS headers refused it. */
  hiddenStatus?: number;
}

/** The error strings a browser gives a CORS refusal: Chromium's catch-all, Firefox's for a refused preflight. */
const BARE_FAILURES = new Set(['net::ERR_FAILED', 'NS_ERROR_DOM_BAD_URI']);
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

const list = (value: string | undefined): string[] => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);

/** The page's origin of a fetch/XHR that failed without a reason and went to another origin: the only requests CORS refuses. */
export function crossOriginPage({ url, type, initiator, error }: CorsRequest): string | undefined {
  const bare = type === 'xmlhttprequest' && typeof error === 'string' && BARE_FAILURES.has(error);
  if (!bare || typeof initiator !== 'string' || !isWebOrigin(initiator)) return undefined;
  return typeof url === 'string' && !sameOrigin(url, initiator) ? initiator : undefined;
}

/** The CORS check (Fetch §4.9) on one answer; undefined when it passes whatever the credentials mode. */
function checkAccess(answer: Readonly<CorsAnswer>, pageOrigin: string): CorsDetail | undefined {
  const allowOrigin = answer.allowsPage ? pageOrigin : answer.allowOrigin;
  const base: CorsDetail = { pageOrigin, allowOrigin, varyOrigin: list(answer.vary).some((v) => v.toLowerCase() === 'origin' || v === '*') };
  if (allowOrigin === undefined) return { ...base, rule: 'CORS_MISSING_ALLOW_ORIGIN' };
  if (allowOrigin.includes(',')) return { ...base, rule: 'CORS_MULTIPLE_ALLOW_ORIGIN_VALUES' };
  // '*' passes without credentials; the request failed, so it carried them.
  if (allowOrigin === '*') return { ...base, rule: 'CORS_WILDCARD_ORIGIN_NOT_ALLOWED', credentialsInferred: true };
  if (allowOrigin !== pageOrigin) return { ...base, rule: 'CORS_ALLOW_ORIGIN_MISMATCH' };
  // The origin matches: only a request with credentials still needs Access-Control-Allow-Credentials: true.
  if (answer.allowCredentials !== 'true') return { ...base, rule: 'CORS_INVALID_ALLOW_CREDENTIALS', credentialsInferred: true };
  return undefined;
}

/** The CORS-preflight fetch's checks (Fetch §4.8), in order: redirect, status, access, method, headers. */
function checkPreflight(preflight: Readonly<CorsAnswer>, pageOrigin: string, method: string): CorsDetail | undefined {
  const status = preflight.status;
  const flagged = (detail: CorsDetail): CorsDetail => ({ ...detail, preflight: true, status });
  if (status !== undefined && status >= 300 && status < 400) return flagged({ pageOrigin, rule: 'CORS_PREFLIGHT_DISALLOWED_REDIRECT' });
  if (status !== undefined && (status < 200 || status >= 300)) return flagged({ pageOrigin, rule: 'CORS_PREFLIGHT_INVALID_STATUS' });
  const access = checkAccess(preflight, pageOrigin);
  // A missing, doubled or other origin refuses every request; '*' or no Allow-Credentials only one with credentials.
  if (access && !access.credentialsInferred) return flagged(access);
  const methods = list(preflight.allowMethods);
  const methodListed = SAFELISTED_METHODS.has(method) || methods.includes(method);
  const methodDetail: CorsDetail = { pageOrigin, rule: 'CORS_METHOD_DISALLOWED_BY_PREFLIGHT', method, allowed: preflight.allowMethods };
  if (!methodListed && !methods.includes('*')) return flagged(methodDetail);
  const allowed = new Set(list(preflight.allowHeaders).map((h) => h.toLowerCase()));
  const requested = list(preflight.requestedHeaders).map((h) => h.toLowerCase());
  const unlisted = requested.find((h) => !allowed.has(h));
  const headerDetail: CorsDetail = { pageOrigin, rule: 'CORS_HEADER_DISALLOWED_BY_PREFLIGHT', allowed: preflight.allowHeaders, ...(unlisted ? { header: unlisted } : {}) };
  // '*' allows every header but Authorization, and only to a request without credentials.
  if (unlisted && (!allowed.has('*') || unlisted === 'authorization')) return flagged(headerDetail);
  // Its request was not seen (a restart in between): every other check passed, so a header failed.
  if (preflight.requestedHeaders === undefined && !access) return flagged(headerDetail);
  // Everything passes without credentials, so the request carried them, and what '*' allowed does not count.
  if (access) return flagged(access);
  if (!methodListed) return flagged({ ...methodDetail, credentialsInferred: true });
  if (unlisted) return flagged({ ...headerDetail, credentialsInferred: true });
  return undefined;
}

/**
 * Why a failed cross-origin fetch/XHR failed, as far as the evidence tells; undefined when CORS is not the
 * matter (not a bare failure, same origin, or its answer passed the CORS check). A finding without a rule
 * means: cross-origin, and nothing was seen that tells why.
 */
export function judgeCors(request: CorsRequest, evidence: CorsEvidence = {}): CorsFinding | undefined {
  const pageOrigin = crossOriginPage(request);
  if (pageOrigin === undefined) return undefined;
  const { answer, preflight } = evidence;
  // An answer means the request was sent, so any preflight before it passed.
  if (answer) {
    const detail = checkAccess(answer, pageOrigin);
    if (!detail) return undefined;
    return answer.status !== undefined && answer.status >= 400 ? { detail, hiddenStatus: answer.status } : { detail };
  }
  if (preflight) {
    const detail = checkPreflight(preflight, pageOrigin, (request.method ?? 'GET').toUpperCase());
    return detail && { detail };
  }
  return { detail: { pageOrigin } };
}
