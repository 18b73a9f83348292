// Service worker / event page entry. Every listener is registered synchronously at top level,
// so events that wake the worker are delivered. Only three webRequest listeners: each costs
// page-load time on every request, even when it does nothing.
import browser, { type Runtime, type WebNavigation, type WebRequest } from '../shared/browser';
import { observe } from '../diagnosis/observe';
import { MessageType, noticeKey, type Message } from '../shared/protocol';
import { showBadge } from './badge';
import { considerNotice, dismissNotice, resetNotice } from './notify';
import { options } from './options';
import { RedirectTracker } from './redirects';
import { clearTab, flush, forgetTab, pageCommitted, recordFailure, setFlushListener, setRecordListener } from './store';

const FILTER: WebRequest.RequestFilter = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };
/** Exported for tests: it must be empty once every request has finished. */
export const redirects = new RedirectTracker();

function onBeforeRedirect(details: WebRequest.OnBeforeRedirectDetailsType): void {
  redirects.add(details.requestId, details.url);
}

function onCompleted(details: WebRequest.OnCompletedDetailsType): void {
  // The success path: no allocation, no storage.
  if (details.statusCode < 400) {
    if (redirects.size !== 0) redirects.take(details.requestId);
    return;
  }
  const failure = observe(details, redirects.take(details.requestId));
  if (failure) recordFailure(failure);
}

function onErrorOccurred(details: WebRequest.OnErrorOccurredDetailsType): void {
  const failure = observe(details, redirects.take(details.requestId), { includeAborted: options.showAborted });
  if (failure) recordFailure(failure);
}

function onCommitted(details: WebNavigation.OnCommittedDetailsType): void {
  if (details.frameId !== 0) return;
  const { documentId } = details as { documentId?: string };
  pageCommitted(details.tabId, { url: details.url, timeStamp: details.timeStamp, documentId });
  resetNotice(details.tabId);
}

function onMessage(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  const { type } = message as Message;
  if (type === MessageType.ClearTab) {
    const { tabId } = message as Extract<Message, { type: MessageType.ClearTab }>;
    if (!Number.isInteger(tabId)) return undefined;
    clearTab(tabId);
    return flush();
  }
  if (type === MessageType.DismissNotice && sender.tab?.id !== undefined) return dismissNotice(sender.tab.id);
  if (type === MessageType.GetNotice && sender.tab?.id !== undefined) {
    const key = noticeKey(sender.tab.id);
    return browser.storage.session.get(key).then((stored) => stored[key] ?? null);
  }
  if (type === MessageType.OpenReport && sender.tab?.id !== undefined) {
    return browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html?tab=${sender.tab.id}`), index: sender.tab.index + 1 });
  }
  return undefined;
}

browser.webRequest.onBeforeRedirect.addListener(onBeforeRedirect, FILTER);
browser.webRequest.onCompleted.addListener(onCompleted, FILTER, ['responseHeaders']);
browser.webRequest.onErrorOccurred.addListener(onErrorOccurred, FILTER);
browser.webNavigation.onCommitted.addListener(onCommitted);
browser.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId);
  resetNotice(tabId);
  void browser.storage.session.remove(noticeKey(tabId)).catch(() => {});
});
// Chromium clears the badge when a page (or its error page) commits, after our update.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'complete') void showBadge(tabId);
});
browser.runtime.onMessage.addListener(onMessage);
// Firefox suspends its event page: write what is pending first.
browser.runtime.onSuspend?.addListener(() => void flush());

setRecordListener(considerNotice);
setFlushListener((tabIds) => tabIds.forEach((tabId) => void showBadge(tabId)));
