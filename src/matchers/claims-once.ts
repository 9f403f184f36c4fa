import { compiledOnce } from './compiled.js';
import { calleePath, callsWithin, nodesWithin } from './file-index.js';
import { freshPerAttempt, passesKey } from './kinds/idempotency-key.js';
import { reachedCallsOf } from './local-helpers.js';
import { NamePatterns, escapeRegExp } from './names.js';
import { transactionBlockAround } from './record-writes.js';
import { blockStatements, callArguments, functionBody, isCall, isExit, isRaise, keywordArgument, loopVariables, namesUnder, tryBody, tryHandlers, unwrapAwait, unwrapParens, negatedOperand, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/**
 * Whether `fn` claims a record by a stable dedup key before it sends anything, and stops when the
 * record was already there: `outbox, created = Outbox.objects.get_or_create(dedupe_key=key, …)`,
 * then `if not created: return` (`const [row, created] = await Outbox.findOrCreate({ where: {
 * dedupeKey } })`, `if (!created) return`). A second call with the same key sends nothing, so a
 * retry that calls it again does not notify twice. The claim methods are vocabulary
 * (`claim_methods`); a key made afresh per call (`uuid4()`) claims nothing.
 *
 * Or it inserts a row under that key inside a try that leaves on any failure of the insert (`try {
 * await Deliveries.insertOne({ dedupeKey, … }) } catch (err) { if (err.code === 11000) return; throw
 * err }`, `try: Delivery.objects.create(dedupe_key=key) except IntegrityError: return`): a second
 * call meets the duplicate key and leaves before the send (glamzi-backend deliverEmail).
 */
export function claimsOnce(ctx: FileContext, fn: Node): boolean {
  const body = functionBody(fn);
  if (body === null) return false;
  // Most files call no claim method: their claims are looked for only as a guarded insert.
  const named = mentionsClaim(ctx);
  // Without a claim method in the file, only a `try` among the body's statements can claim: a body
  // holding none (most) is answered from the file's index, without reading its statements.
  if (!named && nodesWithin(ctx, body, 'try_statement').length === 0) return false;
  const claims = compiledOnce(ctx.vocab, 'claim-methods', () => new NamePatterns(ctx.vocab.claim_methods));
  const statements = blockStatements(body);
  for (let i = 0; i < statements.length; i++) {
    const inserted = insertClaimOf(ctx, statements[i]!);
    if (inserted !== null) {
      if (!passesKey(ctx, inserted, 'dedup') || freshPerAttempt(ctx, inserted, body, 'dedup')) return false;
      const before = statements.slice(0, i).flatMap((st) => callsWithin(ctx, st));
      return !before.some((c) => reachedCallsOf(ctx, c, 'notification').length > 0);
    }
    const claim = named ? claimOf(ctx, statements[i]!, claims) : null;
    if (claim === null) continue;
    if (!passesKey(ctx, claim.call, 'dedup') || freshPerAttempt(ctx, claim.call, body, 'dedup')) return false;
    const next = statements[i + 1];
    if (next === undefined || !leavesUnlessCreated(ctx, next, claim.created)) return false;
    // A send before the claim is made on every call.
    const before = statements.slice(0, i).flatMap((st) => callsWithin(ctx, st));
    return !before.some((c) => reachedCallsOf(ctx, c, 'notification').length > 0);
  }
  return false;
}

/**
 * Whether, on the way from `top` (what the retry repeats) to the send, a statement before it claims
 * the record the send is about and leaves that record's turn when the claim already existed:
 * `reminder, created = ReminderLog.objects.get_or_create(loan=loan, kind=DUE_SOON)` (even inside
 * a one-statement `with transaction.atomic():`, which commits before the send), then `if not created: continue`, and only later the send. The
 * claim is keyed by a dedup key, or by the record a loop around it walks (`loan=loan`,
 * `{ where: { orderId: order.id } }`): that record comes from the store, so a retried run walks
 * the same record, finds its claim and skips it (`continue` leaves that record's turn only).
 */
export function claimedOnTheWay(ctx: FileContext, send: Node, top: Node): boolean {
  const claims = compiledOnce(ctx.vocab, 'claim-methods', () => new NamePatterns(ctx.vocab.claim_methods));
  if (!mentionsClaim(ctx)) return false;
  for (let n: Node = send, p = send.parent; p !== null && n.id !== top.id; n = p, p = p.parent) {
    if (p.type !== 'block' && p.type !== 'statement_block') continue;
    const statements = blockStatements(p);
    const at = statements.findIndex((st) => st.id === n.id);
    for (let i = 0; i < at - 1; i++) {
      const claim = claimOf(ctx, unwrapWith(statements[i]!), claims);
      if (claim === null || !leavesUnlessCreated(ctx, statements[i + 1]!, claim.created, true)) continue;
      if (freshPerAttempt(ctx, claim.call, top, 'dedup')) continue;
      // A claim in a transaction that also holds the send (`@transaction.atomic`, one `atomic` block, a
      // `$transaction(async (tx) => …)` callback) is rolled back by a later failing step: the retry finds none.
      if (transactionBlockAround(ctx, claim.call, ctx.root, send) !== null) continue;
      if (passesKey(ctx, claim.call, 'dedup') || keyedByWalkedRecord(claim.call, top)) return true;
    }
  }
  return false;
}

/** Whether the file's text names a claim method at all (most files call none). */
function mentionsClaim(ctx: FileContext): boolean {
  const mentions = compiledOnce(ctx.vocab, 'claim-methods-text', () => new RegExp(`\\b(?:${ctx.vocab.claim_methods.map(escapeRegExp).join('|')})\\b`));
  return ctx.vocab.claim_methods.length > 0 && ctx.memo('mentions-claim', () => mentions.test(ctx.source));
}

/** `with transaction.atomic(): x, created = …`: the one statement a `with` holds (a transaction around the claim). */
function unwrapWith(statement: Node): Node {
  if (statement.type !== 'with_statement') return statement;
  const inside = blockStatements(statement.childForFieldName('body'));
  return inside.length === 1 ? inside[0]! : statement;
}

/** The claim's arguments name the record a loop around it (within `top`) walks: `loan=loan`, `order.id`. */
function keyedByWalkedRecord(call: Node, top: Node): boolean {
  // The lookup keys only: `defaults={…}` are the values a new row gets, not what the claim is keyed by.
  const keys = callArguments(call).filter((a) => keywordArgument(a)?.name !== 'defaults');
  const used = new Set(keys.flatMap((a) => namesUnder(a)));
  return loopVariables(call, top).some((name) => used.has(name));
}

/**
 * `try { await X.insertOne(row) } catch (e) { if (dup(e)) return; throw e }`: a try holding one call
 * (sending nothing) whose every handler ends by leaving the function or raising, one of them by a
 * `return`: whether the row was already there or the insert failed, nothing after the try runs.
 */
function insertClaimOf(ctx: FileContext, statement: Node): Node | null {
  if (statement.type !== 'try_statement') return null;
  if (statement.namedChildren.some((c) => c.type === 'finally_clause' || c.type === 'else_clause')) return null;
  const body = tryBody(statement);
  const inside = body === null ? [] : blockStatements(body);
  if (inside.length !== 1) return null;
  const only = inside[0]!;
  const holder = only.type === 'expression_statement' ? only.firstNamedChild : only.type === 'lexical_declaration' || only.type === 'variable_declaration' ? only.namedChildren.find((c) => c.type === 'variable_declarator') : null;
  const value = holder == null ? null : unwrapAwait(holder.type === 'variable_declarator' ? holder.childForFieldName('value') : holder.type === 'assignment' || holder.type === 'assignment_expression' ? holder.childForFieldName('right') : holder);
  if (value === null || !isCall(value, ctx.family) || reachedCallsOf(ctx, value, 'notification').length > 0) return null;
  const handlers = tryHandlers(statement, ctx.family);
  if (handlers.length === 0) return null;
  const leaves = (st: Node): boolean => (isExit(st, ctx.family) && st.type !== 'break_statement' && st.type !== 'continue_statement') || isRaise(st, ctx.family);
  if (!handlers.every((h) => { const last = blockStatements(h.body).at(-1); return last !== undefined && leaves(last); })) return null;
  const returns = handlers.some((h) => h.body.descendantsOfType('return_statement').length > 0);
  return returns ? value : null;
}

/** `a, created = X.get_or_create(…)` / `const [a, created] = await X.findOrCreate(…)`: the call and the flag's name. */
function claimOf(ctx: FileContext, statement: Node, claims: NamePatterns): { call: Node; created: string } | null {
  const binding =
    statement.type === 'expression_statement' ? statement.firstNamedChild : statement.type === 'lexical_declaration' || statement.type === 'variable_declaration' ? statement.namedChildren.find((c) => c.type === 'variable_declarator') : null;
  if (binding == null) return null;
  const target = binding.childForFieldName('left') ?? binding.childForFieldName('name');
  const value = unwrapAwait(binding.childForFieldName('right') ?? binding.childForFieldName('value'));
  if (target === null || value === null || !isCall(value, ctx.family) || !claims.matches(calleePath(ctx, value))) return null;
  if (!['pattern_list', 'tuple_pattern', 'array_pattern'].includes(target.type)) return null;
  const flag = target.namedChildren[1];
  return flag?.type === 'identifier' ? { call: value, created: flag.text } : null;
}

/**
 * `if not created: … return` / `if (!created) return …`: leaves when the record already existed
 * (with `orNext`, a `continue` to the next record counts too).
 */
function leavesUnlessCreated(ctx: FileContext, statement: Node, created: string, orNext = false): boolean {
  if (statement.type !== 'if_statement') return false;
  const cond = unwrapParens(statement.childForFieldName('condition'));
  const negated = cond === null ? null : negatedOperand(cond);
  if (unwrapParens(negated ?? null)?.text !== created) return false;
  const branch = statement.childForFieldName('consequence');
  const last = branch === null ? undefined : blockStatements(branch).at(-1);
  return last !== undefined && ((isExit(last, ctx.family) && last.type !== 'break_statement') || (orNext && last.type === 'continue_statement'));
}
