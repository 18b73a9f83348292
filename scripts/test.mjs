// @ts-check
// npm test: lint, type-check, build, web-ext lint, then every test (unit, end-to-end in real Chromium and Firefox ESR).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensureChromium, ensureFirefox, ensureNginx, ensureNpmDependencies } from './ensure.mjs';

ensureNpmDependencies();
try {
  process.env.CHROME_PATH = ensureChromium();
  ensureNginx();
  process.env.FIREFOX_PATH = ensureFirefox();
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
}

/** @param {string} title @param {string} command @param {string[]} args */
const run = (title, command, args) => {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
};

run('lint (eslint)', 'npx', ['eslint', '.']);
run('type-check (tsc)', 'npx', ['tsc', '--noEmit']);
run('build', 'node', ['scripts/build.mjs']);
// Mozilla's own validation of the Firefox build: any error or warning fails the run.
run('web-ext lint (dist/firefox)', 'npx', ['web-ext', 'lint', '--no-config-discovery', '--source-dir', 'dist/firefox', '--warnings-as-errors']);
mkdirSync('.artifacts', { recursive: true });
console.log('\n▶ tests (vitest: unit, then end-to-end in Chromium and Firefox)');
const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.artifacts/vitest.json'], { stdio: 'inherit' });
if (existsSync('.artifacts/vitest.json')) {
  const report = JSON.parse(readFileSync('.artifacts/vitest.json', 'utf8'));
  // The closing line CI reads: N passed, N failed.
  console.log(`\ntests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
}
process.exit(vitest.status ?? 1);
