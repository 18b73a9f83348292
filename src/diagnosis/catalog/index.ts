// The catalog in use, English so far (a translation adds a sibling of en/). The small parts are always
// here; the big text tables are separate chunks, loaded only when a failure on screen needs them.
import { httpStatusOf } from '../status';
import type { Classification } from '../types';
import { advice } from './en/advice';
import { netErrorGroups, stages } from './en/net-error-groups';
import { statusClasses } from './en/status-classes';
import type { Catalog } from './types';

const PARTS = {
  statuses: () => import('./en/statuses').then((m) => ({ statuses: m.statuses })),
  local: () => import('./en/net-errors-local').then((m) => ({ netErrors: m.localErrors })),
  transport: () => import('./en/net-errors-transport').then((m) => ({ netErrors: m.transportErrors })),
  tls: () => import('./en/net-errors-tls').then((m) => ({ netErrors: m.tlsErrors })),
  response: () => import('./en/net-errors-response').then((m) => ({ netErrors: m.responseErrors })),
};
export type CatalogPart = keyof typeof PARTS;

/** Which table explains a failure: statuses, or the net errors of its stage (as the en/ files split them). */
export function partFor({ code, errorName, stage }: Classification): CatalogPart {
  if (httpStatusOf({ code, errorName }) !== undefined) return 'statuses';
  if (stage === 'tls') return 'tls';
  if (stage === 'receive') return 'response';
  if (stage === 'connect' || stage === 'wait') return 'transport';
  return 'local';
}

/** One catalog object, filled in as parts arrive; explanations read it synchronously. */
const catalog: Catalog = { statuses: {}, statusClasses, netErrors: {}, netErrorGroups, stages, advice };
const loading = new Map<CatalogPart, Promise<void>>();

/** The catalog with every part these failures need. */
export async function catalogFor(failures: Iterable<Classification>): Promise<Catalog> {
  const parts = new Set<CatalogPart>();
  for (const failure of failures) parts.add(partFor(failure));
  await Promise.all([...parts].map((part) => {
    let load = loading.get(part);
    if (!load) {
      load = PARTS[part]().then((loaded) => {
        if ('statuses' in loaded) Object.assign(catalog.statuses, loaded.statuses);
        else Object.assign(catalog.netErrors, loaded.netErrors);
      });
      loading.set(part, load);
    }
    return load;
  }));
  return catalog;
}
