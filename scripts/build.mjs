// npm run build: the Chrome and Firefox extensions from one source, into dist/chrome and dist/firefox.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNpmDependencies } from './ensure.mjs';

ensureNpmDependencies();
const { build } = await import('vite');
/**
 * crxjs lists every `?script` file as web-accessible. Ours is injected with scripting.executeScript,
 * which needs no such listing, and a listed file lets any site detect the extension: drop it.
 */
function exposeOnlyTheNoticeFrame(manifestPath) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.web_accessible_resources = (manifest.web_accessible_resources ?? []).filter(
    (entry) => !entry.resources.every((resource) => resource.startsWith('src/content/') && resource.endsWith('.js')),
  );
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];

for (const target of targets) {
  process.env.BROWSER = target;
  await build({ logLevel: 'warn', configFile: 'vite.config.ts' });
  const dir = join('dist', target);
  exposeOnlyTheNoticeFrame(join(dir, 'manifest.json'));
  // The crxjs dev loader imports from a local server and exposes files to every site: never ship it.
  for (const file of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.js'))) {
    if (/https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/@(vite|crx)|\/@vite\/client/.test(readFileSync(join(dir, file), 'utf8'))) {
      throw new Error(`${join(dir, file)} refers to a dev server; only a production build may be loaded`);
    }
  }
  console.log(`built ${dir}`);
}
