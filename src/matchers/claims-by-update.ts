import { wordSet } from './compiled.js';
import { answeredOnce, calleePath } from './file-index.js';
import { literalValue } from './guard-values.js';
import { blockStatements, callArguments, callee, functionBody, ifChain, isCall, isExit, isRaise, keywordArgument, lastSegment, literalEntries, namesUnder, tryBody, unwrapAwait, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/**
 * Whether `fn` claims a record with a conditional update and says whether it did: it updates the
 * row only while a field holds what the update's filter requires, moving that field to another
 * value, and returns a falsy value (or throws) when nothing was updated:
 *
 *     const result = await prisma.emailJob.updateMany({
 *       where: { id, status: { in: activeStatuses } }, data: { status: 'sending' } });
 *     if (result.count === 0) return false;
 *
 * (`updateOne({ _id, status: 'pending' }, { $set: { status: 'processing' } })`, Django's
 * `Job.objects.filter(pk=id, status__in=ACTIVE).update(status='sending')`.) Of two calls for the
 * same record, one moves it and the other finds nothing to update: a retry that calls it again
 * and stops on the falsy answer does not send twice.
 */
export function claimsByUpdate(ctx: FileContext, fn: Node): boolean {
  return claims(ctx, fn.id, () => findsClaim(ctx, fn));
}

const claims = answeredOnce<number, boolean>('claims-by-update');

function findsClaim(ctx: FileContext, fn: Node): boolean {
  const body = functionBody(fn);
  if (body === null) return false;
  // The function's steps, and those of a try that holds them (`try { … } catch { return false }`).
  const steps = blockStatements(body).flatMap((st) => (st.type === 'try_statement' ? blockStatements(tryBody(st)) : [st]));
  for (let i = 0; i < steps.length; i++) {
    const declarator = steps[i]!.type === 'lexical_declaration' || steps[i]!.type === 'variable_declaration' ? steps[i]!.namedChildren.find((d) => d.type === 'variable_declarator') : steps[i]!.type === 'expression_statement' && steps[i]!.firstNamedChild?.type === 'assignment' ? steps[i]!.firstNamedChild : null;
    const name = declarator?.childForFieldName('name') ?? declarator?.childForFieldName('left');
    const call = unwrapAwait(declarator?.childForFieldName('value') ?? declarator?.childForFieldName('right') ?? null);
    if (name?.type !== 'identifier' || call === null || !isCall(call, ctx.family) || !conditionalUpdate(ctx, call)) continue;
    return steps.slice(i + 1).some((st) => stopsWhenNothingUpdated(ctx, st, name.text));
  }
  return false;
}

/** The call writes a field to a value while its filter requires that field to hold something else. */
function conditionalUpdate(ctx: FileContext, call: Node): boolean {
  const path = calleePath(ctx, call);
  if (!wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods).anyWordOf(lastSegment(path))) return false;
  const filters = wordSet(ctx, 'record_filter_keys', ctx.vocab.record_filter_keys);
  const args = callArguments(call);
  let filter: Entry[] = [];
  let update: Entry[] = [];
  const receiver = unwrapAwait(callee(call)?.childForFieldName('object') ?? null);
  if (args.some((a) => keywordArgument(a) !== null) && receiver !== null && isCall(receiver, ctx.family)) {
    // `Job.objects.filter(pk=id, status__in=ACTIVE).update(status='sending')`
    filter = callArguments(receiver).flatMap(keywordEntry);
    update = args.flatMap(keywordEntry);
  } else if (args.length === 1 && OBJECTS.has(args[0]!.type)) {
    // `updateMany({ where: { …, status: … }, data: { status: 'sending' } })`
    for (const e of literalEntries(args[0]!)) {
      if (filters.has(e.key)) filter.push(...entriesOf(e.value));
      else update.push(...entriesOf(e.value));
    }
  } else if (args.length >= 2 && OBJECTS.has(args[0]!.type) && OBJECTS.has(args[1]!.type)) {
    // Sequelize's `update(values, { where })`, else Mongo's `updateOne(filter, update)`.
    const where = literalEntries(args[1]!).find((e) => filters.has(e.key));
    [filter, update] = where !== undefined ? [entriesOf(where.value), entriesOf(args[0]!)] : [entriesOf(args[0]!), entriesOf(args[1]!)];
  }
  return update.some((u) => {
    const value = literalValue(u.value);
    if (value === undefined || value === null) return false;
    // `status: { in: … }`, `status__in=…`, `status: 'pending'`: the filter constrains the same field, not to the new value.
    return filter.some((f) => (f.key === u.key || f.key.startsWith(`${u.key}__`)) && literalValue(f.value)?.text !== value.text);
  });
}

interface Entry {
  key: string;
  value: Node;
}

const OBJECTS = new Set(['object', 'dictionary']);

/** The entries of an object literal and of the objects nested in it (`{ $set: { status } }`, `{ data: { status } }`). */
function entriesOf(node: Node): Entry[] {
  if (!OBJECTS.has(node.type)) return [];
  return literalEntries(node).flatMap((e) => [e, ...entriesOf(e.value)]);
}

function keywordEntry(arg: Node): Entry[] {
  const kw = keywordArgument(arg);
  return kw === null ? [] : [{ key: kw.name, value: kw.value }];
}

/** `if (result.count === 0) return false`, `if (!claimed) return null`, `if not updated: raise …`: it stops on the update's answer. */
function stopsWhenNothingUpdated(ctx: FileContext, st: Node, result: string): boolean {
  if (st.type !== 'if_statement') return false;
  const [branch] = ifChain(st, ctx.family);
  if (branch?.condition == null || !namesUnder(branch.condition).includes(result)) return false;
  const last = blockStatements(branch.body).at(-1);
  if (last === undefined) return false;
  if (isRaise(last, ctx.family)) return true;
  if (last.type !== 'return_statement' || !isExit(last, ctx.family)) return false;
  const value = last.firstNamedChild;
  return value === null || FALSY.has(value.text);
}

const FALSY = new Set(['false', 'False', 'null', 'None', 'undefined', '0']);
