// Every part of a catalog, loaded at once: for tests and tools, not for the popup.
import { catalogWith, PARTS, type CatalogLanguage } from './index';
import type { Catalog } from './types';

export const fullCatalog = (language: CatalogLanguage = { language: 'en' }): Promise<Catalog> => catalogWith(PARTS, language);
