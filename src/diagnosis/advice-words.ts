// Wording what was observed in the catalog's language: templates, layer names, waits and clock times.
// Everything language-specific comes from the catalog (words) or Intl with its locale (numbers, times).
import { fill, type Values } from './catalog/template';
import type { AdviceKey, Catalog } from './catalog/types';
import type { Layer } from './headers-parse';

export const say = (catalog: Catalog, key: AdviceKey, values?: Values): string =>
  fill(catalog.advice[key], values, catalog.locale);

/** "Cloudflare", "nginx (nginx/1.22.1)", "application on Express", in the catalog's language. */
export function layerName(layer: Layer, catalog: Catalog): string {
  const name = fill(catalog.layers[layer.id], { detail: layer.detail ?? '' }, catalog.locale);
  const ownsDetail = layer.id === 'server' || layer.id === 'via' || layer.id === 'poweredBy';
  return layer.detail && !ownsDetail ? fill(catalog.layers.withServer, { layer: name, detail: layer.detail }, catalog.locale) : name;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

/** "in 2 minutes", "in 3 Stunden": the wait, rounded to the unit a person would use. */
export function waitFor(seconds: number, locale: string): string {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  if (seconds < 90) return relative.format(seconds, 'second');
  if (seconds < 90 * MINUTE) return relative.format(Math.round(seconds / MINUTE), 'minute');
  if (seconds < 36 * HOUR) return relative.format(Math.round(seconds / HOUR), 'hour');
  return relative.format(Math.round(seconds / DAY), 'day');
}

/** The clock time of a moment; with the date when it is not today ("at 09:00" at 23:00 would read as this morning). */
export function clockTime(at: number, now: number, locale: string): string {
  const today = new Date(now).toDateString() === new Date(at).toDateString();
  return new Intl.DateTimeFormat(locale, today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
