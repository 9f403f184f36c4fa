import { wordSet } from '../compiled.js';
import { splitWords } from '../names.js';
import { blockStatements, callArguments, isCall, keywordArgument, literalEntries, stringValue, unwrapValue, type Node } from '../syntax.js';
import type { FileContext } from '../types.js';

/** Text of a number bumped (`failures + 1`, `+= 1`, `++`): a cheap test before the tree walk. */
export const BUMPS = /\+\s*1\b|\+\+|\+=/;

/**
 * A loop over records that keeps each record's own count of attempts: it skips a record whose
 * counter has reached a limit (`if (failures >= MAX_RETRY_ATTEMPTS) continue`, the counter read off
 * the record directly or through a name bound to it: `const failures = sub.autoRenewFailureCount || 0`)
 * and writes that same counter back one higher (`doc.ref.update({ autoRenewFailureCount: failures + 1 })`,
 * `sub.failure_count += 1`). The count exists only so that a later run tries the record again until
 * the limit: the loop is a retry by re-selection, whatever its query selects and whatever the counter
 * is called. Both halves are needed: a counter bumped with no limit (`views: post.views + 1`) retries
 * nothing, and a limit read with no bump is a filter.
 */
export function countsOwnAttempts(ctx: FileContext, loop: Node, body: Node): boolean {
  const left = loop.childForFieldName('left');
  if (left === null) return false;
  if (!BUMPS.test(body.text)) return false;
  const records = new Set(left.type === 'identifier' ? [left.text] : left.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']).map((n) => n.text));
  if (records.size === 0) return false;
  const bindings = body.descendantsOfType(['variable_declarator', 'assignment']).flatMap((b) => {
    const name = b.childForFieldName('name') ?? b.childForFieldName('left');
    const value = b.childForFieldName('value') ?? b.childForFieldName('right');
    return name?.type === 'identifier' && value !== null ? [{ name: name.text, value }] : [];
  });
  // `const subscription = doc.data() as Subscription`: a name bound to what the record holds is the record too.
  // (A call of it only: `const userId = subscription.userId` is a value of the record, not the record.)
  for (const b of bindings) {
    const root = rootName(b.value);
    if (!records.has(b.name) && root !== null && records.has(root) && /^(?:call|call_expression)$/.test((unwrapValue(b.value) ?? b.value).type)) records.add(b.name);
  }
  // The fields read off a record in a value (`sub.failure_count`, `subscription.autoRenewFailureCount || 0`).
  // (`descendantsOfType` holds the node itself when it is of the type.)
  const fieldsRead = (value: Node): string[] =>
    value.descendantsOfType(['member_expression', 'attribute']).flatMap((m) => {
      if (m.type !== 'member_expression' && m.type !== 'attribute') return [];
      const object = m.childForFieldName('object');
      const field = m.childForFieldName('property') ?? m.childForFieldName('attribute');
      return object !== null && field !== null && records.has(object.text) ? [field.text] : [];
    });
  // Names that hold a record's field (`failureCountField = subscription.autoRenewFailureCount || 0`).
  const holders = new Map<string, string>();
  for (const b of bindings) {
    const [field] = fieldsRead(b.value);
    if (field !== undefined && !records.has(b.name)) holders.set(b.name, field);
  }
  const counterOf = (n: Node): string | undefined => {
    if (n.type === 'identifier') return holders.get(n.text);
    if (n.type !== 'member_expression' && n.type !== 'attribute') return undefined;
    const read = fieldsRead(n);
    return read.length === 1 ? read[0] : undefined;
  };
  const limited = limitedCounters(ctx, body, counterOf);
  if (limited.size === 0) return false;
  // One more than the counter: `failures + 1`, or a name bound to it (`newFailureCount = failureCountField + 1`).
  const plusOne = (value: Node, field: string, depth = 0): boolean => {
    if (value.type === 'identifier' && depth === 0) return bindings.some((b) => b.name === value.text && plusOne(b.value, field, 1));
    if (value.type !== 'binary_expression' && value.type !== 'binary_operator') return false;
    const [a, b] = value.namedChildren;
    if (a === undefined || b === undefined || !/^\s*\+/.test(value.text.slice(a.endIndex - value.startIndex)) || b.text !== '1') return false;
    // `F("failure_count") + 1`: a call handed the field's own name reads that field (Django's `F`, as `amountMoves` reads it).
    const readsField = isCall(a, ctx.family) && callArguments(a).some((arg) => stringValue(arg) === field);
    return counterOf(a) === field || a.descendantsOfType(['identifier', 'member_expression', 'attribute']).some((n) => counterOf(n) === field) || readsField;
  };
  for (const field of limited) {
    // `update({ autoRenewFailureCount: n + 1 })`, `.update(failure_count=F("failure_count") + 1)`
    for (const obj of body.descendantsOfType(['object', 'dictionary'])) for (const e of literalEntries(obj)) if (e.key === field && plusOne(e.value, field)) return true;
    for (const arg of body.descendantsOfType('keyword_argument')) {
      const kw = keywordArgument(arg);
      if (kw !== null && kw.name === field && plusOne(kw.value, field)) return true;
    }
    // `sub.failure_count += 1`, `sub.failureCount++`, `sub.failure_count = sub.failure_count + 1`
    for (const n of body.descendantsOfType(['augmented_assignment', 'augmented_assignment_expression', 'update_expression', 'assignment', 'assignment_expression'])) {
      const target = n.type === 'update_expression' ? n.childForFieldName('argument') : n.childForFieldName('left');
      if (target === null || counterOf(target) !== field || (target.type !== 'member_expression' && target.type !== 'attribute')) continue;
      if (n.type === 'update_expression' ? n.text.includes('++') : n.type.startsWith('augmented') ? /\+=/.test(n.text) : plusOne(n.childForFieldName('right')!, field)) return true;
    }
  }
  return false;
}

/**
 * The record fields an `if` of the loop body compares with a limit and skips the record at
 * (`if (failures >= MAX_RETRY_ATTEMPTS) { … continue }`): the counter on the side that grows
 * (`>=`, `>`; mirrored), the limit a name with a limit word (`retry.limit_words`) or one ending in a
 * counter word (`MAX_ATTEMPTS`, `self.max_retries`), the branch ending with `continue`.
 */
function limitedCounters(ctx: FileContext, body: Node, counterOf: (n: Node) => string | undefined): Set<string> {
  const limits = wordSet(ctx, 'limit_words', ctx.vocab.retry.limit_words);
  const counters = wordSet(ctx, 'due_counter_words', ctx.vocab.retry.due_counter_words);
  const namedLimit = (n: Node) => {
    if (n.type !== 'identifier' && n.type !== 'member_expression' && n.type !== 'attribute') return false;
    const words = splitWords(n.text);
    return words.some((w) => limits.has(w)) || counters.has(words.at(-1) ?? '');
  };
  const out = new Set<string>();
  for (const st of body.descendantsOfType('if_statement')) {
    const branch = st.childForFieldName('consequence');
    const last = branch === null ? undefined : branch.type === 'block' || branch.type === 'statement_block' ? blockStatements(branch).at(-1) : branch;
    if (last?.type !== 'continue_statement') continue;
    const cond = st.childForFieldName('condition');
    if (cond === null) continue;
    for (const c of [cond, ...cond.descendantsOfType(['binary_expression', 'comparison_operator'])]) {
      if ((c.type !== 'binary_expression' && c.type !== 'comparison_operator') || c.namedChildCount !== 2) continue;
      const [a, b] = [c.namedChild(0)!, c.namedChild(1)!];
      const op = c.children.find((k) => !k.isNamed)?.text ?? '';
      const onLeft = counterOf(a);
      const onRight = counterOf(b);
      if (onLeft !== undefined && (op === '>=' || op === '>') && namedLimit(b)) out.add(onLeft);
      if (onRight !== undefined && (op === '<=' || op === '<') && namedLimit(a)) out.add(onRight);
    }
  }
  return out;
}

const CASTS = new Set(['as_expression', 'satisfies_expression', 'non_null_expression', 'await_expression', 'await', 'parenthesized_expression']);

/** The name a chain of calls, member reads and casts starts from (`doc` of `doc.data() as Subscription`, `await doc.get()`). */
function rootName(value: Node): string | null {
  let n: Node | null = value;
  while (n !== null) {
    if (n.type === 'identifier') return n.text;
    if (CASTS.has(n.type)) n = n.firstNamedChild;
    else if (n.type === 'call_expression' || n.type === 'call') n = n.childForFieldName('function');
    else if (n.type === 'member_expression' || n.type === 'attribute') n = n.childForFieldName('object');
    else return null;
  }
  return null;
}
