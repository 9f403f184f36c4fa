import { isStopword } from '../text/tokenize.js';
import { escapeRegExp } from '../../matchers/names.js';
import { contextVocabulary, type ContextVocabulary } from '../vocabulary/context-vocabulary.js';

/** A note in brackets after a term: `reservation-sync (res-publisher worker, retry job)`. */
const BRACKETED = /\(([^()]*)\)/g;

/**
 * The phrases a term written in the team's shorthand stands for: the text before its bracketed
 * note, each alternative of a slash (`overbooking / guest walked`), and each item of the note
 * (`reservation-sync (res-publisher worker, retry job)` names its worker and its retry job too),
 * without the markers that introduce an example or another name (`e.g.`, `a.k.a.`: the vocabulary's
 * `alias_markers`). A term without a note or a slash is its own only phrase.
 */
export function termPhrases(written: string, vocabulary: ContextVocabulary = contextVocabulary()): string[] {
  const notes = [...written.matchAll(BRACKETED)].map((m) => m[1] ?? '');
  const head = written.replace(BRACKETED, ' ');
  const markers = openingMarkers([...vocabulary.alias_markers, ...vocabulary.example_markers]);
  const items = [...head.split(/\s+\/\s+/), ...notes.flatMap((n) => n.split(/[,;]/))]
    .map((p) => p.trim().replace(markers, ''))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 1);
  return [...new Set(items.length > 0 ? items : [written.trim()])];
}

/**
 * Other names a comment gives a term: `a.k.a. booking, stay; identified by …` gives booking and
 * stay (the vocabulary's `alias_markers` open them; the list ends at a `;` or a full stop). A
 * comment that opens otherwise describes the term and names nothing.
 */
export function commentAliases(comment: string, vocabulary: ContextVocabulary = contextVocabulary()): string[] {
  const text = comment.trim();
  const marker = openingMarkers(vocabulary.alias_markers);
  if (vocabulary.alias_markers.length === 0 || !marker.test(text)) return [];
  const list = text.replace(marker, '').split(/;|\.(?:\s|$)/)[0] ?? '';
  return list
    .split(/,|\s+or\s+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 1);
}

/**
 * The name a describing comment gives a term in its opening words: `booking push  # one outbound
 * message to Tidewire for one reservation revision` calls a booking push an "outbound message",
 * which is how others may write it. The words after an opening article or count
 * (`definition_openers`) up to the first stopword or punctuation, when they are two words or more
 * (one word, "statement", "attempt", says too little). A comment of aliases (`a.k.a.`) gives none.
 */
export function commentHead(comment: string, vocabulary: ContextVocabulary = contextVocabulary()): string[] {
  const text = comment.trim();
  if (text === '' || openingMarkers(vocabulary.alias_markers).test(text)) return [];
  const words = text.split(/\s+/);
  let i = 0;
  while (i < words.length && vocabulary.definition_openers.includes((words[i] ?? '').toLowerCase())) i += 1;
  const head: string[] = [];
  for (; i < words.length; i += 1) {
    const word = words[i] ?? '';
    const bare = word.replace(/[.,;:]+$/, '');
    if (!/^[\p{L}][\p{L}\p{N}-]*$/u.test(bare) || isStopword(bare.toLowerCase())) break;
    head.push(bare);
    if (bare !== word) break;
  }
  return head.length >= 2 ? [head.join(' ')] : [];
}

/**
 * The state an error type is recorded as, when its comment ends by naming it: `charge_timeout  #
 * no answer from Portage Pay within 10 s: OUTCOME_UNKNOWN` is written down as OUTCOME_UNKNOWN,
 * and an incident that says its charges "ended OUTCOME_UNKNOWN" had that error; so is the state a
 * comment says the error leaves a record "stuck in" (`outcome_missing  # … ; invoice stuck in
 * PENDING`: "debits stayed Pending"). Only a code state at the comment's very end counts, after a
 * colon or "stuck in": a constant of capitals joined by `_`, or one capitalised word of four
 * letters or more; "…; IN_ARREARS after the notice" is what follows the error, not its record.
 * A one-word state is a plain word too ("Pending" of another service's records): it names the
 * error type as any of its words would.
 */
export function recordedState(comment: string): string[] {
  const m = /(?::|\bstuck in)\s*([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})\s*\.?\s*$/.exec(comment.trim());
  return m?.[1] ? [m[1]] : [];
}

/** A pattern for one of `markers` opening a text, with the space after it. */
function openingMarkers(markers: readonly string[]): RegExp {
  if (markers.length === 0) return /(?!)/;
  return new RegExp(`^(?:${markers.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])\\s*`, 'iu');
}

/**
 * Abbreviations a manifold defines in its own words: `channel manager (CM)` makes "CM" another name
 * for "channel manager", wherever the manifold writes it. Only capitals that are the initials of
 * the words just before the bracket count, so `(revenue team)` or `(4xx)` define nothing.
 */
export function definedAbbreviations(texts: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of texts) {
    for (const m of text.matchAll(/((?:[\p{L}][\p{L}\p{N}-]*\s+){1,5})\((\p{Lu}{2,6})\)/gu)) {
      const abbreviation = m[2] ?? '';
      const words = (m[1] ?? '').trim().split(/\s+/);
      const expansion = words.slice(-abbreviation.length);
      const initials = expansion.map((w) => w[0]?.toUpperCase()).join('');
      if (expansion.length === abbreviation.length && initials === abbreviation) out.set(abbreviation, expansion.join(' ').toLowerCase());
    }
  }
  return out;
}

/**
 * `phrases` with, for each that contains an expansion of `abbreviations`, the same phrase written
 * with the abbreviation ("duplicate booking at the channel manager" → "… at the CM").
 */
export function withAbbreviations(phrases: readonly string[], abbreviations: ReadonlyMap<string, string>): string[] {
  const out = [...phrases];
  for (const [abbreviation, expansion] of abbreviations) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(expansion)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const p of phrases) if (pattern.test(p)) out.push(p.replace(pattern, abbreviation));
  }
  return [...new Set(out)];
}
