// The byte accounting every bound uses: what strings take where they are kept. Tab logs and history chunks are
// stored as JSON text, and a page or a server chooses much of that text. Pure.
import type { FailureRecord, HistoryEntry } from '../shared/protocol';

/**
 * What a stored record takes besides its string fields: braces, the number and fixed-word keys and their largest
 * values ({"tabId":-2147483648,"timeStamp":1765150000000.123,"statusCode":999,"count":9999999999,
 * "lastSeen":…,"blocked":false,"stage":"connect","severity":"warning"}).
 */
const RECORD_OVERHEAD = 180;
/** A string field: its key, two pairs of quotes, a colon and a comma. */
const field = (key: string, value: string | undefined): number => (value === undefined ? 0 : key.length + 6 + stringBytes(value));
/**
 * A record's CORS detail besides its string fields: its key and braces, and the fixed-word keys with their largest
 * values ("cors":{},"preflight":true,"status":999,"credentialsInferred":true,"varyOrigin":false,).
 */
const CORS_OVERHEAD = 90;
/** The page keys of a history entry ("pageUrl":"","pageTitle":"", and commas). */
const PAGE_OVERHEAD = 30;

/**
 * The bytes strings take, stored: Chromium counts a stored string's UTF-8 bytes, and a tab log or history chunk
 * is stored as JSON text, where a quote or a backslash takes two characters and a control character or a
 * lone surrogate six (measured in Chromium 156 with getBytesInUse). Allocates nothing. What is not a string counts nothing.
 */
export function textBytes(...texts: unknown[]): number {
  let bytes = 0;
  for (const text of texts) if (typeof text === 'string') bytes += stringBytes(text);
  return bytes;
}

/** Printable ASCII but the quote and the backslash: one byte a character, found by the regex engine at once. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function stringBytes(text: string): number {
  if (PLAIN.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
    bytes += c === 0x22 || c === 0x5c ? 1 : c < 0x20 || (c >= 0xd800 && c <= 0xdfff) ? 5 : c < 0x800 ? 1 : 2;
  }
  return bytes;
}

/** Measured once per record: its strings never change once observed (its count and times are numbers). */
const sizes = new WeakMap<FailureRecord, number>();

/** A record's bytes as stored (in a tab log or, with its page, the history): its strings dominate. */
export function recordSize(record: FailureRecord): number {
  const known = sizes.get(record);
  return known ?? measure(record);
}

function measure(record: FailureRecord): number {
  let size = RECORD_OVERHEAD + field('url', record.url) + field('method', record.method) + field('type', record.type) +
    field('statusLine', record.statusLine) + field('error', record.error) + field('ip', record.ip) + field('initiator', record.initiator) +
    field('documentId', record.documentId) + field('code', record.code) + field('errorName', record.errorName);
  if (record.headers) size += 13;
  for (const name in record.headers) size += textBytes(name, record.headers[name]) + 6;
  if (record.redirects) size += 15;
  for (const url of record.redirects ?? []) size += textBytes(url) + 3;
  const { cors } = record;
  if (cors) {
    size += CORS_OVERHEAD + field('rule', cors.rule) + field('pageOrigin', cors.pageOrigin) + field('allowOrigin', cors.allowOrigin) +
      field('allowed', cors.allowed) + field('method', cors.method) + field('header', cors.header);
  }
  sizes.set(record, size);
  return size;
}

/** A copy of a record with the same strings (the history's, without the document id) takes no more: not measured again. */
export function sizedLike(copy: FailureRecord, record: FailureRecord): void {
  sizes.set(copy, recordSize(record));
}

/** A history entry's bytes as stored: the record and its page. */
export const entrySize = (entry: HistoryEntry): number => recordSize(entry) + PAGE_OVERHEAD + textBytes(entry.pageUrl, entry.pageTitle);
