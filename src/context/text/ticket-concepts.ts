import { contextVocabulary, type ContextVocabulary } from '../vocabulary/context-vocabulary.js';

const compiled = new WeakMap<ContextVocabulary, { name: string; pattern: RegExp }[]>();

/**
 * The ideas (`ticket_concepts` of the context vocabulary) a ticket's text expresses, each named by
 * its group's first word: "took my money again", "2x" and "withdrawn two times" all say
 * `twice`; "texts", "msgs" and "pings" say `message`. Customers tell one cause in their own words,
 * so tickets that share few words may still share the ideas. A `#` in a phrase stands for any
 * number ("# times"); a phrase matches whole words, plural `s`/`es` allowed, ignoring case. A
 * phrase right after a negative word (`ticket_concept_negators`: "I didn't cancel") is not said.
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
  return groups
    .filter((g) => [...text.matchAll(new RegExp(g.pattern.source, 'giu'))].some((m) => affirmed(m.index)))
    .map((g) => g.name);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
