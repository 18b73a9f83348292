// What every export shares: its context, query-string stripping and the file name. Pure.
import type { HistoryEntry } from '../types';
import type { Diagnosis } from '../explain';
import { withoutQueriesIn, withoutQuery } from '../url';

export interface ExportContext {
  /** The "strip query strings from reports" setting. */
  stripQuery: boolean;
  browser: { name: string; version: string };
  extensionVersion: string;
  /** The explanation of an entry (the catalog parts it needs must be loaded). */
  explain: (entry: HistoryEntry) => Diagnosis;
  now: Date;
  /** Failures the history dropped to stay within its cap. */
  dropped?: number;
}

export const EXPORT_FORMATS = ['har', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const MIME_TYPES: Record<ExportFormat, string> = { har: 'application/json', json: 'application/json', csv: 'text/csv' };

const pad = (n: number): string => String(n).padStart(2, '0');

/** request-doctor-YYYYMMDD-HHMM.ext, in local time. */
export function exportFileName(now: Date, format: ExportFormat): string {
  const day = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return `request-doctor-${day}-${pad(now.getHours())}${pad(now.getMinutes())}.${format}`;
}

export const urlFor = (context: Pick<ExportContext, 'stripQuery'>, url: string): string => (context.stripQuery ? withoutQuery(url) : url);

/** A page without a `<title>` is titled by its address (Chromium leaves out the scheme): that follows the setting too. */
export function pageTitleFor(context: Pick<ExportContext, 'stripQuery'>, entry: Pick<HistoryEntry, 'pageTitle' | 'pageUrl'>): string {
  const title = entry.pageTitle ?? '';
  if (!context.stripQuery || !title) return title;
  const address = entry.pageUrl.replace(/^[a-z][\w+.-]*:\/\//i, '');
  return title === entry.pageUrl || (address !== '' && title === address) ? withoutQuery(title) : withoutQueriesIn(title);
}

/** Response headers with URLs in them follow the setting too. */
const URL_HEADERS = new Set(['location', 'content-location', 'refresh']);

export function headersFor(context: Pick<ExportContext, 'stripQuery'>, headers: Readonly<Record<string, string>> | undefined): [string, string][] {
  return Object.entries(headers ?? {}).map(([name, value]) => [name, URL_HEADERS.has(name) ? urlFor(context, value) : value]);
}
