// Interface strings come from _locales/ so a translation needs no code change. Keys are typed from
// en/messages.json: tsc rejects a missing or misspelt key.
import type english from '../../public/_locales/en/messages.json';
import type { Classification } from '../diagnosis/types';
import browser from './browser';
import { roughDuration } from '../diagnosis/duration';
import { isHttpError } from './failures';

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

/**
 * The language pages are shown in (BCP 47), for `lang` and every Intl format: the browser's interface
 * language where the extension has a translation for it; else the browser falls back to English, and so
 * does this (a French browser must not get "try again dans 2 minutes" or a French voice reading English).
 */
export function uiLanguage(): string {
  const browserLanguage = browser.i18n.getUILanguage();
  const shown = browser.i18n.getMessage('catalogLocale');
  // Not a language tag (no messages at all): the browser's, as Intl can always take it.
  if (!/^[a-z]{2,3}$/i.test(shown)) return browserLanguage;
  return browserLanguage.toLowerCase().split('-')[0] === shown.toLowerCase() ? browserLanguage : shown;
}

/** A duration the way people say it, in words of the interface ("40 s", "14 min", "3 h", "2 d"). */
export function roughly(ms: number): string {
  const { value, unit } = roughDuration(ms);
  return t(`duration_${unit}`, value);
}

/** A date and time written the interface language's way (never the system locale's). */
export const dateTime = (at: number | Date): string => new Date(at).toLocaleString(uiLanguage());

/** The step chip of a line (popup, report, notice): an HTTP error was answered, so it names the answer, never "receiving" as the failure. */
export const stepChip = (failure: Pick<Classification, 'code' | 'stage'>): string => (isHttpError(failure.code) ? t('chipServerError') : t(`stage_${failure.stage}`));

/** The catalog speaks the interface's language: `catalogLocale` names its folder, so the two never disagree. */
export const catalogLanguage = (): { language: string; locale: string } => ({ language: t('catalogLocale'), locale: uiLanguage() });

/** The page speaks that language: `lang` and `dir` come from it, never hard-coded (English is left to right). */
export function localizePage(): void {
  const language = uiLanguage();
  document.documentElement.lang = language;
  document.documentElement.dir = language === browser.i18n.getUILanguage() ? browser.i18n.getMessage('@@bidi_dir') || 'ltr' : 'ltr';
}
