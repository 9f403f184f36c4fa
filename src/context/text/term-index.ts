import { contentStems, stem, stemAll } from './tokenize.js';

/** Words joined by one hyphen (`co-pay`, `auto-fill`), with the stems of the joined form. */
const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;

/**
 * A searchable view of one document: its stemmed token sequence, so that a term or phrase
 * (`"timed out"`, `"each time"`, `"data_loss"`) can be looked up as a contiguous run of stems.
 * A hyphenated compound also counts as its closed form (`co-pay` is `copay`), since people write
 * one word both ways.
 */
export class TermIndex {
  private readonly positions = new Map<string, number[]>();
  /** Closed forms of hyphenated compounds: stem → [start, token count] of each occurrence. */
  private readonly compounds = new Map<string, [number, number][]>();
  private readonly stems: string[];
  /** Stems of each segment, for words said together in one segment but not as a phrase. */
  private readonly segments: Set<string>[] = [];

  /** Index the concatenation of `texts` (each text is a separate segment: phrases never span two). */
  constructor(texts: readonly string[]) {
    this.stems = [];
    for (const text of texts) {
      const start = this.stems.length;
      for (const s of stemAll(text)) {
        const list = this.positions.get(s);
        if (list) list.push(this.stems.length);
        else this.positions.set(s, [this.stems.length]);
        this.stems.push(s);
      }
      this.segments.push(new Set(this.stems.slice(start)));
      this.indexCompounds(text, start);
      this.stems.push('\u0000'); // segment break: no phrase matches across it
    }
  }

  private indexCompounds(text: string, segmentStart: number): void {
    const lower = text.toLowerCase();
    if (!lower.includes('-')) return;
    // token offsets, to turn a compound's character offset into its token position
    const offsets = [...lower.matchAll(/[\p{L}\p{N}]+/gu)].map((t) => t.index);
    for (const m of lower.matchAll(HYPHENATED)) {
      const before = offsets.indexOf(m.index);
      const parts = m[0].split('-');
      const closed = stem(parts.join(''));
      const list = this.compounds.get(closed) ?? [];
      list.push([segmentStart + before, parts.length]);
      this.compounds.set(closed, list);
      // said together with other words of a term too ("write-back … failing" for `writeback failed`)
      this.segments[this.segments.length - 1]?.add(closed);
    }
  }

  /** True when every word of `term`, stemmed, occurs in this document as a contiguous phrase. */
  has(term: string, gap = 0): boolean {
    return this.occurrences(term, gap).length > 0;
  }

  /**
   * Token positions where `term` (stemmed, as a phrase) starts. With `gap`, up to that many other
   * words may stand between two words of the phrase ("refill reminder texts" for `refill text`,
   * `gap` 1), never across a segment break.
   */
  occurrences(term: string, gap = 0): number[] {
    const words = stemAll(term);
    const [first, ...rest] = words;
    if (first === undefined) return [];
    const starts: [number, number][] = [...(this.positions.get(first) ?? []).map((p): [number, number] => [p, 1]), ...(this.compounds.get(first) ?? [])];
    return starts
      .filter(([start, length]) => this.follows(start + length, rest, gap))
      .map(([start]) => start)
      .sort((a, b) => a - b);
  }

  /** True when `words` follow from position `at` on, each after at most `gap` other words. */
  private follows(at: number, words: readonly string[], gap: number): boolean {
    const [next, ...rest] = words;
    if (next === undefined) return true;
    for (let skip = 0; skip <= gap; skip += 1) {
      const s = this.stems[at + skip];
      if (s === undefined || s === '\u0000') return false;
      if (s === next && this.follows(at + skip + 1, rest, gap)) return true;
    }
    return false;
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

  /**
   * True when one segment (a sentence, when the document was built from sentences) holds every
   * content word of `term`, in any order and however far apart: "a room out of the allotment"
   * names `room allotment`, "guests got a single … confirmation" `guest confirmation`.
   */
  hasTogether(term: string): boolean {
    const words = contentStems(term);
    return words.length > 1 && this.segments.some((segment) => words.every((w) => segment.has(w)));
  }

  /** The first of `terms` this document contains, or undefined. */
  firstOf(terms: readonly string[]): string | undefined {
    return terms.find((t) => this.has(t));
  }
}
