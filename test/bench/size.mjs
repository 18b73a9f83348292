// @ts-check
// Gzipped JavaScript per part of the built extension, found from its manifest (never a hard-coded
// file list, so new chunks and new in-page parts are counted as soon as they are built), and the store zips.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

// Minified output quotes module names with ', " or ` alike.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;
const SCRIPT_SRC = /<script\b[^>]*\bsrc=["']([^"']+)["']/g;
const CLASSIC_SCRIPT = /<script\b(?![^>]*\btype=["']module["'])[^>]*\bsrc=["']([^"']+)["']/g;

/**
 * The JS files that load with the entries (static imports, transitively), and those only loaded on demand.
 * @param {string} dist @param {string[]} entries
 */
function closure(dist, entries) {
  /** @type {Set<string>} */
  const eager = new Set();
  /** @type {Set<string>} */
  const lazy = new Set();
  /** @param {string} file @param {Set<string>} into */
  const visit = (file, into) => {
    if (eager.has(file) || into.has(file) || !existsSync(join(dist, file))) return;
    into.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const resolve = (/** @type {string} */ spec) => (spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(file), spec));
    for (const [, spec = ''] of code.matchAll(STATIC_IMPORT)) visit(resolve(spec), into);
    for (const [, spec = ''] of code.matchAll(DYNAMIC_IMPORT)) visit(resolve(spec), lazy);
  };
  entries.forEach((file) => visit(file, eager));
  eager.forEach((file) => lazy.delete(file));
  return { eager, lazy };
}

/** An HTML page's scripts, and the modules its classic scripts load (paths in the built pages are extension-absolute or relative). @param {string} dist @param {string} html */
const scriptsOf = (dist, html) => {
  const page = readFileSync(join(dist, html), 'utf8');
  const inDist = (/** @type {string} */ src, /** @type {string} */ from) => (src.startsWith('/') ? src.slice(1) : posix.join(posix.dirname(from), src));
  const scripts = [...page.matchAll(SCRIPT_SRC)].map(([, src = '']) => inDist(src, html));
  // A classic first-paint script loads the page's modules itself, right after it has drawn
  // (scripts/vite-classic-script.ts): they load with the page, not on demand.
  const classic = [...page.matchAll(CLASSIC_SCRIPT)].map(([, src = '']) => inDist(src, html));
  const theirModules = classic.flatMap((file) => [...readFileSync(join(dist, file), 'utf8').matchAll(DYNAMIC_IMPORT)].map(([, src = '']) => inDist(src, file)));
  return [...scripts, ...theirModules];
};

/** @param {string} dist @param {string[]} files @returns {string[]} */
const entryFiles = (dist, files) => files.flatMap((file) => (file.endsWith('.html') ? scriptsOf(dist, file) : file.endsWith('.js') ? [file] : []));

/** @param {string} dist @param {Iterable<string>} files */
const gzipped = (dist, files) => [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);

/** @param {string} dist e.g. dist/chrome */
export function sizes(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const background = closure(dist, [manifest.background.service_worker ?? manifest.background.scripts?.[0]]);
  const popup = closure(dist, entryFiles(dist, [manifest.action.default_popup]));
  // In-page: declared content scripts, pages/scripts exposed to web pages, and scripts the background injects by path.
  /** @type {string[]} */
  const declared = [
    ...(manifest.content_scripts ?? []).flatMap((/** @type {{ js?: string[] }} */ c) => c.js ?? []),
    ...(manifest.web_accessible_resources ?? []).flatMap((/** @type {{ resources?: string[] }} */ w) => w.resources ?? []),
  ];
  const backgroundFiles = [...background.eager, ...background.lazy];
  const backgroundCode = backgroundFiles.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
  const injected = [...backgroundCode.matchAll(/["'`]([\w./-]+\.js)["'`]/g)].map(([, file = '']) => posix.normalize(file))
    .filter((file) => !backgroundFiles.includes(file) && existsSync(join(dist, file)));
  const inPage = closure(dist, [...entryFiles(dist, declared.filter((f) => !f.includes('*'))), ...injected]);
  // The budget counts what loads up front; chunks imported on demand are reported apart.
  const part = (/** @type {{ eager: Set<string>, lazy: Set<string> }} */ { eager, lazy }) => ({ files: [...eager].sort(), gzipBytes: gzipped(dist, eager), lazyFiles: [...lazy].sort(), lazyGzipBytes: gzipped(dist, lazy) });
  return { background: part(background), popup: part(popup), inPage: inPage.eager.size ? part(inPage) : null };
}

/** The store zips npm run package writes next to the builds. @param {string} version */
export function zipSizes(version) {
  return Object.fromEntries(['chrome', 'firefox'].map((target) => {
    const file = join('dist', `request-doctor-${target}-${version}.zip`);
    return [target, existsSync(file) ? { file, bytes: statSync(file).size } : null];
  }));
}
