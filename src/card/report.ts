// "Copy report": a Markdown summary for a support desk, in the interface language. Only what helps find
// the failure; nothing private beyond the URLs (and those without their query strings when the person asks).
import { layerName } from '../diagnosis/advice-words';
import type { Catalog } from '../diagnosis/catalog/types';
import { withoutQueries, type Diagnosis } from '../diagnosis/explain';
import type { Classification, Observation } from '../diagnosis/types';
import { t } from '../shared/i18n';
import { withoutQuery } from '../diagnosis/url';

export interface ReportContext {
  pageUrl?: string;
  /** e.g. "Chrome 156" */
  browser: string;
  extensionVersion: string;
  stripQuery: boolean;
  /** Words who answered, and gives the locale for the time. */
  catalog: Catalog;
}

type Reported = Observation & Classification & { count?: number };

// Lives with the URL rules in src/diagnosis, where the exports use it too.
export { withoutQuery };

/** Inline code that survives any backticks in the value. */
function code(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest ? ' ' : ''}${clean}${longest ? ' ' : ''}${fence}`;
}

/**
 * Plain text in Markdown: sentences quote what servers sent (a realm, an error description, a Server header,
 * addresses), which must not turn into links, emphasis or code in the ticket it is pasted into.
 */
const text = (value: string): string => value.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|]/g, '\\$&');

/** A method or a resource type: a plain word as it is, anything else (a method may hold Markdown) as code. */
const word = (value: string): string => (/^[A-Za-z_-]+$/.test(value) ? value : code(value));

export function reportMarkdown(failure: Reported, explained: Diagnosis, context: ReportContext): string {
  const url = (u: string): string => code(context.stripQuery ? withoutQuery(u) : u);
  const diagnosis = context.stripQuery ? withoutQueries(explained) : explained;
  const line = (label: string, value: string | undefined): string | undefined => (value ? `- **${label}:** ${value}` : undefined);
  const stage = t(`stage_${failure.stage}`);
  const when = new Date(failure.timeStamp);
  const local = Number.isNaN(when.getTime()) ? '' : new Intl.DateTimeFormat(context.catalog.locale, { dateStyle: 'medium', timeStyle: 'long' }).format(when);
  const lines = [
    `### ${t('reportHeading', failure.code, stage)}`,
    '',
    line(t('time'), Number.isNaN(when.getTime()) ? undefined : `${when.toISOString()} (${local})`),
    line(t('reportPage'), context.pageUrl ? url(context.pageUrl) : undefined),
    line(t('reportRequest'), `${word(failure.method)} ${url(failure.url)} (${word(failure.type)})`),
    line(t('reportFailedAt'), `${failure.stage}: ${stage}`),
    line(t('status'), failure.statusLine ? code(failure.statusLine) : failure.statusCode ? String(failure.statusCode) : undefined),
    line(t('error'), failure.error ? code(failure.error) : undefined),
    // A proxy or CDN passes answers on: "came through" it, unless it says it could not reach the server (the notes tell).
    line(t(diagnosis.layer?.proxy ? 'reportCameThrough' : 'reportAnsweredBy'), diagnosis.layer ? text(layerName(diagnosis.layer, context.catalog)) : undefined),
    line(t('serverIp'), failure.ip ? code(failure.ip) : undefined),
    line(t('requestIds'), diagnosis.requestIds.map(([name, value]) => code(`${name}: ${value}`)).join(', ') || undefined),
    line(t('repeats'), failure.count && failure.count > 1 ? t('times', failure.count) : undefined),
    line(t('redirects'), failure.redirects?.length ? [...failure.redirects, failure.url].map(url).join(' → ') : undefined),
    '',
    `**${text(diagnosis.title)}.** ${text(diagnosis.what)}`,
    ...diagnosis.notes.map((note) => `- ${text(note)}`),
    '',
    `**${t('forOwner')}:**`,
    ...diagnosis.owner.map((step) => `- ${text(step)}`),
    '',
    `_${context.browser} · Request Doctor ${context.extensionVersion}_`,
  ];
  return lines.filter((l) => l !== undefined).join('\n');
}

/** "Chrome 156", "Firefox 153", "Edge 140" from a user agent string. */
export function browserName(userAgent: string): string {
  // Edge and others also say "Chrome/": look for the more specific names first.
  for (const [token, name] of [['Edg', 'Edge'], ['Firefox', 'Firefox'], ['Chrome', 'Chrome'], ['Chromium', 'Chromium']]) {
    const match = new RegExp(`${token}/(\\d+)`).exec(userAgent);
    if (match) return `${name} ${match[1]}`;
  }
  return t('unknownBrowser');
}
