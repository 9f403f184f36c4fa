import { stemAll } from './tokenize.js';

/**
 * A searchable view of one document: its stemmed token sequence, so that a term or phrase
 * (`"timed out"`, `"each time"`, `"data_loss"`) can be looked up as a contiguous run of stems.
 */
export class TermIndex {
  private readonly positions = new Map<string, number[]>();
  private readonly stems: string[];

  /** Index the concatenation of `texts` (each text is a separate segment: phrases never span two). */
  constructor(texts: readonly string[]) {
    this.stems = [];
    for (const text of texts) {
      for (const s of stemAll(text)) {
        const list = this.positions.get(s);
        if (list) list.push(this.stems.length);
        else this.positions.set(s, [this.stems.length]);
        this.stems.push(s);
      }
      this.stems.push('\u0000'); // segment break: no phrase matches across it
    }
  }

  /** True when every word of `term`, stemmed, occurs in this document as a contiguous phrase. */
  has(term: string): boolean {
    return this.occurrences(term).length > 0;
  }

  /** Token positions where `term` (stemmed, as a contiguous phrase) starts. */
  occurrences(term: string): number[] {
    const words = stemAll(term);
    const [first, ...rest] = words;
    if (first === undefined) return [];
    const starts = this.positions.get(first) ?? [];
    return starts.filter((start) => rest.every((w, i) => this.stems[start + 1 + i] === w));
  }

  /**
   * The `count` words before position `at`, stopping at a segment break. One-letter tokens (a
   * possessive's `s`, "a") are passed over: "reused the billing period's key" is four words.
   */
  stemsBefore(at: number, count: number): string[] {
    const out: string[] = [];
    for (let i = at - 1; i >= 0 && out.length < count; i -= 1) {
      const s = this.stems[i] as string;
      if (s === '\u0000') break;
      if (s.length > 1) out.push(s);
    }
    return out;
  }

  /** The first of `terms` this document contains, or undefined. */
  firstOf(terms: readonly string[]): string | undefined {
    return terms.find((t) => this.has(t));
  }
}
