// Recheck and Watch in the popup and report: clicks go to the background, results come back through
// storage (session for rechecks, local for watches), so a reopened popup shows the same state.
import browser from '../shared/browser';
import { followStorage } from '../shared/follow-storage';
import { catalogFor } from './texts';
import { failureKey, recheckPlan } from '../diagnosis/recheck';
import { MessageType, NOTIFICATIONS_ASKED_KEY, recheckKey, WATCHES_KEY, type FailureRecord, type Message, type RecheckResult, type Watch, type WatchAnswer } from '../shared/protocol';
import { failureOf } from '../card/card';
import { addedElements } from './added';
import { backAgainSection, showRecheck, showRechecking, showWatch, showWatchRefused } from '../card/recheck';

const NOTIFICATIONS = { permissions: ['notifications' as const] };

export function wireRecheck(tabId: number, list: HTMLElement): void {
  const sessionKey = recheckKey(tabId);
  let results: Record<string, RecheckResult> = {};
  let watches: Watch[] = [];
  let backAgain: HTMLElement | null = null;
  /** failureKeys of the rechecks under way. */
  const running = new Set<string>();

  function apply(card: HTMLElement): void {
    const failure = failureOf(card);
    if (!failure) return;
    const key = failureKey(failure);
    const result = results[key];
    const plan = recheckPlan(failure);
    // A verdict older than the failure's latest repeat no longer describes it.
    if (result && result.checkedAt >= failure.lastSeen) {
      void catalogFor(result.failure ? [result.failure] : []).then((catalog) => showRecheck(card, failure, result, catalog));
    } else if (!plan.repeat) {
      card.dataset.recheck = 'skipped';
    }
    showWatch(card, watches.find((watch) => watch.key === key));
    // A card rebuilt while its recheck runs (the failure repeated) still says so.
    if (running.has(key)) showRechecking(card, failure, true);
  }

  const applyAll = (): void => list.querySelectorAll<HTMLElement>('[data-failure]').forEach(apply);

  function showBackAgain(): void {
    const next = backAgainSection(watches.filter((watch) => watch.state === 'recovered' && watch.tabId === tabId));
    if (backAgain) backAgain.remove();
    backAgain = next;
    if (next) list.before(next);
  }

  // Cards arrive in chunks, and a collapsed line gets its card body only when it opens: decorate each then.
  new MutationObserver((mutations) => {
    const arrived = new Set<HTMLElement>();
    for (const node of addedElements(mutations)) {
      if (node.matches('[data-failure]')) arrived.add(node);
      else if (node.querySelector('button[data-action="recheck"]')) {
        const card = node.closest<HTMLElement>('[data-failure]');
        if (card) arrived.add(card);
      }
    }
    arrived.forEach(apply);
  }).observe(list, { childList: true, subtree: true });

  // Until known, as if asked: a Watch clicked before the read never asks twice.
  let notificationsAsked = true;
  followStorage('local', [NOTIFICATIONS_ASKED_KEY], (values) => void (notificationsAsked = values[NOTIFICATIONS_ASKED_KEY] === true));

  const readWatches = (value: unknown): Watch[] => (Array.isArray(value) ? (value as Watch[]) : []);
  // Both read before the first paint of the buttons, so a watched card never shows "Watch" first.
  let bothRead = false;
  const followed = [
    followStorage('session', [sessionKey], (values) => {
      results = (values[sessionKey] as Record<string, RecheckResult> | undefined) ?? {};
      if (bothRead) applyAll();
    }),
    followStorage('local', [WATCHES_KEY], (values) => {
      watches = readWatches(values[WATCHES_KEY]);
      if (!bothRead) return;
      applyAll();
      showBackAgain();
    }),
  ];
  void Promise.all(followed).then(() => {
    bothRead = true;
    applyAll();
    showBackAgain();
  });

  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button[data-action="recheck"], button[data-action="watch"]');
    const card = button?.closest<HTMLElement>('[data-failure]');
    const failure = card && failureOf(card);
    if (!button || !card || !failure) return;
    if (button.getAttribute('data-action') === 'recheck') void recheck(card, failure);
    else void toggleWatch(card, failure);
  });

  async function recheck(card: HTMLElement, failure: FailureRecord): Promise<void> {
    const key = failureKey(failure);
    running.add(key);
    showRechecking(card, failure, true);
    const message: Message = { type: MessageType.Recheck, tabId, method: failure.method, code: failure.code, url: failure.url };
    try {
      const result = (await browser.runtime.sendMessage(message)) as RecheckResult | undefined;
      if (result) results[key] = result;
    } finally {
      running.delete(key);
      // The card may have been rebuilt meanwhile: the one shown now gets the verdict.
      const shown = [...list.querySelectorAll<HTMLElement>('[data-failure]')].find((element) => failureKey(failureOf(element)!) === key) ?? card;
      showRechecking(shown, failureOf(shown) ?? failure, false);
      apply(shown);
    }
  }

  async function toggleWatch(card: HTMLElement, failure: FailureRecord): Promise<void> {
    const watch = watches.find((w) => w.key === failureKey(failure));
    if (watch?.state === 'watching') {
      await browser.runtime.sendMessage({ type: MessageType.StopWatch, id: watch.id } satisfies Message);
      return;
    }
    const message: Message = { type: MessageType.Watch, tabId, method: failure.method, code: failure.code, url: failure.url };
    const answer = browser.runtime.sendMessage(message) as Promise<WatchAnswer>;
    // Asked at the first watch only, while the click still counts as the person's gesture (checked
    // synchronously, so it still does); a "no" is not asked again at every Watch. Watching works without it.
    if (!notificationsAsked) {
      notificationsAsked = true;
      void browser.permissions.request(NOTIFICATIONS).catch(() => false);
      void browser.storage.local.set({ [NOTIFICATIONS_ASKED_KEY]: true });
    }
    showWatchRefused(card, await answer);
  }
}
