import { allCalls, calleePath, callsWithin, nodesOfType, nodesWithin } from '../file-index.js';
import { operationExcluded, isCallOf, isHttpClientCall, isInMemory, logsOnly, matchedByVerbOnly, methodParameterOf, namesOneOperation } from '../call-vocabulary.js';
import { deferredToCommit, functionNamedAt, methodAround, notifiesOnly, reachedCallsOf, resolveLocalFunction } from '../local-helpers.js';
import { projectImportOf } from '../imports.js';
import { lastBindingBefore } from '../bindings.js';
import { classOfLocalFactory, isTypedMemberCall } from '../kinds/call.js';
import { normalizeName, splitWords } from '../names.js';
import { givesBackHeld, isOutcomeValue, isResultCodeField, isSuccessCode, leadsWithCompensation, outcomeWords } from '../outcomes.js';
import { compiledOnce, wordSet } from '../compiled.js';
import { afterAttempts } from './after-attempts.js';
import { NamePatterns } from '../names.js';
import {
  BINDING_TYPES,
  bindingOf,
  blockStatements,
  callee,
  contains,
  dottedPath,
  enclosingFunction,
  firstLine,
  headerLine,
  ifChain,
  isCall,
  isChainLink,
  isLoop,
  isRaise,
  negatedOperand,
  raisesWithin,
  lastSegment,
  stringsUnder,
  callArguments,
  functionBody,
  functionName,
  functionParameters,
  ownParameters,
  functionTypes,
  isFunction,
  tryBody,
  tryHandlers,
  type Handler,
  type Branch,
  unwrapAwait,
  unwrapParens,
  type Node,
} from '../syntax.js';
import type { ContextKind, FileContext, Requirement, Scope } from '../types.js';

/**
 * `inside: timeout-handler` — the part of an except/catch that handles a timeout of a try whose
 * body makes a mutating call: the whole handler when it names a timeout exception (`except
 * requests.Timeout:`, `except (Timeout, ConnectionError):`), or the branch of an `if` inside the
 * handler that tests for one (`isinstance(e, Timeout)`, `err.code === 'ETIMEDOUT'`, `err.name ===
 * 'AbortError'`, `err instanceof TimeoutError`).
 * Skips: handlers around reads only (a health check's timeout), broad handlers that never name a
 * timeout (`except Exception:`); those are not yet judged.
 */
export const timeoutHandlerContext: ContextKind = {
  name: 'timeout-handler',
  summary: 'the handler of a timeout raised by a try block that makes a mutating call',
  scopes: (ctx) => ctx.memo('scopes:timeout-handler', () => findTimeoutHandlers(ctx)),
};

/**
 * `inside: status-branch` — the failure branch of a binary check on the response of a mutating
 * call: the `else` of `if response.status == 200` / `if (res.ok)` / `res.ok ? … : …`, or the body of
 * `if resp.status_code != 200` / `if (!res.ok)`; the response is the call itself or a name bound
 * to it earlier in the same function.
 * Skips: branches on responses of reads, checks on anything that is not a status field.
 */
export const statusBranchContext: ContextKind = {
  name: 'status-branch',
  summary: 'the failure branch of a two-way status check on a mutating call’s response',
  scopes: (ctx) => ctx.memo('scopes:status-branch', () => findStatusBranches(ctx)),
};

/** `inside: ambiguous-outcome` — either of the two above. */
export const ambiguousOutcomeContext: ContextKind = {
  name: 'ambiguous-outcome',
  summary: 'a timeout handler or binary status branch of a mutating call',
  scopes: (ctx) => [...timeoutHandlerContext.scopes(ctx), ...statusBranchContext.scopes(ctx)],
};

interface TimeoutNames {
  exceptions: NamePatterns;
  codes: Set<string>;
  broad: NamePatterns;
  sentNothing: NamePatterns;
  definite: NamePatterns;
  base: NamePatterns;
}

function timeoutNames(ctx: FileContext): TimeoutNames {
  return compiledOnce(ctx.vocab, 'timeout-names', () => ({
    exceptions: new NamePatterns(ctx.vocab.timeouts.exceptions, { caseSensitive: true }),
    codes: new Set(ctx.vocab.timeouts.codes),
    broad: new NamePatterns(ctx.vocab.timeouts.broad_exceptions, { caseSensitive: true }),
    sentNothing: new NamePatterns(ctx.vocab.timeouts.sent_nothing, { caseSensitive: true }),
    definite: new NamePatterns(ctx.vocab.timeouts.definite, { caseSensitive: true }),
    base: new NamePatterns(ctx.vocab.timeouts.base_classes, { caseSensitive: true }),
  }));
}

/** Whether a handler takes errors that may leave a write's outcome unknown (vocabulary `timeouts`): every error, a transport error or a timeout. */
export function handlesAmbiguous(ctx: FileContext, handler: { type: Node | null }): boolean {
  return catchesAmbiguous(timeoutNames(ctx), handler);
}

/**
 * Whether an exception class a handler names is a timeout of any kind (vocabulary `timeouts.exceptions`):
 * a failure the caller expects to pass, so a loop that catches it means to try again. Wider than the
 * ambiguous outcomes `handlesAmbiguous` reads: a connect timeout sent nothing, yet it is retried all the same.
 */
export function timeoutException(ctx: FileContext, path: string): boolean {
  return timeoutNames(ctx).exceptions.matches(path);
}

/** A caught exception that may leave a write's outcome unknown: a timeout or a broad/transport error, not one raised before sending. */
function isAmbiguousException(names: TimeoutNames, path: string): boolean {
  if (names.sentNothing.matches(path) || names.definite.matches(path)) return false;
  return names.exceptions.matches(path) || names.broad.matches(path);
}

/** Whether a handler takes errors that leave the outcome unknown: every error, a transport error or a timeout. */
function catchesAmbiguous(names: TimeoutNames, handler: { type: Node | null }): boolean {
  return handler.type === null || exceptionPaths(handler.type).some((p) => isAmbiguousException(names, p));
}

/** Outermost names in an exception expression: `Timeout`, `requests.exceptions.Timeout`, each of a tuple. */
export function exceptionPaths(node: Node): string[] {
  if (node.type === 'identifier' || node.type === 'attribute' || node.type === 'member_expression') return [dottedPath(node)];
  return node.namedChildren.flatMap(exceptionPaths);
}

/** Whether a condition inside a handler tests for a timeout. */
export function mentionsTimeout(ctx: FileContext, condition: Node): boolean {
  const { exceptions, codes } = timeoutNames(ctx);
  if (stringsUnder(condition).some((s) => codes.has(s))) return true;
  const names = condition.descendantsOfType(['identifier', 'attribute', 'member_expression']);
  return names.some((n) => n.type !== 'identifier' || n.parent?.type !== 'attribute' ? exceptions.matches(dottedPath(n)) : false);
}

/**
 * `void send(…)` (or a call inside such an expression) within `body`, or the chain made on it a statement
 * of its own (`detached`): fire-and-forget, its rejection is never caught here.
 * So is a call whose own promise chain takes its rejection and does not throw it on
 * (`notify({…}).catch(() => {})`, trebettabackend's approveWithdrawal).
 */
function discarded(call: Node, body: Node): boolean {
  // `fetch(…).catch(console.error);` as a statement: the chain made on the call is dropped whole, so
  // whatever its `.catch` hands (a logger, a function of the file), no rejection reaches the try.
  return caughtByOwnChain(call, body) || detached(call, body);
}

/**
 * `void notify(…).catch(…)`, `sendMail(…);`, `setTimeout(() => send(…))`: the call's promise is
 * dropped within `body` (fire-and-forget), so neither its rejection nor its result reaches the rest
 * of the function.
 */
function dropped(call: Node, body: Node): boolean {
  if (notAwaited(call)) return true;
  // `items.forEach((item) => pending.push(axios.post(…)))`: a promise handed to another call or bound
  // inside the callback lives on (`await Promise.all(pending)`), whatever becomes of the callback.
  let handedOn = false;
  for (let n: Node | null = call.parent; n !== null && n.id !== body.id; n = n.parent) {
    if (n.type === 'unary_expression' && n.firstChild?.type === 'void') return true;
    if (n.type === 'arrow_function' || n.type === 'function_expression') return !handedOn && handedToDroppedCall(n);
    if (n.type === 'expression_statement') return false;
    if (HANDED_ON.has(n.type)) handedOn = true;
  }
  return false;
}

/**
 * The call runs detached from its function (`discarded`'s reading without the call's own `.catch`,
 * which an awaited chain may still turn into the function's result): its promise is dropped, or the
 * `.then/.catch` chain made on it is a statement of its own (`notify(…).catch(log);`). Nothing that
 * happens to it, a timeout included, can shape what the function returns.
 */
export function detached(call: Node, body: Node): boolean {
  let top = call;
  for (;;) {
    const member = top.parent;
    const chained = member?.parent;
    if (member?.type !== 'member_expression' || member.childForFieldName('object')?.id !== top.id || chained == null || chained.type !== 'call_expression') break;
    top = chained;
  }
  return dropped(call, body) || (top.id !== call.id && notAwaited(top));
}

/** Where a promise made inside a callback is kept or passed on: an argument of another call, a binding. */
const HANDED_ON: ReadonlySet<string> = new Set(['arguments', 'variable_declarator', 'assignment_expression', 'augmented_assignment_expression']);

/**
 * `after(() => notifyKycSubmitted(id))`, `setTimeout(async () => { await send(…) }, 0)`: a callback
 * handed to a call made as a statement of its own. It runs when that call chooses (after the
 * response, on a timer), and what it returns or throws goes back into a call whose promise nobody
 * waits for, so its outcome never reaches the try around it.
 */
function handedToDroppedCall(fn: Node): boolean {
  const args = fn.parent;
  const call = args?.type === 'arguments' ? args.parent : null;
  return call !== null && call !== undefined && notAwaited(call);
}

/**
 * `await resend.emails.send(…)` in JavaScript or TypeScript: a call on an SDK whose calls resolve to
 * `{ data, error }` and never reject (vocabulary `responses.error_returning_sdks`), named as a whole
 * part of the receiver (`this.resend.emails.send`; not `resendService`, a project's own wrapper).
 */
function errorReturningSdkCall(ctx: FileContext, call: Node): boolean {
  const sdks = ctx.vocab.responses.error_returning_sdks;
  if (ctx.family !== 'ecma' || sdks.length === 0) return false;
  const receiver = calleePath(ctx, call).split('.').slice(0, -1).map((p) => p.toLowerCase());
  return sdks.some((sdk) => receiver.includes(sdk.toLowerCase()));
}

/**
 * `sendMail(mailOptions);` in JavaScript or TypeScript: a call made as a statement of its own, neither
 * awaited, returned nor bound. A request's outcome comes back as a promise; dropped, its rejection
 * never reaches the try around it (a callback-style call hands its error to the callback instead).
 */
function notAwaited(call: Node): boolean {
  return call.type === 'call_expression' && call.parent?.type === 'expression_statement';
}

/** `call(…).then(…).catch((e) => log(e))`: a `.catch` in the call's own chain whose handler neither throws nor rejects. */
function caughtByOwnChain(call: Node, body: Node): boolean {
  for (let n: Node = call; n.parent !== null && n.parent.id !== body.id; ) {
    const member = n.parent;
    if (member.type !== 'member_expression' || member.childForFieldName('object')?.id !== n.id) return false;
    const chained = member.parent;
    if (chained === null || chained.type !== 'call_expression') return false;
    if (member.childForFieldName('property')?.text === 'catch') {
      const handler = chained.childForFieldName('arguments')?.namedChildren[0];
      if (handler === undefined || !['arrow_function', 'function_expression', 'function'].includes(handler.type)) return false;
      return handler.descendantsOfType('throw_statement').length === 0 && !/\breject\b/.test(handler.text);
    }
    n = chained;
  }
  return false;
}

/**
 * The operations (callee paths of two words or more in their last name) the try's handlers call:
 * in the try's body, such a call writes the outcome's record rather than attempting the write.
 * Null when the handlers call none.
 */
function recordOperations(ctx: FileContext, tryStmt: Node): Set<string> | null {
  const out = new Set<string>();
  for (const h of tryHandlers(tryStmt, ctx.family)) {
    for (const c of callsWithin(ctx, h.body)) {
      const path = calleePath(ctx, c);
      if (namesOneOperation(path)) out.add(path);
    }
  }
  return out.size > 0 ? out : null;
}

function findTimeoutHandlers(ctx: FileContext): Scope[] {
  const scopes: Scope[] = [];
  const names = timeoutNames(ctx);
  const { exceptions } = names;
  for (const tryStmt of nodesOfType(ctx, 'try_statement')) {
    const body = tryBody(tryStmt);
    if (body === null || inProbe(ctx, tryStmt)) continue;
    // A write whose errors an inner try already takes (and does not raise again) never reaches these handlers.
    // A call whose promise is discarded (`void paymentService.trackCheckoutEvent(…)`) is not awaited:
    // its failure never reaches these handlers either.
    // A send registered to run after the commit (`transaction.on_commit(lambda: send(…))`) is not made in the try.
    const reaches = (call: Node) => !discarded(call, body) && !(errorReturningSdkCall(ctx, call) && !resultThrownOn(ctx, call, body)) && !deferredToCommit(ctx, call, body) && !keptWithin(ctx, names, call, body) && !shieldedInHelper(ctx, names, call);
    // A write is the outcome the handler is about; a message sent beside it (an alert) is second.
    const reachedAll = writesOrSendsIn(ctx, body).filter(reaches);
    // `dao.create_delivery(status="success")` in the body and `dao.create_delivery(status="failed")`
    // in a handler: an operation the handlers make too writes the outcome's record, not the attempt,
    // which is another write of the body, or a helper of another file that writes (Agenta-AI/agenta
    // webhooks/tasks.py: `send_webhook_request`, whose body POSTs). With none, as before.
    const recordOps = recordOperations(ctx, tryStmt);
    const attempted = recordOps === null ? reachedAll : reachedAll.filter((c) => !recordOps.has(calleePath(ctx, c)));
    const otherHelper = attempted.length === 0 && reachedAll.length > 0 ? helperSubject(ctx, body, (c) => reaches(c) && recordOps?.has(calleePath(ctx, c)) !== true) : null;
    const reached = attempted.length > 0 || otherHelper !== null ? attempted : reachedAll;
    // A write known by its vocabulary comes first; one known only by the name of a project helper
    // (`createAuthorizationCode()`) holds only if the helper's body, where in sight, writes too.
    const certain = reached.filter((c) => namedOnly(ctx, c) === null);
    const writes = (list: Node[]) => list.find((c) => reachedCallsOf(ctx, c, 'mutating').length > 0) ?? list[0];
    const local = writes(certain) ?? writes(reached);
    // Every call known only by a helper's name is a candidate: the first may store a row locally
    // (`Order.create(…)` of the application's models) while a later one books the courier.
    const byName = local !== undefined && certain.length === 0 ? namedAny(ctx, local, reached) : null;
    const byCallers = local === undefined ? writeByCallersMethod(ctx, tryStmt, body) : undefined;
    const helper = otherHelper ?? (local === undefined && byCallers === undefined ? helperSubject(ctx, body, reaches) : null);
    const subject = local ?? byCallers ?? helper?.call;
    if (subject === undefined) {
      scopes.push(...wrapperHandlerScopes(ctx, names, tryStmt, body));
      continue;
    }
    // `const sent = await sendSms(to, body)` of another file, the try's only write or send: known by
    // its name, it still hands the handler nothing when its body keeps every error of its send.
    const imported = helper === null && byName === null && byCallers === undefined && local !== undefined && reached.length === 1 ? importedHelperOf(ctx, local) : null;
    // `if channel == EMAIL: result = send_notification_email(…) elif channel == SMS: result = send_notification_sms(…)`:
    // helpers of other files on the branches of one `if`, only one of which runs; each is judged as the try's only one.
    const alternatives = helper === null && byName === null && byCallers === undefined && local !== undefined && reached.length > 1 ? importedAlternatives(ctx, reached, body) : null;
    const asked = helper?.requires ?? byName ?? imported ?? undefined;
    // `const result = await paymentService.initiateWithdrawal(…); res.json(result)`: when nothing after
    // the helper's call in this try can fail or raise, only the helper's outcome reaches the handler,
    // and a helper that keeps every error of its write to itself (returns `{ success: false }`) hands none.
    const shieldable = asked?.kind === 'helper' && asked.relocate !== true && nothingFallibleAfter(ctx, subject, body);
    const requires = shieldable
      ? { ...asked, unshielded: true as const }
      : alternatives !== null
        ? ({ kind: 'any-of', of: alternatives.map((a) => ({ ...a, unshielded: true as const })) } satisfies Requirement)
        : asked === imported ? undefined : asked;
    // Every write or send of the try is a call of a project helper known only by its name
    // (`createNotification(…)` beside `ActivityModel.create(…)`): the finding holds where one of their
    // bodies, in sight, writes or sends remotely; an in-app notification's row stored locally is neither.
    const byBodies = requires === undefined ? namedHelpersOnly(ctx, reached.length > 0 ? reached : [subject]) : null;
    const conditional = requires ? { requires } : byBodies ? { requires: byBodies } : {};
    // A later step of the try can fail after the helper returned (Qubic-Group's transfer view saves the
    // transaction after it): a handler that then gives the money back or marks a record acts on an
    // outcome that went through. One that only answers or returns (`res.status(500).json(…)`) reports
    // that local failure; the helper's own outcome reaches it only when the helper does not keep its errors.
    // A raise after the call (`if (!result.success) throw …`) hands the helper's failure on to the handler.
    const answerOnly =
      !shieldable && asked?.kind === 'helper' && asked.relocate !== true && !nodesWithin(ctx, body, ['throw_statement', 'raise_statement']).some((n) => n.startIndex >= subject.endIndex)
        ? { requires: { ...asked, unshielded: true as const } }
        : null;
    // `except requests.Timeout: log(…); return False` around a message to a person (a Telegram
    // sendMessage): a bare falsy answer about a notification records nothing by itself; it is a
    // failure only where a caller reads it as one. Only when every write or send the try reaches is
    // a notification: a charge beside an admin message keeps its `False` as its result.
    const viaCaller = (reached.length > 0 ? reached : [subject]).every((c) => notifiesOnly(ctx, c)) ? { plainResultsViaCaller: true as const } : {};
    const after = new Set<number>();
    for (const handler of tryHandlers(tryStmt, ctx.family).map((h) => aliasedClasses(ctx, h))) {
      const own = answerOnly !== null && !handlerActs(ctx, handler.body) ? answerOnly : conditional;
      const before = scopes.length;
      judgeHandler(handler, subject, body, viaCaller);
      if (catchesAmbiguous(names, handler)) {
        for (const region of afterAttempts(ctx, tryStmt, body, handler, caughtName(handler, ctx.family))) {
          if (after.has(region.body.id)) continue;
          after.add(region.body.id);
          scopes.push({ context: 'timeout-handler', body: region.body, guard: region.body, construct: region.construct, subject, label: region.label, explicitOnly: true });
        }
      }
      // A handler known broad only through a fact of the project (`ambiguous-raise:`) already waits on
      // it: one with a second condition is left out rather than judged on either alone.
      for (const s of scopes.splice(before)) {
        if (s.requires === undefined) scopes.push(Object.assign(s, own));
        else if (own.requires === undefined) scopes.push(s);
      }
      // `catch (err) { if (err instanceof CertificationError) … }` around a call another file must
      // prove writes: the branch holds on that proof or on the class's fact (`ambiguous-raise:`).
      if (own.requires !== undefined) scopes.push(...wrapperBranchScopes(ctx, names, handler, subject, own.requires));
    }
  }
  scopes.push(...promiseCatchScopes(ctx));
  scopes.push(...callbackErrorScopes(ctx, names));
  scopes.push(...finalFailureHookScopes(ctx, names));
  return scopes;

  function judgeHandler(handler: Handler, subject: Node, attempted: Node, viaCaller: { plainResultsViaCaller?: true }): void {
    if (handler.type !== null && exceptionPaths(handler.type).some((p) => exceptions.matches(p) && !names.sentNothing.matches(p))) {
      scopes.push({ context: 'timeout-handler', body: handler.body, guard: handler.body, construct: handler.clause, subject, label: headerLine(handler.clause), ...viaCaller });
      return;
    }
    // `if (err.name !== 'TimeoutError') throw err;` leaves only timeouts for the rest of the handler.
    const guard = blockStatements(handler.body).find(
      (st) => st.type === 'if_statement' && isTimeoutOnlyGuard(ctx, st),
    );
    if (guard !== undefined) {
      scopes.push({ context: 'timeout-handler', body: handler.body, guard: handler.body, construct: guard, subject, label: headerLine(guard), ...viaCaller });
      return;
    }
    let timeoutBranch = false;
    // `if (msg.includes('timeout')) errorCode = 'API_TIMEOUT'` that goes on to the handler's next
    // statements: what they record, they record for a timeout too (eloqua-integrator actionController.js:2108).
    const passedOn: Node[] = [];
    for (const ifStmt of nodesWithin(ctx, handler.body, 'if_statement')) {
      for (const branch of ifChain(ifStmt, ctx.family)) {
        if (branch.condition === null || !mentionsTimeout(ctx, branch.condition)) continue;
        timeoutBranch = true;
        if (!leavesHandler(ctx, branch.body)) passedOn.push(outermostIf(ifStmt, handler.body));
        if (scopes.some((s) => s.body.id === branch.body.id)) continue;
        scopes.push({ context: 'timeout-handler', body: branch.body, guard: branch.body, construct: branch.node, subject, label: headerLine(branch.node), ...viaCaller });
      }
    }
    if (!timeoutBranch || passedOn.length > 0) {
      const broad = broadHandlerScope(ctx, names, handler, subject, undefined, attempted);
      // The tests that tell a timeout apart are left out: what their branches record is judged above.
      const tests = timeoutBranch ? nodesWithin(ctx, handler.body, 'if_statement').filter((st) => st.parent?.type !== 'else_clause' && ifChain(st, ctx.family).some((b) => b.condition !== null && mentionsTimeout(ctx, b.condition))) : [];
      if (broad !== null) scopes.push(tests.length > 0 ? { ...broad, excludes: [...(broad.excludes ?? []), ...tests] } : broad);
    }
  }
}

/**
 * Whether a handler acts on the world beyond answering: a record written or marked (`record_write_methods`:
 * `tx.save()`, `markFailed(…)`, `add_balance(…)`), money given back or moved (`compensation_verbs`,
 * `value_moving_words`: `refundWallet(…)`, `creditUser(…)`), a write of the `mutating` vocabulary reached
 * through a helper of this file, a field of an object set (`withdrawal.status = 'FAILED'`), or a result
 * object returned to a caller (`return { status: 'failed' }`), which may store it. Answers to a client
 * (`res.status(500).json(…)`, `return NextResponse.json(…)`) and log lines do none of these.
 */
function handlerActs(ctx: FileContext, body: Node): boolean {
  const writes = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  const compensation = wordSet(ctx, 'compensation_verbs', ctx.vocab.outcomes.failure?.compensation_verbs ?? []);
  const compensationLeads = new Set((ctx.vocab.outcomes.failure?.compensation_leads ?? []).map((v) => v.toLowerCase()));
  const moving = wordSet(ctx, 'value_moving_words', ctx.vocab.value_moving_words);
  const failureWords = outcomeWords(ctx, 'failure');
  for (const c of callsWithin(ctx, body)) {
    const path = calleePath(ctx, c);
    if (logsOnly(ctx, path) || isInMemory(ctx, path)) continue;
    const name = lastSegment(path);
    const first = splitWords(name)[0] ?? '';
    if (writes.has(name) || writes.has(first) || leadsWithCompensation(splitWords(name), compensation, compensationLeads) || moving.anyStemOf(name)) return true;
    // `rollback_budget(agent, amount)`: an amount held for the operation given back.
    if (failureWords !== undefined && givesBackHeld(splitWords(name), failureWords)) return true;
    if (reachedCallsOf(ctx, c, 'mutating').length > 0) return true;
  }
  // `return {"status": "failed", "error": str(exc)}`: a result handed to a caller, which may store it.
  if (nodesWithin(ctx, body, ['return_statement']).some((r) => ['dictionary', 'object'].includes(r.namedChildren[0]?.type ?? ''))) return true;
  return nodesWithin(ctx, body, ['assignment', 'assignment_expression', 'augmented_assignment', 'augmented_assignment_expression']).some((a) => {
    const left = a.childForFieldName('left');
    return left !== null && (left.type === 'attribute' || left.type === 'member_expression' || left.type === 'subscript' || left.type === 'subscript_expression');
  });
}

/**
 * Whether nothing after `call` in the try's `body` can fail or raise: no raise, no write or send,
 * no call of a helper of this file or of the project, no awaited call, and in Python no call but
 * those that report (a logger), compute in memory (`str(e)`) or build a value (`Response(…)`): each
 * may fail after the write went out (Qubic-Group's transfer view saves the transaction and a
 * notification after the transfer; SikaRemit's bulk payment saves the item, its QR payment clears
 * a cache entry). In JavaScript an unawaited call that is none of those answers in memory (`res.json(result)`).
 */
function nothingFallibleAfter(ctx: FileContext, call: Node, body: Node): boolean {
  // A step on another branch of an `if` around the call (`elif channel == SMS: …`) never runs after it.
  const elsewhere = otherBranches(ctx, call, body);
  const after = (n: Node) => n.startIndex >= call.endIndex && !elsewhere.some((b) => contains(b, n));
  if (nodesWithin(ctx, body, ['throw_statement', 'raise_statement']).some(after)) return false;
  // `result = send(…)` then `if not result.get('success'):`: a read (`read_verbs`) of the value the call handed back.
  const result = resultName(call, body);
  const readVerbs = wordSet(ctx, 'read_verbs', ctx.vocab.read_verbs);
  return callsWithin(ctx, body).every((c) => {
    if (!after(c)) return true;
    const path = calleePath(ctx, c);
    if (logsOnly(ctx, path) || isInMemory(ctx, path)) return true;
    if (result !== null && path.startsWith(`${result}.`) && !path.slice(result.length + 1).includes('.') && readVerbs.has(splitWords(lastSegment(path))[0] ?? '')) return true;
    if (c.parent?.type === 'await_expression' || c.parent?.type === 'await') return false;
    if (SUBJECT_VOCABULARIES.some((v) => reachedCallsOf(ctx, c, v).length > 0)) return false;
    if (resolveLocalFunction(ctx, c) !== null || projectImportOf(ctx, path) !== undefined) return false;
    return ctx.family !== 'python' || /^[A-Z]/.test(lastSegment(path));
  });
}

/** The name `call`'s result is bound to within `body` (`result = send_email(…)`, `const sent = await sendSms(…)`), or null. */
function resultName(call: Node, body: Node): string | null {
  let holder: Node | null = call.parent;
  while (holder !== null && holder.id !== body.id && !BINDING_TYPES.includes(holder.type as (typeof BINDING_TYPES)[number])) holder = holder.parent;
  return holder === null || holder.id === body.id ? null : bindingOf(holder)?.name ?? null;
}

/** The bodies of the other branches of each `if`/`elif`/`else` chain around `call` within `body`: none of them runs once `call` has. */
function otherBranches(ctx: FileContext, call: Node, body: Node): Node[] {
  const out: Node[] = [];
  for (let p = call.parent; p !== null && p.id !== body.id; p = p.parent) {
    if (p.type !== 'if_statement' || isChainLink(p)) continue;
    for (const branch of ifChain(p, ctx.family)) if (!contains(branch.body, call)) out.push(branch.body);
  }
  return out;
}

/**
 * Calls of helpers of other files (`send_notification_email(…)`, `send_notification_sms(…)`) each on
 * its own branch of one `if` chain of the try, with nothing that can fail after any of them: what each
 * must hold for the handler to see its outcome. Null when any call is not such a helper or two can run together.
 */
function importedAlternatives(ctx: FileContext, reached: Node[], body: Node): Requirement[] | null {
  const out: Requirement[] = [];
  for (const c of reached) {
    const elsewhere = otherBranches(ctx, c, body);
    if (!reached.every((o) => o.id === c.id || elsewhere.some((b) => contains(b, o)))) return null;
    const req = importedHelperOf(ctx, c);
    if (req === null || !nothingFallibleAfter(ctx, c, body)) return null;
    out.push(req);
  }
  return out;
}

/** Whether a branch ends by leaving the handler's straight course (returns, raises, or jumps out). */
function leavesHandler(ctx: FileContext, body: Node): boolean {
  const last = blockStatements(body).at(-1) ?? (body.type.endsWith('_statement') ? body : undefined);
  if (last === undefined) return false;
  return last.type === 'return_statement' || last.type === 'continue_statement' || last.type === 'break_statement' || isRaise(last, ctx.family);
}

/** The `if` a branch's chain starts at (`else if` / `elif` links climbed), within `top`. */
function outermostIf(ifStmt: Node, top: Node): Node {
  let node = ifStmt;
  while (node.parent !== null && node.parent.id !== top.id && node.parent.type === 'else_clause' && node.parent.parent?.type === 'if_statement') node = node.parent.parent;
  return node;
}

/**
 * `def on_failure(self, exc, task_id, args, kwargs, einfo):` of a task class whose other methods
 * (`run`) make a write that reaches the framework (`final_failure_hooks`): the hook is called with
 * whatever ended the last attempt, a timeout included, so it is a handler of that write.
 * Skips: hooks of classes whose writes are all kept by their own handlers.
 */
function finalFailureHookScopes(ctx: FileContext, names: TimeoutNames): Scope[] {
  const hooks = ctx.vocab.timeouts.final_failure_hooks;
  if (hooks.length === 0 || !hooks.some((h) => ctx.source.includes(h))) return [];
  const scopes: Scope[] = [];
  for (const fn of nodesOfType(ctx, functionTypes(ctx.family))) {
    const name = functionName(fn);
    const body = functionBody(fn);
    if (name === null || body === null || !hooks.includes(name)) continue;
    const cls = classAround(fn);
    if (cls === null) continue;
    let subject: Node | undefined;
    for (const method of nodesWithin(ctx, cls, functionTypes(ctx.family))) {
      const methodBody = functionBody(method);
      if (method.id === fn.id || methodBody === null || hooks.includes(functionName(method) ?? '')) continue;
      // `except Timeout as exc: self.retry(exc=exc)`: the task's retry raises, and its last one ends in the hook.
      const retries = callsWithin(ctx, methodBody).some((c) => ctx.vocab.retry.task_retry_calls.includes(calleePath(ctx, c)));
      subject = writesOrSendsIn(ctx, methodBody).find((c) => namedOnly(ctx, c) === null && (retries || !shieldedWithin(ctx, names, c, methodBody)));
      if (subject !== undefined) break;
    }
    if (subject === undefined) continue;
    scopes.push({ context: 'timeout-handler', body, guard: body, construct: fn, subject, label: headerLine(fn), explicitOnly: true });
  }
  return scopes;
}

/** The class a method is defined in (directly), or null. */
function classAround(fn: Node): Node | null {
  const p = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  const owner = p?.type === 'block' || p?.type === 'class_body' ? p.parent : null;
  return owner !== null && /^class(_definition|_declaration)?$/.test(owner.type) ? owner : null;
}

/**
 * `const makeRequest = async (endpoint, method = 'GET', data) => { try { await fetch(url, { method, … }) } catch … }`
 * called with `'POST'` in this file: the request in the try writes for those callers, so its
 * handler records the outcome of a write. Undefined when no caller here passes a write method.
 */
function writeByCallersMethod(ctx: FileContext, tryStmt: Node, body: Node): Node | undefined {
  const fn = enclosingFunction(tryStmt, ctx.family);
  if (fn === null) return undefined;
  // Only a request whose method is one of the function's parameters can take it from a caller.
  const params = ownParameters(fn);
  if (params.length === 0 || !callsWithin(ctx, body).some((c) => isHttpClientCall(ctx, c, 'mutating') && methodParameterOf(ctx, c, params) !== null)) return undefined;
  for (const call of localCallersOf(ctx).get(fn.id) ?? []) {
    const site = reachedCallsOf(ctx, call, 'mutating').find((s) => body.startIndex <= s.startIndex && s.endIndex <= body.endIndex);
    if (site !== undefined) return site;
  }
  return undefined;
}

/** The calls of each function of this file, by the function's node id (one pass over the file's calls). */
function localCallersOf(ctx: FileContext): Map<number, Node[]> {
  return ctx.memo('local-callers', () => {
    const out = new Map<number, Node[]>();
    for (const call of allCalls(ctx)) {
      const fn = resolveLocalFunction(ctx, call);
      if (fn === null) continue;
      const list = out.get(fn.id);
      if (list === undefined) out.set(fn.id, [call]);
      else list.push(call);
    }
    return out;
  });
}

/**
 * `makeRequest(…)`, a function of this file that catches every error of its own request and
 * returns an error result instead: nothing of the write's outcome is thrown to the caller's
 * handler. True when every write or send the call reaches is shielded in its own function.
 */
function shieldedInHelper(ctx: FileContext, names: TimeoutNames, call: Node, depth = 0): boolean {
  const fn = resolveLocalFunction(ctx, call);
  const body = fn && !wrapsNothing(fn, call) ? functionBody(fn) : null;
  if (!body) return false;
  // Each write or send in its body is kept there by a try of its own, or by a helper that keeps it.
  // A request that writes only with its caller's method (`fetch(url, { method })`) is found through the call.
  const own = ctx.memo('own-writes', () => new Map<number, Node[]>()).get(body.id) ?? (() => {
    const found = writesOrSendsIn(ctx, body);
    ctx.memo('own-writes', () => new Map<number, Node[]>()).set(body.id, found);
    return found;
  })();
  const writes = own.length > 0 ? own : SUBJECT_VOCABULARIES.flatMap((v) => reachedCallsOf(ctx, call, v)).filter((s) => body.startIndex <= s.startIndex && s.endIndex <= body.endIndex);
  return writes.length > 0 && writes.every((c) => keptWithin(ctx, names, c, body) || (depth < HELPER_SHIELD_DEPTH && shieldedInHelper(ctx, names, c, depth + 1)));
}

const HELPER_SHIELD_DEPTH = 3;

/**
 * Whether a function of this file keeps every write or send of its body to itself (each in a try of
 * its own whose handler takes every error and does not raise again, or in a helper that so keeps it):
 * `NotificationService.send_email` catching every error of its POST and returning `{"success": False}`.
 */
export function keepsEveryWrite(ctx: FileContext, fn: Node): boolean {
  // Asked once per method, however many calls of it the file makes.
  const known = ctx.memo('keeps-every-write', () => new Map<number, boolean>());
  let kept = known.get(fn.id);
  if (kept === undefined) {
    const body = functionBody(fn);
    const names = timeoutNames(ctx);
    const writes = body === null ? [] : writesOrSendsIn(ctx, body);
    kept = body !== null && writes.length > 0 && writes.every((c) => keptWithin(ctx, names, c, body) || shieldedInHelper(ctx, names, c, 1));
    known.set(fn.id, kept);
  }
  return kept;
}

/**
 * Whether a try nested in `outer` takes every ambiguous error of `call` (its handler catches
 * everything, as `catch (e)` and `except Exception` do, or a whole transport family such as
 * `requests.RequestException`) and finishes without raising: a handler of only some errors
 * (`except stripe.error.InvalidRequestError`, `except Timeout`) lets the others reach the outer
 * one, so it shields nothing. When it shields, a handler around `outer` only sees what happens before or after the call, never its outcome
 * (an outer `catch` answering a generic 500 around a purchase the inner one already handles).
 */
function shieldedWithin(ctx: FileContext, names: TimeoutNames, call: Node, outer: Node): boolean {
  if (silenced(ctx, call)) return true;
  for (let node = call.parent; node !== null && node.id !== outer.id; node = node.parent) {
    if (node.type !== 'try_statement') continue;
    const attempted = tryBody(node);
    if (attempted === null || call.startIndex < attempted.startIndex || call.endIndex > attempted.endIndex) continue;
    const catchesAll = (h: { type: Node | null }) => h.type === null || exceptionPaths(h.type).some((p) => names.broad.matches(p) && isAmbiguousException(names, p));
    if (tryHandlers(node, ctx.family).some((h) => catchesAll(aliasedClasses(ctx, h)) && !raisesWithin(h.body, ctx.family))) return true;
  }
  return false;
}

/**
 * `message.send(fail_silently=True)`: a call told by a keyword argument (vocabulary
 * `responses.silencing_arguments`) to swallow its own errors keeps its outcome to itself, as a try
 * whose handler takes every error would. Only the literal `True` counts: `fail_silently=debug` may raise.
 */
function silenced(ctx: FileContext, call: Node): boolean {
  const silencing = ctx.vocab.responses.silencing_arguments;
  if (ctx.family !== 'python' || silencing.length === 0 || !isCall(call, ctx.family)) return false;
  return (call.childForFieldName('arguments')?.namedChildren ?? []).some(
    (a) => a.type === 'keyword_argument' && silencing.includes(a.childForFieldName('name')?.text ?? '') && a.childForFieldName('value')?.text === 'True',
  );
}

/**
 * A try kept inside a loop of the function, with a `raise`/`throw` after that loop (`for attempt in
 * 1..3: try: send() except: sleep` then `throw new Error('failed after retries')`): each attempt's
 * error is kept, but the last one reaches the caller all the same.
 */
export function raisesAfterRetries(ctx: FileContext, body: Node, call: Node): boolean {
  for (let p = call.parent; p !== null && p.id !== body.id; p = p.parent) {
    if (!isLoop(p, ctx.family)) continue;
    const loop = p;
    return nodesWithin(ctx, body, ['throw_statement', 'raise_statement']).some((r) => r.startIndex >= loop.endIndex && enclosingFunction(r, ctx.family)?.id === enclosingFunction(call, ctx.family)?.id);
  }
  return false;
}

/**
 * Whether a try within `outer` keeps `call`'s outcome there (`shieldedWithin`) for good: not when
 * the try is one attempt of a loop after which `outer` raises (`while attempt < n: try: post(…)
 * except Exception: …` then `raise ProviderException(…)`), where the last attempt's failure reaches
 * the caller all the same (OftenTravel's MSG91 provider, batch 33).
 */
function keptWithin(ctx: FileContext, names: TimeoutNames, call: Node, outer: Node): boolean {
  return shieldedWithin(ctx, names, call, outer) && !raisesAfterRetries(ctx, outer, call);
}

/**
 * Whether a try inside `outer` takes every error of `call` that may leave its outcome unknown and
 * does not raise again (`shieldedWithin`): the call's outcome never reaches a caller of `outer`'s function.
 */
export function keptByOwnHandler(ctx: FileContext, call: Node, outer: Node): boolean {
  return shieldedWithin(ctx, timeoutNames(ctx), call, outer);
}

/**
 * Whether `body` raises on the result of `call`: the name the result is bound to is read in the
 * condition of an `if` after it whose branch raises (`if (!paymentRequestId) throw new Error("no id")`,
 * `if not result["success"]: raise PayoutError(…)`).
 */
export function resultThrownOn(ctx: FileContext, call: Node, body: Node): boolean {
  let holder: Node | null = call.parent;
  while (holder !== null && holder.id !== body.id && !BINDING_TYPES.includes(holder.type as (typeof BINDING_TYPES)[number])) holder = holder.parent;
  const bound = holder === null || holder.id === body.id ? null : bindingOf(holder);
  if (bound === null) return false;
  return nodesWithin(ctx, body, 'if_statement').some((st) => {
    if (st.startIndex < call.endIndex) return false;
    const condition = st.childForFieldName('condition');
    const consequence = st.childForFieldName('consequence');
    return condition != null && consequence != null && condition.descendantsOfType('identifier').some((id) => id.text === bound.name) && raisesWithin(consequence, ctx.family);
  });
}

/**
 * `except OperationError as e:` with `OperationError = (chargebee.OperationFailedError,
 * stripe.APIError)` bound before it: the handler takes the classes of the tuple the name holds.
 */
function aliasedClasses(ctx: FileContext, handler: Handler): Handler {
  const named = handler.type;
  if (named === null || named.type !== 'identifier' || ctx.family !== 'python') return handler;
  const bound = lastBindingBefore(ctx, named.text, handler.clause);
  return bound !== null && (bound.type === 'tuple' || bound.type === 'list') ? { ...handler, type: bound } : handler;
}

/**
 * Inside a function that probes (`checkIntegration`, `has_permission`, `verify_credentials`: its
 * first word is in `probe_verbs`), a failure is the probe's verdict, not a record of the write's.
 */
function inProbe(ctx: FileContext, node: Node): boolean {
  const probes = wordSet(ctx, 'probe_verbs', ctx.vocab.probe_verbs);
  for (let fn = enclosingFunction(node, ctx.family); fn !== null; fn = enclosingFunction(fn, ctx.family)) {
    const name = functionName(fn) ?? handedToNamedCall(fn);
    if (name === null) continue;
    return probes.has(splitWords(name)[0] ?? '');
  }
  return false;
}

/**
 * The name a function handed to a wrapper takes: `export const testCAPIConnection = onRequest(opts,
 * async (req, res) => {…})` is the endpoint `testCAPIConnection`.
 */
function handedToNamedCall(fn: Node): string | null {
  const call = fn.parent?.type === 'arguments' ? fn.parent.parent : null;
  const declarator = call?.parent?.type === 'await_expression' ? call.parent.parent : call?.parent;
  return declarator?.type === 'variable_declarator' ? (declarator.childForFieldName('name')?.text ?? null) : null;
}

/** What a handler's outcome is about: remote writes and notifications (a sent message is a write too). */
const SUBJECT_VOCABULARIES = ['mutating', 'notification'];

/** The calls under `node` that write or send, directly or through a helper of this file. */
export function writesOrSendsIn(ctx: FileContext, node: Node): Node[] {
  return callsWithin(ctx, node).filter((c) => SUBJECT_VOCABULARIES.some((v) => reachedCallsOf(ctx, c, v).length > 0));
}

/**
 * `Transaction.objects.select_for_update().get(id=…)`, `db.lock(row).find(…)`: a call whose value is
 * read at once by a method named for a read builds the query that read runs (a lock, a scope); it
 * writes nothing a handler could be about, whatever its own name's first word.
 */
function readOnItsResult(call: Node, readVerbs: { has(word: string): boolean }): boolean {
  const member = call.parent;
  if (member === null || (member.type !== 'attribute' && member.type !== 'member_expression') || member.childForFieldName('object')?.id !== call.id) return false;
  const chained = member.parent;
  if (chained === null || (chained.type !== 'call' && chained.type !== 'call_expression')) return false;
  const method = member.childForFieldName('attribute') ?? member.childForFieldName('property');
  return readVerbs.has(splitWords(method?.text ?? '')[0] ?? '');
}

/**
 * A try around a helper of another file (`smtp.deliver_persisted(mail)`, `this.stripeService.createPayment()`):
 * its handler is judged if the link step finds that the helper writes or notifies.
 */
function helperSubject(ctx: FileContext, body: Node, reaches: (call: Node) => boolean = () => true, depth = 0): { call: Node; requires: Requirement } | null {
  const readVerbs = wordSet(ctx, 'read_verbs', ctx.vocab.read_verbs);
  const procedureVerbs = wordSet(ctx, 'procedure_verbs', ctx.vocab.procedure_verbs);
  for (const call of callsWithin(ctx, body)) {
    if (!reaches(call)) continue;
    const path = calleePath(ctx, call);
    // A helper named for a read (`get_status`, `findOrder`: `read_verbs`) is not the handler's subject,
    // nor one that runs a whole procedure (`runBillingReconciliation()`: `procedure_verbs`), whose failure is the run's.
    const first = splitWords(lastSegment(path))[0] ?? '';
    if (readVerbs.has(first) || procedureVerbs.has(first) || readOnItsResult(call, readVerbs)) continue;
    const found = helperCallSubject(ctx, call, path, depth);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Whether `body` makes a write known by its vocabulary or by a body of this file, not one known
 * only by the generic verb of another file's helper (`this.groupService.createGroup(…)`).
 */
export function writesCertainlyIn(ctx: FileContext, body: Node): boolean {
  return callsWithin(ctx, body).some((c) => reachedCallsOf(ctx, c, 'mutating').length > 0 && namedOnly(ctx, c) === null);
}

/**
 * A call that writes only by its name (`createAuthorizationCode()`, `deps.engine.createCancelledRun()`)
 * of a helper the link step can look into: what must hold there for the name to stand. The body
 * decides when it is in sight: one that stores rows in the local database writes nowhere remote.
 * A project helper named for a message (`createNotification(…)`, `send_email(…)` imported from the
 * application's own module) is judged by its body too, less strictly: its name stands unless the body,
 * in sight, only stores rows in the application's own database (an in-app notification's row) and
 * sends nothing (`FunctionFacts.storesOnly`, read by the link step for every `unless-keyed` helper).
 * Only with `messages` (a try's subject): the other readers keep a message helper as known by its name.
 * Null for a call known by its vocabulary (an SDK, an HTTP client) or by a body of this file.
 */
function namedOnly(ctx: FileContext, call: Node, messages = false): Requirement | null {
  if (resolveLocalFunction(ctx, call) !== null) return null;
  const notification = isCallOf(ctx, call, 'notification');
  if (notification && !messages) return null;
  if (!notification && !matchedByVerbOnly(ctx, call, 'mutating')) return null;
  const path = calleePath(ctx, call);
  // `requests.post(…)`, `this.http.post(…)`: a request, whose method is the called name.
  if ((ctx.vocab.calls.mutating?.http_methods ?? []).some((m) => m.toLowerCase() === lastSegment(path).toLowerCase())) return null;
  const found = path.includes('(') ? null : helperCallSubject(ctx, call, path, 1);
  if (found === null || found.requires.kind !== 'helper') return null;
  // A message sent through an object the type checker would have to resolve (`this.mailer.send(…)`) stays known by its name.
  if (notification) return found.requires.typed === true ? null : { ...found.requires, mode: 'unless-keyed' };
  return { ...found.requires, mode: 'unless-keyed', bodyDecides: true };
}

/**
 * What must hold for `first`, known only by a helper's name, to be the try's remote write, or for
 * another such call of the try: the handler is about whichever of them writes remotely.
 */
function namedAny(ctx: FileContext, first: Node, reached: Node[]): Requirement | null {
  const own = namedOnly(ctx, first);
  if (own === null || reached.length < 2) return own;
  // `const order = await Order.create(…); await order.createAddress(…)`: a method of a record another
  // of these calls returned acts where that call did, and is judged with it.
  const results = new Set<string>();
  for (const c of reached) {
    let up = c.parent;
    while (up !== null && (up.type === 'await_expression' || up.type === 'parenthesized_expression')) up = up.parent;
    const target = up?.type === 'variable_declarator' ? up.childForFieldName('name') : up?.type === 'assignment_expression' ? up.childForFieldName('left') : null;
    if (target?.type === 'identifier') results.add(target.text);
  }
  const others = reached
    .filter((c) => c.id !== first.id && reachedCallsOf(ctx, c, 'mutating').length > 0 && !results.has(calleePath(ctx, c).split('.')[0] ?? ''))
    .map((c) => namedOnly(ctx, c));
  if (others.length === 0 || others.includes(null)) return own;
  return { kind: 'any-of', of: [own, ...(others as Requirement[])] };
}

/**
 * What must hold when each of `calls` is a project helper known only by its name (a write's generic
 * verb, or a message's name: `namedOnly` with `messages`): one of them writes or sends remotely. Null
 * when any is known by its vocabulary or by a body of this file (the finding needs no such check).
 */
function namedHelpersOnly(ctx: FileContext, calls: Node[]): Requirement | null {
  const each: Requirement[] = [];
  for (const c of calls) {
    const req = namedOnly(ctx, c, true);
    if (req === null) return null;
    each.push(req);
  }
  if (each.length === 0 || !calls.some((c) => isCallOf(ctx, c, 'notification'))) return null;
  return each.length === 1 ? each[0]! : { kind: 'any-of', of: each };
}

/** One call of a helper that may write or send in another file, with what the link step must find there. */
function helperCallSubject(ctx: FileContext, call: Node, path: string, depth: number): { call: Node; requires: Requirement } | null {
  const local = resolveLocalFunction(ctx, call);
  if (local !== null) {
    // `send_signal_and_pdf(signal)` of this file, whose body calls a helper of another file:
    // that helper's outcome reaches this handler unless the function keeps its errors to itself.
    const inner = depth === 0 && !wrapsNothing(local, call) ? functionBody(local) : null;
    return inner ? innerHelperSubject(ctx, inner) : null;
  }
  // `FlutterwaveService()`, `GEAGFulfillmentHandler()` build the client; its methods are what may write.
  if (/^[A-Z](?=[A-Za-z0-9]*[a-z])/.test(lastSegment(path))) return null;
  // `tb.reserve(account, amount, 600)`: an operation the vocabulary says is no write by its name
  // (`*.reserve`, a hold that lapses by itself) is none through its helper's body either (a payout
  // saga's ledger reservation, whose failure the payout records as a definite one).
  if (operationExcluded(ctx, path, 'mutating')) return null;
  const vocab = SUBJECT_VOCABULARIES.join('|');
  if (projectImportOf(ctx, path) !== undefined) return { call, requires: { kind: 'helper', local: path, vocab, mode: 'writes' } };
  const method = instanceMethodPath(ctx, call, path);
  if (method !== null && projectImportOf(ctx, method) !== undefined) return { call, requires: { kind: 'helper', local: method, vocab, mode: 'writes' } };
  if (isTypedMemberCall(ctx, path)) {
    const typedAt = { line: call.startPosition.row + 1, column: call.startPosition.column + 1 };
    return { call, requires: { kind: 'helper', local: path, vocab, mode: 'writes', typed: true, typedAt } };
  }
  return null;
}

/**
 * A call of a function of another file (`sendSms(…)`, `emailService.sendEmail(…)`) known as a write
 * by its name: a requirement that holds unless the body, in sight, keeps every such call's errors.
 */
function importedHelperOf(ctx: FileContext, call: Node): Requirement | null {
  if (resolveLocalFunction(ctx, call) !== null) return null;
  const path = calleePath(ctx, call);
  const vocab = SUBJECT_VOCABULARIES.join('|');
  if (projectImportOf(ctx, path) !== undefined) return { kind: 'helper', local: path, vocab, mode: 'unless-keyed' };
  const method = instanceMethodPath(ctx, call, path);
  return method !== null && projectImportOf(ctx, method) !== undefined ? { kind: 'helper', local: method, vocab, mode: 'unless-keyed' } : null;
}

/** The imported helper a function of this file calls where its errors reach the caller (once per function). */
function innerHelperSubject(ctx: FileContext, body: Node): { call: Node; requires: Requirement } | null {
  const known = ctx.memo('inner-helper-subjects', () => new Map<number, { call: Node; requires: Requirement } | null>());
  if (known.has(body.id)) return known.get(body.id) ?? null;
  const found = helperSubject(ctx, body, (c) => !keptWithin(ctx, timeoutNames(ctx), c, body), 1);
  known.set(body.id, found);
  return found;
}

/** A recursive call (the function calling itself) leads nowhere new. */
function wrapsNothing(fn: Node, call: Node): boolean {
  return fn.startIndex <= call.startIndex && call.endIndex <= fn.endIndex;
}

/**
 * `except CreeerZaakLk01Error:` around `send_signal_and_pdf(…)`, a function of this file that
 * turns every error of its request into that one (`except Exception as e: raise
 * CreeerZaakLk01Error from e`): the domain error stands for whatever the request raised, timeouts
 * included, so its handler is as broad as the one that wrapped it.
 */
function wrapsAmbiguous(ctx: FileContext, names: TimeoutNames, attempted: Node, classes: string[]): boolean {
  const wanted = new Set(classes.map(lastSegment));
  for (const call of callsWithin(ctx, attempted)) {
    const fn = resolveLocalFunction(ctx, call);
    const body = fn && !wrapsNothing(fn, call) ? functionBody(fn) : null;
    if (!body) continue;
    for (const inner of nodesWithin(ctx, body, 'try_statement')) {
      for (const h of tryHandlers(inner, ctx.family)) {
        if (h.type !== null && !exceptionPaths(h.type).some((p) => isAmbiguousException(names, p))) continue;
        const raised = h.body.descendantsOfType(['raise_statement', 'throw_statement']).map((r) => raisedClass(ctx, r));
        if (raised.some((c) => c !== null && wanted.has(c))) return true;
      }
    }
  }
  return false;
}

/**
 * `assert response.status_code == 200` in the try, `except AssertionError:` after it: the assert
 * is a two-way status check of the write's response, and the handler its failure branch, which a
 * 5xx takes as well as a definite rejection (nelsonkam/kash-api qosic.py, batch 14).
 */
function assertsStatus(ctx: FileContext, attempted: Node, classes: string[]): boolean {
  if (!classes.some((c) => lastSegment(c) === 'AssertionError')) return false;
  return nodesWithin(ctx, attempted, 'assert_statement').some((st) => {
    const test = statusTest(ctx, st.namedChildren[0] ?? null);
    return test !== null && test.polarity === 'success' && responseSource(ctx, test.response, st) !== null;
  });
}

/** The class a raise names: `raise X from e`, `raise X(msg)`, `throw new X(msg)`; null for a bare re-raise. */
function raisedClass(ctx: FileContext, raise: Node): string | null {
  let value = raise.namedChildren.find((c) => c.type !== 'comment') ?? null;
  if (value?.type === 'new_expression') value = value.childForFieldName('constructor');
  else if (value !== null && isCall(value, ctx.family)) value = callee(value);
  return value !== null && (value.type === 'identifier' || value.type === 'attribute' || value.type === 'member_expression') ? lastSegment(dottedPath(value)) : null;
}

/**
 * `service = FlutterwaveService()` then `service.make_transfer(…)`: a method of a class of another
 * file, named as the link step knows it (`FlutterwaveService.make_transfer`). Null for anything else.
 */
function instanceMethodPath(ctx: FileContext, call: Node, path: string): string | null {
  const accessor = /^(self|this)\.([A-Za-z_$][\w$]*)(?:\(\))?\.([A-Za-z_$][\w$]*)$/.exec(path);
  if (accessor !== null) return accessorMethodPath(ctx, call, accessor[2] ?? '', accessor[3] ?? '');
  const m = /^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)$/.exec(path);
  if (m === null) return null;
  const bound = unwrapAwait(lastBindingBefore(ctx, m[1] ?? '', call));
  // `client = _build_client()`, a factory of this file that returns an `OmariClient`: that class.
  const cls = constructedClass(ctx, bound) ?? (bound !== null && isCall(bound, ctx.family) ? classOfLocalFactory(ctx, bound) : null);
  return cls !== null ? `${cls}.${m[2]}` : null;
}

/** `Service(…)` / `new Service(…)`: the class a value is built from, or null. */
function constructedClass(ctx: FileContext, value: Node | null): string | null {
  const made = value?.type === 'new_expression' ? value.childForFieldName('constructor') : value !== null && isCall(value, ctx.family) ? callee(value) : null;
  const cls = made ? dottedPath(made) : '';
  return /^[A-Z]/.test(lastSegment(cls)) && !cls.includes('(') ? cls : null;
}

/**
 * `self.enterprise_client.enroll(…)` / `self.geag_fulfillment_handler().fulfill(…)`, where the
 * class's `enterprise_client` (a property) or `geag_fulfillment_handler()` returns
 * `EnterpriseApiClient()`: the method of that class (`EnterpriseApiClient.enroll`).
 */
function accessorMethodPath(ctx: FileContext, call: Node, accessor: string, method: string): string | null {
  const fn = methodAround(ctx, accessor, call);
  const returned = fn === null ? [] : blockStatements(functionBody(fn)).filter((st) => st.type === 'return_statement');
  if (returned.length !== 1) return null;
  const cls = constructedClass(ctx, unwrapAwait(returned[0]?.firstNamedChild ?? null));
  return cls !== null ? `${cls}.${method}` : null;
}

/**
 * A handler that catches everything (`except Exception:`, bare `except:`, `catch (e)`) or a
 * transport error (`except RequestException:`): a timeout lands there too, so what it records is
 * recorded for an outcome nobody knows. Branches that test the caught error for something definite
 * (`isinstance(e, CardError)`, `err.code === 'card_declined'`) are left out of the scope.
 * Skips: handlers that only catch errors raised before anything was sent (`ConnectTimeout`,
 * `ECONNREFUSED`). A handler that re-raises records nothing unless it also marks a failure, and
 * then the record stands: re-raising does not undo it.
 */
function broadHandlerScope(ctx: FileContext, names: TimeoutNames, handler: Handler, subject: Node, caught = caughtName(handler, ctx.family), attempted?: Node): Scope | null {
  let requires: Requirement | undefined;
  if (handler.type !== null && !exceptionPaths(handler.type).some((p) => isAmbiguousException(names, p))) {
    const classes = exceptionPaths(handler.type);
    if (attempted === undefined || classes.some((p) => names.definite.matches(p))) return null;
    if (!(wrapsAmbiguous(ctx, names, attempted, classes) || assertsStatus(ctx, attempted, classes))) {
      const wrapped = wrappedElsewhere(ctx, names, classes);
      if (wrapped === null) return null;
      requires = wrapped;
    }
  }
  const excludes: Node[] = [];
  if (caught !== null) {
    const errorNames = namesOfError(ctx, handler.body, caught);
    for (const ifStmt of nodesWithin(ctx, handler.body, 'if_statement')) {
      let sent = false;
      for (const branch of ifChain(ifStmt, ctx.family)) {
        if (branch.condition !== null && testsDefiniteError(ctx, names, branch.condition, errorNames, attempted)) excludes.push(branch.body);
        // `else if (error.request) { … } else { … }`: past the test that the request went out, the
        // `else` takes errors of a request that never left (axios's "error setting up the request").
        if (branch.condition !== null && testsUnanswered(ctx, branch.condition, errorNames)) sent = true;
        else if (branch.condition === null && sent) excludes.push(branch.body);
      }
    }
  }
  const label = headerLine(handler.clause).replace(/\s*\{.*$/, '');
  return { context: 'timeout-handler', body: handler.body, guard: handler.body, construct: handler.clause, subject, label, explicitOnly: true, ...(excludes.length > 0 ? { excludes } : {}), ...(requires !== undefined ? { requires } : {}) };
}

/**
 * `except EInvoiceCertificationError:` where that class is the project's own (imported from one of
 * its modules, or defined in this file) and no vocabulary names it: the handler is as broad as the
 * handlers that raise it, which the link step settles (`ambiguous-raise:<Class>`, `wrappedRaiseFacts`).
 * A builtin (`ValueError`) is never read this way: raised from a timeout once, it still means other things elsewhere.
 */
function wrappedElsewhere(ctx: FileContext, names: TimeoutNames, classes: string[]): Requirement | null {
  const own = classes.filter((c) => !names.exceptions.matches(c) && !names.broad.matches(c) && !names.sentNothing.matches(c) && projectClass(ctx, c));
  if (own.length === 0) return null;
  const facts: Requirement[] = own.map((c) => ({ kind: 'project-fact', fact: `ambiguous-raise:${lastSegment(c)}` }));
  return facts.length === 1 ? facts[0]! : { kind: 'any-of', of: facts };
}

/** An exception class of the project: imported from one of its modules, or a class this file defines. */
function projectClass(ctx: FileContext, path: string): boolean {
  if (projectImportOf(ctx, path) !== undefined) return true;
  if (path.includes('.')) return false;
  return nodesOfType(ctx, ['class_definition', 'class_declaration', 'class']).some((c) => c.childForFieldName('name')?.text === path);
}

/**
 * `try: result = provider.certify_invoice(invoice) … except EInvoiceCertificationError: invoice.status =
 * 'failed'`, with nothing in the try known to write or send: the handler's class is the project's
 * wrapper of an ambiguous error (raised in another file from `except requests.Timeout` around a
 * POST), so the call that may raise it is the write. Its subject is the try's first call that is not
 * a log line or an in-memory step; each such handler waits on its class's fact.
 */
function wrapperHandlerScopes(ctx: FileContext, names: TimeoutNames, tryStmt: Node, body: Node): Scope[] {
  const out: Scope[] = [];
  let subject: Node | null | undefined;
  const firstCall = () =>
    (subject ??=
      callsWithin(ctx, body).find((c) => {
        const path = calleePath(ctx, c);
        return path !== '' && !logsOnly(ctx, path) && !isInMemory(ctx, path) && enclosingFunction(c, ctx.family)?.id === enclosingFunction(body, ctx.family)?.id;
      }) ?? null);
  for (const handler of tryHandlers(tryStmt, ctx.family)) {
    if (handler.type === null || exceptionPaths(handler.type).some((p) => isAmbiguousException(names, p))) {
      // `catch (err) { if (err instanceof CertificationError) { … } }`, `if isinstance(e, CertificationError):`:
      // the branch that picks out the project's wrapper is judged as its typed handler would be.
      if (wrapperBranches(ctx, names, handler).length > 0 && firstCall() !== null) out.push(...wrapperBranchScopes(ctx, names, handler, subject!));
      continue;
    }
    const classes = exceptionPaths(handler.type);
    if (classes.some((p) => names.definite.matches(p))) continue;
    const requires = wrappedElsewhere(ctx, names, classes);
    const call = requires === null ? null : firstCall();
    if (requires === null || call === null) continue;
    const scope = broadHandlerScope(ctx, names, handler, call, caughtName(handler, ctx.family), body);
    if (scope !== null) out.push({ ...scope, requires });
  }
  return out;
}

/**
 * `catch (err) { if (err instanceof CertificationError) { … } }`, `except Exception as e: if isinstance(e,
 * CertificationError):`: the branches of a handler of every error that pick out a class of the
 * project no vocabulary names, with the fact each waits on.
 */
function wrapperBranches(ctx: FileContext, names: TimeoutNames, handler: Handler): { branch: Branch; requires: Requirement }[] {
  const caught = caughtName(handler, ctx.family);
  if (caught === null || !catchesAmbiguous(names, handler)) return [];
  const out: { branch: Branch; requires: Requirement }[] = [];
  for (const ifStmt of nodesWithin(ctx, handler.body, 'if_statement')) {
    for (const branch of ifChain(ifStmt, ctx.family)) {
      const cls = branch.condition === null ? null : classTested(branch.condition, caught);
      const requires = cls === null ? null : wrappedElsewhere(ctx, names, [cls]);
      if (requires !== null && !out.some((b) => b.branch.body.id === branch.body.id)) out.push({ branch, requires });
    }
  }
  return out;
}

/** Each wrapper branch as a scope of its own, holding on its class's fact (or on `alternative`, the handler's own condition). */
function wrapperBranchScopes(ctx: FileContext, names: TimeoutNames, handler: Handler, subject: Node, alternative?: Requirement): Scope[] {
  return wrapperBranches(ctx, names, handler).map(({ branch, requires }) => ({
    context: 'timeout-handler',
    body: branch.body,
    guard: branch.body,
    construct: branch.node,
    subject,
    label: headerLine(branch.node),
    explicitOnly: true,
    requires: alternative === undefined ? requires : { kind: 'any-of', of: [alternative, requires] },
  }));
}

/** The class a condition tests the caught error for: `err instanceof X`, `isinstance(e, X)`; null for anything else. */
function classTested(condition: Node, caught: string): string | null {
  const c = unwrapParens(condition);
  if (c === null) return null;
  if (c.type === 'binary_expression' && c.childForFieldName('operator')?.text === 'instanceof') {
    const right = c.childForFieldName('right');
    return c.childForFieldName('left')?.text === caught && right !== null && (right.type === 'identifier' || right.type === 'member_expression') ? dottedPath(right) : null;
  }
  if (c.type === 'call' && c.childForFieldName('function')?.text === 'isinstance') {
    const [value, cls] = c.childForFieldName('arguments')?.namedChildren ?? [];
    return value?.text === caught && cls !== undefined && (cls.type === 'identifier' || cls.type === 'attribute') ? dottedPath(cls) : null;
  }
  return null;
}

/**
 * `except requests.Timeout: raise EInvoiceCertificationError(…)` around a POST, `if (!res.ok) throw new
 * ProviderError(…)`: a class raised from the handler of an ambiguous outcome stands for that outcome
 * wherever the project catches it (`ambiguous-raise:<Class>`). Only handlers and branches that wait
 * on nothing of another file, and not their parts that test for a definite error.
 */
export function wrappedRaiseFacts(ctx: FileContext): string[] {
  const out = new Set<string>();
  for (const scope of ambiguousOutcomeContext.scopes(ctx)) {
    if (scope.requires !== undefined) continue;
    const fn = enclosingFunction(scope.body, ctx.family);
    for (const raise of nodesWithin(ctx, scope.body, ['raise_statement', 'throw_statement'])) {
      if (enclosingFunction(raise, ctx.family)?.id !== fn?.id || scope.excludes?.some((e) => contains(e, raise))) continue;
      const cls = raisedClass(ctx, raise);
      if (cls !== null) out.add(`ambiguous-raise:${cls}`);
    }
  }
  return [...out];
}

/** The name the handler binds the error to (`except X as e`, `catch (err)`), or null. */
export function caughtName(handler: Handler, family: 'python' | 'ecma'): string | null {
  if (family === 'ecma') {
    const p = handler.clause.childForFieldName('parameter');
    return p?.type === 'identifier' ? p.text : null;
  }
  const pattern = handler.clause.namedChildren.find((c) => c.type === 'as_pattern');
  const alias = pattern?.childForFieldName('alias') ?? pattern?.namedChildren.at(-1);
  const name = alias?.type === 'as_pattern_target' ? alias.firstNamedChild : alias;
  return name?.type === 'identifier' ? name.text : null;
}

/**
 * The caught error's name and the names read off it in the handler: `const status =
 * err.response?.status || 0; if (status >= 400 && status < 500)` tests the error as well.
 */
export function namesOfError(ctx: FileContext, body: Node, caught: string): string[] {
  const derived = nodesWithin(ctx, body, BINDING_TYPES).flatMap((n) => {
    const b = bindingOf(n);
    return b !== null && testsError(b.value, caught) ? [b.name] : [];
  });
  return [caught, ...derived];
}

/**
 * Whether a condition picks out errors that carry a definite answer (`isinstance(e, CardError)`,
 * `err.code === 'card_declined'`, `err.response.status === 404`), so its branch sees no ambiguous
 * outcome. Not: a test true of every error (`err instanceof Error`) or of every error but one
 * (`err.name !== 'PaymentQueueJobDataError'`, `!isCardError(err)`), a test for a timeout, a lost
 * connection or a 5xx (`status >= 500`), or a condition that does not look at the error at all.
 */
function testsDefiniteError(ctx: FileContext, names: TimeoutNames, condition: Node, errorNames: string[], attempted?: Node): boolean {
  const c = unwrapParens(condition);
  if (c === null) return false;
  const op = c.type === 'binary_expression' || c.type === 'boolean_operator' ? c.childForFieldName('operator')?.text ?? c.children.find((ch) => !ch.isNamed)?.text : undefined;
  const sides = [c.childForFieldName('left'), c.childForFieldName('right')].filter((n): n is Node => n !== null);
  // Every error that takes an `||` branch passes one of its tests; an `&&` branch, all of them.
  if (op === '||' || op === 'or') return sides.every((side) => testsDefiniteError(ctx, names, side, errorNames, attempted));
  if (op === '&&' || op === 'and') return sides.some((side) => testsDefiniteError(ctx, names, side, errorNames, attempted));
  if (negatedOperand(c) !== null || testsUnanswered(ctx, c, errorNames)) return false;
  if (!errorNames.some((name) => testsError(c, name)) || mentionsTimeout(ctx, c) || (SERVER_ERROR.test(c.text) && !readsReplyCode(ctx, c))) return false;
  const comparison = c.type === 'comparison_operator' ? c.children.filter((ch) => !ch.isNamed).map((ch) => ch.text).join(' ') : op;
  if (comparison !== undefined && /^(!==|!=|not in|is not)$/.test(comparison)) return false;
  const classes = testedClasses(ctx, c);
  // A domain error a helper of this file raises for whatever its request raised is no definite answer.
  if (classes.length > 0 && attempted !== undefined && wrapsAmbiguous(ctx, names, attempted, classes)) return false;
  return classes.every((path) => !isAmbiguousException(names, path) && !names.base.matches(path));
}

/**
 * `error.request`, `err?.request`: the condition is the bare presence of a caught error's field set
 * once the request went out (`timeouts.unanswered_fields`, axios's `error.request`). Tested after
 * `error.response`, it holds for a request sent and never answered: a timeout, a dropped connection.
 */
function testsUnanswered(ctx: FileContext, condition: Node, errorNames: string[]): boolean {
  // JavaScript only: requests' `e.request` in Python is the prepared request, set before it is sent.
  const c = ctx.family === 'ecma' ? unwrapParens(condition) : null;
  if (c === null || c.type !== 'member_expression') return false;
  const object = unwrapParens(c.childForFieldName('object'));
  const field = c.childForFieldName('property');
  return object?.type === 'identifier' && errorNames.includes(object.text) && field !== null && ctx.vocab.timeouts.unanswered_fields.includes(field.text);
}

/** `err.responseCode >= 500`: the condition reads a mail server's reply code (`reply_code_fields`), whose 5xx is permanent. */
function readsReplyCode(ctx: FileContext, condition: Node): boolean {
  const fields = wordSet(ctx, 'reply_code_fields', ctx.vocab.timeouts.reply_code_fields);
  return condition.descendantsOfType(['attribute', 'member_expression']).some((n) => fields.has(lastSegment(dottedPath(n))));
}

/** A 5xx in a condition (`status >= 500`, `HttpStatus.INTERNAL_SERVER_ERROR`): the server may have done the work. */
const SERVER_ERROR = /\b5\d\d\b|SERVER_ERROR|BAD_GATEWAY|SERVICE_UNAVAILABLE|GATEWAY_TIMEOUT/;

/** The classes an `instanceof` / `isinstance(…)` test names; empty for any other test. */
function testedClasses(ctx: FileContext, test: Node): string[] {
  if (test.type === 'binary_expression' && test.childForFieldName('operator')?.text === 'instanceof') {
    const right = test.childForFieldName('right');
    return right ? exceptionPaths(right) : [];
  }
  if (isCall(test, ctx.family) && dottedPath(callee(test)) === 'isinstance') {
    const classes = callArguments(test)[1];
    return classes ? exceptionPaths(classes) : [];
  }
  return [];
}

/** Whether a condition examines the caught error (`isinstance(e, X)`, `e.code == …`, `err instanceof X`). */
export function testsError(condition: Node, caught: string): boolean {
  if (condition.type === 'identifier') return condition.text === caught;
  return condition.descendantsOfType('identifier').some((id) => id.text === caught);
}

/**
 * `gateway.charge(…).catch((err) => markFailed(order))`: the rejection handler of a promise chain
 * that runs a mutating call handles its timeouts as well as its definite failures.
 */
function promiseCatchScopes(ctx: FileContext): Scope[] {
  if (ctx.family !== 'ecma' || !ctx.source.includes('.catch(')) return [];
  const names = timeoutNames(ctx);
  const scopes: Scope[] = [];
  for (const call of nodesOfType(ctx, 'call_expression')) {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'member_expression' || fn.childForFieldName('property')?.text !== 'catch') continue;
    const argument = callArguments(call)[0];
    // `.catch(handleFailure)`: a function of this file named where the chain is built.
    const handlerFn = argument?.type === 'identifier' ? functionNamedAt(ctx, argument.text, call) : argument;
    if (handlerFn == null || !isFunction(handlerFn, ctx.family)) continue;
    const chain = fn.childForFieldName('object');
    const found = chain ? promiseChainWrite(ctx, chain) : null;
    const body = functionBody(handlerFn);
    if (found === null || body === null) continue;
    const { call: subject, requires } = found;
    const conditional = requires ? { requires } : {};
    const param = functionParameters(handlerFn)[0] ?? null;
    const handler: Handler = { clause: call, type: null, body };
    if (body.type !== 'statement_block') {
      scopes.push({ context: 'timeout-handler', body, guard: body, construct: call, subject, label: '.catch(…)', ...conditional });
      continue;
    }
    const scope = broadHandlerScope(ctx, names, handler, subject, param);
    if (scope !== null) scopes.push({ ...scope, label: '.catch(…)', ...conditional });
  }
  return scopes;
}

/**
 * `transporter.sendMail(opts, (err, info) => { if (err) … })`, `stripe.charges.create(params,
 * function (error, charge) { if (error) return setPaymentError(…) })`: the error a Node-style
 * callback of a write or send is given is the same unknown outcome as a catch's. The scope is the
 * branch taken on that error (`if (err)`, `if (err != null)`, the `else` of `if (!err)`), in the
 * callback or in a function of this file it hands the error to (`condition(err, jobId, res)`
 * whose `if (err)` records). Branches that test for a definite error are left out as in a catch.
 * Skips: callbacks whose first parameter is not named for an error (`callback_error_params`),
 * reads, and calls known as writes by their name only.
 */
function callbackErrorScopes(ctx: FileContext, names: TimeoutNames): Scope[] {
  const params = ctx.vocab.timeouts.callback_error_params;
  if (ctx.family !== 'ecma' || params.length === 0 || !callbackErrorText(ctx)) return [];
  const scopes: Scope[] = [];
  const seen = new Set<number>();
  for (const call of nodesOfType(ctx, 'call_expression')) {
    const callback = callArguments(call).at(-1);
    if (callback === undefined || !['arrow_function', 'function_expression', 'function'].includes(callback.type)) continue;
    const error = functionParameters(callback)[0];
    const body = functionBody(callback);
    if (error === undefined || !params.includes(error) || body === null) continue;
    if (!SUBJECT_VOCABULARIES.some((v) => reachedCallsOf(ctx, call, v).length > 0)) continue;
    // A write known only by its name (`oldOrder.createCopy(function (err, copy) …)`, goodybag's
    // orders.js: a copy made in the local database) is not judged here: callback-style code passes
    // a callback to every database call, and a helper of another file is judged by a body the link
    // step cannot always tell from a remote write.
    if (namedOnly(ctx, call) !== null) continue;
    const add = (branch: Node, caught: string) => {
      if (seen.has(branch.id)) return;
      seen.add(branch.id);
      const scope = broadHandlerScope(ctx, names, { clause: call, type: null, body: branch }, call, caught);
      if (scope !== null) scopes.push({ ...scope, construct: call, label: `${calleePath(ctx, call)}(…, (${error}) => …)` });
    };
    if (body.type === 'statement_block') for (const branch of errorBranches(ctx, body, error)) add(branch, error);
    // `await condition(err, jobId, res)`: a function of this file given the error branches on it there.
    for (const inner of body.type === 'statement_block' || isCall(body, ctx.family) ? callsWithin(ctx, body) : []) {
      const at = callArguments(inner).findIndex((a) => a.type === 'identifier' && a.text === error);
      if (at < 0) continue;
      const fn = resolveLocalFunction(ctx, inner);
      const name = fn === null ? undefined : functionParameters(fn)[at];
      const fnBody = fn === null ? null : functionBody(fn);
      if (name === undefined || fnBody === null || fnBody.type !== 'statement_block') continue;
      for (const branch of errorBranches(ctx, fnBody, name)) add(branch, name);
    }
  }
  return scopes;
}

/** Cheap text test: a function whose first parameter is named for an error (`(err,`, `function (error)`). */
function callbackErrorText(ctx: FileContext): boolean {
  return ctx.memo('callback-error-text', () => {
    const alternatives = ctx.vocab.timeouts.callback_error_params.map((p) => p.replace(/[$]/g, '\\$')).join('|');
    const name = `(?:${alternatives})`;
    return new RegExp(`function\\b[^(]*\\(\\s*${name}\\s*[,:)]|\\(\\s*${name}\\s*(?:[,:][^()]*)?\\)\\s*=>|\\b${name}\\s*=>`).test(ctx.source);
  });
}

/**
 * The branches of the `if`s directly in `body` (not in nested functions) taken when `error` is set:
 * `if (err)`, `if (err != null)`, `if (err !== undefined)`, `if (!!err)`, and the `else` of `if (!err)`.
 */
function errorBranches(ctx: FileContext, body: Node, error: string): Node[] {
  const out: Node[] = [];
  for (const ifStmt of nodesWithin(ctx, body, 'if_statement')) {
    if (isChainLink(ifStmt) || enclosingFunction(ifStmt, ctx.family)?.id !== enclosingFunction(body, ctx.family)?.id) continue;
    const branches = ifChain(ifStmt, ctx.family);
    const head = branches[0];
    if (head?.condition == null) continue;
    const test = errorTest(head.condition, error);
    if (test === 'set') out.push(head.body);
    else if (test === 'unset') {
      const otherwise = branches.at(-1);
      if (branches.length === 2 && otherwise?.condition === null) out.push(otherwise.body);
    }
  }
  return out;
}

/** `err` / `err != null` / `!!err` → 'set'; `!err` / `err == null` → 'unset'; anything else null. */
function errorTest(condition: Node, error: string): 'set' | 'unset' | null {
  const c = unwrapParens(condition);
  if (c === null) return null;
  if (c.type === 'identifier') return c.text === error ? 'set' : null;
  if (c.type === 'unary_expression' && c.childForFieldName('operator')?.text === '!') {
    const inner = errorTest(c.childForFieldName('argument') ?? c, error);
    return inner === 'set' ? 'unset' : inner === 'unset' ? 'set' : null;
  }
  if (c.type === 'binary_expression') {
    const op = c.childForFieldName('operator')?.text ?? '';
    const left = c.childForFieldName('left');
    const right = c.childForFieldName('right');
    const sides = [left?.text, right?.text];
    if (!sides.includes(error) || !sides.some((t) => t === 'null' || t === 'undefined')) return null;
    if (op === '!=' || op === '!==') return 'set';
    if (op === '==' || op === '===') return 'unset';
  }
  return null;
}

/**
 * The mutating call a promise chain starts from (`api.post(…).then(…)`), not looking into
 * callbacks; failing that, a call of a helper of another file the link step must find writing
 * (`radarr.addMovie(options).then(…)` with `radarr = new RadarrAPI(…)`).
 */
function promiseChainWrite(ctx: FileContext, chain: Node): { call: Node; requires?: Requirement } | null {
  const calls: Node[] = [];
  let n: Node | null = unwrapAwait(chain);
  while (n !== null) {
    if (isCall(n, ctx.family)) {
      if (reachedCallsOf(ctx, n, 'mutating').length > 0) return { call: n };
      calls.push(n);
      const fn = n.childForFieldName('function');
      n = fn?.type === 'member_expression' ? fn.childForFieldName('object') : null;
    } else if (n.type === 'member_expression') n = n.childForFieldName('object');
    else if (n.type === 'parenthesized_expression') n = unwrapParens(n);
    else break;
  }
  const readVerbs = wordSet(ctx, 'read_verbs', ctx.vocab.read_verbs);
  for (const call of calls.reverse()) {
    const path = calleePath(ctx, call);
    if (path.includes('(') || readVerbs.has(splitWords(lastSegment(path))[0] ?? '')) continue;
    const found = helperCallSubject(ctx, call, path, 0);
    if (found !== null) return found;
  }
  return null;
}

/** An `if` with no else that leaves (throw/return) unless the error is a timeout. */
function isTimeoutOnlyGuard(ctx: FileContext, ifStmt: Node): boolean {
  const branches = ifChain(ifStmt, ctx.family);
  const head = branches[0];
  if (branches.length !== 1 || head?.condition == null || !negatesTimeout(ctx, head.condition)) return false;
  const last = blockStatements(head.body).at(-1);
  return last !== undefined && (isRaise(last, ctx.family) || last.type === 'return_statement');
}

/**
 * Whether a condition holds for every error that is not a timeout: `err.name !== 'TimeoutError'`,
 * `!(err instanceof TimeoutError)`, `not isinstance(e, Timeout) or …`, `!(a) && !(b)` with a and b
 * timeout tests. A `!=` elsewhere in it
 * (`err.code === 'ETIMEDOUT' || (status != null && status >= 500)`) negates nothing of the timeout test.
 */
export function negatesTimeout(ctx: FileContext, condition: Node): boolean {
  const c = unwrapParens(condition);
  if (c === null) return false;
  const op = c.type === 'binary_expression' || c.type === 'boolean_operator' ? c.childForFieldName('operator')?.text ?? c.children.find((ch) => !ch.isNamed)?.text : undefined;
  const sides = [c.childForFieldName('left'), c.childForFieldName('right')].filter((n): n is Node => n !== null);
  // `!isTimeout(a) || x` holds for every non-timeout; `!(e instanceof TimeoutError) && e.name !== 'TimeoutError'` too.
  if (op === '||' || op === 'or') return sides.some((side) => negatesTimeout(ctx, side));
  if (op === '&&' || op === 'and') return sides.length > 0 && sides.every((side) => negatesTimeout(ctx, side));
  const inner = negatedOperand(c);
  if (inner !== null) return mentionsTimeout(ctx, inner);
  const comparison = c.type === 'comparison_operator' ? c.children.filter((ch) => !ch.isNamed).map((ch) => ch.text).join(' ') : c.type === 'binary_expression' ? op : undefined;
  return comparison !== undefined && /^(!==|!=|not in|is not)$/.test(comparison) && mentionsTimeout(ctx, c);
}

type Polarity = 'success' | 'failure';

/**
 * Whether `condition` is a status check and which outcome its truth means. `resp.ok`,
 * `status == 200`, `status_code in (200, 201)`, `charge.status == "succeeded"` test for success;
 * `!resp.ok`, `status != 200`, `status >= 400` for failure. Returns the response expression too.
 */
function statusTest(ctx: FileContext, condition: Node | null): { polarity: Polarity; response: Node } | null {
  const c = unwrapParens(condition);
  if (c === null) return null;
  // Lowered once per vocabulary, not on every (recursive) call.
  const { fields, booleans } = compiledOnce(ctx.vocab, 'status-test-fields', () => ({
    fields: ctx.vocab.responses.status_fields.map((f) => f.toLowerCase()),
    booleans: ctx.vocab.responses.boolean_fields.map((f) => f.toLowerCase()),
  }));
  const fieldAccess = (n: Node | null): Node | null => {
    const u = unwrapParens(n);
    if (u === null || (u.type !== 'attribute' && u.type !== 'member_expression')) return null;
    // `result.ResponseCode`, `res.retcode`: a provider's result code field (`result_code_fields`) is a status too.
    const field = lastSegment(dottedPath(u));
    return fields.includes(field.toLowerCase()) || isResultCodeField(ctx, field) ? u : null;
  };
  const objectOf = (access: Node): Node | null => access.childForFieldName('object');

  if (c.type === 'not_operator' || (c.type === 'unary_expression' && c.text.startsWith('!'))) {
    const inner = statusTest(ctx, c.childForFieldName('argument') ?? c.lastNamedChild ?? c);
    return inner ? { polarity: inner.polarity === 'success' ? 'failure' : 'success', response: inner.response } : null;
  }
  if (c.type === 'boolean_operator' || (c.type === 'binary_expression' && /^(&&|\|\|)$/.test(c.childForFieldName('operator')?.text ?? ''))) {
    // `a and b`: the first conjunct that is a status test decides (the rest refines the body).
    return statusTest(ctx, c.childForFieldName('left')) ?? statusTest(ctx, c.childForFieldName('right'));
  }
  const access = fieldAccess(c);
  if (access && booleans.includes(lastSegment(dottedPath(access)).toLowerCase())) {
    const obj = objectOf(access);
    return obj ? { polarity: 'success', response: obj } : null;
  }
  if (c.type === 'comparison_operator' || c.type === 'binary_expression') {
    const operands = c.type === 'comparison_operator' ? c.namedChildren : [c.childForFieldName('left'), c.childForFieldName('right')];
    const op = c.type === 'comparison_operator' ? c.children.find((ch) => !ch.isNamed)?.text ?? '' : c.childForFieldName('operator')?.text ?? '';
    const [left, right] = operands;
    const acc = fieldAccess(left ?? null);
    const obj = acc && objectOf(acc);
    if (!acc || !obj || !right) return null;
    const value = right.text.replace(/['"`]/g, '');
    const numeric = /^\d+$/.test(value) ? Number(value) : null;
    const ok2xx = numeric !== null && numeric >= 200 && numeric < 300;
    // `response.code !== '000'` (VTpass), `result.ResponseCode == '0'` (M-Pesa): a provider's result code
    // compared with its success code is a two-way test as a status compared with "success" is.
    const successWord = ctx.vocab.responses.success_values.some((v) => v.toLowerCase() === value.toLowerCase()) || (isResultCodeField(ctx, lastSegment(dottedPath(acc))) && isSuccessCode(ctx, value));
    const tuple = right.type === 'tuple' || right.type === 'list' || right.type === 'array';
    if (op === 'in' && tuple && /\b2\d\d\b/.test(right.text)) return { polarity: 'success', response: obj };
    if (op === 'not in' && tuple && /\b2\d\d\b/.test(right.text)) return { polarity: 'failure', response: obj };
    if ((op === '==' || op === '===' || op === 'is') && (ok2xx || successWord)) return { polarity: 'success', response: obj };
    if ((op === '!=' || op === '!==' || op === 'is not') && (ok2xx || successWord)) return { polarity: 'failure', response: obj };
    if (numeric !== null && (op === '<' || op === '<=') && numeric <= 400 && numeric >= 300) return { polarity: 'success', response: obj };
    if (numeric !== null && (op === '>=' || op === '>') && numeric >= 299 && numeric <= 400) return { polarity: 'failure', response: obj };
  }
  return null;
}

/** The mutating call a response expression comes from: the call itself, or a name bound to it. */
function responseSource(ctx: FileContext, response: Node, at: Node): Node | null {
  const r = bodyReaderSource(ctx, unwrapAwait(response));
  if (r === null) return null;
  if (isCall(r, ctx.family)) return reachedCallsOf(ctx, r, 'mutating').length > 0 ? r : null;
  const base = dottedPath(r).split('.')[0];
  if (base === undefined || base === '' || base.startsWith('<')) return null;
  const scope = enclosingFunction(at, ctx.family) ?? ctx.root;
  let source: Node | null = null;
  for (const node of nodesWithin(ctx, scope, BINDING_TYPES)) {
    if (node.startIndex >= at.startIndex) break;
    const b = bindingOf(node);
    if (b === null || b.name !== base) continue;
    const value = bodyReaderSource(ctx, unwrapAwait(b.value));
    source = value && isCall(value, ctx.family) && reachedCallsOf(ctx, value, 'mutating').length > 0 && !bindsBodyField(ctx, node, base) ? value : null;
  }
  return source;
}

/** `const { data: response } = await http.post(…)`: the name holds the 2xx body (`body_fields`), not the response. */
function bindsBodyField(ctx: FileContext, binding: Node, name: string): boolean {
  const pattern = binding.childForFieldName('name');
  if (pattern?.type !== 'object_pattern') return false;
  const fields = wordSet(ctx, 'body_fields', ctx.vocab.responses.body_fields);
  return pattern.namedChildren.some((part) => {
    const key = part.type === 'pair_pattern' ? part.childForFieldName('key')?.text : part.text;
    const bound = part.type === 'pair_pattern' ? part.childForFieldName('value')?.text : part.text;
    return bound === name && key !== undefined && fields.has(key);
  });
}

/**
 * The request under a body reader: `(await bank.post(…)).json()`, `bank.post(…).json()`, `res.json()`
 * chained on the call. The body's status is as much the write's outcome as the response's.
 */
function bodyReaderSource(ctx: FileContext, node: Node | null): Node | null {
  let n = node;
  while (n !== null && isCall(n, ctx.family) && BODY_READERS.test(lastSegment(calleePath(ctx, n)))) {
    // `await x.post(…).json<T>()` parses as `(await x.post(…).json)<T>()`: look under the await.
    const fn = unwrapAwait(n.childForFieldName('function'));
    const obj = unwrapAwait(fn?.childForFieldName('object') ?? null);
    if (obj === null || !isCall(obj, ctx.family)) break;
    n = obj;
  }
  return n;
}

const BODY_READERS = /^(json|text|data|body|unwrap|result|then|content)$/;

/**
 * After `if response.status_code == 200: … return True`, the statements that follow in the same
 * block run only when the check failed: they are the failure branch of a test with no `else`.
 */
function fallThroughBranches(ctx: FileContext, ifStmt: Node, test: { polarity: 'success' | 'failure' }, branches: ReturnType<typeof ifChain>): Node[] {
  if (test.polarity !== 'success' || branches.length !== 1) return [];
  const head = branches[0];
  const last = head ? blockStatements(head.body).at(-1) : undefined;
  if (last === undefined || !(isRaise(last, ctx.family) || last.type === 'return_statement')) return [];
  const block = ifStmt.parent;
  if (block === null || (block.type !== 'block' && block.type !== 'statement_block')) return [];
  const statements = blockStatements(block);
  return statements.slice(statements.findIndex((s) => s.id === ifStmt.id) + 1);
}

/**
 * `const result = await submitIpeRequest(id); if (result.success) … else { refund }`, `const sig =
 * await processPayout(p); if (!sig) { credit back }`: a branch on the result of a helper of another
 * file (its success flag, or the result itself being empty) is the failure branch of that helper's
 * write when the helper keeps every error of the write to itself and hands back a result instead
 * (`catch (e) { return { success: false } }`, a catch that only logs): a timeout lands there too.
 * The condition travels to the link step (`kept`): a helper whose write's errors reach the caller,
 * or that writes nothing, gives no scope. Null for anything else.
 */
function keptResultTest(ctx: FileContext, condition: Node | null, at: Node, status = statusTest(ctx, condition)): { test: { polarity: Polarity; response: Node }; subject: Node; requires: Requirement } | null {
  const test = status ?? flagTest(ctx, condition) ?? emptinessTest(condition);
  if (test === null) return null;
  const name = unwrapParens(test.response);
  if (name === null || (name.type !== 'identifier' && name.type !== 'attribute' && name.type !== 'member_expression')) return null;
  const path = dottedPath(name);
  if (path.includes('.') && !/^(this|self)\.[A-Za-z_$][\w$]*$/.test(path)) return null;
  const value = unwrapAwait(lastBindingBefore(ctx, path, at));
  if (value === null || !isCall(value, ctx.family) || resolveLocalFunction(ctx, value) !== null) return null;
  const callPath = calleePath(ctx, value);
  const readVerbs = wordSet(ctx, 'read_verbs', ctx.vocab.read_verbs);
  if (callPath.includes('(') || readVerbs.has(splitWords(lastSegment(callPath))[0] ?? '')) return null;
  const found = helperCallSubject(ctx, value, callPath, 1);
  if (found === null || found.requires.kind !== 'helper') return null;
  return { test, subject: value, requires: { ...found.requires, kept: true } };
}

/**
 * `result.success`, `!res.isSuccess`, `not result["ok"]`: the success flag of a result (`result_flags`
 * of the failure outcome), true on success.
 */
function flagTest(ctx: FileContext, condition: Node | null): { polarity: Polarity; response: Node } | null {
  const c = unwrapParens(condition);
  if (c === null) return null;
  if (c.type === 'not_operator' || (c.type === 'unary_expression' && c.text.startsWith('!') && !c.text.startsWith('!!'))) {
    const inner = flagTest(ctx, c.childForFieldName('argument') ?? c.lastNamedChild);
    return inner ? { polarity: inner.polarity === 'success' ? 'failure' : 'success', response: inner.response } : null;
  }
  const flags = outcomeWords(ctx, 'failure')?.resultFlags;
  if (flags === undefined) return null;
  let object: Node | null = null;
  let field: string | undefined;
  if (c.type === 'member_expression' || c.type === 'attribute') {
    object = c.childForFieldName('object');
    field = (c.childForFieldName('property') ?? c.childForFieldName('attribute'))?.text;
  } else if (c.type === 'subscript' || c.type === 'subscript_expression') {
    object = c.childForFieldName('value') ?? c.childForFieldName('object');
    const key = c.childForFieldName('subscript') ?? c.childForFieldName('index');
    field = key !== null && /^['"]/.test(key.text) ? key.text.slice(1, -1) : undefined;
  }
  // `status` is a flag only where it holds a boolean: a bare test of it is no status comparison.
  return object !== null && field !== undefined && flags.has(normalizeName(field)) ? { polarity: 'success', response: object } : null;
}

/** `!result`, `not result`, `result is None`, `result == null`, `result === undefined`: a test that the value is empty (failure when true). */
function emptinessTest(condition: Node | null): { polarity: Polarity; response: Node } | null {
  const c = unwrapParens(condition);
  if (c === null) return null;
  if (c.type === 'not_operator' || (c.type === 'unary_expression' && c.text.startsWith('!') && !c.text.startsWith('!!'))) {
    const inner = unwrapParens(c.childForFieldName('argument') ?? c.lastNamedChild);
    return inner !== null && (inner.type === 'identifier' || inner.type === 'member_expression' || inner.type === 'attribute') ? { polarity: 'failure', response: inner } : null;
  }
  if (c.type === 'identifier') return { polarity: 'success', response: c };
  const operands = c.type === 'comparison_operator' ? c.namedChildren : c.type === 'binary_expression' ? [c.childForFieldName('left'), c.childForFieldName('right')] : [];
  const op = c.type === 'comparison_operator' ? c.children.filter((ch) => !ch.isNamed).map((ch) => ch.text).join(' ') : c.childForFieldName('operator')?.text ?? '';
  const [left, right] = operands;
  if (!left || !right || !/^(none|null|undefined)$/i.test(right.text)) return null;
  if (/^(is|==|===)$/.test(op)) return { polarity: 'failure', response: left };
  if (/^(is not|!=|!==)$/.test(op)) return { polarity: 'success', response: left };
  return null;
}

function findStatusBranches(ctx: FileContext): Scope[] {
  const scopes: Scope[] = [];
  for (const ifStmt of nodesOfType(ctx, 'if_statement')) {
    if (isChainLink(ifStmt) || inProbe(ctx, ifStmt)) continue;
    const branches = ifChain(ifStmt, ctx.family);
    const head = branches[0];
    if (head?.condition == null) continue;
    const direct = statusTest(ctx, head.condition);
    const directSubject = direct === null ? null : responseSource(ctx, direct.response, ifStmt);
    // Not a response of a write in sight: a result a helper of another file hands back after
    // keeping every error of its write to itself (`{ success: false }`, nothing at all).
    const kept = directSubject === null ? keptResultTest(ctx, head.condition, ifStmt, direct) : null;
    const test = directSubject !== null ? direct : kept?.test ?? null;
    const subject = directSubject ?? kept?.subject ?? null;
    if (test === null || subject === null || tellsInProgressApart(ctx, branches, test.response)) continue;
    const keptRequires = kept !== null ? { requires: kept.requires } : {};
    const told = (body: Node) => tellsServerErrorApart(ctx, body, test.response);
    for (const rest of fallThroughBranches(ctx, ifStmt, test, branches).filter((b) => !told(b))) {
      // `if resp.status_code in (401, 403, 404): return False` after the success test: a definite answer.
      const definite = [rest, ...nodesWithin(ctx, rest, 'if_statement')].filter((n) => n.type === 'if_statement').flatMap((n) =>
        ifChain(n, ctx.family).filter((b) => b.condition !== null && /\b4\d\d\b/.test(b.condition.text) && !/\b5\d\d\b/.test(b.condition.text)).map((b) => b.body),
      );
      scopes.push({ context: 'status-branch', body: rest, guard: ifStmt.parent ?? ifStmt, construct: ifStmt, subject, label: headerLine(ifStmt), plainResultsViaCaller: true, ...(definite.length > 0 ? { excludes: definite } : {}), ...keptRequires });
    }
    const failing = test.polarity === 'failure' ? head : branches.at(-1)?.condition === null ? branches.at(-1) : undefined;
    if (failing === undefined || failing === head && test.polarity === 'success' || told(failing.body)) continue;
    // `if (!response.ok) return false`: as in a broad handler, a falsy result records the failure
    // only where a caller reads it as one (Dokploy's hubspot.ts: the caller only logs it).
    scopes.push({ context: 'status-branch', body: failing.body, guard: ifStmt, construct: ifStmt, subject, label: headerLine(ifStmt), plainResultsViaCaller: true, ...keptRequires });
  }
  for (const ternary of nodesOfType(ctx, ['ternary_expression', 'conditional_expression'])) {
    const parts = ternaryParts(ternary);
    if (parts === null || inProbe(ctx, ternary)) continue;
    const test = statusTest(ctx, parts.condition);
    if (test === null) continue;
    const subject = responseSource(ctx, test.response, ternary);
    if (subject === null) continue;
    const body = test.polarity === 'success' ? parts.whenFalse : parts.whenTrue;
    scopes.push({ context: 'status-branch', body, guard: ternary, construct: ternary, subject, label: firstLine(ternary) });
  }
  return scopes;
}

/**
 * `if (result.Status === "Completed" || result.Status === "Processing") … else { refund }`: a chain
 * whose conditions compare the response's status with an unsettled value (the `ambiguous` outcome's
 * values: pending, processing) tells the provider's "still working" apart, so what is left for its
 * failure branch is a definite answer.
 */
function tellsInProgressApart(ctx: FileContext, branches: ReturnType<typeof ifChain>, response: Node): boolean {
  const unsettled = outcomeWords(ctx, 'ambiguous');
  if (unsettled === undefined) return false;
  return branches.some((b) => b.condition !== null && nodesWithin(ctx, b.condition, ['binary_expression', 'comparison_operator']).some((c) => {
    if (!/(===?|\bis\b|\bin\b)/.test(c.text) || !c.text.includes(response.text)) return false;
    return c.descendantsOfType(['string', 'attribute', 'member_expression']).some((v) => !v.text.startsWith(response.text) && isOutcomeValue(v, unsettled));
  }));
}

/**
 * `transient: response.status === 429 || response.status >= 500` in the failure branch: it tells a
 * 5xx (the server may have done the work) from a definite rejection, so the outcome it records is
 * not binary.
 */
function tellsServerErrorApart(ctx: FileContext, body: Node, response: Node): boolean {
  const text = ctx.source.slice(body.startIndex, body.endIndex);
  if (!SERVER_ERROR.test(text)) return false;
  const holder = response.text;
  return nodesWithin(ctx, body, ['binary_expression', 'comparison_operator']).some((c) => SERVER_ERROR.test(c.text) && c.text.includes(holder) && /(>=?|===?|\bin\b)/.test(c.text));
}

function ternaryParts(node: Node): { condition: Node; whenTrue: Node; whenFalse: Node } | null {
  if (node.type === 'ternary_expression') {
    const condition = node.childForFieldName('condition');
    const whenTrue = node.childForFieldName('consequence');
    const whenFalse = node.childForFieldName('alternative');
    return condition && whenTrue && whenFalse ? { condition, whenTrue, whenFalse } : null;
  }
  // Python: `a if cond else b`
  const [whenTrue, condition, whenFalse] = node.namedChildren;
  return condition && whenTrue && whenFalse ? { condition, whenTrue, whenFalse } : null;
}
