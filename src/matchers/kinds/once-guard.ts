import { compiledOnce, wordSet } from '../compiled.js';
import { escapeRegExp, NamePatterns, splitWords, WordSet } from '../names.js';
import { lastBindingBefore } from '../bindings.js';
import { accessedField, conjunctsOf, blockStatements, callArguments, callTypes, contains, keywordArgument, literalEntries, enclosingFunction, functionBody, functionParameters, isCall, ifChain, isExit, isRaise, loopBody, tryBody, tryHandlers, namedEnclosingFunction, lastSegment, namesUnder, stringValue, unwrapAwait, unwrapParens, type Node } from '../syntax.js';
import { calleePath, answeredOnce, callsWithin, nodesWithin } from '../file-index.js';
import { resolveLocalFunction } from '../local-helpers.js';
import { evaluateWith, literalValue, type FieldValue } from '../guard-values.js';
import { storedBy, storedValues } from '../record-writes.js';
import { flagMarkedRightAfter } from './flag-marked-after.js';
import { reachedInner, statementOf } from '../scope.js';
import { claimedOnTheWay, claimsOnce } from '../claims-once.js';
import { sentOnlyWhenCreated } from '../sent-records.js';
import { claimsByUpdate } from '../claims-by-update.js';
import { projectImportOf } from '../imports.js';
import { claimGuards } from './claim-guards.js';
import { isInert } from '../quiet-steps.js';
import { endsThrough } from './exits-after.js';
import { leavesValues, selectedValue } from '../contexts/due-records.js';
import { marksGuardOnTheWay, movedOutBefore } from './sweep-marks.js';
import type { Candidate, FileContext, Matcher } from '../types.js';

/**
 * `once-guard` — between the candidate and its scope, an `if` whose condition limits the branch to
 * one attempt: it tests the loop's attempt counter (`if attempt == MAX_ATTEMPTS - 1`, `if
 * (attempt === 0)`) or a flag named for it (`if not notified`, `if is_last_attempt`,
 * `once_words` in the vocabulary). Used as `not: once-guard` by AP-002. A counter tested from one
 * side at neither end of the loop (`if attempt + 1 >= alert_after:`) runs the branch on every later
 * attempt and does not count.
 */
export const onceGuardMatcher: Matcher = {
  kind: 'once-guard',
  summary: 'an if on the attempt counter or a sent-flag confines the candidate to one attempt',
  validate: () => null,
  test(ctx, _param, candidate) {
    const scope = candidate.scope;
    if (scope === undefined) return false;
    const once = ctx.memo('once-words', () => new WordSet(ctx.vocab.once_words));
    const guard = guarded(ctx, once, candidate.node, scope.body, scope.counter, scope.construct);
    if (guard === MARKED) {
      // The key is stored right after the call, but a helper's send is stored with it only when
      // nothing after the send can fail inside the helper (`processAlert(alert)` that e-mails, then
      // uploads a file, before `setCachedAlertMessage(key)`): otherwise the next attempt finds no key.
      const helper = (candidate.requires ?? []).find((r) => r.kind === 'helper');
      if (helper?.kind === 'helper') {
        helper.unlessLast = true;
        return false;
      }
      const inner = reachedInner(candidate);
      const local = inner && inner.id !== candidate.node.id ? resolveLocalFunction(ctx, candidate.node) : null;
      return !local || !inner || endsThrough(ctx, local, inner, 0);
    }
    if (guard) return true;
    // Reached through a helper: the helper's call may be the guarded one.
    for (let s = scope; s.via !== undefined; s = s.via.from) {
      if (guarded(ctx, once, s.via.call, s.via.from.body, s.via.from.counter, s.via.from.construct)) return true;
    }
    // Through a helper of this file: a send the helper makes only in its give-up branch
    // (`else: webhook.active = False; notify_admins()` after `if failed < MAX`) is sent once.
    if (marksOwnGuard(ctx, candidate.node) || leavesSelection(ctx, candidate.node, scope)) return true;
    // A sweep's store write that moves the record out of the selection before the send.
    if (movedOutBefore(ctx, candidate.node, scope)) return true;
    const called = isCall(candidate.node, ctx.family) ? resolveLocalFunction(ctx, candidate.node) : null;
    if (called !== null && scope.selection !== undefined && claimsOutOfSelection(ctx, called, scope.selection)) return true;
    for (let s = scope; s.via !== undefined; s = s.via.from) if (marksOwnGuard(ctx, s.via.call)) return true;
    const inner = reachedInner(candidate);
    // In a sweep, a helper on the way to the send that marks its own guard before going on to it.
    if (scope.selection !== undefined && inner !== undefined && inner.id !== candidate.node.id && marksGuardOnTheWay(ctx, candidate.node, inner, marksOwnGuard)) return true;
    // `transaction.on_commit(lambda: notify(…))`: the helper is the function around the callback.
    const helper = inner && namedEnclosingFunction(inner, ctx.family);
    // A retried function that claims a record by a dedup key before it sends stops on the next attempt.
    const retried = enclosingFunction(candidate.node, ctx.family);
    if (retried !== null && functionBody(retried)?.id === scope.body.id && claimsOnce(ctx, retried)) return true;
    // Or it claims the record in hand on the way to the send (`get_or_create(loan=loan, …)`, then `if not created: continue`).
    if (claimedOnTheWay(ctx, candidate.node, scope.body)) return true;
    // Or it sends only where its lookup found nothing, after creating what the lookup looks for (find-or-create).
    if (sentOnlyWhenCreated(ctx, candidate.node, scope.body)) return true;
    const innerFn = inner !== undefined && inner.id !== candidate.node.id ? enclosingFunction(inner, ctx.family) : null;
    const innerBody = innerFn === null ? null : functionBody(innerFn);
    if (inner !== undefined && innerBody != null && sentOnlyWhenCreated(ctx, inner, innerBody)) return true;
    // It stops unless a helper claimed the record with a conditional update (`if (!(await markSendAttempt(id))) return`).
    if (claimedFirst(ctx, candidate)) return true;
    return inner !== undefined && helper != null && !contains(helper, candidate.node) && (guarded(ctx, once, inner, helper, undefined) !== false || marksOwnGuard(ctx, inner) || claimsOnce(ctx, helper));
  },
};

/**
 * Before the send, a helper's falsy answer stops the way (`claim-guards.ts`), and the helper claims
 * the record with a conditional update (`claims-by-update.ts`): read here for a function of this
 * file; for one of another file the candidate takes the condition that it does not claim, which the
 * link step asks of that function's body.
 */
function claimedFirst(ctx: FileContext, candidate: Candidate): boolean {
  for (const call of claimGuards(ctx, candidate.node)) {
    const local = resolveLocalFunction(ctx, call);
    if (local !== null) {
      if (claimsByUpdate(ctx, local)) return true;
      continue;
    }
    const path = calleePath(ctx, call);
    const requires = (candidate.requires ??= []);
    if (projectImportOf(ctx, path) !== undefined && !requires.some((r) => r.kind === 'unclaimed' && r.local === path)) requires.push({ kind: 'unclaimed', local: path });
  }
  return false;
}

/**
 * The call is guarded to one attempt inside its own function (`if (attemptsMade >= maxAttempts - 1)`,
 * `if not already_sent:`): read for the cross-file summary, where the caller's retry has no counter
 * of its own to test. A key stored right after the call counts too.
 */
export function guardedInOwnFunction(ctx: FileContext, node: Node): boolean {
  const fn = enclosingFunction(node, ctx.family);
  const body = fn && functionBody(fn);
  if (!body) return false;
  const once = ctx.memo('once-words', () => new WordSet(ctx.vocab.once_words));
  return guarded(ctx, once, node, body, undefined) !== false;
}

/**
 * The send runs only while a record's field still holds what it started with, and the function
 * sets that same field before it sends: `if n.welcome_time: return n` … `n.welcome_time = now;
 * n.save()` … send (or a helper of this file handed the record sets it). A run that sent left the
 * record marked, so the next attempt stops at the guard. Or it writes the flag the guard reads as
 * the first step after the send that can fail (`flagMarkedRightAfter`).
 */
export function marksOwnGuard(ctx: FileContext, node: Node): boolean {
  // Asked of every send site (per key list and per matcher): answered once per node.
  return ownGuards(ctx, node.id, () => findsOwnGuard(ctx, node));
}

const ownGuards = answeredOnce<number, boolean>('marks-own-guard');

function findsOwnGuard(ctx: FileContext, node: Node): boolean {
  const fn = enclosingFunction(node, ctx.family);
  const body = fn && functionBody(fn);
  if (!fn || !body) return false;
  // Or marked right after the send, as the first step that can fail (`flag-marked-after.ts`).
  const after = flagMarkedRightAfter(ctx, node);
  if (after !== null && !unmarkedOnFailure(ctx, node, body, after.map((cond) => ({ cond, stops: true })))) return true;
  const guards = guardConditions(ctx, node, body);
  const fields = new Set(guards.flatMap((g) => fieldsRead(ctx, g.cond)));
  if (fields.size === 0) return false;
  // Set on the way to the send, not in the branch that gives up (`c.status = 'FAILED'; continue`).
  // A mark written after the send is one more step that can fail the attempt with the send made.
  const marked = fieldsSetIn(ctx, body, 0).some((f) => fields.has(f.field) && runsBefore(f.at, node, body)) || storedBefore(ctx, node, body, guards);
  return marked && !unmarkedOnFailure(ctx, node, body, guards);
}

/**
 * `if (deposit.status === Status.COMPLETED) return` … `await Deposit.updateOne({ depositId }, { status:
 * Status.COMPLETED })` … send: the record's row is written through the store, before the send and on
 * every way to it, with a value of the guarded field the guards stop at (read through a status
 * constant or enum member as through a quoted value). The next attempt loads the record marked and
 * stops. A value the guards let through (`'PROCESSING'` under `=== 'COMPLETED'`) marks nothing.
 */
function storedBefore(ctx: FileContext, node: Node, body: Node, guards: Guard[]): boolean {
  const earlier = callsWithin(ctx, body).filter((c) => c.endIndex <= node.startIndex);
  for (const { record, prop, field } of recordFields(ctx, guards)) {
    for (const call of earlier) {
      const values = storedValues(ctx, call, record, prop);
      // Stored by the time of the send: a write in a transaction that commits after it is lost with the attempt.
      if (values === null || !runsBefore(statementOf(call), node, body) || !storedBy(ctx, call, node, body, (c) => runsBefore(statementOf(c), node, body))) continue;
      if (values.some((v) => stopsAt(guards, field, literalValue(v), record))) return true;
    }
  }
  return false;
}

/** `record.field` read by the guards, split into the record's name and its field. */
function recordFields(ctx: FileContext, guards: Guard[]): { record: string; prop: string; field: string }[] {
  const fields = new Set(guards.flatMap((g) => fieldsRead(ctx, g.cond)));
  return [...fields].flatMap((field) => {
    const m = /^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)$/.exec(field);
    return m === null ? [] : [{ record: m[1]!, prop: m[2]!, field }];
  });
}

/** Some guard stops the send when `field` holds `value`: an early exit's condition holds, or the `if` around the send fails. */
function stopsAt(guards: Guard[], field: string, value: FieldValue | undefined, record: string): boolean {
  return value !== undefined && guards.some((g) => evaluateWith(g.cond, field, value, record) === g.stops);
}

/** A condition the send waits on, and whether its truth stops the send (an early exit) or lets it run (the `if` around it). */
interface Guard {
  cond: Node;
  stops: boolean;
}

/**
 * The handler of a try around the send sets the guarded field back to a value the guards let
 * through (`catch { task.status = 'PENDING' }` under `if (task.status === 'PROCESSING' ||
 * task.status === 'COMPLETED') return`): a step failing after the send unmarks the record, and the
 * next attempt sends again. A value the guards still stop at (`'FAILED'` under `!= 'created'`),
 * or one they cannot be read for, keeps the mark.
 */
function unmarkedOnFailure(ctx: FileContext, node: Node, top: Node, guards: Guard[]): boolean {
  for (let n: Node = node, p: Node | null = node.parent; p !== null && n.id !== top.id; n = p, p = p.parent) {
    if (p.type !== 'try_statement' || tryBody(p)?.id !== n.id) continue;
    for (const handler of tryHandlers(p, ctx.family)) {
      // `task.status = 'PENDING'`, or the row written back through the store (`Task.updateOne({ id }, { status: 'PENDING' })`).
      const stored = recordFields(ctx, guards).flatMap(({ record, prop, field }) =>
        callsWithin(ctx, handler.body).flatMap((c) => (storedValues(ctx, c, record, prop) ?? []).map((value) => ({ field, value, record }))),
      );
      for (const set of [...fieldsAssigned(handler.body), ...stored]) {
        const reading = guards.filter((g) => fieldsRead(ctx, g.cond).includes(set.field));
        if (reading.length === 0) continue;
        const record = set.field.split('.')[0];
        // `status: exhausted ? 'abandoned' : 'failed'`: either value may be written; one the guards let through unmarks.
        for (const value of possibleValues(set.value).map(literalValue)) {
          if (value !== undefined && reading.every((g) => evaluateWith(g.cond, set.field, value, record) === !g.stops)) return true;
        }
      }
    }
  }
  return false;
}

/** The values an expression may come to: each branch of a conditional (`a ? b : c`, `b if a else c`), else itself. */
function possibleValues(node: Node | null): (Node | null)[] {
  const n = unwrapParens(node);
  if (n?.type === 'ternary_expression') return [...possibleValues(n.childForFieldName('consequence')), ...possibleValues(n.childForFieldName('alternative'))];
  if (n?.type === 'conditional_expression' && n.namedChildren.length === 3) return [...possibleValues(n.namedChildren[0]!), ...possibleValues(n.namedChildren[2]!)];
  return [node];
}

/** `record.field = value` assignments under `node`. */
function fieldsAssigned(node: Node): { field: string; value: Node | null }[] {
  return node.descendantsOfType(['assignment', 'assignment_expression']).flatMap((a) => {
    const left = a.childForFieldName('left');
    return left && FIELD_TYPES.includes(left.type) && left.firstNamedChild?.type === 'identifier' ? [{ field: left.text.replace(/\s+/g, ''), value: a.childForFieldName('right') }] : [];
  });
}

/**
 * In a loop over records selected by their status, the record is moved out of the selection
 * before the send (`s.status = 'CONFIRMED'` where the query takes SUBMITTED and FAILED): the next
 * run does not select it again; so does a done flag set (`n.sent = True` where the query takes `sent=False`).
 * A state it may still be selected in (`u.status = 'FAILED'`) does not count.
 */
export function leavesSelection(ctx: FileContext, node: Node, scope: NonNullable<Candidate['scope']>): boolean {
  const selection = scope.selection;
  if (selection === undefined) return false;
  for (const a of scope.body.descendantsOfType(['assignment', 'assignment_expression'])) {
    if (a.startIndex >= node.startIndex) break;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    const field = left && FIELD_TYPES.includes(left.type) && left.firstNamedChild?.text === selection.record ? (left.childForFieldName('attribute') ?? left.childForFieldName('property'))?.text : undefined;
    const selected = field === undefined ? undefined : selection.fields.get(field);
    if (selected === undefined || !leavesValues(selected, right, (n) => selectedValue(ctx, field!, n))) continue;
    if (runsBefore(a, node, scope.body) && savedBetween(ctx, a, node, scope.body, selection.record)) return true;
  }
  return false;
}

/**
 * The record is written back between the move and the send (`s.save()`, `repo.save(s)`): a move
 * kept only in memory until a later save (`finally { await transaction.save() }`) is lost when
 * that save fails, and the next run selects the record again.
 */
function savedBetween(ctx: FileContext, move: Node, node: Node, top: Node, record: string): boolean {
  const writes = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  for (const call of top.descendantsOfType(callTypes(ctx.family) as string[])) {
    if (call.startIndex < move.endIndex) continue;
    if (call.startIndex >= node.startIndex) break;
    // A write method of the store (`record_write_methods`): `s.save(…)`, `repo.save(s)`, not `events.emit('paid', s)`.
    if (!writes.has(lastSegment(calleePath(ctx, call)))) continue;
    const receiver = unwrapAwait(call.childForFieldName('function')?.childForFieldName('object') ?? null);
    const onRecord = receiver?.text === record || callArguments(call).some((a) => unwrapAwait(a)?.text === record);
    let statement: Node = call;
    while (statement.parent !== null && statement.parent.type !== 'block' && statement.parent.type !== 'statement_block' && statement.parent.id !== top.id) statement = statement.parent;
    if (onRecord && runsBefore(statement, node, top)) return true;
  }
  return false;
}

/**
 * A helper a sweep hands each selected record to that first claims it with a conditional update
 * moving it out of the selection (`findOneAndUpdate({ payoutId, status: 'pending' }, { $set: {
 * status: 'processing' } })`) and stops when nothing was claimed (`if (!payout) throw …`): a record
 * it sent for is no longer selected, so the next run does not send for it again.
 */
function claimsOutOfSelection(ctx: FileContext, fn: Node, selection: NonNullable<NonNullable<Candidate['scope']>['selection']>): boolean {
  const body = functionBody(fn);
  if (body === null) return false;
  const statements = blockStatements(body);
  for (let i = 0; i < statements.length; i++) {
    const st = statements[i]!;
    const declarator = st.type === 'lexical_declaration' || st.type === 'variable_declaration' ? st.namedChildren.find((c) => c.type === 'variable_declarator') : st.type === 'expression_statement' ? st.firstNamedChild : null;
    const claimed = declarator?.childForFieldName('name') ?? declarator?.childForFieldName('left');
    const call = unwrapAwait(declarator?.childForFieldName('value') ?? declarator?.childForFieldName('right') ?? null);
    if (claimed?.type !== 'identifier' || call === null || !isCall(call, ctx.family)) continue;
    // `findOneAndUpdate(filter, update)`, or Django's `filter(…).update(…)` (the filter is the receiver's call).
    const receiver = unwrapAwait(call.childForFieldName('function')?.childForFieldName('object') ?? null);
    const [first, second] = callArguments(call);
    const [filter, update] = second !== undefined ? [first, second] : receiver !== null && isCall(receiver, ctx.family) ? [receiver.childForFieldName('arguments'), call.childForFieldName('arguments')] : [undefined, undefined];
    if (filter == null || update == null || !movesOut(filter, update, selection)) continue;
    // `const payout = claimed?.value; if (!payout) throw …`: the claim's result, read directly or through one binding.
    const names = new Set([claimed.text]);
    for (const later of statements.slice(i + 1)) {
      const d = later.type === 'lexical_declaration' || later.type === 'variable_declaration' ? later.namedChildren.find((c) => c.type === 'variable_declarator') : null;
      const name = d?.childForFieldName('name');
      if (name?.type === 'identifier' && namesUnder(d?.childForFieldName('value') ?? name).some((n) => names.has(n))) {
        names.add(name.text);
        continue;
      }
      if (later.type !== 'if_statement') return false;
      const cond = unwrapParens(later.childForFieldName('condition'));
      const negated = cond?.type === 'unary_expression' || cond?.type === 'not_operator' ? (cond.childForFieldName('argument') ?? cond.lastNamedChild) : null;
      const branch = later.childForFieldName('consequence');
      const last = branch === null ? undefined : blockStatements(branch).at(-1);
      return negated != null && names.has(unwrapParens(negated)?.text ?? '') && last !== undefined && (isExit(last, ctx.family) || last.type === 'throw_statement' || last.type === 'raise_statement');
    }
    return false;
  }
  return false;
}

/** The filter takes a selected value of a field and the update sets that field to one the selection does not take. */
function movesOut(filter: Node, update: Node, selection: NonNullable<NonNullable<Candidate['scope']>['selection']>): boolean {
  const entries = (n: Node) => [
    ...[n, ...n.descendantsOfType(['object', 'dictionary'])].filter((o) => o.type === 'object' || o.type === 'dictionary').flatMap((o) => literalEntries(o)),
    ...n.descendantsOfType('keyword_argument').flatMap((a) => {
      const kw = keywordArgument(a);
      return kw === null ? [] : [{ key: kw.name, value: kw.value }];
    }),
  ];
  const value = (n: Node) => stringValue(n)?.toLowerCase();
  const filtered = entries(filter).filter((e) => selection.fields.get(e.key)?.has(value(e.value) ?? '\0'));
  return filtered.some((f) => entries(update).some((e) => e.key === f.key && value(e.value) !== undefined && !selection.fields.get(f.key)!.has(value(e.value)!)));
}

/** Every run that reaches `node` ran `step` first: between them and their common block only blocks, tries and `with`s. */
function runsBefore(step: Node, node: Node, top: Node): boolean {
  if (step.endIndex > node.startIndex) return false;
  for (let p = step.parent; p !== null && p.id !== top.id; p = p.parent) {
    // The first container that holds both must be a block: an `if` or `try` holding both means
    // another branch or the handler.
    if (contains(p, node)) return p.type === 'block' || p.type === 'statement_block';
    if (!STRAIGHT.has(p.type)) return false;
  }
  return contains(top, node);
}

const STRAIGHT = new Set(['expression_statement', 'block', 'statement_block', 'try_statement', 'with_statement', 'with_clause']);

/** Conditions of the `if`s that hold `node` and of the early exits before it, up to `top`. */
function guardConditions(ctx: FileContext, node: Node, top: Node): Guard[] {
  const out: Guard[] = [];
  for (let n: Node = node, p: Node | null = node.parent; p !== null && n.id !== top.id; n = p, p = p.parent) {
    if (p.type === 'block' || p.type === 'statement_block') {
      for (const st of blockStatements(p)) {
        if (st.startIndex >= n.startIndex) break;
        const cond = st.type === 'if_statement' ? unwrapParens(st.childForFieldName('condition')) : null;
        const exit = st.childForFieldName('consequence');
        if (cond && exit && endsInExit(exit, ctx.family)) out.push({ cond, stops: true });
      }
    }
    // The branch holding the send runs it while its condition holds; the branches before it stop it.
    if (p.type === 'if_statement') for (const b of ifChain(p, ctx.family)) if (b.condition) out.push({ cond: b.condition, stops: !contains(b.body, node) });
  }
  return out;
}

/** `record.field` texts a condition reads. */
function fieldsRead(ctx: FileContext, cond: Node): string[] {
  // Asked of each guard of every send site in a function: walked once per condition.
  return fieldsReadBy(ctx, cond.id, () => readFields(cond));
}

const fieldsReadBy = answeredOnce<number, string[]>('fields-read');

function readFields(cond: Node): string[] {
  const all = FIELD_TYPES.includes(cond.type) ? [cond, ...cond.descendantsOfType(FIELD_TYPES)] : cond.descendantsOfType(FIELD_TYPES);
  return all.filter((a) => a.firstNamedChild?.type === 'identifier').map((a) => a.text.replace(/\s+/g, ''));
}

const FIELD_TYPES = ['attribute', 'member_expression'];

/**
 * `record.field` targets assigned in `body`, and those a helper of this file sets on a record it
 * is handed, each with the statement (or the helper's call) that sets it.
 */
function fieldsSetIn(ctx: FileContext, body: Node, depth: number): { field: string; at: Node }[] {
  // Asked for the whole function around every send site: walked once per body.
  return fieldsSet(ctx, depth > 0 ? -body.id - 1 : body.id, () => findFieldsSetIn(ctx, body, depth));
}

const fieldsSet = answeredOnce<number, { field: string; at: Node }[]>('fields-set-in');

function findFieldsSetIn(ctx: FileContext, body: Node, depth: number): { field: string; at: Node }[] {
  const out: { field: string; at: Node }[] = [];
  for (const a of body.descendantsOfType(['assignment', 'assignment_expression'])) {
    const left = a.childForFieldName('left');
    if (left && FIELD_TYPES.includes(left.type) && left.firstNamedChild?.type === 'identifier') out.push({ field: left.text.replace(/\s+/g, ''), at: a });
  }
  if (depth > 0) return out;
  for (const call of callsWithin(ctx, body)) {
    const helper = resolveLocalFunction(ctx, call);
    const inner = helper && functionBody(helper);
    if (!helper || !inner) continue;
    const params = functionParameters(helper);
    callArguments(call).forEach((arg, i) => {
      const param = params[i];
      if (arg.type !== 'identifier' || param === undefined) return;
      for (const f of fieldsSetIn(ctx, inner, depth + 1)) if (f.field.startsWith(`${param}.`)) out.push({ field: `${arg.text}${f.field.slice(param.length)}`, at: call });
    });
  }
  return out;
}

/**
 * An `if` between `node` and `top` whose conditions test the attempt counter or a once-word, or
 * an early exit before `node` on such a test (`if already_sent(key): continue`).
 */
/** A guard made by a key stored after the send (`marksKey`): it holds when the send is the step the key follows. */
const MARKED = 'marked';

function guarded(ctx: FileContext, once: WordSet, node: Node, top: Node, counter: string | undefined, loop?: Node): boolean | typeof MARKED {
  const testsOnce = (cond: Node, counterToo = true, exits = false) => {
    const names = namesUnder(cond);
    return (counterToo && counter !== undefined && names.includes(counter)) || names.some((n) => once.anyWordOf(n) && !unrecordedLookup(ctx, n, cond, top) && !(exits && leavesWhenAbsent(ctx, n, cond)));
  };
  for (let n: Node = node, p: Node | null = node.parent; p !== null && n.id !== top.id; n = p, p = p.parent) {
    if (p.type === 'block' || p.type === 'statement_block') {
      for (const st of blockStatements(p)) {
        if (st.startIndex >= n.startIndex) break;
        const cond = st.type === 'if_statement' ? unwrapParens(st.childForFieldName('condition')) : null;
        const exit = st.childForFieldName('consequence');
        if (cond && exit && endsInExit(exit, ctx.family) && ((testsOnce(cond, true, true) && !markedLate(ctx, cond, node, top) && !fieldMarkedLate(ctx, once, cond, node, top)) || skipsSavedDone(ctx, cond, top))) return true;
      }
    }
    if (p.type !== 'if_statement' || p.id === top.id) continue;
    for (const branch of ifChain(p, ctx.family)) {
      if (!contains(branch.body, node)) continue;
      if (branch.condition && marksKey(ctx, branch.condition, branch.body, node)) return MARKED;
      const conditions = ifChain(p, ctx.family).flatMap((b) => (b.condition ? [b.condition] : []));
      // `if (attempt + 1 >= opts.alertAfterRetries)`: a branch of every attempt from some point on, not of one.
      const spread = (cond: Node) => cond.id === branch.condition?.id && counter !== undefined && loop !== undefined && !endsGivingUp(branch.body, ctx.family) && spreadsOverAttempts(cond, counter, loop, ctx);
      // With no loop counter (a sweep over records, a job's body), the record's own counter column
      // reaching its limit (`pending.attempts >= parseInt(process.env.PAYMENT_ATTEMPTS)`) is the last attempt.
      const lastOfRecord = (cond: Node) => counter === undefined && reachesAttemptLimit(ctx, cond);
      for (const cond of conditions) if ((testsOnce(cond, !spread(cond)) || lastOfRecord(cond)) && !fieldMarkedLate(ctx, once, cond, node, top)) return true;
    }
  }
  return false;
}

/**
 * `if (succeeded.has(channel)) continue`, where `succeeded` is read from the job
 * (`new Set(job.progress.succeeded)`) and saved back to it through a job-state call
 * (`job.updateProgress({ succeeded: [...succeeded] })`, vocabulary `retry.job_state_saves`): an
 * item finished on an earlier attempt is skipped on the next.
 */
function skipsSavedDone(ctx: FileContext, cond: Node, top: Node): boolean {
  const saves = compiledOnce(ctx.vocab, 'job-state-saves', () => new NamePatterns(ctx.vocab.retry.job_state_saves));
  if (saves.empty) return false;
  const calls = callTypes(ctx.family) as string[];
  const tests = isCall(cond, ctx.family) ? [cond, ...cond.descendantsOfType(calls)] : cond.descendantsOfType(calls);
  for (const test of tests) {
    const m = /^([A-Za-z_$][\w$]*)\.(has|includes)$/.exec(calleePath(ctx, test));
    if (m === null) continue;
    const set = m[1]!;
    for (const save of callsWithin(ctx, top)) {
      const path = calleePath(ctx, save);
      const receiver = path.split('.')[0] ?? '';
      if (!path.includes('.') || !saves.matches(lastSegment(path)) || !callArguments(save).some((a) => namesUnder(a).includes(set))) continue;
      const bound = lastBindingBefore(ctx, set, cond);
      if (bound !== null && namesUnder(bound).includes(receiver)) return true;
    }
  }
  return false;
}

/**
 * `if not participants.exists(): return 0`: an early exit taken when the lookup finds nothing (there
 * is nothing to do), so every run that goes on to the send found the same records again: no sign
 * of an earlier send. Only the bare `exists` call, every one in the condition negated; wrapped
 * around the send (`if not Sent.objects.filter(…).exists(): send()`) the same test does guard.
 */
function leavesWhenAbsent(ctx: FileContext, name: string, cond: Node): boolean {
  if (name !== 'exists') return false;
  const calls = (isCall(cond, ctx.family) ? [cond, ...cond.descendantsOfType(callTypes(ctx.family) as string[])] : cond.descendantsOfType(callTypes(ctx.family) as string[])).filter((c) => lastSegment(calleePath(ctx, c)) === 'exists');
  return calls.length > 0 && calls.every((c) => {
    let up: Node | null = c.parent;
    while (up !== null && (up.type === 'parenthesized_expression' || up.type === 'await' || up.type === 'await_expression')) up = up.parent;
    return up !== null && (up.type === 'not_operator' || (up.type === 'unary_expression' && up.childForFieldName('operator')?.text === '!'));
  });
}

/**
 * `if ballot_request.action.event_set.filter(event_type=DOWNLOAD).exists(): return`: a query that
 * asks whether something else happened (the voter downloaded the form), not whether this run
 * sent, when the run writes nothing through the queried collection. Only the bare `exists` of such
 * a query; a name that says so (`already_sent`, `exists_in_cache(key)`) still guards.
 */
function unrecordedLookup(ctx: FileContext, name: string, cond: Node, top: Node): boolean {
  if (name !== 'exists') return false;
  const calls = callTypes(ctx.family) as string[];
  const query = compiledOnce(ctx.vocab, 'record-query-exists', () =>
    new RegExp(`^(.+?)\\.(?:${ctx.vocab.record_query_methods.map(escapeRegExp).join('|') || '(?!)'})\\(\\)(?:\\.[\\w()]+)*\\.exists$`),
  );
  const lookups = (isCall(cond, ctx.family) ? [cond, ...cond.descendantsOfType(calls)] : cond.descendantsOfType(calls)).flatMap((c) => {
    const m = query.exec(calleePath(ctx, c));
    return m?.[1] === undefined ? [] : [m[1]];
  });
  if (lookups.length === 0) return false;
  const writes = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  return lookups.every((base) => !callsWithin(ctx, top).some((c) => {
    const path = calleePath(ctx, c);
    return path.startsWith(`${base}.`) && writes.has(lastSegment(path));
  }));
}

/**
 * `pending.attempts >= parseInt(process.env.PAYMENT_ATTEMPTS)`, `job.attemptsMade === job.opts.attempts`,
 * `row.retry_count >= self.max_retries`: a conjunct that holds once a counter field of a record or job
 * has reached its limit. A record whose counter is at its limit has had its last attempt (the sweep
 * selects it no more), so a branch taken then runs once. The counter is a field whose name ends in
 * a counter word (`retry.due_counter_words`, then maybe `retry.counter_tail_words`: `retry_count`):
 * `retry_state`, `last_attempt_status` name no count. The limit names a maximum (`max_retries`,
 * `PAYMENT_ATTEMPTS`, `opts.attempts`), and no threshold word (`ALERT_AFTER`) says it only starts
 * the branch for every later attempt. Against a bare number the limit is unknown, and only an
 * equality confines the branch to one attempt.
 */
function reachesAttemptLimit(ctx: FileContext, cond: Node): boolean {
  const counters = wordSet(ctx, 'due_counter_words', ctx.vocab.retry.due_counter_words);
  const tails = wordSet(ctx, 'counter_tail_words', ctx.vocab.retry.counter_tail_words);
  const limits = wordSet(ctx, 'limit_words', ctx.vocab.retry.limit_words);
  const thresholds = wordSet(ctx, 'threshold_words', ctx.vocab.retry.threshold_words);
  const counterField = (n: Node) => {
    if (n.type !== 'member_expression' && n.type !== 'attribute') return false;
    const words = splitWords(accessedField(n)?.field ?? '');
    while (words.length > 1 && tails.has(words.at(-1) ?? '')) words.pop();
    return counters.has(words.at(-1) ?? '');
  };
  const namedLimit = (n: Node) => {
    const words = splitWords(n.text).filter((w) => !/^\d+$/.test(w));
    return words.some((w) => limits.has(w)) || (counters.has(words.at(-1) ?? '') && !words.some((w) => thresholds.has(w)));
  };
  return conjunctsOf(cond).some((c) => {
    const parts = c.type === 'binary_expression' || (c.type === 'comparison_operator' && c.namedChildCount === 2) ? [c.namedChild(0), c.namedChild(1)] : [];
    const [left, right] = parts;
    const op = c.children.find((k) => !k.isNamed)?.type;
    if (left == null || right == null || op === undefined) return false;
    const onLeft = counterField(left);
    if (onLeft === counterField(right)) return false;
    const limit = onLeft ? right : left;
    if (['==', '===', 'is'].includes(op)) return /^\d+$/.test(limit.text) || namedLimit(limit);
    const atLeast = onLeft ? op === '>=' || op === '>' : op === '<=' || op === '<';
    return atLeast && namedLimit(limit);
  });
}

/** The branch leaves the loop at its end (`return`, `break`, `raise`): whatever it sends, it sends on one attempt. */
function endsGivingUp(branch: Node, family: FileContext['family']): boolean {
  const last = branch.type === 'block' || branch.type === 'statement_block' ? blockStatements(branch).at(-1) : branch;
  return last !== undefined && (isExit(last, family) || isRaise(last, family));
}

/** Dotted names of a text (`opts.maxRetries`, `MAX_ATTEMPTS`). */
const DOTTED = /[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*/g;

/**
 * The condition bounds the attempt counter of `loop` only from one side, at a point that is not the
 * loop's first or last attempt: `attempt + 1 >= opts.alertAfterRetries` where the loop runs to
 * `opts.maxRetries`, `attempt > 0`, `attempt < max_retries - 1`. The branch runs on every attempt
 * past (or before) that point. A comparison with the loop's own limit (`attempt >= MAX_ATTEMPTS - 1`,
 * `attempt >= 2` in `range(3)`) or with the first attempt (`attempt < 1`), an equality, or a
 * condition of any other shape still confines the branch to one attempt.
 */
function spreadsOverAttempts(cond: Node, counter: string, loop: Node, ctx: FileContext): boolean {
  const body = loopBody(loop);
  if (body === null) return false;
  // Everything of the loop but its body: a `do … while (tries < max)` names its limit after it.
  const header = ctx.source.slice(loop.startIndex, body.startIndex) + ' ' + ctx.source.slice(body.endIndex, loop.endIndex);
  const headerNames = new Set([...header.matchAll(DOTTED)].map((m) => m[0].replace(/\s+/g, '')).filter((n) => n !== counter));
  // The limit's numbers: of the loop's condition (`tries < 3`) or iterable (`range(3)`), not of `let tries = 0`.
  const limit = loop.childForFieldName('condition') ?? (loop.type === 'for_statement' ? loop.childForFieldName('right') : null);
  const headerNumbers = [...(limit?.text ?? header).matchAll(/\b\d+\b/g)].map((m) => Number(m[0]));
  const conjuncts = conjunctsOf(cond);
  let spreads = false;
  for (const c of conjuncts) {
    if (!namesUnder(c).includes(counter)) continue;
    const verdict = counterRay(c, counter, headerNames, headerNumbers);
    if (verdict !== 'spread') return false;
    spreads = true;
  }
  return spreads;
}

/** A comparison `counter ⋚ bound` (either way round): `spread` when it holds on a run of attempts that starts or ends at neither end of the loop. */
function counterRay(c: Node, counter: string, headerNames: Set<string>, headerNumbers: number[]): 'spread' | 'once' {
  let left: Node | null;
  let right: Node | null;
  let op: string | undefined;
  if (c.type === 'binary_expression') {
    left = c.childForFieldName('left');
    right = c.childForFieldName('right');
    op = c.childForFieldName('operator')?.type;
  } else if (c.type === 'comparison_operator' && c.namedChildCount === 2) {
    left = c.namedChild(0);
    right = c.namedChild(1);
    op = c.children.find((k) => !k.isNamed)?.type;
  } else return 'once';
  if (left === null || right === null || op === undefined || !['<', '<=', '>', '>='].includes(op)) return 'once';
  const onLeft = namesUnder(left).includes(counter);
  if (onLeft === namesUnder(right).includes(counter)) return 'once';
  const counterSide = onLeft ? left : right;
  const other = onLeft ? right : left;
  // Counter at least the other side (`attempt >= n`, `n <= attempt`), or at most it.
  const atLeast = onLeft === (op === '>' || op === '>=');
  const names = [...other.text.matchAll(DOTTED)].map((m) => m[0].replace(/\s+/g, ''));
  if (names.some((n) => headerNames.has(n))) return 'once';
  const literal = /^\d+$/.test(other.text) && counterSide.text === counter ? Number(other.text) : null;
  if (names.length === 0 && literal === null) return 'once';
  if (literal !== null) {
    // The first value the branch runs at (`> 1` → 2), or the last (`< 1` → 0).
    const edge = atLeast ? (op === '>' || op === '<' ? literal + 1 : literal) : op === '<' || op === '>' ? literal - 1 : literal;
    if (atLeast ? headerNumbers.length > 0 && edge >= Math.max(...headerNumbers) - 1 : edge <= 0) return 'once';
  }
  return 'spread';
}

function endsInExit(branch: Node, family: FileContext['family']): boolean {
  const last = branch.type === 'block' || branch.type === 'statement_block' ? blockStatements(branch).at(-1) : branch;
  return last !== undefined && (isExit(last, family) || last.type === 'continue_statement');
}

/**
 * `entry = cache.get(key)`, `if not entry.is_found: send(…); cache.set(key, "SENT")`: the branch
 * looks a key up and, after the send, stores under the same key, so the send happens once per key.
 */
function marksKey(ctx: FileContext, condition: Node, body: Node, node: Node): boolean {
  const calls = callTypes(ctx.family) as string[];
  const lookups = [...condition.descendantsOfType(calls)];
  if (isCall(condition, ctx.family)) lookups.push(condition);
  for (const name of namesUnder(condition)) {
    const bound = unwrapAwait(lastBindingBefore(ctx, name, condition));
    if (bound !== null && isCall(bound, ctx.family)) lookups.push(bound);
  }
  // Only a name built as a key (`cache_key`, `sentKey`): an id passed to a lookup and an update marks nothing.
  const markers = ctx.memo('marker-key-words', () => new WordSet(ctx.vocab.marker_key_words));
  const keys = new Set(lookups.flatMap((c) => callArguments(c).filter((a) => a.type === 'identifier' && markers.anyWordOf(a.text)).map((a) => a.text)));
  if (keys.size === 0) return false;
  const mark = body.descendantsOfType(calls).find(
    (c) => c.startIndex > node.endIndex && callArguments(c).some((a) => a.type === 'identifier' && keys.has(a.text)),
  );
  return mark !== undefined && nothingFailsBetween(ctx, node, mark);
}

/**
 * `const sent = await redis.get(dedupeKey); if (sent) return` … send … later steps …
 * `await redis.set(dedupeKey, …)`: the flag the guard reads is stored under the same key only after
 * steps that can fail, so an attempt that sent and then failed left no flag, and the next one
 * sends again. The key is the lookup's first argument (or the value its name is bound to) given to
 * a later call of another method. When no such store is in sight the guard is believed.
 */
function markedLate(ctx: FileContext, cond: Node, node: Node, top: Node): boolean {
  const calls = callTypes(ctx.family) as string[];
  const lookups = [...cond.descendantsOfType(calls)];
  if (isCall(cond, ctx.family)) lookups.push(cond);
  for (const name of namesUnder(cond)) {
    const bound = unwrapAwait(lastBindingBefore(ctx, name, cond));
    if (bound !== null && isCall(bound, ctx.family)) lookups.push(bound);
  }
  for (const lookup of lookups) {
    const key = callArguments(lookup)[0];
    if (key === undefined) continue;
    const keyTexts = new Set([key.text]);
    if (key.type === 'identifier') {
      const bound = lastBindingBefore(ctx, key.text, lookup);
      if (bound !== null) keyTexts.add(bound.text);
    }
    const method = lastSegment(calleePath(ctx, lookup));
    const mark = callsWithin(ctx, top).find((c) => {
      if (c.startIndex <= node.endIndex || lastSegment(calleePath(ctx, c)) === method) return false;
      const first = callArguments(c)[0];
      return first !== undefined && keyTexts.has(first.text);
    });
    if (mark !== undefined) return !nothingFailsBetween(ctx, node, mark);
  }
  return false;
}

/**
 * `if (!budget.lastAlertSent) { await sendEmail(…); await db.budget.update({ data: { lastAlertSent:
 * new Date() } }) }`, `if (!p.expiryNotified) { push(…); markUserPromoExpiryNotified(p.id) }`: the
 * record's sent-flag the guard reads is written only after the send, by a call that can fail (the
 * update itself, or a save after the assignment), and not before it on the way. An attempt that
 * sent and then failed there left the flag unset, and the next attempt (a retry, the next run of a
 * schedule) passes the guard and sends again. Only a record's field named with a once-word counts
 * (`lastAlertSent`, `expiryNotified`); a local flag (`sent = true`) lives and dies with the attempt.
 */
function fieldMarkedLate(ctx: FileContext, once: WordSet, cond: Node, node: Node, top: Node): boolean {
  const props = new Set<string>();
  for (const f of fieldsRead(ctx, cond)) {
    const prop = f.split('.').pop() ?? '';
    if (f.includes('.') && once.anyWordOf(prop)) props.add(prop);
  }
  if (props.size === 0) return false;
  const writes = (within: Node, from: number, to: number) => fieldWrites(ctx, within, props, from, to);
  // Written (or claimed) before the send: the guard stops the next attempt.
  const before = writes(top, top.startIndex, node.startIndex);
  if (before.some((w) => !w.unsaved)) return false;
  // A flag written right after the send (nothing that can fail between) is believed, as a key
  // stored right after it is (`markedLate`): only the mark's own failure would repeat the send.
  return writes(top, node.endIndex, top.endIndex).some((w) => !w.unsaved && !nothingFailsBetween(ctx, node, w.at));
}

/**
 * Writes of a record field named in `props` between `from` and `to`: a call whose arguments set it
 * (`update({ data: { lastAlertSent } })`, `updateOne(q, { $set: { reminderSent: true } })`,
 * `.update(notified=True)`), a call named for it (`markUserPromoExpiryNotified(id)`,
 * `set_welcome_sent(user)`), or an assignment (`user.notified = true`), `unsaved` unless a call
 * follows it within the range.
 */
function fieldWrites(ctx: FileContext, within: Node, props: Set<string>, from: number, to: number): { unsaved: boolean; at: Node }[] {
  const out: { unsaved: boolean; at: Node }[] = [];
  const calls = callsWithin(ctx, within).filter((c) => c.startIndex >= from && c.endIndex <= to);
  const propWords = [...props].map((p) => splitWords(p));
  // `markUserPromoExpiryNotified`, `addTrialReminderSent`, `set_welcome_sent`: a write verb first.
  const writeVerbs = compiledOnce(ctx.vocab, 'record-write-verbs', () => new WordSet([...ctx.vocab.record_write_methods, ...ctx.vocab.retry.schedule_mark_words]));
  for (const call of calls) {
    const named = splitWords(lastSegment(calleePath(ctx, call)));
    if (named[0] !== undefined && writeVerbs.has(named[0]) && propWords.some((w) => w.every((x) => named.includes(x)))) {
      out.push({ unsaved: false, at: call });
      continue;
    }
    for (const arg of callArguments(call)) {
      const kw = keywordArgument(arg);
      if (kw !== null && props.has(kw.name.split('__')[0] ?? kw.name)) out.push({ unsaved: false, at: call });
      for (const obj of [arg, ...arg.descendantsOfType(['object', 'dictionary'])]) if (literalEntries(obj).some((e) => props.has(e.key))) out.push({ unsaved: false, at: call });
    }
  }
  for (const a of nodesWithin(ctx, within, ['assignment', 'assignment_expression'])) {
    if (a.startIndex < from || a.endIndex > to) continue;
    const left = a.childForFieldName('left');
    const prop = left && FIELD_TYPES.includes(left.type) ? accessedField(left)?.field : null;
    if (prop == null || !props.has(prop)) continue;
    out.push({ unsaved: !calls.some((c) => c.startIndex > a.endIndex), at: a });
  }
  return out;
}

/**
 * Whether the steps between a send and the call that stores its key, in the block that holds
 * both, cannot fail (`send(…); log(…); cache.set(key)`): a step that fails there leaves the key
 * unset, and the next attempt sends again (`send(…); await uploadReturnFile(…); cache.set(key)`).
 */
function nothingFailsBetween(ctx: FileContext, node: Node, mark: Node): boolean {
  let block: Node | null = mark.parent;
  while (block !== null && !((block.type === 'block' || block.type === 'statement_block') && contains(block, node))) block = block.parent;
  if (block === null) return true;
  const statements = blockStatements(block);
  const from = statements.findIndex((st) => contains(st, node));
  const to = statements.findIndex((st) => contains(st, mark));
  if (from < 0 || to < 0) return true;
  return statements.slice(from + 1, to).every((st) => isInert(ctx, st));
}
