/**
 * Name handling shared by every matcher: splitting identifiers into words and matching dotted
 * call paths against the vocabulary's patterns. Matching is case-insensitive because teams spell
 * the same helper `sendSms`, `sendSMS` and `send_sms`.
 */

/** Splits `chargeCustomer`, `charge_customer`, `Idempotency-Key`, `HTTPPost` into lowercase words. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** Lowercase with separators removed: `Idempotency-Key`, `idempotency_key`, `idempotencyKey` are equal. */
export function normalizeName(name: string): string {
  // Runs of separators at once: the same string, far fewer replacements over a file's whole text.
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** `s` as a literal part of a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Paths a `NamePatterns` remembers its answers for before it starts again. */
const MAX_ANSWERS = 50_000;

/** A compiled set of name patterns (see `vocabulary.ts` for the pattern language). */
export class NamePatterns {
  private readonly regex: RegExp | undefined;
  /**
   * The last segments of the patterns whose last segment is literal (lowercase unless
   * case-sensitive): such a pattern matches only paths whose last segment (after the last dot) is
   * its own, so a path whose last segment is none of them can match only a pattern whose last
   * segment has a `*` (it may match any segment).
   */
  private readonly lastSegments: Set<string> | undefined;
  /**
   * The alternation of only the patterns whose last segment has a `*` (undefined when none has):
   * a path whose last segment is none of the literal ones can match no other pattern, so only these
   * are run for it (the exclusion lists mix a few `prisma.*`, `*.postMessage` with hundreds of
   * literal names, and most paths asked end in none of them).
   */
  private readonly wildcardRegex: RegExp | undefined;
  private readonly caseSensitive: boolean;

  constructor(patterns: readonly string[], options: { caseSensitive?: boolean } = {}) {
    this.caseSensitive = options.caseSensitive === true;
    if (patterns.length === 0) return;
    const lastOf = (p: string) => p.slice(p.lastIndexOf('.') + 1);
    const alternative = (p: string) => {
      const body = p
        .split('*')
        .map(escapeRegExp)
        .join('.*');
      // Without a dot a pattern names the last segment; with dots, whole trailing segments.
      return `(?:^|\\.)${body}$`;
    };
    const flags = options.caseSensitive ? '' : 'i';
    const literal = patterns.filter((p) => !lastOf(p).includes('*'));
    const wildcard = patterns.filter((p) => lastOf(p).includes('*'));
    this.lastSegments = new Set(literal.map((p) => (this.caseSensitive ? lastOf(p) : lastOf(p).toLowerCase())));
    if (wildcard.length > 0) this.wildcardRegex = new RegExp(wildcard.map(alternative).join('|'), flags);
    this.regex = new RegExp(patterns.map(alternative).join('|'), flags);
  }

  /**
   * Answers by path: the same paths (`self.assertEqual`, `os.path.join`) are asked again and again,
   * per call and per function, and a lookup costs far less than the alternation of a vocabulary's
   * patterns. Bounded, since a scan may see millions of distinct paths.
   */
  private readonly answers = new Map<string, boolean>();

  /** True when the dotted path (`self.gateway.charge`) matches any pattern. */
  matches(path: string): boolean {
    if (this.regex === undefined) return false;
    let v = this.answers.get(path);
    if (v === undefined) {
      // A path of any case matches a literal segment only when its ASCII letters spell it: its lowercase is the segment's.
      const last = path.slice(path.lastIndexOf('.') + 1);
      const literal = this.lastSegments !== undefined && this.lastSegments.has(this.caseSensitive ? last : last.toLowerCase());
      // No literal pattern can match: only the wildcard ones can (none at all: no, not remembered).
      if (!literal && this.wildcardRegex === undefined) return false;
      if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
      this.answers.set(path, (v = (literal ? this.regex : (this.wildcardRegex as RegExp)).test(path)));
    }
    return v;
  }

  get empty(): boolean {
    return this.regex === undefined;
  }
}

/** A set of lowercase words, for verb and mention tests. */
export class WordSet {
  private readonly words: Set<string>;

  constructor(words: readonly string[]) {
    this.words = new Set(words.map((w) => w.toLowerCase()));
  }

  has(word: string): boolean {
    return this.words.has(word.toLowerCase());
  }

  /** Answers by name: the same callee and class names are asked per call and per file (bounded like `NamePatterns`'). */
  private readonly answers = new Map<string, boolean>();

  /** True when any word of `name` (split with `splitWords`) is in the set. */
  anyWordOf(name: string): boolean {
    let v = this.answers.get(name);
    if (v === undefined) {
      if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
      this.answers.set(name, (v = splitWords(name).some((w) => this.words.has(w))));
    }
    return v;
  }

  /**
   * True when a word of `words`, or two adjacent ones that a brand written in capitals splits
   * (`sendWhatsAppImage`: whats + app, `VTPassAdapter`: vt + pass, `PayStack`: pay + stack), is in the set.
   * With `brands` (vocabulary `brand_words`), only a joined pair that is one of them counts: `merchant` +
   * `api` is two ordinary words, not Google's `merchantapi`.
   */
  hasWordOrBrand(words: readonly string[], brands?: WordSet): boolean {
    return words.some((w, i) => {
      if (this.words.has(w)) return true;
      if (i + 1 >= words.length) return false;
      const joined = w + words[i + 1]!;
      return this.words.has(joined) && (brands === undefined || brands.has(joined));
    });
  }

  /** True when the set has a word that is a prefix of one of `name`'s words (`reconcil` ~ `reconciliation`). */
  anyStemOf(name: string): boolean {
    const words = splitWords(name);
    for (const stem of this.words) if (words.some((w) => w.startsWith(stem))) return true;
    return false;
  }
}
