import { contextVocabulary, type ContextVocabulary } from '../vocabulary/context-vocabulary.js';

const compiled = new WeakMap<ContextVocabulary, { name: string; pattern: RegExp }[]>();

/**
 * The ideas (`ticket_concepts` of the context vocabulary) a ticket's text expresses, each named by
 * its group's first word: "took my money again", "2x" and "withdrawn two times" all say
 * `twice`; "texts", "msgs" and "pings" say `message`. Customers tell one cause in their own words,
 * so tickets that share few words may still share the ideas. A `#` in a phrase stands for any
 * number ("# times"); a phrase matches whole words, plural `s`/`es` allowed, ignoring case. A
 * phrase right after a negative word (`ticket_concept_negators`: "I didn't cancel") is not said,
 * nor one in a question that opens with a customer's own prospect (`ticket_concept_hypotheticals`:
 * "Should I buy again?").
 */
export function ticketConcepts(text: string, vocabulary: ContextVocabulary = contextVocabulary()): string[] {
  let groups = compiled.get(vocabulary);
  if (!groups) {
    groups = Object.entries(vocabulary.ticket_concepts).map(([name, phrases]) => ({
      name,
      pattern: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${[name, ...phrases]
          .sort((a, b) => b.length - a.length)
          .map((p) => p.split('#').map(escape).join('\\d+').replace(/\s+/g, '[\\s-]+'))
          .join('|')})(?:e?s)?(?![\\p{L}\\p{N}])`,
        'iu',
      ),
    }));
    compiled.set(vocabulary, groups);
  }
  const negators = vocabulary.ticket_concept_negators.map((w) => w.toLowerCase());
  // "I didn't cancel", "did not pause it": the idea is named only to deny it
  const affirmed = (at: number): boolean => {
    const before = text.slice(0, at).toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
    const last = before.slice(-2).join(' ');
    return !negators.some((n) => last === n || last.endsWith(` ${n}`) || before.at(-1) === n);
  };
  const hypotheticals = vocabulary.ticket_concept_hypotheticals.map((w) => w.toLowerCase());
  // "Should I buy again?": the idea is only asked about (the sentence it is in ends with "?" and
  // opens with a hypothetical)
  const asked = (at: number): boolean => {
    const start = Math.max(...['.', '!', '?', '\n'].map((c) => text.lastIndexOf(c, at - 1))) + 1;
    const end = text.slice(at).search(/[.!?\n]/u);
    if (end < 0 || text[at + end] !== '?') return false;
    const opening = (text.slice(start, at).toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).join(' ');
    return hypotheticals.some((h) => opening === h || opening.startsWith(`${h} `));
  };
  return groups
    .filter((g) => [...text.matchAll(new RegExp(g.pattern.source, 'giu'))].some((m) => affirmed(m.index) && !asked(m.index)))
    .map((g) => g.name);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
