import { isPassive } from '../call-vocabulary.js';
import { mentionsOutcome, outcomeParamProblem, outcomeWords } from '../outcomes.js';
import { caughtName, namesOfError, testsError } from '../contexts/ambiguous-outcome.js';
import { callee, dottedPath, isCall, lastSegment, type Node } from '../syntax.js';
import { statementOf } from '../scope.js';
import { calleePath } from '../file-index.js';
import { wordSet } from '../compiled.js';
import { splitWords } from '../names.js';
import type { FileContext, Matcher, Scope } from '../types.js';

/**
 * `scope-mentions: <outcome>` — the candidate's scope (set by an earlier `inside:`) mentions the
 * outcome anywhere it guards: the whole timeout handler, or every branch of a status check. Used
 * as `not: { scope-mentions: ambiguous }`: a handler that records `"pending"` or schedules a
 * reconciliation has handled the ambiguity, even if it also marks something failed.
 * A mention in a log line (`log("status unknown")`) handles nothing and does not count.
 */
export const scopeMentionsMatcher: Matcher = {
  kind: 'scope-mentions',
  summary: 'the candidate’s scope mentions an outcome (e.g. ambiguous: pending, unknown, reconcile)',
  validate: outcomeParamProblem,
  test(ctx, param, candidate) {
    const words = outcomeWords(ctx, param ?? '');
    const scope = candidate.scope;
    if (words === undefined || scope === undefined) return false;
    // A branch the scope leaves out (`if (error.message.includes('403')) { … 'Verify your account' … }`,
    // a definite error's) is no part of the ambiguous outcome's handling: what it says handles nothing there.
    const skip = [...branchesDecidedByCount(ctx, candidate.node, scope), ...recordCallees(ctx, candidate.node), ...(scope.excludes ?? [])];
    return mentionsOutcome(scope.guard ?? scope.body, words, (call) => isPassive(ctx, dottedPath(callee(call))) || isLookup(ctx, call), skip);
  },
};

/**
 * `prisma.pendingTransaction.update({ data: { status: 'failed' } })`: the called names of the
 * record's own statement say where it writes (a table of pending transactions), not what it
 * records; the record sets the row failed all the same (Capital-Crew's STK push, batch 33).
 */
function recordCallees(ctx: FileContext, record: Node): Node[] {
  const stop = statementOf(record);
  const out: Node[] = [];
  for (let n: Node | null = record; n !== null; n = n.parent) {
    const fn = isCall(n, ctx.family) ? n.childForFieldName('function') : null;
    if (fn !== null) out.push(fn);
    if (n.id === stop.id) break;
  }
  return out;
}

/**
 * `tx.walletTransaction.findFirst({ where: { status: PENDING } })`, `objects.filter(status="pending")`:
 * a lookup (a `read_verbs` first word, a `record_query_methods` name) selects by the state it names;
 * it records none.
 */
function isLookup(ctx: FileContext, call: Node): boolean {
  const reads = wordSet(ctx, 'read_verbs', ctx.vocab.read_verbs);
  const name = lastSegment(calleePath(ctx, call));
  return reads.has(splitWords(name)[0] ?? '') || ctx.vocab.record_query_methods.includes(name);
}

const HANDLER_CLAUSES = new Set(['catch_clause', 'except_clause']);

/**
 * `retries >= MAX ? STATUS_FAILED : STATUS_PENDING`: the branch opposite the record, when the
 * condition that picks between them does not look at the caught error. The outcome is then
 * decided by a count or a flag, not by what the error says, and a timeout is marked failed as
 * soon as the count runs out; the pending branch handles no ambiguity.
 */
function branchesDecidedByCount(ctx: FileContext, node: Node, scope: Scope): Node[] {
  if (!HANDLER_CLAUSES.has(scope.construct.type)) return [];
  const caught = caughtName({ clause: scope.construct, type: null, body: scope.body }, ctx.family);
  const errorNames = caught === null ? [] : namesOfError(ctx, scope.body, caught);
  const skip: Node[] = [];
  for (let n: Node = node, p = node.parent; p !== null && n.id !== scope.body.id; n = p, p = p.parent) {
    const parts = twoWay(p);
    if (parts === null || parts.condition.id === n.id) continue;
    if (errorNames.some((name) => testsError(parts.condition, name))) continue;
    skip.push(parts.whenTrue.id === n.id ? parts.whenFalse : parts.whenTrue);
  }
  return skip;
}

/** The condition and two branches of a ternary or an `if … else` with no further `elif`. */
function twoWay(node: Node): { condition: Node; whenTrue: Node; whenFalse: Node } | null {
  if (node.type === 'ternary_expression') {
    const [condition, whenTrue, whenFalse] = ['condition', 'consequence', 'alternative'].map((f) => node.childForFieldName(f));
    return condition && whenTrue && whenFalse ? { condition, whenTrue, whenFalse } : null;
  }
  if (node.type === 'conditional_expression') {
    const [whenTrue, condition, whenFalse] = node.namedChildren;
    return condition && whenTrue && whenFalse ? { condition, whenTrue, whenFalse } : null;
  }
  if (node.type === 'if_statement') {
    const condition = node.childForFieldName('condition');
    const whenTrue = node.childForFieldName('consequence');
    const alternatives = node.namedChildren.filter((c) => c.type === 'else_clause' || c.type === 'elif_clause');
    const whenFalse = alternatives.length === 1 && alternatives[0]?.type === 'else_clause' ? alternatives[0] : null;
    return condition && whenTrue && whenFalse ? { condition, whenTrue, whenFalse } : null;
  }
  return null;
}
