// The byte accounting every bound uses: what strings take where they are kept. Tab logs and history chunks are
// stored as JSON text, which storage serialises again; a page or server chooses much of that text. Pure.
import type { FailureRecord, HistoryEntry } from '../shared/protocol';

/** What one stored record takes besides its strings: every key, the numbers and the punctuation, escaped (measured: 384). */
const RECORD_OVERHEAD = 400;
/** The same for a history entry's page keys. */
const PAGE_OVERHEAD = 40;

/**
 * The bytes strings take, stored: one per character, plus what escaping them twice as JSON adds (a quote or a
 * backslash becomes four characters, a control character or a lone surrogate up to eight) and UTF-8's extra
 * bytes. Allocates nothing. What is not a string counts nothing.
 */
export function textBytes(...texts: unknown[]): number {
  let bytes = 0;
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    bytes += text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
      bytes += c === 0x22 || c === 0x5c ? 3 : c < 0x20 || (c >= 0xd800 && c <= 0xdfff) ? 7 : 2;
    }
  }
  return bytes;
}

/** A record's bytes as stored (in a tab log or, with its page, the history): its strings dominate. */
export function recordSize(record: FailureRecord): number {
  let size = RECORD_OVERHEAD + textBytes(record.url, record.method, record.type, record.statusLine, record.error, record.ip, record.initiator,
    record.documentId, record.code, record.errorName);
  for (const name in record.headers) size += textBytes(name, record.headers[name]) + 10;
  for (const url of record.redirects ?? []) size += textBytes(url) + 5;
  return size;
}

/** A history entry's bytes as stored: the record and its page. */
export const entrySize = (entry: HistoryEntry): number => recordSize(entry) + PAGE_OVERHEAD + textBytes(entry.pageUrl, entry.pageTitle);
