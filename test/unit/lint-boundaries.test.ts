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
    ['src/devtools/x.ts', "import x from '../popup/timings';\nexport default x;", 'no-restricted-imports'],
    ['src/devtools/x.ts', "import { flush } from '../background/store';\nexport default flush;", 'no-restricted-imports'],
    ['src/devtools/x.ts', "import browser from 'webextension-polyfill';\nexport default browser;", 'no-restricted-imports'],
    ['src/popup/x.ts', "import x from '../devtools/panel';\nexport default x;", 'no-restricted-imports'],
    ['src/card/x.ts', "import x from '../devtools/panel';\nexport default x;", 'no-restricted-imports'],
    ['src/background/x.ts', "import x from '../devtools/panel';\nexport default x;", 'no-restricted-imports'],
    ['src/diagnosis/x.ts', "import x from '../devtools/panel';\nexport default x;", 'no-restricted-imports'],
    ['src/background/stored-shape.ts', 'export const u = chrome.runtime.id;', 'no-restricted-globals'],
    ['src/background/notice-plan.ts', 'export const u = chrome.runtime.id;', 'no-restricted-globals'],
    ['src/background/notice-plan.ts', "import browser from '../shared/browser';\nexport default browser;", 'no-restricted-imports'],
    ['src/shared/notice-lines.ts', 'export const u = document.title;', 'no-restricted-globals'],
    ['src/diagnosis/x.ts', "import type { TabLog } from '../shared/protocol';\nexport type T = TabLog;", 'no-restricted-imports'],
    ['src/diagnosis/x.ts', "import { markFailure } from '../card/contract';\nexport default markFailure;", 'no-restricted-imports'],
    ['src/background/x.ts', 'export const u = document.title;', 'no-restricted-globals'],
    ['src/background/x.ts', "export const u = window.location.href;", 'no-restricted-globals'],
    // A module that imports one that imports it back (diagnosis/recheck.ts imports observe.ts).
    ['src/diagnosis/observe.ts', "import { recheckPlan } from './recheck';\nexport default recheckPlan;", 'project/no-import-cycle'],
    ['src/diagnosis/advice-rules.ts', "import { adviceFor } from './advice';\nexport default adviceFor;", 'project/no-import-cycle'],
  ])('%s: %s', async (file, code, rule) => {
    expect(await ruleIds(code, file)).toContain(rule);
    // The first lint loads the whole config and typescript-eslint: slow on a busy 2-core machine.
  }, 30_000);

  it('names the whole circle', async () => {
    const [result] = await eslint.lintText("import { recheckPlan } from './recheck';\nexport default recheckPlan;", { filePath: 'src/diagnosis/observe.ts' });
    expect(result!.messages.map((m) => m.message)).toContain('Import cycle: src/diagnosis/observe.ts → src/diagnosis/recheck.ts → src/diagnosis/observe.ts');
  }, 30_000);

  it('allows the sanctioned paths', async () => {
    expect(await ruleIds("import { classify } from '../diagnosis/classify';\nexport default classify;", 'src/popup/x.ts')).toEqual([]);
    expect(await ruleIds("import { failureCard } from '../card/card';\nexport default failureCard;", 'src/popup/x.ts')).toEqual([]);
    expect(await ruleIds("import { failureCard } from '../card/card';\nexport default failureCard;", 'src/devtools/x.ts')).toEqual([]);
    expect(await ruleIds("import { harFailure } from '../diagnosis/har';\nexport default harFailure;", 'src/devtools/x.ts')).toEqual([]);
    expect(await ruleIds("import browser from 'webextension-polyfill';\nexport default browser;", 'src/shared/browser.ts')).toEqual([]);
  });
});
