import { calleePath, nodesWithin } from '../file-index.js';
import { normalizeName, splitWords, type WordSet } from '../names.js';
import { reachedCallsOf } from '../local-helpers.js';
import {
  literalEntries,
  keywordArgument,
  callArguments,
  BINDING_TYPES,
  bindingOf,
  callTypes,
  callee,
  contains,
  enclosingFunction,
  dottedPath,
  ifChain,
  isCall,
  lastSegment,
  namesUnder,
  stringValue,
  unwrapAwait,
  type Node,
} from '../syntax.js';
import { reachedInner } from '../scope.js';
import type { FileContext, Matcher } from '../types.js';
import { wordSet } from '../compiled.js';
import { lastBindingBefore } from '../bindings.js';
import { leavesSelection } from './once-guard.js';
import { movedOutBefore } from './sweep-marks.js';
import { sendsOnlyWhatRemains } from './remaining-work.js';
import { duplicateTakenAsDone } from './duplicate-answers.js';

/**
 * `const cancellation = await retryWithBackoff(() => duffel.createOrderCancellation(orderId))`, then
 * `confirmOrderCancellation(cancellation.id)`: the retried write's result, bound after the retry, is
 * handed to a later call named for a confirm (`retry.confirm_words`) outside the retried body. The
 * write made a pending request (a quote that expires unconfirmed) and the confirm, made once, is
 * what takes effect: a repeated pending request changes nothing. Only a retry around that write
 * alone: a retried body that confirms too repeats the effect.
 */
function confirmedAfterRetry(ctx: FileContext, construct: Node, body: Node, target: Node): boolean {
  const words = wordSet(ctx, 'confirm-words', ctx.vocab.retry.confirm_words);
  if (!isCall(construct, ctx.family) || contains(body, construct) || !contains(construct, target)) return false;
  let up: Node = construct;
  while (up.parent !== null && (up.parent.type === 'await_expression' || up.parent.type === 'await' || up.parent.type === 'parenthesized_expression')) up = up.parent;
  const bound = up.parent === null ? null : bindingOf(up.parent);
  if (bound === null || bound.value.id !== up.id) return false;
  const fn = enclosingFunction(construct, ctx.family);
  if (fn === null) return false;
  return nodesWithin(ctx, fn, callTypes(ctx.family)).some(
    (c) => c.startIndex > construct.endIndex && words.anyWordOf(lastSegment(calleePath(ctx, c))) && namesUnder(c.childForFieldName('arguments') ?? c).includes(bound.name),
  );
}

/**
 * `prior-success-check` — inside the candidate's retry scope, before the candidate, a lookup
 * whose result guards an early `return`/`break` (`if already_charged(order): return`, `existing
 * = find_charge(id)` then `if existing: return existing`), or an `if` on such a lookup that the
 * candidate sits in (`if not existing: charge()`).
 * Skips: checks before the loop (they run once, not before each attempt), and conditions on the
 * result of the mutating call itself (`if resp.status_code != 200`), which is the retry trigger,
 * not a check for a prior success.
 */
export const priorSuccessCheckMatcher: Matcher = {
  kind: 'prior-success-check',
  summary: 'a lookup before the call, in the retry scope, that exits early when it already succeeded',
  validate: () => null,
  test(ctx, _param, candidate) {
    const scope = candidate.scope;
    if (scope === undefined) return false;
    const target = candidate.node;
    // A client's own policy (`axiosRetry(axios, …)`, a session's mounted `Retry`) sends the request
    // again inside the call: a check made before the call ran once, for every attempt.
    if (scope.receiver !== undefined) return false;
    const region = scope.body.id === ctx.root.id ? (enclosingFunction(target, ctx.family) ?? ctx.root) : scope.body;
    if (checkedBefore(ctx, region, target, scope.redelivered?.verifier)) return true;
    // The attempt reads the provider's own state first and writes only what it says is left.
    if (sendsOnlyWhatRemains(ctx, region, target)) return true;
    // A handler of the attempt takes the provider's "already exists" refusal of a repeat as done.
    if (duplicateTakenAsDone(ctx, region, target)) return true;
    // A pending request retried on its own, which only a confirm after the retry makes take effect.
    if (confirmedAfterRetry(ctx, scope.construct, scope.body, target)) return true;
    // A sweep that moves the record out of its selection, and saves it, before the call: the next run does not select it again.
    if (leavesSelection(ctx, target, scope)) return true;
    // …or with a store write of its own (`db.payout.update({ where: { id }, data: { status: 'PROCESSING' } })`
    // in a sweep of PENDING payouts) before the call: a claim the next run's query no longer matches.
    if (movedOutBefore(ctx, target, scope)) return true;
    // Reached through a helper of this file: the helper may look before its own call, each run.
    const inner = reachedInner(candidate);
    const helper = inner && enclosingFunction(inner, ctx.family);
    return inner !== undefined && helper != null && !contains(helper, target) && checkedBefore(ctx, helper, inner);
  },
};

/**
 * A call of a helper another file retries (`StakingYieldService.distribute_yield`) is checked
 * when the helper looks before it, each run: before `call` in `fn`, or, made through a local
 * helper (`through`), before `inner` in that helper.
 */
export function checkedInFunction(ctx: FileContext, fn: Node, call: Node, inner: Node): boolean {
  if (checkedBefore(ctx, fn, call)) return true;
  const helper = inner.id === call.id ? null : enclosingFunction(inner, ctx.family);
  return helper != null && checkedBefore(ctx, helper, inner);
}

/**
 * A lookup in `region`, before `target`, that guards it or leaves early. `delivered`: the call that
 * verified a redelivered webhook's event; a test of the event itself (`event.type ===
 * 'payment_intent.succeeded'`) dispatches the delivery and looks nothing up.
 */
function checkedBefore(ctx: FileContext, region: Node, target: Node, delivered?: Node): boolean {
    for (const ifStmt of nodesWithin(ctx, region, 'if_statement')) {
      if (ifStmt.startIndex >= target.startIndex) break;
      const branches = ctx.memo(`if-chain:${ifStmt.id}`, () => ifChain(ifStmt, ctx.family));
      const head = branches[0];
      const condition = head?.condition;
      if (head === undefined || condition == null) continue;
      // Whether an if is a lookup does not depend on the candidate: decided once per if.
      const lookup = ctx.memo(`lookup:${region.id}:${ifStmt.id}:${delivered?.id ?? ''}`, () => isLookup(ctx, condition, region, ifStmt, delivered));
      if (!lookup) {
        if (getsOrCreates(ctx, region, ifStmt, branches, target)) return true;
        if (!testsStoredOutcome(ctx, region, condition, target)) continue;
      } else if (lookup === FOUND_ONLY && runsWhenFound(ctx, condition, ifStmt, head.body, target)) continue;
      else if (readsOnlyTheOriginal(ctx, region, condition, ifStmt, target)) continue;
      if (contains(ifStmt, target)) return true;
      if (leavesEarly(ctx, head.body, target)) return true;
    }
    return false;
}

/**
 * A lookup that says nothing of a prior success but that it looked (`payment =
 * PaymentModel.findById(transaction.payment)`, only the read verb `find` is a prior-success word):
 * its record being there proves no earlier attempt, so a check on it counts only when the target
 * runs when it found nothing (`if existing: return`), not when it runs because it found the record
 * (`if (!payment) continue` … `refundCharge(…)`).
 */
const FOUND_ONLY = 'found-only';

/** The target runs when the tested value is there: after an `if (!x) continue`, or inside an `if (x)`. */
function runsWhenFound(ctx: FileContext, condition: Node, ifStmt: Node, body: Node, target: Node): boolean {
  const text = condition.text.replace(/^\((.*)\)$/s, '$1').trim();
  const absent = /^(?:not\s|!(?!=))/.test(text) || /\bis\s+None$/.test(text) || /(?<![!=])===?\s*(?:null|undefined|None)$/.test(text);
  return absent ? !contains(ifStmt, target) && leavesEarly(ctx, body, target) : contains(body, target);
}

/** A `return` or `break`, or a `continue` that skips the rest of a loop holding the target (`if record.paid: continue`). */
function leavesEarly(ctx: FileContext, body: Node, target: Node): boolean {
  // What a body holds does not depend on the target: walked once per body.
  const { exits, skips } = ctx.memo(`leaves:${body.id}`, () => {
    const kinds = ['return_statement', 'break_statement'];
    return {
      exits: kinds.includes(body.type) || body.descendantsOfType(kinds).length > 0,
      skips: body.type === 'continue_statement' ? [body] : body.descendantsOfType('continue_statement'),
    };
  });
  if (exits) return true;
  return skips.some((skip) => {
    const loop = enclosingLoop(ctx, skip);
    return loop !== null && contains(loop, target);
  });
}

const LOOP_TYPES = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);

/** The loop a `continue` continues: the nearest one around it in the same function. */
function enclosingLoop(ctx: FileContext, node: Node): Node | null {
  const fn = enclosingFunction(node, ctx.family);
  for (let p = node.parent; p !== null && p.id !== fn?.id; p = p.parent) if (LOOP_TYPES.has(p.type)) return p;
  return null;
}

/**
 * Get-or-create: `result = get_identity_by_address(addr)` then `if result: … else:
 * create_identity(…)`, or `if (customer) return customer` before `createCustomer(…)`. The target runs only when a read of the same thing (a word of its name
 * after the verb: `identity`) found nothing, so an attempt after one that created it finds it.
 */
function getsOrCreates(ctx: FileContext, region: Node, ifStmt: Node, branches: ReturnType<typeof ifChain>, target: Node): boolean {
  const head = branches[0];
  const condition = head?.condition;
  if (head === undefined || condition == null) return false;
  // The condition's reading does not depend on the target: decided once per if.
  const test = ctx.memo(`gets-or-creates:${ifStmt.id}`, () => testedLookup(condition));
  if (test === null) return false;
  const { walrus, tested, emptyFirst } = test;
  // The target sits in that branch, or after an `if result: return result` that leaves when found.
  const guarded = contains(ifStmt, target) ? emptyFirst === contains(head.body, target) : !emptyFirst && leavesEarly(ctx, head.body, target);
  if (!guarded) return false;
  const walrusValue = walrus?.value == null ? null : unwrapAwait(walrus.value);
  const bound = walrusValue !== null && isCall(walrusValue, ctx.family) && reachedCallsOf(ctx, walrusValue, 'mutating').length === 0 ? walrusValue : lastBoundCall(ctx, region, tested, ifStmt);
  if (bound === null) return false;
  const read = wordSet(ctx, 'read_verbs', ctx.vocab.read_verbs);
  const looked = splitWords(lastSegment(calleePath(ctx, bound)));
  // The record found is the one the run stores the write's outcome in (`contact.stripe_id =
  // response['id']` after `stripe.Customer.create`): an attempt after one that wrote finds it.
  if (storesOutcomeIn(ctx, region, target, tested) && readsRecord(ctx, bound)) return true;
  if (!read.has(looked[0] ?? '')) return false;
  const joining = wordSet(ctx, 'name_joining_words', ctx.vocab.name_joining_words);
  const made = new Set(nouns(splitWords(lastSegment(calleePath(ctx, target))), joining));
  return nouns(looked, joining).some((w) => made.has(w));
}

/** What a get-or-create's condition tests: the name, the walrus binding it, and whether its first branch runs when nothing was found. */
function testedLookup(condition: Node): { walrus: { name: Node | null; value: Node | null } | null; tested: string; emptyFirst: boolean } | null {
  // `if contact := PaymentContact.objects.filter(user=user).first(): return contact`: the walrus
  // binds the lookup and tests it at once.
  const walrus = condition.type === 'named_expression' ? { name: condition.childForFieldName('name'), value: condition.childForFieldName('value') } : null;
  const tested = walrus?.name?.text ?? condition.text.replace(/^(?:not\s+|!\s*)/, '').replace(/\s*(?:is(?:\s+not)?\s+None|[!=]==?\s*(?:null|undefined|None))$/, '').replace(/^\((.*)\)$/s, '$1');
  if (!/^[A-Za-z_$][\w$]*$/.test(tested) || (walrus === null && !existenceTest(condition, tested))) return null;
  // Which branch runs when the lookup found nothing: the `if` of `not result` / `result is None`, else the rest.
  const text = condition.text.trim();
  const emptyFirst = /^(?:not\s|!(?!=))/.test(text) || /\bis\s+None$/.test(text) || /(?<![!=])===?\s*(?:null|undefined|None)$/.test(text);
  return { walrus, tested, emptyFirst };
}

/**
 * `if record.payout_id is not None: continue` … `record.payout_id = create_payout(…)`; `if
 * (metadata.transactionId) return` … `update(id, { metadata: { transactionId: data.transactionId } })`
 * with `data` the target's result: the condition reads the field the run stores the write's
 * outcome in, so an attempt after one that wrote (and stored) stops there. A trailing `id` is
 * left out of both names (`distribution_id` is the `distribution` stored).
 */
function testsStoredOutcome(ctx: FileContext, region: Node, condition: Node, target: Node): boolean {
  const tested = ctx.memo(`fields-tested:${condition.id}`, () => new Set(fieldsRead(condition).map(fieldKey)));
  if (tested.size === 0) return false;
  const stored = ctx.memo(`stored-outcome:${region.id}`, () => new Map<number, Set<string>>());
  let fields = stored.get(target.id);
  if (fields === undefined) stored.set(target.id, (fields = storedOutcomeFields(ctx, region, target)));
  return [...tested].some((f) => fields.has(f));
}

const MEMBER_TYPES = ['attribute', 'member_expression'];

function fieldsRead(node: Node): string[] {
  const members = MEMBER_TYPES.includes(node.type) ? [node] : node.descendantsOfType(MEMBER_TYPES);
  return members.flatMap((m) => {
    const field = m.childForFieldName('attribute') ?? m.childForFieldName('property');
    return field === null ? [] : [field.text];
  });
}

function fieldKey(name: string): string {
  const n = normalizeName(name);
  return n.length > 2 && n.endsWith('id') ? n.slice(0, -2) : n;
}

/** Fields assigned, or object keys and keywords given, the target's result (the call or the name it is bound to) after it. */
function storedOutcomeFields(ctx: FileContext, region: Node, target: Node): Set<string> {
  const out = new Set<string>();
  let holder: Node | null = target.parent;
  while (holder !== null && !BINDING_TYPES.includes(holder.type as (typeof BINDING_TYPES)[number]) && !/statement|block/.test(holder.type)) holder = holder.parent;
  const binding = holder === null ? null : bindingOf(holder);
  const result = binding !== null && contains(binding.value, target) ? binding.name : null;
  const holds = (value: Node) => contains(value, target) || (result !== null && (value.text === result || namesUnder(value).includes(result)));
  for (const node of nodesWithin(ctx, region, [...BINDING_TYPES, 'pair', 'keyword_argument'])) {
    if (node.endIndex <= target.startIndex) continue;
    const left = node.childForFieldName('left') ?? node.childForFieldName('key') ?? node.childForFieldName('name');
    const right = node.childForFieldName('right') ?? node.childForFieldName('value');
    if (left === null || right === null || !holds(right)) continue;
    const field = MEMBER_TYPES.includes(left.type) ? fieldsRead(left).at(-1) : node.type === 'pair' || node.type === 'keyword_argument' ? (stringValue(left) ?? left.text) : undefined;
    if (field !== undefined) out.add(fieldKey(field));
  }
  return out;
}

/**
 * Whether a field of `name` is assigned the target's result after it (`contact.stripe_id =
 * response['id']`, `customer.stripeId = created.id`).
 */
function storesOutcomeIn(ctx: FileContext, region: Node, target: Node, name: string): boolean {
  let holder: Node | null = target.parent;
  while (holder !== null && !BINDING_TYPES.includes(holder.type as (typeof BINDING_TYPES)[number]) && !/statement|block/.test(holder.type)) holder = holder.parent;
  const binding = holder === null ? null : bindingOf(holder);
  const result = binding !== null && contains(binding.value, target) ? binding.name : null;
  const holds = (value: Node) => contains(value, target) || (result !== null && (value.text === result || namesUnder(value).includes(result)));
  for (const node of nodesWithin(ctx, region, ['assignment', 'assignment_expression'])) {
    if (node.endIndex <= target.startIndex) continue;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left === null || right === null || !MEMBER_TYPES.includes(left.type) || !holds(right)) continue;
    const object = left.childForFieldName('object');
    if (object?.text === name) return true;
  }
  return false;
}

/**
 * A read of a stored record: a call whose dotted path has a read verb or a record query
 * (`PaymentContact.objects.filter(user=user).first()`, `Customer.findOne({ userId })`).
 */
function readsRecord(ctx: FileContext, call: Node): boolean {
  const read = wordSet(ctx, 'read_verbs', ctx.vocab.read_verbs);
  const queries = wordSet(ctx, 'record_query_methods', ctx.vocab.record_query_methods);
  const path = calleePath(ctx, call).replace(/\(.*?\)/g, '');
  return path.split('.').some((segment) => {
    const first = splitWords(segment)[0] ?? '';
    return read.has(first) || queries.has(segment);
  });
}

/** The words of a called name after its verb, without joining words (`by`, `for`). */
function nouns(words: string[], joining: WordSet): string[] {
  return words.slice(1).filter((w) => w.length > 2 && !joining.has(w));
}

/** The call whose result `name` holds at `before` (a read, not a write), in `region`. */
function lastBoundCall(ctx: FileContext, region: Node, name: string, before: Node): Node | null {
  let found: Node | null = null;
  for (const node of nodesWithin(ctx, region, BINDING_TYPES)) {
    if (node.startIndex >= before.startIndex) break;
    const b = bindingOf(node);
    if (b === null || b.name !== name) continue;
    const value = unwrapAwait(b.value);
    found = value !== null && isCall(value, ctx.family) && reachedCallsOf(ctx, value, 'mutating').length === 0 ? value : null;
  }
  return found;
}

/**
 * `const pi = await stripe.paymentIntents.retrieve(payment.stripe_payment_intent_id)`, then `if
 * (pi.status === 'requires_payment_method') { await stripe.paymentIntents.create(…) }`: every name
 * the condition tests holds a read of one object by id (`retry.by_id_read_verbs`) on the very
 * collection the target makes a new object in (`retry.new_object_verbs`). The id it reads by is
 * the one the record held before the attempt; the object an earlier attempt created has an id
 * that only its lost response carried. The check sees the original, never the duplicate.
 */
function readsOnlyTheOriginal(ctx: FileContext, region: Node, condition: Node, ifStmt: Node, target: Node): boolean {
  if (!isCall(target, ctx.family)) return false;
  const makes = wordSet(ctx, 'new_object_verbs', ctx.vocab.retry.new_object_verbs);
  const byId = wordSet(ctx, 'by_id_read_verbs', ctx.vocab.retry.by_id_read_verbs);
  const path = calleePath(ctx, target);
  const dot = path.lastIndexOf('.');
  if (dot <= 0 || !makes.has(splitWords(path.slice(dot + 1))[0] ?? '')) return false;
  const collection = path.slice(0, dot);
  const names = [...new Set(namesUnder(condition))];
  let reads = 0;
  for (const name of names) {
    const call = lastBoundCall(ctx, region, name, ifStmt);
    if (call === null) continue;
    const read = calleePath(ctx, call);
    const at = read.lastIndexOf('.');
    const verbs = splitWords(read.slice(at + 1));
    if (at <= 0 || read.slice(0, at) !== collection || verbs.length !== 1 || !byId.has(verbs[0] ?? '')) return false;
    reads++;
  }
  return reads > 0;
}

/** Calls that read a clock, a counter or the argument itself: they check no prior attempt. */
const NOT_LOOKUPS = /^(time|datetime|Date|Math|random|perf_counter|monotonic|len|isinstance|int|str|float|bool|Number|String|Boolean|Array\.isArray)(\.|$)/;

/**
 * A condition that reads state about an earlier success: calls a non-mutating function, or tests a
 * name bound from one, and mentions a prior-success word (`already_charged(o)`, `existing`,
 * `prior.status`) in the condition or that lookup.
 */
function isLookup(ctx: FileContext, condition: Node, region: Node, before: Node, delivered?: Node): boolean | typeof FOUND_ONLY {
  const words = wordSet(ctx, 'prior_success_words', ctx.vocab.prior_success_words);
  const says = (n: Node) => textWords(ctx, n).some((w) => words.anyStemOf(w));
  // Words that name a prior success, not only the act of reading (`find` of `findById`).
  const reads = wordSet(ctx, 'read_verbs', ctx.vocab.read_verbs);
  const saysMore = (n: Node) => textWords(ctx, n).some((w) => splitWords(w).some((part) => !reads.has(part) && words.anyStemOf(part)));
  const calls = condition.descendantsOfType(callTypes(ctx.family) as string[]);
  if (isCall(condition, ctx.family)) calls.push(condition);
  const conditionSays = says(condition);
  if (calls.some((c) => reachedCallsOf(ctx, c, 'mutating').length === 0 && !NOT_LOOKUPS.test(dottedPath(callee(c))) && (conditionSays || says(c)))) return true;
  const names = new Set(condition.descendantsOfType('identifier').map((n) => n.text));
  if (condition.type === 'identifier') names.add(condition.text);
  for (const node of nodesWithin(ctx, region, BINDING_TYPES)) {
    if (node.startIndex >= before.startIndex) break;
    const b = bindingOf(node);
    if (b === null || !names.has(b.name)) continue;
    const value = unwrapAwait(b.value);
    if (delivered !== undefined && value !== null && contains(value, delivered)) continue;
    // A looked-up record proves a prior success by existing (`if existing:`), or by a field the
    // condition names (`prior.status`); another field of it (`w.network === 'ETH'`) proves nothing.
    const exists = existenceTest(condition, b.name);
    const bySource = says(value ?? b.value) && exists;
    if (value && isCall(value, ctx.family) && reachedCallsOf(ctx, value, 'mutating').length === 0 && !readsOwnLiteral(ctx, value) && (conditionSays || bySource)) {
      // `const delivery = await repo.findOne({ where: { id: deliveryId } }); if (!delivery) return;`: the
      // name says `delivery`, but a record found by its id alone says only that it is there.
      if (exists && findsByIdentityOnly(ctx, value)) return FOUND_ONLY;
      return conditionSays || saysMore(value) ? true : FOUND_ONLY;
    }
  }
  return false;
}

const LITERALS = new Set(['dictionary', 'object', 'list', 'array']);

/**
 * A lookup whose filter names only identity keys (`record_identity_keys`): `findOne({ where: { id } })`,
 * `objects.get(pk=pk)`, `findOne({ id })`. Objects are read through (`where: {…}`); any other key (a
 * status, an order id) makes it a lookup of something an attempt may have made.
 */
function findsByIdentityOnly(ctx: FileContext, call: Node): boolean {
  const ids = ctx.memo('record-identity-keys', () => new Set(ctx.vocab.record_identity_keys.map(normalizeName)));
  if (ids.size === 0) return false;
  const keys: string[] = [];
  const read = (node: Node): boolean => {
    const kw = keywordArgument(node);
    if (kw !== null) { keys.push(kw.name); return true; }
    if (node.type !== 'object' && node.type !== 'dictionary') return false;
    for (const e of literalEntries(node)) {
      const inner = e.value;
      if (inner.type === 'object' || inner.type === 'dictionary') { if (!read(inner)) return false; }
      else keys.push(e.key);
    }
    return true;
  };
  // `objects.filter(id=delivery_id).first()`: the filters of every call of the chain.
  for (let link: Node | null = call; link !== null && isCall(link, ctx.family); link = unwrapAwait(callee(link)?.childForFieldName('object') ?? null)) {
    if (!callArguments(link).every(read)) return false;
  }
  return keys.length > 0 && keys.every((k) => ids.has(normalizeName(k)));
}

/**
 * `existing_key = options.get("acme_private_key")` with `options = {}` built in the function: a
 * read of a value the function itself filled from its arguments, the same on every attempt, so it
 * tells nothing of what an earlier attempt did.
 */
function readsOwnLiteral(ctx: FileContext, call: Node): boolean {
  const fn = call.childForFieldName('function');
  const receiver = fn?.childForFieldName('object');
  if (receiver?.type !== 'identifier') return false;
  // `options[name] = value` fills the literal: the binding that made it is further up.
  let bound = lastBindingBefore(ctx, receiver.text, call);
  while (bound?.parent != null && /subscript/.test(bound.parent.childForFieldName('left')?.type ?? '')) bound = lastBindingBefore(ctx, receiver.text, bound.parent);
  return bound != null && LITERALS.has(bound.type) && enclosingFunction(bound, ctx.family)?.id === enclosingFunction(call, ctx.family)?.id;
}

/** Identifiers and string contents under a node. */
function textWords(ctx: FileContext, node: Node): string[] {
  const text = ctx.source.slice(node.startIndex, node.endIndex);
  return text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
}

/** `existing`, `not existing`, `!payment`, `x is None`, `x == null`, `x === undefined`: a test of whether `name` holds a value at all. */
function existenceTest(condition: Node, name: string): boolean {
  const text = condition.text.replace(/[()\s]+/g, ' ').trim();
  const n = name.replace(/[$]/g, '\\$');
  return new RegExp(`^(?:not |! ?)?${n}(?: is (?:not )?None| ?[!=]==? ?(?:null|undefined|None))?$`).test(text);
}
