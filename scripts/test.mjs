// @ts-check
// npm test: lint, type-check, build, web-ext lint, then the unit tests, then end-to-end in real Chromium and Firefox ESR.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_LANGUAGES, CLICKHOUSE_CLIENT, CLICKHOUSE_SERVER, ensureNpmDependencies, ensureSystemPackages, FIREFOX, FIREFOX_GERMAN, NGINX, XVFB } from './ensure.mjs';

ensureNpmDependencies();
try {
  // Debian's browsers need their language packs; a browser of one's own (CHROME_PATH, FIREFOX_PATH) does not.
  const [chromium, , , firefox] = ensureSystemPackages([CHROMIUM, NGINX, XVFB, FIREFOX, CLICKHOUSE_SERVER, CLICKHOUSE_CLIENT,
    ...(process.env.CHROME_PATH ? [] : [CHROMIUM_LANGUAGES]), ...(process.env.FIREFOX_PATH ? [] : [FIREFOX_GERMAN])]);
  process.env.CHROME_PATH = chromium;
  process.env.FIREFOX_PATH = firefox;
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

/**
 * One vitest project, with its own JSON report (deleted first, so a stale one is never read).
 * @param {string} project
 * @returns {{ status: number, passed: number, failed: number }}
 */
function vitestProject(project) {
  const output = `.artifacts/vitest-${project}.json`;
  rmSync(output, { force: true });
  console.log(`\n▶ tests: ${project}`);
  const result = spawnSync('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`], { stdio: 'inherit' });
  if (!existsSync(output)) return { status: result.status ?? 1, passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(output, 'utf8'));
  let failed = report.numFailedTests;
  // A file whose beforeAll failed (a browser that would not start) reports its tests as skipped: count them as failed.
  for (const file of report.testResults) {
    if (file.status !== 'failed' || file.assertionResults.some((/** @type {{status: string}} */ a) => a.status === 'failed')) continue;
    failed += Math.max(1, file.assertionResults.filter((/** @type {{status: string}} */ a) => a.status !== 'passed').length);
  }
  return { status: result.status ?? 1, passed: report.numPassedTests, failed };
}

rmSync('.artifacts/vitest.json', { force: true });
// Unit tests first, then the browser tests: never both at once on two cores.
const unit = vitestProject('unit');
const e2e = vitestProject('e2e');
const failed = unit.failed + e2e.failed;
// The closing line CI reads, on its own line.
console.log(`\n${unit.passed + e2e.passed} passed, ${failed} failed`);
process.exit(failed === 0 && unit.status === 0 && e2e.status === 0 ? 0 : 1);
