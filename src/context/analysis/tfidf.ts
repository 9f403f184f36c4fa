import { contentStems, isStopword, stem, tokenize } from '../text/tokenize.js';
import { ticketStopwords } from '../vocabulary/context-vocabulary.js';

/** A sparse, L2-normalised TF-IDF vector: parallel arrays of term ids and weights. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** A vocabulary built over a corpus: term ids, document frequencies and display words. */
export interface TfIdfModel {
  vectors: SparseVector[];
  /** Number of terms. */
  size: number;
  /** Display word of each term id: the most frequent surface form of the stem. */
  words: string[];
}

/**
 * Build TF-IDF vectors for `documents` (sublinear term frequency `1 + ln tf`, smoothed inverse
 * document frequency `ln((N + 1) / (df + 1)) + 1`, L2-normalised). Stopwords and one-letter
 * tokens are dropped, and so are `stopwords` (by default the function words of the other languages
 * tickets are written in: `ticket_stopwords` of the context vocabulary); words are stemmed (see
 * `stem`). `features[i]` are further terms of document `i` taken as they are (ideas a ticket expresses): they are terms of their own, never the same
 * term as a word, and show as their name. Deterministic: term ids follow first use.
 */
export function buildTfIdf(
  documents: readonly string[],
  features: readonly (readonly string[])[] = [],
  featureCount = 1,
  stopwords: ReadonlySet<string> = ticketStopwords(),
): TfIdfModel {
  const ids = new Map<string, number>();
  const surface: Map<string, number>[] = [];
  const counts: Map<number, number>[] = documents.map((doc, d) => {
    const tf = new Map<number, number>();
    const terms = [
      ...tokenize(doc)
        .filter((token) => token.length > 1 && !isStopword(token) && !stopwords.has(token))
        .map((token) => ({ key: stem(token), token })),
      ...(features[d] ?? []).flatMap((name) => Array.from({ length: featureCount }, () => ({ key: `\u0000${name}`, token: name }))),
    ];
    for (const { key: s, token } of terms) {
      let id = ids.get(s);
      if (id === undefined) {
        id = ids.size;
        ids.set(s, id);
        surface.push(new Map());
      }
      const forms = surface[id];
      if (forms) forms.set(token, (forms.get(token) ?? 0) + 1);
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Float64Array(ids.size);
  for (const tf of counts) for (const id of tf.keys()) df[id] = (df[id] ?? 0) + 1;
  const n = documents.length;
  const vectors = counts.map((tf) => {
    const entries = [...tf.entries()].sort((a, b) => a[0] - b[0]);
    const terms = Int32Array.from(entries.map(([id]) => id));
    const weights = Float64Array.from(entries.map(([id, c]) => (1 + Math.log(c)) * (Math.log((n + 1) / ((df[id] ?? 0) + 1)) + 1)));
    const norm = Math.hypot(...weights);
    if (norm > 0) for (let i = 0; i < weights.length; i += 1) weights[i] = (weights[i] ?? 0) / norm;
    return { terms, weights };
  });
  const words = surface.map((forms) => {
    let best = '';
    let bestCount = -1;
    for (const [word, count] of forms) {
      if (count > bestCount || (count === bestCount && word < best)) {
        best = word;
        bestCount = count;
      }
    }
    return best;
  });
  return { vectors, size: ids.size, words };
}

/** Content stems of `text` as a set, for overlap tests. */
export function stemSet(text: string): Set<string> {
  return new Set(contentStems(text));
}
