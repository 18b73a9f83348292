// The notification itself, in an extension-origin iframe: page scripts cannot read it, page CSS cannot touch it.
import browser from '../shared/browser';
import { h } from '../shared/dom';
import { localizePage, t } from '../shared/i18n';
import { shortCode } from '../shared/failures';
import { visibleLines } from '../shared/notice-lines';
import { MessageType, type Message, type Notice } from '../shared/protocol';
import { setSiteMuted, settings, settingsReady, watchSettings } from '../shared/settings-store';

const root = document.getElementById('notice')!;
const announce = document.getElementById('announce')!;
let timer: ReturnType<typeof setTimeout> | undefined;
// Held open while either holds: leaving with the mouse must not close it under the keyboard's focus.
let hovered = false;
let focused = false;

/** The revision drawn last: the timer's dismiss names it, so a failure that came meanwhile is not lost with it. */
let shownRevision: number | undefined;

const dismiss = (): void => void browser.runtime.sendMessage({ type: MessageType.DismissNotice } satisfies Message);
const openReport = (): void => void browser.runtime.sendMessage({ type: MessageType.OpenReport } satisfies Message);

async function muteSite(site: string): Promise<void> {
  await setSiteMuted(site, true);
  dismiss();
}

/** Dismiss itself after the chosen time without a new failure, unless hovered, focused or set to stay. */
function armTimer(): void {
  clearTimeout(timer);
  const seconds = settings().noticeSeconds;
  if (!hovered && !focused && seconds > 0) timer = setTimeout(timedOut, seconds * 1000);
}

function timedOut(): void {
  void browser.runtime.sendMessage({ type: MessageType.DismissNotice, revision: shownRevision } satisfies Message);
  // Refused when a newer failure came: it goes after another round (a removed frame takes the timer with it).
  armTimer();
}

/** The focused button, as a selector that finds its counterpart after a redraw. */
function focusedButton(): string | undefined {
  const button = root.contains(document.activeElement) ? document.activeElement?.closest('button') : null;
  // A line is its code and host together (two hosts can fail with the same code).
  const line = button?.closest('li');
  const where = line ? `li[data-code="${CSS.escape(line.getAttribute('data-code') ?? '')}"][data-host="${CSS.escape(line.getAttribute('data-host') ?? '')}"] ` : '';
  return button ? `${where}[data-action="${button.getAttribute('data-action')}"]` : undefined;
}

function render(notice: Notice | undefined): void {
  if (!notice) return;
  const { lines, more } = visibleLines(notice);
  const refocus = focusedButton();
  shownRevision = notice.revision;
  const heading = t(notice.total === 1 ? 'noticeOne' : 'noticeMany', notice.total);
  // Said once per change, in words: the count and what failed where (the buttons are not read out again).
  const said = `${heading}: ${lines.map((line) => `${t('times', line.count)} ${shortCode(line.code)} ${line.host}, ${t(`stage_${line.stage}`)}`).join('; ')}`;
  if (announce.textContent !== said) announce.textContent = said;
  root.replaceChildren(
    h('header', null,
      h('h1', { id: 'notice-title' }, heading),
      h('button', { type: 'button', class: 'close', 'aria-label': t('noticeClose'), title: t('noticeClose'), 'data-action': 'close' }, '×')),
    h('ul', null, ...lines.map((line) =>
      h('li', { 'data-code': line.code, 'data-host': line.host, 'data-stage': line.stage },
        h('span', { class: 'count' }, t('times', line.count)),
        h('span', { class: 'code' }, shortCode(line.code)),
        h('span', { class: 'host' }, line.host),
        h('span', { class: 'stage' }, t(`stage_${line.stage}`)),
        h('button', { type: 'button', 'data-action': 'details', 'aria-label': t('noticeDetailsFor', line.code, line.host) }, t('noticeDetails'))))),
    more > 0 ? h('p', { class: 'more' }, t('noticeMore', more)) : '',
    notice.private ? '' : h('footer', null, h('button', { type: 'button', 'data-action': 'mute' }, t('noticeMute', notice.site))));
  // A new failure redraws it: the keyboard stays where it was.
  if (refocus) root.querySelector<HTMLElement>(refocus)?.focus();
  root.onclick = (event) => {
    const action = (event.target as Element).closest('button')?.getAttribute('data-action');
    if (action === 'close') dismiss();
    else if (action === 'details') openReport();
    else if (action === 'mute') void muteSite(notice.site);
  };
  armTimer();
}

// Hovering or focusing the notification keeps it open (mouseenter does not reach the document itself).
const hold = (set: (value: boolean) => void, value: boolean) => () => {
  set(value);
  armTimer();
};
document.documentElement.addEventListener('mouseenter', hold((v) => (hovered = v), true));
document.documentElement.addEventListener('mouseleave', hold((v) => (hovered = v), false));
document.addEventListener('focusin', hold((v) => (focused = v), true));
document.addEventListener('focusout', hold((v) => (focused = v), false));
// A new "stay for" applies to the notification on screen too, counted from the change.
watchSettings(() => root.childElementCount > 0 && armTimer());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') dismiss();
});

/** The tab's notification, asked for as the frame it is: the background answers only the notification frame, about its own tab. */
const fetchNotice = (): Promise<Notice | undefined> =>
  browser.runtime.sendMessage({ type: MessageType.GetNotice } satisfies Message).then((notice) => (notice ?? undefined) as Notice | undefined);

// Told of a change by the background, with nothing in the message: the page's content script hears it too.
// Firefox gives an extension page framed by a web page only content-script APIs, so it asks rather than reads storage.
browser.runtime.onMessage.addListener((message: unknown) => {
  if ((message as Message | null)?.type === MessageType.NoticeChanged) void fetchNotice().then(render);
});
localizePage();
// The timer needs the person's setting, so the first render waits for it.
void Promise.all([fetchNotice(), settingsReady]).then(([notice]) => render(notice));
