import type { ManifoldConstraint } from '../manifold/manifold-schema.js';
import { contentStems } from '../text/tokenize.js';
import type { TermIndex } from '../text/term-index.js';

/**
 * Ids of the manifold constraints a record touches. A constraint is linked when the record
 * contains one of its `keywords` as a phrase, or shares at least two distinctive content words
 * (stemmed, stopwords dropped) with its statement (one when the statement has only one).
 * Distinctive words exclude `generic` ones, the manifold's entity and system names: in a payment
 * manifold every record and constraint says "payment", which links nothing to anything.
 *
 * @param index - the record's text, for keyword phrases
 * @param stems - the record's content stems
 * @param generic - stems that do not count as evidence
 */
export function linkConstraints(
  index: TermIndex,
  stems: ReadonlySet<string>,
  constraints: readonly ManifoldConstraint[],
  generic: ReadonlySet<string> = new Set(),
): string[] {
  return constraints
    .filter((c) => {
      if ((c.keywords ?? []).some((k) => index.has(k))) return true;
      const own = new Set(contentStems(c.statement).filter((s) => !generic.has(s)));
      let shared = 0;
      for (const s of own) if (stems.has(s)) shared += 1;
      return shared > 0 && shared >= Math.min(2, own.size);
    })
    .map((c) => c.id);
}
