// Same events, filter and extraInfoSpec as src/background/index.ts, so only our listeners' work differs.
const filter = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };
const noop = () => {};
chrome.webRequest.onBeforeRedirect.addListener(noop, filter);
chrome.webRequest.onCompleted.addListener(noop, filter, ['responseHeaders']);
chrome.webRequest.onErrorOccurred.addListener(noop, filter);
chrome.webRequest.onResponseStarted.addListener(noop, { ...filter, types: ['script', 'stylesheet', 'font'] }, ['responseHeaders']);
chrome.webRequest.onHeadersReceived.addListener(noop, { ...filter, types: ['xmlhttprequest'] }, ['responseHeaders', 'extraHeaders']);
chrome.webRequest.onSendHeaders.addListener(noop, { ...filter, types: ['xmlhttprequest'] }, ['requestHeaders']);
chrome.webNavigation.onCommitted.addListener(noop);
