// What a page must say, and must no longer say, when the interface runs in a shipped language:
// read from the same message and catalog files the extension ships.
import { readFileSync } from 'node:fs';

type Messages = Record<string, { message: string }>;
const read = (path: string): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
  } catch {
    return undefined;
  }
};
export const messagesOf = (locale: string) => read(`public/_locales/${locale}/messages.json`) as Messages;
/** A catalog entry's title in a language, English where the translation has none (as the loader does). */
export const titleOf = (language: string, part: string, key: string): string => {
  const entry = (read(`src/diagnosis/catalog/${language}/${part}.json`)?.[key] ?? read(`src/diagnosis/catalog/en/${part}.json`)![key]) as { title: string };
  return entry.title;
};
/** Placeholder-free pieces of a message, the longest first: what must show up literally. */
const literal = (message: string): string => message.split(/\$\w+\$/).sort((a, b) => b.length - a.length)[0]!.trim();

const en = messagesOf('en');

/** The texts of one interface language: what to expect, and the English that must be gone. */
export function localeTexts(locale: string) {
  const own = messagesOf(locale);
  const language = own.catalogLocale!.message;
  const expected = (keys: readonly string[]) => keys.map((key) => literal(own[key]!.message));
  /** English that must not be seen: every English text whose translation differs (and titles of `catalog`). */
  const english = (keys: readonly string[], catalog: ReadonlyArray<readonly [string, string]> = []) => [
    ...keys.map((key) => literal(en[key]!.message)).filter((text, i) => text !== expected([keys[i]!])[0]),
    ...catalog.map(([part, key]) => titleOf('en', part, key)).filter((title, i) => title !== titleOf(language, catalog[i]![0], catalog[i]![1])),
  ];
  return { own, language, expected, english, title: (part: string, key: string) => titleOf(language, part, key) };
}
