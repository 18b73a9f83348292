// A tab's failures on screen. The first paint needs no catalog: the summary and one line per failure
// (failed step, code, host, count) come from the stored records. Titles, the likely side and opened
// cards follow when the catalog chunks arrive (texts.ts); lines keep their height, so nothing jumps.
import { failureOf, markFailure } from '../card/contract';
import { closeLine, failureLine, setLineTitle, toggleOf } from '../card/line';
import type { Catalog } from '../diagnosis/catalog/types';
import { countedFailures } from '../shared/failures';
import { FIRST_SCREEN_ITEMS } from '../shared/first-screen';
import type { FailureRecord, TabLog } from '../shared/protocol';
import { lineKey, wantsOpen, type OpenState } from './disclosure';
import { loadTexts, type Texts } from './lazy';
import { listHead, settled, showCount } from './first-screen-view';
import { markFirstRender } from './marks';
import { emptyState, sectionElement, sectionsOf } from './sections';
import { showLikelySide, showSummary } from './summary-view';
import { onHostList } from '../diagnosis/scope';
import { settings } from '../shared/settings-store';

/** Lines per later task: about 45 ms each on the bench machine, and fewer tasks mean fewer layouts in between. */
const CHUNK = 500;

const list = document.getElementById('failures')!;
let renderToken = 0;
/** Whether this page has drawn the list once (lines the classic script drew are not yet this module's). */
let drawn = false;

/** The catalog with its helpers, once loaded. */
interface Loaded { texts: Texts; catalog: Catalog }

function lineFor(failure: FailureRecord, group: string, state: OpenState, loaded: Loaded | undefined, shown: Map<string, HTMLElement>): HTMLElement {
  const kept = shown.get(lineKey(failure));
  if (kept && unchanged(failureOf(kept), failure)) {
    markFailure(kept, failure); // the stored record, where the line was drawn from the hand-over's
    settled(kept);
    // Opened or closed as it should be now (the popup opens the page's newest failure until someone chooses).
    if (!wantsOpen(state, failure)) closeLine(kept);
    else if (loaded) loaded.texts.openLine(kept, loaded.catalog);
    // Its title may still be missing (the log changed before the catalog came) or a fallback.
    if (loaded) setLineTitle(kept, loaded.texts.explanationFor(failure, loaded.catalog).title);
    return kept;
  }
  const line = failureLine(failure, loaded ? loaded.texts.explanationFor(failure, loaded.catalog).title : '', group);
  if (loaded && wantsOpen(state, failure)) loaded.texts.openLine(line, loaded.catalog);
  return line;
}

async function load(failures: readonly FailureRecord[]): Promise<Loaded> {
  const texts = await loadTexts();
  return { texts, catalog: await texts.catalogFor(failures) };
}

/** Where the focus was in the list: the element itself, and its line's key and action, for when that line is rebuilt. */
interface Focus { element: HTMLElement; key: string; action: string | null }

function focusInList(): Focus | undefined {
  const focused = document.activeElement;
  const failure = focused instanceof HTMLElement && list.contains(focused) ? failureOf(focused) : undefined;
  return failure && { element: focused as HTMLElement, key: lineKey(failure), action: focused!.getAttribute('data-action') };
}

/** An element the focus can land on: in the page, and not inside a line body that closed (focus there falls to the page). */
const focusable = (element: HTMLElement | null | undefined): HTMLElement | undefined =>
  element?.isConnected && !element.closest<HTMLElement>('.line-body')?.hidden ? element : undefined;

/** Gives the focus back: to the same element if it is still shown, else to the same button of its line's new element, else its toggle. */
function restoreFocus(focus: Focus | undefined): void {
  if (!focus) return;
  if (focusable(focus.element)) {
    if (document.activeElement !== focus.element) focus.element.focus({ preventScroll: true });
    return;
  }
  const line = [...list.querySelectorAll<HTMLElement>('.line')].find((element) => lineKey(failureOf(element)!) === focus.key);
  if (!line) return;
  const action = focus.action ? focusable(line.querySelector<HTMLElement>(`[data-action="${focus.action}"]`)) : undefined;
  (action ?? toggleOf(line)).focus({ preventScroll: true });
}

/** The lines on screen by key, to be kept as they are where their failure did not change. */
const shownLines = (): Map<string, HTMLElement> =>
  new Map([...list.querySelectorAll<HTMLElement>('.line')].map((line) => [lineKey(failureOf(line)!), line]));

/** A repeat changes the count and lastSeen; a record with neither changed shows the same. */
const unchanged = (a: FailureRecord | undefined, b: FailureRecord): boolean => a !== undefined && a.count === b.count && a.lastSeen === b.lastSeen;

/** Called once every failure is in the page (e.g. to read step timings, never before). */
let onComplete: () => void = () => {};
export const whenComplete = (listener: () => void): void => void (onComplete = listener);

export async function render(log: TabLog | undefined, state: OpenState): Promise<void> {
  const token = ++renderToken;
  const failures = log?.failures ?? [];
  performance.mark('data-read');
  // Failures dropped by the caps still count: the total stays the number the page really made.
  const dropped = log?.dropped ?? 0;
  showCount(countedFailures(log), failures.length);
  const summary = showSummary(failures);
  list.setAttribute('aria-busy', 'true');
  const firstDraw = !drawn;
  drawn = true;
  if (failures.length === 0) {
    list.replaceChildren(emptyState());
    markFirstRender();
    return finished();
  }
  // Everything is listed; "Sites I work on" come first.
  const { mySites } = settings();
  const sections = sectionsOf(failures, mySites.length ? (host) => onHostList(host, mySites) : undefined);
  const shown = shownLines();
  const build = sections.flatMap((section) => [
    () => sectionElement(section),
    ...section.failures.map((failure) => (loaded?: Loaded) => lineFor(failure, section.title, state, loaded, shown)),
  ]);
  const head = (): DocumentFragment => listHead(dropped);
  if (shown.size > 0 && !firstDraw) {
    // The log changed under lines already on screen: keep the unchanged ones as they are (focus, open
    // details, "Copied", a recheck running) and place everything at once, so the scroll stays put.
    const loaded = await load(failures);
    if (token !== renderToken) return;
    const focus = focusInList();
    const fragment = head();
    for (const job of build) fragment.appendChild(job(loaded));
    list.replaceChildren(fragment);
    restoreFocus(focus);
    showLikelySide(summary, (failure) => loaded.texts.explanationFor(failure, loaded.catalog).side);
    return finished();
  }
  // No line of ours on screen yet (at most those drawn from the hand-over, kept where unchanged): the first
  // screen, then the rest in chunks.
  // A card open on the first screen is painted whole (its part loaded first): opening it later would push the lines down.
  const firstOpen = sections.flatMap((s) => s.failures).slice(0, FIRST_SCREEN_ITEMS).filter((f) => wantsOpen(state, f));
  const firstLoaded = firstOpen.length ? await load(firstOpen) : undefined;
  if (token !== renderToken) return;
  // Someone may already be on a line the classic script drew: kept lines keep the focus.
  const focus = focusInList();
  const fragment = head();
  let next = 0;
  while (next < build.length && next < FIRST_SCREEN_ITEMS) fragment.appendChild(build[next++]!(firstLoaded));
  list.replaceChildren(fragment);
  restoreFocus(focus);
  markFirstRender();

  const loaded = await load(failures);
  if (token !== renderToken) return;
  const { texts, catalog } = loaded;
  showLikelySide(summary, (failure) => texts.explanationFor(failure, catalog).side);
  for (const line of list.querySelectorAll<HTMLElement>('.line')) {
    const failure = failureOf(line)!;
    // Also lines titled at the first paint: that catalog held only the open cards' parts (others got a fallback).
    setLineTitle(line, texts.explanationFor(failure, catalog).title);
    if (wantsOpen(state, failure)) texts.openLine(line, catalog);
  }
  performance.mark('catalog-ready'); // the first screen has its titles (and open cards their text)
  const buildRest = (): void => {
    if (token !== renderToken) return;
    const chunk = document.createDocumentFragment();
    for (const end = Math.min(next + CHUNK, build.length); next < end; ) chunk.appendChild(build[next++]!(loaded));
    list.appendChild(chunk);
    if (next < build.length) setTimeout(buildRest, 0);
    else finished();
  };
  buildRest();
}

/** Every failure is in the page with its title (find-in-page and tests see all); benchmarks read this mark. */
function finished(): void {
  list.setAttribute('aria-busy', 'false');
  performance.mark('complete-render');
  onComplete();
}

/** Opens or closes every line (the report's "Collapse all" / "Expand all"). */
export async function setAllOpen(open: boolean): Promise<void> {
  const lines = [...list.querySelectorAll<HTMLElement>('.line')];
  if (!open) return lines.forEach(closeLine);
  const { texts, catalog } = await load(lines.map((line) => failureOf(line)!));
  lines.forEach((line) => texts.openLine(line, catalog));
}
