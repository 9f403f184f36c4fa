import { lastBindingBefore } from './bindings.js';
import { compiledOnce, wordSet } from './compiled.js';
import { calleePath, callsWithin } from './file-index.js';
import { NamePatterns } from './names.js';
import { callArguments, callTypes, contains, isCall, keywordArgument, lastSegment, literalEntries, unwrapAwait, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/**
 * The values a call stores under a record's field when it writes that record's row through the
 * application's store, or null when it is no such write:
 * - on the record itself (`deposit.updateOne({ status: Status.COMPLETED })`, `n.update(sent=True)`);
 * - through the collection the record was loaded from (`const deposit = await Deposit.findOne(…)`,
 *   then `Deposit.updateOne({ depositId }, { $set: { status } })`; `prisma.order.findUnique` then
 *   `prisma.order.update({ where, data: { status: 'SENT' } })`; `Order.objects.get(…)` then
 *   `Order.objects.filter(pk=…).update(status=…)`; `Ticket.getTicketById(id)` then
 *   `Ticket.updateTicketById(id, { isSend: true })`).
 * The method must be named for a write (`record_write_methods`). What the call selects by (a
 * `where:` object, the filter before the update of `updateOne(filter, update)`) is not stored.
 */
export function storedValues(ctx: FileContext, call: Node, record: string, field: string): Node[] | null {
  if (!isCall(call, ctx.family) || !writesRecordRow(ctx, call, record)) return null;
  const filters = wordSet(ctx, 'record_filter_keys', ctx.vocab.record_filter_keys);
  const args = callArguments(call).map((a) => {
    // `updateOne({ depositId }, updateQuery)`: an object built before the call, under its own name.
    const bound = a.type === 'identifier' ? unwrapAwait(lastBindingBefore(ctx, a.text, call)) : null;
    return bound !== null && OBJECTS.has(bound.type) ? bound : a;
  });
  // `updateOne(filter, update, options)`: the first object selects; Sequelize's `update(values, { where })` names its filter.
  const written = args.length >= 2 && OBJECTS.has(args[0]!.type) && !hasKeyIn(args[1]!, filters) ? args.slice(1) : args;
  const out: Node[] = [];
  for (const arg of written) {
    const kw = keywordArgument(arg);
    if (kw !== null) {
      if (kw.name === field) out.push(kw.value);
      continue;
    }
    collect(arg, field, filters, out);
  }
  return out;
}

const OBJECTS = new Set(['object', 'dictionary']);

/** The values under `field` in an object literal and the objects nested in it, outside its filter keys. */
function collect(node: Node, field: string, filters: { has(word: string): boolean }, out: Node[]): void {
  if (!OBJECTS.has(node.type)) return;
  for (const e of literalEntries(node)) {
    if (filters.has(e.key)) continue;
    if (e.key === field) out.push(e.value);
    else collect(e.value, field, filters, out);
  }
}

function hasKeyIn(node: Node, keys: { has(word: string): boolean }): boolean {
  return OBJECTS.has(node.type) && literalEntries(node).some((e) => keys.has(e.key));
}

/** The call is a write method on the record, or on the collection the record was last loaded from. */
function writesRecordRow(ctx: FileContext, call: Node, record: string): boolean {
  const path = calleePath(ctx, call);
  const method = lastSegment(path);
  if (!wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods).anyWordOf(method)) return false;
  if (path === `${record}.${method}`) return true;
  const loaded = unwrapAwait(lastBindingBefore(ctx, record, call));
  if (loaded === null || !isCall(loaded, ctx.family)) return false;
  const from = collectionOf(calleePath(ctx, loaded));
  return from !== null && from === collectionOf(path);
}

/**
 * The receiver a call's chain starts from, before its first call and without its method:
 * `Deposit` of `Deposit.findOne().lean`, `Order.objects` of `Order.objects.filter().update`,
 * `prisma.order` of `prisma.order.update`. Null for a bare function.
 */
function collectionOf(path: string): string | null {
  const parts = path.split('.');
  const call = parts.findIndex((p) => p.endsWith('()'));
  const receiver = call >= 0 ? parts.slice(0, call) : parts.slice(0, -1);
  return receiver.length > 0 && !receiver.some((p) => p === '' || p.includes('[')) ? receiver.join('.') : null;
}

/**
 * Whether the write `call` is stored by the time `node` runs. A write made in a database
 * transaction is stored when the transaction commits: one handed a session or transaction
 * (`updateOne(q, u, opts)` with `opts = { session }`, `{ ...opts }`, `{ transaction: t }`) needs a
 * commit between it and `node` (`await session.commitTransaction()` before the send, `runsFirst`
 * says the commit is on the way), and one inside a block that commits when it closes (`with
 * transaction.atomic():`) is not stored while `node`, inside the same block, runs.
 */
export function storedBy(ctx: FileContext, call: Node, node: Node, top: Node, runsFirst: (step: Node) => boolean): boolean {
  if (transactionBlockAround(ctx, call, top, node) !== null) return false;
  if (!handsTransaction(ctx, call)) return true;
  const commits = wordSet(ctx, 'transaction_commits', ctx.vocab.transaction_commits);
  return callsWithin(ctx, top).some((c) => c.startIndex >= call.endIndex && c.endIndex <= node.startIndex && commits.has(lastSegment(calleePath(ctx, c))) && runsFirst(c));
}

/** Whether the write `call` belongs to a database transaction (an option hands it one, or a transaction block holds it within `top`). */
export function inTransaction(ctx: FileContext, call: Node, top: Node): boolean {
  return handsTransaction(ctx, call) || transactionBlockAround(ctx, call, top) !== null;
}

/**
 * The transaction scope around `call` within `top` (one that also holds `node`, when given): a
 * `with transaction.atomic():` block, a function decorated `@transaction.atomic`, or a callback
 * handed to `prisma.$transaction(async (tx) => …)` / `knex.transaction(…)`. What runs in it is
 * stored only when the scope closes, and a later failure in it rolls everything back.
 */
export function transactionBlockAround(ctx: FileContext, call: Node, top: Node, node?: Node): Node | null {
  const blocks = compiledOnce(ctx.vocab, 'transaction-blocks', () => new NamePatterns(ctx.vocab.transaction_blocks));
  const calls = callTypes(ctx.family) as string[];
  for (let p = call.parent; p !== null && p.id !== top.id; p = p.parent) {
    if (node !== undefined && !contains(p, node)) continue;
    if (p.type === 'with_statement') {
      const clause = p.namedChildren.find((c) => c.type === 'with_clause');
      if (clause?.descendantsOfType(calls).some((c) => blocks.matches(calleePath(ctx, c))) === true) return p;
    } else if (p.type === 'function_definition' && p.parent?.type === 'decorated_definition') {
      const decorators = p.parent.namedChildren.filter((c) => c.type === 'decorator');
      if (decorators.some((d) => { const e = d.firstNamedChild; const name = e === null ? '' : isCall(e, ctx.family) ? calleePath(ctx, e) : e.text; return blocks.matches(name); })) return p;
    } else if (FUNCTIONS.has(p.type) && p.parent?.type === 'arguments') {
      const holder = p.parent.parent;
      if (holder !== null && isCall(holder, ctx.family) && blocks.matches(calleePath(ctx, holder))) return p;
    }
  }
  return null;
}

const FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function']);

/** An argument of the call hands it a session or transaction (`{ session }`, `opts` bound to one, `{ ...opts }`, `session=s`). */
function handsTransaction(ctx: FileContext, call: Node): boolean {
  const keys = wordSet(ctx, 'transaction_options', ctx.vocab.transaction_options);
  const holds = (node: Node | null, depth: number): boolean => {
    const n = unwrapAwait(node);
    if (n === null || depth > 2) return false;
    if (n.type === 'identifier') {
      const bound = lastBindingBefore(ctx, n.text, call);
      return bound !== null && bound.id !== n.id && holds(bound, depth + 1);
    }
    if (!OBJECTS.has(n.type)) return false;
    if (literalEntries(n).some((e) => keys.has(e.key))) return true;
    return n.namedChildren.some((c) => (c.type === 'spread_element' || c.type === 'dictionary_splat') && holds(c.firstNamedChild, depth + 1));
  };
  return callArguments(call).some((a) => {
    const kw = keywordArgument(a);
    return kw !== null ? keys.has(kw.name) : holds(a, 0);
  });
}
