import type { CatalogueEntry } from '../catalogue/anti-pattern-catalogue.js';
import { escapeRegExp } from '../../matchers/names.js';
import { TermIndex } from '../text/term-index.js';
import { stemAll } from '../text/tokenize.js';
import { isDisclaimer, negatorPattern, withoutNegatedClauses } from '../text/negation.js';
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
 * delivery id" is no retry without idempotency). What a sentence rules out is no evidence: a
 * disclaimer ("not related to …") is skipped, and so is a clause after a negative word ("no
 * duplicate claims were found") unless it negates the safeguard itself ("with no dedup" is the
 * anti-pattern). A sentence that shows an anti-pattern listed as taking precedence
 * (`anti_pattern_precedence`: a notification sent on every retry is AP-002, not AP-001) is that
 * one's evidence only. Of the sentences left, the evidence is the one that reads one signal as
 * the other in words, then in a code's name (`readsAs`), then the one carrying the most signal
 * terms, a sentence that tells a cause and its consequence (`tellsCause`) counting one more (the
 * first on a tie): "mapped the 'no response' status to DENIED" shows the anti-pattern better than
 * "answered with the status 'no response'". The terms must meet in one of the statements a
 * semicolon joins. Catalogue order is kept.
 */
export function attributeAntiPatterns(
  texts: readonly string[],
  catalogue: readonly CatalogueEntry[],
  vocabulary: ContextVocabulary = contextVocabulary(),
): AntiPatternMatch[] {
  const sentences = texts
    .flatMap(splitSentences)
    .filter((sentence) => !isDisclaimer(sentence, vocabulary.negation) && !approvesPractice(sentence, vocabulary) && !statesRule(sentence, vocabulary))
    .map((sentence) => ({ sentence, read: withoutSystemNames(camelCaseWords(sentence), vocabulary) }))
    .map(({ sentence, read }) => ({
      sentence,
      read: withoutQuotedWords(read),
      plain: withoutQuotedWords(withoutSystemNames(sentence, vocabulary)),
      index: new TermIndex([withoutQuotedWords(read)]),
    }));
  const groupsOf = (entry: CatalogueEntry): string[][] => entry.signals.map((group) => [...new Set(group.flatMap((t) => synonymsOf(t, vocabulary)))]);
  const byId = new Map(catalogue.map((entry) => [entry.id, entry]));
  const shows = (entry: CatalogueEntry, index: TermIndex): boolean => groupsOf(entry).every((g) => index.firstOf(g) !== undefined);
  const matches: AntiPatternMatch[] = [];
  for (const entry of catalogue) {
    const groups = groupsOf(entry);
    const safeguard = vocabulary.anti_pattern_safeguards[entry.id];
    const precedence = (vocabulary.anti_pattern_precedence[entry.id] ?? []).flatMap((id) => byId.get(id) ?? []);
    // A signal that is itself a negation ("no response", "nothing sent") names an outcome: it is
    // read in the whole sentence and negates nothing.
    const negativeSignals = groups.flat().filter((t) => negatorPattern(vocabulary.negation).test(t));
    // what the anti-pattern reacts to (a retry, a timeout): its first signal group
    const signals = new Set((groups[0] ?? []).map((t) => t.toLowerCase()));
    const outcome = vocabulary.anti_pattern_outcomes[entry.id] ?? [];
    const denied = safeguard !== undefined && outcome.length > 0 && deniesOutcome(sentences, outcome, safeguard, vocabulary);
    let best: AntiPatternMatch | undefined;
    let bestWeight = 0;
    for (const { sentence, read, plain, index: whole } of sentences) {
      const kept = new TermIndex([withoutNegatedOutcomes(read, safeguard, negativeSignals, vocabulary, signals)]);
      const has = (term: string): boolean => (negativeSignals.includes(term) ? whole : kept).has(term);
      // A sentence that shows the safeguard missing ("a new capture with a fresh Idempotency-Key")
      // and tells the consequence ("charged twice") shows the anti-pattern however it words the
      // repeat: a key is only about sending the same request again.
      const missingGuard = safeguard && outcome.length > 0 && safeguardMissing(whole, safeguard) ? safeguard.terms.find((t) => whole.has(t)) : undefined;
      const toldOutcome = missingGuard !== undefined && outcome.some((t) => kept.has(t));
      const terms = groups.map((g) => g.find(has) ?? (toldOutcome ? missingGuard : undefined));
      if (terms.some((t) => t === undefined)) continue;
      // Statements a semicolon joins are told apart: "timeouts for 1h45; the status checker worked
      // as designed" pairs no timeout with a status.
      const clauses = read.split(/;\s+/);
      const guardedClause = (clause: string): boolean => {
        if (!toldOutcome || !safeguard) return false;
        const index = new TermIndex([clause]);
        const kept = new TermIndex([withoutNegatedOutcomes(clause, safeguard, negativeSignals, vocabulary, signals)]);
        return safeguardMissing(index, safeguard) && outcome.some((t) => kept.has(t));
      };
      if (clauses.length > 1 && !clauses.some((clause) => showsIn(clause, groups, safeguard, negativeSignals, vocabulary, signals) || guardedClause(clause))) continue;
      if (safeguard && safeguardInPlace(whole, safeguard)) continue;
      if (denied && safeguard && !safeguardMissing(whole, safeguard)) continue;
      if (precedence.some((other) => shows(other, whole))) continue;
      // terms that are one word's forms count once: "timeout" is not two signals because "timeouts"
      // is a term too, nor because the sentence also writes it apart ("times out")
      const said = (g: readonly string[]): number => new Set(g.filter(has).map(wordKey)).size;
      const count = groups.reduce((n, g) => n + said(g), 0);
      // A sentence that reads one signal as the other in words ("recorded the timeout as a rejected
      // push") states the anti-pattern and outranks any that names them apart, however many codes
      // that one lists ("wired to 502/503/504 only"); one that reads a signal as a code name
      // ("logged as TIDEWIRE_REJECTED", "raises a read timeout as OrtolanDeclinedException") states
      // it in the code's words and comes next. Of the rest, one that tells a cause and its
      // consequence ("…, so every retry sent the SMS again") tells the mechanism.
      const weight = readsAs(plain, groups, vocabulary)
        ? READING_WEIGHT + count
        : readsAs(read, groups, vocabulary)
          ? CODE_READING_WEIGHT + count
          : count + (tellsCause(read, vocabulary) ? CAUSE_WEIGHT : 0);
      if (weight > bestWeight) {
        best = { entry, terms: terms as string[], evidence: sentence };
        bestWeight = weight;
      }
    }
    if (best) matches.push(best);
  }
  return matches;
}

/**
 * `sentence` with the short quotations in it blanked out: words in double quotes are what someone
 * said or wrote ('dozens of "charged twice" emails' came from customers; a template's name), not
 * what the system did, so they carry no signal.
 */
export function withoutQuotedWords(sentence: string): string {
  return sentence.replace(/"[^"\n]{1,60}"|“[^”\n]{1,60}”/g, (q) => ' '.repeat(q.length));
}

/**
 * `sentence` with each identifier written in camel case or joined by underscores read as its words
 * ("raised CardDeclinedError for every read timeout" says "Card Declined Error"; "recorded the
 * timeouts as CAPTURE_FAILED" reads them as "CAPTURE FAILED"): code names an error class or a state
 * by what it means, and the text quotes the name.
 */
export function camelCaseWords(sentence: string): string {
  return sentence
    .replace(/\p{L}+/gu, (word) => (/\p{Ll}\p{Lu}/u.test(word) ? word.replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ') : word))
    .replace(/(?<=\p{L})_(?=\p{L})/gu, ' ');
}

/**
 * `sentence` with each hyphenated system name whose last part is a `system_name_parts` word
 * ("notify-relay", "notification-service") written as one word, so its parts are no signal terms:
 * it names the service, not what the service does.
 */
export function withoutSystemNames(sentence: string, vocabulary: ContextVocabulary = contextVocabulary()): string {
  const parts = vocabulary.system_name_parts;
  if (parts.length === 0) return sentence;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])((?:[\\p{L}\\p{N}]+-)+)(${parts.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}-])`, 'giu');
  return sentence.replace(pattern, (_m, head: string, tail: string) => `${head.replace(/-/g, '')}${tail}`);
}

/**
 * True when a sentence approves what it tells ("…, which is right", "as designed":
 * `practice_approvals.phrases`) and no contrast follows the approval ("…, which is right for a
 * decline, but …"): a practice the team calls correct is no anti-pattern's evidence.
 */
export function approvesPractice(sentence: string, vocabulary: ContextVocabulary = contextVocabulary()): boolean {
  const { phrases, contrasts } = vocabulary.practice_approvals;
  const words = (list: readonly string[]): string => list.map((p) => escapeRegExp(p).replace(/\s+/g, '\\s+')).join('|');
  if (phrases.length === 0) return false;
  const m = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words(phrases)})(?![\\p{L}\\p{N}])`, 'iu').exec(sentence);
  if (!m) return false;
  const after = sentence.slice(m.index + m[0].length);
  return contrasts.length === 0 || !new RegExp(`(?<![\\p{L}\\p{N}])(?:${words(contrasts)})(?![\\p{L}\\p{N}])`, 'iu').test(after);
}

/**
 * True when `sentence` states a rule (`evidence_rule_modals`: "… must reuse the original
 * reference; a new one is only allowed after a definite failure"): a lesson, not what happened. A
 * modal followed by "have" and a participle ("should have retried", "must have been") tells what
 * happened and is no rule.
 */
export function statesRule(sentence: string, vocabulary: ContextVocabulary = contextVocabulary()): boolean {
  return ruleModalPattern(vocabulary)?.test(sentence) ?? false;
}

// Asked of every sentence of every history: compiled once per vocabulary (no `g` flag, so it keeps no state between tests).
const ruleModalPatterns = new WeakMap<ContextVocabulary, RegExp | null>();

function ruleModalPattern(vocabulary: ContextVocabulary): RegExp | null {
  let re = ruleModalPatterns.get(vocabulary);
  if (re === undefined) {
    const modals = vocabulary.evidence_rule_modals;
    const words = modals.map((p) => escapeRegExp(p).replace(/\s+/g, '\\s+')).join('|');
    re = modals.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])(?!\\s+have\\s+(?:been|\\p{L}+(?:ed|en|t)\\b))`, 'iu');
    ruleModalPatterns.set(vocabulary, re);
  }
  return re;
}

/** True when `clause` carries a term of every signal group, negated outcomes left out as in a sentence. */
function showsIn(
  clause: string,
  groups: readonly string[][],
  safeguard: Safeguard | undefined,
  negativeSignals: readonly string[],
  vocabulary: ContextVocabulary,
  signals: ReadonlySet<string>,
): boolean {
  const whole = new TermIndex([clause]);
  const kept = new TermIndex([withoutNegatedOutcomes(clause, safeguard, negativeSignals, vocabulary, signals)]);
  return groups.every((g) => g.some((t) => (negativeSignals.includes(t) ? whole : kept).has(t)));
}

/**
 * A sentence that reads one signal as the other in words (`readsAs`) weighs this much more than
 * its signal terms, above any count of them a sentence may carry.
 */
export const READING_WEIGHT = 100;

/** A sentence that reads a signal as a code name (`camelCaseWords`: "as CAPTURE_FAILED") weighs this much more than its signal terms. */
export const CODE_READING_WEIGHT = 50;

/** A sentence that tells a cause and what it brought about (`tellsCause`) weighs as much as this many more signal terms. */
export const CAUSE_WEIGHT = 1;

/**
 * A signal term as counted: its stems run together without vowels, so the forms of one word count
 * once whether written together or apart ("timeout", "timed out", "times out").
 */
function wordKey(term: string): string {
  return stemAll(term).join('').replace(/[aeiouy]/g, '');
}

/**
 * True when `sentence` joins a cause to what it brought about with one of `evidence_cause_words`
 * ("because", ", so"): "the notice call sat inside the attempt handler …, so every retry sent the
 * SMS again" tells the mechanism, where "holders got the SMS after every attempt" tells what
 * customers saw.
 */
export function tellsCause(sentence: string, vocabulary: ContextVocabulary = contextVocabulary()): boolean {
  let re = causePatterns.get(vocabulary);
  if (re === undefined) {
    const words = vocabulary.evidence_cause_words;
    // a word is whole ("because", not "so" of "also"); ", so" starts at its comma
    const alt = words.map((w) => `${/^[\p{L}\p{N}]/u.test(w.trim()) ? '(?<![\\p{L}\\p{N}])' : ''}${escapeRegExp(w.trim()).replace(/\s+/g, '\\s+')}`).join('|');
    re = words.length === 0 ? null : new RegExp(`(?:${alt})(?![\\p{L}\\p{N}])`, 'iu');
    causePatterns.set(vocabulary, re);
  }
  return re?.test(sentence) ?? false;
}

const causePatterns = new WeakMap<ContextVocabulary, RegExp | null>();

/**
 * True when `sentence` reads a term of the first signal group as a term of the second (`X as Y`,
 * up to two words on either side of the reading word: "recorded the timeout as a rejected push",
 * "Timeout treated as failed delivery"): it states the anti-pattern itself. Reading words are
 * `anti_pattern_readings`.
 */
export function readsAs(sentence: string, groups: readonly (readonly string[])[], vocabulary: ContextVocabulary = contextVocabulary()): boolean {
  const [first, second] = groups;
  if (!first || !second || vocabulary.anti_pattern_readings.length === 0) return false;
  const alt = (terms: readonly string[]): string => terms.map((t) => escapeRegExp(t).replace(/\s+/g, '\\s+')).join('|');
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alt(first)})[\\p{L}]*\\s+(?:[\\p{L}\\p{N}'-]+\\s+){0,2}?(?:${alt(vocabulary.anti_pattern_readings)})\\s+(?:[\\p{L}\\p{N}'-]+\\s+){0,2}?(?:${alt(second)})(?![\\p{L}\\p{N}])`,
    'iu',
  );
  return pattern.test(sentence);
}

/**
 * `sentence` without the clauses a negative word rules out ("no duplicate claims were found"),
 * except where what is negated is the safeguard ("with no dedup", "no idempotency key"): its
 * absence is the anti-pattern. A synonym of a safeguard term that names what the anti-pattern
 * reacts to (`signals`: its first signal group, a timeout or a retry) is that trigger there, not the
 * safeguard: "no contract test for timeout/5xx mapping" negates no record of an ambiguous outcome,
 * though `5xx` is a synonym of `ambiguous`.
 */
function withoutNegatedOutcomes(
  sentence: string,
  safeguard: Safeguard | undefined,
  negativeSignals: readonly string[],
  vocabulary: ContextVocabulary,
  signals: ReadonlySet<string> = new Set(),
): string {
  const masked = negativeSignals.reduce(
    (text, term) => text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'giu'), 'signal'),
    sentence,
  );
  const kept = withoutNegatedClauses(masked, vocabulary.negation);
  if (kept === masked) return sentence;
  if (!safeguard) return kept;
  const guards = safeguard.terms.flatMap((t) => synonymsOf(t, vocabulary).filter((w) => w === t || !signals.has(w.toLowerCase())));
  const negatesSafeguard = guards.some((w) => new TermIndex([sentence]).has(w) && !new TermIndex([kept]).has(w));
  return negatesSafeguard ? sentence : kept;
}

/** True when a safeguard term occurs with one of its `with` words just before it and no `without` word. */
function safeguardInPlace(index: TermIndex, safeguard: Safeguard): boolean {
  const withStems = new Set(safeguard.with.flatMap(stemAll));
  const withoutStems = new Set(safeguard.without.flatMap(stemAll));
  return safeguard.terms.some((term) =>
    index.occurrences(term).some((at) => {
      if (freshlySourced(index, term, at, safeguard)) return false;
      const before = guardWords(index, at);
      if (!before.some((s) => withStems.has(s))) return false;
      if (before.length <= SAFEGUARD_WINDOW) return !before.some((s) => withoutStems.has(s));
      // across "and": the deciding word nearest the key ("no outcome, with their original … and
      // Idempotency-Key": the "no" is of the outcome)
      const nearest = before.find((s) => withStems.has(s) || withoutStems.has(s));
      return nearest !== undefined && withStems.has(nearest) && !withoutStems.has(nearest);
    }),
  );
}

/**
 * True when the record says the anti-pattern's consequence (`anti_pattern_outcomes`: a duplicate)
 * did not happen ("Nobody was charged twice by Auto Pay", "no duplicate charges"; a negated
 * occurrence is enough where the sentence also says the word of something else). A sentence of
 * it that pairs a retry with a double then tells of a double from another cause (customers who
 * paid again by phone), and only a sentence showing the safeguard missing is evidence.
 */
function deniesOutcome(
  sentences: readonly { sentence: string; index: TermIndex }[],
  outcome: readonly string[],
  safeguard: Safeguard,
  vocabulary: ContextVocabulary,
): boolean {
  const guardStems = new Set(safeguard.terms.flatMap((t) => synonymsOf(t, vocabulary)).flatMap(stemAll));
  const consequences = outcome
    .flatMap((t) => synonymsOf(t, vocabulary))
    .filter((t) => !negatorPattern(vocabulary.negation).test(t) && !stemAll(t).every((s) => guardStems.has(s)));
  return sentences.some(({ sentence, index }) => {
    const kept = new TermIndex([withoutNegatedClauses(sentence, vocabulary.negation)]);
    // counted, not only present: "acks applied twice were refused … and nothing was recorded
    // twice" denies the double though it says "twice" of the attempts too
    return consequences.some((t) => index.occurrences(t).length > kept.occurrences(t).length);
  });
}

/** True when a safeguard term occurs with one of its `without` words just before it ("with a new idempotency key", "with no dedup"). */
function safeguardMissing(index: TermIndex, safeguard: Safeguard): boolean {
  const withoutStems = new Set(safeguard.without.flatMap(stemAll));
  return safeguard.terms.some((term) => index.occurrences(term).some((at) => guardWords(index, at).some((s) => withoutStems.has(s)) || freshlySourced(index, term, at, safeguard)));
}

/** How many words after a key its "from" may stand ("… Idempotency-Key built from"), and its source after that. */
const SOURCE_WINDOW = 3;
const SOURCE_SPAN = 5;

/**
 * True when the safeguard term at `at` is said to be made from one of `fresh_sources` ("an
 * Idempotency-Key built from the script's run id", "a key made from the current time"): "from"
 * within `SOURCE_WINDOW` words after the term (twice that when "and" / "or" joins another to it),
 * the source within `SOURCE_SPAN` words after that.
 * Such a key is new on every run, so a repeat made with it is a new request.
 */
function freshlySourced(index: TermIndex, term: string, at: number, safeguard: Safeguard): boolean {
  if (safeguard.fresh_sources.length === 0) return false;
  const end = at + stemAll(term).length;
  // the first of two joined by "and" / "or" is made as the second is ("a merchant_reference and
  // Idempotency-Key built from the script's run id")
  const joined = ['and', 'or'].some((w) => index.occurrences(w).includes(end));
  const from = index.occurrences('from').find((p) => p >= end && p <= end + SOURCE_WINDOW * (joined ? 2 : 1));
  if (from === undefined) return false;
  return safeguard.fresh_sources.some((source) => index.occurrences(source).some((p) => p > from && p <= from + SOURCE_SPAN));
}

/** How many words before a safeguard term say whether it was there ("with the same …"). */
const SAFEGUARD_WINDOW = 4;

/**
 * The stems before the safeguard term at `at` that say whether it was there: `SAFEGUARD_WINDOW`
 * of them, and as many again when the term is the last of two joined by "and" / "or" ("with
 * their original merchant_reference and Idempotency-Key": what is said of the first is said of
 * the second).
 */
function guardWords(index: TermIndex, at: number): string[] {
  const near = index.stemsBefore(at, SAFEGUARD_WINDOW);
  return near.some((s) => s === 'and' || s === 'or') ? index.stemsBefore(at, SAFEGUARD_WINDOW * 2) : near;
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

export { splitSentences };
