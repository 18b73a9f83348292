// Interface strings come from _locales/ so a translation needs no code change.
import browser from './browser';

export function t(key: string, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}
