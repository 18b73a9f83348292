// @ts-check
// The `npm start` demo: one page that triggers every failure Request Doctor explains.

/** @param {string} s */
const esc = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @typedef {{ label: string, url: string, kind: 'img' | 'fetch' | 'xhr', method?: string }} DemoItem
 */

/**
 * Lists the failures to trigger; same-origin ones stay relative so the page works from any host name.
 * @param {{ httpsOrigin: string, refusedOrigin: string, nginxOrigin: string | null }} site
 * @returns {DemoItem[]}
 */
export function demoItems({ httpsOrigin, refusedOrigin, nginxOrigin }) {
  /** @type {(DemoItem | false)[]} */
  const items = [
    { label: '404 sub-resource image', url: '/img/404.gif', kind: 'img' },
    { label: '409 Conflict from fetch POST', url: '/status/409', kind: 'fetch', method: 'POST' },
    { label: '500 from XMLHttpRequest', url: '/status/500', kind: 'xhr' },
    nginxOrigin
      ? { label: '503 with Retry-After: 120 (nginx)', url: `${nginxOrigin}/maintenance`, kind: 'fetch' }
      : { label: '503 with Retry-After: 120', url: '/status/503?h=Retry-After:120', kind: 'fetch' },
    !!nginxOrigin && { label: '502 Bad Gateway (nginx, dead upstream)', url: `${nginxOrigin}/bad-gateway`, kind: 'fetch' },
    { label: '405 with Allow: GET, HEAD from fetch DELETE', url: '/status/405?h=Allow:GET,%20HEAD', kind: 'fetch', method: 'DELETE' },
    { label: '401 with WWW-Authenticate: Bearer', url: '/status/401?h=WWW-Authenticate:Bearer%20realm=%22demo%22', kind: 'fetch' },
    { label: '429 with Retry-After: 30', url: '/status/429?h=Retry-After:30', kind: 'fetch' },
    { label: 'DNS failure (image)', url: 'http://nonexistent.invalid/pixel.gif', kind: 'img' },
    { label: 'Connection refused (image)', url: `${refusedOrigin}/pixel.gif`, kind: 'img' },
    { label: 'Self-signed certificate (image)', url: `${httpsOrigin}/ok/pixel.gif`, kind: 'img' },
    { label: 'Connection reset (fetch)', url: '/reset', kind: 'fetch' },
    nginxOrigin
      ? { label: 'Empty response (nginx return 444)', url: `${nginxOrigin}/no-response`, kind: 'fetch' }
      : { label: 'Empty response', url: '/empty', kind: 'fetch' },
    { label: 'Redirect loop (fetch)', url: '/loop', kind: 'fetch' },
  ];
  return /** @type {DemoItem[]} */ (items.filter(Boolean));
}

// Runs in the page: each trigger is isolated and time-boxed so one failure never blocks the rest.
const runner = `
const items = JSON.parse(document.getElementById('items').textContent);
const timeout = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms));
const trigger = (item) => {
  if (item.kind === 'img') return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve('loaded');
    img.onerror = () => reject(new Error('image error'));
    img.src = item.url;
  });
  if (item.kind === 'xhr') return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(item.method || 'GET', item.url);
    xhr.onload = () => resolve('HTTP ' + xhr.status);
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send();
  });
  return fetch(item.url, { method: item.method || 'GET', credentials: 'omit', cache: 'no-store' })
    .then((r) => 'HTTP ' + r.status);
};
(async () => {
  for (const [i, item] of items.entries()) {
    const out = document.querySelector('[data-result="' + i + '"]');
    try {
      out.textContent = '→ ' + await Promise.race([trigger(item), timeout(15000)]);
    } catch (e) {
      out.textContent = '→ failed: ' + (e && e.message || e);
    }
  }
  window.__done = true;
  document.title = 'demo done';
})();
`;

/**
 * @param {{ origin: string, httpsOrigin: string, refusedOrigin: string, nginxOrigin: string | null }} site
 * @returns {string} the HTML of /demo
 */
export function demoPage(site) {
  const items = demoItems(site);
  const list = items
    .map((it, i) => `<li>${esc(it.label)}: <code>${esc(it.method ?? (it.kind === 'img' ? 'img' : 'GET'))} ${esc(it.url)}</code> <span data-result="${i}"></span></li>`)
    .join('\n');
  // "<" escaped so a URL can never close the script element.
  const json = JSON.stringify(items).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Request Doctor demo — a page full of failures</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}code{word-break:break-all}</style>
</head>
<body>
<h1>Request Doctor demo — a page full of failures</h1>
<p>This page deliberately triggers failed requests as soon as it loads: HTTP errors from a local Node server,
real nginx gateway errors, DNS, refused, reset and empty connections, an untrusted certificate and a redirect loop.
Open Request Doctor to see each one diagnosed. Nothing here leaves your machine.</p>
<ol>
${list}
</ol>
<h2>Main-frame failures (click to open here)</h2>
<ul>
<li><a href="/status/404">A 404 page</a> <code>/status/404</code></li>
<li><a href="/loop">A redirect loop</a> <code>/loop</code></li>
<li><a href="http://nonexistent.invalid/">A host that does not exist</a> <code>http://nonexistent.invalid/</code></li>
</ul>
<script type="application/json" id="items">${json}</script>
<script>${runner}</script>
</body>
</html>
`;
}
