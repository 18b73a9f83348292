// The manifest each browser gets, derived from the one manifest.json.
export type TargetBrowser = 'chrome' | 'firefox';

type Manifest = Record<string, unknown> & { background?: Record<string, unknown> };

export const GECKO_ID = 'request-doctor@request-doctor.dev';

export function manifestFor(base: Manifest, target: TargetBrowser): Manifest {
  if (target === 'chrome') return base;
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = base;
  return {
    ...rest,
    // Firefox runs event pages, not extension service workers.
    background: { scripts: [background?.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    },
  };
}
