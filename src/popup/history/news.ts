// Failures recorded while the History is open are offered, not pushed in: a list rebuilt under the
// reader would lose their place and focus (and 10,000 entries take a moment to show).
import browser from '../../shared/browser';
import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { HISTORY_PREFIX, historyChunkEntries, type HistoryEntry } from '../../shared/protocol';

type Changes = Record<string, { newValue?: unknown }>;

/** Whether a written chunk holds a failure seen after `newest` (a new one, or a repeat): a page title filled in is none. */
const seenAfter = (chunk: unknown, newest: number): boolean =>
  historyChunkEntries(chunk).some((entry) => typeof (entry as HistoryEntry | null)?.lastSeen === 'number' && (entry as HistoryEntry).lastSeen > newest);

/** A status line that appears when a failure is recorded after the newest one read; its button shows them. */
export function newFailuresBar(newestShown: () => number | undefined, showThem: () => Promise<void>, focusAfter: HTMLElement): HTMLElement {
  const bar = h('p', { class: 'history-new', role: 'status' });
  const button = h('button', { type: 'button', 'data-action': 'show-new' }, t('historyShowNew'));
  button.addEventListener('click', async () => {
    bar.replaceChildren();
    await showThem();
    // The button is gone: the reader goes on in the list it asked for, not at the top of the page.
    focusAfter.focus();
  });
  // Written chunks only: Clear history removes them (no newValue) and reads again by itself.
  const onChanged = (changes: Changes): void => {
    const newest = newestShown();
    if (bar.firstChild || newest === undefined) return;
    if (Object.entries(changes).some(([key, change]) => key.startsWith(HISTORY_PREFIX) && change.newValue !== undefined && seenAfter(change.newValue, newest))) {
      bar.replaceChildren(h('span', null, t('historyNew')), ' ', button);
    }
  };
  browser.storage.session.onChanged.addListener(onChanged);
  browser.storage.local.onChanged.addListener(onChanged);
  return bar;
}
