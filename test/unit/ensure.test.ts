// What `npm test` and `npm start` say on a machine that lacks several packages and cannot install them
// (not root): every missing package in one command, not one package per run.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

// A copy any user can read (a clone under /root is not readable by the user the test runs it as).
const dir = mkdtempSync(join(tmpdir(), 'request-doctor-ensure-'));
chmodSync(dir, 0o755);
copyFileSync(new URL('../../scripts/ensure.mjs', import.meta.url), join(dir, 'ensure.mjs'));
chmodSync(join(dir, 'ensure.mjs'), 0o644);
const ensure = pathToFileURL(join(dir, 'ensure.mjs')).href;
const script = `import(${JSON.stringify(ensure)}).then(({ ensureSystemPackages }) => {
  try { ensureSystemPackages([{ binary: process.execPath, pkg: 'present' }, { binary: '/nonexistent/a', pkg: 'pkg-a' },
    { binary: '/nonexistent/b', pkg: 'pkg-b', noRecommends: true }, { binary: '/nonexistent/c', pkg: 'pkg-c' }]); console.log('no error'); }
  catch (error) { console.log(error.message); }
});`;
const asRoot = process.getuid?.() === 0;

it.skipIf(asRoot && !existsSync('/usr/sbin/runuser'))('names every missing package in one install command', () => {
  // As root it would install them: run it as an ordinary user, as a newcomer would.
  const [command, args] = asRoot ? ['/usr/sbin/runuser', ['-u', 'nobody', '--', process.execPath, '--input-type=module', '-e', script]] : [process.execPath, ['--input-type=module', '-e', script]];
  const out = spawnSync(command, args, { encoding: 'utf8' }).stdout;
  expect(out).toContain('Missing: /nonexistent/a, /nonexistent/b, /nonexistent/c.');
  expect(out).toContain('sudo apt-get update && sudo apt-get install -y pkg-a pkg-c && sudo apt-get install -y --no-install-recommends pkg-b');
  expect(out).not.toContain('present');
});
