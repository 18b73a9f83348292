// One source, two browsers: BROWSER=firefox builds dist/firefox with a Firefox manifest.
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { manifestFor, type TargetBrowser } from './scripts/manifest.ts';
import { classicScript } from './scripts/vite-classic-script.ts';
import { hardenExtension } from './scripts/vite-harden.ts';

const target = (process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome') satisfies TargetBrowser;

export default defineConfig({
  plugins: [
    crx({ manifest: manifestFor(manifest, target) as unknown as ManifestV3Export, browser: target }),
    // The popup's first screen, drawn while its page parses (src/popup/first-paint.ts).
    classicScript('src/popup/first-paint.ts', 'src/popup/first-paint.js', 'src/popup/index.html'),
    hardenExtension(),
  ],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    // Readable output helps reviewers of the store package; size is measured gzipped anyway.
    minify: true,
    // <link rel=modulepreload> for the first paint's chunks (and each lazy chunk's own imports), so a page
    // fetches its modules at once instead of one import level at a time; every target browser has it.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The notification frame is only listed as a web-accessible resource, and the DevTools panel is only
    // named by the DevTools page's script: make both real entries.
    rollupOptions: {
      input: { notice: 'src/content/notice.html', panel: 'src/devtools/panel.html' },
      // One catalog chunk per language: each extension resource costs 10-25 ms to load, far more than parsing the
      // whole language, so the parts (loaded as a failure needs them) share one file.
      output: {
        manualChunks: (id) => {
          const language = /\/diagnosis\/catalog\/([a-z-]+)\/[a-z]+\.json$/i.exec(id)?.[1];
          return language && `catalog-${language}`;
        },
      },
    },
  },
  server: { strictPort: true },
});
