// @ts-check
// Records the HAR that Firefox DevTools itself gives the Request Doctor panel (`devtools.network.getHAR()`,
// i.e. the toolbox's getHARFromNetMonitor()) for the failing requests of scripts/record-timings.mjs, into
// test/fixtures/timings/firefox-devtools.har. Firefox runs with its toolbox open on the Network panel and
// is driven over Marionette (its own protocol: the getHAR call needs the browser's chrome context).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite } from '../test/servers/site.mjs';
import { freePort } from '../test/servers/nginx.mjs';
import { firefoxPath } from '../test/support/firefox-browser.mjs';

const OUT = 'test/fixtures/timings/firefox-devtools.har';
const site = await startSite();
const u = site.urls;
const fetchOf = (/** @type {string | null} */ url) => `return fetch(${JSON.stringify(url)}, { credentials: 'omit' }).then((r) => r.text(), () => 0);`;
// The failing requests of scripts/record-timings.mjs, one after the other, in a page whose own document is a 404.
const scenarios = [
  `return new Promise((done) => { const i = new Image(); i.onload = i.onerror = () => done(0); i.src = ${JSON.stringify(u.imageNotFound)}; });`,
  fetchOf(u.notFound), fetchOf(u.slowFirstByte), fetchOf(u.slowUnavailable), fetchOf(u.crossOriginError),
  fetchOf(u.crossOriginErrorTao), fetchOf(u.refused), fetchOf(u.dns),
];

const port = await freePort();
const profile = mkdtempSync(join(tmpdir(), 'rd-ffhar-'));
const prefs = {
  'marionette.port': port,
  'network.http.request.max-attempts': 1,
  'network.trr.mode': 5,
  'browser.startup.page': 0,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'devtools.toolbox.selectedTool': 'netmonitor',
};
writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join(''));
const firefox = spawn(firefoxPath(), ['--marionette', '--remote-allow-system-access', '--headless', '--devtools', '--no-remote', '--profile', profile], { stdio: 'ignore' });

/** A minimal Marionette client: `length:json` frames, commands [0, id, name, params], answers [1, id, error, result]. */
async function marionette() {
  for (let tries = 0; ; tries++) {
    const socket = await new Promise((resolve) => {
      const s = createConnection({ port, host: '127.0.0.1' }, () => resolve(s)).on('error', () => resolve(null));
    });
    if (socket) return socket;
    if (tries > 120) throw new Error('Marionette never listened');
    await new Promise((done) => setTimeout(done, 500));
  }
}
const socket = /** @type {import('node:net').Socket} */ (await marionette());
/** @type {Map<number, (answer: unknown[]) => void>} */
const waiting = new Map();
let buffer = Buffer.alloc(0);
socket.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const colon = buffer.indexOf(':');
    if (colon < 0) break;
    const length = Number(buffer.subarray(0, colon).toString());
    if (buffer.length < colon + 1 + length) break;
    const message = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString());
    buffer = buffer.subarray(colon + 1 + length);
    if (Array.isArray(message)) waiting.get(message[1])?.(message);
  }
});
let nextId = 1;
/** @param {string} name @param {object} params @returns {Promise<any>} */
function send(name, params = {}) {
  const id = nextId++;
  const body = Buffer.from(JSON.stringify([0, id, name, params]));
  socket.write(`${body.length}:`);
  socket.write(body);
  return new Promise((resolve, reject) => waiting.set(id, ([, , error, result]) => (error ? reject(new Error(`${name}: ${JSON.stringify(error)}`)) : resolve(result))));
}
const run = async (/** @type {string} */ script) => (await send('WebDriver:ExecuteScript', { script, args: [] })).value;

try {
  const version = (await send('WebDriver:NewSession', { capabilities: {} })).capabilities?.browserVersion;
  await send('Marionette:SetContext', { value: 'chrome' });
  const toolbox = `const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
    const { gDevTools } = require('devtools/client/framework/devtools');
    const toolbox = gDevTools.getToolboxForTab(gBrowser.selectedTab);`;
  // The toolbox (from --devtools) must be open, on the Network panel, before the page loads.
  for (let waited = 0; !(await run(`${toolbox} return !!toolbox?.getPanel('netmonitor');`)); waited += 500) {
    if (waited > 60000) throw new Error('the DevTools toolbox never opened its Network panel');
    await new Promise((done) => setTimeout(done, 500));
  }
  await send('Marionette:SetContext', { value: 'content' });
  await send('WebDriver:Navigate', { url: u.notFound });
  for (const scenario of scenarios) await run(scenario);
  await send('Marionette:SetContext', { value: 'chrome' });
  // What `devtools.network.getHAR()` hands an extension: the log of a HAR 1.2 file. The Network panel may
  // still be taking in the last requests, so ask until every scenario's URL is in it.
  const wanted = [u.notFound, u.imageNotFound, u.slowFirstByte, u.slowUnavailable, u.crossOriginError, u.crossOriginErrorTao, u.refused, u.dns];
  let log;
  for (let waited = 0; ; waited += 500) {
    log = JSON.parse(await run(`${toolbox} return toolbox.getHARFromNetMonitor().then((log) => JSON.stringify(log));`));
    const urls = new Set(log.entries.map((/** @type {{ request: { url: string } }} */ e) => e.request.url));
    if (wanted.every((url) => urls.has(url))) break;
    if (waited > 30000) throw new Error(`the HAR lacks ${wanted.filter((url) => !urls.has(url)).join(', ')}`);
    await new Promise((done) => setTimeout(done, 500));
  }
  for (const entry of log.entries) delete entry.response.content.text; // bodies are not read, keep the fixture small
  /** Ports differ on every run: fixed placeholders keep the fixture stable. */
  const hosts = [[site.origin, 'site.test'], [site.nginxOrigin, 'nginx.test'], [site.refusedOrigin, 'refused.test']];
  const placeholders = (/** @type {string} */ text) => hosts.reduce((out, [origin, name]) => (origin
    ? out.replaceAll(origin, `http://${name}`).replaceAll(origin.replace(/^http:\/\//, ''), `${name}`) : out), text);
  writeFileSync(OUT, `${placeholders(JSON.stringify({ log }, null, 1))}\n`);
  console.log(`Firefox ${version}: ${log.entries.length} entries recorded into ${OUT}`);
  await send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => {});
} finally {
  socket.destroy();
  firefox.kill();
  await site.close();
  rmSync(profile, { recursive: true, force: true });
}
