import { getMatcher, type Family, type Vocabulary } from '../matchers/index.js';
import { escapeRegExp, splitWords } from '../matchers/names.js';
import type { CallVocabulary } from '../matchers/vocabulary.js';
import type { LanguageSpec } from './languages.js';
import type { Rule, SignatureStep } from './rule.js';

/**
 * A cheap, sound text test run before parsing: for each rule it derives, from the rule's own
 * signature and the vocabulary, a condition the raw text of a file must meet for that rule to be
 * able to report anything there. A file none of whose rules passes is not parsed at all.
 *
 * Soundness argument, per positive signature step (a finding needs every positive step to hold,
 * so any one of them gives a necessary condition; negated and unknown steps give none):
 * - `call: <vocab>`: the call's last path segment is an identifier copied from the source. It
 *   matches by a name pattern (then every literal fragment of the pattern occurs in the text,
 *   case-insensitively), by its first word being a verb (then some run of ASCII letters/digits
 *   in the text starts with the verb, has it as first word and holds no excluded word), or as an
 *   HTTP client (the client pattern's fragments occur, and with `url_words` one of those words
 *   too: `urlHas` finds them in the URL's own text or a string bound to its name). Exclusions
 *   are otherwise ignored.
 * - `records: <outcome>`: a call word, a compensation verb, a retry invitation, an outcome value,
 *   `false`, `None`/`null` or an error field occurs case-insensitively; string
 *   values are built from literal parts with escapes dropped, so a backslash anywhere also passes.
 * - `inside: retry`: a `for`/`while` keyword (Python `for` also needs `range`, `count`, a retry
 *   iterator or a failure value, the iterables of an attempt loop or a loop over failed records),
 *   a fragment of a retry decorator, wrapper, task-retry call, client configurator, attached
 *   policy module, shared client package (a call on it may be retried by another file's policy), webhook
 *   verifier, HTTP or job
 *   policy, job worker, job framework, redelivered event type or task-retry keyword, or `except`/`catch` or a counter
 *   word (a recursive retry, a handler's re-call and a re-enqueued job start from one).
 * - `inside: timeout-handler` also holds a promise's `.catch(` or a final-failure hook's name
 *   (`on_failure`), and its subject may be a notification.
 * - Cross-file candidates (a callback handed to an imported function, a call of an imported
 *   helper, a method on a typed object) escape every test above; the scan therefore never skips a
 *   file that imports a module of the project (see `importsProject`).
 * - `inside: timeout-handler` / `status-branch` / `ambiguous-outcome`: a `try` (resp. an `if`, or
 *   `?` in ECMAScript) keyword, and a mutating call as above (the scope's subject).
 * Known blind spot: JavaScript identifiers spelled with `\u` escapes; a file holding `\u` is
 * therefore never skipped.
 * A file is parsed for its summary alone (`mayContribute`) when it may make a call of a call
 * vocabulary, hold a retry wrapper or policy, or declare a parameter named for a result flag.
 * A skipped file is not parsed, so its syntax errors are not reported; findings never change.
 */
export interface Prefilter {
  /** Whether any of the rules for `language` could match `text`. */
  mayMatch(text: string, language: LanguageSpec): boolean;
  /**
   * Whether other files may need this file's summary: it may define a retry wrapper (a loop and a
   * `try`), a helper that makes a call of a call vocabulary, a client with a retry policy or a job
   * queue with attempts. Such a file is parsed even when no
   * rule can match in it, for its summary only.
   */
  mayContribute(text: string, language: LanguageSpec): boolean;
  /** The rule ids that could match `text` (for tests and diagnostics). */
  candidateRules(text: string, language: LanguageSpec): string[];
}

/** A condition on the text of one file; `key` memoises shared leaves within one file. */
type Condition = { key: string; test: (text: string) => boolean } | { all: Condition[] } | { any: Condition[] } | true | false;

/**
 * Builds the prefilter for a rule set and vocabulary. Pure: never throws on unknown matcher kinds
 * (they yield no condition, i.e. the rule always passes).
 */
export function buildPrefilter(rules: readonly Rule[], vocab: Vocabulary): Prefilter {
  const byFamily = new Map<string, { id: string; condition: Condition }[]>();
  const conditionsFor = (language: LanguageSpec) => {
    const key = `${language.id}:${language.family}`;
    let list = byFamily.get(key);
    if (list === undefined) {
      list = rules
        .filter((r) => r.deprecated === undefined && r.languages.includes(language.id))
        .map((r) => ({ id: r.id, condition: ruleCondition(r, language, vocab) }));
      byFamily.set(key, list);
    }
    return list;
  };
  const evaluate = (text: string, language: LanguageSpec, all: boolean): string[] => {
    const out: string[] = [];
    // Escaped identifiers (`\u0063harge`) defeat every text test below.
    if (language.family === 'ecma' && text.includes('\\u')) return conditionsFor(language).map((r) => r.id);
    const memo = new Map<string, boolean>();
    for (const { id, condition } of conditionsFor(language)) {
      if (holds(condition, text, memo)) {
        out.push(id);
        if (!all) break;
      }
    }
    return out;
  };
  const contributes: Condition = {
    any: [
      ...Object.keys(vocab.calls).map((name) => callCondition(vocab, name)),
      { all: [{ any: [keyword('for'), keyword('while')] }, keyword('try')] },
      // Retry policies on clients and job attempts are facts other files depend on.
      { key: 'policy-words', test: (t) => /retry|attempts/i.test(t) },
      // A parameter named for a result flag (`updateSuccess(filename, success)`): a caller's `false` there records (`flagParamFacts`).
      flagParameterCondition(vocab),
      // A module that opens the application's database connection may export a registry of its models.
      storeConnectionCondition(vocab),
      // A module that builds a model of the application's database exports it to its callers' writes.
      storeModelCondition(vocab),
      // A module that joins the application's models (`Booking.hasMany(Ticket)`) re-exports them to its callers' writes.
      storeAssociationCondition(vocab),
    ],
  };
  return {
    mayContribute: (text, language) => (language.family === 'ecma' && text.includes('\\u')) || holds(contributes, text, new Map()),
    mayMatch: (text, language) => evaluate(text, language, false).length > 0,
    candidateRules: (text, language) => evaluate(text, language, true),
  };
}

/** Text that may open a connection to the application's own database: `new Sequelize(` (vocabulary `store_connections`). */
function storeConnectionCondition(vocab: Vocabulary): Condition {
  const classes = [...new Set(vocab.store_connections.map((n) => n.slice(n.lastIndexOf('.') + 1)).filter((n) => /^[\w$]+$/.test(n)))];
  if (classes.length === 0) return false;
  const pattern = new RegExp(`\\bnew\\s+(?:[\\w$]+\\.)*(?:${classes.map(escapeRegExp).join('|')})\\s*\\(`);
  return { key: 'store-connections', test: (t) => pattern.test(t) };
}

function storeAssociationCondition(vocab: Vocabulary): Condition {
  const names = [...new Set(vocab.store_model_associations.filter((n) => /^[\w$]+$/.test(n)))];
  if (names.length === 0) return false;
  const pattern = new RegExp(`\\.(?:${names.map(escapeRegExp).join('|')})\\s*\\(`);
  return { key: 'store-associations', test: (t) => pattern.test(t) };
}

/**
 * Text that may build a model of the application's own database: `mongoose.model('Hostel', schema)`,
 * `sequelize.define('payment', …)` (vocabulary `store_model_factories`, named by a string first argument).
 * Without it a model module that mentions nothing else faultline looks for (`new Schema({ name: String })`)
 * gives its callers no summary, and their `Hostel.create(…)` is taken for a remote write.
 */
function storeModelCondition(vocab: Vocabulary): Condition {
  // The whole dotted name (`sequelize.define`, not any `define`: an AMD module's `define("select2/…")`).
  const names = [...new Set(vocab.store_model_factories.filter((n) => /^[\w$]+(\.[\w$]+)*$/.test(n)))];
  if (names.length === 0) return false;
  const pattern = new RegExp(`(?<![\\w$.])(?:${names.map(escapeRegExp).join('|')})\\s*\\(\\s*['"\`]`);
  // `class Payment extends Model {}` (Sequelize): a class of a store model type (vocabulary `store_model_types`).
  const types = [...new Set(vocab.store_model_types.filter((n) => /^[\w$]+(\.[\w$]+)*$/.test(n)))];
  const extended = types.length > 0 ? new RegExp(`\\bextends\\s+(?:${types.map(escapeRegExp).join('|')})\\b(?!\\.)`) : null;
  // `export default class Program extends Entity {`: a class extending another class of the project,
  // a model when that base is one (`storeModelBases`); the link step asks the base's module.
  const derived = types.length > 0 ? /\bclass\s+[\w$]+\s+extends\s+[\w$]+\s*\{/ : null;
  return { key: 'store-models', test: (t) => pattern.test(t) || (extended !== null && extended.test(t)) || (derived !== null && /\bexport\b/.test(t) && derived.test(t)) };
}

/** Text that may declare a parameter named for an outcome's result flag: `(filename, success)`, `, success: boolean`. */
function flagParameterCondition(vocab: Vocabulary): Condition {
  const flags = [...new Set(Object.values(vocab.outcomes).flatMap((o) => o.result_flags ?? []))];
  if (flags.length === 0) return false;
  const pattern = new RegExp(`[(,]\\s*(?:${flags.map(escapeRegExp).join('|')})\\s*[,):=?]`, 'i');
  return { key: 'flag-params', test: (t) => pattern.test(t) };
}

function holds(c: Condition, text: string, memo: Map<string, boolean>): boolean {
  if (c === true || c === false) return c;
  if ('all' in c) return c.all.every((x) => holds(x, text, memo));
  if ('any' in c) return c.any.some((x) => holds(x, text, memo));
  let v = memo.get(c.key);
  if (v === undefined) memo.set(c.key, (v = c.test(text)));
  return v;
}

function ruleCondition(rule: Rule, language: LanguageSpec, vocab: Vocabulary): Condition {
  const [anchor, ...tests] = rule.steps;
  // With a raw query for this language, query candidates are only held to the tests, not the anchor.
  const hasQuery = rule.match?.[language.id]?.query !== undefined;
  const steps = hasQuery || anchor === undefined ? tests : [anchor, ...tests];
  const conditions = steps.filter((s) => !s.negate).map((s) => stepCondition(s, language.family, vocab));
  return { all: conditions };
}

function stepCondition(step: SignatureStep, family: Family, vocab: Vocabulary): Condition {
  if (getMatcher(step.kind) === undefined) return true;
  switch (step.kind) {
    case 'call':
      return callCondition(vocab, step.param ?? '');
    case 'records':
      return recordsCondition(vocab, step.param ?? '');
    case 'inside':
      return contextCondition(vocab, step.param ?? '', family);
    default:
      return true;
  }
}

function callCondition(vocab: Vocabulary, name: string): Condition {
  const v: CallVocabulary | undefined = vocab.calls[name];
  if (v === undefined) return false; // isCallOf is false for an unknown vocabulary
  // With `url_words`, an HTTP client call belongs to the vocabulary only when its URL names one.
  const urlWords = v.url_words.map((w) => w.toLowerCase());
  const clientFragments = patternFragments(v.http_clients);
  const fragments = patternFragments(urlWords.length > 0 ? v.names : [...v.names, ...v.http_clients]);
  const verbs = v.verbs.map((w) => w.toLowerCase()).filter((w) => w.length > 0);
  // `new_order`: a verb that writes only with an object word after it (object_verbs / object_words).
  const objectVerbs = new Set(v.object_verbs.map((w) => w.toLowerCase()).filter((w) => w.length > 0 && !verbs.includes(w)));
  const objectWords = new Set(v.object_words.map((w) => w.toLowerCase()));
  if (fragments === true || (urlWords.length > 0 && clientFragments === true)) return true;
  const clients = urlWords.length > 0 && clientFragments !== true ? clientFragments : [];
  const exclude = new Set(v.exclude_words.map((w) => w.toLowerCase()));
  const verbSet = new Set(verbs);
  const starts = [...verbs, ...objectVerbs];
  const verbRegex = starts.length > 0 ? new RegExp(`(?<![A-Za-z0-9])(?:${starts.map(escapeRegExp).join('|')})`, 'gi') : null;
  // `mailQueue.add(`, `mailer.add(`: a job put on a queue (`queue_methods` on a `queue_words` receiver).
  const queued =
    v.queue_methods.length > 0 && v.queue_words.length > 0
      ? new RegExp(`(?:${v.queue_words.map(escapeRegExp).join('|')})[\\w$]*\\s*\\.\\s*(?:${v.queue_methods.map(escapeRegExp).join('|')})\\s*\\(`, 'i')
      : null;
  return {
    key: `call:${name}`,
    test(text) {
      if (fragments.length > 0 && containsAny(text, fragments)) return true;
      if (queued !== null && queued.test(text)) return true;
      if (clients.length > 0 && containsAny(text, clients) && containsAny(text, urlWords)) return true;
      if (verbRegex === null) return false;
      verbRegex.lastIndex = 0;
      const seen = new Set<string>();
      for (let m = verbRegex.exec(text); m !== null; m = verbRegex.exec(text)) {
        RUN.lastIndex = m.index;
        const run = RUN.exec(text)?.[0] ?? '';
        if (seen.has(run)) continue;
        seen.add(run);
        const words = splitWords(run);
        const first = words[0];
        if (first === undefined || words.some((w) => exclude.has(w))) continue;
        if (verbSet.has(first)) return true;
        if (objectVerbs.has(first)) {
          // The object may follow after an underscore (`new_order`), which ends a verb's run.
          NAME.lastIndex = m.index;
          if (splitWords(NAME.exec(text)?.[0] ?? '').slice(1).some((w) => objectWords.has(w))) return true;
        }
      }
      return false;
    },
  };
}

function recordsCondition(vocab: Vocabulary, outcome: string): Condition {
  const o = vocab.outcomes[outcome];
  if (o === undefined) return false;
  const words = [
    ...o.call_words,
    ...o.compensation_verbs,
    // `rollback_budget(…)`, `roll_back_balance(…)`: the first word of an undoing verb is enough to look further.
    ...o.undo_verbs.map((v) => v.split(' ')[0] ?? ''),
    ...o.retry_invitations,
    ...o.values,
    ...(o.return_false || o.result_flags.length > 0 ? ['false'] : []),
    ...(o.return_none ? ['none', 'null', 'undefined'] : []),
    ...o.error_fields,
    // `state = "error"` (a status field's value), `_store_result(id, repr(exc))` (the error kept as the outcome).
    ...o.status_enum_values,
    ...o.error_results,
    // A claimed state put back in the handler (`update({ charge_flow_status: 'scheduled' })`) records
    // "not done" with no failure word: a state field's name is all the text holds (see records.ts).
    ...(outcome === 'failure' ? vocab.retry.due_state_words : []),
  ].map((w) => w.toLowerCase()).filter((w) => w.length > 0);
  const regex = words.length > 0 ? new RegExp(words.map(escapeRegExp).join('|'), 'i') : null;
  return { key: `records:${outcome}`, test: (text) => text.includes('\\') || (regex !== null && regex.test(text)) };
}

const keyword = (word: string): Condition => {
  const regex = new RegExp(`(?<![A-Za-z0-9_$])${word}(?![A-Za-z0-9_$])`);
  return { key: `kw:${word}`, test: (text) => regex.test(text) };
};

function contextCondition(vocab: Vocabulary, name: string, family: Family): Condition {
  switch (name) {
    case 'retry':
      return retryCondition(vocab, family);
    case 'timeout-handler':
      return handlerCondition(vocab);
    case 'status-branch':
      return statusCondition(vocab, family);
    case 'ambiguous-outcome':
      return { any: [handlerCondition(vocab), statusCondition(vocab, family)] };
    default:
      return true;
  }
}

/** A `try` or a promise's `.catch(`, around a write or a notification (the handler's subject). */
function handlerCondition(vocab: Vocabulary): Condition {
  return {
    all: [
      // A final-failure hook (`def on_failure(self, exc, …)`) handles the task's errors with no `try` in sight.
      { any: [keyword('try'), { key: 'promise-catch', test: (t) => t.includes('.catch(') }, ...vocab.timeouts.final_failure_hooks.map(keyword)] },
      { any: [callCondition(vocab, 'mutating'), callCondition(vocab, 'notification')] },
    ],
  };
}

function statusCondition(vocab: Vocabulary, family: Family): Condition {
  const branch: Condition = family === 'ecma' ? { any: [keyword('if'), { key: 'char:?', test: (t) => t.includes('?') }] } : keyword('if');
  return { all: [branch, callCondition(vocab, 'mutating')] };
}

function retryCondition(vocab: Vocabulary, family: Family): Condition {
  const r = vocab.retry;
  const fragments = patternFragments([
    ...r.decorators,
    ...r.wrappers,
    ...r.iterators,
    ...r.task_retry_calls,
    ...r.task_retry_raises,
    ...r.client_configurators,
    ...r.retrying_request_modules.map((m) => m.module),
    // A call on a shared client (`axios.post(…)`) is retried by a policy another file installs.
    ...r.shared_clients,
    // An interceptor's replay retries every call on its client.
    ...r.response_interceptors,
    // A polled message settled by hand is redelivered when the handler fails first.
    ...r.settle_commands,
    ...r.attached_policies.map((p) => p.module),
    // A provider's webhook handler is redelivered.
    ...r.redelivered_webhook_verifiers,
    ...r.http_policies,
    ...r.job_policies,
    ...r.job_workers,
    'attempts',
  ]);
  if (fragments === true) return true;
  const iterators = patternFragments(r.iterators);
  const kwargs = r.task_retry_kwargs.map((k) => k.toLowerCase());
  const failed = [...(vocab.outcomes.failure?.values ?? []), ...r.retry_states];
  const pythonFor: Condition = {
    all: [
      keyword('for'),
      // Attempt loops walk a counter or a retry iterator; a loop over failed records names a failure value.
      { key: 'py-attempt-iterable', test: (t) => containsAny(t, ['range', 'count', ...failed, ...(iterators === true ? [] : iterators)]) },
    ],
  };
  // Handlers typed by a redelivered event (`SQSEvent`) are retried too.
  const jobs = patternFragments([...r.job_frameworks.flatMap((j) => [...j.decorators, ...j.calls]), ...r.redelivered_events, ...r.redelivery_raises]);
  return {
    any: [
      keyword('while'),
      family === 'python' ? pythonFor : keyword('for'),
      { key: 'retry-names', test: (t) => containsAny(t, [...fragments, ...kwargs, ...(jobs === true ? [] : jobs)]) },
      // Recursive retries, handler re-calls and re-enqueued jobs all start from a handler or a
      // branch on an attempt counter.
      { key: 'failure-path', test: (t) => /(?<![\w$])(except|catch)(?![\w$])/.test(t) || containsAny(t, r.counter_words) },
      ...(jobs === true ? [true as const] : []),
    ],
  };
}

/**
 * The longest literal fragment of each name pattern (lowercase): a path matching the pattern
 * holds it as a substring of a source identifier. `true` when a pattern has none (`*`).
 */
function patternFragments(patterns: readonly string[]): string[] | true {
  const out: string[] = [];
  for (const p of patterns) {
    const parts = p.split(/[*.]/).filter((s) => s.length > 0);
    if (parts.length === 0) return true;
    out.push(parts.reduce((a, b) => (b.length > a.length ? b : a)).toLowerCase());
  }
  return out;
}

function containsAny(text: string, needles: readonly string[]): boolean {
  if (needles.length === 0) return false;
  let regex = needleCache.get(needles.join('\0'));
  if (regex === undefined) {
    regex = new RegExp(needles.map(escapeRegExp).join('|'), 'i');
    needleCache.set(needles.join('\0'), regex);
  }
  return regex.test(text);
}

const needleCache = new Map<string, RegExp>();
const RUN = /[A-Za-z0-9]*/y;
const NAME = /[A-Za-z0-9_]*/y;


/**
 * Whether a file's text imports one of the scanned project's own modules — the only way it can
 * hold a cross-file candidate, since the link step resolves imports to scanned files only.
 * ECMAScript: a relative specifier, a path alias (`@/`, `~/`, `#/`) or one of the workspace's own
 * packages (in `projectModules` under `workspaceModuleKey`). Python: a relative import, or an import naming one of
 * `projectModules` (the base names of the scanned files and their folders).
 */
export function importsProject(text: string, language: LanguageSpec, projectModules: ReadonlySet<string>): boolean {
  if (language.family === 'ecma') {
    if (/\b(?:from|import|require)\s*\(?\s*['"](?:\.|[@~#]\/)/.test(text)) return true;
    for (const m of text.matchAll(/\b(?:from|import|require)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      if (projectModules.has(workspaceModuleKey(m[1] ?? '')) || isFolderAlias(m[1] ?? '', projectModules)) return true;
    }
    return false;
  }
  if (/^\s*from\s+\./m.test(text)) return true;
  for (const m of text.matchAll(/^\s*(?:from|import)\s+([\w.]+(?:\s*,\s*[\w.]+)*)/gm)) {
    for (const name of (m[1] ?? '').split(/[\s,.]+/)) if (projectModules.has(name)) return true;
  }
  return false;
}

/**
 * The key a workspace package's bare import is known by in `projectModules`: `npm:@acme/db` for
 * `@acme/db/queries`, `npm:utils` for `utils/dates` (kept apart from Python's module names).
 */
export function workspaceModuleKey(specifier: string): string {
  return `npm:${packageNameOf(specifier)}`;
}

/** `@models/Order`: a scope spelled like a folder of the project (a lower-case word), which a tsconfig `paths` alias may name. */
export const FOLDER_ALIAS = /^@[a-z][\w-]*\/[^@]/;

/**
 * `@models/Order`, `@services/mail`: a tsconfig `paths` alias named for a folder of the project
 * (`"@models/*": ["./src/models/*"]`), known by the scan holding a file at that folder and name.
 * An npm scope's package (`@sendgrid/mail`) is no folder and file of the scanned project.
 */
export function isFolderAlias(specifier: string, projectModules: ReadonlySet<string>): boolean {
  if (!FOLDER_ALIAS.test(specifier)) return false;
  return projectModules.has(folderPathKey(specifier.slice(1).replace(/\.[cm]?[jt]sx?$/, '').replace(/\/(index)?$/, '')));
}

/** The key a scanned file's folder-and-file tail is known by in `projectModules` (kept apart from module names). */
export function folderPathKey(tail: string): string {
  return `path:${tail}`;
}

/** The package a bare specifier names: `@acme/db` for `@acme/db/queries`, `utils` for `utils/dates`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}
