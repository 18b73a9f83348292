// Browser event details → a failure worth recording, or null. The single pure call per webRequest event.
import { classify, type ClassifyOptions } from './classify';
import { pickHeaders, type HeaderLike } from './headers';
import type { Classification, Observation } from './types';

/** The fields of webRequest's onCompleted/onErrorOccurred details that we read (Chromium and Firefox). */
export interface RequestDetails {
  url: string;
  method: string;
  type: string;
  tabId: number;
  timeStamp: number;
  statusCode?: number;
  statusLine?: string;
  error?: string;
  ip?: string;
  initiator?: string;
  originUrl?: string;
  documentId?: string;
  parentDocumentId?: string;
  responseHeaders?: readonly HeaderLike[];
}

export interface Failure {
  observation: Observation;
  classification: Classification;
}

/** URLs longer than this are cut, so one odd request cannot fill session storage. */
export const MAX_URL_LENGTH = 4096;

export function clipUrl(url: unknown): string {
  const text = typeof url === 'string' ? url : String(url ?? '');
  return text.length > MAX_URL_LENGTH ? `${text.slice(0, MAX_URL_LENGTH)}…` : text;
}

const clip = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value !== '' ? value.slice(0, max) : undefined;

/** Build the observation and classify it; null when the request did not fail. */
export function observe(details: RequestDetails, redirects?: readonly string[], options?: ClassifyOptions): Failure | null {
  const observation: Observation = {
    url: clipUrl(details.url),
    method: clip(details.method, 16) ?? 'GET',
    type: clip(details.type, 32) ?? 'other',
    tabId: Number.isInteger(details.tabId) ? details.tabId : -1,
    timeStamp: Number.isFinite(details.timeStamp) ? details.timeStamp : Date.now(),
  };
  if (typeof details.statusCode === 'number' && details.statusCode > 0) observation.statusCode = details.statusCode;
  const statusLine = clip(details.statusLine, 256);
  if (statusLine) observation.statusLine = statusLine;
  const error = clip(details.error, 512);
  if (error) observation.error = error;
  const ip = clip(details.ip, 64);
  if (ip) observation.ip = ip;
  const initiator = clip(details.initiator ?? details.originUrl, 512);
  if (initiator) observation.initiator = initiator;
  const documentId = clip(details.documentId ?? details.parentDocumentId, 64);
  if (documentId) observation.documentId = documentId;
  if (redirects?.length) observation.redirects = redirects;

  const classification = classify(observation, options);
  if (!classification) return null;
  if (details.responseHeaders) {
    const headers = pickHeaders(details.responseHeaders);
    if (headers) observation.headers = headers;
  }
  return { observation, classification };
}
