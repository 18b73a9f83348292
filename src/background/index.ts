// Service worker / event page entry. Every listener is registered synchronously at top level,
// so events that wake the worker are delivered. Few webRequest listeners, each filtered: each costs
// page-load time on every request it hears, even when it does nothing.
import browser, { type WebNavigation, type WebRequest } from '../shared/browser';
import { keptAnswer, observe, type RequestDetails } from '../diagnosis/observe';
import { senderAllowed, validMessage } from '../shared/message-guard';
import { MessageType, type BackgroundHandlers, type BackgroundMessage, type Sender } from '../shared/protocol';
import { settings, watchIgnoreRules, watchSettings } from '../shared/settings-store';
import { historyHandlers, historyPageCommitted, historyPageTitled, historyTabClosed, recordHistory } from './history';
import { backOnline, considerNotice, noticeHandlers, offlineNoticed, noticePageCommitted, noticeTabShown, resetNotice } from './notify';
import { corsRequestDone, isPreflight, listenForCorsWhileAsked, takeCorsEvidence } from './cors-evidence';
import { isOwn, ownRequestAnswered, ownRequestFailed, ownRequestRedirected, ownTryOut } from './own-fetch';
import { forgetRechecks, keepRechecksOfListed, recheckHandlers } from './recheck';
import { answerBytes, PerRequest } from './per-request';
import { RedirectTracker } from './redirects';
import { recordObserved } from './private-tabs';
import { clearTab, closeStorageToContentScripts, flush, forgetTab, loggedTabs, pageCommitted, setFlushListener, setRecordListener, tabLog, undoClear, whenReady } from './store';
import { showToolbar } from './toolbar';
import { startWatching, watchHandlers } from './watch';
import { teamHandlers } from './team/handlers';
import { startTeam, teamRecorded } from './team/index';

const FILTER: WebRequest.RequestFilter = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };
/** Exported for tests: it must be empty once every request has finished. */
export const redirects = new RedirectTracker();

/** Error answers (with their headers) of the loads Blink cancels on such a status, which the browser may
 * then report only as cancelled. Exported for tests: it must be empty once every request has finished. */
export const answers = new PerRequest<RequestDetails>(answerBytes);
/** The loads Blink cancels on an error status (images and fetches it lets finish). */
const CANCELLED_ON_ERROR: WebRequest.RequestFilter = { urls: FILTER.urls, types: ['script', 'stylesheet', 'font'] };

function onBeforeRedirect(details: WebRequest.OnBeforeRedirectDetailsType): void {
  // Our own tries never follow a redirect the browser's way: each hop is a try of its own.
  if (ownTryOut() && isOwn(details)) return ownRequestRedirected(details);
  redirects.add(details.requestId, details.url);
}

function onResponseStarted(details: WebRequest.OnResponseStartedDetailsType): void {
  if (details.statusCode >= 400) answers.set(details.requestId, keptAnswer(details));
}

function onCompleted(details: WebRequest.OnCompletedDetailsType): void {
  // The success path: no allocation, no storage.
  if (details.statusCode < 400) {
    if (redirects.size !== 0) redirects.take(details.requestId);
    corsRequestDone(details);
    // The network answered after failures of being offline: one boolean read, nothing allocated otherwise.
    if (offlineNoticed && !details.fromCache) backOnline();
    if (details.statusCode >= 300 && ownTryOut() && isOwn(details)) ownRequestAnswered(details);
    return;
  }
  const chain = redirects.take(details.requestId);
  if (answers.size !== 0) answers.take(details.requestId);
  corsRequestDone(details);
  // A recheck's own answer is read from its fetch response; it is never a failure of any tab. A refused
  // preflight is told by the failure of the request it was for.
  if (isOwn(details) || isPreflight(details)) return;
  // Observed at once: while a woken worker reads its state back, only the record waits, not the browser's details.
  const failure = observe(details, chain);
  if (failure) {
    const { incognito } = details as RequestDetails;
    whenReady(() => recordObserved(failure, incognito));
  }
}

function onErrorOccurred(details: WebRequest.OnErrorOccurredDetailsType): void {
  const chain = redirects.take(details.requestId);
  const answer = answers.size !== 0 ? answers.take(details.requestId) : undefined;
  if (isOwn(details)) return ownRequestFailed(details, chain);
  if (isPreflight(details)) return;
  const failure = observe(details, chain, { includeAborted: true }, answer, takeCorsEvidence(details));
  // Whether cancelled requests count is the person's setting: read it only once settings are loaded.
  if (failure) {
    const { incognito } = details as RequestDetails;
    whenReady(() => (failure.errorName !== 'ABORTED' || settings().showAborted) && recordObserved(failure, incognito));
  }
}

function onCommitted(details: WebNavigation.OnCommittedDetailsType): void {
  if (details.frameId !== 0) return;
  const { documentId } = details as { documentId?: string };
  pageCommitted(details.tabId, { url: details.url, timeStamp: details.timeStamp, documentId });
  historyPageCommitted(details.tabId, details.url);
  // After the commit has cleared the log (whenReady runs in order): what the log kept is the new page's.
  whenReady(() => {
    noticePageCommitted(details.tabId, tabLog(details.tabId)?.failures ?? []);
    keepRechecksOfListed(details.tabId);
  });
}

const handlers: BackgroundHandlers = {
  ...noticeHandlers,
  ...recheckHandlers,
  ...watchHandlers,
  ...historyHandlers,
  ...teamHandlers,
  [MessageType.ClearTab]: ({ tabId }) => {
    if (!Number.isInteger(tabId)) return undefined;
    clearTab(tabId);
    whenReady(() => keepRechecksOfListed(tabId));
    return flush();
  },
  [MessageType.UndoClear]: ({ tabId }) => {
    if (!Number.isInteger(tabId)) return undefined;
    return undoClear(tabId).then((undone) => flush().then(() => undone));
  },
};

/** This extension as senders are compared with: a content script shares its id, never its origin. */
const ownExtension = { id: browser.runtime.id, origin: browser.runtime.getURL('') };

function onMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
  // A wrong shape or a sender not allowed this message: no answer, nothing done.
  const valid = validMessage(message);
  if (!valid || !senderAllowed(valid.type, sender, ownExtension)) return undefined;
  const handler = handlers[valid.type] as (message: BackgroundMessage, sender: Sender) => Promise<unknown> | undefined;
  // Answered only once settings and state are loaded, like every event.
  return new Promise((resolve) => whenReady(() => resolve(handler(valid, sender))));
}

browser.webRequest.onBeforeRedirect.addListener(onBeforeRedirect, FILTER);
browser.webRequest.onCompleted.addListener(onCompleted, FILTER, ['responseHeaders']);
browser.webRequest.onErrorOccurred.addListener(onErrorOccurred, FILTER);
browser.webRequest.onResponseStarted.addListener(onResponseStarted, CANCELLED_ON_ERROR, ['responseHeaders']);
listenForCorsWhileAsked(browser.webRequest, FILTER.urls);
browser.webNavigation.onCommitted.addListener(onCommitted);
browser.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId);
  historyTabClosed(tabId);
  resetNotice(tabId);
  forgetRechecks(tabId);
});
// Chromium clears a tab's badge and popup when a page (or its error page) commits, after our update.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'complete') whenReady(() => void showToolbar(tabId));
  // The history names the page a failure happened on.
  if (change.title) historyPageTitled(tabId, change.title);
});
// A notice that changed while its tab was in the background is brought up to date when the tab is shown.
browser.tabs.onActivated.addListener(({ tabId }) => whenReady(() => noticeTabShown(tabId)));
browser.runtime.onMessage.addListener(onMessage);
// Firefox suspends its event page: write what is pending first.
browser.runtime.onSuspend?.addListener(() => void flush());
startWatching();
closeStorageToContentScripts();
startTeam();

setRecordListener((record) => {
  considerNotice(record);
  recordHistory(record);
  teamRecorded(record, record.lastSeen);
});
setFlushListener((tabIds) => tabIds.forEach((tabId) => void showToolbar(tabId)));
// A rule or "react to" changed: every badge and popup follows at once.
const showAllToolbars = (): void => whenReady(() => loggedTabs().forEach((tabId) => void showToolbar(tabId)));
watchIgnoreRules(showAllToolbars);
watchSettings(showAllToolbars);
// The toolbar shows what was read back, also where the last worker stopped between a write and its update.
showAllToolbars();
