import { callerAsksNoWrite, callersOf, logsOnly, dispatchedMethodParameter, dispatchedWrite, isCallOf, isHttpClientCall, methodParameterOf, namesStatelessEndpoint, optionsParametersOf, urlParametersOf, vocabularyWritesWith, writesOnlyForCallers, writesToHandedUrl } from './call-vocabulary.js';
import { calleePath, callsWithin, nodesOfType, perFile } from './file-index.js';
import {
  callArguments,
  contains,
  dottedPath,
  enclosingFunction,
  functionBody,
  functionName,
  functionParameters,
  ownParameters,
  argumentFor,
  argumentOrDefault,
  keywordArgument,
  literalEntries,
  stringValue,
  functionTypes,
  isCall,
  isFunction,
  type Node,
} from './syntax.js';
import { compiledOnce } from './compiled.js';
import { lastBindingBefore } from './bindings.js';
import { NamePatterns, normalizeName } from './names.js';
import type { FileContext } from './types.js';


interface FunctionIndex {
  /** Every named function-like node, first definition first. */
  byName: Map<string, Node>;
  /** Module-level and nested (non-method) functions by name. */
  plainByName: Map<string, Node>;
  /** Methods by name, each with the range of the class that owns it. */
  methodsByName: Map<string, { fn: Node; classStart: number; classEnd: number }[]>;
  /** Names of plain functions declared more than once (inner helpers of several functions). */
  repeated: Set<string>;
}

const CLASS_TYPES = ['class_definition', 'class_declaration', 'class', 'abstract_class_declaration'];

/** One pass over the file's functions: names, and which class each method belongs to. */
function functionIndex(ctx: FileContext): FunctionIndex {
  return ctx.memo('function-index', () => {
    const index: FunctionIndex = { byName: new Map(), plainByName: new Map(), methodsByName: new Map(), repeated: new Set() };
    for (const fn of nodesOfType(ctx, functionTypes(ctx.family))) {
      const name = functionName(fn);
      if (name === null) continue;
      if (!index.byName.has(name)) index.byName.set(name, fn);
      const cls = owningClass(fn);
      if (cls === null) {
        if (!index.plainByName.has(name)) index.plainByName.set(name, fn);
        else index.repeated.add(name);
      } else {
        const list = index.methodsByName.get(name) ?? [];
        list.push({ fn, classStart: cls.startIndex, classEnd: cls.endIndex });
        index.methodsByName.set(name, list);
      }
    }
    return index;
  });
}

/**
 * The function a bare name stands for where it is used (`.catch(handleFailure)`): the one declared
 * in the innermost function around the use that declares one of that name, else one at module
 * level. Two helpers that each declare their own `handleFailure` each get theirs.
 */
export function functionNamedAt(ctx: FileContext, name: string, at: Node): Node | null {
  if (!functionIndex(ctx).byName.has(name)) return null;
  let best: Node | null = null;
  let bestSize = Infinity;
  for (const fn of nodesOfType(ctx, functionTypes(ctx.family))) {
    if (functionName(fn) !== name || owningClass(fn) !== null) continue;
    const owner = enclosingFunction(fn, ctx.family);
    const range = owner ?? ctx.root;
    if (at.startIndex < range.startIndex || at.endIndex > range.endIndex) continue;
    const size = owner === null ? Infinity - 1 : range.endIndex - range.startIndex;
    if (best === null || size < bestSize) {
      best = fn;
      bestSize = size;
    }
  }
  return best;
}

/**
 * The plain (non-method) function a bare name used at `at` stands for: the file's only one of that
 * name, or, when several functions each declare their own (`attempt` inside two handlers), the one
 * in scope at the use. Null when the file declares none.
 */
export function plainFunctionAt(ctx: FileContext, name: string, at: Node): Node | null {
  const index = functionIndex(ctx);
  return (index.repeated.has(name) ? functionNamedAt(ctx, name, at) : null) ?? index.plainByName.get(name) ?? null;
}

/** The class a function is a method of (directly, not through a nested function), or null. */
function owningClass(fn: Node): Node | null {
  for (let p = fn.parent; p !== null; p = p.parent) {
    if (CLASS_TYPES.includes(p.type)) return p;
    if (p.type === 'function_definition' || p.type === 'function_declaration' || p.type === 'method_definition' || p.type === 'arrow_function') return null;
  }
  return null;
}

/** Functions of the file by declared name (first definition wins). */
export function functionsByName(ctx: FileContext): Map<string, Node> {
  return functionIndex(ctx).byName;
}

/**
 * The function a call invokes when this file defines it: `charge_customer(o)` → the module's
 * `def charge_customer`; `self.charge(o)` / `this.charge(o)` → the method of the enclosing class.
 * Null for anything else (imports, attributes of other objects), which the cross-file step handles.
 */
const localFunctions = perFile('local-function-of', () => new Map<number, Node | null>());

export function resolveLocalFunction(ctx: FileContext, call: Node): Node | null {
  // Asked of the same call per vocabulary and per matcher: answered once.
  const known = localFunctions(ctx);
  let fn = known.get(call.id);
  if (fn === undefined) known.set(call.id, (fn = findLocalFunction(ctx, call)));
  return fn;
}

function findLocalFunction(ctx: FileContext, call: Node): Node | null {
  const path = calleePath(ctx, call);
  // Two functions of the file that each declare their own inner `attempt`: each call gets the one in scope.
  if (/^[A-Za-z_$][\w$]*$/.test(path)) return plainFunctionAt(ctx, path, call);
  const m = /^(self|this|cls)\.([A-Za-z_$][\w$]*)$/.exec(path);
  return m === null ? null : methodAround(ctx, m[2] ?? '', call);
}

/** The method `name` of the innermost class around `node` that defines one (`self.enterprise_client`, a property too). */
export function methodAround(ctx: FileContext, name: string, node: Node): Node | null {
  const candidates = functionIndex(ctx).methodsByName.get(name);
  if (candidates === undefined) return null;
  // The innermost class around the call that defines the method.
  const at = node.startIndex;
  let best: { fn: Node; classStart: number; classEnd: number } | undefined;
  for (const c of candidates) {
    if (c.classStart <= at && at < c.classEnd && (best === undefined || c.classStart > best.classStart)) best = c;
  }
  return best?.fn ?? null;
}

/**
 * The calls of vocabulary `name` that `call` makes: itself when it is one, else the ones inside a
 * function of this file it invokes, followed through any number of local helpers. Empty when none.
 */
const reachedCalls = perFile('reached-calls', () => new Map<string, Map<number, Node[]>>());

export function reachedCallsOf(ctx: FileContext, call: Node, name: string): Node[] {
  // Asked of the same call by the summary, the rules and the retry scopes: answered once per vocabulary.
  const byVocabulary = reachedCalls(ctx);
  let known = byVocabulary.get(name);
  if (known === undefined) byVocabulary.set(name, (known = new Map()));
  let reached = known.get(call.id);
  if (reached === undefined) known.set(call.id, (reached = findReachedCalls(ctx, call, name)));
  return reached;
}

/**
 * Whether a call reaches a notification (a Telegram sendMessage, an e-mail) and no other write: every
 * state-changing call it reaches is one of its notifications.
 */
export function notifiesOnly(ctx: FileContext, call: Node): boolean {
  const notes = reachedCallsOf(ctx, call, 'notification');
  return notes.length > 0 && reachedCallsOf(ctx, call, 'mutating').every((w) => notes.some((n) => n.id === w.id));
}

function findReachedCalls(ctx: FileContext, call: Node, name: string): Node[] {
  const fn = resolveLocalFunction(ctx, call);
  // A function of this file is judged by its body, not its name: `self.create()` that saves a
  // session row, `_patch_criteria()` that edits a dict, `create_report_row()` write nowhere remote.
  if (fn === null) {
    if (isCallOf(ctx, call, name)) return [call];
    // `await self._circuit.call(self._approve_sync, id)`: what the functions of this file it is handed call.
    return [...new Set(handedFunctions(ctx, call).flatMap((handed) => (contains(handed, call) ? [] : callsInside(ctx, handed, name))))];
  }
  if (namesStatelessEndpoint(ctx, call, name)) return [];
  const inside = callsInside(ctx, fn, name);
  if (inside.length === 0) {
    const byMethod = writesWithCallersMethod(ctx, fn, call, name);
    return byMethod.length > 0 ? byMethod : writesToCallersUrl(ctx, fn, call, name);
  }
  // `if json: return session.post(url, json=json)` then `return session.get(url)`: a write the helper
  // makes only when a parameter is given is not made by a call that leaves it out.
  return inside.filter((inner) => !guardedByOmittedParameter(fn, inner, call));
}

/** Whether the helper `call` invokes skips `inner` for it: `inner` waits on a parameter `call` leaves out. */
export function skippedByCall(ctx: FileContext, call: Node, inner: Node): boolean {
  const fn = resolveLocalFunction(ctx, call);
  return fn !== null && guardedByOmittedParameter(fn, inner, call);
}

/**
 * Whether `inner`, made directly in `fn`'s body, sits in the branch of an `if <param>:` (or
 * `param is not None`, `param != null`) whose parameter `call` does not fill (or fills with
 * `None` / `null` / `undefined`).
 */
function guardedByOmittedParameter(fn: Node, inner: Node, call: Node): boolean {
  if (!contains(fn, inner)) return false;
  const all = functionParameters(fn);
  const offset = all[0] === 'self' || all[0] === 'cls' ? 1 : 0;
  const args = callArguments(call);
  if (args.some((a) => /^(dictionary_splat|list_splat|spread_element)$/.test(a.type))) return false;
  const positional = args.filter((a) => keywordArgument(a) === null);
  const given = (param: string): boolean => {
    const at = all.indexOf(param);
    if (at < offset) return true;
    const value = args.map(keywordArgument).find((kw) => kw?.name === param)?.value ?? positional[at - offset];
    return value !== undefined && !['None', 'null', 'undefined'].includes(value.text);
  };
  for (let node: Node | null = inner; node !== null && node.id !== fn.id; node = node.parent) {
    const parent: Node | null = node.parent;
    if (parent?.type !== 'if_statement' || parent.childForFieldName('consequence')?.id !== node.id) continue;
    let cond = parent.childForFieldName('condition');
    while (cond?.type === 'parenthesized_expression') cond = cond.namedChildren[0] ?? null;
    if (cond == null) continue;
    const tested = cond.type === 'identifier' ? cond.text : /^([A-Za-z_$][\w$]*)\s*(?:is\s+not\s+None|!==?\s*(?:null|undefined))$/.exec(cond.text)?.[1];
    if (tested !== undefined && all.includes(tested) && !given(tested)) return true;
  }
  return false;
}

/**
 * `self._request("POST", "/charges")` where `_request(self, method, url)` hands `method` to an HTTP
 * client: the caller's method decides whether the helper writes.
 */
const methodParams = perFile('method-params', () => new Map<string, Map<number, { inner: Node; index: number; name: string; options?: true; dispatched?: true }[]>>());

function writesWithCallersMethod(ctx: FileContext, fn: Node, call: Node, name: string, dispatchedOnly = false): Node[] {
  // Which of the helper's HTTP calls take their method from a parameter: once per helper.
  const byVocabulary = methodParams(ctx);
  let sites = byVocabulary.get(name);
  if (sites === undefined) byVocabulary.set(name, (sites = new Map()));
  let list = sites.get(fn.id);
  if (list === undefined) {
    list = [];
    const params = ownParameters(fn);
    const body = functionBody(fn);
    for (const inner of body !== null && params.length > 0 ? callsWithin(ctx, body) : []) {
      if (!isHttpClientCall(ctx, inner, name)) {
        // `if (method === "POST") return client.post(url, data)`: a verb call the caller's method picks.
        const picked = isCallOf(ctx, inner, name) ? dispatchedMethodParameter(ctx, inner, params) : null;
        if (picked !== null) list.push({ inner, ...picked, dispatched: true });
        continue;
      }
      const param = methodParameterOf(ctx, inner, params);
      if (param !== null) list.push({ inner, ...param });
      // `fetch(url, { ...options, headers })` / `fetch(url, options)`: the method comes in the options a
      // caller hands over. Read also beside a leading parameter taken for the method: in `fetch(url, { ...init })`
      // the leading `url` is where the request goes, and the method rides in `init`.
      for (const o of optionsParametersOf(inner, params)) if (o.index !== param?.index) list.push({ inner, ...o, options: true });
    }
    sites.set(fn.id, list);
  }
  if (list.length === 0) return [];
  const args = callArguments(call);
  for (const site of list) {
    if (dispatchedOnly && site.dispatched !== true) continue;
    const passed = argumentFor(args, site);
    if (site.dispatched === true) {
      // A method the call leaves out is the parameter's default (`method="POST"`).
      const method = site.options === true ? passed : argumentOrDefault(fn, args, site);
      if (dispatchedWrite(ctx, call, method, site.options === true, name)) return [site.inner];
      continue;
    }
    // `providerRequest(path, { method: 'POST', body })`: the options written out in the call name the
    // method; so do options built in a variable just before it (`const init = { method: …, body }`).
    const options = site.options === true ? optionsObject(ctx, passed, call) : null;
    const given = site.options === true ? (options === null ? undefined : literalEntries(options).find((e) => normalizeName(e.key) === 'method')?.value) : passed;
    const method = given ? stringValue(given) : null;
    // A caller that hands its options to the app's own store or a stateless endpoint (`…/documents:commit`
    // of its Firestore, `/oauth/token`) writes nothing remote through the helper, whatever method it asks for.
    if (site.options === true && given !== undefined && callerAsksNoWrite(ctx, call, name)) continue;
    if (method !== null && vocabularyWritesWith(ctx, name, method)) return [site.inner];
    if (method === null && given !== undefined && methodFromWritingCallers(ctx, given, call, name)) return [site.inner];
  }
  return [];
}

/** An object literal handed over: written out, or held in a name bound to one before `at`. */
function optionsObject(ctx: FileContext, passed: Node | undefined, at: Node): Node | null {
  const value = passed?.type === 'identifier' ? lastBindingBefore(ctx, passed.text, at) : (passed ?? null);
  return value !== null && (value.type === 'object' || value.type === 'dictionary') ? value : null;
}

/**
 * `asaasFetch(endpoint, options)` building `{ method: options.method || 'GET', body }` and retrying
 * `requestAsaas(url, requestInit)`, whose `fetch(url, { ...init })` sends it: the method the helper is
 * handed is itself the one the function around `call` was handed (a parameter, or the `method` of an
 * options parameter, a default for a read beside it), so the helper writes when a caller of that
 * function in this file asks for a write (`asaasFetch('/payments', { method: 'POST', body })`). One
 * level of callers: what they hand in is read as written out.
 */
function methodFromWritingCallers(ctx: FileContext, given: Node, call: Node, name: string): boolean {
  let read: Node | null = given;
  // `options.method || 'GET'`, `opts.method ?? "GET"`: the caller's method, a read when it gives none.
  while (read !== null && (read.type === 'binary_expression' || read.type === 'boolean_operator' || read.type === 'parenthesized_expression')) {
    read = read.type === 'parenthesized_expression' ? read.namedChildren[0] ?? null : read.childForFieldName('left');
  }
  if (read === null) return false;
  const member = read.type === 'member_expression' || read.type === 'attribute' ? read : null;
  const field = member === null ? null : (member.childForFieldName('property') ?? member.childForFieldName('attribute'))?.text;
  const holder = member === null ? (read.type === 'identifier' ? read.text : null) : field !== undefined && field !== null && normalizeName(field) === 'method' ? member.childForFieldName('object')?.text : null;
  if (holder === null || holder === undefined || !/^[A-Za-z_$][\w$]*$/.test(holder)) return false;
  for (let fn = enclosingFunction(call, ctx.family); fn !== null; fn = enclosingFunction(fn, ctx.family)) {
    const params = ownParameters(fn);
    const index = params.indexOf(holder);
    if (index < 0) continue;
    const fnName = functionName(fn);
    if (fnName === null) return false;
    return callersOf(ctx, fn, fnName).some((c) => {
      const handed = argumentFor(callArguments(c), { index, name: holder });
      const value = member === null ? handed : handed && (handed.type === 'object' || handed.type === 'dictionary') ? literalEntries(handed).find((e) => normalizeName(e.key) === 'method')?.value : undefined;
      const text = value === undefined ? null : stringValue(value);
      return text !== null && vocabularyWritesWith(ctx, name, text) && !callerAsksNoWrite(ctx, c, name);
    });
  }
  return false;
}

/**
 * `graphRequest(`${phoneNumberId}/messages`, token, body)`, whose body POSTs to `${GRAPH_BASE}/${path}`
 * with a generic client: the request goes where the caller's argument for that parameter says, so
 * for a vocabulary known by where a request goes (a messaging API's `/messages`) this call makes it.
 * Only the helper's own requests (one level); the URL words are read from the argument as written.
 */
function writesToCallersUrl(ctx: FileContext, fn: Node, call: Node, name: string): Node[] {
  const params = ownParameters(fn);
  const body = functionBody(fn);
  if (body === null || params.length === 0) return [];
  const args = callArguments(call);
  for (const inner of callsWithin(ctx, body)) {
    if (!isHttpClientCall(ctx, inner, name)) continue;
    for (const param of urlParametersOf(ctx, inner, params)) {
      const handed = argumentFor(args, param);
      if (handed !== undefined && writesToHandedUrl(ctx, inner, name, handed)) return [inner];
    }
  }
  return [];
}

/** Calls that only compute or touch in-memory values (builtins, collection and string methods). */
const LOCAL_ONLY = new Set([
  'len', 'str', 'int', 'float', 'bool', 'dict', 'list', 'set', 'tuple', 'sorted', 'reversed', 'min', 'max', 'sum', 'abs',
  'round', 'isinstance', 'range', 'enumerate', 'zip', 'map', 'filter', 'any', 'all', 'repr', 'format', 'getattr', 'setattr',
  'hasattr', 'append', 'extend', 'insert', 'pop', 'remove', 'clear', 'update', 'setdefault', 'get', 'items', 'keys', 'values',
  'copy', 'add', 'discard', 'sort', 'join', 'split', 'strip', 'lower', 'upper', 'replace', 'startswith', 'endswith',
  'push', 'concat', 'slice', 'splice', 'includes', 'indexOf', 'toString', 'toFixed', 'trim', 'toLowerCase', 'toUpperCase',
  'Number', 'String', 'Boolean', 'Array', 'Object', 'assign', 'entries', 'fromEntries', 'stringify', 'parse', 'has', 'set',
]);

/** A call that only computes or touches in-memory values (`LOCAL_ONLY`: builtins, collection and string methods). */
export function computesInMemory(ctx: FileContext, call: Node): boolean {
  const path = calleePath(ctx, call);
  return LOCAL_ONLY.has(path.slice(path.lastIndexOf('.') + 1)) && !path.includes('()');
}

/**
 * Whether a local function's body only computes in memory: every call in it is a builtin or a
 * collection/string method, a log line (a stub `sendEmail` whose body is `console.log("Email sent
 * to:", to)`), or another local function of the same kind. Such a function does not reach the
 * outside world whatever its name says.
 */
export function isLocalOnly(ctx: FileContext, fn: Node): boolean {
  const cache = ctx.memo('local-only', () => new Map<number, boolean>());
  const known = cache.get(fn.id);
  if (known !== undefined) return known;
  cache.set(fn.id, false); // recursion: assume it may reach out
  const body = functionBody(fn);
  const result =
    body !== null &&
    callsWithin(ctx, body).every((c) => {
      if (computesInMemory(ctx, c)) return true;
      const path = calleePath(ctx, c);
      if (logsOnly(ctx, path)) return true;
      // `transaction.on_commit(lambda: send(…))`: registering a send for after the commit makes none here.
      if (isCommitHook(ctx, path) || deferredToCommit(ctx, c, body)) return true;
      const next = resolveLocalFunction(ctx, c);
      return next !== null && isLocalOnly(ctx, next);
    });
  cache.set(fn.id, result);
  return result;
}

/**
 * The vocabulary calls a local function makes, directly or through other local functions;
 * computed once per function (a recursive helper sees itself as making none while in progress).
 */
const reachMemo = perFile('reach', () => new Map<string, Map<number, Node[]>>());

function callsInside(ctx: FileContext, fn: Node, name: string): Node[] {
  const byVocabulary = reachMemo(ctx);
  let cache = byVocabulary.get(name);
  if (cache === undefined) byVocabulary.set(name, (cache = new Map()));
  const known = cache.get(fn.id);
  if (known !== undefined) return known;
  cache.set(fn.id, []); // a recursive helper sees itself as making none while in progress
  const out: Node[] = [];
  const body = functionBody(fn);
  for (const inner of body ? callsWithin(ctx, body) : []) {
    if (deferredToCommit(ctx, inner, body!)) continue;
    // As for the outer call: a function of this file is judged by its body, not its name.
    const next = resolveLocalFunction(ctx, inner);
    if (next) {
      const within = callsInside(ctx, next, name);
      // When the helper makes no such call of its own, the caller's arguments decide: a dispatcher's verb call
      // (`if (method === "POST") return client.post(…)`) writes for this caller when the method it hands in asks
      // for it; a helper of a helper (`sendTemplate` → `graphRequest(`${id}/messages`, …)` → `fetch`) writes to
      // the URL it is handed.
      const handed = () => [...new Set([...writesWithCallersMethod(ctx, next, inner, name, true), ...writesToCallersUrl(ctx, next, inner, name)])];
      out.push(...(within.length > 0 ? within.filter((c) => !guardedByOmittedParameter(next, c, inner)) : handed()));
    }
    // A request whose method the helper's callers hand in is judged per caller (`writesWithCallersMethod`).
    else if (isCallOf(ctx, inner, name)) {
      if (!writesOnlyForCallers(ctx, inner, name)) out.push(inner);
    }
    // `return await self._circuit.call(self._retry, "approve", self._approve_sync, id)`: the functions it runs.
    else for (const handed of handedFunctions(ctx, inner)) if (handed.id !== fn.id) out.push(...callsInside(ctx, handed, name));
  }
  cache.set(fn.id, out);
  return out;
}

/**
 * `return await self._circuit.call(self._retry_with_backoff, "approve_payout", self._approve_payout_sync, payout_id)`:
 * a call whose result the function waits for or hands back (awaited, returned) runs the functions of
 * this file it is handed by reference (a circuit breaker, a retry helper, an executor), and hands back
 * their outcome: what they call, the function calls. A reference handed to a call left to itself
 * (`setTimeout(this.flush)`, `router.add(handler)`) runs later, or never, and is not followed.
 */
function handedFunctions(ctx: FileContext, call: Node): Node[] {
  const up = call.parent?.type === 'await' || call.parent?.type === 'await_expression' ? call.parent.parent : call.parent;
  if (up?.type !== 'return_statement' && call.parent?.type !== 'await' && call.parent?.type !== 'await_expression') return [];
  const out: Node[] = [];
  for (const arg of callArguments(call)) {
    const path = arg.type === 'identifier' || arg.type === 'attribute' || arg.type === 'member_expression' ? dottedPath(arg) : '';
    const own = /^(self|this|cls)\.([A-Za-z_$][\w$]*)$/.exec(path);
    const handed = own !== null ? methodAround(ctx, own[2] ?? '', arg) : /^[A-Za-z_$][\w$]*$/.test(path) ? plainFunctionAt(ctx, path, arg) : null;
    if (handed !== null && !out.includes(handed)) out.push(handed);
  }
  return out;
}

/** The commit hooks of the vocabulary (`commit_hooks`) as name patterns, and their last segments as a text gate. */
function commitHooks(ctx: FileContext): { patterns: NamePatterns; gate: string[] } {
  return compiledOnce(ctx.vocab, 'commit-hooks', () => ({
    patterns: new NamePatterns(ctx.vocab.commit_hooks),
    gate: [...new Set(ctx.vocab.commit_hooks.map((h) => h.split('.').at(-1) ?? h))],
  }));
}

/** Whether a called path is a commit hook (vocabulary `commit_hooks`). */
function isCommitHook(ctx: FileContext, path: string): boolean {
  const hooks = commitHooks(ctx);
  return hooks.gate.length > 0 && perFileGate(ctx, hooks.gate) && hooks.patterns.matches(path);
}

/**
 * Whether `call` is made in a function handed to a commit hook within `top` (`transaction.on_commit(lambda:
 * send_email_notification(…))`, vocabulary `commit_hooks`): it runs after the transaction commits, not here.
 */
export function deferredToCommit(ctx: FileContext, call: Node, top: Node): boolean {
  const hooks = commitHooks(ctx);
  if (hooks.gate.length === 0 || !perFileGate(ctx, hooks.gate)) return false;
  for (let n: Node | null = call.parent; n !== null && n.id !== top.id; n = n.parent) {
    if (!isFunction(n, ctx.family)) continue;
    const args = n.parent;
    const hook = args?.type === 'arguments' || args?.type === 'argument_list' ? args.parent : null;
    if (hook !== null && isCall(hook, ctx.family) && hooks.patterns.matches(calleePath(ctx, hook))) return true;
  }
  return false;
}

/** Whether the file's text holds any of `words` (answered once per file and word list). */
function perFileGate(ctx: FileContext, words: string[]): boolean {
  return ctx.memo(`gate:${words.join(',')}`, () => words.some((w) => ctx.source.includes(w)));
}
