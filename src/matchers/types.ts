import type { RuleLanguage } from '../engine/types.js';
import type { Family, Node } from './syntax.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * What a cross-file verdict waits on: that an imported function retries its callback (so the
 * callback is a retry scope), or that an imported helper makes a call of a vocabulary without a
 * key. The link step, which sees every file's summary, keeps or drops findings that carry one.
 */
export type Requirement =
  | {
      kind: 'retry-wrapper';
      local: string;
      argIndex: number;
      /** A method on a typed object (`this.retry.run(…)`): resolved by the type checker at this call. */
      typedAt?: { line: number; column: number };
    }
  /** The imported name is an HTTP client with a retry policy that retries writes. */
  | { kind: 'retried-client'; local: string }
  /**
   * The imported function, whose falsy answer stops the way to the candidate, does not claim the
   * record with a conditional update (`FunctionFacts.claimsRecord`); unresolved, it holds.
   */
  | { kind: 'unclaimed'; local: string }
  /**
   * The imported function returns such a client. `writeArgs`: the keywords and positions (`#2`)
   * where this call passes write methods, for a factory whose policy takes its methods from a parameter.
   */
  | { kind: 'client-factory'; local: string; writeArgs?: string[] }
  /**
   * Any one of several conditions (a try whose calls are each a remote write only by a helper's name:
   * `Payment.create(…)` then `gateway.charge(…)`): a local one among them does not clear the others.
   */
  | { kind: 'any-of'; of: Requirement[] }
  /** Some file of the project establishes the fact (`job-attempts:<queue>`: its jobs get attempts > 1). */
  | { kind: 'project-fact'; fact: string }
  | {
      kind: 'helper';
      local: string;
      /** The call vocabulary the helper must reach; `a|b` for either. */
      vocab: string;
      keyList?: string;
      /** `writes`: holds when the helper makes such a call without the key (unknown → drop).
       *  `unless-keyed`: the name already matched; drop only when every such call passes the key. */
      mode: 'writes' | 'unless-keyed';
      /**
       * With `unless-keyed`: the name matched only by its generic first word (`createInbox`), so a
       * body in sight that makes no such call overrules it. A specific name (`send_sms`) stands.
       */
      bodyDecides?: true;
      /**
       * The helper's call must let the outcome of a write reach the caller: a write or send the
       * helper keeps in a try of its own (a handler of every error that does not raise again) is no
       * outcome of the caller's. Asked only where nothing after the call in the caller's try can
       * fail or raise: a later step's failure still lands in the handler after the write went out.
       */
      unshielded?: true;
      /**
       * The caller branches on the result the helper hands back (`if (!result.success)`): it holds
       * only when every write or send the helper reaches is kept in a try of its own (a handler of
       * every error that does not raise again), so a timeout comes back as that result.
       */
      kept?: true;
      /** Resolved through the type checker (a method called on a typed object), not an import. */
      typed?: boolean;
      /** Where the typed call is, when it is not the finding's own position (a handler's subject). */
      typedAt?: { line: number; column: number };
      /**
       * The candidate is a reference to the helper (`with_retries(charge_customer, order)`), not a
       * call of it: the finding belongs at the helper's own call, in the helper's file.
       */
      relocate?: boolean;
      /** The helper's calls that end its run do not count: the helper ends the attempt where it is called. */
      unlessLast?: true;
      /**
       * With `relocate`: a call the helper makes through a function of yet another file is reported
       * where that function makes the write (where its key would go), not at the helper's call of it.
       */
      deep?: true;
      /** With `unlessLast`: the helper runs in a run a timer repeats, where a later step that swallows its error still leaves the work pending (only `final` calls end it). */
      rerun?: true;
      /**
       * A call vocabulary the rule excludes (`not: { call: notification }`) that the local test
       * could not decide: a call of the helper that is also one of those is none of this rule's
       * (the WhatsApp send a provider's `send` makes is AP-002's finding, not an AP-001 write).
       */
      except?: string;
      /** How many arguments the call passes (absent when a spread or keyword makes it unknown). */
      argCount?: number;
      /** Per positional argument, the fields of an object literal not made afresh in the retried code (null: not a literal). */
      argKeys?: (string[] | null)[];
      /** Positional arguments made afresh in the retried code (a key from one changes on every attempt). */
      freshArgs?: number[];
    };

/**
 * A region of code governed by a construct: the body a retry loop re-runs, the except block that
 * handles a timeout, the failure branch of a status check. Scopes are computed once per file and
 * per context kind, then shared by every candidate and every rule.
 */
export interface Scope {
  /** Context kind that produced it (`retry`, `timeout-handler`, `status-branch`). */
  context: string;
  /** Nodes inside this subtree are in scope. */
  body: Node;
  /** The construct that creates the scope, reported as a related location. */
  construct: Node;
  /** Short human label of the construct, e.g. `for attempt in range(3)`. */
  label: string;
  /** Where a mitigation must appear to cancel the scope's danger (defaults to `body`). */
  guard?: Node;
  /** The call whose outcome the scope is about (the mutating call of a timeout handler). */
  subject?: Node;
  /** The attempt counter of a retry loop, when it has one. */
  counter?: string;
  /**
   * A loop over records selected by a failed status: the loop's record and, per field the query
   * selects on (`status__in=[…]`), the values it selects (lower case).
   */
  selection?: { record: string; fields: Map<string, Set<string>> };
  /** For client-wide retry policies: only calls on this receiver are in scope. */
  receiver?: string;
  /**
   * For a client policy that lists the methods it retries (retry-axios `httpMethodsToRetry`): the
   * methods, upper case; a call on the client with another method (`axios.patch` when only POST is
   * listed) is not retried. Absent: every method the policy covers.
   */
  methods?: string[];
  /**
   * A client policy inside a factory whose methods come from this parameter of it: the factory's
   * clients retry writes only where a caller passes write methods there. Not a scope by itself.
   */
  writesParam?: { name: string; index: number };
  /** The call of a helper of this file through which the scope `from` reaches this body. */
  via?: { call: Node; from: Scope };
  /** A per-attempt hook (`before_sleep`, `onFailedAttempt`): runs on every failure, not as the attempt. */
  hook?: true;
  /**
   * An attempt loop (`while True:`, `for attempt in range(3)`): a step's failure starts another
   * iteration only from inside a try of the loop; elsewhere it (or a `raise`) leaves the loop.
   */
  failsOut?: true;
  /**
   * A walk over alternatives that tries the next after a failure and stops at the first success
   * (`for provider in providers`). A retry scope around it (a task retry, an attempt loop) re-runs
   * the whole walk, so `inside.ts` reports a call under that outer retry rather than the walk.
   */
  failover?: true;
  /**
   * A one-shot timer re-runs the function of this name (`setTimeout(() => poll(), ms)` in `poll`):
   * only a run that reaches that re-arm runs again; a branch that leaves before it is the last run.
   */
  rearmedBy?: string;
  /**
   * Only explicit records count here (a failed status, a mark-failed call, a domain error), not a
   * falsy or error result (`return False`, `{ success: false }`): a broad handler's result is
   * often just an answer to a caller that may ignore it.
   */
  explicitOnly?: true;
  /**
   * A plain falsy result (`return False`, `return null`, `return false, err`) counts only where a
   * caller reads it as the failure (`if (!response.ok) return false` whose caller only logs records
   * nothing); an error answer or a failed result object still counts.
   */
  plainResultsViaCaller?: true;
  /**
   * Parts of `body` whose failures start another attempt: the try bodies whose handlers call the
   * task's retry (`try: do_send_email(…) except Exception: task.retry(…)`). A step elsewhere (after
   * the try, in its `else:`) can fail the run, but the task is not run again for it.
   */
  retriedFrom?: Node[];
  /**
   * A message handler that settles its message only on success: a failure it catches and swallows
   * still skips the settle, so the message comes back and the attempt is repeated all the same.
   */
  swallowedRetries?: true;
  /**
   * The retry reads the value the body returns (`retry_if_result(…)`): a `return` after a step
   * does not end the attempts, the value it hands back may start another.
   */
  retriesOnResult?: true;
  /**
   * The error types the retry catches, where its options name them (`autoretry_for=(AutoRetryException,)`,
   * `retry=retry_if_exception_type(Timeout)`) and none is a base of every error: a step that raises
   * another type (`raise PermanentFailure(…)`) ends the attempts for good.
   */
  retriedTypes?: string[];
  /**
   * A run a timer repeats (`setInterval(fn)`, a poll loop's `setTimeout(start)`): each run takes up
   * the work an earlier one left pending, so only a send that a later step of the run follows is
   * made again; a function of another file it calls is judged, and reported, in its own file.
   */
  rerun?: true;
  /**
   * A function run on a schedule that selects its rows by these fields (see `scheduledRunScopes`):
   * a send counts only when a write of one of them follows it in the run.
   */
  scheduled?: { fields: string[] };
  /**
   * A sweep over records that failed before (a cron re-sending `status: 'FAILED'` rows): a failure
   * its handler writes back onto the record (`status: 'FAILED'`, `attempts: n + 1`) is selected by
   * the next run, so a try that swallows it still brings the record's attempt back.
   */
  sweepsFailed?: true;
  /** Parts of `body` that are not in scope (a branch of a broad handler that tests for a definite error). */
  excludes?: Node[];
  /**
   * A provider's webhook handler, run again when the provider redelivers the event: the call that
   * verified the event (its result is the delivery itself, not a look-up of an earlier success).
   */
  redelivered?: { verifier: Node };
  /** A scope that exists only if an imported function turns out to retry (decided at link time). */
  requires?: Requirement;
  /** A second condition, when a falsy result's caller and a name-only subject both decide. */
  alsoRequires?: Requirement;
}

/** A place a rule may report, and what the signature learnt about it on the way. */
export interface Candidate {
  /** The node tests look at (containment, arguments). */
  node: Node;
  /** The node whose span is reported (often `node`, sometimes its statement). */
  report: Node;
  captures: Record<string, string>;
  related: { node: Node; message: string }[];
  /** Set by `inside:`: the innermost scope that holds the candidate. */
  scope?: Scope;
  /** The call vocabulary that made it a candidate (set by `call:`). */
  vocab?: string;
  /** Cross-file conditions the candidate's verdict depends on. */
  requires?: Requirement[];
}

/** What a matcher sees of one file: its tree, vocabulary, and a per-file memo for derived facts. */
export interface FileContext {
  readonly root: Node;
  readonly family: Family;
  readonly language: RuleLanguage;
  readonly source: string;
  readonly vocab: Vocabulary;
  /**
   * Whether an import specifier may name a module of the scanned project (relative, or a Python
   * package the scan holds). Only such imports can lead to cross-file findings.
   */
  isProjectModule(specifier: string): boolean;
  /** Computes a per-file fact once (keyed by name) and returns the cached value afterwards. */
  memo<T>(key: string, compute: () => T): T;
  /** Throws once the file's time budget has run out; called inside long loops (absent: no budget). */
  checkBudget?(): void;
}

/** A matcher parameter as written in the rule: a name (`mutating`), or nothing. */
export type MatcherParam = string | undefined;

/**
 * One kind of signature entry (`call`, `inside`, `idempotency-key`, ...). A matcher can be an
 * anchor (finds candidates), a test (keeps or drops a candidate), or both.
 */
export interface Matcher {
  readonly kind: string;
  /** One line for `faultline rules --matchers` and error messages. */
  readonly summary: string;
  /** Checks the parameter when rules load; returns a problem description, or null when fine. */
  validate(param: MatcherParam, vocab: Vocabulary): string | null;
  /** Anchor: the candidates under the given subtrees (never duplicates). */
  find?(ctx: FileContext, param: MatcherParam, within: readonly Node[]): Candidate[];
  /**
   * Test: whether it holds for the candidate; may record a scope or captures on it. It may add
   * requirements to the candidate or narrow them (a key list), never drop or widen one: the scan
   * defers the tests of candidates that already depend on other files (`deferTests`), which is
   * sound only because a test can make a pending finding harder to keep, never easier.
   */
  test?(ctx: FileContext, param: MatcherParam, candidate: Candidate): boolean;
}

/** A context kind for `inside:`: the scopes of one file. */
export interface ContextKind {
  readonly name: string;
  readonly summary: string;
  scopes(ctx: FileContext): Scope[];
}
