import { lastBindingBefore } from './bindings.js';
import { COLLECTED_ERROR_RECORDS } from './fact-kinds.js';
import { resolveLocalFunction } from './local-helpers.js';
import { relayedFalsyBranches } from './flag-relays.js';
import { projectImportOf } from './imports.js';
import { compiledOnce } from './compiled.js';
import { calleePath, nodesOfType, nodesWithin } from './file-index.js';
import { buildsFailedResult, FAILED_RESULT, recordsMatcher } from './kinds/records.js';
import { escapeRegExp, normalizeName, splitWords } from './names.js';
import { errorAnswerSources, isOutcomeValue, isResultCodeField, isSuccessCode, outcomeWords } from './outcomes.js';
import { exceptionPaths, writesOrSendsIn } from './contexts/ambiguous-outcome.js';
import { accessedField, conjunctsOf, blockStatements, callArguments, callee, dottedPath, enclosingFunction, tryBody, tryHandlers, functionBody, functionName, functionTypes, ownParameters, isCall, isLoop, isRaise, lastSegment, namedEnclosingFunction, stringValue, unwrapAwait, unwrapParens, negatedOperand, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/**
 * Functions whose falsy result a caller in this file turns into a recorded outcome: `if not
 * send_payout(…): payout.status = "failed"`, `const ok = await charge(); if (!ok) markFailed()`.
 * Returned as `falsy-records:<outcome>:<function>` facts, so a handler that returns `False` from
 * that function records the outcome through its caller, wherever the caller is.
 */
export function falsyRecordFacts(ctx: FileContext): string[] {
  const { outcomes, mention } = falsyVocab(ctx);
  if (outcomes.length === 0) return [];
  const facts = new Set<string>([...passedOnFacts(ctx, outcomes), ...resultRecordFacts(ctx, outcomes, mention), ...failedResultFacts(ctx, outcomes)]);
  const mentioned = mention.test(ctx.source);
  for (const ifStmt of nodesOfType(ctx, 'if_statement')) {
    const tested = falsyBranch(ctx, ifStmt);
    if (tested === null) continue;
    // A fact names the tested function: a branch on a value that is no function's result (a
    // parameter, a field) gives none, whatever it records. Asked first: it reads memoised bindings,
    // where the record tests below walk the branch.
    // `result = {"success": False, …}` as the default, then `if method == "a": result = a.create(…)
    // elif method == "b": result = b.create_order(…) elif …: result = {…}`: the last binding is a
    // plain value, yet the test reads whichever branch ran, each call among them too.
    const direct = calledFunction(ctx, tested.value, ifStmt);
    const branchCalls = direct === null ? otherBranchCalls(ctx, tested.value, ifStmt) : [];
    const name = direct ?? branchCalls[0] ?? null;
    if (name === null) continue;
    // Cheap text test first: most branches say nothing of the outcome.
    const says = mentioned && tested.branch.some((b) => mention.test(ctx.source.slice(b.startIndex, b.endIndex)));
    let recorded = outcomes.filter((outcome) => says && recordsIn(ctx, tested.branch, outcome));
    // `if (!transfer.success) throw new Error(transfer.reason)` in a try whose catch sets the payout
    // FAILED: the throw hands the falsy result to that catch, which records it (fieldsy-backend
    // payout.service.ts). Only handlers whose text names the outcome are read, once per handler.
    if (recorded.length === 0 && mentioned) recorded = thrownToRecords(ctx, tested.branch, outcomes, mention);
    // `if (res.success) { sent = true } else { log(res.error) }`, then `if (sent) … else markFailed()`:
    // the flag the success side raises carries the falsy result to the later record (aureliolk/app_follow-up campaignWorker.ts).
    if (recorded.length === 0 && mentioned) {
      const relayed = relayedFalsyBranches(ctx, ifStmt, tested.branch).filter((b) => mention.test(ctx.source.slice(b.startIndex, b.endIndex)));
      if (relayed.length > 0) recorded = outcomes.filter((outcome) => recordsIn(ctx, relayed, outcome));
    }
    const holding = recorded.length === outcomes.length || !fallsBack(ctx, tested.branch) ? recorded : outcomes;
    // `if response == "TRANSACTION SUCCESSFUL": … else:`: anything but success lands there, an error handed back too.
    const kinds = tested.notSuccess === true ? ['falsy-records', 'error-records'] : ['falsy-records'];
    // `if (sgb) [ok, tx] = await withdrawNative(…); else [ok, tx] = await withdrawToken(…)`, then `if (!ok)`:
    // each branch's function hands its result to the test, not only the last one bound.
    const names = holding.length > 0 ? (direct === null ? branchCalls : [name, ...otherBranchCalls(ctx, tested.value, ifStmt)]) : [];
    for (const outcome of holding) for (const kind of kinds) for (const n of names) facts.add(recordFact(kind, outcome, n));
  }
  for (const fact of collectedErrorFacts(ctx, outcomes, mention)) facts.add(fact);
  for (const { value, at, outcome } of falsyChoices(ctx, outcomes)) {
    // `status: result.success ? 'SENT' : 'FAILED'` after a switch whose every case binds `result`: each case's function.
    const name = calledFunction(ctx, value, at);
    for (const n of name === null ? otherBranchCalls(ctx, value, at) : [name, ...otherBranchCalls(ctx, value, at)]) facts.add(recordFact('falsy-records', outcome, n));
  }
  return [...facts];
}

/**
 * `success_count, errors = api.send_bulk_sms(…)` then `if errors: messages.error(request, "Failed to
 * send SMS to …")`: a branch taken when the list of errors a function handed back holds any, which
 * records the outcome, records it for the items that function collected as failed
 * (`collected-error-records:<outcome>:<function>`). The test: the name itself, its `len(…)`, its
 * `.length`, or either compared `> 0`.
 */
function collectedErrorFacts(ctx: FileContext, outcomes: string[], mention: RegExp): string[] {
  const out: string[] = [];
  for (const ifStmt of nodesOfType(ctx, 'if_statement')) {
    const name = nonEmptyTest(ctx, unwrapParens(ifStmt.childForFieldName('condition')));
    const branch = ifStmt.childForFieldName('consequence');
    if (name === null || branch === null || !mention.test(ctx.source.slice(branch.startIndex, branch.endIndex))) continue;
    const bound = unwrapAwait(lastBindingBefore(ctx, name, ifStmt));
    if (bound === null || !isCall(bound, ctx.family)) continue;
    // Named as the other facts name it: an imported function by its local name for the link step to settle (`@bulk_send`).
    const called = calledFunction(ctx, bound, ifStmt);
    if (called === null) continue;
    for (const outcome of outcomes) if (recordsIn(ctx, [branch], outcome)) out.push(recordFact(COLLECTED_ERROR_RECORDS, outcome, called));
  }
  return out;
}

/** The list a condition asks to be non-empty: `errors`, `len(errors)`, `errors.length`, `len(errors) > 0`. */
function nonEmptyTest(ctx: FileContext, cond: Node | null): string | null {
  if (cond === null) return null;
  if (cond.type === 'identifier') return cond.text;
  if ((cond.type === 'comparison_operator' || cond.type === 'binary_expression') && ['>', '!=', '!=='].includes((cond.childForFieldName('operator') ?? cond.children.find((c) => !c.isNamed))?.text ?? '') && cond.lastNamedChild?.text === '0') return nonEmptyTest(ctx, cond.firstNamedChild);
  if (isCall(cond, ctx.family) && calleePath(ctx, cond) === 'len') {
    const arg = callArguments(cond)[0];
    return arg?.type === 'identifier' ? arg.text : null;
  }
  if (cond.type === 'member_expression' && cond.childForFieldName('property')?.text === 'length') {
    const list = cond.childForFieldName('object');
    return list?.type === 'identifier' ? list.text : null;
  }
  return null;
}

/** The outcomes the catch-all handlers a raising branch hands its error to record (memoised per handler). */
function thrownToRecords(ctx: FileContext, branch: Node[], outcomes: string[], mention: RegExp): string[] {
  const handlers = handlersThrownTo(ctx, branch);
  if (handlers.length === 0) return [];
  const known = ctx.memo('thrown-to-records', () => new Map<number, string[]>());
  return [...new Set(handlers.flatMap((h) => {
    let found = known.get(h.id);
    if (found === undefined) {
      found = mention.test(ctx.source.slice(h.startIndex, h.endIndex)) ? outcomes.filter((outcome) => recordsIn(ctx, [h], outcome)) : [];
      known.set(h.id, found);
    }
    return found;
  }))];
}

/**
 * The bodies of the handlers a branch that ends by raising hands its error to: the catch-all
 * handlers (`catch (e)`, `except Exception:`) of the innermost try of the same function whose body
 * holds the branch. Empty when the branch does not end by raising or no such try holds it.
 */
function handlersThrownTo(ctx: FileContext, branch: Node[]): Node[] {
  const last = branch.length === 1 ? (blockStatements(branch[0]!).at(-1) ?? branch[0]) : undefined;
  if (last === undefined || !isRaise(last, ctx.family)) return [];
  const fn = enclosingFunction(last, ctx.family);
  for (let n: Node | null = last.parent; n !== null && n.id !== fn?.id; n = n.parent) {
    if (n.type !== 'try_statement') continue;
    const body = tryBody(n);
    if (body === null || last.startIndex < body.startIndex || last.endIndex > body.endIndex) continue;
    const base = ctx.vocab.timeouts.base_classes;
    return tryHandlers(n, ctx.family).filter((h) => h.type === null || exceptionPaths(h.type).every((p) => base.includes(p))).map((h) => h.body);
  }
  return [];
}

/** `falsy-records:failure:buy_airtime`, or `…:failure@BUYAIRTIME` for a name the link step resolves where it is imported. */
function recordFact(kind: string, outcome: string, name: string): string {
  return name.startsWith('@') ? `${kind}:${outcome}${name}` : `${kind}:${outcome}:${name}`;
}

/**
 * `message.status = "sent" if result["success"] else "failed"`, `status: res.ok ? 'SENT' : 'FAILED'`:
 * a ternary on a result (or its success flag) whose falsy branch is one of the outcome's values
 * records that outcome for a falsy result, as an `if` branch does.
 */
function falsyChoices(ctx: FileContext, outcomes: string[]): { value: Node; at: Node; outcome: string }[] {
  const out: { value: Node; at: Node; outcome: string }[] = [];
  for (const ternary of nodesOfType(ctx, ['conditional_expression', 'ternary_expression'])) {
    const parts = ternary.type === 'ternary_expression'
      ? { condition: ternary.childForFieldName('condition'), whenTrue: ternary.childForFieldName('consequence'), whenFalse: ternary.childForFieldName('alternative') }
      : { whenTrue: ternary.namedChildren[0] ?? null, condition: ternary.namedChildren[1] ?? null, whenFalse: ternary.namedChildren[2] ?? null };
    let cond = unwrapParens(parts.condition);
    if (cond === null || parts.whenTrue === null || parts.whenFalse === null) continue;
    let whenFalsy = parts.whenFalse;
    const operand = negatedOperand(cond);
    const negated = operand !== null;
    if (negated) {
      cond = unwrapParens(operand);
      whenFalsy = parts.whenTrue;
    }
    const field = cond === null ? null : resultField(ctx, cond);
    if (field !== null) {
      cond = field.holder;
      if (field.failedWhenTrue) whenFalsy = whenFalsy.id === parts.whenFalse.id ? parts.whenTrue : parts.whenFalse;
    }
    const value = unwrapAwait(cond);
    if (value === null || (value.type !== 'identifier' && !isCall(value, ctx.family))) continue;
    for (const outcome of outcomes) {
      const words = outcomeWords(ctx, outcome);
      if (words !== undefined && isOutcomeValue(whenFalsy, words)) out.push({ value, at: ternary, outcome });
    }
  }
  return out;
}

/** Statements that pick one branch to run, and the parts a branch's binding sits in on the way up to one. */
const CHAINS = new Set(['if_statement', 'switch_statement', 'match_statement']);
const CHAIN_PARTS = new Set(['else_clause', 'elif_clause', 'statement_block', 'block', 'expression_statement', 'switch_body', 'switch_case', 'switch_default', 'case_clause']);

/**
 * The functions the other branches of an `if … else` bind the tested name to, the same way as the
 * last binding before the test (`[success, send] = await songbird.user_withdraw_native(…)` in one
 * branch, `… = await songbird.user_withdraw_generic_token(…)` in the next): the test reads whichever ran.
 */
function otherBranchCalls(ctx: FileContext, tested: Node, at: Node): string[] {
  const v = unwrapAwait(tested);
  if (v === null || v.type !== 'identifier') return [];
  const bound = lastBindingBefore(ctx, v.text, at);
  const assignment = bound?.parent ?? null;
  const left = assignment?.childForFieldName('left') ?? assignment?.childForFieldName('name') ?? null;
  if (bound === null || assignment === null || left === null) return [];
  // The outermost `if` (or `switch` / `match`) of the chain the binding's branch belongs to, inside
  // the test's function: `switch (channel) { case 'EMAIL': result = await sendEmail(…); break; … }`
  // binds the name in each case as an if/else chain does in each branch.
  const fn = enclosingFunction(at, ctx.family);
  let chain: Node | null = null;
  for (let p = assignment.parent; p !== null && p.id !== fn?.id; p = p.parent) {
    if (CHAINS.has(p.type)) chain = p;
    else if (!CHAIN_PARTS.has(p.type)) break;
  }
  if (chain === null || chain.endIndex > at.startIndex) return [];
  const out: string[] = [];
  for (const other of nodesWithin(ctx, chain, [assignment.type])) {
    if (other.id === assignment.id || enclosingFunction(other, ctx.family)?.id !== fn?.id) continue;
    const otherLeft = other.childForFieldName('left') ?? other.childForFieldName('name');
    const value = unwrapAwait(other.childForFieldName('right') ?? other.childForFieldName('value'));
    if (otherLeft?.text !== left.text || value === null || !isCall(value, ctx.family)) continue;
    const name = calledFunction(ctx, value, at);
    if (name !== null) out.push(name);
  }
  return out;
}

/**
 * `formatErrorResponse(type, id, amount, error) { return { success: false, status: "FAILED", … } }`:
 * a function every return of which is a recorded outcome (a definite one, not a bare flag) builds
 * that outcome's result. Given as `result-records:<outcome>:<function>`, so `return
 * this.formatErrorResponse(…)` in a handler of another file (an inherited method) records it too.
 */
function resultRecordFacts(ctx: FileContext, outcomes: string[], mention: RegExp): string[] {
  if (!mention.test(ctx.source)) return [];
  const out: string[] = [];
  for (const fn of nodesOfType(ctx, functionTypes(ctx.family))) {
    const name = functionName(fn);
    const body = functionBody(fn);
    if (name === null || body === null || !mention.test(ctx.source.slice(body.startIndex, body.endIndex))) continue;
    const returns = body.type === 'statement_block' || body.type === 'block'
      ? nodesWithin(ctx, body, 'return_statement').filter((r) => enclosingFunction(r, ctx.family)?.id === fn.id)
      : [];
    if (returns.length === 0 || returns.length > 3) continue;
    for (const outcome of outcomes) {
      const records = (ret: Node) => (recordsMatcher.find?.(ctx, outcome, [ret]) ?? []).some((c) => c.captures.result === undefined && c.requires === undefined);
      if (returns.every(records)) out.push(`result-records:${outcome}:${name}`);
    }
  }
  return out;
}

/**
 * `protected createErrorResult(error) { return { success: false, error } }`: a function every return
 * of which is a result whose success flag is false builds that outcome's failed result. Given as
 * `failed-result:<outcome>:<function>`, so `return this.createErrorResult(…)` in a handler of another
 * file (a subclass's) hands a failed result to its caller, as a literal `{ success: false }` would.
 */
function failedResultFacts(ctx: FileContext, outcomes: string[]): string[] {
  if (!/\b(false|False)\b/.test(ctx.source)) return [];
  const out: string[] = [];
  for (const fn of nodesOfType(ctx, functionTypes(ctx.family))) {
    const name = functionName(fn);
    if (name === null || !/\b(false|False)\b/.test(ctx.source.slice(fn.startIndex, fn.endIndex))) continue;
    for (const outcome of outcomes) {
      const words = outcomeWords(ctx, outcome);
      if (words !== undefined && words.resultFlags.size > 0 && buildsFailedResult(ctx, fn, words)) out.push(`${FAILED_RESULT}:${outcome}:${lastSegment(name)}`);
    }
  }
  return out;
}

/**
 * `if success: return True` then `twilio.send_sms(…)`: a caller that sends or writes again by
 * another route when the result is falsy takes it for "not done", as a record of failure would.
 */
function fallsBack(ctx: FileContext, branch: Node[]): boolean {
  return branch.some((b) => writesOrSendsIn(ctx, b).length > 0);
}

/**
 * `return self.twilio_client.send_sms(to, text)` in a function that otherwise returns `True` /
 * `False`: it hands the helper's flag on as its own, so the helper's falsy result records whatever
 * this function's falsy result records. Given as `<fact> <= <fact>` for the link step.
 */
function passedOnFacts(ctx: FileContext, outcomes: string[]): string[] {
  const flags = /\breturn\s+(True|False|true|false)\b/.test(ctx.source);
  const out: string[] = [];
  for (const ret of nodesOfType(ctx, 'return_statement')) {
    const returned = unwrapAwait(ret.firstNamedChild);
    if (returned === null) continue;
    const fn = namedEnclosingFunction(ret, ctx.family);
    const outer = fn && functionName(fn);
    if (!outer) continue;
    // `return await buyData(…)` / `result = await this.sendBankPayout(…); … return result`: the
    // function hands the helper's result on as its own, whatever the result is (a flag, `{ status:
    // false }`, `[false, err]`), so the helper's falsy result is read wherever this one's is.
    // A function that returns flags of its own hands on any call's flag (`return self.twilio_client.send_sms(…)`).
    const flagged = isCall(returned, ctx.family) && flags && returnsFlag(ctx, fn);
    const calls = flagged ? [returned] : isCall(returned, ctx.family) ? handsOnWhole(ctx, ret, returned) : returned.type === 'identifier' ? assignedCalls(ctx, fn, returned.text) : [];
    for (const call of calls) {
      const path = calleePath(ctx, call);
      const inner = lastSegment(path);
      if (inner === '' || inner.includes('(') || inner === lastSegment(outer)) continue;
      // Handed on from a function of the project (`buyData(…)`, `this.sendBankPayout(…)`), not a
      // client's method (`client.send(…)`), whose bare name other functions share.
      // Only a function defined in this file: a chain of hand-ons across modules reaches results
      // far from the reader that acts on them (a payment flow's progress message, caught in a
      // helper three modules below the reply).
      if (!flagged && resolveLocalFunction(ctx, call) === null) continue;
      for (const outcome of outcomes) {
        for (const kind of ['falsy-records', 'error-records']) out.push(`${kind}:${outcome}:${inner} <= ${kind}:${outcome}:${lastSegment(outer)}`);
      }
    }
  }
  return out;
}

/**
 * `return await buyData(…)` as the return of a function whose result is a helper's (no flag of its
 * own): the call itself, the whole statement's value. A call chained on (`.then(…)`) or mapped is
 * something else.
 */
function handsOnWhole(ctx: FileContext, ret: Node, call: Node): Node[] {
  const value = ret.firstNamedChild;
  return value !== null && (value.id === call.id || unwrapAwait(value)?.id === call.id) && !ofChainedMethod(ctx, call) ? [call] : [];
}

/**
 * `result = await this.sendBankPayout(…)` in each case of a switch, then `return result`: the calls
 * whose whole result the function assigns to the name it returns (memoised per function).
 */
function assignedCalls(ctx: FileContext, fn: Node, name: string): Node[] {
  const perFn = ctx.memo('assigned-calls', () => new Map<number, Map<string, Node[]>>());
  let byName = perFn.get(fn.id);
  if (byName === undefined) {
    byName = new Map();
    const body = functionBody(fn);
    for (const a of body === null ? [] : nodesWithin(ctx, body, ['assignment', 'assignment_expression', 'variable_declarator'])) {
      if (enclosingFunction(a, ctx.family)?.id !== fn.id) continue;
      const left = a.childForFieldName(a.type === 'variable_declarator' ? 'name' : 'left');
      const right = unwrapAwait(a.childForFieldName(a.type === 'variable_declarator' ? 'value' : 'right'));
      if (left?.type !== 'identifier' || right === null || !isCall(right, ctx.family) || ofChainedMethod(ctx, right)) continue;
      const list = byName.get(left.text);
      if (list === undefined) byName.set(left.text, [right]);
      else list.push(right);
    }
    perFn.set(fn.id, byName);
  }
  return byName.get(name) ?? [];
}

/** Whether a function returns a boolean literal somewhere (its result is a success flag). */
function returnsFlag(ctx: FileContext, fn: Node): boolean {
  return ctx.memo('returns-flag', () => new Map<number, boolean>()).get(fn.id) ?? (() => {
    const body = functionBody(fn);
    const found = (body === null ? [] : nodesWithin(ctx, body, 'return_statement')).some(
      (r) => /^(True|False|true|false)$/.test(r.firstNamedChild?.text ?? '') && enclosingFunction(r, ctx.family)?.id === fn.id,
    );
    ctx.memo('returns-flag', () => new Map<number, boolean>()).set(fn.id, found);
    return found;
  })();
}

interface FalsyVocab {
  /** Outcomes a falsy return can record (`return_false` / `return_none`). */
  outcomes: string[];
  /** What a branch that records must contain: an outcome's word or value, or an error answer. */
  mention: RegExp;
  /** An error answer to the client: a 4xx/5xx in a status field, or a named error status. */
  errorAnswer: RegExp;
}

/** Built once per vocabulary from `outcomes` and `responses`. */
function falsyVocab(ctx: FileContext): FalsyVocab {
  return compiledOnce(ctx.vocab, 'falsy-callers', () => {
    const entries = Object.entries(ctx.vocab.outcomes).filter(([, o]) => o.return_false || o.return_none);
    const answers = errorAnswerSources(ctx.vocab);
    const words = entries.flatMap(([, o]) => [...o.call_words, ...o.values]).map(escapeRegExp);
    const never = /(?!)/;
    return {
      outcomes: entries.map(([name]) => name),
      mention: words.length + answers.length > 0 ? new RegExp([...words, ...answers].join('|'), 'i') : never,
      errorAnswer: answers.length > 0 ? new RegExp(answers.join('|')) : never,
    };
  });
}

/** The function whose result the `if` tests for falsy, and the statements run when it is. */
function falsyBranch(ctx: FileContext, ifStmt: Node): { value: Node; branch: Node[]; notSuccess?: boolean } | null {
  const tested = falsyTest(ctx, ifStmt);
  if (tested !== null) return { value: tested.value, branch: [tested.branch] };
  const success = successTest(ctx, ifStmt);
  if (success !== null) return { value: success.value, branch: success.branch, notSuccess: true };
  return fallThrough(ifStmt, ctx);
}

/**
 * `if response == 'TRANSACTION SUCCESSFUL': … else: <branch>` / `if (res !== 'success') <branch>`:
 * a result compared with a success value (`responses.success_values`, a word of the literal): the
 * branch runs for anything else, a falsy result or an error handed back in its place.
 */
function successTest(ctx: FileContext, ifStmt: Node): { value: Node; branch: Node[] } | null {
  const cond = unwrapParens(ifStmt.childForFieldName('condition'));
  if (cond === null || (cond.type !== 'comparison_operator' && cond.type !== 'binary_expression')) return null;
  const op = cond.type === 'binary_expression' ? cond.childForFieldName('operator')?.text : cond.children.find((c) => !c.isNamed)?.text;
  const equal = op === '==' || op === '===';
  if (!equal && op !== '!=' && op !== '!==') return null;
  const [left, right] = cond.type === 'binary_expression' ? [cond.childForFieldName('left'), cond.childForFieldName('right')] : [cond.namedChildren[0] ?? null, cond.namedChildren[1] ?? null];
  // `if so.get('code') != 0:` (Zoho's `code`, WeChat's `errcode`): a result code compared as a number is the same test as `'0'`.
  const literal = right === null ? null : stringValue(right) ?? (right.type === 'integer' || right.type === 'number' ? right.text : null);
  const successes = compiledOnce(ctx.vocab, 'success-values', () => new Set(ctx.vocab.responses.success_values.map((v) => v.toLowerCase())));
  // `if response.get('ResponseCode') == '0':`: the result's code compared with a success code tests the result.
  const codeHolder = left !== null && literal !== null && isSuccessCode(ctx, literal) ? resultCodeHolder(ctx, left) : null;
  if (left === null || literal === null || (codeHolder === null && !splitWords(literal).some((w) => successes.has(w)))) return null;
  const alt = ifStmt.childForFieldName('alternative');
  const elseBody = alt?.type === 'else_clause' ? (alt.childForFieldName('body') ?? alt.namedChildren.find((c) => c.type !== 'comment') ?? null) : null;
  const branch = equal ? elseBody : ifStmt.childForFieldName('consequence');
  const value = codeHolder ?? unwrapAwait(left);
  if (value === null || (value.type !== 'identifier' && !isCall(value, ctx.family))) return null;
  if (branch !== null) return { value, branch: [branch] };
  // `if (response.ResponseCode === '0') { …; return ok } return failure`: what follows the `if` runs for any other code.
  const rest = codeHolder !== null && equal ? statementsAfterLeaving(ctx, ifStmt) : null;
  return rest === null ? null : { value, branch: rest };
}

/** The statements after an `if` with no else whose body ends by returning or raising: they run only when its test fails. */
function statementsAfterLeaving(ctx: FileContext, ifStmt: Node): Node[] | null {
  if (ifStmt.childForFieldName('alternative') !== null) return null;
  const body = ifStmt.childForFieldName('consequence');
  const last = body === null ? undefined : blockStatements(body).at(-1);
  const block = ifStmt.parent;
  if (last === undefined || !(last.type === 'return_statement' || isRaise(last, ctx.family)) || block === null || (block.type !== 'block' && block.type !== 'statement_block')) return null;
  const statements = blockStatements(block);
  const rest = statements.slice(statements.findIndex((st) => st.id === ifStmt.id) + 1);
  return rest.length > 0 ? rest : null;
}

/**
 * `response.get('ResponseCode')`, `response['vnp_ResponseCode']`, `res.ResponseCode`: the name a
 * result's code field (`isResultCodeField`) is read from; null for anything else.
 */
function resultCodeHolder(ctx: FileContext, node: Node): Node | null {
  const n = unwrapParens(node);
  if (n === null) return null;
  let access = accessedField(n);
  if (access === null && isCall(n, ctx.family) && lastSegment(calleePath(ctx, n)) === 'get') {
    const first = callArguments(n)[0];
    access = { object: callee(n)?.childForFieldName('object') ?? null, field: first === undefined ? null : stringValue(first) };
  }
  const holder = access?.object ?? null;
  return holder?.type === 'identifier' && access?.field != null && isResultCodeField(ctx, access.field) ? holder : null;
}

/**
 * `if success: return True` with no else: the statements after it in the block run only when the
 * result was falsy.
 */
function fallThrough(ifStmt: Node, ctx: FileContext): { value: Node; branch: Node[] } | null {
  if (ifStmt.childForFieldName('alternative') !== null) return null;
  const cond = unwrapParens(ifStmt.childForFieldName('condition'));
  const body = ifStmt.childForFieldName('consequence');
  const last = body === null ? undefined : blockStatements(body).at(-1);
  if (cond === null || last === undefined || !(last.type === 'return_statement' || isRaise(last, ctx.family))) return null;
  const value = unwrapAwait(cond);
  if (value === null || (value.type !== 'identifier' && !isCall(value, ctx.family))) return null;
  const block = ifStmt.parent;
  if (block === null || (block.type !== 'block' && block.type !== 'statement_block')) return null;
  const statements = blockStatements(block);
  let rest = statements.slice(statements.findIndex((st) => st.id === ifStmt.id) + 1);
  // `for service in services: ok = service.send(…); if ok: return True` then, after the loop, a
  // failure record: it runs only when no call's result was truthy.
  const loop = block.parent;
  if (rest.length === 0 && loop !== null && isLoop(loop, ctx.family) && loop.childForFieldName('body')?.id === block.id) {
    const outer = loop.parent;
    if (outer !== null && (outer.type === 'block' || outer.type === 'statement_block' || outer.type === 'module' || outer.type === 'program')) {
      const around = blockStatements(outer);
      rest = around.slice(around.findIndex((st) => st.id === loop.id) + 1);
    }
  }
  return rest.length > 0 ? { value, branch: rest } : null;
}

/**
 * The name of the function whose result `value` is: the call itself, or a name bound to one before
 * `at`, directly or through one more name (`const response = await buy(); const { status } = response`).
 * A name pulled out of a result (`const { status, msg } = await buy()`) stands for the result only
 * when it is the result's success flag. A function imported under a name of this file's choosing
 * (`const BUYAIRTIME = require('./buyAirtime')`) is named through the import (`@BUYAIRTIME`), for
 * the link step to settle to the name it is defined under.
 */
function calledFunction(ctx: FileContext, value: Node, at: Node): string | null {
  const v = unwrapAwait(value);
  if (v === null) return null;
  let call: Node | null = isCall(v, ctx.family) ? v : null;
  let name = v.type === 'identifier' ? v.text : null;
  for (let hop = 0; call === null && name !== null && hop < 2; hop++) {
    const raw = lastBindingBefore(ctx, name, at);
    if (raw !== null && !bindsWholeResult(ctx, raw, name)) return null;
    const bound = conjunctCall(ctx, unwrapAwait(raw));
    call = bound !== null && isCall(bound, ctx.family) ? bound : null;
    name = bound?.type === 'identifier' ? bound.text : successFlagHolder(ctx, bound)?.text ?? null;
  }
  if (call === null) return null;
  const path = calleePath(ctx, call);
  const called = lastSegment(path);
  if (called === '' || called.includes('(') || ofChainedMethod(ctx, call)) return null;
  return !path.includes('.') && projectImportOf(ctx, path) !== undefined ? `@${path}` : called;
}

/**
 * `DeviceToken.objects.filter(…).update(is_active=False)`, `knex('t').where(…).update(…)`: a method
 * of the value a method call returned (a query, a builder) is no function of the project known by
 * that name; a 404 for a count of no rows says nothing of a project method called `update`. A method
 * of an object built or fetched by a plain call (`PayoutProvider().create_payout(…)`,
 * `get_gateway(x).charge(…)`, `self.client().send(…)`) is still the project's.
 */
function ofChainedMethod(ctx: FileContext, call: Node): boolean {
  const fn = callee(call);
  const receiver = unwrapAwait(fn?.childForFieldName('object') ?? null);
  if (receiver === null || !isCall(receiver, ctx.family)) return false;
  const inner = dottedPath(callee(receiver));
  return inner.includes('.') && !/^(self|this|cls)\.[\w$]+$/.test(inner);
}

/**
 * `ok = await send(…) && ok`, `ok = ok and send(…)`: a conjunction is falsy whenever the call's
 * result is, so the call's falsy result reaches whatever reads the name. The one call among the
 * operands (awaited or not); any other value is returned as it is.
 */
function conjunctCall(ctx: FileContext, value: Node | null): Node | null {
  if (value === null) return null;
  const op = value.type === 'binary_expression' ? value.childForFieldName('operator')?.text : value.type === 'boolean_operator' ? value.childForFieldName('operator')?.text : undefined;
  if (op !== '&&' && op !== 'and') return value;
  const calls = [value.childForFieldName('left'), value.childForFieldName('right')].map((side) => unwrapAwait(unwrapParens(side))).filter((side): side is Node => side !== null && isCall(side, ctx.family));
  return calls.length === 1 ? calls[0]! : value;
}

/**
 * `const success = result.success && result.data`: a name bound to the result's success flag (alone
 * or as a conjunct) is falsy whenever the result says it failed, so it stands for that result.
 * Only a success flag (`result_flags`): an error field (`result.error`) is truthy on failure.
 */
function successFlagHolder(ctx: FileContext, value: Node | null): Node | null {
  const v = unwrapParens(value);
  if (v === null) return null;
  const op = v.type === 'binary_expression' || v.type === 'boolean_operator' ? v.childForFieldName('operator')?.text : undefined;
  const sides = op === '&&' || op === 'and' ? [v.childForFieldName('left'), v.childForFieldName('right')] : [v];
  for (const side of sides) {
    const field = side === null ? null : resultField(ctx, side);
    if (field !== null && !field.failedWhenTrue && ['member_expression', 'attribute', 'subscript', 'subscript_expression'].includes(side?.type ?? '')) return field.holder;
  }
  return null;
}

/** Whether `name`, bound to `value`, holds the whole value or its success flag (`{ status } = …`), not some other field of it. */
function bindsWholeResult(ctx: FileContext, value: Node, name: string): boolean {
  const pattern = value.parent?.childForFieldName('name') ?? value.parent?.childForFieldName('left') ?? null;
  if (pattern === null || pattern.type !== 'object_pattern') return true;
  const words = outcomeWords(ctx, 'failure');
  for (const part of pattern.namedChildren) {
    const bound = part.type === 'pair_pattern' ? part.childForFieldName('value') : part;
    const key = part.type === 'pair_pattern' ? part.childForFieldName('key') : part;
    if (bound?.text === name && key !== null) return words !== undefined && words.resultFlags.has(normalizeName(key.text));
  }
  return false;
}

function falsyTest(ctx: FileContext, ifStmt: Node): { value: Node; branch: Node } | null {
  let cond = unwrapParens(ifStmt.childForFieldName('condition'));
  let whenFalsy: Node | null = ifStmt.childForFieldName('consequence');
  if (cond === null) return null;
  // `if (!res || !res.CheckoutRequestID)`: the branch runs whenever one disjunct holds, so a
  // falsy test among them is enough (the else, which needs them all false, says nothing of it).
  if (isDisjunction(cond)) {
    cond = falsyDisjunct(cond);
    if (cond === null) return null;
  }
  const operand = negatedOperand(cond);
  const negated = operand !== null;
  const comparedFalsy = !negated && isFalsyComparison(cond);
  if (negated) cond = unwrapParens(operand);
  else if (comparedFalsy) cond = unwrapParens(cond.firstNamedChild);
  else {
    // `if ok: … else: <falsy branch>`
    const alt = ifStmt.childForFieldName('alternative');
    whenFalsy = alt?.type === 'else_clause' ? (alt.childForFieldName('body') ?? alt.namedChildren.find((c) => c.type !== 'comment') ?? null) : null;
    // `if api_response and api_response.get('messages'): … else: <branch>` (whatsappcrm's send task):
    // the else runs whenever the first conjunct is falsy, whatever the others test.
    cond = conjunctsOf(cond)[0] ?? cond;
  }
  // `if "error" in result:` / `if (!result.success)`: a field of the result says it failed.
  const field = cond === null ? null : resultField(ctx, cond);
  if (field !== null) {
    cond = field.holder;
    if (field.failedWhenTrue !== (negated || comparedFalsy)) whenFalsy = ifStmt.childForFieldName('consequence');
    else {
      const alt = ifStmt.childForFieldName('alternative');
      whenFalsy = alt?.type === 'else_clause' ? (alt.childForFieldName('body') ?? alt.namedChildren.find((c) => c.type !== 'comment') ?? null) : null;
    }
  }
  const value = unwrapAwait(cond);
  if (value === null || whenFalsy === null || (value.type !== 'identifier' && !isCall(value, ctx.family))) return null;
  return { value, branch: whenFalsy };
}

function isDisjunction(node: Node): boolean {
  if (node.type === 'boolean_operator') return node.childForFieldName('operator')?.text === 'or' || node.children.some((c) => c.type === 'or');
  return node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '||';
}

/** The first disjunct of an `or` / `||` that tests a value for falsy (`!x`, `not x`, `x is None`). */
function falsyDisjunct(node: Node): Node | null {
  for (const side of [node.childForFieldName('left'), node.childForFieldName('right')]) {
    const d = unwrapParens(side);
    if (d === null) continue;
    if (isDisjunction(d)) {
      const inner = falsyDisjunct(d);
      if (inner !== null) return inner;
    } else if (negatedOperand(d) !== null || isFalsyComparison(d)) return d;
  }
  return null;
}

/**
 * A test of one field of a result: an error field present (`"error" in result`,
 * `result.get("error")`, `result.error`) is true when it failed; a success flag
 * (`result.success`, `result["ok"]`) is true when it did not. Null for anything else.
 */
function resultField(ctx: FileContext, cond: Node): { holder: Node; failedWhenTrue: boolean } | null {
  const words = outcomeWords(ctx, 'failure');
  if (words === undefined) return null;
  const kind = (name: string | null): boolean | null => {
    if (name === null) return null;
    const n = normalizeName(name);
    return words.errorFields.has(n) ? true : words.resultFlags.has(n) ? false : null;
  };
  const c = unwrapParens(cond);
  if (c === null) return null;
  if (c.type === 'comparison_operator' && c.children.some((ch) => ch.type === 'in')) {
    const [key, holder] = c.namedChildren;
    const failed = key ? kind(stringValue(key)) : null;
    return holder && failed !== null ? { holder, failedWhenTrue: failed } : null;
  }
  if (c.type === 'attribute' || c.type === 'member_expression') {
    const holder = c.childForFieldName('object');
    const failed = kind(c.childForFieldName('attribute')?.text ?? c.childForFieldName('property')?.text ?? null);
    return holder && failed !== null && holder.type === 'identifier' ? { holder, failedWhenTrue: failed } : null;
  }
  if (c.type === 'subscript' || c.type === 'subscript_expression') {
    const holder = c.childForFieldName('value') ?? c.childForFieldName('object');
    const index = c.childForFieldName('subscript') ?? c.childForFieldName('index');
    const failed = index ? kind(stringValue(index)) : null;
    return holder && failed !== null && holder.type === 'identifier' ? { holder, failedWhenTrue: failed } : null;
  }
  if (isCall(c, ctx.family) && lastSegment(calleePath(ctx, c)) === 'get') {
    const holder = c.childForFieldName('function')?.childForFieldName('object');
    const first = c.childForFieldName('arguments')?.namedChildren[0];
    const failed = first ? kind(stringValue(first)) : null;
    return holder && failed !== null && holder.type === 'identifier' ? { holder, failedWhenTrue: failed } : null;
  }
  return null;
}

const FALSY = /^(None|null|undefined|False|false)$/;

/** `x is None`, `x == False`, `x === null`. */
function isFalsyComparison(cond: Node): boolean {
  if (cond.type !== 'comparison_operator' && cond.type !== 'binary_expression') return false;
  const right = cond.lastNamedChild;
  const op = cond.type === 'binary_expression' ? cond.childForFieldName('operator')?.text : cond.children.find((c) => !c.isNamed)?.text;
  return right !== null && FALSY.test(right.text) && ['is', '==', '===', 'is not'].includes(op ?? '') && op !== 'is not';
}

/**
 * Whether the branch records the outcome itself (not by passing a falsy value further up): a
 * record of it, a raise that names it (`raise PaymentFailed`, `throw new Error("payout failed")`),
 * or an error answer to the client (`status=400`, `res.status(502)`, `HTTP_500_…`).
 */
function recordsIn(ctx: FileContext, branch: Node[], outcome: string): boolean {
  // A record that holds only if another file says so (`return buildFailure(…)`) is not one of the branch's own.
  const found = (recordsMatcher.find?.(ctx, outcome, branch) ?? []).filter((c) => c.requires === undefined);
  if (found.some((c) => c.captures.result === undefined || !FALSY_RETURN.test(c.report.text))) return true;
  const words = ctx.vocab.outcomes[outcome]?.call_words ?? [];
  const raises = branch.flatMap((b) => [b, ...b.descendantsOfType(['raise_statement', 'throw_statement'])]).filter((r) => isRaise(r, ctx.family));
  if (raises.some((r) => splitWords(r.text).some((w) => words.includes(w)))) return true;
  return branch.some((b) => falsyVocab(ctx).errorAnswer.test(ctx.source.slice(b.startIndex, b.endIndex)));
}

const FALSY_RETURN = /^return\s+(None|null|undefined|False|false)?\s*;?$/;

/**
 * `const updateSuccess = async (filename, success) => …`: the functions of this file whose parameter
 * at a position is an outcome's result flag (`result_flags`), as `result-flag-param:<outcome>:<function>:<position>`
 * (a method's `self` / `cls` not counted), so a caller of another file that hands `false` there records that outcome.
 */
export function flagParamFacts(ctx: FileContext): string[] {
  const entries = Object.keys(ctx.vocab.outcomes).flatMap((outcome) => {
    const flags = outcomeWords(ctx, outcome)?.resultFlags;
    return flags !== undefined && flags.size > 0 ? [{ outcome, flags }] : [];
  });
  if (entries.length === 0) return [];
  const words = [...new Set(entries.flatMap((e) => [...e.flags]))];
  const out: string[] = [];
  for (const fn of nodesOfType(ctx, functionTypes(ctx.family))) {
    const name = functionName(fn);
    if (name === null) continue;
    // Cheap text test first: a parameter's name is text of the function before its body, so its
    // normalised spelling is part of that text's (most functions name no flag at all).
    const header = normalizeName(ctx.source.slice(fn.startIndex, functionBody(fn)?.startIndex ?? fn.endIndex));
    if (!words.some((w) => header.includes(w))) continue;
    const params = ownParameters(fn);
    for (const { outcome, flags } of entries) {
      params.forEach((p, i) => {
        if (flags.has(normalizeName(p))) out.push(`result-flag-param:${outcome}:${name}:${i}`);
      });
    }
  }
  return out;
}
