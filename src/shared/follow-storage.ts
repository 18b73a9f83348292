// The one way a context reads stored values and keeps up with them. A change can reach a page before the
// answer to a read sent earlier (they travel apart in Chromium): what changed wins over what the read says.
import browser from './browser';

type AreaName = 'session' | 'local' | 'sync';
type Values = Record<string, unknown>;

/**
 * Read `keys` (null: every key) of a storage area, then follow their changes. `apply` gets the values read,
 * with any change that arrived meanwhile laid over them (`initial` true; skipped when every key asked for
 * came with such a change, already applied), and each change alone (a removed key is undefined).
 * Resolves once the values read or changed are applied.
 */
export function followStorage(area: AreaName, keys: readonly string[] | null, apply: (values: Values, initial: boolean) => void): Promise<void> {
  // Changes seen while the read is on its way; undefined once it has answered.
  let overtaking: Values | undefined = {};
  browser.storage[area].onChanged.addListener((changes) => {
    const values: Values = {};
    let any = false;
    for (const [key, change] of Object.entries(changes)) {
      if (keys && !keys.includes(key)) continue;
      values[key] = change.newValue;
      any = true;
    }
    if (!any) return;
    if (overtaking) Object.assign(overtaking, values);
    apply(values, false);
  });
  return browser.storage[area]
    .get(keys ? [...keys] : null)
    .catch((error: unknown) => {
      console.warn(`Request Doctor: could not read storage.${area}`, error);
      return {};
    })
    .then((stored) => {
      const seen = overtaking ?? {};
      overtaking = undefined;
      // Every key asked for already came with a change, newer than this answer: nothing left to apply.
      if (keys && keys.every((key) => key in seen)) return;
      apply({ ...stored, ...seen }, true);
    });
}
