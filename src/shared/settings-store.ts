// The one place that loads, watches and updates the settings; every context reads them through here.
import browser from './browser';
import { defaults, normalizeOptions, type Options } from './settings';

let current: Options = defaults;
const listeners = new Set<(options: Options) => void>();

// Changes seen before the first read finished must win over what that read returns.
let pendingChanges: Record<string, unknown> = {};

/** Resolves once the stored settings are read; until then `settings()` is the defaults. */
export const settingsReady: Promise<Options> = browser.storage.sync
  .get(null)
  .then((stored) => (current = normalizeOptions({ ...stored, ...pendingChanges })))
  .catch(() => current);

browser.storage.sync.onChanged?.addListener((changes) => {
  const next: Record<string, unknown> = { ...current };
  for (const [key, change] of Object.entries(changes)) {
    next[key] = change.newValue;
    pendingChanges[key] = change.newValue;
  }
  current = normalizeOptions(next);
  for (const listener of listeners) listener(current);
});
void settingsReady.then(() => (pendingChanges = {}));

/** The settings as last read (the defaults before `settingsReady`). */
export const settings = (): Options => current;

/** Called on every change, with the new settings. */
export function watchSettings(listener: (options: Options) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function updateSettings(change: Partial<Options>): Promise<void> {
  return browser.storage.sync.set(change);
}

/** Add or remove one site of the mute list, reading the stored list first so concurrent edits survive. */
export async function setSiteMuted(site: string, muted: boolean): Promise<void> {
  const { mutedSites } = normalizeOptions(await browser.storage.sync.get('mutedSites'));
  const next = muted ? [...new Set([...mutedSites, site])] : mutedSites.filter((s) => s !== site);
  await updateSettings({ mutedSites: next });
}
