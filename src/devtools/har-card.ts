// One HAR entry → the report's failure card with the HAR timings on its strip (null for a success).
import { catalogFor, type CatalogLanguage } from '../diagnosis/catalog';
import { harFailure } from '../diagnosis/har';
import { fromHar, type HarEntry } from '../diagnosis/timings';
import { failureCard } from '../card/card';
import { showTimings } from '../card/timings';

export async function harCard(entry: HarEntry, tabId: number, language: CatalogLanguage, failure = harFailure(entry, tabId)): Promise<HTMLElement | null> {
  if (!failure) return null;
  const card = failureCard(failure, await catalogFor([failure], language), { recheck: false, ignore: false });
  showTimings(card, fromHar(entry), failure);
  return card;
}
