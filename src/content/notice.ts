// The notification itself, in an extension-origin iframe: page scripts cannot read it, page CSS cannot touch it.
import browser from '../shared/browser';
import { catalogFor } from '../diagnosis/catalog';
import type { Catalog } from '../diagnosis/catalog/types';
import type { Classification } from '../diagnosis/types';
import { explanationFor } from '../diagnosis/explain';
import { shortenMiddle } from '../diagnosis/url';
import { h } from '../shared/dom';
import { catalogLanguage, localizePage, stepChip, t } from '../shared/i18n';
import { chipCode, HOST_CHARS } from '../shared/failures';
import { MAX_NOTICE_HEIGHT, visibleLines } from '../shared/notice-lines';
import { MessageType, OFFLINE_LINE, type Message, type NoticeLine, type NoticeView } from '../shared/protocol';
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
/** The report; at one line's failures when `line` names it. */
const openReport = (line?: number): void =>
  void browser.runtime.sendMessage({ type: MessageType.OpenReport, ...(line === undefined ? {} : { line }) } satisfies Message);

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

/** A line's title, as the popup's line for the same failure has it (the catalog, in the interface's language). */
const classified = (line: NoticeLine): Classification => ({ ...line, severity: 'error', blocked: false });
/** Being offline is one line, whatever failed: no code, no host, no step of its own. */
const offlineLine = (line: NoticeLine): boolean => line.code === OFFLINE_LINE;
const titleOf = (line: NoticeLine, catalog: Catalog): string =>
  offlineLine(line) ? t('noticeOfflineLine') : explanationFor(classified(line), catalog).title;

/** Offline, and back online, are said as such; anything else by the page's summary sentence. */
function heading(notice: NoticeView): string {
  if (notice.online) return t('noticeBackOnline');
  if (notice.offline && notice.lines.every(offlineLine)) return t('noticeOffline');
  return notice.heading;
}

function render(notice: NoticeView | undefined, catalog: Catalog): void {
  if (!notice) return;
  const { lines, more } = visibleLines(notice);
  const refocus = focusedButton();
  shownRevision = notice.revision;
  // Said once per change, in words: the summary and what failed where (the buttons are not read out again).
  const title = heading(notice);
  const said = `${title} ${lines.map((line) => `${titleOf(line, catalog)}, ${line.host}${line.count > 1 ? ` ${t('times', line.count)}` : ''}`).join('; ')}`;
  if (announce.textContent !== said) announce.textContent = said;
  root.replaceChildren(
    h('header', null,
      h('h1', { id: 'notice-title' }, title),
      h('button', { type: 'button', class: 'close', 'aria-label': t('noticeClose'), title: t('noticeClose'), 'data-action': 'close' }, '×')),
    h('ul', null, ...lines.map((line, index) =>
      h('li', { 'data-code': line.code, 'data-host': line.host, 'data-stage': line.stage, 'data-line': String(index) },
        h('div', { class: 'what' },
          h('span', { class: 'title' }, titleOf(line, catalog)),
          offlineLine(line)
            ? h('span', { class: 'meta' }, h('span', { class: 'count' }, t('times', line.count)))
            : h('span', { class: 'meta' },
              h('span', { class: 'host' }, shortenMiddle(line.host, HOST_CHARS)),
              line.count > 1 ? h('span', { class: 'count' }, t('times', line.count)) : '',
              h('span', { class: 'step' }, stepChip(line)),
              h('span', { class: 'code' }, chipCode(line.code)))),
        h('button', { type: 'button', 'data-action': 'details', 'aria-label': t('noticeDetailsFor', line.code, line.host) }, t('noticeDetails'))))),
    more > 0 ? h('button', { type: 'button', class: 'more', 'data-action': 'report' }, t('noticeMore', more)) : '',
    // One line whatever it says: its words may count other sites' frames, the frame's size must not.
    h('p', { class: 'shown' }, notice.shown),
    notice.private ? '' : h('footer', null, h('button', { type: 'button', 'data-action': 'mute' }, t('noticeMute', notice.site))));
  // A new failure redraws it: the keyboard stays where it was.
  if (refocus) root.querySelector<HTMLElement>(refocus)?.focus();
  root.onclick = (event) => {
    const button = (event.target as Element).closest('button');
    const action = button?.getAttribute('data-action');
    if (action === 'close') dismiss();
    else if (action === 'details') openReport(Number(button!.closest('li')!.getAttribute('data-line')));
    else if (action === 'report') openReport();
    else if (action === 'mute') void muteSite(notice.site);
  };
  armTimer();
}

// The frame is as tall as its content: the page's script sizes it, told through the background.
let sentHeight = 0;
new ResizeObserver(() => {
  const height = Math.min(MAX_NOTICE_HEIGHT, Math.ceil(root.getBoundingClientRect().height));
  if (height === sentHeight || height === 0) return;
  sentHeight = height;
  void browser.runtime.sendMessage({ type: MessageType.NoticeSize, height } satisfies Message);
}).observe(root);

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
const fetchNotice = (): Promise<NoticeView | undefined> =>
  browser.runtime.sendMessage({ type: MessageType.GetNotice } satisfies Message).then((notice) => (notice ?? undefined) as NoticeView | undefined);

/** The notice with the catalog its titles need, drawn at once: no redraw when the titles arrive. */
let asked = 0;
async function update(): Promise<void> {
  const ask = ++asked;
  const notice = await fetchNotice();
  const catalog = notice && (await catalogFor(notice.lines.map(classified), catalogLanguage()));
  // A newer change was asked for meanwhile: its answer is drawn, not this older one.
  if (notice && catalog && ask === asked) render(notice, catalog);
}

// Told of a change by the background, with nothing in the message: the page's content script hears it too.
// Firefox gives an extension page framed by a web page only content-script APIs, so it asks rather than reads storage.
browser.runtime.onMessage.addListener((message: unknown) => {
  if ((message as Message | null)?.type === MessageType.NoticeChanged) void update();
});
localizePage();
// The timer needs the person's setting, so the first render waits for it.
void settingsReady.then(update);
