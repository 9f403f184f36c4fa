import type { CatalogueEntry } from '../catalogue/anti-pattern-catalogue.js';
import { TermIndex } from '../text/term-index.js';
import { stemAll } from '../text/tokenize.js';
import { splitSentences } from '../text/sentences.js';
import { contextVocabulary, synonymsOf, type ContextVocabulary, type Safeguard } from '../vocabulary/context-vocabulary.js';

/** An anti-pattern recognised in a record, with the term that satisfied each signal group. */
export interface AntiPatternMatch {
  entry: CatalogueEntry;
  /** One term per signal group, in group order. */
  terms: string[];
  /** The sentence that shows it, where it was attributed sentence by sentence. */
  evidence?: string;
}

/**
 * Anti-patterns of `catalogue` evidenced in `texts` (an incident's root cause, contributing
 * factors, postmortem): one sentence must carry a term of every signal group (a term or any of its
 * synonyms), and must not show the anti-pattern's safeguard in place ("retried with the same
 * delivery id" is no retry without idempotency). The first such sentence is the evidence.
 * Catalogue order is kept.
 */
export function attributeAntiPatterns(
  texts: readonly string[],
  catalogue: readonly CatalogueEntry[],
  vocabulary: ContextVocabulary = contextVocabulary(),
): AntiPatternMatch[] {
  const sentences = texts.flatMap(splitSentences).map((sentence) => ({ sentence, index: new TermIndex([sentence]) }));
  const matches: AntiPatternMatch[] = [];
  for (const entry of catalogue) {
    const groups = entry.signals.map((group) => [...new Set(group.flatMap((t) => synonymsOf(t, vocabulary)))]);
    const safeguard = vocabulary.anti_pattern_safeguards[entry.id];
    for (const { sentence, index } of sentences) {
      const terms = groups.map((g) => index.firstOf(g));
      if (terms.some((t) => t === undefined)) continue;
      if (safeguard && safeguardInPlace(index, safeguard)) continue;
      matches.push({ entry, terms: terms as string[], evidence: sentence });
      break;
    }
  }
  return matches;
}

/** True when a safeguard term occurs with one of its `with` words just before it and no `without` word. */
function safeguardInPlace(index: TermIndex, safeguard: Safeguard): boolean {
  const withStems = new Set(safeguard.with.flatMap(stemAll));
  const withoutStems = new Set(safeguard.without.flatMap(stemAll));
  return safeguard.terms.some((term) =>
    index.occurrences(term).some((at) => {
      const before = index.stemsBefore(at, SAFEGUARD_WINDOW);
      return before.some((s) => withStems.has(s)) && !before.some((s) => withoutStems.has(s));
    }),
  );
}

/** How many words before a safeguard term say whether it was there ("with the same …"). */
const SAFEGUARD_WINDOW = 4;

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

export { splitSentences };
