import { wordSet } from './compiled.js';
import { calleePath, callsWithin, nodesWithin } from './file-index.js';
import { lastBindingBefore } from './bindings.js';
import { splitWords } from './names.js';
import { blockStatements, contains, enclosingFunction, functionBody, isCall, isExit, isFunction, lastSegment, unwrapAwait, unwrapParens, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/**
 * Whether the function around a send looks up its own record of that send before making it and
 * skips when one is there, and stores that record after the send: `const existing = await
 * prisma.messageLog.findFirst({ where: { ruleId, recipient, channel } }); if (existing) continue;`
 * … send … `prisma.messageLog.create({ data: { recipient, status: 'sent' } })`. The record read is
 * of the very collection the function writes after the send, so a run that sent left it there, and
 * the next run, or a retry of this one, skips the send.
 */
export function checksSentRecord(ctx: FileContext, send: Node, within?: Node): boolean {
  const fn = enclosingFunction(send, ctx.family);
  const body = fn === null ? null : functionBody(fn);
  if (body === null) return false;
  // A retry inside the function (an attempt loop around the send) repeats the send without the lookup
  // before it: only a lookup in what the retry repeats counts.
  const repeated = (n: Node) => within === undefined || !contains(body, within) || contains(within, n);
  return ctx.memo(`sent-record:${send.id}:${within?.id ?? ''}`, () => {
    const stored = new Set(collectionsWrittenAfter(ctx, body, send));
    if (stored.size === 0) return false;
    for (const ifStmt of nodesWithin(ctx, body, 'if_statement')) {
      if (ifStmt.startIndex >= send.startIndex) break;
      const test = existenceTest(ifStmt);
      if (test === null || !repeated(ifStmt)) continue;
      // `if (existing) continue` before the send, or the send inside `if (!existing) { … }`.
      const guards = test.whenFound ? !contains(ifStmt, send) && leaves(ctx, ifStmt) && onTheWay(ctx, ifStmt, send, body) : contains(consequenceOf(ifStmt) ?? ifStmt, send);
      if (!guards) continue;
      const bound = lastBindingBefore(ctx, test.name, ifStmt);
      if (bound !== null && contains(body, bound) && readsOnly(ctx, bound, stored)) return true;
    }
    return false;
  });
}

/** The collections (`prisma.messageLog`, `MessageLog.objects`) a create/insert after the send writes to. */
function collectionsWrittenAfter(ctx: FileContext, body: Node, send: Node): string[] {
  const writes = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  const out: string[] = [];
  for (const call of callsWithin(ctx, body)) {
    if (call.startIndex <= send.endIndex) continue;
    const path = plainPath(ctx, call);
    const dot = path.lastIndexOf('.');
    if (dot > 0 && writes.has(path.slice(dot + 1))) out.push(path.slice(0, dot));
  }
  return out;
}

/** A call's dotted path without the arguments of the calls in its chain (`MessageLog.objects.filter.exists`). */
function plainPath(ctx: FileContext, call: Node): string {
  return calleePath(ctx, call).replace(/\([^()]*\)/g, '');
}

/**
 * The bound value only reads the stored collection: every call in it is a read (a read verb or a
 * query method after the collection's path) of one of `stored` (`dedupeKey ? await
 * log.findFirst(…) : appointmentId ? await log.findFirst(…) : null`).
 */
function readsOnly(ctx: FileContext, value: Node, stored: ReadonlySet<string>): boolean {
  const read = wordSet(ctx, 'read_verbs', ctx.vocab.read_verbs);
  const queries = wordSet(ctx, 'record_query_methods', ctx.vocab.record_query_methods);
  const v = unwrapAwait(value) ?? value;
  const calls = isCall(v, ctx.family) ? [v, ...v.descendantsOfType(['call', 'call_expression'])] : v.descendantsOfType(['call', 'call_expression']);
  // The outermost calls of the value: a chain's inner links (`filter(…)` of `filter(…).first()`) are part of it.
  const outer = calls.filter((c) => !calls.some((o) => o.id !== c.id && contains(o.childForFieldName('function') ?? o, c)));
  if (outer.length === 0) return false;
  return outer.every((call) => {
    const segments = plainPath(ctx, call).split('.');
    const at = segments.findIndex((s, i) => i > 0 && (read.has(splitWords(s)[0] ?? '') || queries.has(s)));
    return at > 0 && stored.has(segments.slice(0, at).join('.'));
  });
}

/** `if (existing)`, `if existing:`, `if (!existing)`, `if x is None`, `if (x != null)`: the name tested and whether the branch runs when it was found. */
function existenceTest(ifStmt: Node): { name: string; whenFound: boolean } | null {
  const cond = unwrapParens(ifStmt.childForFieldName('condition'));
  if (cond === null) return null;
  const text = cond.text.replace(/\s+/g, ' ').trim();
  const m = /^(not |! ?)?([A-Za-z_$][\w$]*)(?: (is not|is) None| ?(!==?|===?) ?(?:null|undefined))?$/.exec(text);
  if (m === null) return null;
  const negated = m[1] !== undefined;
  const absentTest = m[3] === 'is' || m[4] === '==' || m[4] === '===';
  return { name: m[2]!, whenFound: negated === absentTest };
}

function consequenceOf(ifStmt: Node): Node | null {
  return ifStmt.childForFieldName('consequence');
}

/** The `if`'s own branch ends by leaving: `continue`, `return`, `break`. */
function leaves(ctx: FileContext, ifStmt: Node): boolean {
  if (ifStmt.childForFieldName('alternative') !== null) return false;
  const branch = consequenceOf(ifStmt);
  if (branch === null) return false;
  const last = branch.type === 'block' || branch.type === 'statement_block' ? blockStatements(branch).at(-1) : branch;
  return last !== undefined && (isExit(last, ctx.family) || last.type === 'continue_statement');
}

/** The `if` is a statement of a block that holds the send, before it (in the same loop pass or function run). */
function onTheWay(ctx: FileContext, ifStmt: Node, send: Node, body: Node): boolean {
  const block = ifStmt.parent;
  if (block === null || !contains(block, send) || !contains(body, block)) return false;
  // No function between the block and the send (a callback's send is not guarded by the outer `if`).
  for (let p = send.parent; p !== null && p.id !== block.id; p = p.parent) if (isFunction(p, ctx.family)) return false;
  return true;
}

/**
 * Whether `send` (a call of the function that `within` is, or holds) is made only in a branch that
 * runs when a lookup made before it found nothing, and that branch first stores what the lookup
 * looks for under the same name (find-or-create): `contact_id = get_contact(email)`, then `if
 * contact_id is None: contact_id = create_member(…); send_welcome(email)`. Once the create went
 * through, a repeated run finds it and skips the send; the code itself says the created value is
 * what the lookup returns by binding both to one name.
 */
export function sentOnlyWhenCreated(ctx: FileContext, send: Node, within: Node): boolean {
  for (let n: Node = send, p = send.parent; p !== null && n.id !== within.id; n = p, p = p.parent) {
    if (isFunction(p, ctx.family)) return false;
    if (p.type !== 'if_statement' || consequenceOf(p)?.id !== n.id) continue;
    const test = existenceTest(p);
    if (test === null || test.whenFound) continue;
    const looked = unwrapAwait(lastBindingBefore(ctx, test.name, p));
    if (looked === null || !isCall(looked, ctx.family) || !contains(within, looked)) continue;
    const created = unwrapAwait(lastBindingBefore(ctx, test.name, send));
    if (created !== null && created.id !== looked.id && isCall(created, ctx.family) && contains(n, created) && created.endIndex <= send.startIndex && createsRecord(ctx, created)) return true;
  }
  return false;
}

/**
 * The rebinding call stores what the lookup looks for: its name starts with a store write
 * (`record_write_methods`: `create_contact`, `Member.objects.create`, `insert`) or with a verb that
 * creates on the remote side (`calls.mutating.verbs`: `createContact`, `submit`). A call that only
 * fetches (`token = fetch_token()` after a cache miss) stores nothing, so a repeated run misses
 * again and sends again.
 */
function createsRecord(ctx: FileContext, call: Node): boolean {
  const writes = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  const verbs = wordSet(ctx, 'calls.mutating.verbs', ctx.vocab.calls['mutating']?.verbs ?? []);
  const method = lastSegment(plainPath(ctx, call));
  const first = splitWords(method)[0] ?? '';
  return writes.has(method) || writes.has(first) || verbs.has(first);
}
