// What the CORS reasoner needs, kept from onHeadersReceived until the request ends: the CORS headers of
// cross-origin fetch/XHR answers (by requestId), and recent preflights (by page origin and URL).
// Same-origin requests, and cross-origin answers that pass whatever the credentials mode, keep nothing.
import type browser from '../shared/browser';
import type { WebRequest } from '../shared/browser';
import { corsAnswerToKeep, isWebOrigin, pageOriginOf, readCorsAnswer, requestedHeadersOf, sameOrigin, type CorsAnswer } from '../diagnosis/cors-answer';
import type { CorsEvidence } from '../diagnosis/cors';
import { MAX_URL_LENGTH } from '../diagnosis/observe';
import { textBytes } from './bytes';
import { settingsReady, watchSettings } from '../shared/settings-store';
import { PerRequest } from './per-request';

/** Fetch and XHR (and their preflights) are the only requests CORS refuses. */
const CORS_FILTER = (urls: string[]): WebRequest.RequestFilter => ({ urls, types: ['xmlhttprequest'] });

/** Exported for tests: it must be empty once every request has finished. */
export const corsAnswers = new PerRequest<Readonly<CorsAnswer>>(corsAnswerBytes);

/** A kept answer's bytes (its values are cut when read; the two shared constants cost only their entry). */
function corsAnswerBytes(answer: Readonly<CorsAnswer>): number {
  return textBytes(answer.allowOrigin, answer.allowCredentials, answer.allowMethods, answer.allowHeaders, answer.vary, answer.requestedHeaders);
}

/** A preflight is matched only with the request that follows it at once; older ones are stale. */
const PREFLIGHT_FRESH_MS = 10_000;
const MAX_PREFLIGHTS = 32;
/** Exported for tests. Bounded: a preflight whose request never ends is forgotten after 31 newer ones. */
export const preflights = new Map<string, CorsAnswer>();

type HeadersDetails = Pick<WebRequest.OnHeadersReceivedDetailsType, 'requestId' | 'url' | 'method' | 'type' | 'statusCode' | 'timeStamp' | 'initiator' | 'originUrl' | 'responseHeaders'>;
type SendDetails = Pick<WebRequest.OnSendHeadersDetailsType, 'url' | 'method' | 'timeStamp' | 'initiator' | 'originUrl' | 'requestHeaders'>;
type EndDetails = Pick<WebRequest.OnErrorOccurredDetailsType, 'requestId' | 'url' | 'method' | 'type' | 'timeStamp' | 'initiator' | 'originUrl'>;

const preflightKey = (initiator: string, url: string): string => `${initiator} ${url}`;

/** A cross-origin OPTIONS from fetch/XHR: the browser's preflight (a page's own cross-origin OPTIONS is preflighted too). */
export function isPreflight(details: Omit<EndDetails, 'requestId' | 'timeStamp'>): boolean {
  if (details.method !== 'OPTIONS' || details.type !== 'xmlhttprequest') return false;
  const page = pageOriginOf(details);
  return page !== undefined && !sameOrigin(details.url, page) && isWebOrigin(page);
}

/** Remember (the newest last) what was seen of a preflight, merged with what its request showed. */
function rememberPreflight(initiator: string, url: string, seen: CorsAnswer): void {
  // Bounded in bytes: a page chooses its URLs; a longer one's refusal is told without its preflight.
  if (url.length > MAX_URL_LENGTH || initiator.length > MAX_URL_LENGTH) return;
  const key = preflightKey(initiator, url);
  const earlier = preflights.get(key);
  preflights.delete(key);
  if (preflights.size >= MAX_PREFLIGHTS) preflights.delete(preflights.keys().next().value!);
  preflights.set(key, earlier ? { ...earlier, ...seen } : seen);
}

/** A preflight's request: the headers the page's request wants to send, which its answer must allow. */
function onCorsSendHeaders(details: SendDetails): void {
  if (details.method !== 'OPTIONS') return;
  const { url } = details;
  const initiator = pageOriginOf(details);
  if (initiator === undefined || sameOrigin(url, initiator) || !isWebOrigin(initiator)) return;
  rememberPreflight(initiator, url, { requestedHeaders: requestedHeadersOf(details.requestHeaders) ?? '', at: details.timeStamp });
}

function onCorsHeaders(details: HeadersDetails): void {
  const { url } = details;
  // Firefox names the page only by its whole URL: parsed for preflights alone (its CORS refusals of
  // simple requests are not failures that webRequest reports, so their answers would serve nothing).
  const initiator = details.initiator ?? (details.method === 'OPTIONS' ? pageOriginOf(details) : undefined);
  // Same-origin requests (and those of no web page) are not CORS requests: the common path returns here.
  if (typeof initiator !== 'string' || sameOrigin(url, initiator) || !isWebOrigin(initiator)) return;
  if (details.method === 'OPTIONS') return rememberPreflight(initiator, url, readCorsAnswer(details.responseHeaders, details.statusCode, details.timeStamp, true));
  const kept = corsAnswerToKeep(details.responseHeaders, details.statusCode, initiator, details.timeStamp);
  if (kept) corsAnswers.set(details.requestId, kept);
}

/** The request ended well (or with a status the page can read): forget what was kept for it. */
export function corsRequestDone(details: EndDetails): void {
  if (corsAnswers.size !== 0) corsAnswers.take(details.requestId);
  // Its preflight passed; the key is built only while some preflight is remembered.
  if (preflights.size === 0 || details.method === 'OPTIONS') return;
  const page = pageOriginOf(details);
  if (page !== undefined) preflights.delete(preflightKey(page, details.url));
}

/** The request failed: hand over what was seen of its answer and of its preflight, and forget both. Undefined: not looked for. */
export function takeCorsEvidence(details: EndDetails): CorsEvidence | undefined {
  const answer = corsAnswers.size !== 0 ? corsAnswers.take(details.requestId) : undefined;
  let preflight: CorsAnswer | undefined;
  const page = preflights.size !== 0 ? pageOriginOf(details) : undefined;
  if (page !== undefined) {
    const key = preflightKey(page, details.url);
    preflight = preflights.get(key);
    preflights.delete(key);
    if (preflight && !(details.timeStamp - (preflight.at ?? 0) <= PREFLIGHT_FRESH_MS)) preflight = undefined;
  }
  return listening || answer || preflight ? { answer, preflight } : undefined;
}

/** Whether the listeners are registered: without them there is no evidence, and nothing is judged. */
let listening = false;

type CorsEvents = Pick<typeof browser.webRequest, 'onHeadersReceived' | 'onSendHeaders'>;

/**
 * Chromium shows CORS preflights (OPTIONS) only to an extension with an 'extraHeaders' listener; Firefox shows
 * them anyway and refuses the option, so it gets the listener without it. onSendHeaders needs no 'extraHeaders'.
 */
function listen(webRequest: CorsEvents, urls: string[], on: boolean): void {
  if (on === listening) return;
  listening = on;
  if (!on) {
    webRequest.onHeadersReceived.removeListener(onCorsHeaders);
    webRequest.onSendHeaders.removeListener(onCorsSendHeaders);
    preflights.clear();
    return;
  }
  try {
    webRequest.onHeadersReceived.addListener(onCorsHeaders, CORS_FILTER(urls), ['responseHeaders', 'extraHeaders']);
  } catch {
    webRequest.onHeadersReceived.addListener(onCorsHeaders, CORS_FILTER(urls), ['responseHeaders']);
  }
  webRequest.onSendHeaders.addListener(onCorsSendHeaders, CORS_FILTER(urls), ['requestHeaders']);
}

/**
 * The listeners cost page-load time on every cross-origin fetch, so they exist only while the person asked for
 * CORS reasons: registered once the settings are read (a request before that has no evidence, and its card
 * says what is known), and added or removed as the setting changes.
 */
export function listenForCorsWhileAsked(webRequest: CorsEvents, urls: string[]): void {
  void settingsReady.then((options) => listen(webRequest, urls, options.explainCors));
  watchSettings((options) => listen(webRequest, urls, options.explainCors));
}
