import { evaluateWith, literalValue } from '../guard-values.js';
import { isInert, isQuietExit, namesBoundBy } from '../quiet-steps.js';
import { inTransaction, storedValues } from '../record-writes.js';
import { blockStatements, contains, enclosingFunction, functionBody, ifChain, isExit, unwrapAwait, unwrapParens, type Node } from '../syntax.js';
import type { FileContext } from '../types.js';

/**
 * A record's flag guards the send, and the first step after the send that can fail writes the
 * value the guard stops at to the record's row:
 *
 *     if (type === 'email.ticket' && ticketId) {
 *       const ticket = await Ticket.getTicketById(ticketId);
 *       if (ticket && ticket.isSend) return { skipped: true };
 *     }
 *     await forward(payload);
 *     if (type === 'email.ticket' && ticketId) {
 *       await Ticket.updateTicketById(ticketId, { isSend: true });
 *       info('ticket email sent and marked');
 *     } else {
 *       info('email sent');
 *     }
 *
 * An attempt that sent either marked the record (a retry stops at the guard) or failed at the
 * mark's own write (the window a flag written after a send always leaves); on a way where no guard
 * applies, nothing after the send can fail, so a retry follows only a failed send. A guard inside
 * an `if (C)` before the send applies where the mark is made under the same condition `C`. What
 * the flag is called does not matter: the guard and the value written say what it is. Returns the
 * guards' conditions when it holds, else null.
 */
export function flagMarkedRightAfter(ctx: FileContext, node: Node): Node[] | null {
  const fn = enclosingFunction(node, ctx.family);
  const top = fn && functionBody(fn);
  if (!top) return null;
  const guards = flagGuards(ctx, node, top);
  if (guards.length === 0) return null;
  return marksAfter(ctx, node, top, guards) ? guards.map((g) => g.cond) : null;
}

function marksAfter(ctx: FileContext, node: Node, top: Node, guards: FlagGuard[]): boolean {
  let statement: Node = node;
  while (statement.parent !== null && statement.parent.type !== 'block' && statement.parent.type !== 'statement_block') {
    if (statement.parent.id === top.id) return false;
    statement = statement.parent;
  }
  const block = statement.parent;
  if (block === null || !contains(top, block)) return false;
  const sent = namesBoundBy(statement);
  const after = blockStatements(block).slice(blockStatements(block).findIndex((s) => s.id === statement.id) + 1);
  let marked = false;
  for (let i = 0; i < after.length; i++) {
    const st = after[i]!;
    if (isInert(ctx, st, sent)) continue;
    if (marks(ctx, st, after[i + 1], guards.filter((g) => g.under === null), node, top)) return true;
    if (st.type === 'if_statement') {
      const branches = ifChain(st, ctx.family);
      // An `if` with no `else` leaves a way through on which nothing was marked.
      let open = branches.at(-1)?.condition !== null;
      for (const b of branches) {
        const steps = blockStatements(b.body);
        const first = steps.findIndex((x) => !isInert(ctx, x));
        if (first < 0) {
          open = true;
          continue;
        }
        const applicable = guards.filter((g) => g.under === null || (b.condition !== null && sameText(g.under, b.condition)));
        if (!marks(ctx, steps[first]!, steps[first + 1], applicable, node, top)) return false;
        marked = true;
      }
      if (!open) return true;
      continue;
    }
    return marked && isQuietExit(ctx, st);
  }
  // The end of the function's body, or of a try that ends it: nothing else runs in the attempt.
  const t = block.parent;
  return marked && (block.id === top.id || (t?.type === 'try_statement' && t.childForFieldName('body')?.id === block.id && t.parent?.id === top.id && blockStatements(top).at(-1)?.id === t.id));
}

/** An early exit on a record's field, and the condition of the `if` it sits in, when it sits in one before the send. */
interface FlagGuard {
  cond: Node;
  under: Node | null;
  fields: { record: string; prop: string; field: string }[];
}

/**
 * `if (ticket.isSend) return` before the send, in its block or an enclosing one, or inside an `if (C)`
 * there (`if (C) { const ticket = …; if (ticket && ticket.isSend) return }`), when it reads a record's field.
 */
function flagGuards(ctx: FileContext, node: Node, top: Node): FlagGuard[] {
  const out: FlagGuard[] = [];
  const add = (st: Node, under: Node | null) => {
    if (st.type !== 'if_statement' || ifChain(st, ctx.family).length !== 1) return;
    const cond = unwrapParens(st.childForFieldName('condition'));
    const body = st.childForFieldName('consequence');
    const last = body === null ? undefined : blockStatements(body).at(-1);
    if (cond === null || last === undefined || !isExit(last, ctx.family)) return;
    const fields = recordFields(cond);
    if (fields.length > 0) out.push({ cond, under, fields });
  };
  for (let n: Node = node, p: Node | null = node.parent; p !== null && n.id !== top.id; n = p, p = p.parent) {
    if (p.type !== 'block' && p.type !== 'statement_block') continue;
    for (const st of blockStatements(p)) {
      if (st.startIndex >= n.startIndex) break;
      add(st, null);
      if (st.type !== 'if_statement' || ifChain(st, ctx.family).length !== 1) continue;
      const cond = unwrapParens(st.childForFieldName('condition'));
      const body = st.childForFieldName('consequence');
      if (cond !== null && body !== null) for (const inner of blockStatements(body)) add(inner, cond);
    }
  }
  return out;
}

/** `ticket.isSend`, `order.emailed`: a record's field a condition reads. */
function recordFields(cond: Node): { record: string; prop: string; field: string }[] {
  const all = [cond, ...cond.descendantsOfType(['member_expression', 'attribute'])].filter((n) => n.type === 'member_expression' || n.type === 'attribute');
  return all.flatMap((n) => {
    const m = /^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)$/.exec(n.text.replace(/\s+/g, ''));
    return m === null ? [] : [{ record: m[1]!, prop: m[2]!, field: `${m[1]}.${m[2]}` }];
  });
}

/**
 * The step writes, to a guarded record's row, a value of the field its guard stops at: a store
 * write (`Ticket.updateTicketById(id, { isSend: true })`, `Order.objects.filter(pk=…).update(emailed=True)`),
 * or the field set in memory (`ticket.emailed = true`) with the record saved by the next step.
 */
function marks(ctx: FileContext, st: Node, next: Node | undefined, guards: FlagGuard[], node: Node, top: Node): boolean {
  for (const g of guards) {
    for (const { record, prop, field } of g.fields) {
      const stops = (value: Node | null) => {
        const v = literalValue(value);
        return v !== undefined && evaluateWith(g.cond, field, v, record) === true;
      };
      const call = stepCall(st);
      const values = call === null ? null : storedValues(ctx, call, record, prop);
      // Not in a transaction: one a later step's failure rolls back takes the mark with it.
      if (values !== null && call !== null && values.some(stops) && !inTransaction(ctx, call, top)) return true;
      const assigned = st.type === 'expression_statement' ? st.firstNamedChild : null;
      if (assigned?.type !== 'assignment' && assigned?.type !== 'assignment_expression') continue;
      if (assigned.childForFieldName('left')?.text.replace(/\s+/g, '') !== field || !stops(assigned.childForFieldName('right'))) continue;
      const save = next === undefined ? null : stepCall(next);
      if (save !== null && storedValues(ctx, save, record, prop) !== null && contains(top, save) && save.startIndex > node.endIndex) return true;
    }
  }
  return false;
}

/** The call a statement makes: `await X.update(…)`, `const r = await X.update(…)`. */
function stepCall(st: Node): Node | null {
  const value =
    st.type === 'expression_statement'
      ? st.firstNamedChild
      : st.type === 'lexical_declaration' || st.type === 'variable_declaration'
        ? (st.namedChildren.find((d) => d.type === 'variable_declarator')?.childForFieldName('value') ?? null)
        : null;
  const call = unwrapAwait(value);
  return call !== null && (call.type === 'call' || call.type === 'call_expression') ? call : null;
}

function sameText(a: Node, b: Node): boolean {
  return a.text.replace(/\s+/g, '') === b.text.replace(/\s+/g, '');
}
