// The catalog in one language: facts.json for what is true everywhere, <lang>/<part>.json for the words.
// Each part is read only when a failure on screen needs it (the build ships a language's parts in one file,
// see vite.config.ts); English fills in per entry whatever a translation lacks.
import { isCorsRule } from '../cors';
import { httpStatusOf } from '../status';
import type { Classification } from '../types';
import { explanationsOf, facts } from './assemble';
import type { AdviceTemplates, Catalog, LayerKey, Prose, Template } from './types';

/** Lazy loaders, one per language and part: `./en/tls.json`. */
const chunks = import.meta.glob<unknown>('./*/*.json', { import: 'default' });

export const PARTS = ['core', 'advice', 'statuses', 'local', 'transport', 'tls', 'response', 'cors'] as const;
export type CatalogPart = (typeof PARTS)[number];
/** Parts every diagnosis reads: class and stage fallbacks, groups, advice templates. */
const ALWAYS: readonly CatalogPart[] = ['core', 'advice'];
export const FALLBACK_LANGUAGE = 'en';

/** Which table explains a failure: statuses, or the net errors of its stage. */
export function partFor({ code, errorName, stage }: Pick<Classification, 'code' | 'errorName' | 'stage'>): CatalogPart {
  if (httpStatusOf({ code, errorName }) !== undefined) return 'statuses';
  if (errorName !== undefined && isCorsRule(errorName)) return 'cors';
  if (stage === 'tls') return 'tls';
  if (stage === 'receive') return 'response';
  if (stage === 'connect' || stage === 'wait') return 'transport';
  return 'local';
}

/** The chunk's key in `chunks`, also used by the lazy-loading test. */
export const chunkKey = (language: string, part: CatalogPart): string => `./${language}/${part}.json`;

export const languages = (): string[] => [...new Set(Object.keys(chunks).map((key) => key.split('/')[1]!))];

type Table<T> = Record<string, T>;
type Core = { statusClasses: Table<Prose>; groups: Table<Prose>; stages: Table<Prose> };
type AdviceChunk = { advice: Table<Template>; layers: Table<Template> };

async function chunk<T>(language: string, part: CatalogPart): Promise<T | undefined> {
  const load = chunks[chunkKey(language, part)];
  return load ? ((await load()) as T) : undefined;
}

/** English entries, each replaced by the language's own where it has one. */
function perEntry<T>(english: Table<T> | undefined, own: Table<T> | undefined): Table<T> {
  return { ...english, ...own };
}

function statusAdvice(): Record<number, readonly string[]> {
  const out: Record<number, readonly string[]> = {};
  for (const [code, entry] of Object.entries(facts.statuses)) if (entry.advice) out[Number(code)] = entry.advice;
  return out;
}

function emptyCatalog(language: string, locale: string): Catalog {
  return {
    language, locale, statuses: {}, statusClasses: {}, netErrors: {}, netErrorGroups: [], cors: {},
    stages: {} as Catalog['stages'], statusAdvice: statusAdvice(),
    advice: {} as AdviceTemplates, layers: {} as Catalog['layers'],
  };
}

/** Loads one part in both English and the language, and writes it into the catalog. */
async function loadPart(catalog: Catalog, part: CatalogPart): Promise<void> {
  const { language } = catalog;
  const own = <T>(): Promise<T | undefined> => (language === FALLBACK_LANGUAGE ? Promise.resolve(undefined) : chunk<T>(language, part));
  if (part === 'core') {
    const [english, translated] = await Promise.all([chunk<Core>(FALLBACK_LANGUAGE, part), own<Core>()]);
    const classes = explanationsOf(facts.statusClasses, perEntry(english?.statusClasses, translated?.statusClasses),
      (digit) => ({ range: `${digit}xx` }));
    const groups = explanationsOf(facts.groups, perEntry(english?.groups, translated?.groups));
    Object.assign(catalog, {
      statusClasses: classes,
      stages: explanationsOf(facts.stages, perEntry(english?.stages, translated?.stages)),
      netErrorGroups: Object.entries(groups).map(([id, explanation]) => ({ names: facts.groups[id]!.names, explanation })),
    });
  } else if (part === 'advice') {
    const [english, translated] = await Promise.all([chunk<AdviceChunk>(FALLBACK_LANGUAGE, part), own<AdviceChunk>()]);
    catalog.advice = perEntry(english?.advice, translated?.advice) as AdviceTemplates;
    catalog.layers = perEntry(english?.layers, translated?.layers) as Record<LayerKey, Template>;
  } else {
    const [english, translated] = await Promise.all([chunk<Table<Prose>>(FALLBACK_LANGUAGE, part), own<Table<Prose>>()]);
    const prose = perEntry(english, translated);
    if (part === 'statuses') Object.assign(catalog.statuses, explanationsOf(facts.statuses, prose));
    else if (part === 'cors') Object.assign(catalog.cors, explanationsOf(facts.cors, prose));
    else Object.assign(catalog.netErrors, explanationsOf(facts.netErrors, prose));
  }
}

interface Loaded {
  catalog: Catalog;
  parts: Map<CatalogPart, Promise<void>>;
}
const loaded = new Map<string, Loaded>();

export interface CatalogLanguage {
  /** The catalog folder, from the `catalogLocale` UI message; unknown languages read English. */
  language: string;
  /** The browser's UI language (BCP 47), for plurals, numbers and times; defaults to `language`. */
  locale?: string;
}

/** The catalog in one language with these parts loaded; one catalog object per language, filled in as parts arrive. */
export async function catalogWith(parts: Iterable<CatalogPart>, { language, locale = language }: CatalogLanguage): Promise<Catalog> {
  const key = `${language}|${locale}`;
  let entry = loaded.get(key);
  if (!entry) loaded.set(key, (entry = { catalog: emptyCatalog(language, locale), parts: new Map() }));
  const { catalog, parts: loading } = entry;
  await Promise.all([...new Set([...ALWAYS, ...parts])].map((part) => {
    let load = loading.get(part);
    if (!load) loading.set(part, (load = loadPart(catalog, part)));
    return load;
  }));
  return catalog;
}

/** The catalog with every part these failures need. */
/** The language is required: a page that forgot it would show English explanations in a German interface. */
export function catalogFor(failures: Iterable<Classification>, language: CatalogLanguage): Promise<Catalog> {
  const parts = new Set<CatalogPart>();
  for (const failure of failures) parts.add(partFor(failure));
  return catalogWith(parts, language);
}

