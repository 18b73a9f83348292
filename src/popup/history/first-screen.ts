// The History's first screen, drawn by the page's classic script (src/popup/first-paint.ts) before the view's
// modules load: the frame and the newest failures the filters keep, as pending cards (all the record says;
// the modules replace them with whole cards once the catalog is there). README: "History, measured".
import { pendingCard } from '../../card/card-top';
import { applyFilters, drawableEarly, parseFilters, type HistoryFilters } from '../../diagnosis/history/filter';
import { localizePage } from '../../shared/i18n';
import { settings } from '../../shared/settings-store';
import { markFirstRender } from '../marks';
import { openTabs, readStoredHistory } from './data';
import { withEntryMeta } from './entry-meta';
import { emptyList, FIRST_SCREEN, historyPage, keptText, listHeading, showCounts, type HistoryPage } from './layout';

export const isHistoryView = (): boolean => new URLSearchParams(location.search).get('view') === 'history';

/** A blank page at most this long: storage slower than that, and the frame comes before the cards. */
const BLANK_AT_MOST_MS = 100;

function drawFrame(filters: HistoryFilters): HistoryPage {
  localizePage();
  return historyPage(filters);
}

/**
 * Draws the frame and the first cards together, as soon as the newest failures are read; true when it did
 * (the page's modules wait for that paint). A text search or a grouping gets the frame only, at once.
 */
export async function paintHistoryFirstScreen(): Promise<boolean> {
  const filters = parseFilters(new URLSearchParams(location.search));
  if (!drawableEarly(filters)) {
    drawFrame(filters);
    return false;
  }
  const reading = readStoredHistory();
  const tabsRead = openTabs();
  // Blank meanwhile (not the popup's elements): a frame built now made the reads come back later, and showed
  // first without its cards (README: "History, measured").
  document.body.replaceChildren();
  const frameAnyway = setTimeout(() => drawFrame(filters), BLANK_AT_MOST_MS);
  const [first, tabs] = await Promise.all([reading.next(), tabsRead]).finally(() => clearTimeout(frameAnyway));
  void reading.return(undefined);
  const page = drawFrame(filters);
  // The modules may have drawn the whole list meanwhile (they load anyway if this takes long): theirs stays.
  if (first.done || page.main.dataset.list) return false;
  const stored = first.value;
  const shown = applyFilters(stored.entries, filters, Date.now());
  page.kept.textContent = keptText(settings().historyDays);
  showCounts(page, stored, shown.length);
  // Nothing among the newest yet: older entries may match, so "nothing matches" waits for the modules.
  if (!shown.length && !stored.complete) return false;
  page.main.dataset.list = 'pending';
  const cards = shown.slice(0, FIRST_SCREEN).map((entry) => withEntryMeta(pendingCard(entry), entry, tabs, { buttons: false }));
  page.main.replaceChildren(listHeading(), ...(cards.length ? cards : [emptyList(stored.entries.length > 0)]));
  markFirstRender();
  return true;
}
