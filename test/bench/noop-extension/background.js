// Same events, filter and extraInfoSpec as src/background/index.ts, so only our listeners' work differs.
const filter = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };
const noop = () => {};
chrome.webRequest.onBeforeRedirect.addListener(noop, filter);
chrome.webRequest.onCompleted.addListener(noop, filter, ['responseHeaders']);
chrome.webRequest.onErrorOccurred.addListener(noop, filter);
chrome.webRequest.onResponseStarted.addListener(noop, { ...filter, types: ['script', 'stylesheet', 'font'] }, ['responseHeaders']);
chrome.webNavigation.onCommitted.addListener(noop);
