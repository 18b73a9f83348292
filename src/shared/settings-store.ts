// The one place that loads, watches and updates the settings; every context reads them through here.
// The ignore rules are settings too: kept in storage.sync as chunks (ignore-io.ts), read back and followed here.
import browser from './browser';
import { followStorage } from './follow-storage';
import { defaults, normalizeOptions, type Options } from './settings';
import { sameRule, type IgnoreRule } from '../diagnosis/ignore';
import { packRules, RULES_PREFIX, unpackRules } from '../diagnosis/ignore-io';

let current: Options = defaults;
const listeners = new Set<(options: Options) => void>();
/** The stored rule chunks by key, as last read or changed; `rules` is them unpacked. */
const chunks: Record<string, unknown> = {};
let rules: readonly IgnoreRule[] = [];
const ruleListeners = new Set<(rules: readonly IgnoreRule[]) => void>();

/** Resolves once the stored settings are read; until then `settings()` is the defaults. */
export const settingsReady: Promise<Options> = followStorage('sync', null, (values, initial) => {
  let rulesChanged = false;
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith(RULES_PREFIX)) continue;
    chunks[key] = value;
    rulesChanged = true;
  }
  if (rulesChanged) rules = unpackRules(chunks);
  current = normalizeOptions({ ...current, ...values });
  if (initial) return;
  if (rulesChanged) for (const listener of ruleListeners) listener(rules);
  if (Object.keys(values).some((key) => !key.startsWith(RULES_PREFIX))) for (const listener of listeners) listener(current);
}).then(() => current);

/** The settings as last read (the defaults before `settingsReady`). */
export const settings = (): Options => current;

/** The ignore rules as last read (none before `settingsReady`). */
export const ignoreRules = (): readonly IgnoreRule[] => rules;

/** Called on every change, with the new settings. */
export function watchSettings(listener: (options: Options) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called whenever the ignore rules change (here or in another context, or from another device). */
export function watchIgnoreRules(listener: (rules: readonly IgnoreRule[]) => void): () => void {
  ruleListeners.add(listener);
  return () => ruleListeners.delete(listener);
}

export function updateSettings(change: Partial<Options>): Promise<void> {
  return browser.storage.sync.set(change);
}

/** Why a rule set was not saved: too large for storage.sync. Nothing of it was written. */
export class RulesTooLarge extends Error {}

/**
 * Replace every rule: written in chunks, stale chunks removed; refused whole (RulesTooLarge) when they do not fit.
 * Only chunks that changed are written: storage.sync allows 120 writes a minute.
 */
export async function setIgnoreRules(next: readonly IgnoreRule[]): Promise<void> {
  const packed = packRules(next);
  if (!packed) throw new RulesTooLarge('ignore rules over the storage.sync quota');
  const stored = await browser.storage.sync.get(null);
  // An empty set is no chunk at all.
  const wanted = next.length ? packed : {};
  const changed = Object.fromEntries(Object.entries(wanted).filter(([key, chunk]) => JSON.stringify(stored[key]) !== JSON.stringify(chunk)));
  const stale = Object.keys(stored).filter((key) => key.startsWith(RULES_PREFIX) && !(key in wanted));
  if (Object.keys(changed).length) await browser.storage.sync.set(changed);
  if (stale.length) await browser.storage.sync.remove(stale);
}

/** Add one rule (once), reading the stored rules first so concurrent edits survive. */
export async function addIgnoreRule(rule: IgnoreRule): Promise<void> {
  const stored = unpackRules(await browser.storage.sync.get(null));
  if (stored.some((kept) => sameRule(kept, rule))) return;
  await setIgnoreRules([...stored, rule]);
}

/** Remove one rule (every copy of it). */
export async function removeIgnoreRule(rule: IgnoreRule): Promise<void> {
  const stored = unpackRules(await browser.storage.sync.get(null));
  await setIgnoreRules(stored.filter((kept) => !sameRule(kept, rule)));
}

/** Add or remove one site of the mute list, reading the stored list first so concurrent edits survive. */
export async function setSiteMuted(site: string, muted: boolean): Promise<void> {
  const { mutedSites } = normalizeOptions(await browser.storage.sync.get('mutedSites'));
  const next = muted ? [...new Set([...mutedSites, site])] : mutedSites.filter((s) => s !== site);
  await updateSettings({ mutedSites: next });
}
