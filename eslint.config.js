// Lint keeps the architecture: pure diagnosis, UI contexts that never import each other.
import tseslint from 'typescript-eslint';
import project from './scripts/lint-rules.mjs';

const browserGlobals = ['chrome', 'browser', 'document', 'window', 'navigator', 'location', 'localStorage'].map((name) => ({
  name,
  message: 'src/diagnosis is pure: data in, data out. Pass what you need as arguments.',
}));
const noImport = (...groups) => ({
  patterns: groups.map(([pattern, message]) => (pattern instanceof RegExp ? { regex: pattern.source, message } : { group: [pattern], message })),
});
const fromBackground = ['**/background/**', 'Background code runs in the worker; share through src/shared.'];
const fromPopup = ['**/popup/**', 'The popup is its own context; share through src/shared.'];
// A `?script` import is only the built file's name, for scripting.executeScript.
const fromContent = [/(^|\/)content\/(?!.*\?script)/, 'Content code runs in pages; share through src/shared.'];
const fromOptions = ['**/options/**', 'The options page is its own context; share through src/shared.'];
const fromDevtools = ['**/devtools/**', 'The DevTools panel is its own context; share through src/shared or src/card.'];
const fromCard = ['**/card/**', 'The failure card is DOM code for extension pages; the worker and content scripts cannot use it.'];
const fromShared = ['**/shared/**', 'src/diagnosis is the ground floor: it imports nothing else from src/. Move the shape or rule down here.'];
/** The worker has no DOM: page code belongs in the pages, src/card or src/shared/dom.ts. */
const domGlobals = ['document', 'window', 'localStorage', 'HTMLElement', 'Element', 'Node'].map((name) => ({
  name,
  message: 'The background is a service worker: it has no DOM.',
}));
const polyfill = ['webextension-polyfill', 'Import browser from src/shared/browser.ts, the one module that wraps the polyfill.'];
const browserModule = ['**/shared/browser*', 'This module is pure: pass what you need as arguments.'];
/** Pure modules outside src/diagnosis: rules with no browser API, unit-tested directly. */
const pureFiles = [
  'src/background/tab-log.ts', 'src/background/redirects.ts', 'src/background/notice-plan.ts',
  'src/shared/failures.ts', 'src/shared/notice-lines.ts', 'src/shared/message-guard.ts', 'src/background/stored-shape.ts', 'src/background/history-log.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.bench/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', noImport(polyfill)],
    },
  },
  // No module of the extension may reach itself through its imports: layers only point down.
  { files: ['src/**/*.ts'], plugins: { project }, rules: { 'project/no-import-cycle': 'error' } },
  { files: ['src/shared/browser.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/diagnosis/**/*.ts'],
    ignores: ['src/diagnosis/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserGlobals],
      'no-restricted-imports': ['error', noImport(polyfill, ['**/shared/browser*', 'Diagnosis must not touch browser APIs.'], fromShared, fromCard, fromBackground, fromPopup, fromContent, fromOptions, fromDevtools)],
    },
  },
  { files: ['src/popup/**/*.ts'], rules: { 'no-restricted-imports': ['error', noImport(polyfill, fromBackground, fromContent, fromOptions, fromDevtools)] } },
  // The DevTools page and panel: they may use the card, never another context's code.
  { files: ['src/devtools/**/*.ts'], rules: { 'no-restricted-imports': ['error', noImport(polyfill, fromBackground, fromPopup, fromContent, fromOptions)] } },
  // The shared failure card: pages import it; it imports none of them.
  { files: ['src/card/**/*.ts'], rules: { 'no-restricted-imports': ['error', noImport(polyfill, fromBackground, fromPopup, fromContent, fromOptions, fromDevtools)] } },
  { files: ['src/content/**/*.ts'], rules: { 'no-restricted-imports': ['error', noImport(polyfill, fromBackground, fromPopup, fromOptions, fromCard, fromDevtools)] } },
  { files: ['src/options/**/*.ts'], rules: { 'no-restricted-imports': ['error', noImport(polyfill, fromBackground, fromPopup, fromContent, fromDevtools)] } },
  {
    files: ['src/background/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', noImport(polyfill, fromPopup, fromContent, fromOptions, fromCard, fromDevtools)],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  { files: ['src/shared/**/*.ts'], ignores: ['src/shared/browser.ts'], rules: { 'no-restricted-imports': ['error', noImport(polyfill, fromBackground, fromPopup, fromContent, fromOptions, fromCard, fromDevtools)] } },
  {
    files: pureFiles,
    rules: {
      'no-restricted-globals': ['error', ...browserGlobals],
      'no-restricted-imports': ['error', noImport(polyfill, browserModule, fromPopup, fromContent, fromOptions, fromCard, fromDevtools)],
    },
  },
);
