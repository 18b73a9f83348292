// npm start with a display (a virtual one here): the demo site stays up, a saved source file rebuilds
// the extension and reopens Chromium with it, and Ctrl-C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';

const XVFB = '/usr/bin/Xvfb';
let xvfb: ChildProcess | undefined;
let start: ChildProcess | undefined;
let output = '';

/** Resolves with the first match of `pattern` in npm start's output. */
const waitFor = (pattern: RegExp, timeout = 180_000): Promise<RegExpMatchArray> => new Promise((resolve, reject) => {
  const check = () => {
    const match = pattern.exec(output);
    if (match) {
      clearInterval(timer);
      resolve(match);
    }
  };
  const timer = setInterval(check, 200);
  setTimeout(() => {
    clearInterval(timer);
    reject(new Error(`no ${pattern} in:\n${output}`));
  }, timeout);
  check();
});

beforeAll(async () => {
  // -displayfd: Xvfb picks a free display and writes its number.
  xvfb = spawn(XVFB, ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const display = await new Promise<string>((resolve) => xvfb!.stdout!.once('data', (data) => resolve(String(data).trim())));
  start = spawn('node', ['scripts/start.mjs'], { env: { ...process.env, DISPLAY: `:${display}` }, stdio: ['ignore', 'pipe', 'pipe'] });
  start.stdout!.on('data', (data) => (output += data));
  start.stderr!.on('data', (data) => (output += data));
}, 30_000);

afterAll(() => {
  if (start?.exitCode === null) start.kill('SIGKILL');
  xvfb?.kill();
});

// Skipped only outside CI, where npm test installs Xvfb; in CI a missing display is a failure.
it.skipIf(!existsSync(XVFB) && !process.env.CI)('serves the demo, rebuilds and reopens on a change, and stops on Ctrl-C', async () => {
  const [, demoUrl] = await waitFor(/Demo site: (\S+)/);
  await waitFor(/Ctrl-C to stop/);
  expect((await fetch(demoUrl!)).status).toBe(200);

  // Saving a source file, even unchanged, is a change to the watcher.
  const file = 'src/shared/failures.ts';
  writeFileSync(file, readFileSync(file, 'utf8'));
  await waitFor(/Rebuilt; Chromium reopened/);
  expect((await fetch(demoUrl!)).status).toBe(200);

  const exited = new Promise<number | null>((resolve) => start!.once('exit', resolve));
  start!.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(output).toContain('Stopped.');
  await expect(fetch(demoUrl!)).rejects.toThrow();
}, 400_000);
