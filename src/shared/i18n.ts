// Interface strings come from _locales/ so a translation needs no code change. Keys are typed from
// en/messages.json: tsc rejects a missing or misspelt key.
import type english from '../../public/_locales/en/messages.json';
import browser from './browser';

export type MessageKey = keyof typeof english;
/** Messages with a form per count: `<key>_one` and `<key>_many`. */
export type CountedKey = { [K in MessageKey]: K extends `${infer Base}_many` ? (`${Base}_one` extends MessageKey ? Base : never) : never }[MessageKey];

let numbers: Intl.NumberFormat | undefined;
let plurals: Intl.PluralRules | undefined;

/** Numbers as the interface language writes them ("10,000", "10.000"); strings stay as they are (ids, codes). */
const substitution = (value: string | number): string =>
  typeof value === 'number' ? (numbers ??= new Intl.NumberFormat(uiLanguage())).format(value) : value;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(substitution)) || key;
}

/** The form of `key` for `count` in the interface language ("1 older failure", "2 older failures"). */
export function tCount(key: CountedKey, count: number, ...substitutions: (string | number)[]): string {
  const form = (plurals ??= new Intl.PluralRules(uiLanguage())).select(count) === 'one' ? 'one' : 'many';
  return t(`${key}_${form}` as MessageKey, ...substitutions);
}

/** The browser's interface language (BCP 47): the language of every page and of Intl formats. */
export const uiLanguage = (): string => browser.i18n.getUILanguage();

/**
 * The page speaks the browser's interface language: `lang` and `dir` come from it, never hard-coded. Where
 * the extension has no translation for it the browser falls back to English: the page then says so (a French
 * voice must not read English text, and an Arabic interface must not lay English out right to left).
 */
export function localizePage(): void {
  const shown = browser.i18n.getMessage('catalogLocale') || 'en';
  const translated = uiLanguage().toLowerCase().split('-')[0] === shown.toLowerCase();
  document.documentElement.lang = translated ? uiLanguage() : shown;
  document.documentElement.dir = translated ? browser.i18n.getMessage('@@bidi_dir') || 'ltr' : 'ltr';
}
