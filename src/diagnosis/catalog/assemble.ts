// Facts (one table, every language) + one language's prose → the explanations a person reads.
import type { Explanation } from '../types';
import factsTable from './facts.json';
import { fill } from './template';
import type { Facts, FactsTable, Prose } from './types';

export const facts = factsTable as unknown as FactsTable;

export function explanationOf(entryFacts: Facts, prose: Prose, values?: Readonly<Record<string, string>>): Explanation {
  const explanation: Explanation = {
    title: prose.title,
    side: entryFacts.side,
    what: values ? fill(prose.what, values) : prose.what,
    visitor: prose.visitor,
    owner: prose.owner,
  };
  if (entryFacts.source) explanation.source = prose.sourceNote ? `${entryFacts.source} (${prose.sourceNote})` : entryFacts.source;
  return explanation;
}

/** Every entry of a table that has both facts and prose, keyed as the facts key it. */
export function explanationsOf(
  tableFacts: Readonly<Record<string, Facts>>,
  prose: Readonly<Record<string, Prose>>,
  valuesFor?: (key: string) => Readonly<Record<string, string>>,
): Record<string, Explanation> {
  const out: Record<string, Explanation> = {};
  for (const [key, entryFacts] of Object.entries(tableFacts)) {
    const words = prose[entryFacts.prose ?? key];
    if (words) out[key] = explanationOf(entryFacts, words, valuesFor?.(key));
  }
  return out;
}
