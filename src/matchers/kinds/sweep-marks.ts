import { wordSet } from '../compiled.js';
import { calleePath, callsWithin } from '../file-index.js';
import { lastBindingBefore } from '../bindings.js';
import { resolveLocalFunction } from '../local-helpers.js';
import { reaches } from './exits-after.js';
import { transactionBlockAround } from '../record-writes.js';
import { marksOutOfSelection, queryEntries, stateValue } from '../contexts/due-records.js';
import { isInert, isPlainExit, namesBoundBy, successBranch } from '../quiet-steps.js';
import { blockStatements, callArguments, callTypes, contains, functionBody, isCall, lastSegment, unwrapAwait, type Node } from '../syntax.js';
import type { FileContext, Scope } from '../types.js';

type Selection = NonNullable<Scope['selection']>;

/**
 * A sweep over records selected by their state (a cron or poll batch) whose send is followed first
 * by the write that moves the sent record out of the selection (`send(row)` then `update({ where:
 * { id: row.id }, data: { status: 'SENT' } })`, or `order.status = 'cancelled'; order.save()`),
 * with nothing else that can fail between them: a record comes back for another send only
 * when the send itself failed, or when the mark's own write failed right after it (the outbox
 * window no code closes). The send is, in effect, the last step of the record's attempt.
 * Once the mark is stored, what the attempt does next (a progress count, a log row, a pause before
 * the next recipient) cannot bring the record back: the next run, or the retried job's next pass,
 * no longer selects it. Only a handler that puts the record back in the selection can, or a
 * transaction that holds the mark and the send, which a later failing step rolls back (then the
 * steps after the mark must be inert, as before the mark).
 */
export function markedRightAfter(ctx: FileContext, node: Node, scope: Scope): boolean {
  const selection = scope.selection;
  if (selection === undefined || scope.via !== undefined) return false;
  let marked = false;
  let n: Node = node;
  // What the send's own statement binds (`const result = await sendEmail(…)`): a check of it reads the send's outcome.
  let sent: Set<string> | undefined;
  // Set once the record is marked, or the success branch left its attempt: the steps after it cannot send it again.
  let left = false;
  for (let p = node.parent; p !== null; n = p, p = p.parent) {
    if (p.type === 'block' || p.type === 'statement_block') {
      const statements = blockStatements(p);
      const index = statements.findIndex((s) => s.id === n.id);
      if (index < 0) return false;
      sent ??= namesBoundBy(n);
      let moved = false;
      for (const st of left ? [] : statements.slice(index + 1)) {
        // `if (result.success) { update({ data: { status: 'SENT' } }); continue; }`: the record is marked
        // right after a send that succeeded, and what follows (a reschedule) runs only after it failed.
        const onSuccess = successBranch(ctx, st, sent);
        if (onSuccess !== null) {
          if (!marksThenLeaves(ctx, blockStatements(onSuccess), selection) || transactionBlockAround(ctx, onSuccess, ctx.root, node) !== null) return false;
          marked = left = true;
          break;
        }
        // The mark is stored: the steps after it (here and in the blocks around) no longer matter.
        if (marksRecord(ctx, st, selection) || (moved && writesRecord(ctx, st, selection.record))) {
          marked = true;
          // In a transaction that also holds the send (`with transaction.atomic():`, `$transaction(async (tx) => …)`),
          // a later failing step rolls the mark back: the steps after it must still be inert.
          if (transactionBlockAround(ctx, st, ctx.root, node) !== null) continue;
          left = true;
          break;
        }
        if (assignsRecordField(st, selection.record)) {
          moved ||= marksOutOfSelection(ctx, st, selection);
          continue;
        }
        if (!isInert(ctx, st)) return false;
      }
      if (p.id === scope.body.id) return marked;
      continue;
    }
    if (p.id === scope.body.id) return marked;
    // Leaving a try body: its handler runs only after a failure; an `else:`/`finally` with steps is one more step.
    if (p.type === 'try_statement') {
      if (p.childForFieldName('body')?.id !== n.id) return false;
      const extra = p.namedChildren.filter((c) => c.type === 'else_clause' || c.type === 'finally_clause');
      if (extra.some((c) => c.descendantsOfType(callTypes(ctx.family) as string[]).length > 0)) return false;
      // A handler that puts the record back in the selection (`catch { update({ data: { status: 'PENDING' } }) }`)
      // catches a failed mark too, and the next run sends again (NyagaOtieno/jendietech smsWorker.js, labelled).
      if (p.namedChildren.some((c) => (c.type === 'catch_clause' || c.type === 'except_clause') && putsBack(ctx, c, selection))) return false;
      continue;
    }
    if (EXPRESSION_LEVEL.has(p.type)) continue;
    return false;
  }
  return false;
}

/** Steps that mark the record (and only count or log besides), then leave the record's attempt (`continue`, `return`). */
function marksThenLeaves(ctx: FileContext, steps: Node[], selection: Selection): boolean {
  let marked = false;
  for (const st of steps) {
    if (marksRecord(ctx, st, selection)) marked = true;
    else if (isPlainExit(st, ctx.family) || st.type === 'continue_statement') return marked;
    else if (!isInert(ctx, st)) return false;
  }
  return false;
}

/** A try around `node` (within `top`) whose handler puts the record back in the selection: a failed send, or a failed step after it, undoes the move. */
function putBackAround(ctx: FileContext, node: Node, top: Node, selection: Selection): boolean {
  for (let n: Node = node, p = node.parent; p !== null && n.id !== top.id; n = p, p = p.parent) {
    if (p.type === 'try_statement' && p.childForFieldName('body')?.id === n.id && p.namedChildren.some((c) => (c.type === 'catch_clause' || c.type === 'except_clause') && putsBack(ctx, c, selection))) return true;
  }
  return false;
}

/** The handler sets a state field of the selection to a value the selection takes (`status: retries >= 3 ? 'FAILED' : 'PENDING'`). */
function putsBack(ctx: FileContext, handler: Node, selection: Selection): boolean {
  const pairs = queryEntries(handler);
  for (const a of handler.descendantsOfType(['assignment', 'assignment_expression'])) {
    const left = a.childForFieldName('left');
    const value = a.childForFieldName('right');
    const field = left?.childForFieldName('property') ?? left?.childForFieldName('attribute');
    if (field != null && value !== null && left?.firstNamedChild?.text === selection.record) pairs.push({ key: field.text, value });
  }
  return pairs.some(({ key, value }) => {
    const taken = selection.fields.get(key);
    if (taken === undefined) return false;
    // `status: newStatus` where the handler computed `newStatus = attempts >= max ? FAILED : PENDING`.
    const bound = value.type === 'identifier' ? lastBindingBefore(ctx, value.text, value) : null;
    const given = bound !== null && contains(handler, bound) ? bound : value;
    return [given, ...given.descendantsOfType(['string', 'member_expression', 'attribute'])].some((v) => taken.has(stateValue(v) ?? '\0'));
  });
}


/** Between a call and its statement: its await, the binding of its result. */
const EXPRESSION_LEVEL = new Set(['expression_statement', 'await', 'await_expression', 'variable_declarator', 'lexical_declaration', 'variable_declaration', 'assignment', 'assignment_expression']);

/** `record.status = 'sent'`, `order.metadata['notified'] = now`: a field of the loop's record set in memory. */
function assignsRecordField(st: Node, record: string): boolean {
  if (st.type !== 'expression_statement') return false;
  const a = st.firstNamedChild;
  if (a === null || (a.type !== 'assignment' && a.type !== 'assignment_expression')) return false;
  let left = a.childForFieldName('left');
  while (left !== null && ['attribute', 'member_expression', 'subscript', 'subscript_expression'].includes(left.type)) {
    const object: Node | null = left.childForFieldName('object') ?? left.childForFieldName('value') ?? left.firstNamedChild;
    if (object?.type === 'identifier') return object.text === record && left.type !== 'identifier';
    left = object;
  }
  return false;
}

/** A statement whose call writes the record with a state outside the selection (`update({ where: { id: row.id }, data: { status: 'SENT' } })`). */
function marksRecord(ctx: FileContext, st: Node, selection: Selection): boolean {
  // `await update(…)`, or its result kept (`const claim = await updateMany(…)`).
  const declared = st.type === 'lexical_declaration' || st.type === 'variable_declaration' ? st.namedChildren.find((d) => d.type === 'variable_declarator')?.childForFieldName('value') : undefined;
  if (st.type !== 'expression_statement' && declared == null) return false;
  const call = unwrapAwait(declared ?? st.firstNamedChild);
  if (call === null || (call.type !== 'call' && call.type !== 'call_expression')) return false;
  return marksOutOfSelection(ctx, st, selection);
}

/** `order.save()`, `repo.save(order)`: a write method of the store on the record. */
function writesRecord(ctx: FileContext, st: Node, record: string): boolean {
  if (st.type !== 'expression_statement') return false;
  const call = unwrapAwait(st.firstNamedChild);
  if (call === null || (call.type !== 'call' && call.type !== 'call_expression')) return false;
  const writes = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  if (!writes.has(lastSegment(calleePath(ctx, call)))) return false;
  const receiver = unwrapAwait(call.childForFieldName('function')?.childForFieldName('object') ?? null);
  return receiver?.text === record || callArguments(call).some((a) => unwrapAwait(a)?.text === record);
}

/**
 * A sweep that moves each record out of its selection with a store write before the send
 * (`await prisma.booking.update({ where: { id: booking.id }, data: { status: 'cancelled' } })`, then
 * notify): a failed write stops the attempt before the send, and once it went through the next run
 * no longer selects the record, so the send is made once per record.
 */
export function movedOutBefore(ctx: FileContext, node: Node, scope: Scope): boolean {
  const selection = scope.selection;
  if (selection === undefined) return false;
  let n: Node = node;
  for (let p = node.parent; p !== null; n = p, p = p.parent) {
    if (p.type === 'block' || p.type === 'statement_block') {
      for (const st of blockStatements(p)) {
        if (st.startIndex >= n.startIndex) break;
        if (marksRecord(ctx, st, selection)) return !putBackAround(ctx, node, scope.body, selection);
      }
    }
    if (p.id === scope.body.id) return false;
  }
  return false;
}

/**
 * The send is reached from the sweep's call through helpers of this file, and on every way to it a
 * helper marks its own guard before the call that leads on to the send (`if (invoice.payed) return;
 * invoice.payed = true; await invoice.save(); await this.notifyPaid(invoice)`): the next run stops
 * at the guard (see `marksOwnGuard`). A second way to the send that no guard covers (the "payment
 * failed, retrying" notice of the same helper's handler) is sent again on every run.
 */
export function marksGuardOnTheWay(ctx: FileContext, call: Node, inner: Node, marksOwnGuard: (ctx: FileContext, node: Node) => boolean): boolean {
  const fn = isCall(call, ctx.family) ? resolveLocalFunction(ctx, call) : null;
  return fn !== null && guardedOnEveryWay(ctx, fn, inner, marksOwnGuard, 0);
}

function guardedOnEveryWay(ctx: FileContext, fn: Node, inner: Node, marksOwnGuard: (ctx: FileContext, node: Node) => boolean, depth: number): boolean {
  if (contains(fn, inner)) return marksOwnGuard(ctx, inner);
  const body = functionBody(fn);
  if (body === null || depth >= 3) return false;
  const ways = callsWithin(ctx, body).flatMap((c) => {
    const target = resolveLocalFunction(ctx, c);
    return target !== null && target.id !== fn.id && reaches(ctx, target, inner, depth + 1) ? [{ call: c, target }] : [];
  });
  return ways.length > 0 && ways.every((w) => marksOwnGuard(ctx, w.call) || guardedOnEveryWay(ctx, w.target, inner, marksOwnGuard, depth + 1));
}
