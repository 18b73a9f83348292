// A page whose first screen is drawn by a classic script, and whose modules that script loads afterwards.
// Measured (README, "The popup, measured"): with the modules in the page, even a classic script at the end
// of <body> started ~20 ms after a one-module blank page, as the page's module files were fetched first;
// with the classic script alone in the page, it starts as early as that blank page's module.
import { build, type Plugin, type Rollup } from 'vite';

const MODULE_SCRIPT = /\s*<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g;
const MODULE_PRELOAD = /\s*<link rel="modulepreload"[^>]*\shref="([^"]+)"[^>]*>/g;

/**
 * Builds `entry` with its imports into one IIFE file, `fileName`, and makes it `page`'s only script: Vite's
 * module script and modulepreload links leave the page. The script gets them as two constants, for it to
 * load once it has drawn: `PAGE_MODULE` (the entry, so that `import()` names a literal, as web-ext lint
 * wants) and `PAGE_PRELOADS` (the entry's static imports, for `modulepreload` links).
 */
export function classicScript(entry: string, fileName: string, page: string): Plugin {
  let modules: { entry: string; preloads: string[] } | undefined;
  return {
    name: 'request-doctor:classic-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { path }) {
        if (path !== `/${page}`) return undefined;
        const entries = [...html.matchAll(MODULE_SCRIPT)].map(([, src]) => src!);
        if (entries.length !== 1) throw new Error(`${page}: expected one module script, found ${entries.length}`);
        modules = { entry: entries[0]!, preloads: [...html.matchAll(MODULE_PRELOAD)].map(([, href]) => href!) };
        const script = `<script src="/${fileName}"></script>\n  `;
        return html.replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, '').replace('</body>', `${script}</body>`);
      },
    },
    buildStart() {
      modules = undefined;
      this.addWatchFile(entry);
    },
    generateBundle: {
      // After Vite has written the page (and so named its modules).
      order: 'post',
      async handler() {
        if (!modules) return this.error(`${page} was not built, or has no module script`);
        const built = (await build({
          configFile: false,
          logLevel: 'warn',
          define: { PAGE_MODULE: JSON.stringify(modules.entry), PAGE_PRELOADS: JSON.stringify(modules.preloads) },
          build: {
            write: false,
            target: 'es2022',
            minify: true,
            modulePreload: false,
            // Loaded by the browser at run time, not bundled.
            rollupOptions: { external: [modules.entry] },
            lib: { entry, formats: ['iife'], name: 'classicScript', fileName: () => fileName },
          },
        })) as Rollup.RollupOutput | Rollup.RollupOutput[];
        const [chunk, ...rest] = (Array.isArray(built) ? built : [built]).flatMap((output) => output.output);
        if (chunk?.type !== 'chunk' || rest.length) return this.error(`${entry} must build into one classic script`);
        this.emitFile({ type: 'asset', fileName, source: chunk.code });
      },
    },
  };
}
