// Ignore rules in and out: the JSON a team shares, and the chunks storage.sync keeps them in.
import { checkRule, RULE_LIMITS, sameRule, type IgnoreRule, type RuleError } from './ignore';

/** The export's format marker and version: an import of anything else is refused. */
export const EXPORT_FORMAT = 'request-doctor-ignore-rules';
export const EXPORT_VERSION = 1;

export type ImportError =
  | { error: 'json' }
  | { error: 'format' }
  | { error: 'too-many'; limit: number }
  | { error: 'rule'; index: number; reason: RuleError; field?: string }
  | { error: 'quota' };
export type Imported = { ok: true; rules: IgnoreRule[] } | ({ ok: false } & ImportError);

export function exportRules(rules: readonly IgnoreRule[]): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, rules }, null, 2)}\n`;
}

/** Read an export: all or nothing. Unknown fields, bad values or a set too large for sync storage refuse it whole. */
export function importRules(text: string): Imported {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'json' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, error: 'format' };
  const { format, version, rules, ...rest } = parsed as Record<string, unknown>;
  if (format !== EXPORT_FORMAT || version !== EXPORT_VERSION || !Array.isArray(rules) || Object.keys(rest).length) return { ok: false, error: 'format' };
  if (rules.length > RULE_LIMITS.rules) return { ok: false, error: 'too-many', limit: RULE_LIMITS.rules };
  const checked: IgnoreRule[] = [];
  for (const [index, input] of rules.entries()) {
    const result = checkRule(input);
    if (!result.ok) return { ok: false, error: 'rule', index, reason: result.error, ...(result.field ? { field: result.field } : {}) };
    if (!checked.some((rule) => sameRule(rule, result.rule))) checked.push(result.rule);
  }
  return packRules(checked) ? { ok: true, rules: checked } : { ok: false, error: 'quota' };
}

/** storage.sync keys of the rule chunks: `ignore-rules:0`, `ignore-rules:1`, … */
export const RULES_PREFIX = 'ignore-rules:';
/** storage.sync: 8,192 bytes per item (key and JSON value); kept below it. */
const CHUNK_BYTES = 8000;
/** At most this many chunks (64 KB of the 100 KB sync quota), leaving room for the settings. */
export const MAX_CHUNKS = 8;

const bytes = (text: string): number => new TextEncoder().encode(text).length;

/** The rules as sync items, each under the per-item quota; undefined when they do not fit at all. */
export function packRules(rules: readonly IgnoreRule[]): Record<string, IgnoreRule[]> | undefined {
  const chunks: IgnoreRule[][] = [[]];
  let size = 2;
  for (const rule of rules) {
    const ruleBytes = bytes(JSON.stringify(rule)) + 1;
    if (size + ruleBytes > CHUNK_BYTES - RULES_PREFIX.length - 4) {
      chunks.push([]);
      size = 2;
    }
    chunks.at(-1)!.push(rule);
    size += ruleBytes;
  }
  if (chunks.length > MAX_CHUNKS || rules.length > RULE_LIMITS.rules) return undefined;
  return Object.fromEntries(chunks.map((chunk, index) => [`${RULES_PREFIX}${index}`, chunk]));
}

/** The rules read back from sync storage, in order; a chunk or rule that does not check out is skipped. */
export function unpackRules(stored: Readonly<Record<string, unknown>>): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let index = 0; index < MAX_CHUNKS; index++) {
    const chunk = stored[`${RULES_PREFIX}${index}`];
    if (!Array.isArray(chunk)) continue;
    for (const input of chunk) {
      const checked = checkRule(input);
      if (checked.ok) rules.push(checked.rule);
    }
  }
  return rules;
}
