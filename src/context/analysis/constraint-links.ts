import type { ManifoldConstraint } from '../manifold/manifold-schema.js';
import { contentStems } from '../text/tokenize.js';
import type { TermIndex } from '../text/term-index.js';

/**
 * Ids of the manifold constraints a record touches. A constraint is linked when the record
 * contains one of its `keywords` as a phrase, or shares content words (stemmed, stopwords dropped)
 * with its statement: at least two, or one when the statement has only one or two content words.
 *
 * @param index - the record's text, for keyword phrases
 * @param stems - the record's content stems
 */
export function linkConstraints(index: TermIndex, stems: ReadonlySet<string>, constraints: readonly ManifoldConstraint[]): string[] {
  return constraints
    .filter((c) => {
      if ((c.keywords ?? []).some((k) => index.has(k))) return true;
      const own = new Set(contentStems(c.statement));
      let shared = 0;
      for (const s of own) if (stems.has(s)) shared += 1;
      return shared >= Math.min(2, own.size) && shared > 0;
    })
    .map((c) => c.id);
}
