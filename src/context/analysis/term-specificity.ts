import type { ManifoldTerm } from '../manifold/manifold-schema.js';
import type { TermIndex } from '../text/term-index.js';

/**
 * A manifold term found in more than this share of a history's incidents is a word of the whole
 * company ("patient" at a pharmacy, "claim" at an insurer), not of the component: it counts less
 * in relevance the closer it comes to being in every incident. Mirrors the 0.7 of tickets
 * (`MAX_TICKET_SHARE_OF_A_TERM`).
 */
export const COMPANY_WIDE_SHARE = 0.7;

/** Below this many incidents, shares say too little to discount a term. */
export const MIN_INCIDENTS_FOR_SPECIFICITY = 8;

/** How specific one term is to the component within a history. */
export interface Specificity {
  /** Incidents of the history that mention the term. */
  incidents: number;
  /** Of how many. */
  total: number;
  /** 0–1: what one mention of the term counts for in relevance. */
  weight: number;
}

/**
 * The specificity of each term (by name) across a history's incidents (`indexes`, one per
 * incident, disclaimers left out), as an inverse document frequency scaled so a term in at most
 * `COMPANY_WIDE_SHARE` of the incidents weighs 1 and one in every incident 0:
 *
 *   weight = min(1, ln(N / df) / ln(1 / COMPANY_WIDE_SHARE))
 *
 * With fewer than `MIN_INCIDENTS_FOR_SPECIFICITY` incidents every term weighs 1.
 *
 * @param matches - whether an index mentions a term (synonyms and aliases included)
 */
export function termSpecificity(
  indexes: readonly TermIndex[],
  terms: readonly ManifoldTerm[],
  matches: (index: TermIndex, term: ManifoldTerm) => boolean,
): Map<string, Specificity> {
  const total = indexes.length;
  return new Map(
    terms.map((term) => {
      const df = indexes.filter((index) => matches(index, term)).length;
      const weight = total < MIN_INCIDENTS_FOR_SPECIFICITY || df === 0 ? 1 : Math.min(1, Math.log(total / df) / Math.log(1 / COMPANY_WIDE_SHARE));
      return [term.name, { incidents: df, total, weight }];
    }),
  );
}
