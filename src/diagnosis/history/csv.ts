// CSV export: one row per failure. Pure; yields rows so a big export can be built in slices.
import type { HistoryEntry } from '../../shared/protocol';
import { urlFor, type ExportContext } from './export';

export const CSV_COLUMNS = ['time', 'tab', 'page_url', 'page_title', 'method', 'url', 'code', 'stage', 'title', 'count'] as const;

/** Quoted when needed (RFC 4180); text a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function* csvRows(entries: Iterable<HistoryEntry>, context: ExportContext): Generator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for (const entry of entries) {
    const cells = [
      new Date(entry.timeStamp).toISOString(), entry.tabId, urlFor(context, entry.pageUrl), entry.pageTitle ?? '', entry.method,
      urlFor(context, entry.url), entry.code, entry.stage, context.explain(entry).title, entry.count,
    ];
    yield `${cells.map(csvCell).join(',')}\r\n`;
  }
}
