// Filling `{name}` placeholders and picking plural forms. Values are inserted as text, never parsed.
import type { Template } from './types';

export type Values = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The template's text for these values: the plural form for `count` (in `locale`), placeholders filled. */
export function fill(template: Template, values: Values = {}, locale = 'en'): string {
  let text: string;
  if (typeof template === 'string') text = template;
  else {
    const count = Number(values.count ?? 0);
    text = template[new Intl.PluralRules(locale).select(count)] ?? template.other;
  }
  const numbers = new Intl.NumberFormat(locale);
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** The placeholder names a template uses, sorted (every plural form counted). */
export function placeholdersOf(template: Template): string[] {
  const texts = typeof template === 'string' ? [template] : Object.values(template);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)))].sort();
}
