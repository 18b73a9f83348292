// The shape every language module of the catalog fills in; a translation is one new module.
import type { Explanation, Stage } from '../types';

export interface Catalog {
  /** Every HTTP status we know by number (4xx, 5xx and the listed outliers such as 999). */
  statuses: Readonly<Record<number, Explanation>>;
  /** Fallback per status class, keyed by the first digit (1 to 9). */
  statusClasses: Readonly<Record<number, Explanation>>;
  /** Chromium net errors by name without the `net::ERR_` prefix. */
  netErrors: Readonly<Record<string, Explanation>>;
  /** Internal-only errors explained together (cache, file, certificate manager, ...). */
  netErrorGroups: ReadonlyArray<{ readonly names: readonly string[]; readonly explanation: Explanation }>;
  /** Generic text per stage, for error strings nobody has catalogued. */
  stages: Readonly<Record<Stage, Explanation>>;
}
