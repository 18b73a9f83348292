// Failures recorded while the History is open are offered, not pushed in: a list rebuilt under the
// reader would lose their place and focus (and 10,000 entries take a moment to show).
import browser from '../../shared/browser';
import { h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { HISTORY_PREFIX, historyChunkEntries, type HistoryEntry } from '../../shared/protocol';
import { isEntry } from './data';

type Changes = Record<string, { newValue?: unknown }>;

/** Whether entries just written are news to this view (undefined while it is still reading: it will read them). */
export type IsNews = (written: readonly HistoryEntry[]) => boolean | undefined;

/** A status line that appears when a failure this view would show is recorded after the newest one read; its button shows them. */
export function newFailuresBar(isNews: IsNews, showThem: () => Promise<void>, focusAfter: HTMLElement): HTMLElement {
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
    if (bar.firstChild) return;
    const written = Object.entries(changes).filter(([key, change]) => key.startsWith(HISTORY_PREFIX) && change.newValue !== undefined)
      .flatMap(([, change]) => historyChunkEntries(change.newValue).filter(isEntry));
    if (written.length && isNews(written)) {
      bar.replaceChildren(h('span', null, t('historyNew')), ' ', button);
    }
  };
  browser.storage.session.onChanged.addListener(onChanged);
  browser.storage.local.onChanged.addListener(onChanged);
  return bar;
}
