// Advice specific to what was observed: headers, method, resource type and who answered.
// A table of small rules. Status rules run only for the statuses whose facts (facts.json) list them;
// header rules run for every failure and look for their own header.
import { corsAdvice } from './advice-cors';
import { say } from './advice-words';
import { ADVICE_RULES, type Advice, type AdviceContext } from './advice-rules';
import type { Catalog } from './catalog/types';
import { httpStatusOf } from './status';
import type { Classification, Observation } from './types';

export type { Advice } from './advice-rules';

/** A CORS refusal's notes first: they say why the page saw no answer, which the other rules' notes build on. */
const RULES = [corsAdvice, ...ADVICE_RULES];

/** Everything the observation adds to the catalog text. Never throws on odd input. */
export function adviceFor(failure: Observation & Classification, catalog: Catalog): Advice {
  const status = httpStatusOf(failure);
  const statusRules = status === undefined ? [] : (catalog.statusAdvice[status] ?? []);
  const context: AdviceContext = {
    failure,
    headers: failure.headers ?? {},
    status,
    method: failure.method.toUpperCase(),
    catalog,
    applies: (id) => statusRules.includes(id),
    say: (key, values) => say(catalog, key, values),
  };
  const out: Advice = { notes: [], visitor: [], owner: [], requestIds: [] };
  for (const rule of RULES) if (!rule.forStatus || context.applies(rule.id)) rule.add(context, out);
  return out;
}
