import { isCallOf, isPassive } from './call-vocabulary.js';
import { calleePath } from './file-index.js';
import { compiledOnce } from './compiled.js';
import { exceptionPaths } from './contexts/ambiguous-outcome.js';
import { NamePatterns } from './names.js';
import { resolveLocalFunction } from './local-helpers.js';
import { blockStatements, callArguments, callTypes, enclosingFunction, functionBody, ifChain, isCall, isExit, isFunction, isRaise, raisesWithin, tryHandlers, unwrapAwait, type Family, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/**
 * Steps that cannot fail an attempt, so a send before them is, in effect, the attempt's last step
 * (`exits-after`): a log line, a step whose errors a try swallows, a value computed without I/O,
 * a branch made only of such steps, a call of a function of this file whose body is only such
 * steps (`_report_status()` that posts inside `try: … except Exception: log.warning(…)`), and a
 * check of the send's own result that gives up (`if (error || !data) throw error`): that attempt
 * failed because the send did.
 */
export function isInert(ctx: FileContext, statement: Node, sent: ReadonlySet<string> = NO_NAMES, depth = 0): boolean {
  switch (statement.type) {
    case 'try_statement':
      // A later step inside a try that swallows its errors cannot fail the attempt either.
      return swallows(ctx, statement) && statement.childForFieldName('finalizer') === null && !statement.namedChildren.some((c) => c.type === 'finally_clause');
    case 'lexical_declaration':
    case 'variable_declaration':
      return statement.namedChildren.every((d) => d.type !== 'variable_declarator' || doesNoIo(ctx, d.childForFieldName('value'), statement));
    case 'if_statement':
      return quietBranches(ctx, statement, sent, depth);
    case 'expression_statement':
      break;
    default:
      return false;
  }
  const expr = unwrapAwait(statement.firstNamedChild);
  if (expr === null) return false;
  if (expr.type === 'assignment' || expr.type === 'augmented_assignment' || expr.type === 'assignment_expression' || expr.type === 'augmented_assignment_expression') {
    return doesNoIo(ctx, expr.childForFieldName('right'), statement);
  }
  if (!isCall(expr, ctx.family)) return false;
  const path = calleePath(ctx, expr);
  return isPassive(ctx, path) || swallowedPromise(ctx, expr, path) || callsQuietHelper(ctx, expr, depth);
}

/**
 * `break`, or a `return` whose value makes no call: nothing after the candidate can fail and
 * trigger another attempt. (`return processor.charge(...)` can, so the message may be sent again.)
 */
export function isPlainExit(node: Node, family: Family): boolean {
  return isExit(node, family) && node.descendantsOfType(callTypes(family) as string[]).length === 0;
}

/**
 * A try all of whose handlers finish without raising (a bare `try` with only `finally` does not),
 * one of which catches every failure (`catch (e)`, bare `except:`, `except Exception`, a whole
 * transport family: vocabulary `timeouts.broad_exceptions`). `except ObjectDoesNotExist: pass`
 * lets the SMS provider's error through.
 */
export function swallows(ctx: FileContext, tryStmt: Node): boolean {
  const handlers = tryHandlers(tryStmt, ctx.family);
  const broad = compiledOnce(ctx.vocab, 'broad-exceptions', () => new NamePatterns(ctx.vocab.timeouts.broad_exceptions, { caseSensitive: true }));
  return (
    handlers.length > 0 &&
    handlers.every((h) => !raisesWithin(h.body, ctx.family)) &&
    handlers.some((h) => h.type === null || exceptionPaths(h.type).some((p) => broad.matches(p)))
  );
}

/** The names a statement binds (`const { data, error } = await send(…)`, `resp = send(…)`): what a check of its result reads. */
export function namesBoundBy(statement: Node): Set<string> {
  const out = new Set<string>();
  const targets: (Node | null)[] = [];
  if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
    for (const d of statement.namedChildren) if (d.type === 'variable_declarator') targets.push(d.childForFieldName('name'));
  } else if (statement.type === 'expression_statement') {
    const a = statement.firstNamedChild;
    if (a?.type === 'assignment' || a?.type === 'assignment_expression') targets.push(a.childForFieldName('left'));
  }
  for (const t of targets) {
    if (t === null) continue;
    if (t.type === 'identifier') out.add(t.text);
    for (const id of t.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])) {
      // `{ data: sent }` binds `sent`, not the key `data`.
      if (id.parent?.type === 'pair_pattern' && id.parent.childForFieldName('key')?.id === id.id) continue;
      out.add(id.text);
    }
  }
  return out;
}

const NO_NAMES: ReadonlySet<string> = new Set();
/** How many helpers deep a quiet helper may call another one. */
const MAX_HELPER_DEPTH = 2;

/**
 * Computes nothing that can fail for a reason outside the program: no `await`, no call of a call
 * vocabulary, and, outside an async function (where I/O need not be awaited), no call at all but
 * a log line. Absent values (`let x;`) do nothing.
 */
function doesNoIo(ctx: FileContext, node: Node | null, at: Node): boolean {
  if (node === null) return true;
  if (node.descendantsOfType(ctx.family === 'python' ? 'await' : 'await_expression').length > 0 || node.type === 'await' || node.type === 'await_expression') return false;
  const calls = node.descendantsOfType(callTypes(ctx.family) as string[]);
  if (isCall(node, ctx.family)) calls.push(node);
  if (calls.length === 0) return true;
  const fn = enclosingFunction(at, ctx.family);
  const asynchronous = fn !== null && fn.children.some((c) => c.type === 'async');
  return calls.every((c) => isPassive(ctx, calleePath(ctx, c)) || (asynchronous && !Object.keys(ctx.vocab.calls).some((v) => isCallOf(ctx, c, v))));
}

/**
 * An `if` whose conditions compute without I/O and whose branches hold only quiet steps and plain
 * exits; or, with `sent` (the names the send's statement bound), a check of that result whose
 * branches give up (`raise`/`throw`): the attempt then fails because the send itself failed.
 */
function quietBranches(ctx: FileContext, ifStmt: Node, sent: ReadonlySet<string>, depth: number): boolean {
  const branches = ifChain(ifStmt, ctx.family);
  if (!branches.every((b) => b.condition === null || doesNoIo(ctx, b.condition, ifStmt))) return false;
  const checksSend = sent.size > 0 && branches.every((b) => b.condition === null || readsOnly(b.condition, sent));
  return branches.every((b) =>
    blockStatements(b.body).every(
      (st) => isPlainExit(st, ctx.family) || PASS.has(st.type) || (checksSend && isRaise(st, ctx.family)) || isInert(ctx, st, NO_NAMES, depth),
    ),
  );
}

const PASS = new Set(['pass_statement', 'empty_statement']);

/** Every name a condition starts from is one of `names` (`error || !data`, `not resp.ok`). */
function readsOnly(condition: Node, names: ReadonlySet<string>): boolean {
  const roots = [condition, ...condition.descendantsOfType('identifier')].filter((id) => {
    if (id.type !== 'identifier') return false;
    const p = id.parent;
    // `resp.ok`: `ok` names a field of `resp`, not a value of its own.
    return !(p?.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) && id.text !== 'undefined';
  });
  return roots.length > 0 && roots.every((id) => names.has(id.text));
}

/**
 * A call of a function of this file whose arguments compute without I/O and whose body holds only
 * quiet steps: it logs, returns early, and keeps its remote work inside a try that swallows errors.
 */
function callsQuietHelper(ctx: FileContext, call: Node, depth: number): boolean {
  if (depth >= MAX_HELPER_DEPTH || !callArguments(call).every((a) => doesNoIo(ctx, a, call))) return false;
  const fn = resolveLocalFunction(ctx, call);
  const body = fn && functionBody(fn);
  if (!body) return false;
  return blockStatements(body).every((st, i) => (i === 0 && isDocstring(st)) || IMPORTS.has(st.type) || PASS.has(st.type) || isPlainExit(st, ctx.family) || isInert(ctx, st, NO_NAMES, depth + 1));
}

const IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

function isDocstring(statement: Node): boolean {
  return statement.type === 'expression_statement' && statement.firstNamedChild?.type === 'string';
}

/** `await send(…).catch(() => { failures += 1 })`: a promise whose `.catch` handler does not throw cannot fail the attempt. */
function swallowedPromise(ctx: FileContext, call: Node, path: string): boolean {
  if (ctx.family !== 'ecma' || !/\.catch$/.test(path)) return false;
  const handler = callArguments(call)[0];
  return handler !== undefined && isFunction(handler, ctx.family) && !raisesWithin(handler, ctx.family);
}
