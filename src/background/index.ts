// Service worker / event page entry. Every listener is registered synchronously at top level,
// so events that wake the worker are delivered. Only three webRequest listeners: each costs
// page-load time on every request, even when it does nothing.
import browser, { type WebNavigation, type WebRequest } from '../shared/browser';
import { observe } from '../diagnosis/observe';
import { MessageType, type Message } from '../shared/protocol';
import { defaults } from '../shared/settings';
import { showBadge } from './badge';
import { RedirectTracker } from './redirects';
import { clearTab, flush, forgetTab, pageCommitted, recordFailure, setFlushListener } from './store';

const FILTER: WebRequest.RequestFilter = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };
/** Exported for tests: it must be empty once every request has finished. */
export const redirects = new RedirectTracker();
let includeAborted = defaults.showAborted;

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
  const failure = observe(details, redirects.take(details.requestId), { includeAborted });
  if (failure) recordFailure(failure);
}

function onCommitted(details: WebNavigation.OnCommittedDetailsType): void {
  if (details.frameId !== 0) return;
  const { documentId } = details as { documentId?: string };
  pageCommitted(details.tabId, { url: details.url, timeStamp: details.timeStamp, documentId });
}

browser.webRequest.onBeforeRedirect.addListener(onBeforeRedirect, FILTER);
browser.webRequest.onCompleted.addListener(onCompleted, FILTER, ['responseHeaders']);
browser.webRequest.onErrorOccurred.addListener(onErrorOccurred, FILTER);
browser.webNavigation.onCommitted.addListener(onCommitted);
browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
// Chromium clears the badge when a page (or its error page) commits, after our update.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'complete') void showBadge(tabId);
});
browser.runtime.onMessage.addListener((message: unknown) => {
  const { type, tabId } = message as Message;
  if (type === MessageType.ClearTab && Number.isInteger(tabId)) {
    clearTab(tabId);
    return flush();
  }
  return undefined;
});
browser.storage.sync.onChanged?.addListener((changes) => {
  if (changes.showAborted) includeAborted = changes.showAborted.newValue === true;
});
// Firefox suspends its event page: write what is pending first.
browser.runtime.onSuspend?.addListener(() => void flush());

setFlushListener((tabIds) => tabIds.forEach((tabId) => void showBadge(tabId)));
void browser.storage.sync
  .get(defaults)
  .then((stored) => (includeAborted = stored.showAborted === true))
  .catch(() => {});
