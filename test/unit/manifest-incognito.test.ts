// The manifest's private-browsing mode, per browser: one instance of the extension sees both kinds of window,
// so that one worker keeps one copy of every stored value (Chromium's split mode shares storage.session and
// storage.local between its two instances), and Firefox, which has no split mode, installs it at all.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { manifestFor } from '../../scripts/manifest';

const base = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));

it.each(['chrome', 'firefox'] as const)('%s: spanning', (target) => expect(manifestFor(base, target).incognito).toBe('spanning'));

it('Firefox gets spanning even if the Chromium manifest asked for split (which Firefox would install as not_allowed)', () =>
  expect(manifestFor({ ...base, incognito: 'split' }, 'firefox').incognito).toBe('spanning'));
