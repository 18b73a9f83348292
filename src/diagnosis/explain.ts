// Classification + catalog + observed headers → the full text a person reads about one failure.
import { adviceFor } from './advice';
import type { Catalog } from './catalog/types';
import type { Layer } from './headers-parse';
import { httpStatusOf } from './status';
import { impactOf } from './summary';
import { withoutQueriesIn } from './url';
import type { Classification, Explanation, Observation, Stage } from './types';

export interface Diagnosis extends Explanation {
  stage: Stage;
  code: string;
  /** Facts read from this very request (headers, method, redirects), most important first. */
  notes: readonly string[];
  /** Who produced the error, when the headers tell (an id; layerName words it). */
  layer?: Layer;
  requestIds: readonly [string, string][];
}

function groupExplanation(catalog: Catalog, name: string): Explanation | undefined {
  return catalog.netErrorGroups.find((group) => group.names.includes(name))?.explanation;
}

/** The catalog entry for a classified failure; never undefined, unknowns fall back by class or stage. */
export function explanationFor(classification: Classification, catalog: Catalog): Explanation {
  const { stage, errorName } = classification;
  const status = httpStatusOf(classification);
  if (status === undefined) {
    return (errorName && (catalog.cors[errorName] ?? catalog.netErrors[errorName] ?? groupExplanation(catalog, errorName))) || catalog.stages[stage];
  }
  return catalog.statuses[status] ?? catalog.statusClasses[Math.floor(status / 100)] ?? catalog.stages[stage];
}

/** `catalog` must hold the part this failure needs (see catalogFor). */
export function explain(failure: Observation & Classification, catalog: Catalog): Diagnosis {
  const base = explanationFor(failure, catalog);
  const advice = adviceFor(failure, catalog);
  // Breaks nothing (the favicon): its note says there is nothing to do, so no list says otherwise.
  const harmless = impactOf(failure) === 'none';
  const diagnosis: Diagnosis = {
    ...base,
    stage: failure.stage,
    code: failure.code,
    notes: advice.notes,
    visitor: harmless ? [] : [...advice.visitor, ...base.visitor],
    owner: harmless ? advice.owner : [...advice.owner, ...base.owner],
    requestIds: advice.requestIds,
  };
  if (advice.layer) diagnosis.layer = advice.layer;
  return diagnosis;
}

/** The diagnosis for a copy or an export that leaves out query strings: its texts can quote addresses (a redirect loop's notes). */
export function withoutQueries(diagnosis: Diagnosis): Diagnosis {
  const strip = (texts: readonly string[]): string[] => texts.map(withoutQueriesIn);
  return { ...diagnosis, what: withoutQueriesIn(diagnosis.what), notes: strip(diagnosis.notes), visitor: strip(diagnosis.visitor), owner: strip(diagnosis.owner) };
}
