// Interface strings come from _locales/ so a translation needs no code change. Keys are typed from
// en/messages.json: tsc rejects a missing or misspelt key.
import type english from '../../public/_locales/en/messages.json';
import browser from './browser';

export type MessageKey = keyof typeof english;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** The browser's interface language (BCP 47): the language of every page and of Intl formats. */
export const uiLanguage = (): string => browser.i18n.getUILanguage();

/** The page speaks the browser's interface language: `lang` and `dir` come from it, never hard-coded. */
export function localizePage(): void {
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
}
