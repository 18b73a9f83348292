// The settings as the worker sees them: read once at start, kept current from storage.sync.
import browser from '../shared/browser';
import { defaults, normalizeOptions, type Options } from '../shared/settings';

export let options: Options = defaults;

export const optionsReady: Promise<void> = browser.storage.sync
  .get(null)
  .then((stored) => void (options = normalizeOptions(stored)))
  .catch(() => {});

browser.storage.sync.onChanged?.addListener((changes) => {
  const current: Record<string, unknown> = { ...options };
  for (const [key, change] of Object.entries(changes)) current[key] = change.newValue;
  options = normalizeOptions(current);
});
