import { WordSet } from './names.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Compiled forms of vocabulary lists (patterns, word sets, regular expressions), built once per
 * vocabulary object rather than once per file: a scan, and each worker, shares one vocabulary.
 */
const cache = new WeakMap<Vocabulary, Map<string, unknown>>();

export function compiledOnce<T>(vocab: Vocabulary, key: string, build: () => T): T {
  let byKey = cache.get(vocab);
  if (byKey === undefined) cache.set(vocab, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, build());
  return byKey.get(key) as T;
}

/** A vocabulary word list as a `WordSet`, compiled once; `key` names the list. */
export function wordSet(ctx: { vocab: Vocabulary }, key: string, words: readonly string[]): WordSet {
  return compiledOnce(ctx.vocab, `words:${key}`, () => new WordSet(words));
}
