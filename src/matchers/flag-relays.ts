import { lastBindingBefore } from './bindings.js';
import { nodesWithin } from './file-index.js';
import { blockStatements, booleanLiteral, enclosingFunction, unwrapParens, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/**
 * `let sent = false; … if (result.success) { sent = true } else { log(result.error) } … if (sent) { … }
 * else { markFailed() }`: the branch on a helper's result only sets a flag, declared false before it,
 * and a later test of that flag records the outcome. The result's failure travels through the flag:
 * the statements a later test runs while the flag is still false are the falsy branch's own.
 * Returns those statements (the later `else`, the body of `if (!sent)`, a ternary's false side);
 * empty when the success side sets no such flag, or the falsy side sets it too.
 */
export function relayedFalsyBranches(ctx: FileContext, ifStmt: Node, falsy: Node[]): Node[] {
  const success = successSide(ifStmt, falsy);
  if (success === null) return [];
  const fn = enclosingFunction(ifStmt, ctx.family);
  if (fn === null) return [];
  const out: Node[] = [];
  for (const flag of flagsSetTrue(success)) {
    // Declared false before the test: a flag only the success side raises.
    if (booleanLiteral(lastBindingBefore(ctx, flag, ifStmt)) !== false) continue;
    if (falsy.some((b) => flagsSetTrue(b).includes(flag))) continue;
    for (const later of nodesWithin(ctx, fn, ['if_statement', 'ternary_expression', 'conditional_expression'])) {
      if (later.startIndex < ifStmt.endIndex || enclosingFunction(later, ctx.family)?.id !== fn.id) continue;
      const branch = whileFlagFalse(later, flag);
      if (branch !== null) out.push(branch);
    }
  }
  return out;
}

/** The other side of a two-way `if` whose falsy side is `falsy`: the consequence or the else body. */
function successSide(ifStmt: Node, falsy: Node[]): Node | null {
  if (falsy.length !== 1) return null;
  const consequence = ifStmt.childForFieldName('consequence');
  const elseBody = elseBodyOf(ifStmt);
  if (consequence === null || elseBody === null) return falsy[0]?.id === elseBody?.id ? consequence : null;
  if (falsy[0]!.id === elseBody.id) return consequence;
  return falsy[0]!.id === consequence.id ? elseBody : null;
}

function elseBodyOf(ifStmt: Node): Node | null {
  const alt = ifStmt.childForFieldName('alternative');
  return alt?.type === 'else_clause' ? (alt.childForFieldName('body') ?? alt.namedChildren.find((c) => c.type !== 'comment') ?? null) : null;
}

/** Names a block's own statements set to `true` (`sent = true`, `ok = True`). */
function flagsSetTrue(block: Node): string[] {
  const names: string[] = [];
  for (const st of blockStatements(block)) {
    const expr = st.type === 'expression_statement' ? st.firstNamedChild : st;
    if (expr === null || (expr.type !== 'assignment' && expr.type !== 'assignment_expression')) continue;
    const left = expr.childForFieldName('left');
    if (left?.type === 'identifier' && booleanLiteral(expr.childForFieldName('right')) === true) names.push(left.text);
  }
  return names;
}

/** What a later test of the flag runs while it is false: `if (flag) … else <this>`, `if (!flag) <this>`, `flag ? … : <this>`. */
export function whileFlagFalse(test: Node, flag: string): Node | null {
  if (test.type === 'if_statement') {
    const cond = unwrapParens(test.childForFieldName('condition'));
    if (cond?.type === 'identifier' && cond.text === flag) return elseBodyOf(test);
    return negates(cond, flag) ? test.childForFieldName('consequence') : null;
  }
  const [condition, whenTrue, whenFalse] = test.type === 'ternary_expression'
    ? [test.childForFieldName('condition'), test.childForFieldName('consequence'), test.childForFieldName('alternative')]
    : [test.namedChildren[1] ?? null, test.namedChildren[0] ?? null, test.namedChildren[2] ?? null];
  const cond = unwrapParens(condition);
  if (cond?.type === 'identifier' && cond.text === flag) return whenFalse;
  return negates(cond, flag) ? whenTrue : null;
}

/** `!flag`, `not flag`. */
function negates(cond: Node | null, flag: string): boolean {
  if (cond === null) return false;
  const negated = cond.type === 'not_operator' || (cond.type === 'unary_expression' && cond.childForFieldName('operator')?.text === '!');
  const inner = negated ? unwrapParens(cond.childForFieldName('argument') ?? cond.lastNamedChild) : null;
  return inner?.type === 'identifier' && inner.text === flag;
}
