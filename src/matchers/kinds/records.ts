import { calleePath, callsWithin, nodesWithin, perFile } from '../file-index.js';
import { isInMemory, logsOnly, matchedByVerbOnly, reportsOnly, storesLogRow } from '../call-vocabulary.js';
import { compiledOnce, wordSet } from '../compiled.js';
import { answersWithClientError, answersWithError, answersWithServerError, compensates, invitesRetry, isOutcomeValue, isResultCodeField, isSuccessCode, isValueName, outcomeParamProblem, outcomeWords, recordsByName, COMPARISON_OPERATORS, type OutcomeWords } from '../outcomes.js';
import { statementOf } from '../scope.js';
import { importsOf, projectImportOf } from '../imports.js';
import { lastBindingBefore } from '../bindings.js';
import { caughtName, writesCertainlyIn, writesOrSendsIn } from '../contexts/ambiguous-outcome.js';
import { inUserInterface } from '../user-interface.js';
import { computesInMemory, notifiesOnly, reachedCallsOf, resolveLocalFunction } from '../local-helpers.js';
import { keyFromHeldValues, passesKey } from './idempotency-key.js';
import { accessedField, booleanLiteral, contains, tryBody, unwrapParens, callArguments, callee, functionParameters, dottedPath, enclosingFunction, functionBody, isCall, isFunction, isLoop, isRaise, lastSegment, literalEntries, stringValue, unwrapAwait, type Node } from '../syntax.js';
import { NamePatterns, normalizeName, splitWords } from '../names.js';
import type { Candidate, FileContext, Matcher } from '../types.js';

/**
 * `records: <outcome>` — statements that record an outcome as settled: a call named for it
 * (`mark_failed(order)`, `markPaymentFailed()`), an assignment, argument or ternary branch whose
 * value is one of the outcome's values (`order.status = "failed"`, `update(status=Status.FAILED)`,
 * `res.ok ? 'paid' : 'failed'`), or, when the outcome allows it, `return False`.
 * Skips: values under test rather than recorded (`if status == "failed"`, dict keys, indexes),
 * values handed to a logger, and names that ask or log (`is_failed()`, `log_failure()`).
 * Skips too: what code running in the user's browser or app shows or keeps (`user-interface.ts`).
 * Known false positives: a helper named `fail_fast()` that records nothing.
 */
export const recordsMatcher: Matcher = {
  kind: 'records',
  summary: 'a statement that records an outcome (failure: mark_failed(), status = "failed", return False)',
  validate: outcomeParamProblem,
  find(ctx, param, within) {
    const words = outcomeWords(ctx, param ?? '');
    if (words === undefined) return [];
    const out: Candidate[] = [];
    // The candidate each reported statement holds, by the statement's id.
    const seen = new Map<number, Candidate>();
    const add = (node: Node, result: boolean | 'error' | 'collected' = false, plain = false, invites = false) => {
      if (recordsARun(ctx, node, words)) return;
      // `results.failed++`, `summary.failed += 1`: a count of failures kept for a summary; and
      // `results.push({ status: 'failed' })` onto a list that is only counted or logged: neither
      // records an outcome anywhere a reader acts on.
      if (countsOutcome(node) || keptInLocalTally(ctx, node)) return;
      // A value chosen by a ternary is reported where it stands: the statement may span many lines.
      const report = inTernaryBranch(node) ? node : expressionBodyOf(node) ?? statementOf(node);
      // A statement read twice keeps its first reading, unless that one was a result for a caller to
      // read and this one records by itself: `return NextResponse.json({ success: false, error }, { status })`
      // is a response built around an error result (a result, its status unknown here) and an answer
      // whose body says the operation failed (a record), the stronger of the two.
      const earlier = seen.get(report.id);
      if (earlier !== undefined && (result !== false || earlier.captures.result === undefined)) return;
      // `toast.error("Failed to save. Please try again")`, `setResult({ success: false })` in the
      // user's browser or app: it tells a person, and the server called keeps the record. A request
      // made there to record the failure (`api.post('/orders/fail')`) is a record still.
      if (inUserInterface(ctx, node) && writesOrSendsIn(ctx, statementOf(node)).length === 0) return;
      // `throw new TRPCError({ message: '… Please try again.' })` after a write keyed for its retry
      // (`stripe.subscriptions.create(params, { idempotencyKey })`): the retry it asks for replays it.
      if (invites && keyedAttempt(ctx, node)) return;
      const candidate: Candidate = { node, report, captures: { record: report.text.split('\n', 1)[0]?.trim() ?? '', ...(result ? { result: result === true ? 'falsy' : result, outcome: param ?? '' } : {}), ...(result && plain ? { plain: 'yes' } : {}), ...(invites ? { invites: 'yes' } : {}) }, related: [] };
      seen.set(report.id, candidate);
      if (earlier !== undefined) out.splice(out.indexOf(earlier), 1, candidate);
      else out.push(candidate);
    };
    // Returns that record only if another file says so: judged after every certain record.
    const elsewhere: { ret: Node; built: { name: string; path: string } }[] = [];
    const flaggedElsewhere: { flag: Node; fact: string }[] = [];
    for (const root of within) {
      for (const call of callsWithin(ctx, root)) {
        const path = calleePath(ctx, call);
        if (recordsByName(lastSegment(path), words) && !logsOnly(ctx, path) && !excludedCall(path, words) && !onlyHandsOn(ctx, call, param ?? '') && !countsInMemoryOnly(ctx, call, param ?? '')) {
          // A refund tried in a try of its own (`try { await razorpay.payments.refund(…) } catch { … }`)
          // is a write with its own handler, not the record of the outer one.
          if (!(compensates(lastSegment(path), words) && attemptedWithin(call, root))) add(call);
        }
        else if (createsOutcomeRow(ctx, call, path, words)) add(call);
        else {
          const helper = helperRecords(ctx, call, param ?? '');
          if (helper !== null) add(call, false, false, helper === 'invites');
        }
      }
      // `raise ShipmentCouldNotBeCreated`: Python raises an error class named bare as it raises one
      // built (`raise PaymentFailed()`); the class's name says what the raise records.
      for (const raised of raisedClasses(ctx, root)) if (recordsByName(lastSegment(dottedPath(raised)), words)) add(raised);
      for (const value of [root, ...root.descendantsOfType(['string', 'template_string', 'attribute', 'member_expression', 'identifier'])]) {
        if (!isOutcomeValue(value, words) || !isRecordedValue(ctx, value)) continue;
        // `this.recordFailure()` is judged as a call above; its name is no value recorded.
        const called = value.parent !== null && isCall(value.parent, ctx.family) && callee(value.parent)?.id === value.id ? value.parent : null;
        if (called !== null && countsInMemoryOnly(ctx, called, param ?? '')) continue;
        if (serverErrorMessage(ctx, value, words)) continue;
        add(value, setOnListEntry(ctx, value));
      }
      const returns = [root, ...root.descendantsOfType('return_statement')].filter((r) => r.type === 'return_statement');
      for (const ret of returns) {
        const value = ret.firstNamedChild;
        if (words.returnFalse && (booleanLiteral(value) === false || leadsWithFalse(value))) add(ret, true, true);
        else if (words.returnNone && /^(None|null|undefined)$/.test(value?.text ?? '') && returnsValueElsewhere(ctx, ret)) add(ret, true, true);
        // `except Exception as err: return err` in a function that otherwise returns the provider's
        // answer: the caller gets the error in its place, a failure where it reads anything but
        // success as one (cashpop base/utils/airtime_vtu.py:36).
        else if (words.returnNone && returnsCaught(ctx, root, value) && returnsValueElsewhere(ctx, ret)) add(ret, 'error', true);
        // `let success = false; try { await send(…); success = true } catch (e) { log(e) } return success`:
        // after a handler that swallows the error the flag is still false, a falsy result for the caller.
        else if (words.returnFalse && value?.type === 'identifier' && flagUnsetByHandler(ret, value.text)) add(ret, true, true);
        // `let response = { status: false, msg: 'Purchase failed' }; try { await axios.post(…);
        // response.status = true; return response } catch (e) { response.msg = …; return response }`:
        // the result made up failed before the call is handed back as it was, a failed result.
        else if (value?.type === 'identifier' && words.resultFlags.size > 0 && failedResultBound(ctx, ret, value.text, words)) add(ret, true);
        else if (value !== null && words.errorFields.size > 0 && literalEntries(value).some((e) => words.errorFields.has(normalizeName(e.key))) && !claimsSuccess(value, words) && !namesTimeoutApart(ctx, value, words)) add(ret, true);
        // `except requests.Timeout: return {'ResponseCode': '1', 'errorCode': 'TIMEOUT'}`: a provider's
        // result made up with a code that is no success code, for a caller that reads anything but
        // success as failure (dima-backend's M-Pesa STK push, owls_backend's VNPay refund).
        // With its success flag false too (`{ success: false, errorCode: 'API_ERROR' }`) it is a falsy
        // result first: a caller's `if (!response.success)` reads it, which the flag below is judged by.
        else if (value !== null && madeUpFailureCode(ctx, value) && !literalEntries(value).some((e) => words.resultFlags.has(normalizeName(e.key)) && booleanLiteral(e.value) === false)) add(ret, 'error', true);
        // With an error status it is an answer to the client in itself (`failureAnswers` below).
        else if (value !== null && errorAnswerBody(ctx, value, words) && !answersWithError(ctx, ctx.source.slice(ret.startIndex, ret.endIndex))) add(ret, true);
        else if (value !== null) {
          // A failure message in the result is an answer in itself; a bare flag is read by the caller.
          const failed = failedResult(ctx, value, words);
          if (failed !== null) add(ret, !failed.says);
          // `return this.handleError(error, channel)`, whose every return is `{ success: false, … }`:
          // the result that function builds is this function's failed result, for the caller to read.
          else if (builtHere(ctx, value, words)) add(ret, true);
          else {
            // `return this.formatErrorResponse(…) as ProviderPayoutResult`, a function of another file
            // (an inherited method): it records where the link step finds that it builds the outcome's result.
            const built = builtElsewhere(ctx, value);
            if (built !== null) elsewhere.push({ ret, built });
          }
        }
      }
      for (const answer of failureAnswers(ctx, root, words)) add(answer.node, false, false, answer.invites);
      // `.catch((e) => new ApiResponseDto(false, 'Transaction failed'))`: an arrow's expression body is its result.
      if (words.resultTypes.length > 0 && ctx.family === 'ecma' && /\bfalse\b/.test(ctx.source.slice(root.startIndex, root.endIndex))) {
        const arrows = root.type === 'arrow_function' ? [root] : [...(root.parent?.type === 'arrow_function' ? [root.parent] : []), ...root.descendantsOfType('arrow_function')];
        for (const arrow of arrows) {
          const value = arrow.childForFieldName('body');
          const failed = value === null || value.type === 'statement_block' ? null : failedResult(ctx, value, words);
          if (value !== null && failed !== null) add(value, !failed.says);
        }
      }
      for (const stored of storedErrors(ctx, root, words)) add(stored);
      // `errors.append({"message": str(e), "phones": chunk})` onto the list the function returns: a
      // failed item handed to the caller, a record where the caller tells of the errors it got.
      for (const pushed of collectedCaughtErrors(ctx, root, words)) add(pushed, 'collected', true);
      // `project.charge_flow_status = '/1'` before the charge, `update({ charge_flow_status: 'scheduled' })` in its handler.
      if (param === 'failure') for (const reset of claimsPutBack(ctx, root)) add(reset, false, false, true);
      if (param === 'failure') for (const credit of debitsGivenBack(ctx, root)) add(credit);
      // `alert.failed = True`, `alert.telemetry_alert.notified = False`: a flag stored on a record.
      for (const flagged of storedFlags(ctx, root, words)) add(flagged.node, flagged.result);
      if (words.resultFlags.size > 0 && /\b(False|false)\b/.test(ctx.source.slice(root.startIndex, root.endIndex))) {
        for (const flag of root.descendantsOfType(['false'])) {
          const holder = flag.parent;
          if (holder?.type === 'arguments' || holder?.type === 'argument_list') {
            // `logNotification(id, channel, false, …)` where that parameter is `success`.
            if (flagParameter(ctx, holder, flag, words)) add(flag);
            else {
              // `updateSuccess(filename, false)` of another file: where that parameter is `success` there.
              const fact = flagParameterElsewhere(ctx, holder, flag, param ?? '');
              if (fact !== null) flaggedElsewhere.push({ flag, fact });
            }
            continue;
          }
          const key = holder?.type === 'pair' ? holder.childForFieldName('key') : holder?.type === 'keyword_argument' ? holder.childForFieldName('name') : null;
          if (key && holder?.childForFieldName('value')?.id === flag.id && words.resultFlags.has(normalizeName(stringValue(key) ?? key.text))) {
            // Handed to a call (`line_item_signal.send(is_fulfilled=False)`), the flag is recorded
            // there; returned or stored, it is a result a caller may read or ignore.
            const handed = handedToCall(ctx, flag);
            // Pushed onto a list of results (`results.push({ success: false })`): still a result.
            const collected = handed !== null && words.resultCollectors.has(lastSegment(calleePath(ctx, handed)));
            if (handed === null || !logsOnly(ctx, calleePath(ctx, handed))) add(flag, handed === null || collected);
          }
        }
      }
    }
    for (const { ret, built } of elsewhere) {
      const report = statementOf(ret);
      if (seen.has(report.id)) continue;
      const record = report.text.split('\n', 1)[0]?.trim() ?? '';
      const candidate: Candidate = { node: ret, report, captures: { record }, related: [], requires: [{ kind: 'project-fact', fact: `result-records:${param ?? ''}:${built.name}@${built.path}` }] };
      seen.set(report.id, candidate);
      out.push(candidate);
      // `return this.createErrorResult(message)` of a base class in another file, whose every return is
      // `{ success: false, … }`: a failed result, which records where a caller reads it as one.
      if (words.resultFlags.size > 0) out.push({ node: ret, report, captures: { record, result: 'falsy', outcome: param ?? '' }, related: [], requires: [{ kind: 'project-fact', fact: `${FAILED_RESULT}:${param ?? ''}:${built.name}@${built.path}` }] });
    }
    for (const { flag, fact } of flaggedElsewhere) {
      const report = statementOf(flag);
      if (seen.has(report.id)) continue;
      const candidate: Candidate = { node: flag, report, captures: { record: report.text.split('\n', 1)[0]?.trim() ?? '' }, related: [], requires: [{ kind: 'project-fact', fact }] };
      seen.set(report.id, candidate);
      out.push(candidate);
    }
    return out;
  },
};

/** The error classes `raise` statements under `root` name without building them (`raise Declined`, `raise errors.Declined`). */
function raisedClasses(ctx: FileContext, root: Node): Node[] {
  if (ctx.family !== 'python') return [];
  return nodesWithin(ctx, root, 'raise_statement')
    .map((r) => r.firstNamedChild)
    .filter((c): c is Node => c !== null && (c.type === 'identifier' || c.type === 'attribute') && /^[A-Z]/.test(lastSegment(c.text)));
}

/**
 * `await updateSuccess(filename, false)`, `update_success(filename, False)`: a `false` handed to a
 * function another file of the project defines. It records the outcome where that function's
 * parameter at this position is a result flag (`success`), which the link step asks of that file
 * (`result-flag-param:<outcome>:<function>:<position>`, see `flagParamFacts`). Null for a call of
 * a package's function or of a method on an object.
 */
function flagParameterElsewhere(ctx: FileContext, args: Node, flag: Node, outcome: string): string | null {
  const call = args.parent;
  if (call === null || !isCall(call, ctx.family) || resolveLocalFunction(ctx, call) !== null) return null;
  const path = calleePath(ctx, call);
  if (path.includes('(') || projectImportOf(ctx, path) === undefined) return null;
  const index = callArguments(call).findIndex((a) => a.id === flag.id);
  return index < 0 ? null : `result-flag-param:${outcome}:${lastSegment(path)}:${index}@${path}`;
}

/**
 * `self._store_result(rec.id, repr(exc), None)` (a function of this file whose parameter there is
 * `result`), `job.result = str(e)`, `update(outcome=e.message)`: the caught error of the handler
 * around it stored where the operation's outcome is kept (`error_results`) records that it failed.
 */
function storedErrors(ctx: FileContext, root: Node, words: OutcomeWords): Node[] {
  if (words.errorResults.size === 0) return [];
  const out: Node[] = [];
  const handler = root.type === 'except_clause' || root.type === 'catch_clause' ? root : root.parent?.type === 'except_clause' || root.parent?.type === 'catch_clause' ? root.parent : null;
  const caught = handler === null ? null : caughtName({ clause: handler, type: null, body: root }, ctx.family);
  if (caught === null) return [];
  const readsError = (v: Node | null): boolean => {
    const u = unwrapAwait(v);
    if (u === null) return false;
    if (u.type === 'identifier') return u.text === caught;
    const text = u.text.replace(/\s+/g, '');
    return text === `repr(${caught})` || text === `str(${caught})` || text === `String(${caught})` || new RegExp(`^${caught}\\??\\.message$`).test(text);
  };
  const holds = (name: string | null | undefined) => name != null && words.errorResults.has(normalizeName(name));
  for (const n of root.descendantsOfType(['assignment', 'assignment_expression', 'pair', 'keyword_argument'])) {
    const value = n.childForFieldName(n.type === 'pair' || n.type === 'keyword_argument' ? 'value' : 'right');
    const target = n.childForFieldName(n.type === 'pair' ? 'key' : n.type === 'keyword_argument' ? 'name' : 'left');
    if (!readsError(value) || target === null || value === null) continue;
    if (n.type !== 'pair' && n.type !== 'keyword_argument' && target.type !== 'attribute' && target.type !== 'member_expression') continue;
    if (holds(stringValue(target) ?? lastSegment(dottedPath(target))) && isRecordedValue(ctx, value)) out.push(value);
  }
  for (const call of callsWithin(ctx, root)) {
    const fn = resolveLocalFunction(ctx, call);
    if (fn === null) continue;
    const params = functionParameters(fn);
    const offset = params[0] === 'self' || params[0] === 'cls' ? 1 : 0;
    callArguments(call).forEach((arg, i) => {
      if (readsError(arg) && holds(params[i + offset])) out.push(arg);
    });
  }
  return out;
}

/**
 * `project.charge_flow_status = '/1'; await project.save(); await chargeForProject(project)` and, in
 * the handler, `await project.update({ charge_flow_status: 'scheduled' })`: the try claimed the
 * record, before its first write, by moving a state field (`retry.due_state_words`) to a value of its own, and the handler
 * puts the field back to another literal state, the one the flow starts from. For a write whose
 * outcome is unknown this tells the app (and the next run, which selects that state) that nothing
 * happened. The value put back is the record. Only literal values, only a field the try set itself.
 */
function claimsPutBack(ctx: FileContext, root: Node): Node[] {
  const handler = root.type === 'except_clause' || root.type === 'catch_clause' ? root : root.parent?.type === 'except_clause' || root.parent?.type === 'catch_clause' ? root.parent : null;
  const attempted = handler?.parent?.type === 'try_statement' ? tryBody(handler.parent) : null;
  if (attempted === null) return [];
  const stateWords = wordSet(ctx, 'due_state_words', ctx.vocab.retry.due_state_words);
  // Only a claim made before the write: a state stored after it (`status: 'completed'`) is its success.
  const write = callsWithin(ctx, attempted).find((c) => reachedCallsOf(ctx, c, 'mutating').length > 0);
  if (write === undefined) return [];
  const claimed = new Map<string, Set<string>>();
  for (const set of stateSettings(ctx, attempted)) {
    if (!stateWords.anyWordOf(set.field) || set.node.startIndex >= write.startIndex) continue;
    let values = claimed.get(set.field);
    if (values === undefined) claimed.set(set.field, (values = new Set()));
    values.add(set.value);
  }
  if (claimed.size === 0) return [];
  // A state that names the outcome as unresolved (`IN_REVIEW`, `pending`) is what the rule asks for.
  const unresolved = outcomeWords(ctx, 'ambiguous');
  return stateSettings(ctx, root).filter((set) => {
    const values = claimed.get(set.field);
    return values !== undefined && !values.has(set.value) && !(unresolved !== undefined && isValueName(set.value, unresolved));
  }).map((set) => set.node);
}

/**
 * `wallet.balance -= tx.amount` (or `self.balance = F('balance') - amount`) before the withdrawal's
 * POST, and in its handler `wallet.balance += tx.amount`: the handler gives back what the function
 * took for the write, which treats the write as not made. Read off the code's structure, no field
 * names: the same target taken from earlier in the function, outside the handler, and added back in it.
 */
function debitsGivenBack(ctx: FileContext, root: Node): Node[] {
  const fn = enclosingFunction(root, ctx.family);
  if (fn === null) return [];
  const moves = (within: Node, sign: '+' | '-') => amountMoves(ctx, within).filter((m) => m.sign === sign);
  const credits = moves(root, '+');
  if (credits.length === 0) return [];
  const taken = new Set(moves(fn, '-').filter((m) => m.node.endIndex <= root.startIndex && enclosingFunction(m.node, ctx.family)?.id === fn.id).map((m) => m.target));
  return credits.filter((c) => taken.has(c.target)).map((c) => c.node);
}

/**
 * `a.balance += x` / `a.balance -= x`, `a.balance = a.balance + x`, `self.balance = F('balance') - x`: an
 * amount added to or taken from a field of an object, by the field's dotted target. A plain name
 * (`total += x`) is a local tally, not a held value.
 */
function amountMoves(ctx: FileContext, root: Node): { node: Node; target: string; sign: '+' | '-' }[] {
  const out: { node: Node; target: string; sign: '+' | '-' }[] = [];
  for (const n of nodesWithin(ctx, root, ['augmented_assignment', 'augmented_assignment_expression', 'assignment', 'assignment_expression'])) {
    const left = n.childForFieldName('left');
    if (left === null || (left.type !== 'attribute' && left.type !== 'member_expression')) continue;
    const field = lastSegment(dottedPath(left));
    let sign: string | undefined;
    if (n.type.startsWith('augmented')) sign = n.childForFieldName('operator')?.text.slice(0, 1);
    else {
      const right = n.childForFieldName('right');
      const op = right?.type === 'binary_operator' || right?.type === 'binary_expression' ? right.childForFieldName('operator')?.text : undefined;
      // The field's own value on the left of the sum: `a.balance + x`, `F('balance') - x`.
      const base = right?.childForFieldName('left');
      const own = base !== null && base !== undefined && (base.text === left.text || (isCall(base, ctx.family) && callArguments(base).some((a) => stringValue(a) === field)));
      sign = own ? op : undefined;
    }
    if (sign === '+' || sign === '-') out.push({ node: n, target: dottedPath(left), sign });
  }
  return out;
}

/** `x.status = 'v'`, `{ status: 'v' }` / `status='v'` given to a call: a state field set to a literal string. */
function stateSettings(ctx: FileContext, root: Node): { field: string; value: string; node: Node }[] {
  const out: { field: string; value: string; node: Node }[] = [];
  for (const n of root.descendantsOfType(['assignment', 'assignment_expression', 'pair', 'keyword_argument'])) {
    const value = n.childForFieldName(n.type === 'pair' || n.type === 'keyword_argument' ? 'value' : 'right');
    const target = n.childForFieldName(n.type === 'pair' ? 'key' : n.type === 'keyword_argument' ? 'name' : 'left');
    const text = value === null ? null : stringValue(value);
    if (target === null || value === null || text === null) continue;
    if (n.type === 'assignment' || n.type === 'assignment_expression') {
      if (target.type !== 'attribute' && target.type !== 'member_expression') continue;
    } else if (!setByCall(ctx, n)) continue;
    const field = n.type === 'pair' ? (stringValue(target) ?? target.text) : lastSegment(dottedPath(target));
    out.push({ field, value: text, node: value });
  }
  return out;
}

/**
 * A pair or keyword argument handed to a call as a value to store (`update({ status: 'v' })`,
 * `update(status='v')`), not as a filter (`update({ where: { status } })`) nor in an answer's body.
 */
function setByCall(ctx: FileContext, n: Node): boolean {
  for (let p = n.parent; p !== null; p = p.parent) {
    if (p.type === 'arguments' || p.type === 'argument_list') {
      const call = p.parent;
      const name = call === null || !isCall(call, ctx.family) ? '' : lastSegment(calleePath(ctx, call));
      // A store's write method (`record_write_methods`: update, save, …); not an answer's body (`res.json({ status: 'error' })`).
      return wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods).has(name);
    }
    const key = p.type === 'pair' ? p.childForFieldName('key') : null;
    if (key != null && FILTER_KEYS.has(stringValue(key) ?? key.text)) return false;
    if (!['object', 'dictionary', 'pair'].includes(p.type)) return false;
  }
  return false;
}

const FILTER_KEYS = new Set(['where', 'filter', 'query', 'conditions']);

/**
 * `alert.failed = True` (a field named for the outcome, `values`, set true) and `alert.notified =
 * False` / `this.delivery.sent = false` (a result flag, `result_flags`, cleared): a flag stored on
 * an object records the outcome there. When the object is what the function returns
 * (`result.success = False; return result`), the flag is a result its caller reads.
 * Not: a plain name (`failed = True`, a local flag the function reads on), or a flag under test.
 */
function storedFlags(ctx: FileContext, root: Node, words: OutcomeWords): { node: Node; result: boolean }[] {
  const text = ctx.source.slice(root.startIndex, root.endIndex);
  if (!/\b(True|true|False|false)\b/.test(text)) return [];
  const out: { node: Node; result: boolean }[] = [];
  const assignments = [root, ...root.descendantsOfType(['assignment', 'assignment_expression'])].filter((n) => n.type === 'assignment' || n.type === 'assignment_expression');
  for (const assignment of assignments) {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left === null || right === null || (left.type !== 'attribute' && left.type !== 'member_expression')) continue;
    const field = lastSegment(dottedPath(left));
    const set = booleanLiteral(right) === true;
    const cleared = booleanLiteral(right) === false;
    const named = set && isValueName(field, words) ? true : cleared && words.resultFlags.has(normalizeName(field));
    if (!named) continue;
    const owner = dottedPath(left).split('.')[0] ?? '';
    out.push({ node: right, result: returnedByFunction(ctx, assignment, owner) });
  }
  return out;
}

/**
 * `let response = { status: false }` (a literal whose result flag, `result_flags`, is false) bound
 * to the name a handler returns, and never set true before the return outside the try the handler
 * belongs to: a setting in that try's body is skipped by the error the handler caught.
 */
function failedResultBound(ctx: FileContext, ret: Node, name: string, words: OutcomeWords): boolean {
  const bound = lastBindingBefore(ctx, name, ret);
  if (bound === null || (bound.type !== 'object' && bound.type !== 'dictionary')) return false;
  if (!literalEntries(bound).some((e) => words.resultFlags.has(normalizeName(e.key)) && booleanLiteral(e.value) === false)) return false;
  const fn = enclosingFunction(ret, ctx.family);
  if (fn === null || bound.startIndex < fn.startIndex) return false;
  // The try whose handler holds the return: its body may set the flag before the error.
  let skipped: Node | null = null;
  for (let p = ret.parent; p !== null && p.id !== fn.id; p = p.parent) {
    if (HANDLER_TYPES.has(p.type) && p.parent?.type === 'try_statement') {
      skipped = tryBody(p.parent);
      break;
    }
  }
  if (skipped === null) return false;
  for (const a of nodesWithin(ctx, fn, ['assignment', 'assignment_expression'])) {
    if (a.startIndex < bound.endIndex || a.startIndex > ret.startIndex) continue;
    const left = a.childForFieldName('left');
    if (left === null || dottedPath(left).split('.')[0] !== name || booleanLiteral(a.childForFieldName('right')) !== true) continue;
    if (!(skipped.startIndex <= a.startIndex && a.endIndex <= skipped.endIndex)) return false;
  }
  return true;
}

/** Whether the function around `node` returns the name `owner` (`return result`). */
function returnedByFunction(ctx: FileContext, node: Node, owner: string): boolean {
  if (owner === '' || owner === 'self' || owner === 'this') return false;
  const fn = enclosingFunction(node, ctx.family);
  const body = fn && functionBody(fn);
  return body !== null && body !== undefined && body.descendantsOfType('return_statement').some((r) => r.firstNamedChild?.text === owner);
}

/**
 * `captureFail(err, { resolve, reject })` where `const captureFail = (err, defer) =>
 * clientUnavailable(err, defer)` and `clientUnavailable` only calls `defer.reject(new
 * Error('CLIENT_UNAVAILABLE'))`: a function of this file named for the outcome whose body, in sight,
 * only hands the error on (calls what it was given, logs, throws) records nothing; its body decides,
 * not its name.
 */
function onlyHandsOn(ctx: FileContext, call: Node, outcome: string, depth = 0): boolean {
  const fn = resolveLocalFunction(ctx, call);
  const body = fn && functionBody(fn);
  if (!body || depth > 3 || (fn.startIndex <= call.startIndex && call.endIndex <= fn.endIndex)) return false;
  const params = new Set(functionParameters(fn));
  if (params.size === 0) return false;
  if (body.descendantsOfType(['assignment', 'assignment_expression', 'augmented_assignment', 'augmented_assignment_expression']).length > 0) return false;
  const calls = callsWithin(ctx, body);
  const handsOn = (c: Node) => {
    const path = calleePath(ctx, c);
    return params.has(path.split('.')[0] ?? '') || reportsOnly(ctx, path) || ERROR_CLASS.test(lastSegment(path)) || onlyHandsOn(ctx, c, outcome, depth + 1);
  };
  if (!calls.every(handsOn)) return false;
  // What the body makes of the error (`new Error('CAPTURE_FAILED')`) is the error it hands on, not a record.
  return (recordsMatcher.find?.(ctx, outcome, [body]) ?? []).every((c) => insideNewError(c.node, body));
}

function insideNewError(node: Node, top: Node): boolean {
  for (let p = node.parent; p !== null && p.id !== top.id; p = p.parent) {
    if (p.type === 'new_expression' || (p.type === 'call' && ERROR_CLASS.test(lastSegment(dottedPath(p.childForFieldName('function')))))) return true;
  }
  return false;
}

/**
 * `{'ResponseCode': '1', 'errorMessage': str(e)}`: a literal result whose code field
 * (`isResultCodeField`) holds a code written out (a string) that is no success code and names no
 * unresolved outcome (`'PENDING'`).
 */
function madeUpFailureCode(ctx: FileContext, value: Node): boolean {
  const ambiguous = outcomeWords(ctx, 'ambiguous');
  return literalEntries(value).some((e) => {
    const code = isResultCodeField(ctx, e.key) ? stringValue(e.value) : null;
    return code !== null && code.trim() !== '' && !isSuccessCode(ctx, code) && (ambiguous === undefined || !isOutcomeValue(e.value, ambiguous));
  });
}

/** `RuntimeError(…)`, `new PaymentError(…)`: an error built to be handed on. */
const ERROR_CLASS = /^[A-Z]\w*(Error|Exception)$/;

/**
 * `ScheduleFailure.objects.create(…)`, `db.failed_deliveries.insert(…)`: a row written
 * (`record_write_methods`) into a model or collection named for the outcome records it.
 */
function createsOutcomeRow(ctx: FileContext, call: Node, path: string, words: OutcomeWords): boolean {
  const segments = path.split('.');
  if (segments.length < 2 || !ctx.vocab.record_write_methods.includes(segments.at(-1) ?? '')) return false;
  if (segments.slice(0, -1).some((s) => words.callWords.anyWordOf(s))) return true;
  // `supabase.from('failed_transfers').insert(…)`, `knex('payment_failures').insert(…)`: the table is
  // named by a string handed to the call that selects it (`table_selectors`), not by a name in the path.
  if (!path.includes('()')) return false;
  const selectors = wordSet(ctx, 'table_selectors', ctx.vocab.table_selectors);
  for (let receiver = unwrapAwait(callee(call)?.childForFieldName('object') ?? null); receiver !== null && isCall(receiver, ctx.family); receiver = unwrapAwait(callee(receiver)?.childForFieldName('object') ?? null)) {
    if (!selectors.has(lastSegment(calleePath(ctx, receiver)))) continue;
    const first = callArguments(receiver)[0];
    const table = first === undefined ? null : stringValue(first);
    return table !== null && words.callWords.anyWordOf(table);
  }
  return false;
}

/**
 * `failMaintenanceJobRun({ … })`, `prisma.jobRun.update({ data: {
 * status: 'FAILED' } })`: a record whose call or holder is named for a procedure's run (`run_records`).
 */
function recordsARun(ctx: FileContext, node: Node, words: OutcomeWords): boolean {
  if (words.runRecords.size === 0) return false;
  // A run word names the record as a noun (`failProductionRollback`, `jobRun.fail()`); first in the
  // called name it is the verb of what the call does (`self.rollback(tx)` records the failure).
  const named = (path: string) => {
    const segments = path.split('.');
    return segments.some((segment, i) => splitWords(segment).some((w, j) => words.runRecords.has(w) && !(i === segments.length - 1 && j === 0)));
  };
  if (isCall(node, ctx.family)) return named(calleePath(ctx, node));
  for (let p = node.parent; p !== null; p = p.parent) {
    if (p.type === 'assignment' || p.type === 'assignment_expression') {
      const left = p.childForFieldName('left');
      return left !== null && named(dottedPath(left));
    }
    if (isCall(p, ctx.family)) return named(calleePath(ctx, p));
    if (['expression_statement', 'return_statement', 'statement_block', 'block', 'lexical_declaration', 'variable_declaration'].includes(p.type) || isFunction(p, ctx.family)) return false;
  }
  return false;
}

/**
 * `assignments[assignments.length - 1].status = "error"`: a field of an entry of an in-memory list
 * (a report being built) is a result its reader may take as it likes, not a stored record.
 * Unless the entry is then written (`tx[0].status = FAILED; await tx[0].save()`, the one row a
 * Mongoose `create([…])` hands back): that stores the field.
 */
function setOnListEntry(ctx: FileContext, value: Node): boolean {
  const p = value.parent;
  if (p?.type !== 'assignment' && p?.type !== 'assignment_expression') return false;
  const left = p.childForFieldName('left');
  const object = left?.type === 'member_expression' || left?.type === 'attribute' ? left.childForFieldName('object') : null;
  if (object?.type !== 'subscript_expression' && object?.type !== 'subscript') return false;
  return !entryWrittenAfter(ctx, statementOf(p), object.text);
}

/** Whether a statement after `statement` in its block writes the entry `entry` by a record method of its own (`tx[0].save()`). */
function entryWrittenAfter(ctx: FileContext, statement: Node, entry: string): boolean {
  const writes = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  for (let st = statement.nextNamedSibling; st !== null; st = st.nextNamedSibling) {
    for (const call of callsWithin(ctx, st)) {
      const fn = callee(call);
      const target = fn !== null ? accessedField(fn) : null;
      if (target?.object?.text === entry && target.field !== null && writes.has(target.field)) return true;
    }
  }
  return false;
}

/** `exclude_calls`: a path as written (`Promise.reject`) or matched by a pattern (`*defer.reject`: `this.defer.reject(err)`). */
function excludedCall(path: string, words: OutcomeWords): boolean {
  return words.excludeCalls.has(path) || words.excludePatterns.some((p) => p.test(path));
}

/**
 * The name of the function a returned call builds its result with, when that function is not of
 * this file (`this.formatErrorResponse(…)` inherited, `buildFailure(…)` imported); null otherwise.
 */
function builtElsewhere(ctx: FileContext, value: Node): { name: string; path: string } | null {
  let v: Node | null = unwrapAwait(value);
  while (v !== null && (v.type === 'as_expression' || v.type === 'satisfies_expression' || v.type === 'parenthesized_expression')) v = unwrapAwait(v.firstNamedChild);
  if (v === null || !isCall(v, ctx.family) || resolveLocalFunction(ctx, v) !== null) return null;
  const path = calleePath(ctx, v);
  const name = lastSegment(path);
  if (path.includes('(') || !/^[a-z_$][\w$]*$/.test(name) || reportsOnly(ctx, path)) return null;
  // `return done(error, res)`: a callback the function was handed is its caller's, not a builder.
  // A method's own receiver (`self._error_result(…)` of a base class) is the object, not a callback.
  const root = path.split('.')[0] ?? '';
  if (ctx.family === 'python' && (root === 'self' || root === 'cls')) return { name, path };
  for (let fn = enclosingFunction(v, ctx.family); fn !== null; fn = enclosingFunction(fn, ctx.family)) {
    if (functionParameters(fn).includes(root)) return null;
  }
  return { name, path };
}

/** `failed-result:<outcome>:<function>`: every return of the function is a result whose success flag is false. */
export const FAILED_RESULT = 'failed-result';

/**
 * `return this.handleError(error, channelUsername)` where that method of this file returns
 * `{ success: false, error, errorCode }` on every path: the call builds a failed result.
 */
function builtHere(ctx: FileContext, value: Node, words: OutcomeWords): boolean {
  const v = unwrapAwait(value);
  if (v === null || !isCall(v, ctx.family) || words.resultFlags.size === 0) return false;
  const fn = resolveLocalFunction(ctx, v);
  return fn !== null && !contains(fn, v) && buildsFailedResult(ctx, fn, words);
}

/**
 * Whether every value a function returns (its expression body, or each `return` of its own) is a
 * literal result whose success flag (`result_flags`) is `false`: `createErrorResult(error) { return
 * { success: false, error } }`, a handler of errors whose every branch answers so. A function that
 * returns nothing, or anything else on some path, builds no failed result.
 */
export function buildsFailedResult(ctx: FileContext, fn: Node, words: OutcomeWords): boolean {
  const body = functionBody(fn);
  if (body === null) return false;
  const failed = (v: Node | null) => {
    const value = unwrapParens(unwrapAwait(v));
    return value !== null && literalEntries(value).some((e) => words.resultFlags.has(normalizeName(e.key)) && booleanLiteral(e.value) === false);
  };
  if (body.type !== 'statement_block' && body.type !== 'block') return failed(body);
  const returns = nodesWithin(ctx, body, 'return_statement').filter((r) => enclosingFunction(r, ctx.family)?.id === fn.id);
  return returns.length > 0 && returns.every((r) => failed(r.firstNamedChild));
}

/** Whether `node` is in the body of a try nested in `root`. */
function attemptedWithin(node: Node, root: Node): boolean {
  for (let c: Node = node, p = node.parent; p !== null && c.id !== root.id; c = p, p = p.parent) {
    if (p.type === 'try_statement' && tryBody(p)?.id === c.id) return true;
  }
  return false;
}

/** A value is recorded when it is assigned, passed, returned or chosen, not when it is compared. */
function isRecordedValue(ctx: FileContext, node: Node): boolean {
  // An enum member's inner identifier is part of the member expression, judged once there.
  if (node.parent && (node.parent.type === 'attribute' || node.parent.type === 'member_expression')) return false;
  for (let n: Node = node, p = node.parent; p !== null; n = p, p = p.parent) {
    if (p.type === 'comparison_operator') return false;
    if (p.type === 'binary_expression' && COMPARISON_OPERATORS.has(p.childForFieldName('operator')?.text ?? '')) return false;
    if (p.type === 'pair' && p.childForFieldName('key')?.id === n.id) return false;
    if ((p.type === 'subscript' || p.type === 'subscript_expression') && (p.childForFieldName('subscript') ?? p.childForFieldName('index'))?.id === n.id) return false;
    if (['if_statement', 'elif_clause', 'while_statement'].includes(p.type) && p.childForFieldName('condition')?.id === n.id) return false;
    if ((p.type === 'case_clause' || p.type === 'switch_case') && p.childForFieldName('value')?.id === n.id) return false;
    if (isCall(p, ctx.family) && reportsOnly(ctx, calleePath(ctx, p)) && !storesLogRow(ctx, calleePath(ctx, p)) && !storesRowInBody(ctx, p)) return false;
    if (['expression_statement', 'return_statement', 'block', 'statement_block', 'lexical_declaration', 'variable_declaration'].includes(p.type)) return true;
  }
  return true;
}

/**
 * `this.logEmailAttempt({ status: 'failed' })`, `await self._log_sms(status="failed")`: a function of
 * this file named as a log whose body stores a row (a store's write method, `record_write_methods`:
 * `db.add(sms_log)`; or an SQL `INSERT` / `UPDATE` it runs) keeps what it is handed where a reader
 * acts on it, as `db.emailLog.create(…)` would (mediloop's email audit, a loan app's SMS log, batch 33).
 */
function storesRowInBody(ctx: FileContext, call: Node): boolean {
  const fn = resolveLocalFunction(ctx, call);
  const body = fn === null ? null : functionBody(fn);
  if (fn === null || body === null || (fn.startIndex <= call.startIndex && call.endIndex <= fn.endIndex)) return false;
  const methods = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  const stores = callsWithin(ctx, body).some((c) => {
    const path = calleePath(ctx, c);
    const name = lastSegment(path);
    return path.includes('.') && !logsOnly(ctx, path) && (methods.has(name) || methods.has(splitWords(name)[0] ?? ''));
  });
  return stores || body.descendantsOfType(['string', 'template_string']).some((t) => SQL_ROW_WRITE.test(t.text));
}

/** An SQL statement that stores a row: `INSERT INTO email_audit_logs …`, `UPDATE sms_log SET …`. */
const SQL_ROW_WRITE = /^[a-zA-Z]{0,2}['"`]{1,3}\s*(insert\s+into|update\s+\S+\s+set)\b/i;

/** `.catch(() => markFailed(id))`: the arrow's expression body is the statement that records. */
function expressionBodyOf(node: Node): Node | null {
  for (let n: Node = node, p = n.parent; p !== null; n = p, p = p.parent) {
    if (p.type === 'arrow_function') return p.childForFieldName('body')?.id === n.id ? n : null;
    if (['expression_statement', 'return_statement', 'statement_block', 'block'].includes(p.type)) return null;
  }
  return null;
}

/**
 * `return success` after `success = false` … `try { …; success = true } catch …` in the same block:
 * the flag the attempt sets when it worked, returned after the try, is false for every error a
 * handler swallows. Only a flag set false before the try and true at the try body's own level.
 */
function flagUnsetByHandler(ret: Node, name: string): boolean {
  const block = ret.parent;
  if (block === null || (block.type !== 'block' && block.type !== 'statement_block')) return false;
  let sawTry = false;
  for (let s = ret.previousNamedSibling; s !== null; s = s.previousNamedSibling) {
    if (s.type === 'comment') continue;
    if (!sawTry) {
      if (s.type !== 'try_statement') return false;
      const body = tryBody(s);
      if (body === null || !body.namedChildren.some((st) => setsFlag(st, name) === true)) return false;
      sawTry = true;
      continue;
    }
    const set = setsFlag(s, name);
    if (set !== undefined) return set === false;
  }
  return false;
}

/** The boolean a statement binds `name` to (`ok = True`, `let ok = false`), else undefined. */
function setsFlag(statement: Node, name: string): boolean | undefined {
  const inner = statement.type === 'expression_statement' ? statement.firstNamedChild
    : statement.type === 'lexical_declaration' || statement.type === 'variable_declaration' ? statement.namedChildren.find((c) => c.childForFieldName('name')?.text === name) ?? null
    : null;
  if (inner === null) return undefined;
  const left = inner.childForFieldName('left') ?? inner.childForFieldName('name');
  if (left?.type !== 'identifier' || left.text !== name) return undefined;
  return booleanLiteral(inner.childForFieldName('right') ?? inner.childForFieldName('value'));
}

/** Whether the function around `ret` returns a real value somewhere else: then `None` there means "failed". */
function returnsValueElsewhere(ctx: FileContext, ret: Node): boolean {
  const fn = enclosingFunction(ret, ctx.family);
  const body = fn && functionBody(fn);
  if (!body) return false;
  return body.descendantsOfType('return_statement').some((r) => {
    if (r.id === ret.id || enclosingFunction(r, ctx.family)?.id !== fn.id) return false;
    const v = r.firstNamedChild;
    return v !== null && !/^(None|null|undefined|False|false)$/.test(v.text);
  });
}

/** Whether `value` is the error the handler `root` caught (`err`, `str(err)`, `String(err)`, `err.message`). */
function returnsCaught(ctx: FileContext, root: Node, value: Node | null): boolean {
  const handler = root.type === 'except_clause' || root.type === 'catch_clause' ? root : root.parent?.type === 'except_clause' || root.parent?.type === 'catch_clause' ? root.parent : null;
  const caught = handler === null ? null : caughtName({ clause: handler, type: null, body: root }, ctx.family);
  const v = unwrapAwait(value);
  if (caught === null || v === null) return false;
  const text = v.text.replace(/\s+/g, '');
  return text === caught || text === `str(${caught})` || text === `repr(${caught})` || text === `String(${caught})` || text === `${caught}.message`;
}

function inTernaryBranch(node: Node): boolean {
  const p = node.parent;
  if (p?.type === 'ternary_expression') return p.childForFieldName('condition')?.id !== node.id;
  if (p?.type === 'conditional_expression') return p.namedChildren[1]?.id !== node.id; // `a if cond else b`
  return false;
}

/**
 * `new ApiResponseDto(false, "Transfer failed")` / `Result(False, msg)`: a result or response
 * object whose leading argument, its success flag, is false.
 */
function failedResult(ctx: FileContext, value: Node, words: OutcomeWords): { says: boolean } | null {
  if (words.resultTypes.length === 0) return null;
  const built = unwrapAwait(value);
  if (built === null || (built.type !== 'new_expression' && !isCall(built, ctx.family))) return null;
  const ctor = built.type === 'new_expression' ? built.childForFieldName('constructor') : callee(built);
  const name = normalizeName(lastSegment(dottedPath(ctor)));
  if (name === '' || !words.resultTypes.some((t) => name.endsWith(t))) return null;
  const [first, ...rest] = callArguments(built);
  if (booleanLiteral(first) !== false) return null;
  return { says: rest.some((arg) => /string/.test(arg.type) && words.mentions.anyStemOf(arg.text)) };
}

/**
 * `return Response({"error": "Unable to submit payout request."})`, `return NextResponse.json({ error })`:
 * a response built (`result_types`) around an error result is that result, handed to the client.
 */
function errorAnswerBody(ctx: FileContext, value: Node, words: OutcomeWords): boolean {
  if (words.resultTypes.length === 0) return false;
  const built = unwrapAwait(value);
  if (built === null || (built.type !== 'new_expression' && !isCall(built, ctx.family))) return false;
  const ctor = built.type === 'new_expression' ? built.childForFieldName('constructor') : callee(built);
  if (!dottedPath(ctor).split('.').some((segment) => words.resultTypes.some((t) => normalizeName(segment).endsWith(t)))) return false;
  const body = callArguments(built)[0];
  return body !== undefined && literalEntries(body).some((e) => words.errorFields.has(normalizeName(e.key)));
}

/** The call a value is an argument of (directly or inside an options object), unless it is returned. */
function handedToCall(ctx: FileContext, node: Node): Node | null {
  for (let p = node.parent; p !== null; p = p.parent) {
    if (p.type === 'return_statement' || isFunction(p, ctx.family)) return null;
    if (p.type === 'arguments' || p.type === 'argument_list') return p.parent !== null && isCall(p.parent, ctx.family) ? p.parent : null;
    if (!['pair', 'keyword_argument', 'object', 'dictionary', 'false'].includes(p.type)) return null;
  }
  return null;
}

/** A positional `false` given to a function of this file whose parameter there is a result flag. */
function flagParameter(ctx: FileContext, args: Node, flag: Node, words: OutcomeWords): boolean {
  const call = args.parent;
  if (call === null || !isCall(call, ctx.family)) return false;
  const fn = resolveLocalFunction(ctx, call);
  if (fn === null) return false;
  const index = callArguments(call).findIndex((a) => a.id === flag.id);
  const params = functionParameters(fn);
  const param = params[0] === 'self' || params[0] === 'cls' ? params[index + 1] : params[index];
  return param !== undefined && words.resultFlags.has(normalizeName(param));
}

/** `return False, None` / `return (False, status)` / `return [false, err]`: a result whose success part is false. */
function leadsWithFalse(value: Node | null): boolean {
  if (value === null || !['expression_list', 'tuple', 'array', 'parenthesized_expression'].includes(value.type)) return false;
  const first = value.firstNamedChild;
  if (first === null) return false;
  if (value.type === 'parenthesized_expression') return leadsWithFalse(first);
  return booleanLiteral(first) === false && value.namedChildCount > 1;
}

/**
 * `res.status(502).json({ message: 'Purchase failed' })`, `return Response({"error": "Transfer
 * failed"}, status=400)`: an error answer whose message tells the client the operation failed. A
 * generic one (`'Internal server error'`) says nothing of the operation and records nothing.
 */
function failureAnswers(ctx: FileContext, root: Node, words: OutcomeWords): { node: Node; invites: boolean }[] {
  const out: { node: Node; invites: boolean }[] = [];
  for (const text of root.descendantsOfType(['string', 'template_string'])) {
    const said = ctx.source.slice(text.startIndex, text.endIndex);
    // `'Could not submit payout request. Please try again later.'`: whoever reads it is told to do it again.
    const invites = invitesRetry(said, words);
    if (!invites && !words.mentions.anyStemOf(said)) continue;
    const statement = statementOf(text);
    if (statement.startIndex < root.startIndex || inLogCall(ctx, text, statement)) continue;
    const answered = ctx.source.slice(statement.startIndex, statement.endIndex);
    const helperStatus = statusThroughAnswerHelper(ctx, statement);
    if (answersWithError(ctx, answered) || helperStatus !== null) {
      // `res.status(500).json({ message: 'Failed to create portal session' })`: a server-error (5xx)
      // answer says the server failed to answer, and its message is the error report any uncaught
      // error would get; only a 4xx (the request was refused) or an invitation to send it again
      // tells the client the operation did not happen. An outcome field of the same body
      // (`success: false`, `status: 'failed'`) still records, judged as a flag or value above.
      if (invites || answersWithClientError(ctx, answered) || helperStatus === 'client') out.push({ node: text, invites: invites && !words.mentions.anyStemOf(said) });
    }
    else if (invites && isRecordedValue(ctx, text) && endsTheOperation(ctx, statement)) out.push({ node: text, invites: true });
    else if ((toldByNotification(ctx, text, statement) || toldByUserMessage(ctx, text, statement)) && isRecordedValue(ctx, text) && endsTheOperation(ctx, statement)) out.push({ node: text, invites: false });
  }
  out.push(...caughtErrorAnswers(ctx, root, out));
  return out;
}

/**
 * `return json(400, { error: 'PayPal payout batch failed' })` with `const json = (status, body) => new
 * Response(JSON.stringify(body), { status })`: a function of this file that puts one of its parameters
 * in the status field of what it builds answers with the status it is handed. The class of the
 * literal status handed to it (4xx 'client', 5xx 'server'), or null when the statement calls no such
 * function with one.
 */
function statusThroughAnswerHelper(ctx: FileContext, statement: Node): 'client' | 'server' | null {
  if (ctx.vocab.responses.status_fields.length === 0 || !/\b[45]\d\d\b/.test(ctx.source.slice(statement.startIndex, statement.endIndex))) return null;
  for (const call of callsWithin(ctx, statement)) {
    const fn = resolveLocalFunction(ctx, call);
    const statusAt = fn === null ? [] : statusParameters(ctx, fn);
    const args = callArguments(call);
    for (const i of statusAt) {
      const status = /^([45])\d\d$/.exec(args[i]?.text ?? '')?.[1];
      if (status !== undefined) return status === '4' ? 'client' : 'server';
    }
  }
  return null;
}

const helperStatusParameters = perFile('records:status-parameters', () => new Map<number, number[]>());

/**
 * The positions of a local function's parameters that its body puts in the status field of an answer
 * it gives (`new Response(body, { status })`, `JSONResponse(body, status_code=code)`, `res.status(code)`,
 * `return { statusCode: code, body }`): asked once per function. A parameter stored in a status field
 * of something else (`auditLog.push({ status, msg })`, a row, a log entry) answers nothing.
 */
function statusParameters(ctx: FileContext, fn: Node): number[] {
  const known = helperStatusParameters(ctx);
  let positions = known.get(fn.id);
  if (positions !== undefined) return positions;
  const body = functionBody(fn);
  const params = functionParameters(fn);
  const uses = body === null ? [] : nodesWithin(ctx, body, ['identifier', 'shorthand_property_identifier']);
  positions = params.flatMap((param, i) => (uses.some((u) => u.text === param && answersWithStatus(ctx, u, body as Node, params)) ? [i] : []));
  known.set(fn.id, positions);
  return positions;
}

/**
 * Whether `use` (a parameter's name in a helper's `body`) is the status of an answer: the value of a
 * status field (`responses.status_fields`) of an object or keyword arguments that reach, through
 * objects only, an answer call (`responses.answer_calls`, `positional_status_calls`), an error that
 * answers with it (`responses.error_answer_calls`: `raise HTTPException(status_code=code)`) or the
 * helper's return; the argument of a status method (`responses.status_methods`: `res.status(code)`,
 * `reply.code(code)`, not `toast.success(status)`) or of an error answer (`abort(code)`,
 * `throw createError(code, msg)`); or assigned to the status field of the answer the helper is handed
 * or returns (`ctx.status = status` in Koa, `res.statusCode = code` in Node, `response.status_code = code`).
 */
function answersWithStatus(ctx: FileContext, use: Node, body: Node, params: string[]): boolean {
  const { fields, answers, methods, errors } = compiledOnce(ctx.vocab, 'records:answer-status', () => ({
    fields: new Set(ctx.vocab.responses.status_fields),
    answers: new Set([...ctx.vocab.responses.answer_calls, ...ctx.vocab.responses.positional_status_calls, ...ctx.vocab.responses.error_answer_calls]),
    methods: new Set(ctx.vocab.responses.status_methods),
    errors: new Set(ctx.vocab.responses.error_answer_calls),
  }));
  const parent = use.parent;
  if (parent === null) return false;
  let field: Node;
  if (use.type === 'shorthand_property_identifier') {
    if (!fields.has(use.text)) return false;
    field = use;
  } else if ((parent.type === 'pair' || parent.type === 'keyword_argument') && parent.childForFieldName('value')?.id === use.id) {
    const key = parent.childForFieldName('key') ?? parent.childForFieldName('name');
    if (key === null || !fields.has(stringValue(key) ?? key.text)) return false;
    field = parent;
  } else if (parent.type === 'arguments' || parent.type === 'argument_list') {
    const call = parent.parent;
    if (call === null) return false;
    const fnPath = dottedPath(call.childForFieldName('constructor') ?? callee(call));
    // `abort(code)`, `throw createError(code, msg)`, `new HttpException(msg, code)`: an error answered with it.
    if (errors.has(lastSegment(fnPath))) return true;
    // `res.status(code)`, `reply.code(code)`: the answer's status set by its own method.
    return fnPath.includes('.') && methods.has(lastSegment(fnPath)) && callArguments(call)[0]?.id === use.id;
  } else if ((parent.type === 'assignment_expression' || parent.type === 'assignment') && parent.childForFieldName('right')?.id === use.id) {
    return setsAnswerStatus(ctx, parent.childForFieldName('left'), body, params, fields);
  } else return false;
  for (let n = field.parent; n !== null && n.id !== body.id; n = n.parent) {
    if (n.type === 'return_statement') return true;
    if (n.type === 'arguments' || n.type === 'argument_list') {
      const call = n.parent;
      const name = call === null ? '' : lastSegment(dottedPath(call.childForFieldName('constructor') ?? callee(call)));
      return answers.has(name);
    }
    if (!['object', 'dictionary', 'pair', 'parenthesized_expression', 'await_expression', 'array', 'list', 'tuple', 'expression_list', 'spread_element'].includes(n.type)) return false;
  }
  // An arrow function whose body is the answer itself: `(status, body) => ({ status, body })`.
  return body.type !== 'statement_block' && body.type !== 'block';
}

/**
 * `ctx.status = status`, `res.statusCode = code`, `response.status_code = code`: whether `left` is the
 * status field (`responses.status_fields`) of the answer a helper is handed (a path from one of its
 * `params`) or returns (`return response`). A field of a list entry
 * (`rows[0].status = status`) or of any other object (a log line) answers nothing.
 */
function setsAnswerStatus(ctx: FileContext, left: Node | null, body: Node, params: string[], fields: Set<string>): boolean {
  if (left === null || (left.type !== 'member_expression' && left.type !== 'attribute')) return false;
  if (!fields.has(lastSegment(dottedPath(left)))) return false;
  let root: Node | null = left.childForFieldName('object');
  while (root !== null && (root.type === 'member_expression' || root.type === 'attribute')) root = root.childForFieldName('object');
  if (root === null) return false;
  if (root.type !== 'identifier') return false;
  if (params.includes(root.text)) return true;
  return nodesWithin(ctx, body, ['return_statement']).some((r) => unwrapAwait(r.namedChild(0))?.text === root?.text);
}

/**
 * `return { success: true, error: 'Subscriber added but tag application failed' }`: a result whose
 * own flag (`result_flags`) says it succeeded carries a warning in its error field, no failure; the
 * caller reads the flag.
 */
function claimsSuccess(value: Node, words: OutcomeWords): boolean {
  return literalEntries(value).some((e) => words.resultFlags.has(normalizeName(e.key)) && booleanLiteral(e.value) === true);
}

/**
 * `return { error: 'TIMEOUT', message }` beside `{ error: 'ROUTING_FAILED' }`: a result whose error
 * code is a timeout's own (`timeouts.codes`) and with no result flag set false hands the caller the
 * timeout as an outcome of its own, which it can tell from a failure (query the payment before paying
 * again). A `success: false` beside it still says the operation failed.
 */
function namesTimeoutApart(ctx: FileContext, value: Node, words: OutcomeWords): boolean {
  const entries = literalEntries(value);
  if (entries.some((e) => words.resultFlags.has(normalizeName(e.key)) && booleanLiteral(e.value) === false)) return false;
  const codes = wordSet(ctx, 'timeout-codes', ctx.vocab.timeouts.codes);
  return entries.some((e) => {
    const code = words.errorFields.has(normalizeName(e.key)) ? stringValue(e.value) : null;
    return code !== null && codes.has(code);
  });
}

/**
 * `res.status(500).json({ error: 'email_send_failed' })`, `return {"error": "feedback_failed"}, 502`:
 * a code naming the failure as the error message of a server-error (5xx) answer is that answer's
 * message, the error report any uncaught error would get, not an outcome field; as with a failure
 * message in words (`failureAnswers`), only a 4xx or an invitation to send it again records.
 * A status or result field of the same body (`status: 'failed'`) is no message and still records.
 */
function serverErrorMessage(ctx: FileContext, value: Node, words: OutcomeWords): boolean {
  const holder = value.parent;
  if (holder === null || (holder.type !== 'pair' && holder.type !== 'keyword_argument') || holder.childForFieldName('value')?.id !== value.id) return false;
  const key = holder.childForFieldName(holder.type === 'pair' ? 'key' : 'name');
  const field = normalizeName(key === null ? '' : stringValue(key) ?? key.text);
  if (!words.errorFields.has(field) && !ctx.vocab.responses.error_message_fields.some((f) => normalizeName(f) === field)) return false;
  const statement = statementOf(value);
  // `Payment.objects.filter(id=pid).update(error="charge_failed", status_code=504)`: a statement that
  // itself writes stores the code (beside a status number), it answers no client.
  if (writes(ctx, statement)) return false;
  const answered = ctx.source.slice(statement.startIndex, statement.endIndex);
  return answersWithServerError(ctx, answered) && !invitesRetry(answered, words) && !writtenBefore(ctx, statement);
}

/** Whether `node` writes (a store's write method, `record_write_methods`) or sends. */
function writes(ctx: FileContext, node: Node): boolean {
  const methods = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  return callsWithin(ctx, node).some((c) => methods.has(lastSegment(calleePath(ctx, c)))) || writesOrSendsIn(ctx, node).length > 0;
}

/** The catch or except clause `node` is in, within its function. */
function enclosingHandler(node: Node, family: FileContext['family']): Node | null {
  for (let p = node.parent; p !== null && !isFunction(p, family); p = p.parent) {
    if (p.type === 'catch_clause' || p.type === 'except_clause') return p;
    if (p.type === 'try_statement') return null;
  }
  return null;
}

/** Nodes whose children run one after another. */
const BLOCKS: ReadonlySet<string> = new Set(['block', 'statement_block']);

/**
 * Whether a statement before `statement` writes (`update({ cglt_balance })`, a store's write method,
 * `record_write_methods`) or sends: a handler that credits the balance back and then answers 502 has
 * recorded the failure in that write, and its answer is where the record is reported. Earlier
 * statements of every enclosing block count, up to the handler's or function's body (the credit-back
 * before `if (!res.headersSent) { return res.status(502)… }`).
 */
function writtenBefore(ctx: FileContext, statement: Node): boolean {
  // Outside a handler (`if (!res.ok) { return res.status(500)… }`) only the answer's own block: an
  // enclosing one holds the request itself.
  const handler = enclosingHandler(statement, ctx.family);
  for (let at: Node | null = statement; at !== null && !isFunction(at, ctx.family); at = at.parent) {
    // The handler's own body was walked: what came before the try is no part of this outcome.
    if (at.type === 'catch_clause' || at.type === 'except_clause' || at.type === 'try_statement') break;
    if (handler === null && at.id !== statement.id) break;
    // Only statements of a block: an if's condition or its other branch runs in no order before the answer.
    if (at.parent === null || !BLOCKS.has(at.parent.type)) continue;
    for (let s = at.previousNamedSibling; s !== null; s = s.previousNamedSibling) {
      if (writes(ctx, s)) return true;
    }
  }
  return false;
}

/**
 * `return res.status(400).json({ message: error.message })`, `return Response({"error": str(e)},
 * status=400)`: in the handler of a try, a client-error answer (4xx) whose body is the caught error
 * tells the client that its request was refused with that error, whatever the error was; for a
 * timeout of the write the try made, a definite failure for an unknown outcome. A 5xx answer says
 * only that the server failed, as unknown to the client as the timeout was to the server. Only the
 * handler's own answer (not one in a nested function), and only where no failure message of the
 * same statement was found.
 */
function caughtErrorAnswers(ctx: FileContext, root: Node, found: { node: Node }[]): { node: Node; invites: boolean }[] {
  const handler = HANDLER_TYPES.has(root.type) ? root : root.parent !== null && HANDLER_TYPES.has(root.parent.type) ? root.parent : null;
  const caught = handler === null ? null : caughtName({ clause: handler, type: null, body: root }, ctx.family);
  if (caught === null) return [];
  const text = ctx.source.slice(root.startIndex, root.endIndex);
  if (!new RegExp(`\\b${caught}\\b`).test(text) || !answersWithClientError(ctx, text)) return [];
  // Only a try whose writes include more than a message to a person: a failed e-mail or SMS answered
  // with its error leaves the person to ask again, and nothing is recorded about it.
  const attempted = handler?.parent?.type === 'try_statement' ? tryBody(handler.parent) : null;
  if (attempted === null || !callsWithin(ctx, attempted).some((c) => reachedCallsOf(ctx, c, 'notification').length === 0 && reachedCallsOf(ctx, c, 'mutating').some((w) => remoteWrite(ctx, w)))) return [];
  const done = new Set(found.map((f) => statementOf(f.node).id));
  const out: { node: Node; invites: boolean }[] = [];
  for (const name of root.descendantsOfType('identifier')) {
    if (name.text !== caught || !carriesError(ctx, name)) continue;
    const statement = statementOf(name);
    if (done.has(statement.id) || statement.startIndex < root.startIndex || inLogCall(ctx, name, statement)) continue;
    if (enclosingFunction(statement, ctx.family)?.id !== enclosingFunction(root, ctx.family)?.id) continue;
    if (!answersWithClientError(ctx, ctx.source.slice(statement.startIndex, statement.endIndex))) continue;
    done.add(statement.id);
    out.push({ node: statement, invites: false });
  }
  return out;
}

/**
 * A write known by its client or SDK (`stripe.refunds.create`), a request (`axios.post`), or one known
 * only by its verb whose name says it moves value (`processor.create_refund`, `create_payout`): an
 * in-app service's `create_configuration` or `submitDispute` may write nothing but local rows.
 */
function remoteWrite(ctx: FileContext, call: Node): boolean {
  if (!matchedByVerbOnly(ctx, call, 'mutating')) return true;
  const name = lastSegment(calleePath(ctx, call));
  // `axios.post(…)`, `this.http.post(…)`: a request, whose method is the called name.
  if ((ctx.vocab.calls.mutating?.http_methods ?? []).some((m) => m.toLowerCase() === name.toLowerCase())) return true;
  const moving = wordSet(ctx, 'value_moving_words', ctx.vocab.value_moving_words);
  if (moving.anyStemOf(name)) return true;
  // `stripe.Refund.create(…)`, `razorpay.payouts.create(…)`: a package's client whose resource
  // (the segment before the verb) moves value. Not an app object's relation (`order.refunds.create`,
  // a row of the app's own database): the head must be a package import or a client built from one.
  const segments = calleePath(ctx, call).split('.');
  const resource = segments[segments.length - 2];
  // `stripe.Subscription.create(…)`: a resource that bills once made (`billing_resources`) likewise.
  const billing = (r: string) => ctx.vocab.billing_resources.some((b) => b.toLowerCase() === r.toLowerCase());
  return segments.length >= 3 && resource !== undefined && (moving.anyStemOf(resource) || billing(resource)) && packageClient(ctx, segments[0] ?? '', call);
}

/** Whether `head` names a module imported from outside the project, or a client built from one (`new Razorpay(…)`). */
function packageClient(ctx: FileContext, head: string, at: Node): boolean {
  const fromPackage = (name: string) => {
    const imported = importsOf(ctx).get(name);
    return imported !== undefined && !ctx.isProjectModule(imported.module);
  };
  if (fromPackage(head)) return true;
  const bound = unwrapAwait(lastBindingBefore(ctx, head, at));
  if (bound === null || (bound.type !== 'new_expression' && !isCall(bound, ctx.family))) return false;
  const ctor = bound.type === 'new_expression' ? bound.childForFieldName('constructor') : callee(bound);
  const root = dottedPath(ctor).split('.')[0] ?? '';
  return root !== '' && fromPackage(root);
}

/** The languages' own conversions of a value to its text (`str(e)`, `String(err)`): the value itself. */
const TEXT_CONVERSIONS = new Set(['str', 'repr', 'String']);

/**
 * Whether the caught error's name stands as a value of an answer's body: itself or its text
 * (`str(e)`, `String(err)`, `f"{e}"`, `` `${err}` ``), or its message (`err.message`, `e.message ||
 * e`), not a test or a field other than the message (`err.response.status`).
 */
function carriesError(ctx: FileContext, name: Node): boolean {
  let n: Node = name;
  const up = n.parent;
  if (up !== null && (up.type === 'member_expression' || up.type === 'attribute') && up.childForFieldName('object')?.id === n.id) {
    const field = up.childForFieldName('property') ?? up.childForFieldName('attribute');
    if (field === null || !ctx.vocab.responses.error_message_fields.includes(field.text)) return false;
    n = up;
  }
  for (let p = n.parent; p !== null; n = p, p = p.parent) {
    if (['pair', 'keyword_argument'].includes(p.type)) return p.childForFieldName('value')?.id === n.id;
    if (['interpolation', 'template_substitution', 'template_string', 'string', 'parenthesized_expression'].includes(p.type)) continue;
    if (p.type === 'binary_expression' && p.childForFieldName('operator')?.text === '||') continue;
    if (p.type === 'boolean_operator' && p.childForFieldName('operator')?.text === 'or') continue;
    if (p.type === 'arguments' || p.type === 'argument_list') {
      // `str(e)` wraps the value; `new HttpException(error.message, HttpStatus.BAD_REQUEST)` hands it to the answer.
      if (TEXT_CONVERSIONS.has(p.parent?.childForFieldName('function')?.text ?? '')) continue;
      return true;
    }
    if (p.type === 'call' || p.type === 'call_expression') {
      if (TEXT_CONVERSIONS.has(p.childForFieldName('function')?.text ?? '')) continue;
      return false;
    }
    return false;
  }
  return false;
}

/**
 * `whatsappService.sendMessage(from, t('send.failed', …))`: a failure message sent to the user (a
 * call of the `notification` vocabulary) tells them the operation failed, as an error answer does;
 * so does a chat bot's reply to the command (`interaction.editReply('Send failed')`, `chat_reply_calls`).
 */
function toldByNotification(ctx: FileContext, node: Node, statement: Node): boolean {
  let sent = false;
  const replies = compiledOnce(ctx.vocab, 'chat-reply-calls', () => new NamePatterns(ctx.vocab.responses.chat_reply_calls));
  for (let p = node.parent; p !== null && p.id !== statement.parent?.id && !sent; p = p.parent) {
    sent = isCall(p, ctx.family) && (replies.matches(calleePath(ctx, p)) || reachedCallsOf(ctx, p, 'notification').length > 0);
  }
  return sent && !onlyMessagesAttempted(ctx, statement);
}

/** `messages.error(request, "airtime purchase failed")`: a failure shown to the user with the next page (`responses.user_message_calls`). */
function toldByUserMessage(ctx: FileContext, node: Node, statement: Node): boolean {
  const calls = ctx.vocab.responses.user_message_calls;
  if (calls.length === 0) return false;
  for (let p = node.parent; p !== null && p.id !== statement.parent?.id; p = p.parent) {
    if (isCall(p, ctx.family) && calls.includes(calleePath(ctx, p))) return true;
  }
  return false;
}

/**
 * A message about a failed attempt is a definite record only where nothing follows that tries
 * again: inside a loop the next pass may (`Attempt 2 failed, we will try again`), and a throw or
 * `raise self.retry()` after it in its block hands the failure on to whoever retries or records.
 */
function endsTheOperation(ctx: FileContext, statement: Node): boolean {
  for (let s = statement.nextNamedSibling; s !== null; s = s.nextNamedSibling) {
    if (isRaise(s, ctx.family)) return false;
  }
  const fn = enclosingFunction(statement, ctx.family);
  for (let p = statement.parent; p !== null && p.id !== fn?.id; p = p.parent) {
    if (isLoop(p, ctx.family)) return false;
  }
  return true;
}

/**
 * In the handler of a try that only sends messages (`this.groupService.createGroup(…)`, a helper
 * known by its verb alone, then a success message): the failure message is about that step, not
 * about a write whose outcome is unknown.
 */
function onlyMessagesAttempted(ctx: FileContext, node: Node): boolean {
  const fn = enclosingFunction(node, ctx.family);
  for (let p = node.parent; p !== null && p.id !== fn?.id; p = p.parent) {
    // `const result = await DisputeService.sendDisputeNotification(…); if (result.success) … else
    // ctx.reply('… notification failed')`: the branch tells of a message's result, the same step.
    if (p.type === 'if_statement' && testsMessageResult(ctx, p)) return true;
    if (!HANDLER_TYPES.has(p.type)) continue;
    const attempted = p.parent?.type === 'try_statement' ? tryBody(p.parent) : null;
    return attempted !== null && !writesCertainlyIn(ctx, attempted);
  }
  return false;
}

/** Whether an `if` tests the result of a call that only sends a message (by its body in sight, else by its name). */
function testsMessageResult(ctx: FileContext, ifStmt: Node): boolean {
  const cond = ifStmt.childForFieldName('condition');
  if (cond === null) return false;
  for (const n of [cond, ...cond.descendantsOfType(['identifier', 'call_expression', 'call'])]) {
    const value = isCall(n, ctx.family) ? n : n.type === 'identifier' ? unwrapAwait(lastBindingBefore(ctx, n.text, ifStmt)) : null;
    if (value === null || !isCall(value, ctx.family)) continue;
    if (notifiesOnly(ctx, value)) return true;
  }
  return false;
}

/** Whether a value is handed to a logger or a call named for logging before its statement ends. */
function inLogCall(ctx: FileContext, node: Node, statement: Node): boolean {
  for (let p = node.parent; p !== null && p.id !== statement.id; p = p.parent) {
    if (isCall(p, ctx.family) && reportsOnly(ctx, calleePath(ctx, p))) return true;
  }
  return false;
}

const HANDLER_TYPES = new Set(['except_clause', 'catch_clause']);

/**
 * `self._handle_initiation_failure("transfer", exc)`: a function of this file whose body records
 * the outcome (`PostLedgerData.as_failed(…)`, `status = "failed"`) records it where it is called,
 * whatever its name. Records its body makes in its own handlers are about its own calls, and a
 * call of the function it stands in runs the operation again.
 */
function helperRecords(ctx: FileContext, call: Node, outcome: string): 'records' | 'invites' | null {
  const fn = resolveLocalFunction(ctx, call);
  const body = fn && functionBody(fn);
  // The function the call stands in runs again (a recursive retry): that records nothing.
  if (!body || (fn.startIndex <= call.startIndex && call.endIndex <= fn.endIndex)) return null;
  const known = ctx.memo(`helper-records:${outcome}`, () => new Map<number, 'records' | 'invites' | null>());
  const cached = known.get(fn.id);
  if (cached !== undefined) return cached;
  known.set(fn.id, null); // a recursive helper records nothing through itself
  // A record that holds only if another file says so (`return returnResponse(…)`) is no record of the body's own.
  const found = (recordsMatcher.find?.(ctx, outcome, [body]) ?? []).filter((c) => c.captures.result === undefined && c.requires === undefined && !inOwnHandler(c.node, body));
  // Only messages that ask to try again: the call site decides whether that retry is safe.
  const kind = found.length === 0 ? null : found.every((c) => c.captures.invites !== undefined) ? 'invites' : 'records';
  known.set(fn.id, kind);
  return kind;
}

/**
 * `this.recordFailure()` whose body in sight only bumps a circuit breaker's count and time
 * (`this.circuitBreaker.failures++`) and logs: named for a failure, it records none of the
 * operation's, only the process's own tally, gone with the process (lahat-m/Mpesa-NestJS-Integration
 * mpesa.service.ts). A body that records the outcome, or calls anything but loggers, in-memory
 * methods and built-in values (local functions it calls are not followed), keeps the name's reading.
 */
function countsInMemoryOnly(ctx: FileContext, call: Node, outcome: string): boolean {
  const fn = resolveLocalFunction(ctx, call);
  const body = fn && functionBody(fn);
  if (!body || (fn.startIndex <= call.startIndex && call.endIndex <= fn.endIndex)) return false;
  const inMemory = callsWithin(ctx, body).every((c) => logsOnly(ctx, calleePath(ctx, c)) || computesInMemory(ctx, c) || isInMemory(ctx, calleePath(ctx, c)) || (c.type === 'new_expression' && BUILT_IN_VALUES.has(calleePath(ctx, c))));
  return inMemory && helperRecords(ctx, call, outcome) === null;
}

/**
 * In a handler, `errors.append({"message": str(e), …})` / `failed.push({ error: err.message })`: the
 * caught error pushed (a `result_collectors` method) onto a list the function made empty and returns
 * (alone or in a tuple or object: `return success_count, errors`). Whether that records the failure
 * is the caller's to say (`collected-error-records`, falsy-callers.ts).
 */
function collectedCaughtErrors(ctx: FileContext, root: Node, words: OutcomeWords): Node[] {
  const handler = HANDLER_TYPES.has(root.type) ? root : root.parent !== null && HANDLER_TYPES.has(root.parent.type) ? root.parent : null;
  const caught = handler === null ? null : caughtName({ clause: handler, type: null, body: root }, ctx.family);
  const fn = handler === null ? null : enclosingFunction(handler, ctx.family);
  if (caught === null || fn === null || !new RegExp(`\\b${caught}\\b`).test(ctx.source.slice(root.startIndex, root.endIndex))) return [];
  const out: Node[] = [];
  for (const call of callsWithin(ctx, root)) {
    const target = callee(call);
    if (target === null || (target.type !== 'attribute' && target.type !== 'member_expression')) continue;
    const list = target.childForFieldName('object');
    const method = target.childForFieldName('attribute') ?? target.childForFieldName('property');
    if (list?.type !== 'identifier' || method === null || !words.resultCollectors.has(method.text)) continue;
    if (enclosingFunction(call, ctx.family)?.id !== fn.id) continue;
    const args = call.childForFieldName('arguments');
    if (args === null || !args.descendantsOfType('identifier').some((n) => n.text === caught && carriesError(ctx, n))) continue;
    if (madeEmptyAndReturned(ctx, fn, list.text)) out.push(call);
  }
  return out;
}

/** Whether `fn` binds `name` to an empty list and returns it (alone, in a tuple, array or object). */
function madeEmptyAndReturned(ctx: FileContext, fn: Node, name: string): boolean {
  const made = lastBindingBefore(ctx, name, functionBody(fn)?.lastChild ?? fn);
  if (made === null || !['list', 'array'].includes(made.type) || made.namedChildCount > 0 || enclosingFunction(made, ctx.family)?.id !== fn.id) return false;
  return fn.descendantsOfType('return_statement').some((ret) => {
    if (enclosingFunction(ret, ctx.family)?.id !== fn.id) return false;
    const value = ret.firstNamedChild;
    if (value === null) return false;
    if (value.type === 'identifier') return value.text === name;
    const parts = ['expression_list', 'tuple', 'array', 'parenthesized_expression'].includes(value.type) ? value.namedChildren : value.type === 'object' || value.type === 'dictionary' ? value.namedChildren.map((c) => c.childForFieldName('value') ?? c) : [];
    return parts.some((p) => p.type === 'identifier' || p.type === 'shorthand_property_identifier' ? p.text === name : false);
  });
}

/** Constructors of plain values: `new Date()` keeps a time, nothing more. */
const BUILT_IN_VALUES = new Set(['Date', 'Map', 'Set', 'Array', 'Error']);

/**
 * Whether `node` is in the handler of a try whose writes (at least one) all pass an idempotency key
 * stable across attempts: a second attempt replays the first, so asking the user to try again is sound.
 */
function keyedAttempt(ctx: FileContext, node: Node): boolean {
  for (let p = node.parent; p !== null; p = p.parent) {
    if (isFunction(p, ctx.family)) return false;
    if (!HANDLER_TYPES.has(p.type)) continue;
    const attempted = p.parent?.type === 'try_statement' ? tryBody(p.parent) : null;
    if (attempted === null) return false;
    const writes = callsWithin(ctx, attempted).filter((c) => reachedCallsOf(ctx, c, 'mutating').length > 0);
    // A key made in the function by a call (`randomUUID()`, `this.generateRequestId()`) may differ
    // on the user's next request: only one built from values the request carries is replayed.
    return writes.length > 0 && writes.every((c) => passesKey(ctx, c, 'idempotency') && keyFromHeldValues(ctx, c, 'idempotency'));
  }
  return false;
}

function inOwnHandler(node: Node, body: Node): boolean {
  for (let p = node.parent; p !== null && p.id !== body.id; p = p.parent) if (HANDLER_TYPES.has(p.type)) return true;
  return false;
}

/**
 * `results.failed++`, `stats.failed += 1`: the outcome's name as a counter being incremented is a
 * tally of how many attempts failed, a number for a summary, not the state of any one of them.
 */
function countsOutcome(node: Node): boolean {
  let n: Node = node;
  while (n.parent !== null && (n.parent.type === 'parenthesized_expression' || n.parent.type === 'non_null_expression')) n = n.parent;
  const p = n.parent;
  if (p === null) return false;
  if (p.type === 'update_expression') return true;
  if (p.type === 'augmented_assignment' || p.type === 'augmented_assignment_expression') {
    return p.childForFieldName('left')?.id === n.id && /^[-+]=$/.test(p.childForFieldName('operator')?.text ?? '');
  }
  return false;
}

/** Calls that measure a list rather than hand it on (`len(results)`). */
const MEASURES = new Set(['len']);

/**
 * `results.push({ chatId, status: "failed" })` onto a list made in this function (`const results =
 * []`) that never leaves it: it is only counted (`results.filter(…).length`, `len(results)`), tested
 * or logged. Where the list is returned, answered (`res.json({ results })`), stored or handed to
 * another call, each entry is a result its reader acts on, and records.
 */
function keptInLocalTally(ctx: FileContext, node: Node): boolean {
  // `results.push(markFailed(id))`: a call that records does so wherever its result goes.
  if (isCall(node, ctx.family)) return false;
  let push: Node | null = null;
  for (let p = node.parent; p !== null; p = p.parent) {
    if (p.type === 'arguments' || p.type === 'argument_list') {
      push = p.parent !== null && isCall(p.parent, ctx.family) ? p.parent : null;
      break;
    }
    if (!['pair', 'keyword_argument', 'object', 'dictionary', 'false', 'true', 'string', 'member_expression', 'attribute', 'parenthesized_expression'].includes(p.type)) return false;
  }
  if (push === null) return false;
  const fn = callee(push);
  if (fn === null || (fn.type !== 'member_expression' && fn.type !== 'attribute')) return false;
  const list = fn.childForFieldName('object');
  const method = fn.childForFieldName('property') ?? fn.childForFieldName('attribute');
  if (list?.type !== 'identifier' || method === null || !outcomeCollectors(ctx).has(method.text)) return false;
  const scope = enclosingFunction(push, ctx.family);
  const body = scope === null ? null : functionBody(scope);
  if (body === null) return false;
  const name = list.text;
  let declared = false;
  for (const ref of body.descendantsOfType(['identifier', 'shorthand_property_identifier'])) {
    if (ref.text !== name) continue;
    // A name of a nested function's own is another list; judged with this one, conservatively.
    const p = ref.parent;
    if (ref.type === 'shorthand_property_identifier') return false;
    if (p !== null && (p.type === 'variable_declarator' || p.type === 'assignment') && (p.childForFieldName('name') ?? p.childForFieldName('left'))?.id === ref.id) {
      const value = p.childForFieldName('value') ?? p.childForFieldName('right');
      if (value === null || !['array', 'list'].includes(value.type) || value.namedChildCount > 0) return false;
      declared = true;
      continue;
    }
    if (leavesFunction(ctx, ref)) return false;
  }
  return declared;
}

function outcomeCollectors(ctx: FileContext): Set<string> {
  return ctx.memo('outcome-collectors', () => new Set(Object.values(ctx.vocab.outcomes).flatMap((o) => o.result_collectors)));
}

/**
 * Whether a use of a local list hands it (or a value read from it other than its size) on: returned,
 * an argument of a call that does more than log, a value stored in an object or a field.
 */
function leavesFunction(ctx: FileContext, ref: Node): boolean {
  let n: Node = ref;
  for (let p = n.parent; p !== null; n = p, p = p.parent) {
    if ((p.type === 'member_expression' || p.type === 'attribute') && p.childForFieldName('object')?.id === n.id) {
      const field = p.childForFieldName('property') ?? p.childForFieldName('attribute');
      if (field?.text === 'length') return false;
      continue;
    }
    if (isCall(p, ctx.family) && p.childForFieldName('function')?.id === n.id) {
      // `results.push(…)`, `results.filter(…)`: a method of the list itself; what it gives is judged on.
      const method = n.type === 'member_expression' || n.type === 'attribute' ? (n.childForFieldName('property') ?? n.childForFieldName('attribute'))?.text : undefined;
      if (method !== undefined && outcomeCollectors(ctx).has(method)) return false;
      continue;
    }
    // `[r for r in results if r["status"] == "sent"]`: a list drawn from it, judged on where it goes.
    if (['for_in_clause', 'list_comprehension', 'generator_expression', 'set_comprehension'].includes(p.type)) continue;
    if (p.type === 'arguments' || p.type === 'argument_list') {
      const call = p.parent;
      if (call === null || !isCall(call, ctx.family)) return true;
      const path = calleePath(ctx, call);
      return !(MEASURES.has(path) || (reportsOnly(ctx, path) && !storesLogRow(ctx, path)));
    }
    if (['binary_expression', 'binary_operator', 'comparison_operator', 'unary_expression', 'not_operator', 'boolean_operator'].includes(p.type)) {
      // `results.length > 0 && failed === 0`, `if results:`: a test or a count, not the list.
      return false;
    }
    if (['if_statement', 'while_statement', 'elif_clause', 'expression_statement'].includes(p.type)) return false;
    if (p.type === 'template_substitution' || p.type === 'interpolation') return false;
    return true;
  }
  return true;
}
