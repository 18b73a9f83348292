// Same events, filter and extraInfoSpec as src/background/index.ts, so only our listeners' work differs.
const filter = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };
const noop = () => {};
chrome.webRequest.onBeforeRedirect.addListener(noop, filter);
chrome.webRequest.onCompleted.addListener(noop, filter, ['responseHeaders']);
chrome.webRequest.onErrorOccurred.addListener(noop, filter);
chrome.webRequest.onResponseStarted.addListener(noop, { ...filter, types: ['script', 'stylesheet', 'font'] }, ['responseHeaders']);
chrome.webNavigation.onCommitted.addListener(noop);

// The CORS listeners, registered as Request Doctor registers them while "Name the reason of CORS refusals" is
// on: once the setting is read (here storage.local's explainCors, which the bench sets), and when it changes.
const corsFilter = { ...filter, types: ['xmlhttprequest'] };
function listenForCors(on) {
  if (!on || chrome.webRequest.onSendHeaders.hasListener(noop)) return;
  chrome.webRequest.onHeadersReceived.addListener(noop, corsFilter, ['responseHeaders', 'extraHeaders']);
  chrome.webRequest.onSendHeaders.addListener(noop, corsFilter, ['requestHeaders']);
}
chrome.storage.local.get('explainCors').then(({ explainCors }) => listenForCors(explainCors === true));
chrome.storage.onChanged.addListener((changes) => changes.explainCors && listenForCors(changes.explainCors.newValue === true));
