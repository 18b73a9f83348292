// Shows the in-page notification: injected on demand into the active tab's top frame, coalesced and
// rate-limited by the pure rules in notice-plan.ts. Where a page cannot host it, the badge must do.
import browser from '../shared/browser';
import noticeScript from '../content/inject.ts?script&iife';
import { t } from '../shared/i18n';
import { MessageType, noticeKey, type FailureRecord, type Message } from '../shared/protocol';
import { coalesce, hostOf, renderDelay, visibleLines, worthNotifying, type Notice } from './notice-plan';
import { options } from './options';

const notices = new Map<number, Notice>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const lastRender = new Map<number, number>();
const injected = new Set<number>();

/** A failure was recorded: fold it into the tab's notification if it deserves one. */
export function considerNotice(record: FailureRecord): void {
  if (record.tabId < 0) return;
  const pageHost = hostOf(record.type === 'main_frame' ? record.url : record.initiator);
  if (!worthNotifying(record, options, pageHost)) return;
  // A page that failed to load shows the browser's own error page: nothing can be injected there.
  if (record.type === 'main_frame' && record.statusCode === undefined) {
    void systemNotification(record);
    return;
  }
  notices.set(record.tabId, coalesce(notices.get(record.tabId), record, pageHost, options.position));
  if (!timers.has(record.tabId)) {
    const delay = renderDelay(lastRender.get(record.tabId), Date.now());
    timers.set(record.tabId, setTimeout(() => void render(record.tabId), delay));
  }
}

async function render(tabId: number): Promise<void> {
  timers.delete(tabId);
  const notice = notices.get(tabId);
  if (!notice) return;
  lastRender.set(tabId, Date.now());
  try {
    // Failures of background tabs are never notified: they wait on the badge.
    const tab = await browser.tabs.get(tabId);
    if (!tab.active) return;
    await browser.storage.session.set({ [noticeKey(tabId)]: notice });
    // A frame already showing it updates itself (in Firefox it cannot watch storage.session).
    void browser.tabs.sendMessage(tabId, { type: MessageType.NoticeChanged, notice } satisfies Message).catch(() => {});
    if (!injected.has(tabId)) {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [noticeScript] });
      injected.add(tabId);
    }
    const { lines, more } = visibleLines(notice);
    const message: Message = { type: MessageType.ShowNotice, tabId, position: notice.position, lines: lines.length, more: more > 0 };
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    // Pages the extension may not script (the web store, browser pages): the badge still counts.
  }
}

async function systemNotification(record: FailureRecord): Promise<void> {
  if (!options.systemNotifications || !browser.notifications) return;
  try {
    const tab = await browser.tabs.get(record.tabId);
    if (!tab.active) return;
    await browser.notifications.create(`request-doctor-${record.tabId}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/128.png'),
      title: t('systemNoticeTitle'),
      message: t('systemNoticeBody', record.code, t(`stage_${record.stage}`), record.url.slice(0, 200)),
    });
  } catch {
    // Permission not granted after all: the badge is enough.
  }
}

/** The page changed or the tab closed: the old notification and injection are gone with it. */
export function resetNotice(tabId: number): void {
  clearTimeout(timers.get(tabId));
  timers.delete(tabId);
  lastRender.delete(tabId);
  injected.delete(tabId);
  if (notices.delete(tabId)) void browser.storage.session.remove(noticeKey(tabId)).catch(() => {});
}

/** The person closed the notification; the next failure starts a fresh one. */
export function dismissNotice(tabId: number): Promise<unknown> {
  notices.delete(tabId);
  clearTimeout(timers.get(tabId));
  timers.delete(tabId);
  void browser.storage.session.remove(noticeKey(tabId)).catch(() => {});
  return browser.tabs.sendMessage(tabId, { type: MessageType.HideNotice } satisfies Message, { frameId: 0 }).catch(() => {});
}
