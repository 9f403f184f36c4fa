/**
 * The phrase vocabulary: how the free-text `pattern_signature` phrases of a failures YAML map to
 * matchers. It is a data table; docs/failures-yaml.md documents it (keep the two in step).
 *
 * A phrase is read as words, not as an exact string: lower-cased, split on anything that is not a
 * letter or digit (`success/failure` is two words; `pre-check` is `pre`, `check` and `precheck`;
 * apostrophes are dropped, so `doesn't` is `doesnt`), a trailing plural `s` is tried when a word is
 * unknown, and each word is looked up in {@link CONCEPTS}. A word is *negated* when a negator (`no`,
 * `without`, `missing`, ...) comes before it in the same stretch of the phrase (a stretch ends at a
 * preposition such as `in`, `on`, `for`, `before`, or at punctuation), when a postfix negator
 * (`missing`, `absent`) follows it in its stretch, or when the word itself is negative
 * (`unhandled`, `non-idempotent`). A vocabulary entry matches when all of its requirements hold; a
 * phrase may match several entries and then contributes all their steps. A phrase that matches
 * none, or that negates a word none of its matches speaks about, is an error: faultline never guesses.
 */

/** A concept: a group of words that mean the same thing for signature purposes. */
export type Concept =
  | 'retry'
  | 'idempotency'
  | 'check'
  | 'success'
  | 'notify'
  | 'dedup'
  | 'failure'
  | 'binary'
  | 'outcome-unclear'
  | 'handle'
  | 'treat-as';

/** The words of each concept. `!word` is a word that carries its own negation (`!unhandled`). */
export const CONCEPTS: Readonly<Record<Concept, readonly string[]>> = {
  retry: ['retry', 'retries', 'retried', 'retrying', 'reattempt', 'reattempts', 'rerun', 'reruns', 'resend', 'resent',
    'resends', 'resubmit', 'resubmits', 'resubmitted', 'redelivery', 'redeliver', 'redelivered', 'backoff', 'attempt',
    'attempts', 'requeue', 'requeued', 'retryloop'],
  idempotency: ['idempotency', 'idempotent', 'idempotence', 'idempotencykey', '!nonidempotent'],
  check: ['check', 'checks', 'checked', 'checking', 'precheck', 'prechecks', 'verify', 'verifies', 'verified',
    'verifying', 'verification', 'lookup', 'look', 'looks', 'query', 'queries', 'confirm', 'confirms', 'confirmed',
    'confirmation', 'detect', 'detects', 'detection', 'guard', 'guards', '!unchecked', '!unverified'],
  success: ['success', 'successes', 'successful', 'succeeded', 'succeeds', 'succeed', 'existing', 'prior', 'previous',
    'already', 'completed', 'complete', 'done', 'charged', 'paid', 'processed'],
  notify: ['notification', 'notifications', 'notify', 'notifies', 'notified', 'notifying', 'email', 'emails', 'sms',
    'text', 'texts', 'push', 'alert', 'alerts', 'alerting', 'message', 'messages', 'receipt', 'receipts', 'mail',
    'mails', 'notice', 'notices'],
  dedup: ['deduplication', 'deduplicate', 'deduplicated', 'deduplicating', 'dedup', 'dedupe', 'deduped', 'deduping',
    'ratelimit', 'ratelimiting', 'ratelimited', 'throttle', 'throttled', 'throttling', '!undeduplicated'],
  failure: ['failure', 'failures', 'failed', 'fail', 'fails', 'error', 'errors', 'declined', 'decline', 'rejected'],
  binary: ['binary', 'boolean', 'bool', 'twostate', 'twovalued', 'either', 'dichotomy', 'dichotomous'],
  'outcome-unclear': ['timeout', 'timeouts', 'timedout', 'ambiguous', 'ambiguity', 'ambiguities', 'unclear', 'unknown',
    'uncertain', 'indeterminate', 'pending', 'lost', '504', '5xx', 'partial'],
  handle: ['handling', 'handle', 'handles', 'handled', 'reconciliation', 'reconcile', 'reconciles', 'reconciled',
    'reconciling', 'distinguish', 'distinguishes', 'distinguishing', 'state', 'case', '!unhandled', '!ignored',
    '!ignores', '!ignoring', '!ignore'],
  'treat-as': ['treat', 'treats', 'treated', 'treating', 'assume', 'assumes', 'assumed', 'assuming', 'mark', 'marks',
    'marked', 'marking', 'record', 'records', 'recorded', 'recording', 'consider', 'considers', 'considered', 'count',
    'counts', 'counted', 'mean', 'means', 'equals', 'interpret', 'interprets', 'interpreted'],
};

/** Words that negate what follows them in their stretch: `no idempotency key`, `without checking`. */
export const NEGATORS: readonly string[] = ['no', 'not', 'without', 'missing', 'lacks', 'lack', 'lacking', 'absent',
  'absence', 'never', 'none', 'zero', 'skip', 'skips', 'skipped', 'skipping', 'doesnt', 'dont', 'didnt', 'isnt',
  'arent', 'wasnt', 'cannot', 'cant', 'neither', 'nor', 'omits', 'omitted', 'omitting', 'forgets', 'forgot', 'forgotten'];

/** Words that negate only the word right after them: `non-idempotent`, `non-200`. */
export const ONE_WORD_NEGATORS: readonly string[] = ['non', 'un'];

/** Words that negate what precedes them in their stretch: `idempotency key missing`. */
export const POSTFIX_NEGATORS: readonly string[] = ['missing', 'absent', 'omitted', 'skipped', 'forgotten', 'lacking'];

/** Words and punctuation that end a negation's reach: `no idempotency key | in retry loop`. */
export const STRETCH_BREAKS: readonly string[] = ['in', 'inside', 'within', 'on', 'during', 'for', 'when', 'while',
  'before', 'after', 'per', 'each', 'every', 'across', 'at', 'but', 'because', 'so', 'that', 'which', 'if', 'then',
  'as', 'from', 'into', 'to', 'by', 'with'];

/** One requirement of a vocabulary entry. */
export type Requirement =
  /** A word of the concept; `negated: true` only counts negated occurrences, `false` only plain ones. */
  | { concept: Concept; negated?: boolean }
  /** Words of two concepts at most `within` words apart (`success/failure`, `success or failure`). */
  | { near: [Concept, Concept]; within: number }
  /** At least one of the alternatives. */
  | { anyOf: Requirement[] }
  /** All of them. */
  | { allOf: Requirement[] };

/** One signature entry as a rule file writes it: `{ call: mutating }`, `{ not: { call: notification } }`. */
export type SignatureEntry = Record<string, string | null | Record<string, string | null>>;

/** A row of the phrase vocabulary. */
export interface PhraseEntry {
  /** Stable name, shown in `faultline compile` reports. */
  name: string;
  /** The seed's wording, for docs and error messages. */
  canonical: string;
  /** Other wordings that match (documentation and tests; matching uses `requires`). */
  examples: readonly string[];
  requires: readonly Requirement[];
  /** What the phrase adds to the signature. */
  signature: readonly SignatureEntry[];
}

/** The phrase vocabulary, in documentation order. */
export const PHRASES: readonly PhraseEntry[] = [
  {
    name: 'retry-on-failure',
    canonical: 'Retry on any failure',
    examples: ['Retries on every error', 'Blind retry on timeout', 'Retry triggered on any non-200 response'],
    requires: [{ concept: 'retry', negated: false }],
    signature: [{ inside: 'retry' }],
  },
  {
    name: 'no-idempotency-key',
    canonical: 'No idempotency key',
    examples: ['Missing idempotency key', 'Idempotency key missing', 'Requests sent without an idempotency token', 'Non-idempotent retries'],
    requires: [{ concept: 'idempotency', negated: true }],
    signature: [{ call: 'mutating' }, { not: 'idempotency-key' }],
  },
  {
    name: 'no-prior-success-check',
    canonical: 'No pre-check for success',
    examples: ['No check for existing successful payment', "Doesn't verify a prior success before retrying", 'Never looks up whether it already succeeded'],
    requires: [{ concept: 'check', negated: true }, { concept: 'success' }],
    signature: [{ not: 'prior-success-check' }],
  },
  {
    name: 'notification-in-retry',
    canonical: 'Notification in retry loop',
    examples: ['Notifications sent inside the retry loop', 'Email on every retry attempt', 'Notify the user per attempt'],
    requires: [{ concept: 'notify', negated: false }, { concept: 'retry', negated: false }],
    signature: [{ call: 'notification' }, { inside: 'retry' }],
  },
  {
    name: 'no-notification-dedup',
    canonical: 'No notification deduplication',
    examples: ['Notifications are not deduplicated', 'No dedup key on notifications', 'No rate limiting of notifications'],
    requires: [{ concept: 'dedup', negated: true }, { concept: 'notify' }],
    signature: [{ not: { 'idempotency-key': 'dedup' } }, { not: 'once-guard' }, { not: 'exits-after' }],
  },
  {
    name: 'binary-outcome',
    canonical: 'Binary success/failure logic',
    examples: ['Success or failure only', 'Timeout treated as failure', 'Assumes failure on timeout'],
    requires: [
      { concept: 'failure', negated: false },
      { anyOf: [{ near: ['success', 'failure'], within: 2 }, { concept: 'binary' }, { allOf: [{ concept: 'outcome-unclear' }, { concept: 'treat-as' }] }] },
    ],
    signature: [{ records: 'failure' }, { inside: 'ambiguous-outcome' }],
  },
  {
    name: 'no-ambiguous-handling',
    canonical: 'No handling for timeout/ambiguous',
    examples: ['Ambiguous responses not handled', 'No reconciliation of unknown outcomes', 'Timeouts ignored'],
    requires: [{ concept: 'handle', negated: true }, { concept: 'outcome-unclear' }],
    signature: [{ not: { 'scope-mentions': 'ambiguous' } }],
  },
];

/** A word of a phrase, with the concepts it belongs to and whether it is negated. */
export interface PhraseWord {
  text: string;
  position: number;
  concepts: Set<Concept>;
  negated: boolean;
}

const LEXICON: ReadonlyMap<string, { concepts: Set<Concept>; inherentlyNegated: boolean }> = (() => {
  const map = new Map<string, { concepts: Set<Concept>; inherentlyNegated: boolean }>();
  for (const [concept, words] of Object.entries(CONCEPTS) as [Concept, readonly string[]][]) {
    for (const raw of words) {
      const word = raw.replace(/^!/, '');
      const entry = map.get(word) ?? { concepts: new Set<Concept>(), inherentlyNegated: raw.startsWith('!') };
      entry.concepts.add(concept);
      map.set(word, entry);
    }
  }
  return map;
})();

function lookup(word: string): { concepts: Set<Concept>; inherentlyNegated: boolean } | undefined {
  return LEXICON.get(word) ?? (word.length > 3 && word.endsWith('s') ? LEXICON.get(word.slice(0, -1)) : undefined);
}

/**
 * Splits a phrase into words and decides, for each, its concepts and whether it is negated.
 * Exported for tests and for `faultline compile` diagnostics.
 */
export function readPhrase(phrase: string): PhraseWord[] {
  // Stretches end at punctuation that separates clauses; `/` and `-` join alternatives and compounds.
  const clauses = phrase.toLowerCase().replace(/['’]/g, '').split(/[,;:.()!?]+/);
  const words: PhraseWord[] = [];
  let position = 0;
  for (const clause of clauses) {
    const tokens: string[] = [];
    for (const chunk of clause.split(/\s+/).filter(Boolean)) {
      const parts = chunk.split(/[^a-z0-9]+/).filter(Boolean);
      tokens.push(...parts);
      // `pre-check` is also `precheck`; `non-idempotent` is also `nonidempotent`.
      if (chunk.includes('-') && parts.length > 1) tokens.push(parts.join(''));
    }
    // Two-word forms that mean one thing.
    const joined: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const pair = `${tokens[i]} ${tokens[i + 1] ?? ''}`;
      if (pair === 'rate limit' || pair === 'rate limiting' || pair === 'rate limited' || pair === 'timed out' || pair === 'look up' || pair === 'two state') {
        joined.push(pair.replace(' ', ''));
        i++;
      } else joined.push(tokens[i] ?? '');
    }
    let stretch: PhraseWord[] = [];
    let negating = false;
    let negateNext = false;
    const close = (): void => {
      stretch = [];
      negating = false;
      negateNext = false;
    };
    for (const token of joined) {
      if (STRETCH_BREAKS.includes(token)) {
        close();
        continue;
      }
      if (POSTFIX_NEGATORS.includes(token)) for (const w of stretch) w.negated = true;
      const known = lookup(token);
      const word: PhraseWord = {
        text: token,
        position: position++,
        concepts: known?.concepts ?? new Set(),
        negated: negating || negateNext || (known?.inherentlyNegated ?? false),
      };
      negateNext = ONE_WORD_NEGATORS.includes(token);
      if (NEGATORS.includes(token)) negating = true;
      stretch.push(word);
      words.push(word);
    }
    close();
    position += 3; // clauses never count as near each other
  }
  return words;
}

function holds(requirement: Requirement, words: readonly PhraseWord[]): boolean {
  if ('anyOf' in requirement) return requirement.anyOf.some((r) => holds(r, words));
  if ('allOf' in requirement) return requirement.allOf.every((r) => holds(r, words));
  if ('near' in requirement) {
    const [a, b] = requirement.near;
    return words.some((x) => x.concepts.has(a) && words.some((y) => y !== x && y.concepts.has(b) && Math.abs(x.position - y.position) <= requirement.within));
  }
  return words.some((w) => w.concepts.has(requirement.concept) && (requirement.negated === undefined || w.negated === requirement.negated));
}

function conceptsOf(requirements: readonly Requirement[]): Concept[] {
  return requirements.flatMap((r) => ('anyOf' in r ? conceptsOf(r.anyOf) : 'allOf' in r ? conceptsOf(r.allOf) : 'near' in r ? [...r.near] : [r.concept]));
}

/**
 * The vocabulary entries a phrase matches (empty when it maps to nothing). A negated word that no
 * matched entry speaks about makes the whole phrase unmapped: `No notification in retry loop`
 * states a prevention, and reading it as `inside: retry` alone would invert it.
 */
export function matchPhrase(phrase: string): PhraseEntry[] {
  const words = readPhrase(phrase);
  const matched = PHRASES.filter((entry) => entry.requires.every((r) => holds(r, words)));
  const covered = new Set(matched.flatMap((entry) => conceptsOf(entry.requires)));
  const stray = words.some((w) => w.negated && w.concepts.size > 0 && ![...w.concepts].some((c) => covered.has(c)));
  return stray ? [] : matched;
}
