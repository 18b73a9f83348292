// The popup's first screen, handed over in its URL. At each write of a tab's log the background sets that
// tab's popup to `src/popup/index.html#<first screen>`, so a classic script draws it while the page still
// parses: no module graph, no `tabs.query`, no storage read first (README: "The popup, measured").
import { groupFailures, type GroupKind } from '../diagnosis/groups';
import { pageSummary, type PageSummary } from '../diagnosis/summary';
import { SEVERITIES, STAGES } from '../diagnosis/types';
import { countedFailures } from './failures';
import type { FailureRecord, TabLog } from './protocol';

/** Headings and lines built before the first paint (a popup shows about 12); the rest follow in chunks. */
export const FIRST_SCREEN_ITEMS = 24;
/** The hand-over's most characters: a few huge URLs must not make every popup URL huge. */
export const FIRST_SCREEN_MAX_CHARS = 16_000;
export const POPUP_PAGE = 'src/popup/index.html';

/** What a line and the summary need of a record (no headers, no redirects: the full record comes from storage). */
export type LineRecord = Pick<FailureRecord, 'stage' | 'code' | 'url' | 'method' | 'type' | 'count' | 'severity' | 'blocked' | 'lastSeen' | 'timeStamp' | 'offline'>;
const LINE_FIELDS = ['stage', 'code', 'url', 'method', 'type', 'count', 'severity', 'blocked', 'lastSeen', 'timeStamp', 'offline'] as const;

export interface FirstGroup { kind: GroupKind; host?: string; size: number; failures: LineRecord[] }

export interface FirstScreen {
  tabId: number;
  /** The number atop the popup (`countedFailures`). */
  counted: number;
  dropped: number;
  summary: PageSummary<LineRecord>;
  /** The report's first FIRST_SCREEN_ITEMS headings and lines, in its order. */
  groups: FirstGroup[];
}

const lineOf = (failure: FailureRecord): LineRecord => Object.fromEntries(LINE_FIELDS.map((field) => [field, failure[field]])) as LineRecord;
const encoded = (value: unknown): number => encodeURIComponent(JSON.stringify(value)).length;

/**
 * The first screen of a tab's log, or undefined where the popup must draw it itself: the page's own failure
 * is on it with its card open, and a card needs the catalog, which loads only with the popup's modules; or
 * not even its first line fits in FIRST_SCREEN_MAX_CHARS.
 */
export function firstScreenOf(log: TabLog): FirstScreen | undefined {
  const summary = pageSummary(log.failures);
  if (summary.status === 'failed') return undefined;
  const screen: FirstScreen = {
    tabId: log.tabId,
    counted: countedFailures(log),
    dropped: log.dropped ?? 0,
    summary: { ...summary, ...(summary.worst && { worst: lineOf(summary.worst) }) },
    groups: [],
  };
  let items = 0;
  let chars = encoded(screen);
  fill: for (const group of groupFailures(log.failures)) {
    const first: FirstGroup = { kind: group.kind, ...(group.host !== undefined && { host: group.host }), size: group.failures.length, failures: [] };
    chars += encoded(first);
    if (items++ >= FIRST_SCREEN_ITEMS || chars > FIRST_SCREEN_MAX_CHARS) break;
    screen.groups.push(first);
    for (const failure of group.failures) {
      const line = lineOf(failure);
      chars += encoded(line);
      if (items++ >= FIRST_SCREEN_ITEMS || chars > FIRST_SCREEN_MAX_CHARS) break fill;
      first.failures.push(line);
    }
  }
  // A heading whose first line did not fit would stand alone; a screen with no line would say nothing failed.
  if (screen.groups.at(-1)?.failures.length === 0) screen.groups.pop();
  if (log.failures.length && !screen.groups.length) return undefined;
  return screen;
}

/** The popup of a tab: with its first screen when there is one. */
export const popupUrlOf = (screen: FirstScreen | undefined): string =>
  screen ? `${POPUP_PAGE}#${encodeURIComponent(JSON.stringify(screen))}` : POPUP_PAGE;

const isText = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isLine = (value: unknown): value is LineRecord => {
  const line = value as Partial<LineRecord> | null;
  return typeof line === 'object' && line !== null && (STAGES as readonly unknown[]).includes(line.stage) &&
    (SEVERITIES as readonly unknown[]).includes(line.severity) && isText(line.code) && isText(line.url) && isText(line.method) &&
    isText(line.type) && isCount(line.count) && typeof line.lastSeen === 'number' && typeof line.timeStamp === 'number';
};
const isGroup = (value: unknown): value is FirstGroup => {
  const group = value as Partial<FirstGroup> | null;
  return typeof group === 'object' && group !== null && ['page', 'host', 'blocked'].includes(group.kind!) &&
    (group.host === undefined || isText(group.host)) && isCount(group.size) && Array.isArray(group.failures) && group.failures.every(isLine);
};

/** The first screen a popup's URL fragment (`location.hash`) holds; anything else reads as none. */
export function readFirstScreen(hash: string): FirstScreen | undefined {
  if (hash.length < 2) return undefined;
  try {
    const screen = JSON.parse(decodeURIComponent(hash.slice(1))) as Partial<FirstScreen> | null;
    const summary = screen?.summary;
    const valid = typeof screen === 'object' && screen !== null && Number.isSafeInteger(screen.tabId) && isCount(screen.counted) &&
      isCount(screen.dropped) && typeof summary === 'object' && summary !== null && isText(summary.status) && Array.isArray(summary.kinds) &&
      (summary.worst === undefined || isLine(summary.worst)) && Array.isArray(screen.groups) && screen.groups.every(isGroup);
    return valid ? (screen as FirstScreen) : undefined;
  } catch {
    return undefined;
  }
}
