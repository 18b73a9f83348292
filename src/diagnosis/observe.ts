// Browser event details → the stored record of a failure, or null. The single pure call per webRequest event.
import { classify, classifyCors, type ClassifyOptions } from './classify';
import { judgeCors, type CorsDetail, type CorsEvidence } from './cors';
import { pageOriginOf } from './cors-answer';
import { keptHeaders, pickHeaders, type HeaderLike } from './headers';
import { cut } from './text';
import type { FailureRecord, Observation } from './types';

/**
 * What onCompleted/onErrorOccurred hand us (Chromium and Firefox): the observation's own fields, as the
 * browser names them, plus the three it names otherwise. The headers and redirects are derived from these.
 */
export type RequestDetails = Omit<Observation, 'headers' | 'redirects' | 'private'> & {
  /** Firefox's name for the initiator. */
  originUrl?: string;
  /** Firefox: the request came from a private window (Chromium's caller sets it from the tab). */
  incognito?: boolean;
  /** A sub-frame's request belongs to the document that holds the frame. */
  parentDocumentId?: string;
  responseHeaders?: readonly HeaderLike[];
};

/** URLs longer than this are cut, so one odd request cannot fill session storage. */
export const MAX_URL_LENGTH = 4096;

export function clipUrl(url: unknown): string {
  const text = typeof url === 'string' ? url : String(url ?? '');
  return text.length > MAX_URL_LENGTH ? `${cut(text, MAX_URL_LENGTH)}…` : text;
}

/**
 * Whether a failure is the failed load of the page at `url`: the browser's error page (and its auto-reload)
 * commits the very URL that failed, maybe after redirects, so that commit must not clear it away.
 */
export function isLoadOf(record: Pick<FailureRecord, 'type' | 'url' | 'redirects'>, url: string): boolean {
  // Failure URLs are cut to a length; a long committed URL must be cut alike to match its own failure.
  const clipped = clipUrl(url);
  return record.type === 'main_frame' && (record.url === clipped || record.redirects?.includes(clipped) === true);
}

const clip = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value !== '' ? cut(value, max) : undefined;

/** Lengths the stored fields are cut to (the URL's is MAX_URL_LENGTH). */
const MAX = { method: 16, type: 32, statusLine: 256, error: 512, ip: 64, initiator: 512, documentId: 64 };

/**
 * An error answer as kept until its request ends (see observe's `answer`): only what observe() reads of it,
 * cut as observe() cuts it, and only the headers it keeps. A server can send any number of headers of any size.
 */
export function keptAnswer(details: RequestDetails): RequestDetails {
  return {
    url: clipUrl(details.url), method: clip(details.method, MAX.method) ?? 'GET', type: clip(details.type, MAX.type) ?? 'other',
    tabId: details.tabId, timeStamp: details.timeStamp, statusCode: details.statusCode, statusLine: clip(details.statusLine, MAX.statusLine),
    ip: clip(details.ip, MAX.ip), initiator: clip(details.initiator ?? details.originUrl, MAX.initiator),
    documentId: clip(details.documentId ?? details.parentDocumentId, MAX.documentId),
    responseHeaders: details.responseHeaders && keptHeaders(details.responseHeaders),
  };
}

/** The CORS detail as stored: every value clipped, so a hostile server cannot grow the record. */
function clipCors(detail: CorsDetail): CorsDetail {
  const clipped: CorsDetail = { ...detail, pageOrigin: cut(detail.pageOrigin, MAX.initiator) };
  for (const key of ['allowOrigin', 'allowed', 'method', 'header'] as const) if (clipped[key] !== undefined) clipped[key] = clip(clipped[key], 400);
  return clipped;
}

/**
 * Classify one finished request; null when it did not fail. A failure comes back as the record the
 * store keeps, built at once with every key in the same order (absent ones undefined, which JSON leaves
 * out): one object shape keeps the scans over a full log fast. `answer`: the error status (with its
 * headers) the request had been answered with before the browser reported an error for it. `cors`: what was
 * seen of a cross-origin request's answer and preflight, which names the CORS rule behind a bare failure
 * (absent: CORS evidence was not looked for, and nothing is judged).
 */
export function observe(details: RequestDetails, redirects?: readonly string[], options?: ClassifyOptions, answer?: RequestDetails, cors?: CorsEvidence): FailureRecord | null {
  // An error answer the browser then gave up on (Chromium cancels a stylesheet whose error status comes with a
  // body still arriving, and reports net::ERR_ABORTED or net::ERR_FAILED): that status is the failure.
  if (answer) return observe({ ...answer, timeStamp: details.timeStamp, incognito: details.incognito || answer.incognito }, redirects, options);
  const finding = details.error && cors ? judgeCors({ ...details, initiator: pageOriginOf(details) }, cors) : undefined;
  // An error status the CORS check hid from the page is that status (its CORS detail says why the page could not read it).
  const hidden = finding?.hiddenStatus !== undefined;
  const statusCode = hidden ? finding.hiddenStatus : typeof details.statusCode === 'number' && details.statusCode > 0 ? details.statusCode : undefined;
  const error = hidden ? undefined : clip(details.error, MAX.error);
  const redirectChain = redirects?.length ? redirects : undefined;
  const rule = hidden ? undefined : finding?.detail.rule;
  const classification = rule ? classifyCors(rule) : classify({ statusCode, error, redirects: redirectChain }, options);
  if (!classification) return null;
  const timeStamp = Number.isFinite(details.timeStamp) ? details.timeStamp : Date.now();
  return {
    url: clipUrl(details.url),
    method: clip(details.method, MAX.method) ?? 'GET',
    type: clip(details.type, MAX.type) ?? 'other',
    tabId: Number.isInteger(details.tabId) ? details.tabId : -1,
    timeStamp,
    statusCode,
    statusLine: clip(details.statusLine, MAX.statusLine),
    error,
    ip: clip(details.ip, MAX.ip),
    initiator: clip(details.initiator ?? details.originUrl, MAX.initiator),
    documentId: clip(details.documentId ?? details.parentDocumentId, MAX.documentId),
    frameId: Number.isSafeInteger(details.frameId) ? details.frameId : undefined,
    headers: details.responseHeaders ? pickHeaders(details.responseHeaders) : undefined,
    redirects: redirectChain,
    cors: finding && clipCors(finding.detail),
    private: details.incognito === true || undefined,
    offline: undefined,
    stage: classification.stage,
    code: classification.code,
    severity: classification.severity,
    blocked: classification.blocked,
    errorName: classification.errorName,
    count: 1,
    lastSeen: timeStamp,
  };
}
