import { escapeRegExp } from '../../matchers/names.js';
import { contextVocabulary, type ContextVocabulary, type Negation } from '../vocabulary/context-vocabulary.js';
import { splitSentences } from './sentences.js';
import { TermIndex } from './term-index.js';
import { tokenize } from './tokenize.js';

/**
 * True when `sentence` rules something out rather than reporting it: "Auto-refill claims were not
 * affected", "Not related to auto-refill", "No prescriptions, refills or payments were involved"
 * (`negation` of the context vocabulary).
 */
export function isDisclaimer(sentence: string, negation: Negation = contextVocabulary().negation): boolean {
  const index = new TermIndex([sentence]);
  if (negation.disclaimers.some((d) => index.has(d))) return true;
  const first = tokenize(sentence)[0];
  return first !== undefined && negation.openers.includes(first) && negation.involvement.some((w) => index.has(w));
}

/**
 * A clause ends at a comma, semicolon, colon, bracket or dash; not at the comma or colon inside a
 * number or a time ("5,400 retries", "at 03:00").
 */
const CLAUSES = /(\s*(?:[;()]|(?<!\d)[,:]|[,:](?!\d))\s*|\s+[-–—]\s+|\s*[–—]\s*)/u;

const negatorPatterns = new WeakMap<Negation, RegExp>();

/** A pattern that finds the first negative word (`negation.negators`) of a text. */
export function negatorPattern(negation: Negation = contextVocabulary().negation): RegExp {
  let pattern = negatorPatterns.get(negation);
  if (!pattern) {
    // a numeral negator ("0 duplicates", "0 errors") counts none of the word after it; not a
    // number that goes on ("0.5 s", "0,8") or the end of one ("crestpay-java 6.0 raises …", "adapter 4.0 maps", "2,0 s")
    const words = [...negation.negators].sort((a, b) => b.length - a.length).map((w) => (/^\d+$/.test(w) ? `(?<!\\p{N}[.,])${w}(?=\\s+\\p{L})` : escapeRegExp(w)));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    negatorPatterns.set(negation, pattern);
  }
  return pattern;
}

/**
 * `sentence` with the rest of each clause after a negative word removed: "No duplicate claims and no
 * double copays" → "", "Nothing was sent twice — the faxes never left" → " — the faxes". What
 * follows a negator did not happen, so it is neither a failure of the record nor evidence.
 */
export function withoutNegatedClauses(sentence: string, negation: Negation = contextVocabulary().negation): string {
  const found = negatorPattern(negation);
  const verbs = verbNegatorPattern(negation);
  return sentence
    .split(CLAUSES)
    .map((part, i) => {
      if (i % 2 === 1) return part; // a separator
      const m = found.exec(part);
      const kept = m ? part.slice(0, m.index) : part;
      return verbs ? kept.replace(verbs, '') : kept;
    })
    .join('');
}

const verbNegatorPatterns = new WeakMap<Negation, RegExp | undefined>();

/**
 * `verb_negators` with the word they govern ("did not retry"): only that verb is ruled out, the
 * rest of its clause still happened ("did not release the lock after a gateway timeout").
 */
function verbNegatorPattern(negation: Negation): RegExp | undefined {
  if (verbNegatorPatterns.has(negation)) return verbNegatorPatterns.get(negation);
  const words = negation.verb_negators ?? [];
  const ends = negation.verb_negator_scope_ends ?? [];
  // the verb's own words after it (its object, its path: "go up the retry ladder"), up to a word
  // that opens what happened beside it ("after a gateway timeout")
  const rest = ends.length === 0 ? '' : `(?:\\s+(?!(?:${ends.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}]))[\\p{L}\\p{N}'’{}_.-]+)*`;
  const pattern =
    words.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map((w) => escapeRegExp(w).replace(/\s+/g, '\\s+')).join('|')})\\s+[\\p{L}'’-]+${rest}`, 'giu');
  verbNegatorPatterns.set(negation, pattern);
  return pattern;
}

/** The sentences of `texts` that report rather than rule out (disclaimers dropped), one per segment. */
export function affirmedSentences(texts: readonly string[], vocabulary: ContextVocabulary = contextVocabulary()): string[] {
  return texts.flatMap(splitSentences).filter((s) => !isDisclaimer(s, vocabulary.negation));
}

/** `affirmedSentences` with negated clauses removed: what the record says did happen. */
export function happenedSentences(texts: readonly string[], vocabulary: ContextVocabulary = contextVocabulary()): string[] {
  return affirmedSentences(texts, vocabulary)
    .map((s) => withoutNegatedClauses(s, vocabulary.negation))
    .filter((s) => s.trim().length > 0);
}
