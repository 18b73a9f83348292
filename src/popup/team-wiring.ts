// "Is it only me?" on a card: asked of the background when the card opens (never while browsing), which
// asks the team's ClickHouse (cached a minute). Nothing is shown where team mode cannot answer.
import browser from '../shared/browser';
import { t, tCount, uiLanguage } from '../shared/i18n';
import { MessageType, type Message, type TeamOthersAnswer } from '../shared/protocol';
import { failureOf } from '../card/card';
import { addedElements } from './added';

const clock = (at: number): string => new Date(at).toLocaleTimeString(uiLanguage(), { hour: '2-digit', minute: '2-digit' });

async function ask(tabId: number, slot: HTMLElement): Promise<void> {
  const failure = failureOf(slot);
  if (!failure) return;
  slot.dataset.teamOthers = 'asking';
  const message: Message = { type: MessageType.TeamOthers, tabId, method: failure.method, code: failure.code, url: failure.url };
  const answer = (await browser.runtime.sendMessage(message).catch(() => undefined)) as TeamOthersAnswer | undefined;
  if (!answer || answer.state === 'off') {
    slot.dataset.teamOthers = 'off';
    return;
  }
  if (answer.state === 'unreachable') {
    slot.dataset.teamOthers = 'unreachable';
    slot.textContent = t('teamUnreachable');
  } else if (answer.others > 0) {
    slot.dataset.teamOthers = 'seen';
    slot.textContent = tCount('teamOthers', answer.others, answer.others, answer.first ? clock(answer.first) : '');
  } else {
    slot.dataset.teamOthers = 'only-you';
    slot.textContent = t('teamOnlyYou');
  }
  slot.hidden = false;
}

export function wireTeamOthers(tabId: number, list: HTMLElement): void {
  const askAll = (root: ParentNode): void =>
    root.querySelectorAll<HTMLElement>('[data-team-others=""]').forEach((slot) => void ask(tabId, slot));
  // A line's card body is built when it opens: that is when the team is asked.
  new MutationObserver((mutations) => {
    for (const node of addedElements(mutations)) {
      if (node.matches('[data-team-others=""]')) void ask(tabId, node);
      else askAll(node);
    }
  }).observe(list, { childList: true, subtree: true });
  askAll(list);
}
