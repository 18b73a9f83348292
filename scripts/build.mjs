// @ts-check
// npm run build: the Chrome and Firefox extensions from one source, into dist/chrome and dist/firefox.
import { join } from 'node:path';
import { ensureNpmDependencies } from './ensure.mjs';

ensureNpmDependencies();
const { build } = await import('vite');
const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];

for (const target of targets) {
  process.env.BROWSER = target;
  await build({ logLevel: 'warn', configFile: 'vite.config.ts' });
  // The manifest clean-up and the dev-server check are part of vite.config.ts (scripts/vite-harden.ts).
  console.log(`built ${join('dist', target)}`);
}
