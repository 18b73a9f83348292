// Classification + catalog → the full text a person reads about one failure.
import { catalog as defaultCatalog } from './catalog';
import type { Catalog } from './catalog/types';
import type { Classification, Explanation, Observation, Stage } from './types';

export interface Diagnosis extends Explanation {
  stage: Stage;
  code: string;
}

function groupExplanation(catalog: Catalog, name: string): Explanation | undefined {
  return catalog.netErrorGroups.find((group) => group.names.includes(name))?.explanation;
}

/** The catalog entry for a classified failure; never undefined, unknowns fall back by class or stage. */
export function explanationFor(classification: Classification, catalog: Catalog = defaultCatalog): Explanation {
  const { stage, code, errorName } = classification;
  if (errorName !== undefined || !/^\d+$/.test(code)) {
    return (errorName && (catalog.netErrors[errorName] ?? groupExplanation(catalog, errorName))) || catalog.stages[stage];
  }
  const status = Number(code);
  return catalog.statuses[status] ?? catalog.statusClasses[Math.floor(status / 100)] ?? catalog.stages[stage];
}

export function explain(failure: Observation & Classification, catalog: Catalog = defaultCatalog): Diagnosis {
  return { ...explanationFor(failure, catalog), stage: failure.stage, code: failure.code };
}
