// Recheck and Watch on the failure card: the buttons, and the verdict drawn like any failure.
// Kept apart from card.ts so the card's other features merge cleanly.
import type { Catalog } from '../diagnosis/catalog/types';
import { explain } from '../diagnosis/explain';
import { recheckPlan, roughDuration, watchable, type CookieKind, type CookiesLeftOut, type SkipReason } from '../diagnosis/recheck';
import { h } from '../shared/dom';
import { shortCode } from '../shared/failures';
import { t, type MessageKey, uiLanguage } from '../shared/i18n';
import type { FailureRecord, RecheckResult, Watch, WatchAnswer } from '../shared/protocol';
import { cycleStrip } from './card-top';

const SKIP_TEXT: Record<SkipReason, MessageKey> = {
  'unsafe-method': 'skipUnsafeMethod', 'other-method': 'skipOtherMethod', websocket: 'skipWebSocket', 'not-http': 'skipNotHttp', blocked: 'skipBlocked', 'url-cut': 'skipUrlCut',
  refused: 'skipRefused', cors: 'skipCors', 'private-address': 'skipPrivateAddress',
};
const COOKIES_LEFT_TEXT: Record<CookiesLeftOut, MessageKey> = { 'third-party': 'cookiesLeftThirdParty', 'private-window': 'cookiesLeftPrivateWindow' };
const COOKIE_TEXT: Record<CookieKind, MessageKey> = {
  'header-too-large': 'cookieHeaderTooLarge', 'redirect-loop': 'cookieRedirectLoop', 'stale-session': 'cookieStaleSession',
};

const duration = (ms: number): string => {
  const { value, unit } = roughDuration(ms);
  return t(`duration_${unit}`, value);
};

/** The buttons and an empty verdict area; a request that must not be repeated says why at once. */
export function recheckArea(failure: FailureRecord): HTMLElement {
  const plan = recheckPlan(failure);
  return h('div', { class: 'recheck' },
    h('div', { class: 'recheck-actions' },
      h('button', { type: 'button', 'data-action': 'recheck', disabled: !plan.repeat }, t('recheckButton')),
      watchable(failure) ? h('button', { type: 'button', 'data-action': 'watch' }, t('watchButton')) : null),
    h('p', { class: 'watch-status', 'aria-live': 'polite' }),
    h('div', { class: 'verdict', 'aria-live': 'polite' },
      plan.repeat ? null : h('p', { class: 'skip-reason' }, t(SKIP_TEXT[plan.reason], failure.method))));
}

/** The recheck is running: the button says so and cannot be pressed twice. */
export function showRechecking(card: HTMLElement, failure: FailureRecord, busy: boolean): void {
  const button = card.querySelector<HTMLButtonElement>('button[data-action="recheck"]');
  if (!button || !recheckPlan(failure).repeat) return;
  button.disabled = busy;
  button.textContent = t(busy ? 'recheckRunning' : 'recheckButton');
}

/** What the recheck showed. `catalog` must hold the part the recheck's own failure needs. */
export function showRecheck(card: HTMLElement, failure: FailureRecord, result: RecheckResult, catalog: Catalog): void {
  card.dataset.recheck = result.verdict;
  const area = card.querySelector('.verdict');
  if (!area) return;
  const lines: (HTMLElement | null)[] = [];
  const ago = duration(result.checkedAt - result.failedAt);
  switch (result.verdict) {
    case 'ok': lines.push(h('p', null, t('verdictOk', ago))); break;
    case 'ok-without-cookies':
      lines.push(h('p', null, t('verdictOkWithoutCookies')));
      if (result.cookieKind) lines.push(h('p', null, t(COOKIE_TEXT[result.cookieKind])));
      break;
    case 'failing': lines.push(h('p', null, t(result.timedOut ? 'verdictTimedOut' : 'verdictFailing'))); break;
    case 'different': lines.push(h('p', null, t('verdictDifferent', result.failure?.code ?? ''))); break;
    case 'redirected': lines.push(h('p', null, result.redirectedTo ? t('verdictRedirected', result.redirectedTo) : t('verdictRedirectedSomewhere'))); break;
    case 'skipped': lines.push(h('p', { class: 'skip-reason' }, t(SKIP_TEXT[result.reason ?? 'other-method'], failure.method))); break;
  }
  if (result.cookiesLeftOut && result.verdict !== 'skipped') lines.push(h('p', { class: 'cookies-left-out' }, t(COOKIES_LEFT_TEXT[result.cookiesLeftOut])));
  if (result.failure && (result.verdict === 'failing' || result.verdict === 'different')) {
    const diagnosis = explain(result.failure, catalog);
    lines.push(h('div', { class: 'recheck-failure', 'data-recheck-code': result.failure.code, 'data-recheck-stage': result.failure.stage },
      h('p', null, h('span', { class: 'code' }, shortCode(result.failure.code)), ' ', h('strong', null, diagnosis.title)),
      cycleStrip(result.failure.stage, result.failure.url),
      h('p', { class: 'what' }, diagnosis.what)));
  }
  // The server's own words, quoted as text (never HTML): what it said, not what Request Doctor concludes.
  if (result.problem) {
    lines.push(h('figure', { class: 'server-words', 'data-server-words': true },
      h('figcaption', null, t('serverSaid')),
      h('blockquote', null,
        result.problem.title ? h('p', { class: 'server-title' }, t('quoted', result.problem.title)) : null,
        result.problem.detail ? h('p', { class: 'server-detail' }, t('quoted', result.problem.detail)) : null)));
  }
  lines.push(h('p', { class: 'checked-at' }, t('checkedAt', new Date(result.checkedAt).toLocaleTimeString(uiLanguage()))));
  area.replaceChildren(...lines.filter((line): line is HTMLElement => line !== null));
}

/** The watch of this failure, if any: its state on the card and on its button. */
export function showWatch(card: HTMLElement, watch: Watch | undefined): void {
  const button = card.querySelector<HTMLButtonElement>('button[data-action="watch"]');
  const status = card.querySelector('.watch-status');
  if (watch) card.dataset.watch = watch.state;
  else delete card.dataset.watch;
  if (button) button.textContent = t(watch?.state === 'watching' ? 'stopWatchButton' : 'watchButton');
  if (!status) return;
  if (!watch) status.textContent = '';
  else if (watch.state === 'watching') status.textContent = t('watchWatching');
  else if (watch.state === 'recovered') status.textContent = t('watchRecovered', duration((watch.recoveredAt ?? 0) - watch.failedAt), watch.code);
  else status.textContent = t('watchGaveUp');
}

/** The background would not start the watch: say why. */
export function showWatchRefused(card: HTMLElement, answer: WatchAnswer): void {
  const status = card.querySelector('.watch-status');
  if (status && !answer.ok) status.textContent = t(answer.reason === 'limit' ? 'watchLimit' : answer.reason === 'private' ? 'watchPrivate' : 'watchRefused');
}

/** The report's "Back again" list: watched requests of this tab that work again, with their downtime. */
export function backAgainSection(watches: readonly Watch[]): HTMLElement | null {
  if (watches.length === 0) return null;
  return h('section', { class: 'group back-again', 'data-back-again': true },
    h('h2', null, t('backAgainTitle'), h('span', { class: 'group-count' }, String(watches.length))),
    h('ul', null, ...watches.map((watch) => h('li', { 'data-url': watch.url },
      t('backAgainLine', `${watch.method} ${watch.url}`, duration((watch.recoveredAt ?? 0) - watch.failedAt), watch.code)))));
}
