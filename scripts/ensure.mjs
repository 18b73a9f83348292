// @ts-check
// What npm start / npm test need on a fresh machine: install it when we can, or say exactly what to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = () => existsSync('/usr/bin/apt-get');

/** npm dependencies: `npm ci` when node_modules is missing or stale. */
export function ensureNpmDependencies() {
  if (existsSync('node_modules/.package-lock.json') && existsSync('node_modules/vite')) return;
  console.log('Installing npm dependencies (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

let aptUpdated = false;

/**
 * A Debian package providing `binary`: installed as root on Debian/Ubuntu, otherwise the exact command.
 * @param {{ binary: string, pkg: string, envVar?: string, noRecommends?: boolean }} spec
 */
export function ensureSystemPackage({ binary, pkg, envVar, noRecommends = false }) {
  const override = envVar && process.env[envVar];
  if (override) {
    if (existsSync(override)) return override;
    throw new Error(`${envVar}=${override} does not exist`);
  }
  if (existsSync(binary)) return binary;
  const command = `apt-get install -y ${noRecommends ? '--no-install-recommends ' : ''}${pkg}`;
  if (!isRoot() || !hasApt()) {
    const hint = envVar ? `, or set ${envVar} to another binary` : '';
    throw new Error(`${binary} is missing. Install it with:  sudo apt-get update && sudo ${command}${hint}`);
  }
  console.log(`Installing ${pkg} (${command})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  const result = spawnSync('sh', ['-c', `${command} -qq`], { stdio: 'inherit', env });
  if (result.status !== 0 || !existsSync(binary)) throw new Error(`Installing ${pkg} failed; run: ${command}`);
  return binary;
}

/** @typedef {{ binary: string, pkg: string, envVar?: string, noRecommends?: boolean }} PackageSpec */
export const CHROMIUM = { binary: '/usr/bin/chromium', pkg: 'chromium', envVar: 'CHROME_PATH' };
export const NGINX = { binary: '/usr/sbin/nginx', pkg: 'nginx-light' };
export const FIREFOX = { binary: '/usr/bin/firefox-esr', pkg: 'firefox-esr', envVar: 'FIREFOX_PATH', noRecommends: true };
/** Debian's Chromium speaks only en-US without its language packs: the language tests need de and es. */
export const CHROMIUM_LANGUAGES = { binary: '/usr/lib/chromium/locales/de.pak', pkg: 'chromium-l10n' };
/** Debian's Firefox ESR speaks only English without its language pack: the German Firefox test needs it. */
export const FIREFOX_GERMAN = { binary: '/usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi', pkg: 'firefox-esr-l10n-de', noRecommends: true };
/** Team mode's sink: Debian's ClickHouse, and its client that runs docs/team/schema.sql. */
export const CLICKHOUSE_SERVER = { binary: '/usr/sbin/clickhouse-server', pkg: 'clickhouse-server' };
export const CLICKHOUSE_CLIENT = { binary: '/usr/bin/clickhouse-client', pkg: 'clickhouse-client' };
/** A virtual display for the `npm start` test (it runs the headful path). */
export const XVFB = { binary: '/usr/bin/Xvfb', pkg: 'xvfb' };

export const ensureChromium = () => ensureSystemPackage(CHROMIUM);
export const ensureNginx = () => ensureSystemPackage(NGINX);

/**
 * Several packages: installed as root on Debian; otherwise ONE message with the command that installs every
 * missing one (not one package per run).
 * @param {PackageSpec[]} specs
 */
export function ensureSystemPackages(specs) {
  const missing = specs.filter((spec) => !(spec.envVar && process.env[spec.envVar]) && !existsSync(spec.binary));
  if (missing.length && (!isRoot() || !hasApt())) {
    const install = (/** @type {PackageSpec[]} */ group, /** @type {string} */ flags) =>
      group.length ? [`sudo apt-get install -y ${flags}${group.map((spec) => spec.pkg).join(' ')}`] : [];
    const commands = ['sudo apt-get update', ...install(missing.filter((spec) => !spec.noRecommends), ''),
      ...install(missing.filter((spec) => spec.noRecommends), '--no-install-recommends ')];
    throw new Error(`Missing: ${missing.map((spec) => spec.binary).join(', ')}.\nInstall them with:  ${commands.join(' && ')}`);
  }
  return specs.map(ensureSystemPackage);
}
