import { nodesWithin } from '../file-index.js';
import { reachedCallsOf } from '../local-helpers.js';
import {
  BINDING_TYPES,
  bindingOf,
  callTypes,
  callee,
  contains,
  enclosingFunction,
  dottedPath,
  ifChain,
  isCall,
  unwrapAwait,
  type Node,
} from '../syntax.js';
import { reachedInner } from '../scope.js';
import type { FileContext, Matcher } from '../types.js';
import { wordSet } from '../compiled.js';
import { lastBindingBefore } from '../bindings.js';

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
    // A client-wide policy spans the file: a check counts in the function that makes the call.
    const region = scope.body.id === ctx.root.id ? (enclosingFunction(target, ctx.family) ?? ctx.root) : scope.body;
    if (checkedBefore(ctx, region, target)) return true;
    // Reached through a helper of this file: the helper may look before its own call, each run.
    const inner = reachedInner(candidate);
    const helper = inner && enclosingFunction(inner, ctx.family);
    return inner !== undefined && helper != null && !contains(helper, target) && checkedBefore(ctx, helper, inner);
  },
};

/** A lookup in `region`, before `target`, that guards it or leaves early. */
function checkedBefore(ctx: FileContext, region: Node, target: Node): boolean {
    for (const ifStmt of nodesWithin(ctx, region, 'if_statement')) {
      if (ifStmt.startIndex >= target.startIndex) break;
      const branches = ifChain(ifStmt, ctx.family);
      const head = branches[0];
      const condition = head?.condition;
      if (head === undefined || condition == null) continue;
      // Whether an if is a lookup does not depend on the candidate: decided once per if.
      if (!ctx.memo(`lookup:${region.id}:${ifStmt.id}`, () => isLookup(ctx, condition, region, ifStmt))) continue;
      if (contains(ifStmt, target)) return true;
      if (leavesEarly(ctx, head.body)) return true;
    }
    return false;
}

function leavesEarly(ctx: FileContext, body: Node): boolean {
  const exits = ['return_statement', 'break_statement'];
  return exits.includes(body.type) || body.descendantsOfType(exits).length > 0 || (ctx.family === 'ecma' && body.type === 'return_statement');
}

/** Calls that read a clock, a counter or the argument itself: they check no prior attempt. */
const NOT_LOOKUPS = /^(time|datetime|Date|Math|random|perf_counter|monotonic|len|isinstance|int|str|float|bool|Number|String|Boolean|Array\.isArray)(\.|$)/;

/**
 * A condition that reads state about an earlier success: calls a non-mutating function, or tests a
 * name bound from one, and mentions a prior-success word (`already_charged(o)`, `existing`,
 * `prior.status`) in the condition or that lookup.
 */
function isLookup(ctx: FileContext, condition: Node, region: Node, before: Node): boolean {
  const words = wordSet(ctx, 'prior_success_words', ctx.vocab.prior_success_words);
  const says = (n: Node) => textWords(ctx, n).some((w) => words.anyStemOf(w));
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
    // A looked-up record proves a prior success by existing (`if existing:`), or by a field the
    // condition names (`prior.status`); another field of it (`w.network === 'ETH'`) proves nothing.
    const bySource = says(value ?? b.value) && existenceTest(condition, b.name);
    if (value && isCall(value, ctx.family) && reachedCallsOf(ctx, value, 'mutating').length === 0 && !readsOwnLiteral(ctx, value) && (conditionSays || bySource)) return true;
  }
  return false;
}

const LITERALS = new Set(['dictionary', 'object', 'list', 'array']);

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
