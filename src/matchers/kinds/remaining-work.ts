import { calleePath, callsWithin, nodesWithin } from '../file-index.js';
import { lastBindingBefore } from '../bindings.js';
import { isHttpClientCall, httpMethodOf } from '../call-vocabulary.js';
import { reachedCallsOf, resolveLocalFunction } from '../local-helpers.js';
import { callArguments, contains, dottedPath, enclosingFunction, functionParameters, ifChain, isCall, lastSegment, literalEntries, namesUnder, stringValue, unwrapAwait, type Node } from '../syntax.js';
import type { FileContext } from '../types.js';

/**
 * A write that sends only what a read of the same remote service, made earlier in the same attempt,
 * says is still to do, and an attempt that leaves when that read leaves nothing:
 *
 *     const fo = await shopifyRestGet(store, `/orders/${id}/fulfillment_orders.json`);
 *     const remaining = fo.fulfillment_orders.filter((o) => o.fulfillable_quantity > 0);
 *     if (remaining.length === 0) return { alreadyFulfilled: true };
 *     await shopifyRestPost(store, '/fulfillments.json', { fulfillment: { remaining } });
 *
 * An attempt after one whose write went through reads the provider's new state, finds nothing left,
 * and leaves: a check for a prior success against the provider itself. Only a read of the service
 * the write goes to counts (the same client, or a URL built from the same source): a local record,
 * or another service, may not yet know what the write did.
 */
export function sendsOnlyWhatRemains(ctx: FileContext, region: Node, target: Node): boolean {
  const args = target.childForFieldName('arguments');
  if (args === null) return false;
  const sent = new Set(sentNames(ctx, args, target));
  if (sent.size === 0) return false;
  for (const ifStmt of nodesWithin(ctx, region, 'if_statement')) {
    if (ifStmt.startIndex >= target.startIndex) break;
    if (contains(ifStmt, target)) continue;
    const head = ifChain(ifStmt, ctx.family)[0];
    const tested = head?.condition == null ? null : emptinessTested(ctx, head.condition);
    if (head === undefined || tested === null || !sent.has(tested) || !leaves(head.body)) continue;
    const read = readBehind(ctx, region, tested, ifStmt, 0);
    if (read !== null && sameService(ctx, read, target)) return true;
  }
  return false;
}

/** The names the write's arguments hand over, and the names in values bound to those (`body = { items }`). */
function sentNames(ctx: FileContext, args: Node, target: Node): string[] {
  const direct = namesUnder(args);
  const out = [...direct];
  for (const name of direct) {
    const bound = lastBindingBefore(ctx, name, target);
    if (bound !== null && bound.type !== 'identifier' && !isCall(bound, ctx.family)) out.push(...namesUnder(bound));
  }
  return out;
}

/** The name an emptiness test reads: `x.length === 0`, `!x.length`, `x.length < 1`, `not x`, `len(x) == 0`; null otherwise. */
function emptinessTested(ctx: FileContext, condition: Node): string | null {
  const text = condition.text.replace(/^\((.*)\)$/s, '$1').trim();
  const ecma = /^(?:!\s*([\w$]+)\.length|([\w$]+)\.length\s*(?:===?\s*0|<\s*1))$/.exec(text);
  if (ctx.family === 'ecma') return ecma?.[1] ?? ecma?.[2] ?? null;
  const py = /^(?:not\s+([A-Za-z_]\w*)|not\s+len\(\s*([A-Za-z_]\w*)\s*\)|len\(\s*([A-Za-z_]\w*)\s*\)\s*(?:==\s*0|<\s*1))$/.exec(text);
  return py?.[1] ?? py?.[2] ?? py?.[3] ?? null;
}

/** A `return`, `break` or `continue` in the branch: the attempt leaves before the write. */
function leaves(body: Node): boolean {
  const kinds = ['return_statement', 'break_statement', 'continue_statement'];
  return kinds.includes(body.type) || body.descendantsOfType(kinds).length > 0;
}

const MAX_DEPTH = 3;

/**
 * The remote read `name` was computed from in `region` before `at` (`remaining` of `remaining =
 * fo.items.filter(…)` after `fo = await api.get(…)`, `posted = session.get(url).json()`), following
 * the names its value reads.
 */
function readBehind(ctx: FileContext, region: Node, name: string, at: Node, depth: number): Node | null {
  if (depth > MAX_DEPTH) return null;
  const bound = lastBindingBefore(ctx, name, at);
  if (bound === null || !contains(region, bound)) return null;
  const value = unwrapAwait(bound) ?? bound;
  const calls = [...(isCall(value, ctx.family) ? [value] : []), ...value.descendantsOfType(['call_expression', 'call'])];
  const read = calls.find((c) => remoteRead(ctx, c));
  if (read !== undefined) return read;
  for (const next of new Set(value.descendantsOfType('identifier').map((n) => n.text))) {
    if (next === name) continue;
    const found = readBehind(ctx, region, next, bound, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

const READ_METHODS = new Set(['get', 'head']);

/**
 * A call that reads from a remote service and writes nothing: a request of a generic HTTP client
 * with no write method (`fetch(url)`), a read method of a client (`client.get(…)`), or a function
 * of this file whose body makes one.
 */
function remoteRead(ctx: FileContext, call: Node): boolean {
  if (reachedCallsOf(ctx, call, 'mutating').length > 0) return false;
  if (requestCall(ctx, call)) return true;
  const fn = resolveLocalFunction(ctx, call);
  return fn !== null && callsWithin(ctx, fn).some((c) => requestCall(ctx, c));
}

/** An HTTP request: a generic client's call, or a read method on a client (`session.get(url)`). */
function requestCall(ctx: FileContext, call: Node): boolean {
  const path = calleePath(ctx, call);
  return isHttpClientCall(ctx, call, 'mutating') || (path.includes('.') && READ_METHODS.has(lastSegment(path)) && httpMethodOf(call) === null && callArguments(call).length > 0);
}

/**
 * Whether the read and the write go to the same service: requests whose URLs are built from a
 * common source (the same base URL constant, host or credentials call) or made on the same client
 * the project built (`api = axios.create({ baseURL })`, `session = requests.Session()`), here or
 * in the functions of this file they call.
 */
function sameService(ctx: FileContext, read: Node, write: Node): boolean {
  const readSources = serviceSources(ctx, read);
  return [...serviceSources(ctx, write)].some((s) => readSources.has(s));
}

/** Where the requests of a call go (see `urlSources`, `madeClient`), through a function of this file it calls. */
function serviceSources(ctx: FileContext, call: Node): Set<string> {
  const fn = resolveLocalFunction(ctx, call);
  const requests = fn === null ? [call] : callsWithin(ctx, fn).filter((c) => requestCall(ctx, c) || reachedCallsOf(ctx, c, 'mutating').some((s) => s.id === c.id));
  const out = new Set<string>();
  for (const request of requests) {
    for (const s of urlSources(ctx, request)) out.add(s);
    const client = madeClient(ctx, request);
    if (client !== null) out.add(`client:${client}`);
  }
  return out;
}

/**
 * The client a request is made on when the project built it (`api` of `api.post(…)` after `const
 * api = axios.create(…)`): one client, one service. A library's module (`axios.post`,
 * `requests.post`) goes wherever its URL says.
 */
function madeClient(ctx: FileContext, request: Node): string | null {
  const path = calleePath(ctx, request);
  if (!path.includes('.')) return null;
  const receiver = path.slice(0, path.lastIndexOf('.'));
  const bound = lastBindingBefore(ctx, receiver.split('.')[0] ?? '', request);
  const value = bound === null ? null : (unwrapAwait(bound) ?? bound);
  return value !== null && isCall(value, ctx.family) ? receiver : null;
}

/** Calls that only convert or escape a value: the same in any URL, no source of one. */
const CONVERSIONS = /^(String|Number|Boolean|encodeURIComponent|encodeURI|JSON\.\w+|Math\.\w+|Object\.\w+|Array\.\w+|str|int|float|quote|quote_plus|urllib\.parse\.quote(_plus)?|urljoin|urllib\.parse\.urljoin)$/;

/**
 * The sources a request's URL is built from: a literal host (`https://api.example.com`), names and
 * calls from outside the function (a base URL constant, `process.env.SHOP_URL`, the
 * `getShopifyCredentials(…)` its bindings read), followed through the function's own bindings. The
 * function's parameters (a path its caller hands in) and value conversions are no source.
 */
function urlSources(ctx: FileContext, request: Node): string[] {
  const first = callArguments(request)[0];
  const url = first === undefined ? undefined : (literalEntries(first).find((e) => e.key === 'url')?.value ?? first);
  if (url === undefined) return [];
  const fn = enclosingFunction(request, ctx.family);
  // Parameters of the function and of those around it: values its callers hand in.
  const params = new Set<string>();
  for (let f = fn; f !== null; f = enclosingFunction(f, ctx.family)) for (const p of functionParameters(f)) params.add(p);
  const out: string[] = [];
  const seen = new Set<string>();
  // A name bound in the function is read through its binding; one from outside it is a source.
  const follow = (name: string, at: Node, depth: number): boolean => {
    if (params.has(name)) return true;
    if (seen.has(name)) return true;
    seen.add(name);
    const bound = depth < MAX_DEPTH ? lastBindingBefore(ctx, name, at) : null;
    // Bound at module level (a base URL constant) or imported: a source; bound in a function: read through.
    if (bound === null || enclosingFunction(bound, ctx.family) === null) return false;
    visit(bound, bound, depth + 1);
    return true;
  };
  const visit = (node: Node, at: Node, depth: number): void => {
    for (const s of [node, ...node.descendantsOfType(['string', 'template_string'])]) {
      const host = /^https?:\/\/([^/$`'"{}]+)/.exec(stringValue(s) ?? s.text.replace(/^[fbrFBR]*[`'"]+/, ''))?.[1];
      if (host !== undefined) out.push(`host:${host}`);
    }
    const stack: Node[] = [node];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (isCall(n, ctx.family)) {
        const path = calleePath(ctx, n);
        const head = path.split('.')[0] ?? '';
        if (!CONVERSIONS.test(path) && !follow(head, at, depth)) out.push(`call:${path}`);
        stack.push(...(n.childForFieldName('arguments')?.namedChildren ?? []));
      } else if (n.type === 'member_expression' || n.type === 'attribute') {
        const path = dottedPath(n);
        if (!follow(path.split('.')[0] ?? '', at, depth)) out.push(`name:${path}`);
      } else if (n.type === 'identifier') {
        if (!follow(n.text, at, depth)) out.push(`name:${n.text}`);
      } else stack.push(...n.namedChildren);
    }
  };
  visit(url, request, 0);
  return out;
}
