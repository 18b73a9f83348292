// History filters, kept in the view's URL so a filtered view can be reloaded and shared. Pure.
import type { HistoryEntry } from '../types';
import { STAGES, type Stage } from '../types';

export const CLASSES = ['4xx', '5xx', 'network', 'blocked'] as const;
export type FailureClass = (typeof CLASSES)[number];
/** Time ranges back from now; `session` is everything kept. */
export const RANGES = { '15m': 15 * 60_000, '1h': 3_600_000, '1d': 86_400_000, session: Infinity } as const;
export type Range = keyof typeof RANGES;
export const GROUPINGS = ['none', 'host', 'page'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface HistoryFilters {
  /** Free text over URL, code, page title and URL, and the explanation's title. */
  text: string;
  /** Empty means every stage (and every class). */
  stages: Stage[];
  classes: FailureClass[];
  host: string;
  range: Range;
  group: Grouping;
  /** Only one tab's failures (from a tab's report); undefined for all. */
  tab?: number;
}

const listOf = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value ?? '').split(',').filter((item): item is T => allowed.includes(item as T));

/** What someone types or pastes as a host (`localhost:3000`, `https://api.x.test/v1`, `*.x.test`) → the host it names. */
export function hostFilter(input: string): string {
  const text = input.trim().toLowerCase().slice(0, 300);
  return (hostOf(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `x://${text}`) || text).replace(/^\*\./, '').replace(/\.$/, '');
}

export function parseFilters(params: URLSearchParams): HistoryFilters {
  const range = params.get('time') ?? '';
  const group = params.get('group') ?? '';
  const tab = params.get('tab') ?? '';
  return {
    text: (params.get('q') ?? '').slice(0, 500),
    stages: listOf(params.get('stage'), STAGES),
    classes: listOf(params.get('class'), CLASSES),
    host: hostFilter(params.get('host') ?? ''),
    range: Object.hasOwn(RANGES, range) ? (range as Range) : 'session',
    group: GROUPINGS.includes(group as Grouping) ? (group as Grouping) : 'none',
    tab: /^-?\d{1,16}$/.test(tab) ? Number(tab) : undefined,
  };
}

/** The view's query string: only what differs from the defaults. */
export function filtersToParams(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams({ view: 'history' });
  if (filters.text) params.set('q', filters.text);
  if (filters.stages.length) params.set('stage', filters.stages.join(','));
  if (filters.classes.length) params.set('class', filters.classes.join(','));
  if (filters.host) params.set('host', filters.host);
  if (filters.range !== 'session') params.set('time', filters.range);
  if (filters.group !== 'none') params.set('group', filters.group);
  if (filters.tab !== undefined) params.set('tab', String(filters.tab));
  return params;
}

export function classOf(entry: HistoryEntry): FailureClass {
  if (entry.blocked) return 'blocked';
  const status = entry.statusCode;
  if (status === undefined || !/^\d+$/.test(entry.code)) return 'network';
  return status < 500 ? '4xx' : '5xx';
}

export function hostOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/?#:]*)/i.exec(url);
  return match?.[1]?.toLowerCase() ?? '';
}

type TitleOf = (entry: HistoryEntry) => string;
const haystacks = new WeakMap<TitleOf, WeakMap<HistoryEntry, string>>();

/** Lower-cased text the search looks in, built once per entry (and title source). */
function haystackOf(entry: HistoryEntry, titleOf: TitleOf): string {
  let cache = haystacks.get(titleOf);
  if (!cache) haystacks.set(titleOf, (cache = new WeakMap()));
  let text = cache.get(entry);
  if (text === undefined) {
    text = `${entry.url}\n${entry.code}\n${entry.pageTitle ?? ''}\n${entry.pageUrl}\n${titleOf(entry)}`.toLowerCase();
    cache.set(entry, text);
  }
  return text;
}

const noTitle: TitleOf = () => '';

/** The entries the filters keep, newest first. `titleOf` gives the explanation's title, if known. */
export function applyFilters(entries: readonly HistoryEntry[], filters: HistoryFilters, now: number, titleOf: TitleOf = noTitle): HistoryEntry[] {
  const text = filters.text.trim().toLowerCase();
  const since = now - RANGES[filters.range];
  const stages = new Set(filters.stages);
  const classes = new Set(filters.classes);
  const kept = entries.filter((entry) =>
    entry.lastSeen >= since &&
    (filters.tab === undefined || entry.tabId === filters.tab) &&
    (!stages.size || stages.has(entry.stage)) &&
    (!classes.size || classes.has(classOf(entry))) &&
    (!filters.host || hostOf(entry.url) === filters.host || hostOf(entry.url).endsWith(`.${filters.host}`)) &&
    (!text || haystackOf(entry, titleOf).includes(text)));
  return kept.sort((a, b) => b.lastSeen - a.lastSeen);
}

export interface Group {
  key: string;
  entries: HistoryEntry[];
}

/** Groups by host or page, each with its entries newest first; groups ordered by their newest entry. */
export function groupEntries(newestFirst: readonly HistoryEntry[], by: Grouping): Group[] {
  if (by === 'none') return [{ key: '', entries: [...newestFirst] }];
  const groups = new Map<string, HistoryEntry[]>();
  for (const entry of newestFirst) {
    const key = by === 'host' ? hostOf(entry.url) : entry.pageUrl;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups].map(([key, entries]) => ({ key, entries }));
}

/** Whether the first screen can be drawn before the catalog and before every entry is read: a text search
 * also matches explanation titles, and a group's count needs every entry. */
export const drawableEarly = (filters: HistoryFilters): boolean => !filters.text.trim() && filters.group === 'none';
