// Everything that needs the catalog, as one chunk loaded after the first paint (see lazy.ts): the
// catalog parts, titles, opened cards. The first paint (summary and lines) never waits for it.
import { catalogFor as catalogIn } from '../diagnosis/catalog';
import type { Catalog } from '../diagnosis/catalog/types';
import type { Classification } from '../diagnosis/types';
import { catalogLanguage } from '../shared/i18n';

export { explanationFor } from '../diagnosis/explain';
export { openLine } from '../card/line-open';

/** The catalog with every part these failures need, in the interface's language. */
export const catalogFor = (failures: Iterable<Classification>): Promise<Catalog> => catalogIn(failures, catalogLanguage());
