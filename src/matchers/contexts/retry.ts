import { allCalls, answeredOnce, calleePath, callsWithin, nodesOfType, nodesWithin, perFile } from '../file-index.js';
import { importsOf, projectImportOf } from '../imports.js';
import { functionsByName, plainFunctionAt, resolveLocalFunction } from '../local-helpers.js';
import { caughtName, handlesAmbiguous, exceptionPaths, mentionsTimeout, namesOfError, negatesTimeout, testsError, timeoutException, writesOrSendsIn } from './ambiguous-outcome.js';
import { lastBindingBefore } from '../bindings.js';
import { isInMemory, reportsOnly } from '../call-vocabulary.js';
import { fileClientPolicyScopes, retryingClientsOf, sharedClientScopes, writeMethodArguments } from './client-policies.js';
import { compiledOnce, wordSet } from '../compiled.js';
import { jobFrameworkScopes, redeliveredHandlerScopes, redeliveryRaiseScopes, settledMessageScopes } from './job-frameworks.js';
import { timerRunScopes } from './timer-runs.js';
import { keptFailures, webhookRedeliveryScopes } from './webhook-redelivery.js';
import { isInert } from '../quiet-steps.js';
import { scheduledRunScopes } from './scheduled-runs.js';
import { onlyAfterRefusal } from './refusals.js';
import { batchMarkScopes } from './batch-marks.js';
import { BUMPS, countsOwnAttempts } from './own-counters.js';
import { UNSET, columnFilters, marksOutOfSelection, mayHoldDueQuery, mayMarkState, positionalFilters, selectedValue, selectsDueRecords, selectsUnset, skipsAllButFailed } from './due-records.js';
import { NamePatterns, WordSet, escapeRegExp, normalizeName, splitWords } from '../names.js';
import { decoratedFunction, isFallback, HANDLER_TYPES, raisesWithin, bindingOf, blockStatements, callArguments, callee, contains, dottedPath, enclosingFunction, namedEnclosingFunction, firstLine, headerLine, functionBody, functionName, functionParameters, functionTypes, ifChain, isCall, isExit, isFunction, isLoop, isRaise, keywordArgument, lastSegment, literalEntries, loopBody, loopTypes, stringValue, stringsUnder, tryBody, tryHandlers, unwrapAwait, unwrapValue, unwrapParens, negatedOperand, type Family, type Node } from '../syntax.js';
import type { ContextKind, FileContext, Requirement, Scope } from '../types.js';

/**
 * `inside: retry` — code that runs again when an attempt fails.
 *
 * Matches: attempt loops (`for attempt in range(3)`, `for (let i = 0; i < n; i++)`, `while
 * retries > 0`, `while True` / `while (true)`, `do … while`) whose body either catches a failure
 * and loops again or leaves on success; `for attempt in Retrying(...)`; functions under a retry
 * decorator (`@retry`, `@backoff.on_exception`, a Celery task with `autoretry_for` or that calls
 * `self.retry`); callbacks given to a retry helper (`pRetry`, `backOff`, `retry_call`, or a wrapper
 * in the same file whose own body retries its callback parameter), including callbacks named by
 * an identifier defined in the file; the per-attempt hooks of those helpers (`before_sleep`,
 * `on_backoff`, `onFailedAttempt`); and every call on an HTTP client that `axiosRetry` configures
 * with a retry condition that accepts non-idempotent requests.
 * Skips: loops over collections (`for user in users`, `for…of`, `range(len(xs))`, a counter used as
 * an index), loops that drain a queue (take the next item each pass, leave when none came), `while True` loops with no way out after the attempt (consumers, servers), loops whose
 * handler always re-raises or leaves, and `axiosRetry` with its default (idempotent-only) condition.
 * Known false positives: a `while True` queue consumer that catches per-job errors and breaks
 * after the try; a `for i in range(n)` batch loop that never indexes with `i` yet breaks early.
 */
export const retryContext: ContextKind = {
  name: 'retry',
  summary: 'code a retry loop, decorator, helper or client policy runs again after a failure',
  scopes: (ctx) => ctx.memo('scopes:retry', () => findRetryScopes(ctx)),
};

interface RetryVocab {
  decorators: NamePatterns;
  wrappers: NamePatterns;
  iterators: NamePatterns;
  taskRetryCalls: NamePatterns;
  taskRetryRaises: NamePatterns;
  /** Methods that take the next item off a queue (vocabulary `retry.drain_methods`). */
  drainMethods: NamePatterns;
  takeMethods: NamePatterns;
  reenqueueMethods: Set<string>;
  /** A trailing signature call on a task (`.s()`, `.si()`): stripped to name the task itself. */
  signatureCall: RegExp;
  enqueueCalls: NamePatterns;
  requeueCalls: NamePatterns;
  rescheduleCalls: NamePatterns;
  taskRetryKwargs: WordSet;
  /** The decorators of the `retry.job_frameworks` entries with `own_name_retry` (Celery's): what makes a function a task that re-runs through its own name. */
  taskDecorators: NamePatterns;
  resultPredicates: Set<string>;
  exceptionTypePredicates: Set<string>;
  hooks: Set<string>;
  jobPolicies: NamePatterns;
  retryCountOptions: Set<string>;
  jobWorkers: NamePatterns;
  jobFailureEvents: Set<string>;
  jobAttemptCounter: string | undefined;
  processorMethods: Set<string>;
  processorTypes: NamePatterns;
  processorDecorators: NamePatterns;
  processorBases: NamePatterns;
  processorQueueDecorators: NamePatterns;
  /** Whether a file's text can hold a processor class at all (any of the processor names). */
  processorNames: RegExp;
  counterWords: WordSet;
  /** Words of a call or name that waits between attempts (see `usedAsIndex`). */
  waitWords: WordSet;
  /** Whether a text names any counter word at all: a cheap test before reading a handler's calls. */
  counterText: RegExp;
  rescheduleMethodWords: WordSet;
  restartWords: WordSet;
  doneWords: WordSet;
  refusedStatuses: Set<string>;
  statusFields: Set<string>;
  /** Normalised. */
  providerCodeFields: Set<string>;
  /** Base classes of every error (`Exception`, `BaseException`), by last name. */
  errorBases: ReadonlySet<string>;
}

function retryVocab(ctx: FileContext): RetryVocab {
  // Compiled once per vocabulary, not per file.
  return compiledOnce(ctx.vocab, 'retry-vocab', () => {
    const r = ctx.vocab.retry;
    return {
      decorators: new NamePatterns(r.decorators),
      wrappers: new NamePatterns(r.wrappers),
      iterators: new NamePatterns(r.iterators),
      taskRetryCalls: new NamePatterns(r.task_retry_calls),
      taskDecorators: new NamePatterns(r.job_frameworks.filter((f) => f.own_name_retry === true).flatMap((f) => f.decorators)),
      taskRetryRaises: new NamePatterns(r.task_retry_raises),
      drainMethods: new NamePatterns(r.drain_methods),
      takeMethods: new NamePatterns(r.take_methods),
      reenqueueMethods: new Set(r.reenqueue_methods),
      signatureCall: r.signature_methods.length > 0 ? new RegExp(`\\.(?:${r.signature_methods.map(escapeRegExp).join('|')})\\(\\)$`) : /(?!)/,
      enqueueCalls: new NamePatterns(r.enqueue_calls),
      requeueCalls: new NamePatterns(r.requeue_calls),
      rescheduleCalls: new NamePatterns(r.reschedule_calls),
      taskRetryKwargs: new WordSet(r.task_retry_kwargs),
      resultPredicates: new Set(r.result_predicates),
      exceptionTypePredicates: new Set(r.exception_type_predicates),
      hooks: new Set(r.hooks.map((h) => h.toLowerCase())),
      jobPolicies: new NamePatterns(r.job_policies),
      retryCountOptions: new Set(r.retry_count_options.map(normalizeName)),
      jobWorkers: new NamePatterns(r.job_workers),
      jobFailureEvents: new Set(r.job_failure_events),
      jobAttemptCounter: r.job_attempt_counter,
      processorMethods: new Set(r.job_processors.methods),
      processorTypes: new NamePatterns(r.job_processors.job_types),
      processorDecorators: new NamePatterns(r.job_processors.decorators),
      processorBases: new NamePatterns(r.job_processors.bases),
      processorQueueDecorators: new NamePatterns(r.job_processors.queue_decorators),
      processorNames: anyNameIn([...r.job_processors.job_types, ...r.job_processors.decorators, ...r.job_processors.queue_decorators, ...r.job_processors.bases]),
      counterWords: new WordSet(r.counter_words),
      waitWords: new WordSet(r.wait_words),
      counterText: r.counter_words.length > 0 ? new RegExp(r.counter_words.map(escapeRegExp).join('|'), 'i') : /(?!)/,
      rescheduleMethodWords: new WordSet(r.reschedule_method_words),
      refusedStatuses: new Set(r.refused_statuses),
      statusFields: new Set(ctx.vocab.responses.status_fields.map(normalizeName)),
      providerCodeFields: new Set(r.provider_code_fields.map(normalizeName)),
      restartWords: new WordSet(r.restart_words),
      doneWords: new WordSet(r.done_words),
      errorBases: new Set(ctx.vocab.timeouts.base_classes),
    };
  });
}

/** A text test for the last segments of name patterns (`bullmq.Job` → `Job`); never true for none. */
function anyNameIn(patterns: readonly string[]): RegExp {
  const names = [...new Set(patterns.map((p) => lastSegment(p).replace(/\*/g, '')).filter(Boolean))];
  return names.length > 0 ? new RegExp(`\\b(?:${names.map(escapeRegExp).join('|')})\\b`) : /(?!)/;
}

/** Attempt loops of the file (memoised: the wrapper search and the scopes share them). */
function loopScopesOf(ctx: FileContext): Scope[] {
  return ctx.memo('retry-loops', () => {
    const v = retryVocab(ctx);
    return nodesOfType(ctx, loopTypes(ctx.family)).flatMap((loop) => retryLoopScope(ctx, v, loop) ?? []);
  });
}

/**
 * Functions of this file that retry one of their own parameters, by name, with the argument
 * position of the callback (see `findLocalWrappers`). Part of the file's summary for other files.
 */
export function localRetryWrappers(ctx: FileContext): Map<string, number> {
  return ctx.memo('retry-wrappers', () => {
    const out = findLocalWrappers(ctx, loopScopesOf(ctx));
    for (const [name, index] of workerFactories(ctx)) if (!out.has(name)) out.set(name, index);
    delegatingWrappers(ctx, out);
    return out;
  });
}

/**
 * Functions that hand one of their parameters to a job worker as its processor (`createWorker(name,
 * processor)` whose body is `new Worker(name, processor, …)`), in a file that gives that queue's
 * jobs more than one attempt (`new Queue(name, { defaultJobOptions: { attempts: 3 } })` in a
 * `getQueue(name)` factory beside it): a processor handed to the function, here or in another file,
 * runs again after any failure. With the parameter's position. A file whose jobs run once is quiet.
 */
function workerFactories(ctx: FileContext): Map<string, number> {
  const out = new Map<string, number>();
  if (ctx.family !== 'ecma' || !/attempts/.test(ctx.source)) return out;
  const facts = new Set(jobAttemptFacts(ctx));
  if (facts.size === 0) return out;
  const v = retryVocab(ctx);
  for (const w of nodesOfType(ctx, 'new_expression')) {
    if (!v.jobWorkers.matches(dottedPath(w.childForFieldName('constructor')))) continue;
    const fn = enclosingFunction(w, ctx.family);
    const name = fn && functionName(fn);
    if (!fn || name === null) continue;
    const params = functionParameters(fn);
    const args = callArguments(w);
    const handed = [...args].reverse().find((a) => a.type === 'identifier' && params.includes(a.text));
    if (handed === undefined || handed.id === args[0]?.id) continue;
    const queue = args[0] ? stringValue(args[0]) : null;
    if (!facts.has('job-attempts:*') && (queue === null || !facts.has(`job-attempts:${queue}`))) continue;
    out.set(name, params.indexOf(handed.text));
  }
  return out;
}

function findRetryScopes(ctx: FileContext): Scope[] {
  const v = retryVocab(ctx);
  const scopes: Scope[] = [...loopScopesOf(ctx), ...restartLoopScopes(ctx, v)];
  const functions = functionsByName(ctx);
  const localWrappers = localRetryWrappers(ctx);

  const calls = allCalls(ctx);
  // Cheap text facts decide which per-call checks can apply at all in this file.
  const mentionsRetryKwarg = /\bretry\s*=/.test(ctx.source);
  const mentionsRetryCount = v.retryCountOptions.size > 0 && /retr|attempt|tries/i.test(ctx.source);
  for (const call of calls) {
    const path = calleePath(ctx, call);
    const local = localWrappers.get(lastSegment(path));
    // `self.retry(...)` re-runs the task it sits in; checked first since `retry` is also a wrapper name.
    if (v.taskRetryRaises.matches(path) && call.parent?.type === 'raise_statement') {
      // `raise Retry(defer=…)` (arq): the job runs again from the start.
      scopes.push(...taskRetryScope(ctx, v, call, firstLine(call.parent)));
    } else if (retriesTask(ctx, v, call)) {
      scopes.push(...taskRetryScope(ctx, v, call, firstLine(call)));
    } else if (v.wrappers.matches(path) || local !== undefined) {
      const cb = local !== undefined ? callbackAt(ctx, call, local) : firstCallback(ctx, call);
      const body = cb && resolveFunctionBody(ctx, cb, functions);
      if (body && !(cb !== null && bailsUnlessRefused(ctx, v, path, cb, body))) scopes.push({ context: 'retry', body, construct: call, label: `${path}(…)` });
      scopes.push(...hookScopes(ctx, v, call, functions, path));
    } else {
      const job = (mentionsRetryKwarg ? jobPolicyScope(ctx, v, call, functions, path) : null) ?? (mentionsRetryCount ? retryCountScope(ctx, v, call, functions, path) : null);
      if (job) scopes.push(job);
      else if (mentionsRetryKwarg && ctx.family === 'python' && retriesItself(call)) scopes.push({ context: 'retry', body: call, construct: call, label: `${path}(…, retry=…) (the call retries itself)` });
      // `pushQueue.process(fn)` on a queue imported from another file registers a processor (see
      // `jobWorkerScopes`): its retries come from the queue's attempts, not from an imported helper.
      else if (projectImportOf(ctx, path) !== undefined && !registersQueueProcessor(ctx, v, path)) scopes.push(...importedWrapperScope(ctx, call, path, functions));
      else if (ctx.family === 'ecma' && /^this\.[\w$]+\.[\w$]+$/.test(path)) scopes.push(...importedWrapperScope(ctx, call, path, functions, true));
    }
  }
  // A factory's policy that its caller's arguments decide is no scope here (see `writesParam`).
  scopes.push(...fileClientPolicyScopes(ctx).filter((s) => s.writesParam === undefined));
  scopes.push(...selfRetryScopes(ctx, v, functions));
  scopes.push(...jobFrameworkScopes(ctx, nodesOfType(ctx, 'decorator'), calls, functions, decoratedFunction));
  scopes.push(...redeliveredHandlerScopes(ctx, nodesOfType(ctx, functionTypes(ctx.family))));
  scopes.push(...redeliveryRaiseScopes(ctx));
  scopes.push(...settledMessageScopes(ctx, calls));
  scopes.push(...timerRunScopes(ctx, calls, functions));
  scopes.push(...handlerRetryScopes(ctx));
  const rescheduled = mentionsRetryCount ? rescheduledAttemptScopes(ctx, v) : [];
  const sweeps = failedRecordScopes(ctx);
  // A sweep of this file that calls the rescheduled function already retries it (and reports at its call).
  scopes.push(...(sweeps.length === 0 ? rescheduled : rescheduled.filter((r) => !sweeps.some((w) => callsWithin(ctx, w.body).some((c) => lastSegment(calleePath(ctx, c)) === r.fn)))));
  scopes.push(...sweeps);
  scopes.push(...jobWorkerScopes(ctx, v, calls, functions));
  scopes.push(...importedClientScopes(ctx, calls));
  scopes.push(...sharedClientScopes(ctx, calls));
  scopes.push(...webhookRedeliveryScopes(ctx, calls));

  for (const deco of nodesOfType(ctx, 'decorator')) {
    const expr = deco.firstNamedChild;
    if (expr === null) continue;
    const isCallDeco = isCall(expr, ctx.family);
    const path = dottedPath(isCallDeco ? callee(expr) : expr);
    const retries =
      v.decorators.matches(path) ||
      localWrappers.has(lastSegment(path)) ||
      (isCallDeco && callArguments(expr).some((a) => {
        const kw = keywordArgument(a);
        return kw !== null && v.taskRetryKwargs.has(kw.name);
      }));
    const base = !retries && isCallDeco ? retryingBaseOf(ctx, expr) : null;
    const props = !retries && isCallDeco && base === null ? retryingPropsOf(ctx, expr) : null;
    const inherited = base ?? props;
    if (inherited !== null) {
      const fn = decoratedFunction(deco, ctx.family);
      const body = fn && functionBody(fn);
      const why = base !== null ? `${base.name} retries its tasks` : `${inherited.name} holds its retry options`;
      if (body) scopes.push({ context: 'retry', body, construct: deco, label: `${firstLine(deco, 60)} (${why})`, ...(inherited.requires ? { requires: inherited.requires } : {}) });
      continue;
    }
    const imported = !retries && projectImportOf(ctx, path) !== undefined;
    if (!retries && !imported) continue;
    const fn = decoratedFunction(deco, ctx.family);
    const body = fn && functionBody(fn);
    if (body && imported) {
      scopes.push({ context: 'retry', body, construct: deco, label: firstLine(deco), requires: { kind: 'retry-wrapper', local: path, argIndex: 0 } });
      continue;
    }
    const types = isCallDeco ? retriedExceptionTypes(ctx, v, expr) : undefined;
    const onResult = isCallDeco && retriesOnResult(ctx, v, expr);
    if (body && !onResult && neverFails(ctx, body)) continue;
    if (body) scopes.push({ context: 'retry', body, construct: deco, label: firstLine(deco), ...(onResult ? { retriesOnResult: true as const } : {}), ...(types ? { retriedTypes: types } : {}) });
    if (isCallDeco) scopes.push(...hookScopes(ctx, v, expr, functions, path));
  }
  // Last: a helper of this file that another scope also reaches is claimed by that scope's own condition first.
  scopes.push(...scheduledRunScopes(ctx));
  scopes.push(...batchMarkScopes(ctx));
  return [...scopes, ...throughLocalHelpers(ctx, scopes)];
}

/**
 * A job's or a retried function's body that cannot fail: a try that catches every error and only
 * logs it (`async function reconcile() { try { … } catch (err) { log.error(err) } }` handed to a
 * BullMQ worker whose jobs get `attempts: 5`), with nothing around it but steps that cannot fail.
 * The queue or the decorator sees every run succeed and never runs it again.
 */
function neverFails(ctx: FileContext, body: Node): boolean {
  if (body.type !== 'block' && body.type !== 'statement_block') return false;
  const steps = blockStatements(body);
  const tries = steps.filter((st) => st.type === 'try_statement');
  if (tries.length === 0) return false;
  return (
    steps.every((st) => isInert(ctx, st)) &&
    tries.every((t) => tryHandlers(t, ctx.family).every((h) => blockStatements(h.body).every((st) => isInert(ctx, st))))
  );
}

/**
 * The error types a retry decorator's options name as the ones it retries (`autoretry_for=(A, B)`,
 * `retry=retry_if_exception_type((A, B))`), by their last name; undefined when the options name
 * none, or name a base of every error (`Exception`), or something else than plain names.
 */
function retriedExceptionTypes(ctx: FileContext, v: RetryVocab, deco: Node): string[] | undefined {
  if (ctx.family !== 'python') return undefined;
  let value: Node | null = null;
  for (const a of callArguments(deco)) {
    const kw = keywordArgument(a);
    if (kw === null) continue;
    if (v.taskRetryKwargs.has(kw.name)) value = kw.value;
    else if (isCall(kw.value, ctx.family) && v.exceptionTypePredicates.has(calleePath(ctx, kw.value))) value = callArguments(kw.value)[0] ?? null;
  }
  if (value === null) return undefined;
  const items = value.type === 'tuple' || value.type === 'list' || value.type === 'parenthesized_expression' ? value.namedChildren.filter((c) => c.type !== 'comment') : [value];
  if (items.length === 0 || !items.every((i) => i.type === 'identifier' || i.type === 'attribute')) return undefined;
  const names = items.map((i) => lastSegment(i.text));
  return names.some((n) => v.errorBases.has(n)) ? undefined : names;
}

/** Whether a retry decorator's options retry on the returned value (`retry=retry_if_result(…)`, or `| retry_if_exception_type(…)` beside it). */
function retriesOnResult(ctx: FileContext, v: RetryVocab, deco: Node): boolean {
  if (v.resultPredicates.size === 0) return false;
  return callArguments(deco).some((a) => {
    const value = keywordArgument(a)?.value ?? a;
    return [value, ...value.descendantsOfType('call')].some((c) => isCall(c, ctx.family) && v.resultPredicates.has(calleePath(ctx, c)));
  });
}

/** The scope of a loop when it is an attempt loop with retry behaviour, else null. */
function retryLoopScope(ctx: FileContext, v: RetryVocab, loop: Node): Scope | null {
  const body = loopBody(loop);
  if (body === null) return null;
  const header = attemptHeader(ctx, v, loop) ?? failoverHeader(ctx, loop);
  if (header === null || drainsQueue(ctx, v, body) || drainsListing(ctx, body) || pagesByCursor(ctx, body)) return null;
  const behaviour = retryBehaviour(ctx, body, header.flag, header.cleared);
  const ok = header.failover ? behaviour.failsOver : header.infinite ? behaviour.retriesAfterFailure && behaviour.exitAfterAttempt : behaviour.retriesAfterFailure || behaviour.successExit;
  if ((!ok && !header.certain) || behaviour.localFailuresOnly) return null;
  const head = headerLine(loop);
  const label = header.failover ? `${head} (after a failure the next one is tried, until one succeeds)` : head;
  // A loop run while its flag holds retries its tries' work; what a handler does (ask for a new
  // proxy, log) is the answer to one failed attempt, not a write the next attempt repeats.
  const handlers = header.cleared ? nodesWithin(ctx, body, 'try_statement').flatMap((t) => tryHandlers(t, ctx.family).map((h) => h.body)) : [];
  const excludes = [...handlers, ...registeredProcessors(ctx, v, body)];
  return { context: 'retry', body, construct: loop, label, failsOut: true, ...(header.failover ? { failover: true as const } : {}), ...(header.counter ? { counter: header.counter } : {}), ...(excludes.length > 0 ? { excludes } : {}) };
}

/**
 * `while (retryCount < maxRetries) { try { queue.process('escalation', async (job) => …); break } catch … }`:
 * an attempt registers a job processor (`new Worker(name, fn)`, `queue.process(name, fn)`,
 * vocabulary `retry.job_workers`); the function it hands over runs once per job, later, not in the
 * attempt, and its sends are repeated by the queue's own attempts if anything.
 */
function registeredProcessors(ctx: FileContext, v: RetryVocab, body: Node): Node[] {
  if (ctx.family !== 'ecma') return [];
  const out: Node[] = [];
  for (const w of [...nodesWithin(ctx, body, 'new_expression'), ...callsWithin(ctx, body)]) {
    const path = w.type === 'new_expression' ? dottedPath(w.childForFieldName('constructor')) : calleePath(ctx, w);
    if (w.type === 'new_expression' ? !v.jobWorkers.matches(path) : !registersQueueProcessor(ctx, v, path)) continue;
    out.push(...callArguments(w).filter((a) => isFunction(a, ctx.family)));
  }
  return out;
}

/**
 * Restart loops: `while True: try: main_fn() except Exception as e: send_telegram(f"crashed: {e}")`,
 * `while (true) { try { await bot.startPolling(); } catch (err) { await notifyAdmin(err); } }`. The
 * loop's only step is a try around one call of a long-running entry point (a word of
 * `retry.restart_words` in its name) and a handler of every error that does not leave: the entry
 * point is started again after each crash, and the handler runs once per crash. Only the handler
 * is in scope, as a per-attempt hook: the entry point itself is no attempt that repeats a send (a
 * restarted trading loop sends its next message, not the last one again). A poller (`check();
 * time.sleep(60)`, or a wait after the try) runs on success too: no restart loop, unless its
 * handler names timeouts (`except (socket.timeout, ReadTimeout) as e: send_telegram(…)`): a
 * handler for the failures that pass says the loop tries the same pass again after them, so it
 * alerts once per failed attempt; so does the timeout branch of a handler of every error
 * (`catch (e) { if (e.code === 'ETIMEDOUT') await alert(…) }`), since a JavaScript catch names no
 * type. A loop that takes the next item each pass (a consumer) is none.
 */
function restartLoopScopes(ctx: FileContext, v: RetryVocab): Scope[] {
  if (ctx.vocab.retry.restart_words.length === 0) return [];
  const out: Scope[] = [];
  for (const loop of nodesOfType(ctx, loopTypes(ctx.family))) {
    if (!runsForever(loop, ctx.family)) continue;
    const body = loopBody(loop);
    const steps = body === null ? [] : blockStatements(body);
    const attempt = steps.length === 1 ? steps[0]! : null;
    if (attempt?.type !== 'try_statement' || attempt.namedChildren.some((c) => c.type === 'else_clause' || c.type === 'finally_clause')) continue;
    const inside = tryBody(attempt);
    const only = inside === null ? [] : blockStatements(inside);
    const expr = only.length === 1 && only[0]!.type === 'expression_statement' ? unwrapAwait(only[0]!.firstNamedChild) : null;
    const entry = expr !== null && isCall(expr, ctx.family) && v.restartWords.anyWordOf(lastSegment(calleePath(ctx, expr)));
    const timeouts = (h: { type: Node | null }) => h.type !== null && exceptionPaths(h.type).some((p) => timeoutException(ctx, p));
    if (!entry && (inside === null || drainsQueue(ctx, v, inside) || takesNextItem(ctx, v, inside))) continue;
    for (const h of tryHandlers(attempt, ctx.family)) {
      const broad = h.type === null || exceptionPaths(h.type).some((p) => v.errorBases.has(lastSegment(p)));
      // A handler of every error says which failures pass by testing them (`catch (e) { if (e.code ===
      // 'ETIMEDOUT') … }`, `if isinstance(e, socket.timeout):`): the timeout branch is that handler.
      const bodies = entry ? (broad ? [h.body] : []) : timeouts(h) ? [h.body] : broad ? timeoutBranches(ctx, h.body) : [];
      for (const body of bodies) {
        if (endsByLeaving(body, ctx.family) || raisesWithin(body, ctx.family)) continue;
        const what = entry ? `restarts ${calleePath(ctx, expr!)}() after every crash` : 'tries the same pass again after every timeout';
        const label = `${headerLine(loop)} (${what})`;
        out.push({ context: 'retry', body, construct: loop, label, hook: true });
      }
    }
  }
  return out;
}

/**
 * The branches of a handler's own `if` chains taken on a timeout: one whose condition tests for it, not
 * one that tests for its absence (`if (e.code !== 'ETIMEDOUT') alert()` alerts on every other failure).
 */
function timeoutBranches(ctx: FileContext, handler: Node): Node[] {
  return blockStatements(handler)
    .filter((st) => st.type === 'if_statement')
    .flatMap((st) => ifChain(st, ctx.family).filter((b) => b.condition !== null && mentionsTimeout(ctx, b.condition) && !negatesTimeout(ctx, b.condition)).map((b) => b.body));
}

/** `while True:`, `while (true)`, `for (;;)`: a loop with no condition that can end it. */
function runsForever(loop: Node, family: Family): boolean {
  if (loop.type === 'while_statement') return /^(True|true|1)$/.test(unwrapParens(loop.childForFieldName('condition'))?.text.trim() ?? '');
  if (loop.type === 'for_statement' && family === 'ecma') {
    const cond = loop.childForFieldName('condition');
    return cond === null || cond.text.trim() === ';' || cond.text.trim() === '';
  }
  return false;
}

/**
 * The loop takes the next item off a queue each pass and leaves when none came (`task = r.lpop(q)`
 * then `if not task: break`): it drains the queue, and a failure moves on to the next item, not
 * to another attempt at this one (SMS-SenderV2 webhooks/views.py, `for i in range(max_tasks)`).
 */
function drainsQueue(ctx: FileContext, v: RetryVocab, body: Node): boolean {
  if (v.drainMethods.empty) return false;
  const own = (n: Node) => !hasFunctionBetween(n, body, ctx.family) && !nestedLoopBetween(n, body, ctx.family);
  for (const a of body.descendantsOfType(['assignment', 'variable_declarator']).filter(own)) {
    const target = a.childForFieldName('left') ?? a.childForFieldName('name');
    const value = unwrapAwait(a.childForFieldName('right') ?? a.childForFieldName('value'));
    if (target?.type !== 'identifier' || value === null || !isCall(value, ctx.family) || !v.drainMethods.matches(lastSegment(calleePath(ctx, value)))) continue;
    const statement = a.type === 'variable_declarator' ? a.parent : a.parent?.type === 'expression_statement' ? a.parent : null;
    const block = statement?.parent;
    if (!statement || !block) continue;
    const later = blockStatements(block).filter((st) => st.startIndex > statement.startIndex);
    if (later.some((st) => leavesWhenEmpty(ctx, st, target.text))) return true;
  }
  return false;
}

/**
 * A pass that takes its next item by waiting for it (`job = r.brpop("jobs")`, `msg = await ws.recv()`,
 * `records = consumer.poll(1.0)`; vocabulary `retry.take_methods`): a consumer, whose timeout handler
 * answers one item's failure, not the same pass tried again.
 */
function takesNextItem(ctx: FileContext, v: RetryVocab, body: Node): boolean {
  if (v.takeMethods.empty) return false;
  return body.descendantsOfType(['assignment', 'variable_declarator']).some((a) => {
    if (hasFunctionBetween(a, body, ctx.family) || nestedLoopBetween(a, body, ctx.family)) return false;
    const value = unwrapAwait(a.childForFieldName('right') ?? a.childForFieldName('value'));
    return value !== null && isCall(value, ctx.family) && v.takeMethods.matches(lastSegment(calleePath(ctx, value)));
  });
}

/**
 * The loop lists a batch each pass, leaves when the listing came back empty, and works through the
 * batch (`const invoices = await getExpired({ cursor }); if (invoices.length === 0) break;` then a
 * loop or a callback over `invoices`): it pages or drains a listing, and each pass acts on other
 * records, not again on the same ones (a cron voiding expired invoices page by page; a teardown
 * script deleting what a list returns until it returns nothing). A retry loop never leaves on an
 * empty answer.
 */
function drainsListing(ctx: FileContext, body: Node): boolean {
  const own = (n: Node) => !hasFunctionBetween(n, body, ctx.family) && !nestedLoopBetween(n, body, ctx.family);
  // What a pass reads: a call's result, or a value made from one (`items = [c for c in page.data if …]`).
  const read = new Set<string>();
  for (const a of body.descendantsOfType(['assignment', 'variable_declarator']).filter(own)) {
    const target = a.childForFieldName('left') ?? a.childForFieldName('name');
    const value = unwrapAwait(a.childForFieldName('right') ?? a.childForFieldName('value'));
    if (target?.type !== 'identifier' || value === null) continue;
    if (!isCall(value, ctx.family) && !value.descendantsOfType('identifier').some((id) => read.has(id.text))) continue;
    read.add(target.text);
    const statement = a.type === 'variable_declarator' ? a.parent : a.parent?.type === 'expression_statement' ? a.parent : null;
    const block = statement?.parent;
    if (!statement || !block) continue;
    const later = blockStatements(block).filter((st) => st.startIndex > statement.startIndex);
    const at = later.findIndex((st) => leavesWhenNoneListed(ctx, st, target.text));
    if (at >= 0 && later.slice(at + 1).some((st) => iteratesOver(ctx, st, target.text))) return true;
  }
  return false;
}

/**
 * The loop takes a cursor from each answer and leaves when none came (`continuation =
 * extract_token(data)` then `if not continuation: break`), and the pass sends that value in its
 * request (`if continuation: body["continuation"] = continuation`, then `post(…, json=body)`): each pass asks for the next page,
 * not again for the same one (a feed read page by page under `for page in range(20)`, a
 * `while (true)` listing by `next_cursor`). A retry sends the same request again; it never leaves
 * because an answer held no cursor.
 */
function pagesByCursor(ctx: FileContext, body: Node): boolean {
  const own = (n: Node) => !hasFunctionBetween(n, body, ctx.family) && !nestedLoopBetween(n, body, ctx.family);
  // What this pass received: a call's result, or a value made from one (`data = await resp.json()`).
  const answers = new Set<string>();
  const mentionsAnswer = (n: Node) => n.descendantsOfType('identifier').some((id) => answers.has(id.text));
  for (const a of body.descendantsOfType(['assignment', 'assignment_expression', 'variable_declarator']).filter(own)) {
    const target = a.childForFieldName('left') ?? a.childForFieldName('name');
    const value = unwrapAwait(a.childForFieldName('right') ?? a.childForFieldName('value'));
    if (target?.type !== 'identifier' || value === null) continue;
    // The cursor is taken from the answer (`extract_token(data)`, `data.next_cursor`), not made afresh (`token = refresh()`).
    const fromAnswer = mentionsAnswer(value);
    if (isCall(value, ctx.family) || fromAnswer) answers.add(target.text);
    if (!fromAnswer || a.type === 'variable_declarator') continue;
    const statement = a.parent?.type === 'expression_statement' ? a.parent : null;
    const block = statement?.parent;
    if (!statement || !block) continue;
    const later = blockStatements(block).filter((st) => st.startIndex > statement.startIndex);
    if (!later.some((st) => leavesWhenEmpty(ctx, st, target.text))) continue;
    // Sent back earlier in the pass: the value the next pass asks with.
    if (sentInRequest(ctx, body, target.text, statement, own)) return true;
  }
  return false;
}

/**
 * `name` reaches the arguments of a request made in the pass before `before`, directly
 * (`params={"cursor": cursor}`) or through a binding (`body["continuation"] = continuation`, then
 * `session.post(URL, json=body)`). The request is a call whose result the pass keeps (`resp = …`):
 * a retry that logs the last error at the top of the pass (`logger.warning("…", err)`) hands it to
 * a call too, but asks with the same request again.
 */
function sentInRequest(ctx: FileContext, body: Node, name: string, before: Node, own: (n: Node) => boolean): boolean {
  const carriers = new Set([name]);
  const isTarget = (id: Node) => id.parent?.childForFieldName('left')?.id === id.id || id.parent?.childForFieldName('name')?.id === id.id;
  for (const id of body.descendantsOfType(['identifier', 'shorthand_property_identifier'])) {
    if (id.endIndex > before.startIndex) break;
    if (!carriers.has(id.text) || isTarget(id) || !own(id)) continue;
    // The outermost call whose arguments hold the identifier, and whether its result is kept.
    let request: Node | null = null;
    let binding: Node | null = null;
    for (let n: Node = id, p = id.parent; p !== null && n.id !== body.id; n = p, p = p.parent) {
      if (isFunction(p, ctx.family)) break;
      if (isCall(p, ctx.family) && p.childForFieldName('arguments')?.id === n.id) request = p;
      if (['assignment', 'assignment_expression', 'variable_declarator'].includes(p.type)) {
        binding = p;
        break;
      }
    }
    const value = binding === null ? null : unwrapAwait(binding.childForFieldName('right') ?? binding.childForFieldName('value'));
    if (request !== null && value !== null && (value.id === request.id || contains(value, request))) return true;
    // Through a binding: `body["continuation"] = continuation`, `params = {"cursor": cursor}`.
    if (binding === null || value === null || !contains(value, id)) continue;
    let left = binding.childForFieldName('left') ?? binding.childForFieldName('name');
    while (left !== null && ['subscript', 'subscript_expression', 'member_expression', 'attribute'].includes(left.type)) left = left.childForFieldName('object') ?? left.childForFieldName('value');
    if (left?.type === 'identifier') carriers.add(left.text);
  }
  return false;
}

/** `if (items.length === 0) break;`, `if not items: return acted`, `if len(rows) == 0: break`. */
function leavesWhenNoneListed(ctx: FileContext, statement: Node, name: string): boolean {
  if (statement.type !== 'if_statement') return false;
  const [first, ...rest] = ifChain(statement, ctx.family);
  const condition = first?.condition ? unwrapParens(first.condition) : null;
  if (!first || condition === null || rest.length > 0) return false;
  const text = condition.text.replace(/\s+/g, ' ').trim();
  const empty = [`!${name}.length`, `${name}.length === 0`, `${name}.length == 0`, `${name}.length < 1`, `!${name}?.length`, `${name}?.length === 0`, `not ${name}`, `len(${name}) == 0`, `len(${name}) < 1`];
  const steps = blockStatements(first.body);
  return empty.includes(text) && steps.length > 0 && steps.every((st) => st.type === 'break_statement' || st.type === 'return_statement');
}

/** A loop whose header names `name`, or a call handing a function a walk over it (`name.map(fn)`, `all(name, n, fn)`). */
function iteratesOver(ctx: FileContext, statement: Node, name: string): boolean {
  const mentions = (n: Node | null) => n !== null && (n.text === name || n.descendantsOfType('identifier').some((id) => id.text === name));
  for (const loop of [statement, ...statement.descendantsOfType([...loopTypes(ctx.family)])]) {
    if (!isLoop(loop, ctx.family)) continue;
    const header = ['right', 'condition', 'value'].map((f) => loop.childForFieldName(f));
    if (header.some(mentions)) return true;
  }
  for (const call of statement.descendantsOfType(ctx.family === 'python' ? 'call' : 'call_expression')) {
    const args = callArguments(call);
    if (!args.some((x) => isFunction(x, ctx.family))) continue;
    const receiver = callee(call)?.childForFieldName('object') ?? null;
    if (receiver?.text === name || args.some((x) => x.text === name)) return true;
  }
  return false;
}

/** `if not task: break`, `if (!job) return;`, `if task is None: break`: leaves the loop when nothing was taken. */
function leavesWhenEmpty(ctx: FileContext, statement: Node, name: string): boolean {
  if (statement.type !== 'if_statement') return false;
  const [first] = ifChain(statement, ctx.family);
  const condition = first?.condition ? unwrapParens(first.condition) : null;
  if (!first || condition === null) return false;
  const text = condition.text.replace(/\s+/g, ' ').trim();
  const empty = [`not ${name}`, `!${name}`, `${name} is None`, `${name} === null`, `${name} == null`, `${name} === undefined`, `!${name}?.length`];
  const steps = blockStatements(first.body);
  return empty.includes(text) && steps.length > 0 && steps.every((st) => st.type === 'break_statement' || (st.type === 'return_statement' && st.namedChildren.length === 0));
}

function nestedLoopBetween(node: Node, ancestor: Node, family: Family): boolean {
  for (let p = node.parent; p !== null && p.id !== ancestor.id; p = p.parent) if (isLoop(p, family)) return true;
  return false;
}

interface AttemptHeader {
  counter?: string;
  /** Runs until something leaves (`while True`), so it needs a way out after the attempt. */
  infinite: boolean;
  /** The header alone proves retrying (`for attempt in Retrying(...)`). */
  certain: boolean;
  /** The flag the loop runs until it is set (`sent` of `while not sent`): setting it leaves. */
  flag?: string;
  /** The flag is one the loop runs while it holds (`order_pending` of `while order_pending:`): clearing it leaves. */
  cleared?: boolean;
  /** A walk over alternatives (providers, endpoints): a retry only when it fails over (see `Behaviour.failsOver`). */
  failover?: true;
}

/**
 * `for (const mapping of mappings) { try { await api.createOrder(mapping.provider, order); …; return } catch (e) { log } }`:
 * a walk over data is no attempt loop by its header, but one whose try leaves the loop once its
 * work succeeded and whose handler of an error that leaves the outcome unknown goes on to the next
 * item fails over: the same work is tried again elsewhere after a timeout that may have done it.
 * A batch walk goes on after a success too, so it never has that shape.
 */
function failoverHeader(ctx: FileContext, loop: Node): AttemptHeader | null {
  const walks = ctx.family === 'python' ? loop.type === 'for_statement' : loop.type === 'for_in_statement';
  return walks ? { infinite: false, certain: false, failover: true } : null;
}

/** Whether the loop's header counts attempts or loops until done, rather than iterating data. */
function attemptHeader(ctx: FileContext, v: RetryVocab, loop: Node): AttemptHeader | null {
  const body = loopBody(loop);
  if (loop.type === 'for_statement' && ctx.family === 'python') {
    const left = loop.childForFieldName('left');
    const iterable = unwrapAwait(loop.childForFieldName('right'));
    // `retrying = Retrying(stop=…)` bound before the loop, then `for attempt in retrying:`.
    const right = iterable?.type === 'identifier' ? unwrapAwait(lastBindingBefore(ctx, iterable.text, loop)) : iterable;
    if (right === null || !isCall(right, 'python')) return null;
    if (right !== iterable && !v.iterators.matches(dottedPath(callee(right)))) return null;
    const path = dottedPath(callee(right));
    const counter = left?.type === 'identifier' ? left.text : undefined;
    if (v.iterators.matches(path)) return { ...(counter ? { counter } : {}), infinite: false, certain: true };
    if (path !== 'range' && path !== 'itertools.count' && path !== 'count') return null;
    if (right.text.includes('len(')) return null;
    if (counter === undefined) return null;
    if (counter !== '_' && !v.counterWords.anyWordOf(counter) && body && usedAsIndex(body, counter, v.waitWords)) return null;
    return { counter, infinite: path !== 'range', certain: false };
  }
  if (loop.type === 'for_statement') {
    const init = loop.childForFieldName('initializer');
    const cond = loop.childForFieldName('condition');
    const counter = init?.descendantsOfType('identifier')[0]?.text;
    if (cond === null || cond.text.trim() === ';' || cond.text.trim() === '') return { infinite: true, certain: false };
    if (cond.text.includes('length') || cond.text.includes('size')) return null;
    if (counter === undefined) return null;
    if (!v.counterWords.anyWordOf(counter) && body && usedAsIndex(body, counter, v.waitWords)) return null;
    return { counter, infinite: false, certain: false };
  }
  if (loop.type === 'while_statement' || loop.type === 'do_statement') {
    const cond = unwrapParens(loop.childForFieldName('condition'));
    if (cond === null) return null;
    const text = cond.text.trim();
    if (text === 'True' || text === 'true' || text === '1') return { infinite: true, certain: false };
    const ids = cond.type === 'identifier' ? [cond] : cond.descendantsOfType('identifier');
    const counter = ids.find((id) => v.counterWords.anyWordOf(id.text));
    if (counter) return { counter: counter.text, infinite: false, certain: false };
    const negated = /^(not\s|!)/.test(text);
    const flag = negated ? ids.find((id) => v.doneWords.anyWordOf(id.text)) : undefined;
    if (flag) return { infinite: true, certain: false, flag: flag.text };
    // `while order_pending:` whose try clears the flag (`order_pending = False`) as a step of its
    // own, not under a condition: it runs until an attempt gets that far, as `while not sent` runs
    // until one sets `sent`. (A pager's `has_more = False` when the last page came, a worker's
    // `running = False` on a stop message, are set under a condition: no attempt loop.)
    if (cond.type === 'identifier' && body !== null && flagSets(body, cond.text, true).some(isStepOfTry)) return { infinite: true, certain: false, flag: cond.text, cleared: true };
    // Any name the loop counts up or down (`while n < 3`, `while (left--)`): an attempt loop only
    // when its body also retries after a failure and leaves once an attempt succeeds.
    const counted = body && ids.find((id) => isCountedIn(loop, id.text));
    if (counted) return { counter: counted.text, infinite: true, certain: false };
    return null;
  }
  return null;
}

/** An assignment that is a statement of a try's own block (`try: place(); pending = False`). */
function isStepOfTry(assignment: Node): boolean {
  const statement = assignment.parent;
  const block = statement?.type === 'expression_statement' ? statement.parent : null;
  return block !== null && block.parent?.type === 'try_statement' && block.parent.childForFieldName('body')?.id === block.id;
}

/**
 * `n += 1`, `n -= 1`, `n++`, `--n`, `n = n + 1` anywhere in the loop (its condition included), or a
 * bound the loop grows or shrinks by a factor (`delay *= 2`, `wait = wait * 2`, `budget /= 2`): an
 * exponential back-off whose delay the condition caps (`while (lapse < maxTime)`) counts its attempts
 * as surely as a counter does.
 */
function isCountedIn(loop: Node, name: string): boolean {
  for (const u of loop.descendantsOfType(['augmented_assignment', 'update_expression', 'augmented_assignment_expression'])) {
    const target = u.childForFieldName('left') ?? u.childForFieldName('argument') ?? u.firstNamedChild;
    if (target?.type === 'identifier' && target.text === name) {
      const op = u.type === 'update_expression' ? '' : (u.childForFieldName('operator')?.text ?? u.children[1]?.text ?? '');
      if (u.type === 'update_expression' || COUNTING_OPERATORS.has(op)) return true;
    }
  }
  for (const a of loop.descendantsOfType(['assignment', 'assignment_expression'])) {
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type === 'identifier' && left.text === name && right !== null && new RegExp(`^${name}\\s*(?:[-+*/]|\\*\\*|<<|>>)\\s*\\d+(?:\\.\\d+)?$`).test(right.text)) return true;
  }
  return false;
}

/** Operators that step a number by an amount or a factor. */
const COUNTING_OPERATORS = new Set(['+=', '-=', '*=', '/=', '**=', '<<=', '>>=']);

/**
 * Whether `name` indexes something in `body` (`items[i]`): then the loop walks data. An index that
 * only picks how long to wait before the next attempt (`await sleep(INLINE_DELAYS[i])`,
 * `setTimeout(r, BACKOFF[i])`, `delay = DELAYS[attempt]`) reads a back-off schedule: the same work
 * is tried again, as in any attempt loop.
 */
function usedAsIndex(body: Node, name: string, waitWords: WordSet): boolean {
  return body
    .descendantsOfType(['subscript', 'subscript_expression'])
    .some((s) => (s.childForFieldName('subscript') ?? s.childForFieldName('index'))?.text === name && !picksWait(s, waitWords));
}

/** Whether a subscript is handed to a call that waits, or bound to a name of a wait (see `usedAsIndex`). */
function picksWait(subscript: Node, waitWords: WordSet): boolean {
  for (let p = subscript.parent; p !== null; p = p.parent) {
    if (p.type === 'call' || p.type === 'call_expression') {
      const fn = p.childForFieldName('function');
      const name = lastSegment(dottedPath(fn));
      return fn !== null && (waitWords.has(name) || waitWords.anyWordOf(name));
    }
    if (p.type === 'variable_declarator' || p.type === 'assignment' || p.type === 'assignment_expression') {
      const left = p.childForFieldName('name') ?? p.childForFieldName('left');
      return left?.type === 'identifier' && waitWords.anyWordOf(left.text);
    }
    // Only the expression the subscript is part of: not across a statement or a function.
    if (p.type.endsWith('statement') || p.type.includes('function') || p.type === 'lambda') return false;
  }
  return false;
}

interface Behaviour {
  /**
   * A try in the body that retries: a handler falls through to the next iteration (it ends with
   * `continue`, or does not leave while the try itself leaves on success with `break`/`return`).
   * A try whose handler only supplies a fallback value (`except IndexError: c = None`) and goes on
   * with the iteration is not one.
   */
  retriesAfterFailure: boolean;
  /** Every handler that goes on to another attempt does so only after a failure of the app's own store (`retry.local_failure_texts`). */
  localFailuresOnly: boolean;
  /** A `return`/`break` outside every except/catch: a way out when an attempt succeeds. */
  successExit: boolean;
  /** A `return`/`break` inside or after a retrying try (a way out once an attempt succeeds). */
  exitAfterAttempt: boolean;
  /**
   * A try that leaves the loop from its own block (its work succeeded) and has a handler of an error
   * that leaves the outcome unknown (every error, a timeout, a transport error) that goes on to the next pass.
   */
  failsOver: boolean;
}

function retryBehaviour(ctx: FileContext, body: Node, flag?: string, cleared = false): Behaviour {
  const family = ctx.family;
  const own = (n: Node) => !hasFunctionBetween(n, body, family) && !hasLoopBetween(n, body, family);
  const tries = nodesWithin(ctx, body, 'try_statement').filter(own);
  const exits = [...body.descendantsOfType(['return_statement', 'break_statement']), ...(flag === undefined ? [] : flagSets(body, flag, cleared))].filter(own);
  const handlers = tries.flatMap((t) => tryHandlers(t, family));
  const inHandler = (e: Node) => handlers.some((h) => contains(h.body, e));
  const topLevel = blockStatements(body);
  const retrying = tries.filter((t) => {
    const leavesOnSuccess = exits.some((e) => contains(t, e) && !inHandler(e));
    // The try closes the iteration (only waiting follows it), so a handler that does not leave
    // goes straight to the next attempt, whose condition (`while not done`) decides.
    const index = topLevel.findIndex((st) => st.id === t.id);
    // A Python `else:` that carries on with the result is a success path that loops on: iteration.
    const closesIteration = index >= 0 && !t.namedChildren.some((c) => c.type === 'else_clause') && topLevel.slice(index + 1).every((st) => WAITING.test(ctx.source.slice(st.startIndex, st.endIndex)) || !/\(/.test(ctx.source.slice(st.startIndex, st.endIndex)));
    return tryHandlers(t, family).some((h) => !endsByLeaving(h.body, family) && !retriesLocalFailureOnly(ctx, h.body) && (endsWithContinue(h.body) || leavesOnSuccess || closesIteration));
  });
  const failsOver = tries.some(
    (t) =>
      exits.some((e) => contains(t, e) && !inHandler(e) && endsWalkOnSuccess(e, t)) &&
      tryHandlers(t, family).some((h) => handlesAmbiguous(ctx, h) && !endsByLeaving(h.body, family) && !retriesLocalFailureOnly(ctx, h.body)),
  );
  const firstRetrying = retrying[0];
  // Some handler retries a local lock only, and every other leaves with no `continue` on the way.
  const local = handlers.filter((h) => retriesLocalFailureOnly(ctx, h.body));
  const leaves = (h: { body: Node }) => endsByLeaving(h.body, family) && h.body.descendantsOfType('continue_statement').length === 0;
  return {
    localFailuresOnly: local.length > 0 && handlers.every((h) => local.includes(h) || leaves(h)),
    retriesAfterFailure: retrying.length > 0,
    successExit: exits.some((e) => !inHandler(e)),
    exitAfterAttempt: firstRetrying !== undefined && exits.some((e) => e.startIndex > firstRetrying.startIndex && !inHandler(e)),
    failsOver,
  };
}

/**
 * A handler that leaves on every error but one whose text names a failure of the app's own store
 * (`if "database is locked" not in str(e).lower(): raise`, or `if (e.code === 'SQLITE_BUSY')
 * { await sleep(); continue } throw e`): the loop retries a local lock only, never a remote answer.
 * Its first test (after any bindings such as `msg = str(e).lower()`) is of such a text
 * (`retry.local_failure_texts`), read structurally: either the test is negated and its branch leaves,
 * or it holds only for the local failure and the other way through leaves.
 */
function retriesLocalFailureOnly(ctx: FileContext, handler: Node): boolean {
  if (ctx.vocab.retry.local_failure_texts.length === 0) return false;
  const statements = blockStatements(handler);
  const first = statements.find((st) => !isBindingStatement(st));
  if (first === undefined || first.type !== 'if_statement') return false;
  const condition = first.childForFieldName('condition');
  if (condition === null || !mentionsLocalFailure(ctx, condition) || localWritesFollowRemote(ctx, handler)) return false;
  const branch = first.childForFieldName('consequence');
  const alternative = first.childForFieldName('alternative');
  if (alternative !== null) {
    // `if (e.code === 11000) { attempts++; … } else { throw e }`: the other way through leaves, so
    // the test's branch is the only one that goes on to another attempt. Any other `else` is another
    // way through, and so is a test that also holds for another error (`… or "timed out" in str(e)`).
    const otherWay = alternative.type === 'else_clause' ? (alternative.childForFieldName('body') ?? alternative.namedChildren[0] ?? null) : null;
    return otherWay !== null && endsByLeaving(otherWay, ctx.family) && onlyLocalFailure(ctx, condition);
  }
  // `if "database is locked" not in str(e): raise`: the branch that leaves is the one for every other
  // error, so the test must be negated; `if ('duplicate key' in msg) return` leaves on the local refusal
  // and goes on to another attempt after every other error, and `if (e.code !== 11000 && attempt >= 3)
  // throw e` goes on after every other error until the third attempt.
  const branchLeaves = branch !== null && endsByLeaving(branch, ctx.family);
  if (branchLeaves) return negatesLocalFailure(ctx, condition);
  return onlyLocalFailure(ctx, condition) && endsByLeaving(handler, ctx.family);
}

/**
 * Whether the app's own store is written in the handler's try only after a remote write or send
 * (`res = requests.post(…); db.insert(…)`): the duplicate key or lock the handler tests can then only
 * come from that later write, so the next attempt makes the remote write again. A store write before
 * it (`new Reservation(data).save()` then the e-mail) fails before anything leaves the app, and a try
 * with no store write of its own (`account.submit_order(order)`) says nothing about where it fails.
 */
function localWritesFollowRemote(ctx: FileContext, handler: Node): boolean {
  let t: Node | null = handler.parent;
  while (t !== null && t.type !== 'try_statement') t = t.parent;
  const body = t === null ? null : tryBody(t);
  if (body === null) return false;
  const remote = writesOrSendsIn(ctx, body)[0];
  if (remote === undefined) return false;
  const methods = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  const stores = callsWithin(ctx, body).filter((c) => methods.has(lastSegment(calleePath(ctx, c))) && !writesOrSendsIn(ctx, c).includes(c));
  return stores.length > 0 && stores.every((c) => c.startIndex >= remote.endIndex);
}

/** `msg = str(e).lower()`, `const text = String(err)`: a binding before the handler's test. */
function isBindingStatement(st: Node): boolean {
  if (st.type === 'lexical_declaration' || st.type === 'variable_declaration') return true;
  const inner = st.type === 'expression_statement' ? st.namedChildren[0] : undefined;
  return inner !== undefined && (inner.type === 'assignment' || inner.type === 'assignment_expression');
}

/**
 * Whether a node tests a text or number of `retry.local_failure_texts`: a text as a part of a tested
 * string (`"E11000 duplicate key …"`), a number whole (`11000` matches `11000`, not `110000`).
 */
function mentionsLocalFailure(ctx: FileContext, node: Node): boolean {
  const { words, numbers } = compiledOnce(ctx.vocab, 'local-failure-texts', () => {
    const all = ctx.vocab.retry.local_failure_texts.map((t) => t.toLowerCase());
    return { words: all.filter((t) => !/^\d+$/.test(t)), numbers: new Set(all.filter((t) => /^\d+$/.test(t))) };
  });
  const strings = stringsUnder(node).map((s) => s.trim().toLowerCase());
  if (strings.some((s) => numbers.has(s) || words.some((t) => s.includes(t)))) return true;
  return node.descendantsOfType(['integer', 'number']).some((n) => numbers.has(n.text)) || ((node.type === 'integer' || node.type === 'number') && numbers.has(node.text));
}

function logicalOperator(c: Node): string | undefined {
  if (c.type !== 'binary_expression' && c.type !== 'boolean_operator') return undefined;
  const op = c.childForFieldName('operator')?.text ?? c.children.find((ch) => !ch.isNamed)?.text;
  return op === '&&' || op === 'and' ? 'and' : op === '||' || op === 'or' ? 'or' : undefined;
}


function comparisonOperator(c: Node): string | undefined {
  if (c.type === 'comparison_operator') return c.children.filter((ch) => !ch.isNamed).map((ch) => ch.text).join(' ');
  if (c.type === 'binary_expression') return c.childForFieldName('operator')?.text;
  return undefined;
}

/**
 * Whether a condition holds for every error that is not the local failure (modelled on
 * `negatesTimeout`): `e.code !== 11000`, `"database is locked" not in msg`, `!msg.includes('P2002')`,
 * or such a test joined with `||` to other ways out. A conjunction (`e.code !== 11000 && attempt >= 3`)
 * holds only when every side does; a `!=` elsewhere negates nothing of the local test.
 */
function negatesLocalFailure(ctx: FileContext, condition: Node): boolean {
  const c = unwrapParens(condition);
  if (c === null) return false;
  const logical = logicalOperator(c);
  const sides = [c.childForFieldName('left'), c.childForFieldName('right')].filter((n): n is Node => n !== null);
  if (logical === 'or') return sides.some((side) => negatesLocalFailure(ctx, side));
  if (logical === 'and') return sides.length > 0 && sides.every((side) => negatesLocalFailure(ctx, side));
  const inner = negatedOperand(c);
  if (inner !== null) return onlyLocalFailure(ctx, inner);
  const op = comparisonOperator(c);
  return op !== undefined && /^(!==|!=|not in|is not)$/.test(op) && mentionsLocalFailure(ctx, c);
}

/**
 * Whether a condition holds only for the local failure: `e.code === 11000`, `"duplicate key" in msg`,
 * `msg.includes('P2002')`, joined with `&&` to anything (`… && error.keyPattern.id`). A `||` with
 * another test is another way through (`… or "timed out" in str(e)`), unless every side is local.
 */
function onlyLocalFailure(ctx: FileContext, condition: Node): boolean {
  const c = unwrapParens(condition);
  if (c === null) return false;
  const logical = logicalOperator(c);
  const sides = [c.childForFieldName('left'), c.childForFieldName('right')].filter((n): n is Node => n !== null);
  if (logical === 'and') return sides.some((side) => onlyLocalFailure(ctx, side));
  if (logical === 'or') return sides.length > 0 && sides.every((side) => onlyLocalFailure(ctx, side));
  const inner = negatedOperand(c);
  if (inner !== null) return negatesLocalFailure(ctx, inner);
  const op = comparisonOperator(c);
  if (op !== undefined) return /^(===|==|in|is)$/.test(op) && mentionsLocalFailure(ctx, c);
  // `msg.includes('duplicate key')`, `str(e).startswith("database is locked")`
  return isCall(c, ctx.family) && mentionsLocalFailure(ctx, c);
}

/**
 * `sent = True`, `success = true`: the statements that set a loop's flag, so it stops; with
 * `cleared`, those that clear a flag the loop runs while it holds (`order_pending = False`).
 */
function flagSets(body: Node, flag: string, cleared = false): Node[] {
  return body.descendantsOfType(['assignment', 'assignment_expression']).filter((a) => {
    const right = a.childForFieldName('right')?.text;
    if (a.childForFieldName('left')?.text !== flag || right === undefined) return false;
    return cleared ? /^(False|false)$/.test(right) : !/^(False|false|None|null|undefined|0)$/.test(right);
  });
}

/** Statements that only wait or log between attempts. */
const WAITING = /\b(sleep|setTimeout|delay|wait|backoff|jitter|log|logger|warn|warning|debug|info)\b/i;

function endsWithContinue(block: Node): boolean {
  return blockStatements(block).at(-1)?.type === 'continue_statement';
}

/** A `break` in an inner loop leaves that loop, not the attempt loop. */
function hasLoopBetween(node: Node, ancestor: Node, family: Family): boolean {
  if (node.type !== 'break_statement') return false;
  for (let p = node.parent; p !== null && p.id !== ancestor.id; p = p.parent) if (isLoop(p, family)) return true;
  return false;
}

/**
 * An exit of a walk's try that ends it because the work went through: a `return` or a `break` that is
 * a step of the try's own block (after the work), or of a Python try's `else:` block (run only when
 * the try raised nothing). An exit under a branch (`if (res.status === 401) return false`,
 * `else if (res.status === 429) { …; break }`) may stop a batch on a refusal, and a `break` in a
 * `switch` leaves only the case.
 */
function endsWalkOnSuccess(exit: Node, tryStmt: Node): boolean {
  const block = exit.parent;
  if (block === null) return false;
  if (block.id === tryBody(tryStmt)?.id) return true;
  const elseClause = block.parent?.type === 'else_clause' ? block.parent : block.type === 'else_clause' ? block : null;
  return elseClause !== null && elseClause.parent?.id === tryStmt.id;
}

/** A handler that always raises, returns or breaks does not retry. */
function endsByLeaving(block: Node, family: Family): boolean {
  const last = blockStatements(block).at(-1);
  return last !== undefined && (isRaise(last, family) || isExit(last, family));
}

function hasFunctionBetween(node: Node, ancestor: Node, family: Family): boolean {
  for (let p = node.parent; p !== null && p.id !== ancestor.id; p = p.parent) if (isFunction(p, family)) return true;
  return false;
}

/**
 * Functions of this file that retry one of their own parameters (`def with_retries(fn, *args)`
 * whose attempt loop calls `fn`), by name, with the argument position callers pass the callback
 * at. A function that contains such a wrapper (a decorator factory) is one too, at position 0.
 */
function findLocalWrappers(ctx: FileContext, loopScopes: Scope[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const scope of loopScopes) {
    const called = callsWithin(ctx, scope.body).map((c) => calleePath(ctx, c).replace(/\.(apply|call)$/, ''));
    for (let fn = enclosingFunction(scope.construct, ctx.family); fn !== null; fn = enclosingFunction(fn, ctx.family)) {
      const params = functionParameters(fn);
      const offset = params[0] === 'self' || params[0] === 'cls' ? 1 : 0;
      const calledParams = called.filter((p) => params.includes(p));
      const name = functionName(fn);
      if (name === null) continue;
      const first = calledParams[0];
      if (first !== undefined) {
        out.set(name, Math.max(0, params.indexOf(first) - offset));
      } else if (out.size > 0 && [...out.keys()].some((inner) => functionsWithin(fn, ctx.family).includes(inner))) {
        out.set(name, 0); // decorator factory: `@with_retries(3)` wraps the decorated function
      }
    }
  }
  return out;
}

/**
 * `withPaymentRetry(operation, name, provider)` whose body is `return withRetry(operation, …)`: a
 * function that hands its own parameter on, as the callback, to a retry wrapper (one of this file,
 * or a library's of `wrappers`) retries what its callers hand it, at that parameter's position
 * (stayza-pro/Stayza-Pro `utils/retry.ts`). Added to `out` until no more are found.
 */
function delegatingWrappers(ctx: FileContext, out: Map<string, number>): void {
  const v = retryVocab(ctx);
  const calls = allCalls(ctx);
  for (let pass = 0; pass < 3; pass += 1) {
    let added = false;
    for (const call of calls) {
      const path = calleePath(ctx, call);
      const inner = out.get(lastSegment(path));
      if (inner === undefined && !v.wrappers.matches(path)) continue;
      const cb = inner !== undefined ? callbackAt(ctx, call, inner) : firstCallback(ctx, call);
      if (cb?.type !== 'identifier') continue;
      const fn = enclosingFunction(call, ctx.family);
      const name = fn && functionName(fn);
      if (!fn || name === null || out.has(name)) continue;
      const params = functionParameters(fn);
      const index = params.indexOf(cb.text);
      if (index < 0) continue;
      const offset = params[0] === 'self' || params[0] === 'cls' ? 1 : 0;
      out.set(name, Math.max(0, index - offset));
      added = true;
    }
    if (!added) break;
  }
}

function functionsWithin(fn: Node, family: Family): string[] {
  return fn.descendantsOfType(functionTypes(family) as string[]).flatMap((f) => functionName(f) ?? []);
}

/** The first argument that is a function or names one: what a retry helper re-runs. */
function firstCallback(ctx: FileContext, call: Node): Node | null {
  for (const arg of callArguments(call)) {
    const a = unwrapAwait(arg);
    if (a === null) continue;
    if (isFunction(a, ctx.family) || a.type === 'identifier' || a.type === 'member_expression' || a.type === 'attribute') return a;
  }
  return null;
}

function callbackAt(ctx: FileContext, call: Node, index: number): Node | null {
  const arg = callArguments(call).filter((a) => keywordArgument(a) === null)[index];
  return arg ? unwrapAwait(arg) : firstCallback(ctx, call);
}

/** The body a callback expression runs: an inline function's body, or a named local function's. */
function resolveFunctionBody(ctx: FileContext, cb: Node, functions: Map<string, Node>): Node | null {
  if (isFunction(cb, ctx.family)) return functionBody(cb);
  const path = dottedPath(cb);
  // `retry(publisher.publish, …)` where `publisher` is a parameter: a method of an object handed
  // in, not the same-named method of a class of this file (`EventBus.publish`).
  const head = path.includes('.') ? path.slice(0, path.indexOf('.')) : null;
  if (head !== null && head !== 'self' && head !== 'cls') {
    for (let around = enclosingFunction(cb, ctx.family); around !== null; around = enclosingFunction(around, ctx.family)) {
      if (functionParameters(around).includes(head)) return null;
    }
  }
  // `retry(_send)` in one function and another `_send` declared inside a second: the bare name is
  // the one declared where it is used (innermost), not the file's first of that name.
  const named = (cb.type === 'identifier' ? plainFunctionAt(ctx, path, cb) : null) ?? functions.get(lastSegment(path));
  if (named) return functionBody(named);
  // An imported function: the reference itself stands for its body, which the link step reads.
  return projectImportOf(ctx, path) !== undefined ? cb : null;
}

/**
 * A call of an imported function with a callback (`withRetry(() => charge())`,
 * `with_retries(charge_customer, order)`): a retry scope if the import turns out to retry its
 * callback, which only the link step can tell.
 */
function importedWrapperScope(ctx: FileContext, call: Node, path: string, functions: Map<string, Node>, typed = false): Scope[] {
  const positional = callArguments(call).filter((a) => keywordArgument(a) === null);
  for (const [argIndex, arg] of positional.entries()) {
    const a = unwrapAwait(arg);
    if (a === null) continue;
    const isCallback = isFunction(a, ctx.family) || (a.type === 'identifier' && (functions.has(a.text) || projectImportOf(ctx, a.text) !== undefined));
    const body = isCallback ? resolveFunctionBody(ctx, a, functions) : null;
    if (!body) continue;
    // `this.retry.run(() => …)`: a service injected into the class; what `run` does is the type checker's to say.
    const typedAt = typed ? { typedAt: { line: call.startPosition.row + 1, column: call.startPosition.column + 1 } } : {};
    return [{ context: 'retry', body, construct: call, label: `${path}(…)`, requires: { kind: 'retry-wrapper', local: path, argIndex, ...typedAt } }];
  }
  return [];
}

/**
 * A call told to retry itself (`producer.publish(event, retry=True)` of kombu, which publishes again
 * when the connection drops, possibly after the broker took the message; a Google Cloud client
 * method given `retry=Retry(…)`): the call is its own retry scope. `retry=False` / `None` / `0` is not.
 */
function retriesItself(call: Node): boolean {
  for (const arg of callArguments(call)) {
    const kw = keywordArgument(arg);
    if (kw === null || kw.name !== 'retry') continue;
    return !/^(?:False|None|0)$/.test(kw.value.text);
  }
  return false;
}

/** `queue.enqueue(charge_order, id, retry=Retry(max=3))` (RQ): the enqueued function is retried. */
function jobPolicyScope(ctx: FileContext, v: RetryVocab, call: Node, functions: Map<string, Node>, path: string): Scope | null {
  const policy = callArguments(call)
    .map(keywordArgument)
    .find((kw) => kw?.name === 'retry' && isCall(kw.value, ctx.family) && v.jobPolicies.matches(dottedPath(callee(kw.value))));
  if (!policy) return null;
  const max = callArguments(policy.value).map(keywordArgument).find((kw) => kw?.name === 'max')?.value.text;
  if (max !== undefined && /^\d+$/.test(max) && Number(max) < 1) return null;
  const fn = callArguments(call)[0];
  const body = fn && resolveFunctionBody(ctx, unwrapAwait(fn) ?? fn, functions);
  return body ? { context: 'retry', body, construct: call, label: `${path}(…, retry=${policy.value.text})` } : null;
}

/**
 * A function of this file handed to a scheduler together with a retry count above zero
 * (`job_scheduler(function=send_email, max_retries=5)`, `schedule(charge, { retries: 3 })`): the
 * scheduler runs it again when it fails. The count may be a name (configured elsewhere); a literal
 * 0 is no retry. Only a function argument (by name or inline) counts, not a value.
 */
function retryCountScope(ctx: FileContext, v: RetryVocab, call: Node, functions: Map<string, Node>, path: string): Scope | null {
  if (!mayNameRetryCount(ctx, v, call)) return null;
  const args = callArguments(call);
  const options = args.flatMap((a) => {
    const kw = keywordArgument(a);
    return kw ? [{ key: kw.name, value: kw.value }] : literalEntries(a);
  });
  const count = options.find((o) => v.retryCountOptions.has(normalizeName(o.key)));
  if (count === undefined || !/^(\d+|[A-Za-z_$][\w$.]*)$/.test(count.value.text)) return null;
  // `attempts: 1` counts the first run (one attempt, no retry); `retries: 1` counts only the reruns.
  const runs = /^\d+$/.test(count.value.text) ? Number(count.value.text) : Infinity;
  if (runs < (/retr/i.test(count.key) ? 1 : 2)) return null;
  // A decorator's retry options belong to the decorated function (read with the decorators); a
  // hook handed over with them (`on_backoff=notify`) runs between attempts, not as one.
  if (call.parent?.type === 'decorator') return null;
  const handed = args
    .flatMap((a) => {
      const kw = keywordArgument(a);
      return kw === null ? [a] : v.hooks.has(kw.name.toLowerCase()) ? [] : [kw.value];
    })
    .find((a) => isFunction(a, ctx.family) || a.type === 'identifier');
  const body = handed && resolveFunctionBody(ctx, handed, functions);
  return body ? { context: 'retry', body, construct: call, label: `${path}(…, ${count.key}=${count.value.text})` } : null;
}

/**
 * A cheap test of a call's argument text, before its arguments are read from the tree: the count
 * option's key lies inside that text and, compared as `normalizeName` compares it, holds one of
 * the options. A backslash (an escape inside a quoted key) sends the call to the full reading.
 */
function mayNameRetryCount(ctx: FileContext, v: RetryVocab, call: Node): boolean {
  const args = call.childForFieldName('arguments');
  if (args === null) return false;
  const text = ctx.source.slice(args.startIndex, args.endIndex);
  if (text.includes('\\')) return true;
  const normalized = normalizeName(text);
  for (const option of v.retryCountOptions) if (normalized.includes(option)) return true;
  return false;
}

/**
 * Job processors (`new Worker('payments', async (job) => …)`, `paymentsQueue.process(fn)`) are
 * re-run when their queue's jobs carry `attempts` above one (`queue.add(name, data, { attempts: 3
 * })`, `new Queue('payments', { defaultJobOptions: { attempts: 3 } })`), in this file or any other
 * (the fact `job-attempts:<queue>` is settled at link time). A queue whose jobs run once is quiet.
 */
function jobWorkerScopes(ctx: FileContext, v: RetryVocab, calls: readonly Node[], functions: Map<string, Node>): Scope[] {
  if (ctx.family !== 'ecma') return [];
  const queues = queuesOf(ctx);
  const own = new Set(jobAttemptFacts(ctx));
  const scopes: Scope[] = [];
  const workers = [...nodesOfType(ctx, 'new_expression'), ...calls];
  for (const w of workers) {
    const ctor = w.type === 'new_expression' ? w.childForFieldName('constructor') : callee(w);
    const path = dottedPath(ctor);
    if (!v.jobWorkers.matches(path)) continue;
    let queue: string | null;
    if (w.type === 'new_expression') {
      const first = callArguments(w)[0];
      queue = first ? stringValue(first) : null;
    } else {
      const receiver = path.slice(0, path.lastIndexOf('.'));
      if (!isQueueReceiver(queues, receiver)) continue; // `.process` only on a queue
      queue = queues.get(receiver) ?? null;
    }
    // The processor: the last argument that is or names a function (not the options after it).
    const body = [...callArguments(w)].reverse().reduce<Node | null>(
      (found, a) => found ?? (isFunction(a, ctx.family) || a.type === 'identifier' ? resolveFunctionBody(ctx, a, functions) : null),
      null,
    );
    if (body && !neverFails(ctx, body)) scopes.push(queueProcessorScope(body, w, queue, own));
    if (w.type === 'new_expression') scopes.push(...failureHookScopes(ctx, v, w, queue, own, calls, functions));
  }
  scopes.push(...processorClassScopes(ctx, v, own));
  return scopes;
}

/**
 * `worker.on('failed', (job, err) => …)`: BullMQ fires it after every failed attempt, so what its
 * handler does happens once per attempt when the queue's jobs get more than one.
 */
function failureHookScopes(ctx: FileContext, v: RetryVocab, worker: Node, queue: string | null, own: Set<string>, calls: readonly Node[], functions: Map<string, Node>): Scope[] {
  if (v.jobFailureEvents.size === 0 || worker.parent?.type !== 'variable_declarator') return [];
  const name = worker.parent.childForFieldName('name')?.text;
  if (name === undefined) return [];
  const out: Scope[] = [];
  for (const call of calls) {
    if (calleePath(ctx, call) !== `${name}.on`) continue;
    const [event, handler] = callArguments(call);
    if (event === undefined || handler === undefined || !v.jobFailureEvents.has(stringValue(event) ?? '')) continue;
    const body = resolveFunctionBody(ctx, handler, functions);
    if (body === null) continue;
    const scope = queueProcessorScope(body, call, queue, own);
    const counter = v.jobAttemptCounter === undefined ? {} : { counter: v.jobAttemptCounter };
    out.push({ ...scope, label: `${name}.on('${stringValue(event)}') (after every failed attempt)`, hook: true, ...counter });
  }
  return out;
}

/**
 * `receipts.process(fn)`: a processor registered on a queue (a queue bound in this file, or a receiver
 * named for one, such as an imported `pushQueue`), the same test `jobWorkerScopes` makes.
 */
function registersQueueProcessor(ctx: FileContext, v: RetryVocab, path: string): boolean {
  if (ctx.family !== 'ecma' || !path.includes('.') || !v.jobWorkers.matches(path)) return false;
  return isQueueReceiver(queuesOf(ctx), path.slice(0, path.lastIndexOf('.')));
}

/** A receiver that is a queue: one bound in this file, or one named for a queue (`pushQueue`, imported). */
function isQueueReceiver(queues: ReadonlyMap<string, string | null>, receiver: string): boolean {
  return queues.has(receiver) || /queue/i.test(receiver);
}

/**
 * A queue's processor body, retried when its jobs get more than one attempt: certain when this
 * file says so (`own`: its `job-attempts:` facts), else when another file of the package does.
 */
function queueProcessorScope(body: Node, construct: Node, queue: string | null, own: Set<string>): Scope {
  const fact = `job-attempts:${queue ?? '*'}`;
  const certain = own.has(fact) || own.has('job-attempts:*') || (queue === null && own.size > 0);
  const label = `${firstLine(construct).slice(0, 50)} (jobs added with attempts > 1${certain ? '' : ' elsewhere'})`;
  return { context: 'retry', body, construct, label, ...(certain ? {} : { requires: { kind: 'project-fact', fact } }) };
}

/**
 * A queue processor written as a class: `process(job: Job)` (BullMQ's `WorkerHost`, a project's
 * own base class), or a method decorated `@Process()` (NestJS Bull). Its queue is the class's
 * `@Processor('name')` when there is one.
 */
function processorClassScopes(ctx: FileContext, v: RetryVocab, own: Set<string>): Scope[] {
  if (!v.processorNames.test(ctx.source)) return [];
  const scopes: Scope[] = [];
  for (const method of nodesOfType(ctx, 'method_definition')) {
    const body = method.childForFieldName('body');
    const cls = method.parent?.parent ?? null;
    if (body === null || cls === null || (cls.type !== 'class_declaration' && cls.type !== 'class')) continue;
    const name = method.childForFieldName('name')?.text ?? '';
    const decorated = decoratorsOf(ctx, method).some((d) => v.processorDecorators.matches(d.name));
    const jobTyped = v.processorMethods.has(name) && v.processorTypes.matches(firstParameterType(method));
    const base = cls.namedChildren.find((c) => c.type === 'class_heritage')?.text.replace(/^extends\s+/, '').split(/[\s<{(]/)[0] ?? '';
    const inBase = v.processorMethods.has(name) && base !== '' && v.processorBases.matches(base);
    if (!decorated && !jobTyped && !inBase) continue;
    const queue = decoratorsOf(ctx, cls).find((d) => v.processorQueueDecorators.matches(d.name))?.first ?? null;
    scopes.push(queueProcessorScope(body, method, queue, own));
  }
  return scopes;
}

/**
 * The decorators on a class (or its export), on a method (the class body's preceding siblings) or on
 * a Python `decorated_definition`, by the name they were imported under (`Processor` for `import { Processor as MqProcessor }`).
 */
function decoratorsOf(ctx: FileContext, node: Node): { name: string; first: string | null }[] {
  const found: Node[] = [];
  if (node.type === 'method_definition') {
    // A comment may stand between a decorator and its method (`@Process('retry') // why` then `/* … */`).
    for (let prev = node.previousNamedSibling; prev !== null && (prev.type === 'decorator' || prev.type === 'comment'); prev = prev.previousNamedSibling) if (prev.type === 'decorator') found.push(prev);
    found.push(...node.namedChildren.filter((c) => c.type === 'decorator'));
  } else {
    found.push(...node.namedChildren.filter((c) => c.type === 'decorator'));
    if (node.parent?.type === 'export_statement') found.push(...node.parent.namedChildren.filter((c) => c.type === 'decorator'));
  }
  return found.map((d) => {
    const expr = d.firstNamedChild;
    const call = expr !== null && expr !== undefined && isCall(expr, ctx.family) ? expr : null;
    // `@Processor('emails')` or `@Processor({ name: 'emails' })`
    const arg = call ? callArguments(call)[0] : undefined;
    const named = arg && (literalEntries(arg).find((e) => e.key === 'name')?.value ?? arg);
    const path = dottedPath(call ? callee(call) : expr ?? null);
    const imported = importsOf(ctx).get(path);
    return { name: imported && imported.name !== '*' ? imported.name : path, first: named ? stringValue(named) : null };
  });
}

/** `Job` in `process(job: Job<Payload>)`. */
function firstParameterType(method: Node): string {
  const param = method.childForFieldName('parameters')?.namedChildren[0];
  const type = param?.childForFieldName('type')?.firstNamedChild;
  return (type?.type === 'generic_type' ? type.childForFieldName('name')?.text : type?.text) ?? '';
}

/**
 * Queues bound in this file, by variable, with their names: `const receipts = new Queue('receipts', …)`,
 * and a queue injected into a class by name (NestJS `@InjectQueue('events') private readonly
 * eventsQueue: Queue`), as `this.eventsQueue`.
 */
export function queuesOf(ctx: FileContext): Map<string, string | null> {
  return ctx.memo('queues', () => {
    const out = new Map<string, string | null>();
    for (const n of nodesOfType(ctx, 'new_expression')) {
      if (!/Queue$/.test(dottedPath(n.childForFieldName('constructor')))) continue;
      const bound = n.parent && bindingOf(n.parent);
      const first = callArguments(n)[0];
      if (bound) out.set(bound.name, first ? stringValue(first) : null);
    }
    if (ctx.family === 'ecma') for (const [field, queue] of injectedQueues(ctx)) out.set(`this.${field}`, queue);
    return out;
  });
}

/** `@InjectQueue('events') private readonly eventsQueue: Queue` → eventsQueue → events (a name only when spelt as a string). */
function injectedQueues(ctx: FileContext): [string, string][] {
  const injector = compiledOnce(ctx.vocab, 'queue-injectors', () => {
    const names = ctx.vocab.retry.job_processors.queue_injectors.map((n) => escapeRegExp(lastSegment(n)));
    return names.length === 0 ? null : new RegExp(`@(?:${names.join('|')})\\(\\s*(['"\`])([^'"\`]+)\\1\\s*\\)\\s*(?:(?:private|public|protected|readonly)\\s+)*([A-Za-z_$][\\w$]*)`, 'g');
  });
  if (injector === null || !ctx.source.includes('@')) return [];
  return [...ctx.source.matchAll(injector)].map((m) => [m[3] ?? '', m[2] ?? '']);
}

/**
 * `job-attempts:<queue>` for each place this file gives jobs more than one attempt, with the queue's
 * name when it can be read (`*` when not): a project-wide fact for processors in other files.
 */
export function jobAttemptFacts(ctx: FileContext): string[] {
  if (ctx.family !== 'ecma' || !/attempts/.test(ctx.source)) return [];
  return ctx.memo('job-attempt-facts', () => {
    const queues = queuesOf(ctx);
    const facts = new Set<string>();
    for (const pair of nodesOfType(ctx, 'pair')) {
      const key = pair.childForFieldName('key')?.text.replace(/['"]/g, '');
      if (key !== 'attempts' || attemptsOf(ctx, pair) <= 1) continue;
      let owner: Node | null = pair.parent;
      while (owner !== null && owner.type !== 'new_expression' && owner.type !== 'call_expression') owner = owner.parent;
      let queue: string | null = null;
      let factoryQueue: string | null;
      if (owner?.type === 'new_expression') {
        const first = callArguments(owner)[0];
        queue = first ? stringValue(first) : null;
      } else if (owner && (factoryQueue = namedQueueFactory(ctx, owner, pair)) !== null) {
        queue = factoryQueue;
      } else if (owner) {
        const path = calleePath(ctx, owner);
        const receiver = path.slice(0, path.lastIndexOf('.'));
        queue = queues.get(receiver) ?? null;
        // A queue imported from another file: the link step reads its name there.
        if (queue === null && projectImportOf(ctx, receiver) !== undefined) {
          facts.add(`job-attempts@${receiver}`);
          continue;
        }
      }
      facts.add(`job-attempts:${queue ?? '*'}`);
    }
    return [...facts];
  });
}

/**
 * `getQueue("email.send", { defaultJobOptions: { attempts: 3 } })`: a plain function (no receiver,
 * not an `add`) handed the queue's name first and queue-wide job options after builds that queue,
 * so the attempts are that queue's, not every queue's. Null for anything else.
 */
function namedQueueFactory(ctx: FileContext, call: Node, pair: Node): string | null {
  const path = calleePath(ctx, call);
  if (path.includes('.') || path.includes('(') || ctx.vocab.retry.job_processors.add_methods.includes(path)) return null;
  // Queue-wide options only (`defaultJobOptions`): a bare wrapper of `add` (`addJob('send', data, { attempts: 3 })`) names the job, not the queue.
  const holder = pair.parent?.parent;
  if (holder?.type !== 'pair' || !ctx.vocab.retry.job_processors.job_options.includes(holder.childForFieldName('key')?.text.replace(/['"]/g, '') ?? '')) return null;
  const [first, ...rest] = callArguments(call);
  if (first === undefined || !rest.some((a) => contains(a, pair))) return null;
  return stringValue(first);
}

/** Attempts a count set by a name is read as: more than one (a configured retry). */
const CONFIGURED_ATTEMPTS = 2;

/**
 * The attempts an `attempts:` pair gives: its number, or, for a name (`attempts: BULL_JOB_ATTEMPTS`,
 * `attempts: config.jobAttempts`) in job options (`defaultJobOptions: { … }`, the options of a
 * `queue.add(…)`), the number it is bound to in this file, else a configured count above one.
 * Elsewhere a name says nothing (`{ attempts: attempt }` in a log line), so it counts as none.
 * A setting read with a default (`parseInt(process.env.QUEUE_ATTEMPTS || '3', 10)`,
 * `Number(process.env.ATTEMPTS ?? 3)`, `config.attempts || 5`) gives the default the code spells out.
 */
function attemptsOf(ctx: FileContext, pair: Node): number {
  const value = pair.childForFieldName('value');
  if (value === null) return 0;
  if (/^\d+$/.test(value.text)) return Number(value.text);
  const fallback = value.type === 'identifier' || value.type === 'member_expression' ? null : defaultCount(value);
  if (value.type !== 'identifier' && value.type !== 'member_expression' && fallback === null) return 0;
  const options = pair.parent;
  const holder = options?.parent ?? null;
  const owner = holder?.type === 'arguments' ? holder.parent : null;
  const { job_options: holders, add_methods: adds } = ctx.vocab.retry.job_processors;
  const inJobOptions =
    (holder?.type === 'pair' && holders.includes(holder.childForFieldName('key')?.text.replace(/['"]/g, '') ?? '')) ||
    (owner != null && isCall(owner, ctx.family) && adds.includes(lastSegment(calleePath(ctx, owner))));
  if (!inJobOptions) return 0;
  if (fallback !== null) return fallback;
  const bound = value.type === 'identifier' ? lastBindingBefore(ctx, value.text, pair) : null;
  return bound !== null && /^\d+$/.test(bound.text) ? Number(bound.text) : CONFIGURED_ATTEMPTS;
}

/** Functions that turn a setting's text into a count: `parseInt(…, 10)`, `Number(…)`. */
const NUMBER_PARSERS = /^(?:parseInt|Number|parseFloat|Number\.parseInt|Number\.parseFloat)$/;

/**
 * The count a setting falls back to: `parseInt(process.env.X || '3', 10)` → 3, `Number(x ?? 3)`,
 * `x || 3`, `parseInt(x, 10) || 3`. Null when the value has no such default.
 */
function defaultCount(value: Node): number | null {
  let v: Node | null = unwrapParens(value);
  if (v?.type === 'call_expression' && NUMBER_PARSERS.test(v.childForFieldName('function')?.text ?? '')) v = unwrapParens(callArguments(v)[0] ?? null);
  if (v?.type !== 'binary_expression' || !['||', '??'].includes(v.childForFieldName('operator')?.text ?? '')) return null;
  const right = unwrapParens(v.childForFieldName('right'));
  const text = right === null ? '' : (stringValue(right) ?? right.text);
  return /^\d+$/.test(text) ? Number(text) : null;
}

const ASSIGNMENTS = new Set(['assignment', 'assignment_expression', 'variable_declarator']);

/**
 * Whether the text before `at` can end an assignment's `=` and what may stand between it and a
 * value (spaces, `(`, `await`): false only when it certainly does not. A line break or a comment
 * (`/` of its end) on the way is taken as may.
 */
function mayBeAssigned(source: string, at: number): boolean {
  let i = at - 1;
  for (;;) {
    while (i >= 0 && (source[i] === '(' || (source[i] !== '\n' && /\s/.test(source[i] as string)))) i--;
    if (i >= 4 && source.startsWith('await', i - 4) && !/[\w$]/.test(source[i - 5] ?? '')) {
      i -= 5;
      continue;
    }
    break;
  }
  const c = source[i];
  return c === '=' || c === '\n' || c === '/' || c === '\\';
}

/**
 * Clients that may come with a retry policy from another file: every imported project name used
 * as a receiver (`billingCore.post(…)`), and every value built by an imported function
 * (`self.session = build_ledger_session()`). Each holds only if the link step finds the policy.
 */
function importedClientScopes(ctx: FileContext, calls: readonly Node[]): Scope[] {
  const scopes: Scope[] = [];
  const own = retryingClientsOf(ctx);
  const imports = [...importsOf(ctx).values()].some((i) => ctx.isProjectModule(i.module));
  if (!imports && own.factories.length === 0 && own.conditional.size === 0) return scopes;
  const receivers = new Set<string>();
  for (const call of calls) {
    const path = calleePath(ctx, call);
    const dot = path.lastIndexOf('.');
    if (dot > 0) receivers.add(path.slice(0, dot));
  }
  for (const receiver of imports ? receivers : []) {
    // A module imported whole is never a retried client itself: the link step finds clients only
    // as names a module defines (`from app.http import session`, `import { api } from './api'`).
    const imported = /^[A-Za-z_$][\w$]*$/.test(receiver) ? projectImportOf(ctx, receiver) : undefined;
    if (imported === undefined || imported.name === '*') continue;
    scopes.push({ context: 'retry', body: ctx.root, construct: ctx.root, label: `the retry policy of ${receiver}`, receiver, requires: { kind: 'retried-client', local: receiver } });
  }
  // `client = make_client()`: found from the factory calls, far fewer than the file's assignments.
  for (const call of calls) {
    const factory = calleePath(ctx, call);
    // A factory of this file is decided here; an imported one at link time.
    const local = own.factories.includes(factory) || own.conditional.has(factory);
    if (!local && (!imports || projectImportOf(ctx, factory) === undefined)) continue;
    // A node's parent is a search from the root of its tree: asked only of a call the text shows may be assigned.
    if (!mayBeAssigned(ctx.source, call.startIndex)) continue;
    let node = call.parent;
    while (node && (node.type === 'await' || node.type === 'await_expression' || node.type === 'parenthesized_expression')) node = node.parent;
    if (!node || !ASSIGNMENTS.has(node.type)) continue;
    const left = node.childForFieldName('left') ?? node.childForFieldName('name');
    const value = unwrapAwait(node.childForFieldName('right') ?? node.childForFieldName('value'));
    if (!left || value?.id !== call.id) continue;
    const target = dottedPath(left);
    if (!receivers.has(target)) continue;
    const writeArgs = writeMethodArguments(ctx, call);
    const label = `the retry policy of ${target} (from ${factory}())`;
    if (local) {
      const param = own.conditional.get(factory);
      if (param === undefined || writeArgs.includes(param.name) || writeArgs.includes(`#${param.index}`)) scopes.push({ context: 'retry', body: ctx.root, construct: node, label, receiver: target });
      continue;
    }
    const requires: Requirement = { kind: 'client-factory', local: factory, ...(writeArgs.length > 0 ? { writeArgs } : {}) };
    scopes.push({ context: 'retry', body: ctx.root, construct: node, label, receiver: target, requires });
  }
  return scopes;
}

/** Per-attempt hooks passed to a retry helper or decorator (`before_sleep=notify`, `{ onFailedAttempt }`). */
function hookScopes(ctx: FileContext, v: RetryVocab, call: Node, functions: Map<string, Node>, label: string): Scope[] {
  const out: Scope[] = [];
  const add = (key: string, value: Node) => {
    if (!v.hooks.has(key.toLowerCase())) return;
    const body = resolveFunctionBody(ctx, unwrapAwait(value) ?? value, functions);
    if (body) out.push({ context: 'retry', body, construct: call, label: `${key} hook of ${label}`, hook: true });
  };
  for (const arg of callArguments(call)) {
    const kw = keywordArgument(arg);
    if (kw) add(kw.name, kw.value);
    for (const entry of literalEntries(arg)) add(entry.key, entry.value);
  }
  return out;
}


/**
 * Functions that run themselves again after a failure, whatever they are called: a recursive
 * retry (`return pay(order, attempt + 1)` in the except/catch, or in a branch on an attempt
 * counter), a task that re-enqueues itself (`charge_order.apply_async(countdown=60)`,
 * `queue.enqueue(charge_order, id)`), or a job that puts itself back on its queue with an attempt
 * counter (`queue.add(job.name, { ...job.data, attempt: attempt + 1 })`). Their whole body is
 * the retried code.
 */
function selfRetryScopes(ctx: FileContext, v: RetryVocab, functions: Map<string, Node>): Scope[] {
  const scopes: Scope[] = [];
  for (const [name, fn] of functions) {
    const body = functionBody(fn);
    if (body === null) continue;
    for (const call of callsWithin(ctx, body)) {
      const path = calleePath(ctx, call);
      const selfCall = path === name || path === `self.${name}` || path === `this.${name}` || path === `cls.${name}`;
      const dot = path.lastIndexOf('.');
      // `charge.apply_async(…)`, or through a signature: `dispatch_webhook.s(url, data, n).apply_async(countdown=…)`.
      const task = dot > 0 ? path.slice(0, dot).replace(v.signatureCall, '') : '';
      const reenqueue =
        (dot > 0 && v.reenqueueMethods.has(path.slice(dot + 1)) && lastSegment(task) === name) ||
        (v.enqueueCalls.matches(path) && callArguments(call)[0]?.text === name);
      // Another task enqueued with the next attempt's counter runs this work again
      // (`send_webhook.apply_async(kwargs={"attempt": attempt + 1})` from the function that task calls).
      const requeue =
        !selfCall && !reenqueue &&
        ((v.requeueCalls.matches(path) && callArguments(call).some((a) => mentionsCounter(v, a))) ||
          (dot > 0 && v.reenqueueMethods.has(path.slice(dot + 1)) && callArguments(call).some((a) => holdsNextCounter(v, a))));
      // A stored request for the next attempt, which a scheduler hands back to this function:
      // `retryRequests.create({ …, retryCount: apiData.retryCount - 1 })`.
      const rescheduled = !selfCall && !reenqueue && !requeue && v.rescheduleCalls.matches(path) && callArguments(call).some((a) => holdsNextCounter(v, a));
      // `return retry('buy', func_args)` from buy's own failure path, where `retry` (a function of
      // this file) runs `exchange[method].apply(exchange, args)`: the method invoked again by its name.
      const byName = !selfCall && !reenqueue && !requeue && !rescheduled && reinvokesByName(ctx, call, name);
      if (!selfCall && !reenqueue && !requeue && !rescheduled && !byName) continue;
      if (namedEnclosingFunction(call, ctx.family)?.id !== fn.id || !onFailurePath(ctx, v, call, body) || onlyAfterRefusal(v, call, body)) continue;
      const label = selfCall || byName ? `${name}() called again on failure${byName ? ` (${firstLine(call, 50)})` : ''}` : rescheduled ? `${name} rescheduled on failure (${firstLine(call, 50)})` : `${name} re-enqueued on failure (${firstLine(call, 50)})`;
      // The call that starts the next attempt is the retry itself, not a write it repeats.
      scopes.push({ context: 'retry', body, construct: call, label, excludes: [call] });
      break;
    }
  }
  return scopes;
}

/**
 * `retry('buy', func_args)`: a call whose first argument names `name` as a string, of a function of
 * this file that calls a method looked up by that parameter (`exchange[method].apply(exchange, args)`,
 * `obj[method](...args)`, Python `getattr(self, method)(*args)`), which runs `name` again.
 */
function reinvokesByName(ctx: FileContext, call: Node, name: string): boolean {
  // Asked of every call of every named function: the helper's lookups (memoised per helper) first,
  // most helpers have none; the call's own arguments only then.
  const helper = resolveLocalFunction(ctx, call);
  const body = helper && functionBody(helper);
  if (!helper || !body) return false;
  const lookups = methodLookups(ctx, helper.id, () => methodLookupsIn(ctx, body));
  if (lookups.size === 0) return false;
  const first = callArguments(call)[0];
  if (first === undefined || stringValue(first) !== name) return false;
  const params = functionParameters(helper);
  const param = params[params[0] === 'self' || params[0] === 'cls' ? (/^(self|cls)\./.test(calleePath(ctx, call)) ? 1 : 0) : 0];
  return param !== undefined && lookups.has(param);
}

/** Per function of this file: the names its calls look a method up by (`exchange[method].apply(…)`, `getattr(self, method)(…)`). */
const methodLookups = answeredOnce<number, Set<string>>('method-lookups-by-name');

function methodLookupsIn(ctx: FileContext, body: Node): Set<string> {
  const out = new Set<string>();
  for (const c of callsWithin(ctx, body)) {
    let fn = callee(c);
    // `exchange[method].apply(exchange, args)` / `.call(…)`: the looked-up method itself
    if ((fn?.type === 'member_expression' || fn?.type === 'attribute') && /^(apply|call)$/.test(fn.childForFieldName('property')?.text ?? fn.childForFieldName('attribute')?.text ?? '')) {
      fn = fn.childForFieldName('object');
    }
    if (fn?.type === 'non_null_expression') fn = fn.firstNamedChild; // `exchange[method]!(...args)`
    const looked =
      fn?.type === 'subscript_expression' || fn?.type === 'subscript'
        ? (fn.childForFieldName('index') ?? fn.childForFieldName('subscript'))?.text
        : // Python `getattr(self, method)(*args)`
          fn?.type === 'call' && callee(fn)?.text === 'getattr'
          ? callArguments(fn)[1]?.text
          : undefined;
    if (looked !== undefined) out.add(looked);
  }
  return out;
}

/**
 * `_reschedule_delivery(self)` whose body is `task_instance.retry(countdown=…)`: a helper of this
 * file handed the task (the receiver of a `task_retry_calls` pattern, `self`) at a parameter it
 * calls the retry method on retries the task like `self.retry(…)` written in place
 * (IsaacZachary/payleaf-backend `webhooks/tasks.py`).
 */
const helperTaskRetries = perFile('helper-task-retries', () => new Map<number, boolean>());

/** The receivers and methods of `task_retry_calls` (`self.retry` → `self`, `retry`), once per vocabulary, and a test for a receiver's name as a word. */
function taskRetryReceivers(ctx: FileContext): { patterns: { receiver: string; method: string }[]; receiverWord: RegExp | null } {
  return compiledOnce(ctx.vocab, 'task-retry-receivers', () => {
    const patterns = ctx.vocab.retry.task_retry_calls.flatMap((p) => {
      const dot = p.lastIndexOf('.');
      return dot > 0 ? [{ receiver: p.slice(0, dot), method: p.slice(dot + 1) }] : [];
    });
    const receivers = [...new Set(patterns.map((p) => p.receiver))];
    return { patterns, receiverWord: receivers.length > 0 ? new RegExp(`(?<![\\w.])(?:${receivers.map(escapeRegExp).join('|')})(?![\\w.])`) : null };
  });
}

/**
 * `prepare_snail_mail.retry(countdown=…, exc=exc)` inside `def prepare_snail_mail(…)`: a Celery task
 * retrying itself through its own name rather than a bound `self`. `Task.retry()` raises `Retry`
 * on its own, so the call re-runs the task whether or not the code writes `raise` before it. The
 * receiver must be the enclosing function's own name, the method one of `task_retry_calls`, and the
 * function a task (a decorator of a `retry.job_frameworks` entry with `own_name_retry`, Celery's
 * `@shared_task`, `@task`, `@periodic_task`, `@app.task`): on a plain function the name is no task.
 */
function retriesOwnTask(ctx: FileContext, v: RetryVocab, call: Node): boolean {
  if (ctx.family !== 'python') return false;
  const path = calleePath(ctx, call);
  const dot = path.lastIndexOf('.');
  if (dot <= 0) return false;
  const method = path.slice(dot + 1);
  if (!taskRetryReceivers(ctx).patterns.some((p) => p.method === method)) return false;
  const fn = namedEnclosingFunction(call, ctx.family);
  if (fn === null || functionName(fn) !== path.slice(0, dot) || fn.parent?.type !== 'decorated_definition') return false;
  return decoratorsOf(ctx, fn.parent).some((d) => v.taskDecorators.matches(d.name));
}

/** A call that runs its task again: `self.retry(…)`, the task's own `<name>.retry(…)`, or a helper handed the task that retries it. */
function retriesTask(ctx: FileContext, v: RetryVocab, call: Node): boolean {
  return v.taskRetryCalls.matches(calleePath(ctx, call)) || retriesOwnTask(ctx, v, call) || retriesTaskThroughHelper(ctx, call);
}

function retriesTaskThroughHelper(ctx: FileContext, call: Node): boolean {
  if (ctx.family !== 'python') return false;
  const known = helperTaskRetries(ctx);
  const cached = known.get(call.id);
  if (cached !== undefined) return cached;
  let found = false;
  const { patterns, receiverWord } = taskRetryReceivers(ctx);
  // Every call of the file comes here. A helper retries only through a call `<param>.<method>` of
  // its body, one of the file's calls: a file with no call ending in a retry method (most) answers
  // no for all its calls at once. Then the argument text rules most out before their nodes are read.
  if (!callsRetryMethod(ctx, patterns)) {
    known.set(call.id, false);
    return false;
  }
  const argList = call.childForFieldName('arguments');
  if (argList === null || receiverWord === null || !receiverWord.test(ctx.source.slice(argList.startIndex, argList.endIndex))) {
    known.set(call.id, false);
    return false;
  }
  const args = callArguments(call);
  const handed = args.flatMap((a, i) => (a.type === 'identifier' ? patterns.filter((p) => p.receiver === a.text).map((p) => ({ index: i, method: p.method })) : []));
  if (handed.length > 0) {
    const helper = resolveLocalFunction(ctx, call);
    const body = helper && functionBody(helper);
    if (helper !== null && body) {
      const params = functionParameters(helper);
      // A method called as `self._reschedule(self)` counts its own `self` first.
      const offset = params[0] === 'self' && /^self\./.test(calleePath(ctx, call)) ? 1 : 0;
      found = handed.some(({ index, method }) => {
        const param = params[index + offset];
        return param !== undefined && callsWithin(ctx, body).some((c) => calleePath(ctx, c) === `${param}.${method}`);
      });
    }
  }
  known.set(call.id, found);
  return found;
}

/** Whether some call of the file ends in `.<method>` for a method of `task_retry_calls` (`x.retry(…)`): the only calls through which a helper retries a task handed to it. */
function callsRetryMethod(ctx: FileContext, patterns: readonly { method: string }[]): boolean {
  return ctx.memo('calls-task-retry-method', () => {
    const suffixes = [...new Set(patterns.map((p) => `.${p.method}`))];
    return suffixes.length > 0 && allCalls(ctx).some((c) => {
      const path = calleePath(ctx, c);
      return suffixes.some((s) => path.endsWith(s));
    });
  });
}

/** The task that `call` (`self.retry(…)`, `raise Retry(…)`) runs again from the start, less its steps that end it for good. */
function taskRetryScope(ctx: FileContext, v: RetryVocab, call: Node, label: string): Scope[] {
  const fn = enclosingFunction(call, ctx.family);
  const body = fn && functionBody(fn);
  if (!body) return [];
  const terminal = terminalHandlerSteps(ctx, v, body, call);
  const retriedFrom = retriedRegions(ctx, v, body);
  return [{ context: 'retry', body, construct: call, label, ...(terminal.length > 0 ? { excludes: terminal } : {}), ...(retriedFrom ? { retriedFrom } : {}) }];
}

/**
 * The try bodies whose handlers hold the task's retry calls (`self.retry(…)`, `raise Retry(…)`):
 * only a failure there runs the task again. Null when a retry call sits outside any handler
 * (`if resp.status != 200: raise self.retry()`), which a failure of any step may reach.
 */
function retriedRegions(ctx: FileContext, v: RetryVocab, body: Node): Node[] | null {
  const out: Node[] = [];
  for (const call of callsWithin(ctx, body)) {
    const path = calleePath(ctx, call);
    if (!retriesTask(ctx, v, call) && !(v.taskRetryRaises.matches(path) && call.parent?.type === 'raise_statement')) continue;
    let handler: Node | null = null;
    for (let p = call.parent; p !== null && p.id !== body.id; p = p.parent) {
      if (HANDLER_TYPES.has(p.type)) { handler = p; break; }
      if (isFunction(p, ctx.family)) return null;
    }
    const tryStmt = handler?.type === 'catch_clause' ? handler.parent : handler?.parent ?? null;
    const attempted = tryStmt?.type === 'try_statement' ? tryBody(tryStmt) : null;
    if (attempted === null) return null;
    out.push(attempted);
  }
  return out.length > 0 ? out : null;
}

/**
 * Steps of `body`'s handlers that run only when `retryCall` (`self.retry(…)`, which raises) does
 * not: a handler that ends by raising something else fails the task for good, so a send in it
 * (`except RequestException: emit_failed(user); raise`), or after the step that holds the retry,
 * is made once.
 */
function terminalHandlerSteps(ctx: FileContext, v: RetryVocab, body: Node, retryCall: Node): Node[] {
  const out: Node[] = [];
  for (const tryStmt of nodesWithin(ctx, body, ['try_statement'])) {
    for (const handler of tryHandlers(tryStmt, ctx.family)) {
      const steps = blockStatements(handler.body);
      const last = steps.at(-1);
      if (last === undefined || !isRaise(last, ctx.family) || callsWithin(ctx, last).some((c) => retriesTask(ctx, v, c) || v.taskRetryRaises.matches(calleePath(ctx, c)))) continue;
      const holder = steps.findIndex((st) => contains(st, retryCall));
      out.push(...steps.slice(holder + 1));
    }
  }
  return out;
}

/** Inside an except/catch (or a promise's `.catch`) or a branch on an attempt counter, within `body`. */
function onFailurePath(ctx: FileContext, v: RetryVocab, node: Node, body: Node): boolean {
  for (let p = node.parent; p !== null && p.id !== body.id; p = p.parent) {
    if (HANDLER_TYPES.has(p.type)) return true;
    if (p.type === 'if_statement' || p.type === 'elif_clause') {
      const cond = p.childForFieldName('condition');
      if (cond !== null && mentionsCounter(v, cond)) return true;
    }
    if (isFunction(p, ctx.family) && p.parent?.type === 'arguments') {
      const host = p.parent.parent;
      if (host !== null && isCall(host, ctx.family) && /\.catch$/.test(calleePath(ctx, host))) return true;
    }
  }
  return false;
}

/**
 * `retry(async (bail) => { try { await create(…) } catch (err) { if (err.status !== 429) { bail(err); return } throw err } })`
 * with async-retry (`retry.bail_first_wrappers`, whose callback gets the function that stops the retries
 * first): every write of the callback sits in a try whose handler stops the retries for any error but a
 * refused status (`refused_statuses`). A refused request was not carried out, so no retry repeats one.
 */
function bailsUnlessRefused(ctx: FileContext, v: RetryVocab, path: string, cb: Node, body: Node): boolean {
  const modules = ctx.vocab.retry.bail_first_wrappers;
  if (modules.length === 0 || v.refusedStatuses.size === 0 || !isFunction(cb, ctx.family)) return false;
  const module = importsOf(ctx).get(path.split('.')[0] ?? '')?.module;
  if (module === undefined || !modules.includes(module)) return false;
  const bail = functionParameters(cb)[0];
  if (bail === undefined) return false;
  const writes = writesOrSendsIn(ctx, body);
  if (writes.length === 0) return false;
  return writes.every((w) => {
    // `return client.conversations.create(options)` unawaited in the try: the promise's rejection
    // leaves the try and reaches the wrapper, which retries it whatever the handler says.
    if (w.parent?.type !== 'await_expression') return false;
    for (let t: Node | null = w.parent; t !== null && t.id !== body.id; t = t.parent) {
      if (t.type !== 'try_statement') continue;
      const inTry = tryBody(t);
      if (inTry === null || !contains(inTry, w)) continue;
      return tryHandlers(t, ctx.family).some((h) =>
        nodesWithin(ctx, h.body, 'if_statement').some((st) => {
          const cond = st.childForFieldName('condition');
          const branch = st.childForFieldName('consequence');
          return cond !== null && branch !== null && testsOtherThanRefused(v, unwrapParens(cond) ?? cond) && callsWithin(ctx, branch).some((c) => calleePath(ctx, c) === bail);
        }),
      );
    }
    return false;
  });
}

/** `err.status !== 429`, `e.response.status != 401`: a status field that is not the refused status named. */
function testsOtherThanRefused(v: RetryVocab, c: Node): boolean {
  const parts = c.namedChildren;
  const ops = c.children.filter((x) => !x.isNamed).map((x) => x.text);
  if (c.type !== 'binary_expression' || parts.length !== 2 || ops.length !== 1 || !['!==', '!='].includes(ops[0] ?? '')) return false;
  const [left, right] = parts as [Node, Node];
  return v.statusFields.has(normalizeName(lastSegment(dottedPath(left)))) && v.refusedStatuses.has(right.text);
}

/** `retryCount - 1`, `attempt + 1` under `node`: the counter of the next attempt. */
function holdsNextCounter(v: RetryVocab, node: Node): boolean {
  return node.descendantsOfType(['binary_expression', 'binary_operator']).some((b) => {
    const op = b.childForFieldName('operator')?.text;
    const left = b.childForFieldName('left');
    const right = b.childForFieldName('right');
    return (op === '+' || op === '-') && right?.text === '1' && left !== null && mentionsCounter(v, left);
  });
}

function mentionsCounter(v: RetryVocab, node: Node): boolean {
  const names = node.type === 'identifier' ? [node] : node.descendantsOfType(['identifier', 'property_identifier', 'shorthand_property_identifier']);
  return names.some((n) => v.counterWords.anyWordOf(n.text));
}

/**
 * `try: gateway.charge(o) except Timeout: gateway.charge(o)`: a handler that runs the try's own
 * write once more is a retry of it; the second call is the retried one.
 */
function handlerRetryScopes(ctx: FileContext): Scope[] {
  const scopes: Scope[] = [];
  // Arguments compared without white space and time limits (a second try often waits longer).
  const signature = (c: Node) =>
    `${calleePath(ctx, c)}(${(c.childForFieldName('arguments')?.text ?? '').replace(/\s+/g, '').replace(/,?timeout[=:][^,)]+/gi, '')})`;
  for (const tryStmt of nodesOfType(ctx, 'try_statement')) {
    const body = tryStmt.childForFieldName('body');
    if (body === null) continue;
    // Only a write or a send made again is a retry worth judging (`exit()` in both is not).
    const tried = new Set(writesOrSendsIn(ctx, body).map(signature));
    if (tried.size === 0) continue;
    for (const handler of tryHandlers(tryStmt, ctx.family)) {
      // After a definite error (`except ValueError`) the call is made again for another reason.
      if (!handlesAmbiguous(ctx, handler)) continue;
      const caught = caughtName(handler, ctx.family);
      for (const call of callsWithin(ctx, handler.body)) {
        const path = calleePath(ctx, call);
        // The same operation with the same arguments: a compensating call (`add_balance(user, +amount)`) differs.
        if (!tried.has(signature(call)) || hasFunctionBetween(call, handler.body, ctx.family)) continue;
        // Made again only for a particular error the branch tests (`if "phone is required" in str(e)`).
        if (caught !== null && underErrorTest(call, handler.body, namesOfError(ctx, handler.body, caught))) continue;
        scopes.push({ context: 'retry', body: call, construct: handler.clause, label: `${headerLine(handler.clause, 40)} that calls ${path} again` });
      }
    }
  }
  return scopes;
}

/**
 * A handler that puts the failed work back for a later attempt: it writes the next attempt's
 * counter (`markFailed(id, msg, attempts + 1)`, `self.retries += 1; self.save()`) or calls a method
 * named for the retry it schedules (`job.resetForRetry()`, `schedule_retry(item)`). (A state chosen
 * by the counter, `status: shouldRetry ? 'queued' : 'failed'`, is left out: hello_truck_server's
 * refund intents go back to PENDING that way, but their claim-once guard, an atomic status update
 * before the try, is not seen, and the sends after the COMPLETED mark were flagged.) Whatever sweep, cron or worker picks the work up
 * again, the try body it guards is one attempt and runs again (unchained's FailedRescheduler,
 * wordclaw's jobs table, payunit's notification poller, an announcement cron).
 */
function rescheduledAttemptScopes(ctx: FileContext, v: RetryVocab): (Scope & { fn?: string })[] {
  const scopes: (Scope & { fn?: string })[] = [];
  for (const tryStmt of nodesOfType(ctx, 'try_statement')) {
    const body = tryBody(tryStmt);
    if (body === null) continue;
    for (const handler of tryHandlers(tryStmt, ctx.family)) {
      // Cheap text test first: the handler (or a helper it calls) must name a counter.
      const text = ctx.source.slice(handler.body.startIndex, handler.body.endIndex);
      if (!/\(/.test(text)) continue;
      const call = reschedulingCall(ctx, v, handler.body, body, v.counterText.test(text));
      if (call === null) continue;
      // The work is picked up again as a whole: the function runs again from its start (a check for
      // a prior success before the try counts), and only a failure in the try reschedules it.
      const fn = namedEnclosingFunction(tryStmt, ctx.family);
      const fnBody = fn && functionBody(fn);
      const name = fn ? functionName(fn) ?? 'the work' : 'the work';
      const label = `${name} rescheduled on failure (${firstLine(call, 50)})`;
      // The handler swallows the failure by design: it is what brings the work back.
      // Only a try that is a step of the function itself makes the function the unit; a try nested in
      // a loop or a branch (Latasoft's `for (const p of eligible) { try { assertAccountReady(p.account) } … }`)
      // puts back only what it guards.
      const topLevel = fnBody !== null && tryStmt.parent?.id === fnBody.id;
      if (topLevel) scopes.push({ context: 'retry', body: fnBody, construct: call, label, retriedFrom: [body], excludes: [handler.body], swallowedRetries: true, fn: name });
      else scopes.push({ context: 'retry', body, construct: call, label, swallowedRetries: true });
      break;
    }
  }
  return scopes;
}

/** The call of a handler that stores the failed work's next attempt (see `rescheduledAttemptScopes`), or null. */
function reschedulingCall(ctx: FileContext, v: RetryVocab, handler: Node, attempt: Node, namesCounter: boolean): Node | null {
  const calls = callsWithin(ctx, handler).filter((c) => !hasFunctionBetween(c, handler, ctx.family) && statementCall(c) && !quietStep(ctx, c));
  if (calls.length === 0) return null;
  if (namesCounter) {
    const next = holdsNextCounter(v, handler) || incrementsCounter(v, handler);
    // The success path stores the counter the same way (`Lead.update({ smsAttempts: lead.smsAttempts + 1, … })`
    // in the try and in the handler): it counts every send, it does not schedule the next attempt.
    const countsEvery = (call: Node): boolean => {
      const path = calleePath(ctx, call);
      const receivers = incrementedReceivers(v, attempt);
      return callsWithin(ctx, attempt).some((c) => calleePath(ctx, c) === path && (callArguments(c).some((a) => holdsNextCounter(v, a)) || receivers.has(receiverOf(ctx, c))));
    };
    for (const call of calls) {
      const args = callArguments(call);
      if (args.some((a) => holdsNextCounter(v, a)) && !countsEvery(call)) return call;
      if (next && args.some((a) => passesCounter(v, a)) && !countsEvery(call)) return call;
      if (next && incrementedReceivers(v, handler).has(receiverOf(ctx, call)) && !countsEvery(call)) return call;
      const words = splitWords(lastSegment(calleePath(ctx, call)));
      if (words.length > 1 && !v.rescheduleMethodWords.has(words[0] ?? '') && words.slice(1).some((w) => v.rescheduleMethodWords.has(w))) return call;
      if (sqlCountsAttempt(v, call) || helperStoresNextAttempt(ctx, v, call, handler)) return call;
    }
  }
  return null;
}

/** `SET retries = retries + 1`, `SET attempt_count = attempt_count + 1`: SQL that counts one more attempt on the row. */
const SQL_COUNTER_INCREMENT = /\bSET\b[\s\S]*?\b([A-Za-z_]\w*)\s*=\s*\1\s*\+\s*1\b/gi;

/**
 * SQL handed to the store that counts the failed attempt on the work's row (`UPDATE notification_jobs
 * SET status = "pending", retries = retries + 1, last_error = ? WHERE id = ?`): the row is kept for
 * the next attempt, as `update({ attempts: job.attempts + 1 })` keeps it.
 */
function sqlCountsAttempt(v: RetryVocab, call: Node): boolean {
  return callArguments(call).some((arg) => {
    if (arg.type !== 'string' && arg.type !== 'template_string' && arg.type !== 'concatenated_string') return false;
    return [...arg.text.matchAll(SQL_COUNTER_INCREMENT)].some((m) => v.counterWords.anyWordOf(m[1] ?? ''));
  });
}

/**
 * A handler's call of a helper of this file (`await this.retryOrFail(connection, job.id, err.message)`)
 * whose own statements store the work's next attempt (`SET status = "pending", retries = retries + 1`,
 * `update({ attempts: attempts + 1 })`): the handler puts the work back through it.
 */
function helperStoresNextAttempt(ctx: FileContext, v: RetryVocab, call: Node, handler: Node): boolean {
  const helper = resolveLocalFunction(ctx, call);
  const body = helper !== null && !contains(helper, handler) ? functionBody(helper) : null;
  if (body === null) return false;
  return callsWithin(ctx, body).some((c) => !hasFunctionBetween(c, body, ctx.family) && statementCall(c) && !quietStep(ctx, c) && (sqlCountsAttempt(v, c) || callArguments(c).some((a) => holdsNextCounter(v, a))));
}

/** A call made for its effect, as a statement (`await repo.markFailed(…)`, `db.update(t).set(…).where(…)`), not for a value. */
function statementCall(call: Node): boolean {
  let node: Node = call;
  for (let p = node.parent; p !== null; node = p, p = p.parent) {
    if (p.type === 'await' || p.type === 'await_expression' || p.type === 'parenthesized_expression') continue;
    // A chained call whose receiver this call is: `db.update(jobs).set({…}).where(…)`.
    if ((p.type === 'member_expression' || p.type === 'attribute') && p.childForFieldName('object')?.id === node.id) {
      const host = p.parent;
      if (host !== null && (host.type === 'call_expression' || host.type === 'call') && host.childForFieldName('function')?.id === p.id) { p = host; continue; }
      return false;
    }
    return p.type === 'expression_statement';
  }
  return false;
}

/** A log line, a metric, a wait or an in-memory step: nothing that stores the work for later. */
function quietStep(ctx: FileContext, call: Node): boolean {
  const path = calleePath(ctx, call);
  return reportsOnly(ctx, path) || isInMemory(ctx, path) || WAITING.test(lastSegment(path)) || (call.parent !== null && isRaise(call.parent, ctx.family));
}

/** `markFailed(id, msg, newAttempts)`, `update({ attempts: nextAttempts })`: the counter itself handed on, not a text that mentions it. */
function passesCounter(v: RetryVocab, arg: Node): boolean {
  const kw = keywordArgument(arg);
  const value = unwrapAwait(kw ? kw.value : arg) ?? arg;
  const named = (n: Node) => (n.type === 'identifier' || n.type === 'attribute' || n.type === 'member_expression') && v.counterWords.anyWordOf(lastSegment(dottedPath(n)));
  if (named(value)) return true;
  return (value.type === 'object' || value.type === 'dictionary') && literalEntries(value).some((e) => named(e.value));
}

/** `self.retries += 1`, `job.attempts++`: the counter of the next attempt kept on a record. */
function incrementsCounter(v: RetryVocab, handler: Node): boolean {
  return incrementedReceivers(v, handler).size > 0;
}

function incrementedReceivers(v: RetryVocab, handler: Node): Set<string> {
  const out = new Set<string>();
  for (const n of handler.descendantsOfType(['augmented_assignment', 'augmented_assignment_expression', 'update_expression'])) {
    const target = n.type === 'update_expression' ? n.childForFieldName('argument') : n.childForFieldName('left');
    if (target === null || !/\+/.test(n.childForFieldName('operator')?.text ?? n.text)) continue;
    if (target.type !== 'attribute' && target.type !== 'member_expression') continue;
    const field = target.childForFieldName('attribute') ?? target.childForFieldName('property');
    const object = target.childForFieldName('object');
    if (field !== null && object !== null && v.counterWords.anyWordOf(field.text)) out.add(object.text);
  }
  return out;
}

/** `job` of `job.save()`, `self` of `self.save(update_fields=…)`. */
function receiverOf(ctx: FileContext, call: Node): string {
  const path = calleePath(ctx, call);
  const dot = path.lastIndexOf('.');
  return dot > 0 ? path.slice(0, dot) : '';
}

/** Under a branch that tests the caught error, or a name read off it (`inner_msg = str(inner_e).lower()`). */
function underErrorTest(node: Node, body: Node, errorNames: readonly string[]): boolean {
  for (let p = node.parent; p !== null && p.id !== body.id; p = p.parent) {
    if (p.type !== 'if_statement' && p.type !== 'elif_clause') continue;
    const cond = p.childForFieldName('condition');
    if (cond !== null && !contains(cond, node) && errorNames.some((name) => testsError(cond, name))) return true;
  }
  return false;
}

/**
 * A loop over records due for another attempt (`for p in Payout.objects.filter(status="failed")`,
 * `for (const p of await db.payouts.where({ status: 'FAILED' }))`, rows whose `attempt_count < 5`,
 * an outbox's `{ processed: false }`, `failed.forEach(…)` with `failed` bound to such a query; see
 * `selectsDueRecords`): a scheduled retry, whatever it is called. The loop body is the retried code.
 */
function failedRecordScopes(ctx: FileContext): Scope[] {
  const due = mayHoldDueQuery(ctx);
  const marks = mayMarkState(ctx);
  // A record's own counter bumped (`failures + 1`, `+= 1`, `++`): see `countsOwnAttempts`.
  const counts = BUMPS.test(ctx.source);
  if (!due && !marks && !counts) return [];
  const selectsFailed = (node: Node | null, at: Node): boolean => due && selectsDueRecords(ctx, node, at);
  const scopes: Scope[] = [];
  const loops = nodesOfType(ctx, ctx.family === 'python' ? ['for_statement'] : ['for_in_statement']);
  for (const loop of loops) {
    // `for (const payment of failedPayments as FailedPayment[])`: a cast leaves the records as they are.
    const right = unwrapValue(loop.childForFieldName('right'));
    const body = loopBody(loop);
    if (body === null) continue;
    // Asked once per loop: the query walk (bindings, helpers' returns) is the dearest part of a sweep.
    const selected = selectsFailed(right, loop);
    // A loop that skips every record not left failed (`if (escrow.status !== 'payout_failed') continue`).
    const skips = due && !selected ? skipsAllButFailed(ctx, loop, body) : null;
    // A loop that skips a record at its own attempt limit and counts one more attempt on it (see `countsOwnAttempts`).
    const failed = skips !== null || selected || (counts && countsOwnAttempts(ctx, loop, body));
    const selection = skips ?? (failed || marks ? selectionOf(ctx, loop, right) : undefined);
    // A sweep over records in a state it moves each out of after its write (see `marksOutOfSelection`).
    const marked = !failed && selection !== undefined && marksOutOfSelection(ctx, body, selection);
    if (!failed && !marked) continue;
    const why = failed ? 'records that failed before' : 'records not yet marked done';
    scopes.push({ context: 'retry', body, construct: loop, label: `${headerLine(loop, 60)} (${why})`, ...(selection ? { selection } : {}), ...(failed ? { sweepsFailed: true as const } : {}) });
  }
  // A poller (`while (true) { const message = await prisma.message.findFirst({ where: { retryCount: { lt: 2 } } }); … }`)
  // takes one due record per pass: each pass is an attempt on that record.
  for (const loop of nodesOfType(ctx, 'while_statement')) {
    const body = loopBody(loop);
    if (body === null) continue;
    const picks = blockStatements(body).some((st) => (st.type === 'lexical_declaration' || st.type === 'variable_declaration' || st.type === 'expression_statement') && pickedValues(st).some((v) => selectsFailed(unwrapAwait(v), st)));
    if (picks) scopes.push({ context: 'retry', body, construct: loop, label: `${headerLine(loop, 60)} (records that failed before)`, sweepsFailed: true });
  }
  if (due && ctx.family === 'ecma') {
    for (const call of allCalls(ctx)) {
      const path = calleePath(ctx, call);
      if (!/\.(forEach|map)$/.test(path)) continue;
      const receiver = call.childForFieldName('function')?.childForFieldName('object') ?? null;
      const fn = callArguments(call)[0];
      const body = fn && isFunction(fn, ctx.family) ? functionBody(fn) : null;
      if (body === null || rendersElements(body) || !selectsFailed(unwrapAwait(receiver), call)) continue;
      scopes.push({ context: 'retry', body, construct: call, label: `${firstLine(call, 60)} (records that failed before)`, sweepsFailed: true });
    }
  }
  return scopes;
}

/**
 * `items.map((item) => (<li>… <button onClick={() => markRead(item.id)}>…</li>))`: a callback that
 * answers an element renders the list, it works on no record; what its elements' handlers call runs
 * when a user acts on one, once, not for every record the list shows.
 */
function rendersElements(body: Node): boolean {
  const b = unwrapParens(body);
  return b !== null && (b.type === 'jsx_element' || b.type === 'jsx_self_closing_element' || b.type === 'jsx_fragment');
}

/** The values a statement binds to names: declarators' values, an assignment's right side. */
function pickedValues(statement: Node): Node[] {
  if (statement.type === 'expression_statement') {
    const a = statement.firstNamedChild;
    const right = a?.type === 'assignment' || a?.type === 'assignment_expression' ? a.childForFieldName('right') : null;
    return right === null ? [] : [right];
  }
  return statement.namedChildren.filter((d) => d.type === 'variable_declarator').flatMap((d) => d.childForFieldName('value') ?? []);
}

/**
 * The record a loop over selected records binds (`for s in send_qs`) and the values its query
 * selects each field by (`status__in=['SUBMITTED', 'FAILED']` → status: submitted, failed; `where:
 * { status: 'FAILED' }` → status: failed), read from the query or the name bound to it.
 */
function selectionOf(ctx: FileContext, loop: Node, query: Node | null): Scope['selection'] | undefined {
  const left = loop.childForFieldName('left');
  const record = left?.type === 'identifier' ? left.text : left?.descendantsOfType('identifier').length === 1 ? left.descendantsOfType('identifier')[0]!.text : null;
  if (record === null || query === null) return undefined;
  // `for (const sale of sales ?? [])`: the records are those of the left side.
  let q = query;
  while (isFallback(q)) q = q.childForFieldName('left') ?? q;
  const source = q.type === 'identifier' ? lastBindingBefore(ctx, q.text, loop) : q;
  if (source === null || createsRecords(ctx, source)) return undefined;
  const fields = new Map<string, Set<string>>();
  const add = (key: string, value: Node, byNull = false) => {
    const field = key.split('__')[0]!;
    // `status__in=['SUBMITTED', 'FAILED']`, `status: TRANSACTION_STATUS.APPROVED`: strings and enum members;
    // `sent: false`: a done flag's boolean; `.is('payout_completed_at', null)`: rows whose done-marker is unset.
    const values = selectsUnset(ctx, key, value, byNull)
      ? [UNSET]
      : [value, ...value.descendantsOfType(['string', 'template_string', 'member_expression', 'attribute'])].flatMap((n) => selectedValue(ctx, field, n) ?? []);
    if (values.length === 0) return;
    fields.set(field, new Set([...(fields.get(field) ?? []), ...values]));
  };
  for (const arg of source.descendantsOfType(['keyword_argument'])) {
    const kw = keywordArgument(arg);
    if (kw) add(kw.name, kw.value);
  }
  for (const obj of source.descendantsOfType(['object', 'dictionary'])) for (const e of literalEntries(obj)) add(e.key, e.value);
  // `where: eq(payouts.status, "pending")` (drizzle): a column compared by a filter function.
  for (const { field, value } of columnFilters(ctx, source)) add(field, value);
  // `.eq("status", "completed").is("payout_completed_at", null)` (Supabase, Knex): a column and its value as a filter method's arguments.
  for (const { field, value } of positionalFilters(ctx, source)) add(field, value, true);
  return fields.size > 0 ? { record, fields } : undefined;
}

/**
 * `created = Initiative.objects.bulk_create([…])`, `InitiativeFactory.create_batch(2, status='approved')`:
 * records the function itself has just made (a `record_write_methods` verb names the call), not
 * records a query selects, so a next run does not find them again.
 */
function createsRecords(ctx: FileContext, source: Node): boolean {
  const call = unwrapAwait(source);
  if (call === null || !isCall(call, ctx.family)) return false;
  const writes = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  const name = lastSegment(calleePath(ctx, call));
  return writes.has(name) || writes.has(splitWords(name)[0] ?? '');
}

/**
 * Task base classes of this file that retry their tasks: a class whose body sets a task-retry
 * keyword (`autoretry_for = (TransportError,)`) as a class attribute. Part of the file's summary
 * (`task-retry-base:<Class>`), so a task in another module with `base=AmoTask` is retried too.
 */
export function retryingTaskBases(ctx: FileContext): string[] {
  if (ctx.family !== 'python' || !ctx.vocab.retry.task_retry_kwargs.some((k) => ctx.source.includes(k))) return [];
  return ctx.memo('retrying-task-bases', () => {
    const v = retryVocab(ctx);
    const out: string[] = [];
    for (const cls of nodesOfType(ctx, 'class_definition')) {
      const name = cls.childForFieldName('name')?.text;
      const body = cls.childForFieldName('body');
      if (!name || !body) continue;
      const sets = blockStatements(body).some((st) => {
        const a = st.type === 'expression_statement' ? st.firstNamedChild : st;
        const left = a?.type === 'assignment' ? a.childForFieldName('left') : null;
        return left?.type === 'identifier' && v.taskRetryKwargs.has(left.text);
      });
      if (sets) out.push(name);
    }
    // A class of this file that derives from one of them retries too (`class SendEmailTask(BaseRetryTask)`).
    for (let grew = out.length > 0; grew; ) {
      grew = false;
      for (const [name, cls] of classesByName(ctx)) {
        if (out.includes(name) || !superclassesOf(cls).some((p) => out.includes(p))) continue;
        out.push(name);
        grew = true;
      }
    }
    return out;
  });
}

/** `@app.task(base=AmoTask)`: the base class retries, here or (decided at link time) in another module. */
function retryingBaseOf(ctx: FileContext, deco: Node): { name: string; requires?: Scope['requires'] } | null {
  const base = callArguments(deco).map(keywordArgument).find((kw) => kw?.name === 'base')?.value;
  if (base === undefined) return null;
  return retryingClass(ctx, dottedPath(base), new Set());
}

/**
 * Whether the task class `name` retries: it sets a retry keyword itself, or it inherits one from a
 * class of this file or an imported one (`class SendCancelEmailTask(BaseAssignmentTask)`, with
 * `class BaseAssignmentTask(LoggedTaskWithRetry)` and `LoggedTaskWithRetry` in another module).
 */
function retryingClass(ctx: FileContext, name: string, seen: Set<string>): { name: string; requires?: Scope['requires'] } | null {
  if (seen.has(name)) return null;
  seen.add(name);
  if (retryingTaskBases(ctx).includes(name)) return { name };
  if (projectImportOf(ctx, name) !== undefined) return { name, requires: { kind: 'project-fact', fact: `task-retry-base:${lastSegment(name)}` } };
  const cls = classesByName(ctx).get(name);
  for (const parent of cls ? superclassesOf(cls) : []) {
    const found = retryingClass(ctx, parent, seen);
    if (found !== null) return { ...found, name };
  }
  return null;
}

function classesByName(ctx: FileContext): Map<string, Node> {
  return ctx.memo('classes-by-name', () => new Map(nodesOfType(ctx, 'class_definition').flatMap((c) => {
    const name = c.childForFieldName('name')?.text;
    return name ? [[name, c] as const] : [];
  })));
}

/** The dotted names a Python class derives from (`class A(B, mixins.C, metaclass=M)` → B, mixins.C). */
function superclassesOf(cls: Node): string[] {
  const args = cls.childForFieldName('superclasses');
  return (args?.namedChildren ?? []).filter((a) => a.type === 'identifier' || a.type === 'attribute').map((a) => dottedPath(a));
}

/**
 * Module-level dicts of this file that hold task-retry options (`EMAIL_RETRY_PROPS = {"autoretry_for":
 * (Exception,), …}`), or spread such a dict of this file. Part of the file's summary
 * (`task-retry-props:<NAME>`), so `@shared_task(**EMAIL_RETRY_PROPS)` in another module retries too.
 */
export function retryingTaskProps(ctx: FileContext): string[] {
  if (ctx.family !== 'python' || !ctx.vocab.retry.task_retry_kwargs.some((k) => ctx.source.includes(k))) return [];
  return ctx.memo('retrying-task-props', () => [...moduleDicts(ctx).keys()].filter((name) => {
    const found = retryingProps(ctx, name, new Set());
    return found !== null && found.requires === undefined;
  }));
}

/** `@shared_task(**EMAIL_RETRY_PROPS)`: options spread from a dict of this module or (decided at link time) another. */
function retryingPropsOf(ctx: FileContext, deco: Node): { name: string; requires?: Scope['requires'] } | null {
  for (const arg of callArguments(deco)) {
    const spread = arg.type === 'dictionary_splat' ? arg.namedChildren[0] : undefined;
    const found = spread && retryingProps(ctx, dottedPath(spread), new Set());
    if (found) return found;
  }
  return null;
}

function retryingProps(ctx: FileContext, name: string, seen: Set<string>): { name: string; requires?: Scope['requires'] } | null {
  if (seen.has(name)) return null;
  seen.add(name);
  const dict = moduleDicts(ctx).get(name);
  if (dict === undefined) {
    return projectImportOf(ctx, name) !== undefined ? { name, requires: { kind: 'project-fact', fact: `task-retry-props:${lastSegment(name)}` } } : null;
  }
  const v = retryVocab(ctx);
  if (literalEntries(dict).some((e) => v.taskRetryKwargs.has(e.key))) return { name };
  for (const spread of dict.namedChildren.filter((c) => c.type === 'dictionary_splat')) {
    const inner = spread.namedChildren[0];
    const found = inner && retryingProps(ctx, dottedPath(inner), seen);
    if (found) return { ...found, name };
  }
  return null;
}

/** `NAME = {…}` (annotated or not) at the top level of the module, by name. */
function moduleDicts(ctx: FileContext): Map<string, Node> {
  return ctx.memo('module-dicts', () => {
    const out = new Map<string, Node>();
    for (const st of ctx.root.namedChildren) {
      const a = st.type === 'expression_statement' ? st.firstNamedChild : null;
      const left = a?.type === 'assignment' ? a.childForFieldName('left') : null;
      const right = a?.childForFieldName('right');
      if (left?.type === 'identifier' && right?.type === 'dictionary') out.set(left.text, right);
    }
    return out;
  });
}

const HELPER_DEPTH = 2;

/**
 * The bodies of this file's functions called from a retry scope run again with it: `processPayment(job)`
 * in a retried job runs `stripeService.createPayment()` again. A write the helper makes in this
 * file is already reported at the helper's call; these scopes (marked `via`) are for what only
 * shows inside the helper (a call into another file), and the scan drops a candidate in one when
 * the helper's call is itself a candidate.
 */
function throughLocalHelpers(ctx: FileContext, scopes: readonly Scope[]): Scope[] {
  const out: Scope[] = [];
  const seen = new Set<number>();
  let frontier = scopes.filter((s) => s.receiver === undefined && s.body.id !== ctx.root.id && !REFERENCE_BODIES.has(s.body.type));
  for (let depth = 0; depth < HELPER_DEPTH && frontier.length > 0; depth++) {
    const next: Scope[] = [];
    for (const scope of frontier) {
      for (const call of callsWithin(ctx, scope.body)) {
        // A call the scope does not repeat (in a handler it leaves out, a processor its loop only registers, a redelivered handler's call whose failure it keeps) repeats no helper.
        if (scope.excludes?.some((x) => contains(x, call))) continue;
        const fn = resolveLocalFunction(ctx, call);
        const body = fn && functionBody(fn);
        if (!fn || !body || seen.has(body.id) || contains(fn, call) || contains(fn, scope.body)) continue;
        seen.add(body.id);
        const kept = scope.redelivered ? keptFailures(ctx, body) : [];
        const derived: Scope = { context: 'retry', body, construct: call, label: `${scope.label}, through ${calleePath(ctx, call)}()`, via: { call, from: scope }, ...(scope.requires ? { requires: scope.requires } : {}), ...(scope.hook ? { hook: true as const } : {}), ...(scope.swallowedRetries ? { swallowedRetries: true as const } : {}), ...(scope.rerun ? { rerun: true as const } : {}), ...(scope.scheduled ? { scheduled: scope.scheduled } : {}), ...(scope.redelivered ? { redelivered: scope.redelivered } : {}), ...(kept.length > 0 ? { excludes: kept } : {}) };
        next.push(derived);
      }
    }
    out.push(...next);
    frontier = next;
  }
  return out;
}

const REFERENCE_BODIES = new Set(['identifier', 'attribute', 'member_expression']);
