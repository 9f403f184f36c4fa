import { calleePath, answeredOnce, callsWithin } from '../file-index.js';
import { reachedCallsOf, resolveLocalFunction } from '../local-helpers.js';
import { reachedInner } from '../scope.js';
import { compiledOnce } from '../compiled.js';
import { NamePatterns } from '../names.js';
import { callsQuietHelper, isInert, isPlainExit, isQuietExit, namesBoundBy, swallowsQuietly, successBranch, successMarks, swallows } from '../quiet-steps.js';
import { blockStatements, callArguments, contains, enclosingFunction, functionBody, hasFinally, isCall, isChainLink, isExit, isFunction, isLoop, isRaise, lastSegment, tryHandlers, unwrapAwait, unwrapValue, type Node } from '../syntax.js';
import { markedRightAfter } from './sweep-marks.js';
import { writesFailureBack } from '../contexts/due-records.js';
import type { FileContext, Matcher, Scope } from '../types.js';

/**
 * `exits-after` — the statement right after the candidate's (in its block, or, when it ends its
 * block, in the enclosing block within the scope) is an unconditional `break`, or a `return` whose
 * value calls nothing: it runs only on the attempt that succeeds
 * (`send_receipt(user); break`). Used as `not: exits-after` by AP-002, since a success message sent
 * right before leaving the loop is sent once. The last statement of a retried function counts too:
 * nothing after it can fail and start another attempt.
 */
export const exitsAfterMatcher: Matcher = {
  kind: 'exits-after',
  summary: 'an unconditional return/break follows the candidate in the scope, so it runs on the last attempt only',
  validate: () => null,
  test(ctx, _param, candidate) {
    if (candidate.scope === undefined) return false;
    // `@retry(retry=retry_if_result(…))`: the value returned after the send may start the next attempt.
    if (candidate.scope.retriesOnResult === true) return false;
    // A scheduled run's send is followed by the write that marks its row (`inside` checked it): not its last step.
    if (candidate.scope.scheduled !== undefined) return false;
    // A poll that re-arms its own one-shot timer on another branch (`if (done) { notify(); return
    // finish() }`, then `setTimeout(() => poll(), ms)`): a run that leaves before the re-arm is the last.
    if (candidate.scope.rearmedBy !== undefined && leavesUnarmed(ctx, candidate.node, candidate.scope.body, candidate.scope.rearmedBy)) return true;
    // A helper of another file (or a processor handed over by reference) that ends the attempt
    // here: its own calls that end its run are sent once; the link step reads which they are.
    // In a retried function, a send inside a try that swallows every error: neither the send nor a
    // later step of that try can fail the run, so only what follows the try can start another attempt.
    if (swallowedInRun(ctx, candidate.node, candidate.scope)) return true;
    const helper = (candidate.requires ?? []).find((r) => r.kind === 'helper');
    // A helper matched by its name alike: the last step here, it may still send before its own later steps.
    if (helper?.kind === 'helper' && (helper.relocate === true || exitsAfter(ctx, candidate.node, candidate.scope) || markedRightAfter(ctx, candidate.node, candidate.scope))) {
      helper.unlessLast = true;
      return false;
    }
    // A sweep's send followed only by the write that marks its record done counts as its last step (see `markedRightAfter`).
    if (!exitsAfter(ctx, candidate.node, candidate.scope) && !markedRightAfter(ctx, candidate.node, candidate.scope)) return false;
    // A helper of this file called last may still send before its own later steps that can fail
    // (`send_email(…)` then `n.send_sms(…)` inside `trigger_reminder`), on any of its ways to a
    // send: a success notice that ends it, and an alert in its catch followed by `throw error`.
    const inner = reachedInner(candidate);
    const local = inner && inner.id !== candidate.node.id ? resolveLocalFunction(ctx, candidate.node) : null;
    if (!local || !inner) return true;
    const sends = candidate.vocab ? reachedCallsOf(ctx, candidate.node, candidate.vocab) : [];
    return [inner, ...sends].every((send) => send.id === candidate.node.id || endsThrough(ctx, local, send, 0));
  },
};

/** Whether `inner`, reached from `fn` through helpers of this file, ends `fn`'s run (and each helper's on the way). */
export function endsThrough(ctx: FileContext, fn: Node, inner: Node, depth: number, swallowed = false): boolean {
  // Asked for every site a helper's send is reached from: answered once per helper, send, depth and kind.
  return endsThroughAnswers(ctx, `${fn.id}:${inner.id}:${depth}:${swallowed ? 1 : 0}`, () => findEndsThrough(ctx, fn, inner, depth, swallowed));
}

const endsThroughAnswers = answeredOnce<string, boolean>('ends-through');

function findEndsThrough(ctx: FileContext, fn: Node, inner: Node, depth: number, swallowed: boolean): boolean {
  if (contains(fn, inner)) return endsRun(ctx, fn, inner, swallowed);
  const body = functionBody(fn);
  if (body === null || depth >= MAX_HELPER_DEPTH) return true;
  for (const call of callsWithin(ctx, body)) {
    const next = resolveLocalFunction(ctx, call);
    if (next === null || next.id === fn.id || !reaches(ctx, next, inner, depth + 1)) continue;
    return endsRun(ctx, fn, call, swallowed) && endsThrough(ctx, next, inner, depth + 1, swallowed);
  }
  return true;
}

/** Whether `fn` makes `inner`, itself or through helpers of this file. */
export function reaches(ctx: FileContext, fn: Node, inner: Node, depth: number): boolean {
  if (contains(fn, inner)) return true;
  // Asked for every call of every helper on the way to every send: answered once per helper, send and depth.
  return reachesAnswers(ctx, `${fn.id}:${inner.id}:${depth}`, () => findReaches(ctx, fn, inner, depth));
}

const reachesAnswers = answeredOnce<string, boolean>('reaches-inner');

function findReaches(ctx: FileContext, fn: Node, inner: Node, depth: number): boolean {
  const body = functionBody(fn);
  if (body === null || depth >= MAX_HELPER_DEPTH) return false;
  return callsWithin(ctx, body).some((call) => {
    const next = resolveLocalFunction(ctx, call);
    return next !== null && next.id !== fn.id && reaches(ctx, next, inner, depth + 1);
  });
}

const MAX_HELPER_DEPTH = 3;

/**
 * Whether `node`, a call in `fn`'s body (or in a local helper it calls, `through`), is the last
 * thing that can fail in a run of `fn`: a caller that retries `fn` sends it again only when it
 * failed itself. With `swallowed`, a later step whose error a try swallows counts as one that can fail.
 */
export function endsRun(ctx: FileContext, fn: Node, node: Node, swallowed = false): boolean {
  // Asked of the same call per vocabulary, per site reached through it and per kind: answered once.
  return endsRunAnswers(ctx, `${fn.id}:${node.id}:${swallowed ? 1 : 0}`, () => findEndsRun(ctx, fn, node, swallowed));
}

const endsRunAnswers = answeredOnce<string, boolean>('ends-run');

function findEndsRun(ctx: FileContext, fn: Node, node: Node, swallowed: boolean): boolean {
  const body = fn.childForFieldName('body');
  if (body === null) return false;
  // `swallowed`: a later step whose error a try swallows still counts (a run a timer repeats leaves its work pending).
  return endsAttempt(ctx, node, { context: 'run', body, construct: fn, label: '', ...(swallowed ? { swallowedRetries: true as const } : {}) });
}

/**
 * Reached through a helper (`scope.via`), the candidate must end the helper's run and the helper's
 * call must itself end the attempt in the scope that calls it.
 */
export function exitsAfter(ctx: FileContext, node: Node, scope: Scope): boolean {
  // A client's retry policy re-sends the request alone: nothing after it starts another attempt.
  if (scope.receiver !== undefined) return true;
  if (startsNextAttemptBeside(ctx, node, scope)) return false;
  if (!endsAttempt(ctx, node, scope)) return false;
  return scope.via === undefined || exitsAfter(ctx, scope.via.call, scope.via.from);
}

/** Blocks that are a handler's or a branch's, where a call starting the next attempt stands beside the send. */
const HANDLER_OR_BRANCH = new Set(['catch_clause', 'except_clause', 'if_statement', 'else_clause', 'elif_clause']);

/**
 * `catch (err) { executor(...args); sendNotification(`Retry, ${err}`) }`: the call that starts the
 * next attempt of a function that retries itself (the scope's construct, inside its body) and the
 * send are steps of the same block. Every failed attempt that starts another sends, whether the send
 * comes before that call or after it: it is no last step of the attempt.
 */
function startsNextAttemptBeside(ctx: FileContext, node: Node, scope: Scope): boolean {
  const retry = scope.construct;
  if (!isCall(retry, ctx.family) || retry.id === node.id || !contains(scope.body, retry) || contains(retry, node)) return false;
  let block: Node | null = retry.parent;
  while (block !== null && block.type !== 'block' && block.type !== 'statement_block' && !isFunction(block, ctx.family)) block = block.parent;
  // The retry's own block when that is a handler's (`except:` / `catch`) or a branch's, not the function's whole body
  // nor a try's body: there the scope's construct settles a success (`channel.ack(message)` after the send), it starts nothing.
  if (block === null || block.id === scope.body.id || isFunction(block, ctx.family) || !HANDLER_OR_BRANCH.has(block.parent?.type ?? '')) return false;
  for (let n: Node | null = node; n !== null && n.id !== scope.body.id; n = n.parent) {
    if (isFunction(n, ctx.family)) return false;
    if (n.parent?.id === block.id) return true;
  }
  return false;
}

/**
 * `connection.send_messages(messages)`: one call that delivers many messages in turn. A list written
 * out with one message (`send_messages([EmailMessage(…)])`) delivers that one only.
 */
function isBatchSend(ctx: FileContext, node: Node): boolean {
  const call = unwrapAwait(node);
  if (call === null || !isCall(call, ctx.family)) return false;
  if (!compiledOnce(ctx.vocab, 'batch-sends', () => new NamePatterns(ctx.vocab.batch_sends)).matches(calleePath(ctx, call))) return false;
  const first = callArguments(call)[0];
  return !((first?.type === 'list' || first?.type === 'array') && first.namedChildren.length <= 1);
}

function endsAttempt(ctx: FileContext, node: Node, scope: Scope, carried?: { sent: Set<string>; marks: Set<string> | undefined }): boolean {
  let n: Node = node;
  // What the send's own statement binds (its result): a check of it that gives up is no later step.
  let sent: Set<string> | undefined = carried?.sent;
  // What a success of the send counts (`results.email++`): a later throw only when none is counted gives up for good.
  let marks: Set<string> | undefined = carried?.marks;
  let first = carried === undefined;
  // A send of many messages fails part-way after delivering some: its own failure starts the next attempt.
  if (first && isBatchSend(ctx, node)) return false;
  // `async (job) => sendMail(job.data)`: a retried function whose body is the send's expression returns it, and does nothing after.
  if (first && scope.hook !== true && isExpressionBody(scope.body, ctx) && unwrapAwait(scope.body)?.id === node.id) return true;
  for (let p = n.parent; p !== null; n = p, p = p.parent) {
    if (p.type === 'block' || p.type === 'statement_block') {
      const statements = blockStatements(p);
      const index = statements.findIndex((s) => s.id === n.id);
      if (first) {
        // `return await this.sendMessage(params)`: the send is the attempt's last step, leaving on success.
        if (returnsSend(ctx, n, node, scope)) return true;
        sent = namesBoundBy(n);
        marks = index >= 0 ? successMarks(ctx, statements.slice(index + 1), sent) : undefined;
      }
      first = false;
      const names = sent;
      const counted = marks;
      const next = index >= 0 ? statements.slice(index + 1).find((st) => leavesOnSuccess(ctx, st, names, scope) || (!isInert(ctx, st, names, 0, counted) && !checksSentStatus(ctx, st, names) && !readsSentBody(ctx, st, names, statements.slice(index + 1)) && (retries(st, scope) || retriesTask(ctx, st))) || endsForGood(ctx, st, scope)) : undefined;
      if (next !== undefined) {
        // `for (const p of providers) { try { await p.sendEmail(…); break } catch … }`: the break leaves a
        // loop inside the attempt (a provider fallback), and the attempt goes on after that loop.
        const inner = innerLoopLeft(ctx, next, scope);
        if (inner !== null) return endsAttempt(ctx, inner, scope, { sent: sent ?? new Set(), marks });
        if (isQuietExit(ctx, next) || endsForGood(ctx, next, scope) || leavesOnSuccess(ctx, next, names, scope)) return true;
        // Later steps inside a try that swallows their errors cannot start another attempt.
        const t = p.parent;
        // What follows that try must end the attempt in turn.
        // In a sweep over records that failed before, a handler that writes the record back as failed
        // (`catch { update({ status: 'FAILED', attempts: n + 1 }) }`) hands it to the next run: no swallow.
        if (t?.type === 'try_statement' && t.childForFieldName('body')?.id === p.id && scope.swallowedRetries !== true && swallows(ctx, t) && !(scope.sweepsFailed === true && tryHandlers(t, ctx.family).some((h) => writesFailureBack(ctx, h.body)))) return endsAttempt(ctx, t, scope, { sent: sent ?? new Set(), marks });
        return false;
      }
      // The last step of a retried function: it runs again only when it failed itself.
      if (p.id === scope.body.id && scope.hook !== true && index >= 0 && p.parent !== null && isFunction(p.parent, ctx.family)) return true;
    }
    // A `case` of a switch: a `break` (or its end) leaves the switch, and what follows it runs next.
    if (p.type === 'switch_case' || p.type === 'switch_default') {
      const value = p.childForFieldName('value');
      const statements = p.namedChildren.filter((c) => c.id !== value?.id && c.type !== 'comment');
      const index = statements.findIndex((st) => st.id === n.id);
      const next = index >= 0 ? statements.slice(index + 1).find((st) => !isInert(ctx, st) && retries(st, scope)) : undefined;
      if (next !== undefined && next.type !== 'break_statement') return isPlainExit(next, ctx.family);
      const sw = p.parent?.parent;
      if (sw?.type !== 'switch_statement') return false;
      p = sw;
      continue;
    }
    if (p.id === scope.body.id) break;
    // The end of a durable step's callback: once it succeeds the step is kept, and a retry skips it.
    if (isFunction(p, ctx.family) && isMemoizedStep(ctx, p)) return true;
    // A loop within the attempt (one send per recipient): its next pass runs the steps again, and
    // the next recipient's send, or a step before it, can fail the attempt after this one went out.
    if (isLoop(p, ctx.family) && n.id === p.childForFieldName('body')?.id && loopSteps(n).some((st) => !isInert(ctx, st) && retries(st, scope))) return false;
    // Python's `try: … else:` runs its else block after the try body succeeds: a step there can still fail.
    if (p.type === 'try_statement' && p.childForFieldName('body')?.id === n.id) {
      const orElse = p.namedChildren.find((c) => c.type === 'else_clause');
      const steps = orElse?.childForFieldName('body');
      if (steps && failsBeforeExit(ctx, blockStatements(steps), scope)) return false;
      // `else: log.info('sent'); break`: the attempt that succeeded leaves there, and the handlers
      // (the rest of the loop) run only after the send itself failed.
      if (steps && !hasFinally(p) && exitsBeforeFailing(ctx, blockStatements(steps), scope)) return true;
    }
    // The end of a try's `else:` block: its `finally:` runs next, then what follows the try.
    if (p.type === 'else_clause' && p.parent?.type === 'try_statement') {
      const fin = p.parent.namedChildren.find((c) => c.type === 'finally_clause');
      const steps = fin?.namedChildren.find((c) => c.type === 'block');
      if (steps && failsBeforeExit(ctx, blockStatements(steps), scope)) return false;
      p = p.parent;
      continue;
    }
    // The last step of a branch: what follows the whole `if` chain runs next.
    if (p.type === 'if_statement' || p.type === 'else_clause' || p.type === 'elif_clause') {
      let head: Node = p;
      while ((head.type !== 'if_statement' || isChainLink(head)) && head.parent !== null) head = head.parent;
      p = head;
      continue;
    }
    // Leaving a handler: what follows the try runs only after a failure (the next attempt).
    // In a retried function with no loop of its own on the way, what follows the try is the
    // attempt's next step: a handler that completes swallowed the error, and the run goes on.
    if (['except_clause', 'catch_clause'].includes(p.type) && p.parent?.type === 'try_statement' && attemptIsFunction(ctx, p.parent, scope)) {
      p = p.parent;
      continue;
    }
    if (['except_clause', 'catch_clause', 'finally_clause'].includes(p.type)) return false;
  }
  return false;
}

/**
 * Whether a failure of `step` can start another attempt: anywhere in the scope, unless the scope
 * says which parts its retry catches (`retriedFrom`, the try bodies whose handlers call
 * `task.retry(…)`); a step in the try's `else:` or after it fails the run for good.
 */
function retries(step: Node, scope: Scope): boolean {
  // A step outside the scope (after a handler's settle of its message) does not bring the attempt back.
  if (scope.excludes?.some((x) => contains(x, step))) return false;
  // In an attempt loop, a step no try of the loop covers fails out of the loop: no next iteration.
  if (scope.failsOut === true && !step.type.endsWith('return_statement') && step.type !== 'break_statement' && !failsIntoLoop(step, scope.body)) return false;
  return scope.retriedFrom === undefined || scope.retriedFrom.some((r) => contains(r, step) || contains(step, r));
}

/**
 * A step that ends the attempts for good: a `return`/`break` or a `raise` outside the parts whose
 * failures the retry catches (`retriedFrom`) that does not itself retry (`raise self.retry(…)`), or
 * a `raise` of an error type the retry does not catch (`autoretry_for=(AutoRetryException,)`, then
 * `raise NotificationTechnicalFailureException(msg)`): no attempt follows it.
 */
function endsForGood(ctx: FileContext, step: Node, scope: Scope): boolean {
  const exit = isExit(step, ctx.family);
  const raise = isRaise(step, ctx.family);
  if (!exit && !raise) return false;
  // A `raise` no try of an attempt loop catches leaves the loop (`notify("gave up"); raise`).
  if (raise && scope.failsOut === true && !failsIntoLoop(step, scope.body)) return true;
  if (contains(step, scope.construct) || contains(scope.construct, step) || retriesTask(ctx, step)) return false;
  if (scope.retriedFrom !== undefined && !retries(step, scope)) return true;
  if (!raise || scope.retriedTypes === undefined) return false;
  const raised = raisedType(ctx, step);
  return raised !== null && !scope.retriedTypes.includes(raised) && !subclassesHere(ctx, raised, scope.retriedTypes);
}

/**
 * Whether a failure of `step`, a statement in an attempt loop's `body`, can bring the loop's next
 * iteration: it sits in the body of a try of the loop, or holds a try or a `continue` itself.
 * Elsewhere its error (or its `raise`) leaves the loop, and what was sent before it is not sent again.
 */
function failsIntoLoop(step: Node, body: Node): boolean {
  if (step.descendantsOfType(['try_statement', 'continue_statement']).length > 0) return true;
  for (let n: Node = step, p = step.parent; p !== null && n.id !== body.id; n = p, p = p.parent) {
    if (p.type === 'try_statement' && p.childForFieldName('body')?.id === n.id) return true;
  }
  return false;
}

/**
 * Whether the run of a function a one-shot timer re-runs (`name`) leaves after `node` without
 * reaching its re-arm: `node`'s path ends in a `return`/`throw` of its own function, with no loop or
 * try on the way (a handler may re-arm after a failure), and every re-arm (a call of `name`, or a
 * timer handed `name`) lies in that function after the exit, so no path through `node` reaches one.
 */
function leavesUnarmed(ctx: FileContext, node: Node, body: Node, name: string): boolean {
  const fn = enclosingFunction(node, ctx.family);
  if (fn === null || !contains(body.parent ?? body, fn)) return false;
  let exit: Node | null = null;
  for (let n: Node = node, p = node.parent; p !== null && p.id !== fn.id && exit === null; n = p, p = p.parent) {
    if (isLoop(p, ctx.family) || p.type === 'try_statement' || p.type === 'switch_case' || p.type === 'switch_default') return false;
    if (p.type !== 'block' && p.type !== 'statement_block') continue;
    const statements = blockStatements(p);
    const index = statements.findIndex((st) => st.id === n.id);
    exit = statements.slice(index + 1).find((st) => st.type === 'return_statement' || isRaise(st, ctx.family)) ?? null;
    if (index < 0) return false;
  }
  if (exit === null) return false;
  const word = lastSegment(name);
  const rearms = callsWithin(ctx, body).filter((c) => lastSegment(calleePath(ctx, c)) === word || (c.childForFieldName('arguments')?.namedChildren ?? []).some((a) => lastSegment(a.text) === word));
  return rearms.every((c) => contains(fn, c) && c.startIndex > exit.endIndex);
}

/**
 * Whether `node` sits in the body of a try that swallows every error (its handlers only log or
 * record, none raises or retries), in a run of a function retried for an error it raises, with
 * no loop on the way, and the try itself ends the attempt (nothing after it that can fail). Not in a
 * run whose swallowed failure still brings the work back (a message left unsettled, a timer's run).
 */
function swallowedInRun(ctx: FileContext, node: Node, scope: Scope): boolean {
  if (scope.swallowedRetries === true || scope.rerun === true || scope.hook === true || scope.retriesOnResult === true || scope.receiver !== undefined || scope.via !== undefined) return false;
  for (let n: Node = node, p = node.parent; p !== null && n.id !== scope.body.id; n = p, p = p.parent) {
    // `await safe('digest', () => sendDigests())`: a callback handed to a helper of this file that
    // runs it inside a try that swallows every error, as the try around it would.
    const helper = isFunction(p, ctx.family) && p.id !== scope.body.parent?.id ? swallowingHelperCall(ctx, p) : null;
    if (helper !== null) return attemptIsFunction(ctx, helper, scope) && endsAttempt(ctx, helper, scope, { sent: new Set(), marks: undefined });
    if (isLoop(p, ctx.family) || (isFunction(p, ctx.family) && p.id !== scope.body.parent?.id)) return false;
    if (p.type === 'try_statement' && p.childForFieldName('body')?.id === n.id && swallowsQuietly(ctx, p)) {
      return attemptIsFunction(ctx, p, scope) && endsAttempt(ctx, p, scope, { sent: new Set(), marks: undefined });
    }
  }
  return false;
}

/** The call a function is handed to as an argument when that call is of a helper of this file whose every step is quiet (see `callsQuietHelper`). */
function swallowingHelperCall(ctx: FileContext, fn: Node): Node | null {
  const call = fn.parent?.type === 'arguments' || fn.parent?.type === 'argument_list' ? fn.parent.parent : null;
  return call !== null && isCall(call, ctx.family) && callsQuietHelper(ctx, call, 0) ? call : null;
}

/** Whether one of `steps`, before the first that leaves the attempt (`return True`), can fail and start another attempt. */
function failsBeforeExit(ctx: FileContext, steps: Node[], scope: Scope): boolean {
  for (const st of steps) {
    if (isQuietExit(ctx, st) || endsForGood(ctx, st, scope)) return false;
    if (!isInert(ctx, st) && (retries(st, scope) || retriesTask(ctx, st))) return true;
  }
  return false;
}

/**
 * The loop a `break` leaves when that loop lies inside the attempt (not the retry loop itself): the
 * attempt goes on after it. Null for any other step, and for a `break` that leaves a `switch`.
 */
function innerLoopLeft(ctx: FileContext, step: Node, scope: Scope): Node | null {
  if (step.type !== 'break_statement' || step.namedChildren.length > 0) return null;
  for (let p = step.parent; p !== null && p.id !== scope.body.id; p = p.parent) {
    if (p.type === 'switch_statement' || isFunction(p, ctx.family)) return null;
    if (isLoop(p, ctx.family)) return contains(scope.body, p) ? p : null;
  }
  return null;
}

/** Whether `steps` leave the attempt (`break`, `return True`) before any step that can fail. */
function exitsBeforeFailing(ctx: FileContext, steps: Node[], scope: Scope): boolean {
  for (const st of steps) {
    if (innerLoopLeft(ctx, st, scope) !== null) return false;
    if (isQuietExit(ctx, st) || endsForGood(ctx, st, scope)) return true;
    if (!isInert(ctx, st) && (retries(st, scope) || retriesTask(ctx, st))) return false;
  }
  return false;
}

/**
 * A check of the send's own result that leaves the attempt when it succeeded (`const ok = await
 * sendPhoto(…); if (ok) return true;`, `if result.success: break`): its body leaves before any step
 * that can fail, so the steps after the check, and the next attempt, follow only a send that
 * reported failure.
 */
function leavesOnSuccess(ctx: FileContext, st: Node, sent: ReadonlySet<string> | undefined, scope: Scope): boolean {
  if (sent === undefined || st.type !== 'if_statement') return false;
  const body = successBranch(ctx, st, sent);
  return body !== null && exitsBeforeFailing(ctx, blockStatements(body), scope);
}

/**
 * `response.raise_for_status()` on what the send's own statement bound (vocabulary
 * `responses.status_raising_methods`): it raises only when that send answered with an error status,
 * so the attempt it fails is one whose send failed, and no later step of it.
 */
function checksSentStatus(ctx: FileContext, step: Node, sent: ReadonlySet<string> | undefined): boolean {
  if (sent === undefined || sent.size === 0 || step.type !== 'expression_statement') return false;
  const expr = unwrapAwait(step.firstNamedChild);
  if (expr === null || !isCall(expr, ctx.family)) return false;
  const path = calleePath(ctx, expr);
  const dot = path.lastIndexOf('.');
  if (dot <= 0 || !sent.has(path.slice(0, dot))) return false;
  return compiledOnce(ctx.vocab, 'status-raising-methods', () => new NamePatterns(ctx.vocab.responses.status_raising_methods)).matches(path.slice(dot + 1));
}

/**
 * `if (!res.ok) throw …` then `const data = (await res.json()) as Reply` / `data = resp.json()`: a step
 * that only reads the body of what the send's own statement bound (vocabulary
 * `responses.body_read_methods`), after a check of that send's status that gives up on a failed one.
 * It reads a success answer's body, the end of the send's exchange, no later step. (Read before the
 * check, the body may be an error page's, and its parse fails after a delivered send.)
 */
function readsSentBody(ctx: FileContext, step: Node, sent: ReadonlySet<string> | undefined, after: readonly Node[]): boolean {
  if (sent === undefined || sent.size === 0) return false;
  const at = after.findIndex((st) => st.id === step.id);
  if (at <= 0 || !after.slice(0, at).some((st) => checksSentStatus(ctx, st, sent) || givesUpOnStatus(ctx, st, sent))) return false;
  const values: (Node | null)[] = [];
  if (step.type === 'lexical_declaration' || step.type === 'variable_declaration') {
    for (const d of step.namedChildren) if (d.type === 'variable_declarator') values.push(d.childForFieldName('value'));
  } else if (step.type === 'expression_statement') {
    const expr = step.firstNamedChild;
    if (expr?.type !== 'assignment' && expr?.type !== 'assignment_expression') return false;
    values.push(expr.childForFieldName('right'));
  } else return false;
  const reads = compiledOnce(ctx.vocab, 'body-read-methods', () => new NamePatterns(ctx.vocab.responses.body_read_methods));
  return values.length > 0 && values.every((v) => {
    const call = unwrapValue(v);
    if (call === null || !isCall(call, ctx.family)) return false;
    const path = calleePath(ctx, call);
    const dot = path.lastIndexOf('.');
    return dot > 0 && sent.has(path.slice(0, dot)) && reads.matches(path.slice(dot + 1));
  });
}

/** `if (!res.ok) { … throw … }`: a test of a status field of the send's result (vocabulary `responses.status_fields`) whose branch raises or returns. */
function givesUpOnStatus(ctx: FileContext, st: Node, sent: ReadonlySet<string>): boolean {
  if (st.type !== 'if_statement') return false;
  const condition = st.childForFieldName('condition');
  const body = st.childForFieldName('consequence');
  if (condition == null || body == null) return false;
  const fields = new Set(ctx.vocab.responses.status_fields);
  const reads = condition.descendantsOfType(['member_expression', 'attribute']).some((m) => {
    const dot = m.text.lastIndexOf('.');
    return dot > 0 && sent.has(m.text.slice(0, dot)) && fields.has(m.text.slice(dot + 1));
  });
  return reads && blockStatements(body).some((s) => isRaise(s, ctx.family) || isExit(s, ctx.family));
}

/** Whether `step` calls a task's retry (`raise self.retry(exc=e)`, `raise Retry()`): the step that starts the next attempt. */
function retriesTask(ctx: FileContext, step: Node): boolean {
  const r = ctx.vocab.retry;
  const patterns = compiledOnce(ctx.vocab, 'task-retry-steps', () => new NamePatterns([...r.task_retry_calls, ...r.task_retry_raises]));
  return callsWithin(ctx, step).some((c) => patterns.matches(calleePath(ctx, c)));
}

/** The last name of the error type a `raise X(…)` / `raise X` / `raise X(…) from e` raises; null for a bare `raise` or a value. */
function raisedType(ctx: FileContext, step: Node): string | null {
  let value = step.firstNamedChild;
  if (value !== null && isCall(value, ctx.family)) value = value.childForFieldName('function');
  if (value === null || (value.type !== 'identifier' && value.type !== 'attribute')) return null;
  const name = lastSegment(value.text);
  // A name bound to a caught error (`raise e`, `raise exc`) is whatever was caught: not a type.
  return /^[A-Z]/.test(name) ? name : null;
}

/** Whether a class of this file named `name` derives, directly, from one of `bases`. */
function subclassesHere(ctx: FileContext, name: string, bases: readonly string[]): boolean {
  if (!ctx.source.includes(`class ${name}`)) return false;
  const m = new RegExp(`class\\s+${name}\\s*\\(([^)]*)\\)`).exec(ctx.source);
  return m !== null && bases.some((b) => m[1]!.split(',').some((x) => lastSegment(x.trim()) === b));
}

/**
 * Whether the attempt is a whole function's run (a retried task or decorated function, a run of
 * `fn`) with no loop between `node` and the scope's body: a handler that completes lets the run go on.
 */
function attemptIsFunction(ctx: FileContext, node: Node, scope: Scope): boolean {
  if (scope.hook === true || scope.body.parent === null || !isFunction(scope.body.parent, ctx.family)) return false;
  for (let p: Node | null = node; p !== null && p.id !== scope.body.id; p = p.parent) if (isLoop(p, ctx.family) || isFunction(p, ctx.family)) return false;
  return true;
}

/** The body of an arrow function or lambda written as an expression, not a block. */
function isExpressionBody(body: Node, ctx: FileContext): boolean {
  return body.type !== 'block' && body.type !== 'statement_block' && body.parent !== null && isFunction(body.parent, ctx.family) && body.parent.childForFieldName('body')?.id === body.id;
}

/**
 * A `return` of the send itself (`return await send(…)`) in the scope's own function: nothing after
 * it runs in this attempt. (In a callback within the scope, `items.map(async (i) => { return send(i) })`,
 * it only ends the callback.)
 */
function returnsSend(ctx: FileContext, statement: Node, send: Node, scope: Scope): boolean {
  if (statement.type !== 'return_statement' || unwrapAwait(statement.firstNamedChild)?.id !== send.id) return false;
  const fn = enclosingFunction(statement, ctx.family);
  return fn === null || !contains(scope.body, fn);
}

/** `step.run('report', async () => …)`: a callback handed to a durable step (vocabulary `retry.memoized_steps`). */
function isMemoizedStep(ctx: FileContext, fn: Node): boolean {
  const call = fn.parent?.type === 'arguments' ? fn.parent.parent : null;
  if (call === null || !isCall(call, ctx.family)) return false;
  return compiledOnce(ctx.vocab, 'memoized-steps', () => new NamePatterns(ctx.vocab.retry.memoized_steps)).matches(calleePath(ctx, call));
}

function loopSteps(body: Node): Node[] {
  return body.type === 'block' || body.type === 'statement_block' ? blockStatements(body) : [body];
}
