// @vitest-environment happy-dom
// Numbers and counted forms in the interface language, through the browser's own message lookup.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (locale: string): Messages => JSON.parse(readFileSync(`${import.meta.dirname}/../../public/_locales/${locale}/messages.json`, 'utf8'));
/** chrome.i18n as the browsers do it: named placeholders → $1, $2 … → the substitutions; `@@bidi_dir` from the interface language. */
const i18n = (locale: string, shipped = locale) => {
  const messages = load(shipped);
  return {
    getUILanguage: () => locale,
    getMessage: (key: string, substitutions: string[] = []) => key === '@@bidi_dir' ? (/^(ar|he|fa)\b/.test(locale) ? 'rtl' : 'ltr') : messages[key]?.message.replace(/\$(\w+)\$/g, (_, name: string) =>
      (messages[key]!.placeholders?.[name.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '')) ?? '',
  };
};

async function inLanguage(locale: string, shipped = locale) {
  vi.resetModules();
  vi.doMock('./browser', () => ({ default: { i18n: i18n(locale, shipped) } }));
  return import('./i18n');
}

afterEach(() => vi.doUnmock('./browser'));

describe('numbers in messages', () => {
  it('are written as the interface language writes them; strings stay as they are', async () => {
    expect((await inLanguage('en')).t('failureCount', 10000)).toBe('10,000 failed');
    expect((await inLanguage('de')).t('failureCount', 10000)).toBe('10.000 fehlgeschlagen');
    expect((await inLanguage('de')).t('onlyTab', '12345')).toMatch(/12345/);
  });
});

describe('counted forms', () => {
  it.each([
    ['en', 1, '1 older failure was dropped'],
    ['en', 2, '2 older failures were dropped'],
    ['en', 10000, '10,000 older failures were dropped'],
    ['de', 1, '1 älterer Fehler wurde entfernt'],
    ['de', 2000, '2.000 ältere Fehler wurden entfernt'],
    ['es', 1, 'Se descartó 1 fallo antiguo'],
    ['es', 3, 'Se descartaron 3 fallos antiguos'],
  ])('%s, %d', async (locale, count, start) => {
    expect((await inLanguage(locale)).tCount('historyDropped', count, count)).toMatch(new RegExp(`^${start}`));
  });

  it('the form follows the count it is given, not the first number in the text', async () => {
    const { tCount } = await inLanguage('en');
    expect(tCount('historyCount', 1, 0, 1)).toBe('0 of 1 failure');
    expect(tCount('historyCount', 43, 43, 43)).toBe('43 of 43 failures');
  });
});

describe('the page language', () => {
  it.each([
    ['de-AT', 'de', 'de-AT', 'ltr'],
    ['es', 'es', 'es', 'ltr'],
    // No translation: the browser shows English, so the page says English, left to right.
    ['fr-FR', 'en', 'en', 'ltr'],
    ['ar', 'en', 'en', 'ltr'],
  ])('interface %s, messages %s → lang %s, dir %s', async (locale, shipped, lang, dir) => {
    (await inLanguage(locale, shipped)).localizePage();
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual([lang, dir]);
  });
});

describe('formats follow the language shown', () => {
  it('a browser without a translation gets English words and English formats, not a mix', async () => {
    const french = await inLanguage('fr-FR', 'en');
    expect(french.uiLanguage()).toBe('en');
    expect(french.t('failureCount', 10000)).toBe('10,000 failed');
    expect((await inLanguage('de-AT', 'de')).uiLanguage()).toBe('de-AT');
  });
});
