// Shows the in-page notification: injected on demand into the active tab's top frame, coalesced and
// rate-limited by the pure rules in notice-plan.ts. Where a page cannot host it, the badge must do.
import browser from '../shared/browser';
import noticeScript from '../content/inject.ts?script&iife';
import { t, type MessageKey } from '../shared/i18n';
import { MessageType, NOTICE_PREFIX, noticeKey, type BackgroundHandlers, type FailureRecord, type Notice, type NoticeView, type PageMessage } from '../shared/protocol';
import { settings } from '../shared/settings-store';
import { hostOf } from '../diagnosis/url';
import { estimatedHeight } from '../shared/notice-lines';
import { countedFailures, failureFragment } from '../shared/failures';
import { mayNotify } from '../diagnosis/noise';
import { pageSummary } from '../diagnosis/summary';
import { summarySentence, type Words } from '../diagnosis/summary-text';
import { coalesce, noticeContents, noticeRoute, renderDelay } from './notice-plan';
import { quieting, quietLogs } from './quiet';
import { systemNoticeBody } from './system-notice';
import { tabPageUrl } from './history';
import { sessionItem, sessionItemsWith, setSessionItem, tabLog, whenReady } from './store';

const timers = new Map<number, ReturnType<typeof setTimeout>>();
const lastRender = new Map<number, number>();
/** The notice revision last sent to each tab's frame (forgotten by a worker restart: then drawn again). */
const drawn = new Map<number, number>();
/** The height each tab's notification frame measured for its content last. */
const sizes = new Map<number, number>();

// The notice itself lives in the store (storage.session), so a woken worker keeps adding to it.
const noticeOf = (tabId: number): Notice | undefined => sessionItem<Notice>(noticeKey(tabId));

/** A failure was recorded: fold it into the tab's notification if it deserves one (`replayed`: already announced once). */
export function considerNotice(record: FailureRecord, replayed = false): void {
  if (record.tabId < 0) return;
  const options = settings();
  // The site the person is on: an iframe's requests name the iframe's origin as their initiator.
  const pageUrl = record.type === 'main_frame' ? record.url : tabPageUrl(record.tabId);
  const route = noticeRoute(record, pageUrl, options);
  if (!route) return;
  const pageHost = hostOf(pageUrl ?? record.initiator);
  // Ignored, outside what "react to" covers, or a third party kept quiet: counted at most, never notified.
  if (!mayNotify(quieting(), record, pageHost)) return;
  if (route === 'system') {
    if (!replayed) void systemNotification(record);
    return;
  }
  if (record.offline) offlineNoticed = true;
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
    // Sized by a guess until the frame has measured its content (NoticeSize).
    await browser.tabs.sendMessage(tabId, { type: MessageType.ShowNotice, position: notice.position, height: sizes.get(tabId) ?? estimatedHeight(notice) } satisfies PageMessage, { frameId: 0 });
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

/** A failure of being offline was notified and nothing has succeeded since (index.ts reads it on the success path). */
export let offlineNoticed = false;

/** A request succeeded after offline failures: each notice that said "offline" says, once, that the connection is back. */
export function backOnline(): void {
  offlineNoticed = false;
  whenReady(() => {
    for (const [key, value] of sessionItemsWith(NOTICE_PREFIX)) {
      const notice = value as Notice;
      if (!notice.offline || notice.online) continue;
      notice.online = true;
      notice.revision += 1;
      setSessionItem(key, notice);
      if (!timers.has(notice.tabId)) timers.set(notice.tabId, setTimeout(() => void render(notice.tabId), renderDelay(lastRender.get(notice.tabId), Date.now())));
    }
  });
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
  sizes.delete(tabId);
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

const words: Words = (key, ...substitutions) => t(key as MessageKey, ...substitutions);

/**
 * The notice as its frame shows it. The heading is the page summary sentence of the failures it lists; the
 * count line says how many of the badge's failures that is, and why the rest are left out. Only the count
 * line's words depend on other sites' frames: it is one line whatever it says, so the frame's size does not.
 */
function noticeView(tabId: number): NoticeView | null {
  const notice = noticeOf(tabId);
  if (!notice) return null;
  const log = tabLog(tabId);
  // What the badge counts: ignored failures and those "react to" leaves out are not the notice's either.
  const counted = log ? quietLogs(log).counted : undefined;
  const { listed, leftOut } = noticeContents(counted?.failures ?? [], notice, tabPageUrl(tabId), settings());
  const heading = listed.length ? summarySentence(pageSummary(listed), words) : t(notice.total === 1 ? 'noticeOne' : 'noticeMany', notice.total);
  const all = countedFailures(counted);
  const shown = notice.total >= all ? t(notice.total === 1 ? 'noticeOne' : 'noticeMany', notice.total) : t('noticeShownOf', notice.total, all, t(leftOut));
  return { ...notice, heading, shown };
}

/** The report of a tab, at the failures of one notice line when it names one. */
function reportUrl(tabId: number, line: number | undefined): string {
  const named = line === undefined ? undefined : noticeOf(tabId)?.lines[line];
  return browser.runtime.getURL(`src/popup/index.html?tab=${tabId}${named ? failureFragment(named.code, named.host) : ''}`);
}

/** Messages from the notification frame, which only ever concern its own tab. */
export const noticeHandlers: Pick<BackgroundHandlers, MessageType.DismissNotice | MessageType.GetNotice | MessageType.OpenReport | MessageType.NoticeSize> = {
  [MessageType.DismissNotice]: ({ revision }, sender) => {
    if (sender.tab?.id === undefined) return undefined;
    // Its timer ran out on an older drawing while a newer one is on its way: kept for another round. A newer
    // revision never to be drawn (its failure came while the tab was in the background) keeps nothing open.
    if (revision !== undefined && noticeOf(sender.tab.id)?.revision !== revision && timers.has(sender.tab.id)) return undefined;
    return dismissNotice(sender.tab.id);
  },
  [MessageType.GetNotice]: (_message, sender) => (sender.tab?.id === undefined ? undefined : Promise.resolve(noticeView(sender.tab.id))),
  [MessageType.OpenReport]: ({ line }, sender) =>
    sender.tab?.id === undefined ? undefined : browser.tabs.create({ url: reportUrl(sender.tab.id, line), index: sender.tab.index + 1 }),
  // The frame measured its content (which depends only on the page's own failures): the page's script sizes the host.
  [MessageType.NoticeSize]: ({ height }, sender) => {
    const tabId = sender.tab?.id;
    const notice = tabId === undefined ? undefined : noticeOf(tabId);
    if (tabId === undefined || !notice || sizes.get(tabId) === height) return undefined;
    sizes.set(tabId, height);
    return browser.tabs.sendMessage(tabId, { type: MessageType.ShowNotice, position: notice.position, height } satisfies PageMessage, { frameId: 0 }).catch(() => {});
  },
};
