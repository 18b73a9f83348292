// @ts-check
// npm run package: build both browsers, then one store zip each: dist/request-doctor-<browser>-<version>.zip.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

execFileSync('node', ['scripts/build.mjs', 'chrome', 'firefox'], { stdio: 'inherit' });
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

for (const target of ['chrome', 'firefox']) {
  const filename = `request-doctor-${target}-${version}.zip`;
  // web-ext zips exactly the built folder (no lint: the Chrome manifest is not a Firefox one).
  execFileSync('npx', ['web-ext', 'build', '--source-dir', `dist/${target}`, '--artifacts-dir', 'dist',
    '--filename', filename, '--overwrite-dest', '--no-input', '--no-config-discovery'], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`packaged dist/${filename}`);
}
