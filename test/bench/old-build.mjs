// @ts-check
// The extension as built from another commit (by default `main`), so a change's cost is measured against the
// build before it in the same run: the commit's tree is exported, its build run with this checkout's node_modules.
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The built Chrome extension of `ref`, or null when `ref` is this very commit (nothing to compare).
 * @param {string} ref
 * @returns {{ dir: string, ref: string, commit: string, remove: () => void } | null}
 */
export function oldBuild(ref) {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
  if (commit === execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()) return null;
  const root = mkdtempSync(join(tmpdir(), 'request-doctor-old-'));
  execSync(`git archive ${commit} | tar -x -C ${JSON.stringify(root)}`);
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  execFileSync('node', ['scripts/build.mjs', 'chrome'], { cwd: root, stdio: 'inherit' });
  return { dir: join(root, 'dist/chrome'), ref, commit, remove: () => rmSync(root, { recursive: true, force: true }) };
}
