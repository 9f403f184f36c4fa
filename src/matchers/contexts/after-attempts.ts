import { nodesWithin } from '../file-index.js';
import { whileFlagFalse } from '../flag-relays.js';
import {
  booleanLiteral,
  BINDING_TYPES,
  bindingOf,
  blockStatements,
  enclosingFunction,
  firstLine,
  headerLine,
  ifChain,
  isFunction,
  isLoop,
  isRaise,
  unwrapParens,
  type Handler,
  type Node,
} from '../syntax.js';
import type { FileContext } from '../types.js';

/** Statements run only when the last attempt failed, and the construct that makes it so. */
export interface AfterAttempts {
  body: Node;
  construct: Node;
  label: string;
}

/**
 * Where a handler that lets the attempts go on has its failure recorded: after the loop. Two shapes.
 * A loop whose try returns on success (`for attempt in range(3): try: send(); return … except
 * Exception: sleep(…)`): the statements after the loop run only when no attempt returned. A
 * handler that keeps the error, or an attempt that sets a done flag, read after the loop or the try
 * (`last_error = e` … `if last_error: payout.status = "transfer_failed"`; `sent = True` … `if not
 * sent:`): that branch runs only when the last attempt raised.
 * Empty when the handler itself leaves (its last statement raises or returns): nothing after it
 * runs for that error.
 */
export function afterAttempts(ctx: FileContext, tryStmt: Node, attempted: Node, handler: Handler, caught: string | null): AfterAttempts[] {
  const last = blockStatements(handler.body).at(-1);
  if (last !== undefined && (isRaise(last, ctx.family) || last.type === 'return_statement')) return [];
  const loop = enclosingLoop(ctx, tryStmt);
  const outer = loop ?? tryStmt;
  const block = outer.parent;
  // At module level there is no function whose rest runs after the attempts.
  if (block === null || (block.type !== 'block' && block.type !== 'statement_block')) return [];
  const siblings = blockStatements(block);
  const rest = siblings.slice(siblings.findIndex((s) => s.id === outer.id) + 1);
  if (rest.length === 0) return [];
  const handlerLabel = headerLine(handler.clause).replace(/\s*\{.*$/, '');
  if (loop !== null && returnsOnSuccess(ctx, attempted, loop)) {
    // `if (attempt === retries) return false;` in the handler: the last attempt leaves there, so the
    // statements after the loop run only if it never ran (`return false` after `for (…; attempt <= 3; …)`).
    if (leavesOnLastAttempt(ctx, handler.body, loop)) return [];
    const label = `${handlerLabel}, after ${headerLine(loop)}`;
    return rest.map((body) => ({ body, construct: loop, label }));
  }
  // `try: r = requests.post(…); return r.json() except RequestException: log(…)` then `return None`
  // (whatsappcrm's send_whatsapp_message): a try that leaves the function when its call works has
  // what follows it run only when the call raised, as the statements after a loop of such tries do.
  if (loop === null && blockStatements(attempted).at(-1)?.type === 'return_statement') {
    return rest.map((body) => ({ body, construct: tryStmt, label: `${handlerLabel}, then ${headerLine(body)}` }));
  }
  const errors = caught === null ? [] : keptErrors(ctx, handler.body, caught);
  const flags = doneFlags(ctx, attempted);
  if (errors.length === 0 && flags.length === 0) return [];
  const out: AfterAttempts[] = [];
  // `return success`: the done flag handed to the caller is still unset after the handler.
  const flagReturn = loop === null ? rest.find((s) => s.type === 'return_statement' && flags.includes(s.firstNamedChild?.text ?? '')) : undefined;
  if (flagReturn !== undefined) out.push({ body: flagReturn, construct: tryStmt, label: `${handlerLabel}, then ${firstLine(flagReturn)}` });
  for (const ifStmt of rest.filter((s) => s.type === 'if_statement')) {
    const [head, ...others] = ifChain(ifStmt, ctx.family);
    if (head?.condition == null) continue;
    const failed = failedWhen(head.condition, errors, flags);
    // `if sent: … else: mark_failed()`: the else runs when the flag is unset.
    const body = failed === true ? head.body : failed === false && others.length === 1 && others[0]?.condition === null ? others[0].body : null;
    if (body !== null) out.push({ body, construct: ifStmt, label: `${handlerLabel}, then ${headerLine(ifStmt)}` });
  }
  // `if db: … CommunicationLog(…, status="sent" if success else "failed")` (KRGConcreting/ConcreteIQ's
  // send_email): a test of the done flag further down, inside a later statement rather than one of
  // its own, runs its unset side as well when the last attempt raised.
  const fn = enclosingFunction(tryStmt, ctx.family);
  for (const statement of rest) {
    for (const test of nodesWithin(ctx, statement, ['if_statement', 'ternary_expression', 'conditional_expression'])) {
      if (test.id === statement.id || enclosingFunction(test, ctx.family)?.id !== fn?.id) continue;
      for (const flag of flags) {
        const body = whileFlagFalse(test, flag);
        if (body !== null && !out.some((o) => o.body.id === body.id)) out.push({ body, construct: test, label: `${handlerLabel}, then ${headerLine(test)}` });
      }
    }
  }
  return out;
}

/** The loop the try is an attempt of: the nearest loop around it in the same function. */
function enclosingLoop(ctx: FileContext, node: Node): Node | null {
  for (let p = node.parent; p !== null && !isFunction(p, ctx.family); p = p.parent) if (isLoop(p, ctx.family)) return p;
  return null;
}

/**
 * Whether the attempt leaves the function when it works, and never just the loop: a `return` in
 * the try body and no `break` of this loop there (a `break` on success reaches the statements after
 * the loop as well).
 */
function returnsOnSuccess(ctx: FileContext, attempted: Node, loop: Node): boolean {
  const own = (n: Node) => {
    for (let p = n.parent; p !== null && p.id !== loop.id; p = p.parent) if (isFunction(p, ctx.family) || ((isLoop(p, ctx.family) || p.type === 'switch_statement') && n.type === 'break_statement')) return false;
    return true;
  };
  const exits = nodesWithin(ctx, attempted, ['return_statement', 'break_statement']).filter(own);
  return exits.some((e) => e.type === 'return_statement') && !exits.some((e) => e.type === 'break_statement');
}

/** Names the handler stores the caught error in (`last_error = e`, `lastError = err instanceof Error ? err : …`). */
function keptErrors(ctx: FileContext, body: Node, caught: string): string[] {
  return nodesWithin(ctx, body, BINDING_TYPES).flatMap((n) => {
    const b = bindingOf(n);
    if (b === null || b.name === caught) return [];
    const value = b.value;
    const holds = value.type === 'identifier' ? value.text === caught : value.descendantsOfType('identifier').some((id) => id.text === caught);
    return holds ? [b.name] : [];
  });
}

/** Names the attempt sets to true when it worked (`sent = True`, `success = true`). */
function doneFlags(ctx: FileContext, attempted: Node): string[] {
  return nodesWithin(ctx, attempted, BINDING_TYPES).flatMap((n) => {
    const b = bindingOf(n);
    return b !== null && (n.type === 'assignment' || n.type === 'assignment_expression') && booleanLiteral(b.value) === true ? [b.name] : [];
  });
}

/**
 * Whether a condition holds when the last attempt failed (true), when it worked (false), or says
 * nothing of it (null): `last_error`, `last_error is not None`, `lastError != null`, `error == ''`, `not sent`,
 * `!success` hold on failure; `sent`, `success === true` on success.
 */
function failedWhen(condition: Node, errors: string[], flags: string[]): boolean | null {
  const c = unwrapParens(condition);
  if (c === null) return null;
  if (c.type === 'identifier') return errors.includes(c.text) ? true : flags.includes(c.text) ? false : null;
  if (c.type === 'not_operator' || (c.type === 'unary_expression' && c.childForFieldName('operator')?.text === '!')) {
    const inner = failedWhen(c.childForFieldName('argument') ?? c.lastNamedChild ?? c, errors, flags);
    return inner === null ? null : !inner;
  }
  if (c.type === 'comparison_operator' || c.type === 'binary_expression') {
    const left = unwrapParens(c.type === 'comparison_operator' ? c.namedChildren[0] ?? null : c.childForFieldName('left'));
    const right = c.type === 'comparison_operator' ? c.namedChildren[1] : c.childForFieldName('right');
    const op = c.type === 'comparison_operator' ? c.children.filter((ch) => !ch.isNamed).map((ch) => ch.text).join(' ') : c.childForFieldName('operator')?.text ?? '';
    if (left?.type !== 'identifier' || right === undefined || right === null) return null;
    // `error = repr_exception(e)` with `error = ''` set before the try: the empty string is "no error".
    const empty = /^(None|null|undefined|''|"")$/.test(right.text);
    const isFalse = booleanLiteral(right) === false;
    const isTrue = booleanLiteral(right) === true;
    const negated = /^(!=|!==|is not)$/.test(op);
    if (!negated && !/^(==|===|is)$/.test(op)) return null;
    if (errors.includes(left.text) && empty) return negated;
    if (flags.includes(left.text) && (isFalse || isTrue)) return isFalse !== negated;
  }
  return null;
}

/**
 * Whether the handler leaves the function on an attempt its loop's header counts: an `if` whose
 * condition compares two names of the header (`attempt === retries`, `attempt == retries - 1` with
 * `for attempt in range(retries)`, `retryCount >= maxRetries`) and one of whose branches ends by
 * returning or raising. Every attempt then either returns (on success), leaves here (the last), or
 * goes round again: the loop never ends by its own condition after running.
 */
function leavesOnLastAttempt(ctx: FileContext, handlerBody: Node, loop: Node): boolean {
  const header = loopHeader(loop);
  if (header.length === 0) return false;
  const names = new Set(header.flatMap((h) => identifiersOf(h)));
  if (names.size < 2) return false;
  return blockStatements(handlerBody).some((stmt) => {
    if (stmt.type !== 'if_statement') return false;
    const branches = ifChain(stmt, ctx.family);
    const head = branches[0];
    if (head?.condition == null) return false;
    // `const isLastAttempt = attempt === retries; if (isLastAttempt) …`: a name the handler binds stands for its value.
    const bound = new Map<string, Node>();
    for (const n of nodesWithin(ctx, handlerBody, BINDING_TYPES)) {
      const b = bindingOf(n);
      if (b !== null) bound.set(b.name, b.value);
    }
    const read = identifiersOf(head.condition).flatMap((n) => {
      const value = bound.get(n);
      return value === undefined ? [n] : identifiersOf(value);
    });
    const used = new Set(read.filter((n) => names.has(n)));
    if (used.size < 2) return false;
    return branches.some((b) => {
      const last = b.body.type === 'block' || b.body.type === 'statement_block' ? blockStatements(b.body).at(-1) : b.body;
      return last !== undefined && (isRaise(last, ctx.family) || last.type === 'return_statement');
    });
  });
}

/** The parts of a loop's header that count its runs: a for's left and range (Python), a C-style for's parts, a while's condition. */
function loopHeader(loop: Node): Node[] {
  const fields = ['left', 'right', 'initializer', 'condition', 'increment'];
  return fields.map((f) => loop.childForFieldName(f)).filter((n): n is Node => n !== null);
}

function identifiersOf(node: Node): string[] {
  const out = node.type === 'identifier' ? [node.text] : [];
  for (const id of node.descendantsOfType(['identifier', 'property_identifier'])) out.push(id.text);
  return out;
}
