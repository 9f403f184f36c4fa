import { isCallOf, isInMemory, logsOnly } from './call-vocabulary.js';
import { answeredOnce, calleePath, perFile } from './file-index.js';
import { compiledOnce, wordSet } from './compiled.js';
import { caughtName, exceptionPaths } from './contexts/ambiguous-outcome.js';
import { NamePatterns } from './names.js';
import { resolveLocalFunction } from './local-helpers.js';
import { lastBindingBefore } from './bindings.js';
import { CASTS, conjunctsOf, blockStatements, callArguments, callee, callTypes, enclosingFunction, functionBody, functionParameters, hasFinally, ifChain, isCall, isExit, isFunction, isRaise, raisesWithin, tryHandlers, unwrapAwait, unwrapParens, unwrapValue, type Family, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/**
 * Steps that cannot fail an attempt, so a send before them is, in effect, the attempt's last step
 * (`exits-after`): a log line, a step whose errors a try swallows, a value computed without I/O, a `continue`,
 * a branch made only of such steps, a call of a function of this file whose body is only such
 * steps (`_report_status()` that posts inside `try: … except Exception: log.warning(…)`), and a
 * check of the send's own result that gives up (`if (error || !data) throw error`): that attempt
 * failed because the send did.
 */
export function isInert(ctx: FileContext, statement: Node, sent: ReadonlySet<string> = NO_NAMES, depth = 0, marks: ReadonlySet<string> = NO_NAMES): boolean {
  // Asked of every statement after every call of a function (each call's later steps): the answer
  // depends on the statement and the depth only, except for an `if` checking the send's own result.
  if (statement.type === 'if_statement' && (sent.size > 0 || marks.size > 0)) return inertStep(ctx, statement, sent, depth, marks);
  const known = inertSteps(ctx);
  const byDepth = (known[depth] ??= new Map<number, boolean>());
  let v = byDepth.get(statement.id);
  if (v === undefined) byDepth.set(statement.id, (v = inertStep(ctx, statement, sent, depth, marks)));
  return v;
}

const inertSteps = perFile('inert-steps', (): Map<number, boolean>[] => []);

function inertStep(ctx: FileContext, statement: Node, sent: ReadonlySet<string>, depth: number, marks: ReadonlySet<string>): boolean {
  switch (statement.type) {
    case 'try_statement':
      // A later step inside a try that swallows its errors cannot fail the attempt either.
      return swallows(ctx, statement) && !hasFinally(statement);
    case 'lexical_declaration':
    case 'variable_declaration':
      // `const result = await sendWeeklyDigest(id)` of a helper of this file that cannot fail (its body a try that swallows every error) keeps only a value.
      // `const { error } = await supabase.from('t').update(…)`: a query that hands its error back keeps only a value.
      return statement.namedChildren.every((d) => d.type !== 'variable_declarator' || doesNoIo(ctx, d.childForFieldName('value'), statement) || swallowedValue(ctx, d.childForFieldName('value')) || quietHelperValue(ctx, d.childForFieldName('value'), depth) || errorReturningValue(ctx, d.childForFieldName('value')));
    case 'if_statement':
      return quietBranches(ctx, statement, sent, depth, marks);
    // `if (!member.phoneNumber) continue;`: skipping to the next item fails nothing (the loop's
    // other steps are judged as the loop's).
    case 'continue_statement':
      return true;
    case 'expression_statement':
      break;
    default:
      return false;
  }
  const expr = unwrapAwait(statement.firstNamedChild);
  if (expr === null) return false;
  // `results.email++`: a count kept in memory.
  if (expr.type === 'update_expression') return expr.descendantsOfType(callTypes(ctx.family) as string[]).length === 0;
  if (expr.type === 'assignment' || expr.type === 'augmented_assignment' || expr.type === 'assignment_expression' || expr.type === 'augmented_assignment_expression') {
    return doesNoIo(ctx, expr.childForFieldName('right'), statement) || quietHelperValue(ctx, expr.childForFieldName('right'), depth);
  }
  if (isPause(ctx, expr)) return true;
  if (!isCall(expr, ctx.family)) return false;
  const path = calleePath(ctx, expr);
  // `db.smsLog.update(…)`, `prisma.emailLog.create(…)`: a row of a table named for a log is a write that can fail, no log line.
  return logsOnly(ctx, path) || isInMemory(ctx, path) || reportsSuccess(ctx, expr) || swallowedPromise(ctx, expr, path) || callsQuietHelper(ctx, expr, depth) || returnsItsError(ctx, expr) || changesLocalCollection(ctx, expr);
}

/**
 * `await new Promise((resolve) => setTimeout(resolve, 100))`: a pause between items, a promise that
 * only a one-shot timer (vocabulary `retry.one_shot_timers`) settles; it cannot fail the attempt.
 */
function isPause(ctx: FileContext, expr: Node): boolean {
  if (expr.type !== 'new_expression' || expr.childForFieldName('constructor')?.text !== 'Promise') return false;
  const executor = expr.childForFieldName('arguments')?.firstNamedChild;
  const body = executor?.childForFieldName('body');
  if (body == null) return false;
  const call = body.type === 'statement_block' ? unwrapAwait(body.firstNamedChild?.firstNamedChild ?? null) : body;
  if (call === null || call === undefined || !isCall(call, ctx.family) || (body.type === 'statement_block' && body.namedChildren.length !== 1)) return false;
  return ctx.vocab.retry.one_shot_timers.includes(calleePath(ctx, call));
}

/** A collection made in memory: a literal (`[]`, `{}`) or a new empty container (`new Set()`, `set()`; vocabulary `in_memory_collections`). */
const COLLECTION_LITERALS = new Set(['array', 'object', 'list', 'dictionary', 'set']);

/**
 * `results.push({ founderId, success: result.success })`, `seen.add(id)`: a method of a collection the
 * same function made in memory (`const results = []`, `seen = set()`), handed values that do no I/O.
 */
function changesLocalCollection(ctx: FileContext, call: Node): boolean {
  const receiver = call.childForFieldName('function')?.childForFieldName('object');
  if (receiver?.type !== 'identifier' || !callArguments(call).every((a) => doesNoIo(ctx, a, call))) return false;
  const bound = lastBindingBefore(ctx, receiver.text, call);
  const fn = enclosingFunction(call, ctx.family);
  if (bound === null || fn === null || enclosingFunction(bound, ctx.family)?.id !== fn.id) return false;
  if (COLLECTION_LITERALS.has(bound.type)) return true;
  const made = bound.type === 'new_expression' ? bound.childForFieldName('constructor') : isCall(bound, ctx.family) ? callee(bound) : null;
  return made !== null && made !== undefined && ctx.vocab.in_memory_collections.includes(made.text) && callArguments(bound).length === 0;
}

/**
 * A query of a client that hands its error back instead of throwing it (vocabulary
 * `responses.error_returning_clients`: `await this.supabase.from('t').update(…).eq(…)`), its
 * result dropped: whatever happens, the statement does not throw.
 */
function returnsItsError(ctx: FileContext, call: Node): boolean {
  const words = ctx.vocab.responses.error_returning_clients;
  // supabase-js resolves to `{ error }`; supabase-py's `execute()` raises `APIError`.
  if (words.length === 0 || ctx.family === 'python') return false;
  // Down the chain `a.b.from(…).update(…).eq(…)` to the receiver that starts it.
  let node: Node | null = call;
  // A type cast on the way (`(supabase.from('t') as any).update(…)`) changes nothing at run time.
  while (node !== null && (isCall(node, ctx.family) || node.type === 'member_expression' || node.type === 'attribute' || node.type === 'parenthesized_expression' || CASTS.has(node.type))) {
    node = isCall(node, ctx.family) ? callee(node) : node.type === 'parenthesized_expression' || CASTS.has(node.type) ? node.firstNamedChild : node.childForFieldName('object');
  }
  if (node === null || node.id === call.id) return false;
  // The receiver (`supabaseAdmin`, `getSupabase`) or, read off `this`, the names before the first call (`this.supabase.from`).
  const receiver = ctx.source.slice(node.startIndex, node.endIndex);
  const head = ctx.source.slice(call.startIndex, call.endIndex).split('(')[0]!.split(/[.?]+/).slice(0, -1);
  return [receiver, ...head].some((w) => words.some((word) => w.toLowerCase().includes(word.toLowerCase())));
}

/** A value that is the result of such a query (`await (supabase.from('t') as any).update(…).in('id', ids)`). */
function errorReturningValue(ctx: FileContext, value: Node | null): boolean {
  const call = unwrapValue(value);
  return call !== null && isCall(call, ctx.family) && returnsItsError(ctx, call);
}

/**
 * `break`, or a `return` whose value makes no call: nothing after the candidate can fail and
 * trigger another attempt. (`return processor.charge(...)` can, so the message may be sent again.)
 */
export function isPlainExit(node: Node, family: Family): boolean {
  return isExit(node, family) && node.descendantsOfType(callTypes(family) as string[]).length === 0;
}

/**
 * A plain exit, or a `return` whose value is computed in memory (`return {'status': t.status,
 * 'id': str(t.id)}`, `return len(sent)`): it leaves the attempt, and nothing in it can fail.
 */
export function isQuietExit(ctx: FileContext, node: Node): boolean {
  if (isPlainExit(node, ctx.family)) return true;
  if (node.type !== 'return_statement') return false;
  return doesNoIo(ctx, node.firstNamedChild, node) || buildsAnswer(ctx, node.firstNamedChild, node);
}

/**
 * `return Response(message, 200, "success")`, `return JSONResponse({"sent": n})`: an answer object
 * (vocabulary `responses.answer_calls`, called by its bare name) built from values computed without
 * I/O. Making it sends nothing and fails nothing; the caller decides what to do with it.
 */
function buildsAnswer(ctx: FileContext, value: Node | null, at: Node): boolean {
  const call = unwrapAwait(value);
  if (call === null || !isCall(call, ctx.family)) return false;
  const fn = callee(call);
  if (fn?.type !== 'identifier' || !ctx.vocab.responses.answer_calls.includes(fn.text)) return false;
  return callArguments(call).every((a) => doesNoIo(ctx, a, at));
}

/**
 * A try all of whose handlers finish without raising (a bare `try` with only `finally` does not),
 * one of which catches every failure (`catch (e)`, bare `except:`, `except Exception`, a whole
 * transport family: vocabulary `timeouts.broad_exceptions`). `except ObjectDoesNotExist: pass`
 * lets the SMS provider's error through.
 */
export function swallows(ctx: FileContext, tryStmt: Node): boolean {
  // Asked of the same try for every call before it: answered once.
  return swallowingTries(ctx, tryStmt.id, () => swallowsAll(ctx, tryStmt));
}

const swallowingTries = answeredOnce<number, boolean>('swallowing-tries');

function swallowsAll(ctx: FileContext, tryStmt: Node): boolean {
  const handlers = tryHandlers(tryStmt, ctx.family);
  const broad = compiledOnce(ctx.vocab, 'broad-exceptions', () => new NamePatterns(ctx.vocab.timeouts.broad_exceptions, { caseSensitive: true }));
  return (
    handlers.length > 0 &&
    handlers.every((h) => !raisesWithin(h.body, ctx.family) && !handsErrorBack(ctx, tryStmt, h) && !retriesTask(ctx, h.body)) &&
    handlers.some((h) => h.type === null || exceptionPaths(h.type).some((p) => broad.matches(p)))
  );
}

/**
 * A handler that calls the task's own retry (`except Exception as e: self.retry(exc=e)`): Celery's
 * `Task.retry` raises `Retry` itself, so the failure is not swallowed but runs the task again, as
 * `raise self.retry(…)` does.
 */
function retriesTask(ctx: FileContext, body: Node): boolean {
  const retries = compiledOnce(ctx.vocab, 'task-retry-calls', () => new NamePatterns(ctx.vocab.retry.task_retry_calls));
  // (With `throw=False` it returns instead, but the retry is still sent: the task runs again all the same.)
  return body.descendantsOfType(callTypes(ctx.family) as string[]).some((c) => retries.matches(calleePath(ctx, c)));
}

/**
 * A handler that hands the caught error to a callback the function was given (`catch (error) {
 * done(error) }` in a Bull processor, `callback(err)`, `next(err)`): the caller learns of the
 * failure as if it were thrown (the job fails and is retried), so the try does not swallow it.
 */
function handsErrorBack(ctx: FileContext, tryStmt: Node, handler: { clause: Node; type: Node | null; body: Node }): boolean {
  const caught = caughtName(handler, ctx.family);
  const fn = enclosingFunction(tryStmt, ctx.family);
  if (caught === null || fn === null) return false;
  const params = new Set(functionParameters(fn));
  return handler.body.descendantsOfType(callTypes(ctx.family) as string[]).some((c) => {
    const name = callee(c);
    return name?.type === 'identifier' && params.has(name.text) && callArguments(c)[0]?.text === caught;
  });
}

/**
 * `done(null, result)`, `done()`: the function tells the callback it was given that it succeeded
 * (a Bull processor completing its job). Nothing remote happens, and no error comes of it.
 */
function reportsSuccess(ctx: FileContext, call: Node): boolean {
  const name = callee(call);
  const fn = enclosingFunction(call, ctx.family);
  if (name?.type !== 'identifier' || fn === null || !functionParameters(fn).includes(name.text)) return false;
  const first = callArguments(call)[0];
  return first === undefined || ['null', 'None', 'undefined'].includes(first.text);
}

/** The names a statement binds (`const { data, error } = await send(…)`, `resp = send(…)`): what a check of its result reads. */
export function namesBoundBy(statement: Node): Set<string> {
  const out = new Set<string>();
  const targets: (Node | null)[] = [];
  if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
    for (const d of statement.namedChildren) if (d.type === 'variable_declarator') targets.push(d.childForFieldName('name'));
  } else if (statement.type === 'expression_statement') {
    const a = statement.firstNamedChild;
    if (a?.type === 'assignment' || a?.type === 'assignment_expression') targets.push(a.childForFieldName('left'));
  }
  for (const t of targets) {
    if (t === null) continue;
    if (t.type === 'identifier') out.add(t.text);
    for (const id of t.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])) {
      // `{ data: sent }` binds `sent`, not the key `data`.
      if (id.parent?.type === 'pair_pattern' && id.parent.childForFieldName('key')?.id === id.id) continue;
      out.add(id.text);
    }
  }
  return out;
}

const NO_NAMES: ReadonlySet<string> = new Set();
/** How many helpers deep a quiet helper may call another one. */
const MAX_HELPER_DEPTH = 2;

/**
 * Computes nothing that can fail for a reason outside the program: no `await`, no call of a call
 * vocabulary, and, outside an async function (where I/O need not be awaited), no call at all but
 * a log line. Absent values (`let x;`) do nothing.
 */
function doesNoIo(ctx: FileContext, node: Node | null, at: Node): boolean {
  if (node === null) return true;
  // Asked of the same condition or value for every call before it: the walk is made once per node,
  // the answer kept per node and per kind of function around `at` (async or not).
  const known = noIoAnswers(ctx);
  const awaitsOrCalls = known.walked.get(node.id) ?? walkForIo(ctx, node, known.walked);
  if (awaitsOrCalls === AWAITS) return false;
  if (awaitsOrCalls.length === 0) return true;
  const fn = enclosingFunction(at, ctx.family);
  const asynchronous = fn !== null && fn.children.some((c) => c.type === 'async');
  const answers = asynchronous ? known.inAsync : known.inSync;
  let v = answers.get(node.id);
  if (v === undefined) answers.set(node.id, (v = awaitsOrCalls.every((c) => logsOnly(ctx, calleePath(ctx, c)) || isInMemory(ctx, calleePath(ctx, c)) || (asynchronous && !Object.keys(ctx.vocab.calls).some((v) => isCallOf(ctx, c, v))))));
  return v;
}

const AWAITS = 'awaits';

const noIoAnswers = perFile('does-no-io', () => ({ walked: new Map<number, Node[] | typeof AWAITS>(), inAsync: new Map<number, boolean>(), inSync: new Map<number, boolean>() }));

/** `AWAITS` when the node awaits, else the calls it makes (itself included). */
function walkForIo(ctx: FileContext, node: Node, walked: Map<number, Node[] | typeof AWAITS>): Node[] | typeof AWAITS {
  let v: Node[] | typeof AWAITS;
  if (node.descendantsOfType(ctx.family === 'python' ? 'await' : 'await_expression').length > 0 || node.type === 'await' || node.type === 'await_expression') v = AWAITS;
  else {
    v = node.descendantsOfType(callTypes(ctx.family) as string[]);
    if (isCall(node, ctx.family)) v.push(node);
  }
  walked.set(node.id, v);
  return v;
}

/**
 * An `if` whose conditions compute without I/O and whose branches hold only quiet steps and plain
 * exits; or, with `sent` (the names the send's statement bound), a check of that result whose
 * branches give up (`raise`/`throw`): the attempt then fails because the send itself failed.
 */
function quietBranches(ctx: FileContext, ifStmt: Node, sent: ReadonlySet<string>, depth: number, marks: ReadonlySet<string>): boolean {
  const branches = ifChain(ifStmt, ctx.family);
  // `if _is_console_email_backend(connection):`: a condition asking a helper of this file that cannot fail.
  if (!branches.every((b) => b.condition === null || doesNoIo(ctx, b.condition, ifStmt) || quietHelperValue(ctx, b.condition, depth))) return false;
  const checksSend = sent.size > 0 && branches.every((b) => b.condition === null || readsOnly(b.condition, sent));
  const success = checksSend ? successBranch(ctx, ifStmt, sent) : null;
  return branches.every((b) => {
    // `if (error) { log({ message, mention: true }); throw error }`: a branch on the send's failure
    // that gives up ends an attempt whose send failed, whatever it does on the way out.
    const steps = blockStatements(b.body);
    if (checksSend && b.body.id !== success?.id && (b.condition !== null || success !== null) && steps.length > 0 && isRaise(steps.at(-1)!, ctx.family)) return true;
    // `if (totalSent === 0 …) throw`: the attempt fails again only when nothing went out.
    const nothingSent = b.condition !== null && marks.size > 0 && assertsNothingSent(ctx, b.condition, marks, ifStmt);
    return steps.every(
      (st) => isPlainExit(st, ctx.family) || PASS.has(st.type) || ((checksSend || nothingSent) && isRaise(st, ctx.family)) || isInert(ctx, st, NO_NAMES, depth),
    );
  });
}

/**
 * What a success of the send counts or flags in the steps right after it: `results.email++`,
 * `sent += 1`, `delivered = True`, unconditionally or in a branch that reads the send's result
 * (`if (emailResult.success) results.email++`).
 */
export function successMarks(ctx: FileContext, after: readonly Node[], sent: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const collect = (st: Node) => {
    const expr = st.type === 'expression_statement' ? unwrapAwait(st.firstNamedChild) : null;
    const target = expr === null ? null : markedBy(expr);
    if (target !== null) out.add(target);
  };
  for (const st of after) {
    if (st.type === 'if_statement') {
      const [first] = ifChain(st, ctx.family);
      if (first?.condition && sent.size > 0 && readsOnly(first.condition, sent) && !negated(first.condition)) blockStatements(first.body).forEach(collect);
      continue;
    }
    collect(st);
  }
  return out;
}

/** The counter or flag an expression marks a success in: `x++`, `x += 1`, `x = true`. */
function markedBy(expr: Node): string | null {
  if (expr.type === 'update_expression' && expr.text.includes('++')) return expr.namedChildren[0]?.text ?? null;
  const right = expr.childForFieldName('right')?.text;
  if ((expr.type === 'augmented_assignment' || expr.type === 'augmented_assignment_expression') && /^\+=$/.test(expr.childForFieldName('operator')?.text ?? '') && right === '1') return expr.childForFieldName('left')?.text ?? null;
  if ((expr.type === 'assignment' || expr.type === 'assignment_expression') && (right === 'true' || right === 'True')) return expr.childForFieldName('left')?.text ?? null;
  return null;
}

/**
 * The body of an `if` that tests the send's own result for success (`if (ok) return true`, `if
 * result.success:`, `if (sent.delivered) { … }`): the condition is a name the send's statement bound
 * (not one named for an error: `if (error) return`) or a field of it named for success (vocabulary
 * `retry.done_words`), not negated. What follows the `if` then runs only when the send reported a failure.
 */
export function successBranch(ctx: FileContext, statement: Node, sent: ReadonlySet<string>): Node | null {
  if (statement.type !== 'if_statement' || sent.size === 0) return null;
  const [first] = ifChain(statement, ctx.family);
  const c = first?.condition ? unwrapParens(first.condition) : null;
  if (c == null || first === undefined) return null;
  if (c.type === 'identifier') return sent.has(c.text) && !/err|fail|exc/i.test(c.text) ? first.body : null;
  if (c.type !== 'member_expression' && c.type !== 'attribute') return null;
  const object = c.childForFieldName('object');
  const field = c.childForFieldName('property') ?? c.childForFieldName('attribute');
  if (object?.type !== 'identifier' || field === null || !sent.has(object.text)) return null;
  return wordSet(ctx, 'done_words', ctx.vocab.retry.done_words).anyWordOf(field.text) ? first.body : null;
}

function negated(condition: Node): boolean {
  const c = unwrapParens(condition);
  return c !== null && (c.type === 'not_operator' || (c.type === 'unary_expression' && c.text.startsWith('!')));
}

/**
 * A conjunct of `condition` holds only when no mark was set: `totalSent === 0` (a sum of the marks),
 * `!sent`, `not delivered`, `count < 1`.
 */
function assertsNothingSent(ctx: FileContext, condition: Node, marks: ReadonlySet<string>, at: Node): boolean {
  return conjunctsOf(condition).some((c) => {
    let subject: Node | null = null;
    if (negated(c)) subject = unwrapParens(c)?.namedChildren.at(-1) ?? null;
    else if (c.type === 'binary_expression' || c.type === 'comparison_operator') {
      const [left, right] = [c.namedChildren[0], c.namedChildren.at(-1)];
      const op = c.children.find((k) => !k.isNamed && k.type !== '(' && k.type !== ')')?.type ?? '';
      if (right?.text === '0' && ['===', '==', '<='].includes(op)) subject = left ?? null;
      else if (left?.text === '0' && ['===', '=='].includes(op)) subject = right ?? null;
      else if (right?.text === '1' && op === '<') subject = left ?? null;
    }
    if (subject === null) return false;
    if (marks.has(subject.text)) return true;
    // `const totalSent = results.inApp + results.email + results.slack`
    if (subject.type !== 'identifier') return false;
    const value = lastBindingBefore(ctx, subject.text, at);
    return value !== null && [value, ...value.descendantsOfType(['member_expression', 'attribute', 'identifier'])].some((n) => marks.has(n.text));
  });
}

const PASS = new Set(['pass_statement', 'empty_statement']);

/** Every name a condition starts from is one of `names` (`error || !data`, `not resp.ok`). */
function readsOnly(condition: Node, names: ReadonlySet<string>): boolean {
  const roots = [condition, ...condition.descendantsOfType('identifier')].filter((id) => {
    if (id.type !== 'identifier') return false;
    const p = id.parent;
    // `resp.ok`: `ok` names a field of `resp`, not a value of its own.
    // `results instanceof Error`: the class a value is tested against is no value read.
    if (p?.type === 'binary_expression' && p.childForFieldName('operator')?.type === 'instanceof' && p.childForFieldName('right')?.id === id.id) return false;
    return !(p?.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) && id.text !== 'undefined';
  });
  return roots.length > 0 && roots.every((id) => names.has(id.text));
}

/**
 * A call of a function of this file whose arguments compute without I/O and whose body holds only
 * quiet steps: it logs, returns early, and keeps its remote work inside a try that swallows errors.
 */
export function callsQuietHelper(ctx: FileContext, call: Node, depth: number): boolean {
  // A callback handed over (`safe('digest', () => sendDigests())`) runs only where the helper calls
  // it, and there it must sit inside a try that swallows errors (`run(name, fn) { return fn() }` is
  // no quiet helper, nor one that keeps the callback for later: `handlers.push(fn)`).
  const args = callArguments(call);
  if (depth >= MAX_HELPER_DEPTH || !args.every((a) => isFunction(a, ctx.family) || doesNoIo(ctx, a, call))) return false;
  const fn = resolveLocalFunction(ctx, call);
  const body = fn && functionBody(fn);
  if (!body) return false;
  const params = functionParameters(fn).filter((p, i) => !(i === 0 && (p === 'self' || p === 'cls')));
  if (!args.every((a, i) => !isFunction(a, ctx.family) || runsSwallowed(ctx, fn, body, params[i]))) return false;
  // `return 'console' in str(backend_path).lower()`: a return of a value computed in memory leaves quietly too.
  return blockStatements(body).every((st, i) => (i === 0 && isDocstring(st)) || IMPORTS.has(st.type) || PASS.has(st.type) || isQuietExit(ctx, st) || isInert(ctx, st, NO_NAMES, depth + 1));
}

/**
 * Every use of parameter `name` in the helper is a call of it (`await fn()`) in the body of a try
 * that swallows every error and has no finally, in the helper itself (not in a
 * function nested inside it, which runs later, outside the try).
 */
function runsSwallowed(ctx: FileContext, fn: Node, body: Node, name: string | undefined): boolean {
  if (name === undefined) return false;
  return body.descendantsOfType('identifier').filter((id) => id.text === name).every((id) => {
    const use = id.parent;
    if (use === null || !isCall(use, ctx.family) || callee(use)?.id !== id.id) return false;
    for (let n: Node = use, p = use.parent; p !== null && n.id !== fn.id; n = p, p = p.parent) {
      if (isFunction(p, ctx.family) && p.id !== fn.id) return false;
      // The handlers may keep the failure in a collection of the caller (`errors.push(name)`), which
      // `onlyQuietHandlers` cannot see as local from inside the helper; `swallows` already rules out
      // a handler that raises, hands the error back or retries.
      if (p.type === 'try_statement' && p.childForFieldName('body')?.id === n.id && swallows(ctx, p) && !hasFinally(p)) return true;
    }
    return false;
  });
}

/** A try that swallows every error (`swallows`), whose handlers only log or set values in memory, with no finally. */
export function swallowsQuietly(ctx: FileContext, tryStmt: Node): boolean {
  return swallows(ctx, tryStmt) && onlyQuietHandlers(ctx, tryStmt) && !hasFinally(tryStmt);
}

/**
 * Every handler of the try only logs or sets values in memory: a handler that calls a helper
 * (`_handle_delivery_failure(task, …, e)`) may raise the retried error from inside it.
 */
function onlyQuietHandlers(ctx: FileContext, tryStmt: Node): boolean {
  return tryStmt.namedChildren.filter((c) => c.type === 'except_clause' || c.type === 'catch_clause').every((h) => {
    const body = h.childForFieldName('body') ?? h.namedChildren.find((c) => c.type === 'block' || c.type === 'statement_block');
    return body != null && blockStatements(body).every((st) => isInert(ctx, st));
  });
}

const IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

function isDocstring(statement: Node): boolean {
  return statement.type === 'expression_statement' && statement.firstNamedChild?.type === 'string';
}

/**
 * `const body = await res.json().catch(() => ({})) as { id?: string }`: a value read through a promise
 * whose `.catch` handler does not throw; whatever the read meets, the statement does not fail.
 */
function swallowedValue(ctx: FileContext, value: Node | null): boolean {
  const call = unwrapValue(value);
  return call !== null && isCall(call, ctx.family) && swallowedPromise(ctx, call, calleePath(ctx, call));
}

/** A value that is the result of a call of a helper of this file that cannot fail (`await sendWeeklyDigest(id)`). */
function quietHelperValue(ctx: FileContext, value: Node | null, depth: number): boolean {
  const call = unwrapAwait(value);
  return call !== null && isCall(call, ctx.family) && callsQuietHelper(ctx, call, depth);
}

/** `await send(…).catch(() => { failures += 1 })`: a promise whose `.catch` handler does not throw cannot fail the attempt. */
function swallowedPromise(ctx: FileContext, call: Node, path: string): boolean {
  if (ctx.family !== 'ecma' || !/\.catch$/.test(path)) return false;
  const handler = callArguments(call)[0];
  return handler !== undefined && isFunction(handler, ctx.family) && !raisesWithin(handler, ctx.family);
}
