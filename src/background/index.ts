// Service worker / event page entry. Every listener is registered synchronously at top level,
// so events that wake the worker are delivered. Only three webRequest listeners: each costs
// page-load time on every request, even when it does nothing.
import browser, { type WebNavigation, type WebRequest } from '../shared/browser';
import { observe } from '../diagnosis/observe';
import { MessageType, type BackgroundHandlers, type BackgroundMessage, type Sender } from '../shared/protocol';
import { settings } from '../shared/settings-store';
import { showBadge } from './badge';
import { considerNotice, noticeHandlers, resetNotice } from './notify';
import { forgetRechecks, isOwn, ownRequestFailed, recheckHandlers } from './recheck';
import { RedirectTracker } from './redirects';
import { clearTab, flush, forgetTab, pageCommitted, recordFailure, setFlushListener, setRecordListener, whenReady } from './store';
import { startWatching, watchHandlers } from './watch';

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
  const chain = redirects.take(details.requestId);
  // A recheck's own answer is read from its fetch response; it is never a failure of any tab.
  if (isOwn(details)) return;
  whenReady(() => {
    const failure = observe(details, chain);
    if (failure) recordFailure(failure);
  });
}

function onErrorOccurred(details: WebRequest.OnErrorOccurredDetailsType): void {
  const chain = redirects.take(details.requestId);
  if (isOwn(details)) return ownRequestFailed(details, chain);
  // Whether cancelled requests count is the person's setting: read it only once settings are loaded.
  whenReady(() => {
    const failure = observe(details, chain, { includeAborted: settings().showAborted });
    if (failure) recordFailure(failure);
  });
}

function onCommitted(details: WebNavigation.OnCommittedDetailsType): void {
  if (details.frameId !== 0) return;
  const { documentId } = details as { documentId?: string };
  pageCommitted(details.tabId, { url: details.url, timeStamp: details.timeStamp, documentId });
  resetNotice(details.tabId);
}

const handlers: BackgroundHandlers = {
  ...noticeHandlers,
  ...recheckHandlers,
  ...watchHandlers,
  [MessageType.ClearTab]: ({ tabId }) => {
    if (!Number.isInteger(tabId)) return undefined;
    clearTab(tabId);
    return flush();
  },
};

function onMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
  const handler = handlers[type as BackgroundMessage['type']] as (message: BackgroundMessage, sender: Sender) => Promise<unknown> | undefined;
  // Answered only once settings and state are loaded, like every event.
  return new Promise((resolve) => whenReady(() => resolve(handler(message as BackgroundMessage, sender))));
}

browser.webRequest.onBeforeRedirect.addListener(onBeforeRedirect, FILTER);
browser.webRequest.onCompleted.addListener(onCompleted, FILTER, ['responseHeaders']);
browser.webRequest.onErrorOccurred.addListener(onErrorOccurred, FILTER);
browser.webNavigation.onCommitted.addListener(onCommitted);
browser.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId);
  resetNotice(tabId);
  forgetRechecks(tabId);
});
// Chromium clears the badge when a page (or its error page) commits, after our update.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'complete') whenReady(() => void showBadge(tabId));
});
browser.runtime.onMessage.addListener(onMessage);
// Firefox suspends its event page: write what is pending first.
browser.runtime.onSuspend?.addListener(() => void flush());
startWatching();

setRecordListener(considerNotice);
setFlushListener((tabIds) => tabIds.forEach((tabId) => void showBadge(tabId)));
