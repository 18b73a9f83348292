// The manifest each browser gets, derived from the one manifest.json.
export type TargetBrowser = 'chrome' | 'firefox';

type Manifest = Record<string, unknown> & { background?: Record<string, unknown> };

export const GECKO_ID = 'request-doctor@request-doctor.dev';

export function manifestFor(base: Manifest, target: TargetBrowser): Manifest {
  if (target === 'chrome') return base;
  const { minimum_chrome_version: _chromeOnly, background, web_accessible_resources, ...rest } = base;
  return {
    ...rest,
    // Firefox already gives each install its own random moz-extension:// origin; it has no use_dynamic_url.
    web_accessible_resources: (web_accessible_resources as Record<string, unknown>[] | undefined)?.map(
      ({ use_dynamic_url: _chromeOnlyKey, ...resource }) => resource,
    ),
    // Firefox has no split mode: it installs a `split` extension as `not_allowed`. One instance sees both kinds of window.
    incognito: 'spanning',
    // Firefox runs event pages, not extension service workers.
    background: { scripts: [background?.service_worker], type: 'module' },
    // Firefox's default adds upgrade-insecure-requests, which would recheck an http:// address over https.
    content_security_policy: { extension_pages: "script-src 'self'" },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    },
  };
}
