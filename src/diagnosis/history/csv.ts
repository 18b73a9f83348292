// CSV export: one row per failure (`time` when first seen, `last_seen` for repeats, as the view sorts). Pure; yields rows so a big export can be built in slices.
import type { HistoryEntry } from '../types';
import { pageTitleFor, urlFor, type ExportContext } from './export';

export const CSV_COLUMNS = ['time', 'tab', 'page_url', 'page_title', 'method', 'url', 'code', 'stage', 'title', 'count', 'last_seen'] as const;

/** Spreadsheets (Excel) read a CSV as UTF-8 only when it starts with a byte order mark: titles in any script stay readable. */
const BOM = '\uFEFF';

/**
 * Where a spreadsheet may start a cell that it then runs as a formula (= + - @): at the cell's start, and, since a
 * semicolon locale reads this comma file split at semicolons (where a quote in mid-line protects nothing, not
 * even a line break), after every semicolon, tab or line break. Quotes and spaces in between do not help.
 */
const FORMULA_START = /(^|[;\t\r\n])([ "]*[=+\-@])/g;

/** Quoted when needed (RFC 4180); wherever a formula could start, an apostrophe makes it text. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string') text = text.replace(FORMULA_START, "$1'$2").replace(/^[\t\r]/, "'$&");
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function* csvRows(entries: Iterable<HistoryEntry>, context: ExportContext): Generator<string> {
  yield `${BOM}${CSV_COLUMNS.join(',')}\r\n`;
  for (const entry of entries) {
    const cells = [
      new Date(entry.timeStamp).toISOString(), entry.tabId, urlFor(context, entry.pageUrl), pageTitleFor(context, entry), entry.method,
      urlFor(context, entry.url), entry.code, entry.stage, context.explain(entry).title, entry.count,
      new Date(entry.lastSeen).toISOString(),
    ];
    yield `${cells.map(csvCell).join(',')}\r\n`;
  }
}
