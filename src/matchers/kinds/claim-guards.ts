import { blockStatements, enclosingFunction, functionBody, ifChain, isCall, isExit, isRaise, unwrapAwait, unwrapParens, negatedOperand, type Node } from '../syntax.js';
import type { FileContext } from '../types.js';

/**
 * The calls whose falsy answer stops the way to `node` before it, in its function:
 * `const marked = await markSendAttempt(id); if (!marked) return …` or `if (!(await claim(id))) return`.
 * Whether such a call claims the record (`claims-by-update.ts`) is asked of its body, here or in its file.
 */
export function claimGuards(ctx: FileContext, node: Node): Node[] {
  const fn = enclosingFunction(node, ctx.family);
  const top = fn && functionBody(fn);
  if (!top) return [];
  const out: Node[] = [];
  for (let n: Node = node, p: Node | null = node.parent; p !== null && n.id !== top.id; n = p, p = p.parent) {
    if (p.type !== 'block' && p.type !== 'statement_block') continue;
    const before = blockStatements(p).filter((st) => st.endIndex <= n.startIndex);
    before.forEach((st, i) => {
      const call = stopsUnless(ctx, st, null);
      if (call !== null) out.push(call);
      const bound = boundCall(ctx, st);
      if (bound !== null && before.slice(i + 1).some((later) => stopsUnless(ctx, later, bound.name) !== null)) out.push(bound.call);
    });
  }
  return out;
}

/** `const marked = await markSendAttempt(id)`: the name and the call. */
function boundCall(ctx: FileContext, st: Node): { name: string; call: Node } | null {
  const d = st.type === 'lexical_declaration' || st.type === 'variable_declaration' ? st.namedChildren.find((c) => c.type === 'variable_declarator') : st.type === 'expression_statement' && st.firstNamedChild?.type === 'assignment' ? st.firstNamedChild : null;
  const name = d?.childForFieldName('name') ?? d?.childForFieldName('left');
  const call = unwrapAwait(d?.childForFieldName('value') ?? d?.childForFieldName('right') ?? null);
  return name?.type === 'identifier' && call !== null && isCall(call, ctx.family) ? { name: name.text, call } : null;
}

/**
 * `if (!marked) { …; return }` (with `name`), or `if (!(await claim(id))) return` (without): an `if`
 * with no other branch whose condition is the negation of the name or of a call, ending in an exit.
 * Returns the `if` (with a name) or the call (without), else null.
 */
function stopsUnless(ctx: FileContext, st: Node, name: string | null): Node | null {
  if (st.type !== 'if_statement' || ifChain(st, ctx.family).length !== 1) return null;
  const cond = unwrapParens(st.childForFieldName('condition'));
  const negated = cond === null ? null : negatedOperand(cond);
  const subject = unwrapAwait(unwrapParens(negated ?? null));
  const body = st.childForFieldName('consequence');
  const last = body === null ? undefined : blockStatements(body).at(-1);
  if (subject === null || last === undefined || !(isExit(last, ctx.family) || isRaise(last, ctx.family)) || last.type === 'continue_statement' || last.type === 'break_statement') return null;
  if (name !== null) return subject.type === 'identifier' && subject.text === name ? st : null;
  return isCall(subject, ctx.family) ? subject : null;
}
