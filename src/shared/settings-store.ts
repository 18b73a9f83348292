// The one place that loads, watches and updates the settings; every context reads them through here.
import browser from './browser';
import { followStorage } from './follow-storage';
import { defaults, normalizeOptions, type Options } from './settings';

let current: Options = defaults;
const listeners = new Set<(options: Options) => void>();

/** Resolves once the stored settings are read; until then `settings()` is the defaults. */
export const settingsReady: Promise<Options> = followStorage('sync', null, (values, initial) => {
  current = normalizeOptions({ ...current, ...values });
  if (!initial) for (const listener of listeners) listener(current);
}).then(() => current);

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
