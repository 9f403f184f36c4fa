import type { CatalogueEntry } from '../catalogue/anti-pattern-catalogue.js';
import { TermIndex } from '../text/term-index.js';
import { unwrapLines } from '../text/unwrap-lines.js';

/** An anti-pattern recognised in a record, with the term that satisfied each signal group. */
export interface AntiPatternMatch {
  entry: CatalogueEntry;
  /** One term per signal group, in group order. */
  terms: string[];
}

/**
 * Anti-patterns of `catalogue` whose signals all occur in `index`: for every signal group, at
 * least one of its terms (stemmed, as a phrase). Catalogue order is kept.
 */
export function matchAntiPatterns(index: TermIndex, catalogue: readonly CatalogueEntry[]): AntiPatternMatch[] {
  const matches: AntiPatternMatch[] = [];
  for (const entry of catalogue) {
    const terms: string[] = [];
    for (const group of entry.signals) {
      const hit = index.firstOf(group);
      if (hit === undefined) break;
      terms.push(hit);
    }
    if (terms.length === entry.signals.length) matches.push({ entry, terms });
  }
  return matches;
}

/**
 * The sentences of `texts` that carry any signal term of `entry`: the evidence shown as an
 * anti-pattern's `pattern_signature`. Order kept, duplicates dropped.
 */
export function signalEvidence(texts: readonly string[], entry: CatalogueEntry): string[] {
  const terms = entry.signals.flat();
  const out: string[] = [];
  for (const text of texts) {
    for (const sentence of splitSentences(text)) {
      if (!out.includes(sentence) && new TermIndex([sentence]).firstOf(terms) !== undefined) out.push(sentence);
    }
  }
  return out;
}

/**
 * Split prose into sentences on `.`, `!`, `?` or line breaks that end a sentence (hard-wrapped
 * lines are joined first); trims; drops empties.
 */
export function splitSentences(text: string): string[] {
  return unwrapLines(text)
    .split(/(?<=[.!?])\s+|\r?\n/)
    .map((s) => s.trim().replace(/[.]+$/, ''))
    .filter((s) => s.length > 0);
}
