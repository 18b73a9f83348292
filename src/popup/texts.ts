// Everything that needs the catalog, as one chunk loaded after the first paint (see lazy.ts): the
// catalog parts, titles, opened cards. The first paint (summary and lines) never waits for it.
import { catalogFor as catalogIn, type CatalogLanguage } from '../diagnosis/catalog';
import type { Catalog } from '../diagnosis/catalog/types';
import type { Classification } from '../diagnosis/types';
import { t, uiLanguage } from '../shared/i18n';

export { explanationFor } from '../diagnosis/explain';
export { openLine } from '../card/line-open';

/** The catalog speaks the interface's language: `catalogLocale` names its folder, so the two never disagree. */
const language: CatalogLanguage = { language: t('catalogLocale'), locale: uiLanguage() };

/** The catalog with every part these failures need, in the interface's language. */
export const catalogFor = (failures: Iterable<Classification>): Promise<Catalog> => catalogIn(failures, language);
