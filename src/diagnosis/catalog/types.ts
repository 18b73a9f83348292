// The catalog's shapes: language-neutral facts (facts.json), prose per language (<lang>/*.json),
// and the assembled catalog that explanations read.
import type { Explanation, Side, Stage } from '../types';
import type advice from './en/advice.json';

/** One entry's words in one language. `sourceNote` qualifies the neutral source ("unofficial"). */
export interface Prose {
  title: string;
  what: string;
  visitor: readonly string[];
  owner: readonly string[];
  sourceNote?: string;
}

/** What is true of an entry in every language. */
export interface Facts {
  side: Side;
  /** Who defines it: "RFC 9110 §15.5.10", "Cloudflare", "Chromium". */
  source?: string;
  /** Status-specific advice rules (see advice-rules.ts); header rules apply to every status. */
  advice?: readonly string[];
  /** The prose key when it differs from the entry's own key (6xx-9xx share `nonstandard`). */
  prose?: string;
}

export interface FactsTable {
  statuses: Readonly<Record<string, Facts>>;
  statusClasses: Readonly<Record<string, Facts>>;
  netErrors: Readonly<Record<string, Facts>>;
  groups: Readonly<Record<string, Facts & { names: readonly string[] }>>;
  stages: Readonly<Record<Stage, Facts>>;
  /** CORS refusals by rule (src/diagnosis/cors.ts). */
  cors: Readonly<Record<string, Facts>>;
}

/** A template with `{name}` placeholders, or plural forms keyed by Intl.PluralRules category. */
export type Template = string | Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;
export type AdviceKey = keyof (typeof advice)['advice'];
export type LayerKey = keyof (typeof advice)['layers'];
export type AdviceTemplates = Readonly<Record<AdviceKey, Template>>;

export interface Catalog {
  /** The catalog's language folder (`en`, `de`, ...). */
  language: string;
  /** BCP 47 tag for Intl plurals, numbers, times: the browser's UI language. */
  locale: string;
  /** Every HTTP status we know by number (4xx, 5xx and the listed outliers such as 999). */
  statuses: Readonly<Record<number, Explanation>>;
  /** Fallback per status class, keyed by the first digit (1 to 9). */
  statusClasses: Readonly<Record<number, Explanation>>;
  /** Chromium net errors by name without the `net::ERR_` prefix. */
  netErrors: Readonly<Record<string, Explanation>>;
  /** Internal-only errors explained together (cache, file, certificate manager, ...). */
  netErrorGroups: ReadonlyArray<{ readonly names: readonly string[]; readonly explanation: Explanation }>;
  /** CORS refusals by rule code (`CORS_MISSING_ALLOW_ORIGIN`). */
  cors: Readonly<Record<string, Explanation>>;
  /** Generic text per stage, for error strings nobody has catalogued. */
  stages: Readonly<Record<Stage, Explanation>>;
  /** Status-specific advice rule ids, from the facts table. */
  statusAdvice: Readonly<Record<number, readonly string[]>>;
  advice: AdviceTemplates;
  layers: Readonly<Record<LayerKey, Template>>;
}
