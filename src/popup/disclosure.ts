// How the failure lines open and close: Enter, Space or a click toggles (native buttons), Escape closes,
// arrow keys, Home and End move between lines. In the popup only one line is open at a time.
import { failureOf } from '../card/contract';
import { closeLine, isOpen, toggleOf } from '../card/line';
import type { FailureRecord } from '../shared/protocol';
import { isProvisional } from './first-screen-view';
import { loadTexts } from './lazy';

/** Identical failures fold into one record by these fields, so they name a line across re-renders. */
export const lineKey = (f: FailureRecord): string => `${f.code} ${f.method} ${f.url}`;

export interface OpenState {
  /** Only one line open at a time (the popup), or any number (the report). */
  oneAtATime: boolean;
  /** Whether a line starts open when nobody has chosen for it. */
  startsOpen(failure: FailureRecord): boolean;
  /** What the person chose, by line key; kept over re-renders of the same tab. */
  chosen: Map<string, boolean>;
}

export const wantsOpen = (state: OpenState, failure: FailureRecord): boolean => state.chosen.get(lineKey(failure)) ?? state.startsOpen(failure);

/** Opens (loading the catalog part it needs first) or closes one line, as the person chose. */
export async function setOpen(list: HTMLElement, state: OpenState, line: HTMLElement, open: boolean): Promise<void> {
  const failure = failureOf(line);
  if (!failure) return;
  if (state.oneAtATime && open) {
    state.chosen.clear();
    for (const other of list.querySelectorAll<HTMLElement>('.line.open')) if (other !== line) closeLine(other);
  }
  state.chosen.set(lineKey(failure), open);
  if (!open) return closeLine(line);
  // Drawn from the popup's URL and not yet read from storage: render() opens it with its whole record.
  if (isProvisional(line)) return;
  const { catalogFor, openLine } = await loadTexts();
  const catalog = await catalogFor([failure]);
  // A quick second press may have closed it again while the part loaded.
  if (state.chosen.get(lineKey(failure)) && line.isConnected) openLine(line, catalog);
}

const lineOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('[data-failure].line') : null;

export function handleDisclosure(list: HTMLElement, state: OpenState): void {
  list.addEventListener('click', (event) => {
    const toggle = event.target instanceof Element ? event.target.closest('.line-toggle') : null;
    const line = lineOf(toggle);
    if (line) void setOpen(list, state, line, !isOpen(line));
  });
  list.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      const line = lineOf(event.target);
      const open = line && isOpen(line) ? line : state.oneAtATime ? list.querySelector<HTMLElement>('.line.open') : null;
      if (!open) return; // nothing to close: Escape keeps its usual meaning (the popup closes)
      event.preventDefault();
      event.stopPropagation();
      void setOpen(list, state, open, false);
      // From inside the line it closes, the focus goes to its toggle; from another line's, it stays put.
      if (open.contains(event.target as Node)) toggleOf(open).focus();
      return;
    }
    const moves: Record<string, (index: number, count: number) => number> = {
      ArrowDown: (i, n) => Math.min(i + 1, n - 1), ArrowUp: (i) => Math.max(i - 1, 0), Home: () => 0, End: (_, n) => n - 1,
    };
    const move = moves[event.key];
    if (!move || !(event.target instanceof Element) || !event.target.matches('.line-toggle')) return;
    const toggles = [...list.querySelectorAll<HTMLButtonElement>('.line-toggle')];
    const next = toggles[move(toggles.indexOf(event.target as HTMLButtonElement), toggles.length)];
    event.preventDefault();
    next?.focus();
  });
}
