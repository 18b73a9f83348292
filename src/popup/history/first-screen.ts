// The History's first screen, drawn by the page's classic script (src/popup/first-paint.ts) while the view's
// modules load: the frame at once, then the newest failures the filters keep, as pending cards (all the
// record says; the modules replace them with whole cards once the catalog is there). README: "History, measured".
import { pendingCard } from '../../card/card-top';
import { applyFilters, drawableEarly, parseFilters } from '../../diagnosis/history/filter';
import { localizePage } from '../../shared/i18n';
import { settings } from '../../shared/settings-store';
import { markFirstRender } from '../marks';
import { openTabs, readStoredHistory } from './data';
import { withEntryMeta } from './entry-meta';
import { emptyList, FIRST_SCREEN, historyPage, keptText, listHeading, showCounts } from './layout';

export const isHistoryView = (): boolean => new URLSearchParams(location.search).get('view') === 'history';

/** Draws the frame at once, and the first cards once they are read. */
export async function paintHistoryFirstScreen(): Promise<void> {
  const filters = parseFilters(new URLSearchParams(location.search));
  const early = drawableEarly(filters);
  // Asked for before anything is drawn: the reads travel while the frame is built.
  const reading = early ? readStoredHistory() : undefined;
  const tabsRead = early ? openTabs() : undefined;
  localizePage();
  const page = historyPage(filters);
  if (!reading || !tabsRead) return;
  const [first, tabs] = await Promise.all([reading.next(), tabsRead]);
  void reading.return(undefined);
  // The modules may have drawn the whole list meanwhile (they load anyway if this takes long): theirs stays.
  if (first.done || page.main.dataset.list) return;
  const stored = first.value;
  const shown = applyFilters(stored.entries, filters, Date.now());
  page.kept.textContent = keptText(settings().historyDays);
  showCounts(page, stored, shown.length);
  // Nothing among the newest yet: older entries may match, so "nothing matches" waits for the modules.
  if (!shown.length && !stored.complete) return;
  page.main.dataset.list = 'pending';
  const cards = shown.slice(0, FIRST_SCREEN).map((entry) => withEntryMeta(pendingCard(entry), entry, tabs, { buttons: false }));
  page.main.replaceChildren(listHeading(), ...(cards.length ? cards : [emptyList(stored.entries.length > 0)]));
  markFirstRender();
}
