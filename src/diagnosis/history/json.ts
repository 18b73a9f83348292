// JSON export: the stored records with the page and the explanation texts, under a version field. Pure.
import type { HistoryEntry } from '../types';
import { withoutQueries } from '../explain';
import { headersFor, pageTitleFor, urlFor, type ExportContext } from './export';

/** Bumped when the shape of an exported entry changes. */
export const JSON_EXPORT_VERSION = 1;

function exported(entry: HistoryEntry, context: ExportContext) {
  const explained = context.explain(entry);
  const { title, what, side, visitor, owner, notes, layer, source, requestIds } = context.stripQuery ? withoutQueries(explained) : explained;
  return {
    ...entry,
    url: urlFor(context, entry.url),
    // Chromium's initiator is an origin, Firefox's a full URL, its query string included.
    initiator: entry.initiator === undefined ? undefined : urlFor(context, entry.initiator),
    pageUrl: urlFor(context, entry.pageUrl),
    pageTitle: entry.pageTitle === undefined ? undefined : pageTitleFor(context, entry),
    redirects: entry.redirects?.map((url) => urlFor(context, url)),
    headers: entry.headers && Object.fromEntries(headersFor(context, entry.headers)),
    time: new Date(entry.timeStamp).toISOString(),
    explanation: { title, what, side, visitor, owner, notes, layer, source, requestIds },
  };
}

export function* jsonParts(entries: Iterable<HistoryEntry>, context: ExportContext): Generator<string> {
  const head = {
    format: 'request-doctor-history', version: JSON_EXPORT_VERSION, exported: context.now.toISOString(),
    extension: context.extensionVersion, browser: `${context.browser.name} ${context.browser.version}`,
    queryStringsStripped: context.stripQuery, dropped: context.dropped ?? 0,
  };
  yield `${JSON.stringify(head).slice(0, -1)},"entries":[`;
  let first = true;
  for (const entry of entries) {
    yield `${first ? '' : ','}\n${JSON.stringify(exported(entry, context))}`;
    first = false;
  }
  yield '\n]}\n';
}
