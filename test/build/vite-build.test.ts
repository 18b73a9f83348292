// A plain `vite build`, without scripts/build.mjs, ships the hardened manifest.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function viteBuild(browser: 'chrome' | 'firefox'): string {
  const outDir = mkdtempSync(join(tmpdir(), `request-doctor-${browser}-`));
  dirs.push(outDir);
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { ...process.env, BROWSER: browser }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  return outDir;
}

describe.each(['chrome', 'firefox'] as const)('plain vite build for %s', (browser) => {
  const built = { dir: '' };
  const manifest = () => JSON.parse(readFileSync(join(built.dir, 'manifest.json'), 'utf8'));

  it('builds', () => {
    built.dir = viteBuild(browser);
    expect(readdirSync(built.dir)).toContain('manifest.json');
  }, 180_000);

  it('exposes only the notification frame to web pages, not the injected script', () => {
    const exposed = manifest().web_accessible_resources.flatMap((entry: { resources: string[] }) => entry.resources);
    expect(exposed).toContain('src/content/notice.html');
    expect(exposed.filter((resource: string) => resource.endsWith('.js'))).toEqual([]);
  });

  it("the popup's page has one script, classic, which loads the page's modules itself", () => {
    const html = readFileSync(join(built.dir, 'src/popup/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts).toEqual(['<script src="/src/popup/first-paint.js">']);
    expect(html).not.toContain('modulepreload');
    const classic = readFileSync(join(built.dir, 'src/popup/first-paint.js'), 'utf8');
    // One file (no static import or export a classic script could not run), loading an entry that exists.
    expect(classic).not.toMatch(/^\s*(import|export)\s/m);
    const entry = /\bimport\(\s*["'`](\/assets\/[^"'`]+\.js)["'`]\s*\)/.exec(classic)?.[1];
    expect(entry && existsSync(join(built.dir, entry))).toBe(true);
  });

  it('still ships the injected script, for scripting.executeScript', () => {
    const content = readdirSync(join(built.dir, 'src/content'));
    expect(content.some((file) => file.endsWith('.js'))).toBe(true);
  });
});
