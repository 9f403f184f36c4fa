import { calleePath, callsWithin } from '../file-index.js';
import { projectImportOf } from '../imports.js';
import { isTypedMemberCall } from './call.js';
import { reachedCallsOf, resolveLocalFunction } from '../local-helpers.js';
import { normalizeName } from '../names.js';
import {
  BINDING_TYPES,
  bindingOf,
  callArguments,
  callTypes,
  callee,
  dottedPath,
  functionBody,
  enclosingFunction,
  functionParameters,
  isCall,
  namesUnder,
  stringsUnder,
  type Node,
} from '../syntax.js';
import type { FileContext, Matcher } from '../types.js';

/**
 * `idempotency-key[: <keys>]` — the candidate call passes a key from the named key list
 * (`keys.idempotency` by default; AP-002 uses `keys.dedup`): as a keyword argument, an argument
 * named for it, an object property or header anywhere in the arguments (`{ headers: {
 * 'Idempotency-Key': k } }`, Stripe's `create(params, { idempotencyKey })`), or through a variable
 * or spread whose assignments earlier in the same function carry it (`headers = {...}`,
 * `headers["Idempotency-Key"] = k`, `**opts`).
 * A `**kwargs` / `...options` spread of the enclosing function's own parameter is trusted to
 * carry the key: the caller decides, and flagging every pass-through wrapper would be noise.
 */
export const idempotencyKeyMatcher: Matcher = {
  kind: 'idempotency-key',
  summary: 'the call passes an idempotency (or dedup) key in its arguments, headers or options',
  validate: (param, vocab) =>
    vocab.keys[param ?? 'idempotency'] === undefined
      ? `names the key list "${param ?? 'idempotency'}", which is not defined under vocabulary keys (known: ${Object.keys(vocab.keys).join(', ')})`
      : null,
  test(ctx, param, candidate) {
    const call = candidate.node;
    const list = param ?? 'idempotency';
    // For an imported helper, whether its own call passes a key is decided at link time.
    const helper = (candidate.requires ?? []).find((r) => r.kind === 'helper');
    if (helper?.kind === 'helper') helper.keyList = list;
    if (!isCall(call, ctx.family)) return false;
    if (passesKey(ctx, call, list)) return true;
    if (helper === undefined && candidate.vocab && resolveLocalFunction(ctx, call) === null) {
      const path = dottedPath(callee(call));
      const typed = isTypedMemberCall(ctx, path);
      if (typed || projectImportOf(ctx, path) !== undefined) {
        (candidate.requires ??= []).push({ kind: 'helper', local: path, vocab: candidate.vocab, keyList: list, mode: 'unless-keyed', ...(typed ? { typed } : {}) });
      }
    }
    // A helper defined in this file is keyed when every call it makes of that kind passes a key.
    const inner = innerCalls(ctx, call);
    return inner.length > 0 && inner.every((c) => passesKey(ctx, c, list));
  },
};

function keyTest(ctx: FileContext, list: string): (name: string) => boolean {
  return ctx.memo(`keys:${list}`, () => {
    const patterns = (ctx.vocab.keys[list] ?? []).map((k) => {
      const body = normalizeName(k.replace(/\*/g, 'STAR')).split('star').join('.*');
      return new RegExp(`^${body}$`);
    });
    return (name: string) => {
      const n = normalizeName(name);
      return n.length > 0 && patterns.some((p) => p.test(n));
    };
  });
}

/** Whether `call` passes a key of the list in its arguments or a variable built before it. */
export function passesKey(ctx: FileContext, call: Node, list: string): boolean {
  const isKey = keyTest(ctx, list);
  const args = call.childForFieldName('arguments');
  if (args === null) return false;
  if (namesUnder(args).some(isKey) || stringsUnder(args).some(isKey)) return true;
  if (args.descendantsOfType('keyword_argument').some((kw) => isKey(kw.childForFieldName('name')?.text ?? ''))) return true;
  if (builtByLocalFunction(ctx, args, isKey)) return true;

  // Variables are looked up in the enclosing function and, for closures (a retry callback), in
  // the functions around it, innermost first.
  const scopes: Node[] = [];
  for (let fn = enclosingFunction(call, ctx.family); fn !== null; fn = enclosingFunction(fn, ctx.family)) scopes.push(fn);
  const params = new Set(scopes.flatMap((fn) => functionParameters(fn)));
  scopes.push(ctx.root);
  for (const arg of callArguments(call)) {
    for (const ref of referencedNames(arg)) {
      if (ref.trusted && params.has(ref.name)) return true;
      if (scopes.some((scope) => carriedByVariable(ctx, scope, ref.name, call, isKey))) return true;
    }
    if (spreadsProjectCall(ctx, arg)) return true;
  }
  return false;
}

/**
 * `**payout_options(payout)` / `...requestOptions(order)` where the function comes from another
 * module of the project: options built elsewhere are trusted to carry the key, like a spread of
 * the caller's own parameters.
 */
function spreadsProjectCall(ctx: FileContext, arg: Node): boolean {
  const spreads = ['dictionary_splat', 'spread_element'];
  const candidates = spreads.includes(arg.type) ? [arg] : arg.descendantsOfType(spreads);
  return candidates.some((s) => {
    const inner = s.firstNamedChild;
    return inner !== null && isCall(inner, ctx.family) && projectImportOf(ctx, calleePath(ctx, inner)) !== undefined;
  });
}

/**
 * Plain names an argument hands over: `headers=headers`, `opts`, `**opts`, `...opts`, `{ ...opts }`.
 * A spread is `trusted` (may carry the key unseen) when it is a whole argument (`**kwargs`,
 * `...options`) or sits in an options or headers object, not when it fills a request body.
 */
function referencedNames(arg: Node): { name: string; trusted: boolean }[] {
  const out: { name: string; trusted: boolean }[] = [];
  const spreadTypes = ['dictionary_splat', 'list_splat', 'spread_element'];
  if (arg.type === 'identifier') out.push({ name: arg.text, trusted: false });
  if (spreadTypes.includes(arg.type) && arg.firstNamedChild?.type === 'identifier') out.push({ name: arg.firstNamedChild.text, trusted: true });
  const kwValue = arg.type === 'keyword_argument' ? arg.childForFieldName('value') : null;
  if (kwValue?.type === 'identifier') out.push({ name: kwValue.text, trusted: false });
  for (const s of arg.descendantsOfType(spreadTypes)) {
    if (s.firstNamedChild?.type === 'identifier') out.push({ name: s.firstNamedChild.text, trusted: inOptionsObject(s, arg) });
  }
  for (const pair of arg.descendantsOfType('pair')) {
    const value = pair.childForFieldName('value');
    if (value?.type === 'identifier') out.push({ name: value.text, trusted: false });
  }
  for (const short of arg.descendantsOfType('shorthand_property_identifier')) out.push({ name: short.text, trusted: false });
  return out;
}

const OPTIONS_KEY = /header|option|config|setting|request|meta/i;

/** Whether a spread inside an argument sits in an options/headers object rather than a body. */
function inOptionsObject(spread: Node, arg: Node): boolean {
  for (let p = spread.parent; p !== null && p.id !== arg.parent?.id; p = p.parent) {
    if (p.type === 'pair') return OPTIONS_KEY.test(p.childForFieldName('key')?.text ?? '');
    if (p.type === 'keyword_argument') return OPTIONS_KEY.test(p.childForFieldName('name')?.text ?? '');
  }
  // A spread in an object that is itself a whole argument: the call's options (`fetch(url, { ...opts })`).
  return spread.parent?.parent?.type === 'arguments' || spread.parent?.parent?.type === 'argument_list';
}

/** Whether statements before `call` in `scope` put a key into `name` (assignment, item set, update). */
function carriedByVariable(ctx: FileContext, scope: Node, name: string, call: Node, isKey: (n: string) => boolean): boolean {
  for (const node of scope.descendantsOfType([...BINDING_TYPES, 'expression_statement'])) {
    if (node.startIndex >= call.startIndex) break;
    const binding = bindingOf(node);
    let carrier: Node | null = null;
    if (binding !== null && binding.name === name) carrier = binding.value;
    else if (node.type === 'expression_statement' && new RegExp(`^${escape(name)}\\s*(\\[|\\.)`).test(node.text)) carrier = node;
    else if (node.type === 'assignment' || node.type === 'assignment_expression') {
      const left = node.childForFieldName('left');
      if (left && /^(subscript|subscript_expression|attribute|member_expression)$/.test(left.type) && left.text.startsWith(name)) carrier = node;
    }
    if (carrier !== null && (namesUnder(carrier).some(isKey) || stringsUnder(carrier).some(isKey) || builtByLocalFunction(ctx, carrier, isKey))) return true;
  }
  return false;
}

/** Options built by a function of this file (`headers=auth_headers(order)`) that puts a key in. */
function builtByLocalFunction(ctx: FileContext, node: Node, isKey: (n: string) => boolean): boolean {
  const calls = callsWithin(ctx, node);
  return calls.some((c) => {
    const body = functionBody(resolveLocalFunction(ctx, c) ?? c);
    return body !== null && body.id !== c.id && (namesUnder(body).some(isKey) || stringsUnder(body).some(isKey));
  });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The vocabulary calls made inside the local function `call` invokes (any vocabulary). */
function innerCalls(ctx: FileContext, call: Node): Node[] {
  const fn = resolveLocalFunction(ctx, call);
  const body = fn && functionBody(fn);
  if (!body) return [];
  for (const name of Object.keys(ctx.vocab.calls)) {
    const inner = callsWithin(ctx, body).flatMap((c) => reachedCallsOf(ctx, c, name));
    if (inner.length > 0) return inner;
  }
  return [];
}
