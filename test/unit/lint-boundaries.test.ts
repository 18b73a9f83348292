// The architecture rules are enforced by lint; prove each rule fires on a violating file.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// The first lint loads eslint and typescript-eslint: seconds on a busy machine.
describe('lint keeps the contexts apart', { timeout: 60_000 }, () => {
  it.each([
    ['src/diagnosis/x.ts', 'export const u = document.title;', 'no-restricted-globals'],
    ['src/diagnosis/x.ts', 'export const u = chrome.runtime.id;', 'no-restricted-globals'],
    ['src/diagnosis/x.ts', "import browser from '../shared/browser';\nexport default browser;", 'no-restricted-imports'],
    ['src/popup/x.ts', "import { flush } from '../background/store';\nexport default flush;", 'no-restricted-imports'],
    ['src/popup/x.ts', "import x from '../content/notify';\nexport default x;", 'no-restricted-imports'],
    ['src/content/x.ts', "import x from '../popup/render';\nexport default x;", 'no-restricted-imports'],
    ['src/options/x.ts', "import x from '../popup/render';\nexport default x;", 'no-restricted-imports'],
    ['src/background/x.ts', "import x from '../popup/render';\nexport default x;", 'no-restricted-imports'],
    ['src/background/x.ts', "import browser from 'webextension-polyfill';\nexport default browser;", 'no-restricted-imports'],
    ['src/background/x.ts', "import { failureCard } from '../card/card';\nexport default failureCard;", 'no-restricted-imports'],
    ['src/content/x.ts', "import { failureCard } from '../card/card';\nexport default failureCard;", 'no-restricted-imports'],
    ['src/card/x.ts', "import x from '../popup/sections';\nexport default x;", 'no-restricted-imports'],
    ['src/background/stored-shape.ts', 'export const u = chrome.runtime.id;', 'no-restricted-globals'],
    ['src/background/notice-plan.ts', 'export const u = chrome.runtime.id;', 'no-restricted-globals'],
    ['src/background/notice-plan.ts', "import browser from '../shared/browser';\nexport default browser;", 'no-restricted-imports'],
    ['src/shared/notice-lines.ts', 'export const u = document.title;', 'no-restricted-globals'],
  ])('%s: %s', async (file, code, rule) => {
    expect(await ruleIds(code, file)).toContain(rule);
  });

  it('allows the sanctioned paths', async () => {
    expect(await ruleIds("import { classify } from '../diagnosis/classify';\nexport default classify;", 'src/popup/x.ts')).toEqual([]);
    expect(await ruleIds("import { failureCard } from '../card/card';\nexport default failureCard;", 'src/popup/x.ts')).toEqual([]);
    expect(await ruleIds("import browser from 'webextension-polyfill';\nexport default browser;", 'src/shared/browser.ts')).toEqual([]);
  });
});
