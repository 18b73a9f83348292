// @ts-check
// What both event recorders (scripts/record-*-events.mjs) share: the listeners the product registers,
// and the scenarios whose event sequences become test/fixtures/<browser>-events/<name>.json.

/** The product's listeners (src/background/index.ts), so a recording holds exactly what it would see. */
/** @type {{ event: string, extraInfoSpec?: string[], types?: string[] }[]} */
export const LISTENERS = [
  { event: 'webRequest.onBeforeRedirect' },
  { event: 'webRequest.onCompleted', extraInfoSpec: ['responseHeaders'] },
  { event: 'webRequest.onErrorOccurred' },
  { event: 'webRequest.onResponseStarted', extraInfoSpec: ['responseHeaders'], types: ['script', 'stylesheet', 'font'] },
  { event: 'webRequest.onHeadersReceived', extraInfoSpec: ['responseHeaders', 'extraHeaders'], types: ['xmlhttprequest'] },
  { event: 'webRequest.onSendHeaders', extraInfoSpec: ['requestHeaders'], types: ['xmlhttprequest'] },
  { event: 'webNavigation.onCommitted' },
];
export const FILTER = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };

/**
 * Registers every listener on `api` (chrome or browser) with `keep(name)` as its handler. It runs inside
 * the browser, so it takes everything as arguments (stringified for an add-on's background.js).
 * @param {any} api
 * @param {(name: string) => (details: unknown) => void} keep
 * @param {typeof LISTENERS} listeners
 * @param {typeof FILTER} filter
 */
export function listen(api, keep, listeners, filter) {
  for (const { event, extraInfoSpec, types } of listeners) {
    const [namespace = '', name = ''] = event.split('.');
    // The fixtures name webRequest events without their namespace.
    const target = api[namespace][name];
    const handler = keep(namespace === 'webRequest' ? name : event);
    const add = (/** @type {string[] | undefined} */ spec) => target.addListener(handler, types ? { ...filter, types } : filter, ...(spec ? [spec] : []));
    if (namespace !== 'webRequest') target.addListener(handler);
    else {
      // As the product does: Firefox refuses 'extraHeaders' (and shows preflights without it).
      try { add(extraInfoSpec); } catch { add(extraInfoSpec?.filter((option) => option !== 'extraHeaders')); }
    }
  }
}

/**
 * The page calls both drivers share: Playwright's and Puppeteer's pages agree on evaluate, goto and waitForFunction.
 * @typedef {{ evaluate: Function, goto: (url: string) => Promise<unknown>, waitForFunction: Function }} AnyPage
 * @typedef {{ origin: string, httpsOrigin: string, refusedOrigin: string, nginxOrigin: string | null, urls: Record<string, string | null> }} Site
 * @typedef {{ name: string, only?: 'chromium' | 'firefox', run: (page: AnyPage, site: Site) => Promise<unknown> }} Scenario
 */

const sleep = (/** @type {number} */ ms) => new Promise((done) => setTimeout(done, ms));

/** @param {AnyPage} page @param {string} url @param {RequestInit} [init] */
const fetchIn = (page, url, init = {}) =>
  page.evaluate((/** @type {[string, RequestInit]} */ [u, i]) => fetch(u, { credentials: 'omit', ...i }).then((r) => r.status, (e) => e.message), [url, init]);

/** A main-frame navigation that fails, then time for what follows it (error page, auto-reload). @param {AnyPage} page @param {string} url @param {number} settleMs */
const failingNavigation = async (page, url, settleMs) => {
  await page.goto(url).catch(() => {});
  await sleep(settleMs);
};

/**
 * Cross-origin fetches refused (or allowed) under CORS: the page is on `localhost`, the server answers on
 * 127.0.0.1 with the CORS headers /cors/<name>?<query> asks for (test/servers/site.mjs). `code` is what
 * Request Doctor lists (null: nothing).
 * @type {{ name: string, query: string, init?: RequestInit, code: string | null }[]}
 */
export const CORS_CASES = [
  { name: 'cors-missing-allow-origin', query: 'acao=none', code: 'CORS_MISSING_ALLOW_ORIGIN' },
  { name: 'cors-allow-origin-mismatch', query: 'acao=https://other.example', code: 'CORS_ALLOW_ORIGIN_MISMATCH' },
  { name: 'cors-wildcard-with-credentials', query: 'acao=*', init: { credentials: 'include' }, code: 'CORS_WILDCARD_ORIGIN_NOT_ALLOWED' },
  { name: 'cors-credentials-not-allowed', query: 'acao=echo', init: { credentials: 'include' }, code: 'CORS_INVALID_ALLOW_CREDENTIALS' },
  { name: 'cors-multiple-allow-origin', query: 'acao=echo&acao=https://other.example', code: 'CORS_MULTIPLE_ALLOW_ORIGIN_VALUES' },
  { name: 'cors-preflight-405', query: 'acao=echo&pre=405', init: { method: 'PUT' }, code: 'CORS_PREFLIGHT_INVALID_STATUS' },
  { name: 'cors-preflight-redirect', query: 'acao=echo&pre=302', init: { method: 'PUT' }, code: 'CORS_PREFLIGHT_DISALLOWED_REDIRECT' },
  { name: 'cors-method-not-allowed', query: 'acao=echo&methods=GET,POST', init: { method: 'PUT' }, code: 'CORS_METHOD_DISALLOWED_BY_PREFLIGHT' },
  { name: 'cors-header-not-allowed', query: 'acao=echo&methods=PUT&headers=content-type', init: { method: 'PUT', headers: { 'X-Request-Doctor': '1' } }, code: 'CORS_HEADER_DISALLOWED_BY_PREFLIGHT' },
  { name: 'cors-hidden-500', query: 'acao=none&status=500', code: '500' },
  { name: 'cors-allowed-get', query: 'acao=echo', code: null },
  { name: 'cors-allowed-put', query: 'acao=echo&methods=PUT', init: { method: 'PUT' }, code: null },
];

/** The page's origin for CORS cases: the same server under another name. @param {string} origin */
export const otherOrigin = (origin) => origin.replace('127.0.0.1', 'localhost');

/** @type {Scenario[]} */
export const SCENARIOS = [
  {
    name: 'status-404-image',
    run: (page, site) => page.evaluate((/** @type {string} */ src) => new Promise((done) => {
      const image = new Image();
      image.onload = image.onerror = done;
      image.src = src;
    }), site.urls.imageNotFound),
  },
  { name: 'status-409-fetch-post', run: (page, site) => fetchIn(page, `${site.origin}/status/409`, { method: 'POST', body: '{}' }) },
  { name: 'status-409-fetch-put', only: 'firefox', run: (page, site) => fetchIn(page, `${site.origin}/status/409`, { method: 'PUT' }) },
  { name: 'status-503-retry-after-nginx', only: 'chromium', run: (page, site) => fetchIn(page, `${site.nginxOrigin}/maintenance`) },
  { name: 'status-502-nginx', only: 'chromium', run: (page, site) => fetchIn(page, `${site.nginxOrigin}/bad-gateway`) },
  { name: 'dns-failure', run: (page) => fetchIn(page, 'http://nonexistent.invalid/x.gif') },
  { name: 'connection-refused', run: (page, site) => fetchIn(page, `${site.refusedOrigin}/x.gif`) },
  { name: 'self-signed-certificate', run: (page, site) => fetchIn(page, `${site.httpsOrigin}/ok/x.gif`) },
  { name: 'connection-reset', run: (page, site) => fetchIn(page, `${site.origin}/reset`) },
  { name: 'empty-response', only: 'firefox', run: (page, site) => fetchIn(page, `${site.origin}/empty`) },
  { name: 'empty-response-nginx-444', run: (page, site) => fetchIn(page, `${site.nginxOrigin}/no-response`) },
  { name: 'redirect-loop-fetch', run: (page, site) => fetchIn(page, `${site.origin}/loop`) },
  { name: 'redirect-loop-main-frame', run: (page, site) => failingNavigation(page, `${site.origin}/loop`, 500) },
  // Chromium reloads a network error page by itself after about a second: record that too.
  { name: 'main-frame-dns-with-auto-reload', only: 'chromium', run: (page) => failingNavigation(page, 'http://nonexistent.invalid/', 1800) },
  { name: 'main-frame-dns', only: 'firefox', run: (page) => failingNavigation(page, 'http://nonexistent.invalid/', 500) },
  // A stylesheet answered 500 with a long body still arriving: Chromium cancels it and reports only the cancel.
  {
    name: 'stylesheet-500-cancelled',
    run: (page, site) => page.evaluate((/** @type {string} */ href) => new Promise((done) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.onload = link.onerror = done;
      link.href = href;
      document.head.append(link);
    }), `${site.origin}/held-body?status=500&stream`),
  },
  {
    name: 'clean-page-50-requests',
    run: async (page, site) => {
      await page.goto(`${site.origin}/pages/clean?n=50`);
      await page.waitForFunction(() => window.__done === true);
    },
  },
  {
    name: 'aborted-fetch',
    run: async (page, site) => {
      await page.goto(`${site.origin}/pages/abort`);
      await page.waitForFunction(() => document.title === 'aborted');
    },
  },
  ...CORS_CASES.map(({ name, query, init }) => /** @type {Scenario} */ ({
    name,
    run: async (page, site) => {
      await page.goto(`${otherOrigin(site.origin)}/pages/blank?${name}`);
      return fetchIn(page, `${site.origin}/cors/${name}?${query}`, init);
    },
  })),
];

/** The scenarios recorded in one browser; those whose names start with `prefix`, when given. @param {'chromium' | 'firefox'} browser @param {string} [prefix] */
export const scenariosFor = (browser, prefix = '') =>
  SCENARIOS.filter((scenario) => (!scenario.only || scenario.only === browser) && scenario.name.startsWith(prefix));
