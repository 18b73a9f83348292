// Part of the Vite pipeline, so that a plain `vite build` ships what `npm run build` ships.
import type { Plugin } from 'vite';

interface WebAccessible {
  resources: string[];
  matches?: string[];
}

/**
 * crxjs lists every `?script` file as web-accessible. Ours is injected with scripting.executeScript,
 * which needs no such listing, and a listed file lets any site detect the extension: drop it.
 */
export function exposeOnlyTheNoticeFrame(manifest: { web_accessible_resources?: WebAccessible[] }): void {
  manifest.web_accessible_resources = (manifest.web_accessible_resources ?? []).filter(
    (entry) => !entry.resources.every((resource) => resource.startsWith('src/content/') && resource.endsWith('.js')),
  );
}

/** The crxjs dev loader imports from a local server and exposes files to every site. */
const DEV_SERVER = /https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/@(vite|crx)|\/@vite\/client/;

/** Cleans the manifest crxjs wrote, and refuses a bundle that still needs a dev server. */
export function hardenExtension(): Plugin {
  return {
    name: 'request-doctor:harden',
    apply: 'build',
    generateBundle: {
      // After crxjs has written manifest.json into the bundle.
      order: 'post',
      handler(_options, bundle) {
        const asset = bundle['manifest.json'];
        if (asset?.type !== 'asset') return this.error('crxjs wrote no manifest.json');
        const manifest = JSON.parse(String(asset.source));
        exposeOnlyTheNoticeFrame(manifest);
        asset.source = `${JSON.stringify(manifest, null, 2)}\n`;
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk' && DEV_SERVER.test(file.code)) {
            this.error(`${file.fileName} refers to a dev server; only a production build may be loaded`);
          }
        }
      },
    },
  };
}
