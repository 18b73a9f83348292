// "Copy report": a Markdown summary for a support desk. Only what helps find the failure; nothing
// private beyond the URLs (and those without their query strings when the person asks).
import type { Diagnosis } from './explain';
import type { Classification, Observation, Stage } from './types';

export interface ReportContext {
  pageUrl?: string;
  /** e.g. "Chrome 156" */
  browser: string;
  extensionVersion: string;
  stripQuery: boolean;
  stageLabel: (stage: Stage) => string;
}

type Reported = Observation & Classification & { count?: number };

/** Drop query string and fragment: they often carry tokens, emails or search terms. */
export function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

/** Inline code that survives any backticks in the value. */
function code(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest ? ' ' : ''}${clean}${longest ? ' ' : ''}${fence}`;
}

export function reportMarkdown(failure: Reported, diagnosis: Diagnosis, context: ReportContext): string {
  const url = (u: string): string => code(context.stripQuery ? withoutQuery(u) : u);
  const line = (label: string, value: string | undefined): string | undefined => (value ? `- **${label}:** ${value}` : undefined);
  const when = new Date(failure.timeStamp);
  const lines = [
    `### Failed request: ${failure.code} at "${context.stageLabel(failure.stage)}"`,
    '',
    line('Time', `${when.toISOString()} (local ${when.toString().slice(0, 24)})`),
    line('Page', context.pageUrl ? url(context.pageUrl) : undefined),
    line('Request', `${failure.method} ${url(failure.url)} (${failure.type})`),
    line('Failed at', `${failure.stage}: ${context.stageLabel(failure.stage)}`),
    line('Status', failure.statusLine ? code(failure.statusLine) : failure.statusCode ? String(failure.statusCode) : undefined),
    line('Error', failure.error ? code(failure.error) : undefined),
    line('Answered by', diagnosis.layer),
    line('Server IP', failure.ip ? code(failure.ip) : undefined),
    line('Request ids', diagnosis.requestIds.map(([name, value]) => code(`${name}: ${value}`)).join(', ') || undefined),
    line('Repeated', failure.count && failure.count > 1 ? `${failure.count} times` : undefined),
    line('Redirects', failure.redirects?.length ? [...failure.redirects, failure.url].map(url).join(' → ') : undefined),
    '',
    `**${diagnosis.title}.** ${diagnosis.what}`,
    ...diagnosis.notes.map((note) => `- ${note}`),
    '',
    '**For the site owner:**',
    ...diagnosis.owner.map((step) => `- ${step}`),
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
  return 'Unknown browser';
}
