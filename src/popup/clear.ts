// Clear, with a few seconds to take it back: the background keeps what it cleared for UNDO_CLEAR_MS
// (src/background/store.ts); the popup offers Undo for less than that.
import browser from '../shared/browser';
import { t } from '../shared/i18n';
import { MessageType, type Message } from '../shared/protocol';
import { setClearedHere } from './sections';

/** How long Undo is offered. */
export const UNDO_SHOWN_MS = 8_000;

export function wireClear(button: HTMLButtonElement, tabId: number): void {
  const bar = document.getElementById('undo-clear')!;
  const text = document.getElementById('undo-text')!;
  const undo = document.getElementById('undo') as HTMLButtonElement;
  undo.textContent = t('undo');
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', () => {
    // Set before the log changes: the empty list then says it was cleared, not that nothing failed.
    setClearedHere(true);
    void browser.runtime.sendMessage({ type: MessageType.ClearTab, tabId } satisfies Message);
    text.textContent = t('clearedUndoable');
    undo.hidden = false;
    bar.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(() => (bar.hidden = true), UNDO_SHOWN_MS);
  });
  undo.addEventListener('click', () => {
    clearTimeout(timer);
    void (browser.runtime.sendMessage({ type: MessageType.UndoClear, tabId } satisfies Message) as Promise<boolean>).then((undone) => {
      if (undone) {
        setClearedHere(false);
        bar.hidden = true;
        return;
      }
      text.textContent = t('undoTooLate');
      undo.hidden = true;
    });
  });
}
