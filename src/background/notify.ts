// Shows the in-page notification: injected on demand into the active tab's top frame, coalesced and
// rate-limited by the pure rules in notice-plan.ts. Where a page cannot host it, the badge must do.
import browser from '../shared/browser';
import noticeScript from '../content/inject.ts?script&iife';
import { t } from '../shared/i18n';
import { MessageType, noticeKey, type BackgroundHandlers, type FailureRecord, type Notice, type PageMessage } from '../shared/protocol';
import { settings } from '../shared/settings-store';
import { hostOf } from '../diagnosis/url';
import { visibleLines } from '../shared/notice-lines';
import { coalesce, ofPageOrigin, renderDelay, worthNotifying } from './notice-plan';
import { systemNoticeBody } from './system-notice';
import { tabPageUrl } from './history';
import { sessionItem, setSessionItem } from './store';

const timers = new Map<number, ReturnType<typeof setTimeout>>();
const lastRender = new Map<number, number>();
/** The notice revision last sent to each tab's frame (forgotten by a worker restart: then drawn again). */
const drawn = new Map<number, number>();

// The notice itself lives in the store (storage.session), so a woken worker keeps adding to it.
const noticeOf = (tabId: number): Notice | undefined => sessionItem<Notice>(noticeKey(tabId));

/** A failure was recorded: fold it into the tab's notification if it deserves one (`replayed`: already announced once). */
export function considerNotice(record: FailureRecord, replayed = false): void {
  if (record.tabId < 0) return;
  const options = settings();
  // The site the person is on: an iframe's requests name the iframe's origin as their initiator.
  const pageUrl = record.type === 'main_frame' ? record.url : tabPageUrl(record.tabId);
  if (!ofPageOrigin(record, pageUrl)) return;
  const pageHost = hostOf(pageUrl ?? record.initiator);
  if (!worthNotifying(record, options, pageHost)) return;
  // A page that failed to load shows the browser's own error page: nothing can be injected there.
  if (record.type === 'main_frame' && record.statusCode === undefined) {
    if (!replayed) void systemNotification(record);
    return;
  }
  setSessionItem(noticeKey(record.tabId), coalesce(noticeOf(record.tabId), record, pageHost, options.position));
  if (!timers.has(record.tabId)) {
    const delay = renderDelay(lastRender.get(record.tabId), Date.now());
    timers.set(record.tabId, setTimeout(() => void render(record.tabId), delay));
  }
}

async function render(tabId: number): Promise<void> {
  timers.delete(tabId);
  const notice = noticeOf(tabId);
  if (!notice) return;
  lastRender.set(tabId, Date.now());
  try {
    // Failures of background tabs are never notified: they wait on the badge.
    const tab = await browser.tabs.get(tabId);
    // The tab may have gone to another page meanwhile (which reset its notice): not this one's lines there.
    if (!tab.active || noticeOf(tabId) !== notice) return;
    // After a worker restart the top page's site is known only from the tab: muted is muted.
    const site = hostOf(tab.url);
    if (site && settings().mutedSites.includes(site)) return;
    if (site && notice.site !== site) {
      notice.site = site;
      setSessionItem(noticeKey(tabId), notice);
    }
    // A frame already showing it asks for it again (in Firefox it cannot watch storage.session). The poke
    // reaches every context of the tab, the page's content script too, so it carries nothing.
    void browser.tabs.sendMessage(tabId, { type: MessageType.NoticeChanged } satisfies PageMessage).catch(() => {});
    drawn.set(tabId, notice.revision);
    // Injecting again is harmless: the script keeps one listener and one frame per document,
    // which is what keeps a woken worker (that forgot what it injected) from adding a second one.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [noticeScript] });
    if (noticeOf(tabId) !== notice) return;
    const { lines, more } = visibleLines(notice);
    const message: PageMessage = { type: MessageType.ShowNotice, position: notice.position, lines: lines.length, more: more > 0 };
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    // Pages the extension may not script (the web store, browser pages): the badge still counts.
  }
}

async function systemNotification(record: FailureRecord): Promise<void> {
  if (!settings().systemNotifications || !browser.notifications) return;
  try {
    const tab = await browser.tabs.get(record.tabId);
    if (!tab.active) return;
    await browser.notifications.create(`request-doctor-${record.tabId}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/128.png'),
      title: t('systemNoticeTitle'),
      // The system keeps its notifications: one from a private window names no address.
      message: t(...systemNoticeBody(record, t(`stage_${record.stage}`))),
    });
  } catch {
    // Permission not granted after all: the badge is enough.
  }
}

/** The tab came to the front: failures that came while it was in the background are drawn now. */
export function noticeTabShown(tabId: number): void {
  const notice = noticeOf(tabId);
  if (!notice || drawn.get(tabId) === notice.revision || timers.has(tabId)) return;
  timers.set(tabId, setTimeout(() => void render(tabId), renderDelay(lastRender.get(tabId), Date.now())));
}

/** The page changed or the tab closed: the old notification is gone with it. */
export function resetNotice(tabId: number): void {
  clearTimeout(timers.get(tabId));
  timers.delete(tabId);
  lastRender.delete(tabId);
  drawn.delete(tabId);
  setSessionItem(noticeKey(tabId), undefined);
}

/**
 * The tab committed a page: the notice starts again from the failures its log kept, the same rule
 * (tab-log.ts `startPage`): a page's own 503 or its first sub-requests can fail before their commit arrives.
 */
export function noticePageCommitted(tabId: number, kept: readonly FailureRecord[]): void {
  resetNotice(tabId);
  for (const record of kept) considerNotice(record, true);
}

/** The person closed the notification; the next failure starts a fresh one. */
function dismissNotice(tabId: number): Promise<unknown> {
  clearTimeout(timers.get(tabId));
  timers.delete(tabId);
  setSessionItem(noticeKey(tabId), undefined);
  return browser.tabs.sendMessage(tabId, { type: MessageType.HideNotice } satisfies PageMessage, { frameId: 0 }).catch(() => {});
}

/** Messages from the notification frame, which only ever concern its own tab. */
export const noticeHandlers: Pick<BackgroundHandlers, MessageType.DismissNotice | MessageType.GetNotice | MessageType.OpenReport> = {
  [MessageType.DismissNotice]: ({ revision }, sender) => {
    if (sender.tab?.id === undefined) return undefined;
    // Its timer ran out on an older drawing while a newer one is on its way: kept for another round. A newer
    // revision never to be drawn (its failure came while the tab was in the background) keeps nothing open.
    if (revision !== undefined && noticeOf(sender.tab.id)?.revision !== revision && timers.has(sender.tab.id)) return undefined;
    return dismissNotice(sender.tab.id);
  },
  [MessageType.GetNotice]: (_message, sender) => (sender.tab?.id === undefined ? undefined : Promise.resolve(noticeOf(sender.tab.id) ?? null)),
  [MessageType.OpenReport]: (_message, sender) =>
    sender.tab?.id === undefined
      ? undefined
      : browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html?tab=${sender.tab.id}`), index: sender.tab.index + 1 }),
};
