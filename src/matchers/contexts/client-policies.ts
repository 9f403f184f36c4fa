import { compiledOnce } from '../compiled.js';
import { lastPlainBinding } from '../bindings.js';
import { allCalls, calleePath, nodesOfType } from '../file-index.js';
import { importsOf } from '../imports.js';
import { NamePatterns } from '../names.js';
import {
  bindingOf,
  callArguments,
  callee,
  dottedPath,
  enclosingFunction,
  functionBody,
  functionName,
  ownParameters,
  isCall,
  keywordArgument,
  lastSegment,
  literalEntries,
  stringValue,
  unwrapAwait,
  type Node,
} from '../syntax.js';
import type { FileContext, Scope } from '../types.js';
import { interceptorReplayScope } from './interceptor-replays.js';

/**
 * Retry policies configured on an HTTP client rather than written as a loop: every write request
 * through that client is retried.
 *
 * Matches: `axiosRetry(client, { retryCondition })` with a condition other than the library's
 * idempotent-only ones; a urllib3 `Retry(allowed_methods=None | False | [..."POST"...])` (also the
 * old `method_whitelist`) in an `HTTPAdapter(max_retries=...)` mounted on a session
 * (`session.mount("https://", adapter)`); got/ky options `retry: { methods: [..."post"...] }` on
 * a call (that call is retried) or on `got.extend(...)` / `ky.create(...)` (the client is);
 * retry-axios `rax.attach()` / `rax.attach(api)` whose `raxConfig` lists a write method (or sets its
 * own condition), for the methods it lists (`retry.attached_policies`).
 * Skips: the libraries' defaults (axios-retry, retry-axios, urllib3, got and ky retry only idempotent methods
 * by default) and httpx transports (`retries=` only retries connection failures, before a request
 * is sent).
 */
export function clientPolicyScopes(ctx: FileContext, calls: readonly Node[]): Scope[] {
  const r = ctx.vocab.retry;
  const { configurators, idempotent, policies, adapters } = compiledOnce(ctx.vocab, 'client-policy-names', () => ({
    configurators: new NamePatterns(r.client_configurators),
    idempotent: new NamePatterns(r.idempotent_conditions),
    policies: new NamePatterns(r.http_policies),
    adapters: new NamePatterns(r.http_adapters),
  }));
  const scopes: Scope[] = [];
  for (const call of calls) {
    const path = calleePath(ctx, call);
    if (configurators.matches(path)) {
      const scope = axiosRetryScope(ctx, call, path, idempotent);
      if (scope) scopes.push(scope);
    } else if (/(^|\.)(Client|AsyncClient)$/.test(path)) {
      const scope = transportPolicyScope(ctx, call, path, policies);
      if (scope) scopes.push(scope);
    } else if (lastSegment(path) === 'mount') {
      const scope = mountedPolicyScope(ctx, call, path, policies, adapters);
      if (scope) scopes.push(scope);
    }
    scopes.push(...attachedPolicyScopes(ctx, call, path));
    const replay = interceptorReplayScope(ctx, call, path, sharedReplayers(ctx));
    if (replay !== null) scopes.push(replay);
    const defaultRetried = retryingRequestModule(ctx, call, path);
    if (defaultRetried !== null) {
      scopes.push({ context: 'retry', body: call, construct: call, label: `${path}(…) from '${defaultRetried}', which retries every method by default` });
    }
    // A got/ky retry option sits in the call's own text.
    const retryOption = ctx.source.slice(call.startIndex, call.endIndex).includes('retry') ? writeRetryOption(call) : null;
    if (retryOption !== null) {
      const bound = call.parent && bindingOf(call.parent);
      const last = lastSegment(path);
      if ((last === 'extend' || last === 'create') && bound) {
        scopes.push({ context: 'retry', body: ctx.root, construct: call, label: `${path}({ retry: { methods: [...] } })`, receiver: bound.name });
      } else {
        scopes.push({ context: 'retry', body: call, construct: retryOption, label: `retry option ${retryOption.text.replace(/\s+/g, ' ').slice(0, 60)}` });
      }
    }
  }
  return scopes;
}

function axiosRetryScope(ctx: FileContext, call: Node, path: string, idempotent: NamePatterns): Scope | null {
  const [client, options] = callArguments(call);
  if (client === undefined || options === undefined) return null;
  const condition = literalEntries(resolveValue(ctx, options, call)).find((e) => e.key === 'retryCondition');
  if (condition === undefined) return null;
  const cond = condition.value;
  const named = cond.type === 'identifier' || cond.type === 'member_expression' ? dottedPath(cond) : null;
  if (named !== null && idempotent.matches(named)) return null;
  return { context: 'retry', body: ctx.root, construct: call, label: `${path}(${client.text}, { retryCondition })`, receiver: dottedPath(client) };
}

type AttachedPolicy = FileContext['vocab']['retry']['attached_policies'][number];

/**
 * retry-axios and its kind (`retry.attached_policies`): `rax.attach()` installs retries on the
 * shared client of its package (`axios`, every importer's), `rax.attach(api)` on `api`; what they
 * retry is read from the client's own options (`axios.defaults.raxConfig = {…}`, `axios.create({
 * raxConfig })`). No such options, or options that leave writes to the library's default methods,
 * retry no write: no scope.
 */
function attachedPolicyScopes(ctx: FileContext, call: Node, path: string): Scope[] {
  const policies = ctx.vocab.retry.attached_policies;
  if (policies.length === 0) return [];
  const policy = policies.find((p) => attaches(ctx, path, p));
  if (policy === undefined) return [];
  const [client] = callArguments(call);
  // No client: the package's shared one, under whatever names this file imports it.
  const shared = client === undefined || sharedClientImport(ctx, dottedPath(client)) === policy.default_client;
  const receivers = shared ? sharedClientNames(ctx, policy.default_client) : [dottedPath(client)];
  const config = receivers.map((r) => attachedConfig(ctx, policy, r, call)).find((c) => c !== null) ?? null;
  const methods = config === null ? null : attachedMethods(ctx, policy, config, call);
  if (methods === null || (methods !== 'all' && !methods.some((m) => writeMethods(ctx).has(m)))) return [];
  const label = `${path}() with ${policy.config_key} retrying ${methods === 'all' ? 'every method' : methods.filter((m) => writeMethods(ctx).has(m)).join(', ')}`;
  return receivers.map((receiver) => ({ context: 'retry', body: ctx.root, construct: call, label: `${label} on ${receiver}`, receiver, ...(methods === 'all' ? {} : { methods }) }));
}

/** Whether a called path is the policy's attach function, imported from its module (`rax.attach`, `attach`). */
function attaches(ctx: FileContext, path: string, policy: AttachedPolicy): boolean {
  if (lastSegment(path) !== policy.attach) return false;
  const head = path.includes('.') ? path.slice(0, path.indexOf('.')) : path;
  const imported = importsOf(ctx).get(head);
  if (imported?.module !== policy.module) return false;
  return path.includes('.') ? imported.name === '*' || imported.name === 'default' : imported.name === policy.attach;
}

/**
 * The options object a client carries for the policy: `client.defaults.raxConfig = {…}` anywhere in
 * the file, or the `raxConfig` entry of the call that made the client (`const api = axios.create({
 * raxConfig })`); null when it carries none.
 */
function attachedConfig(ctx: FileContext, policy: AttachedPolicy, receiver: string, at: Node): Node | null {
  for (const assign of nodesOfType(ctx, ['assignment_expression', 'assignment'])) {
    const left = assign.childForFieldName('left');
    const right = assign.childForFieldName('right');
    if (left?.type !== 'member_expression' || right === null || left.childForFieldName('property')?.text !== policy.config_key) continue;
    if (dottedPath(unwrapCasts(left.childForFieldName('object'))) === `${receiver}.defaults`) return resolveValue(ctx, right, assign);
  }
  if (!/^[A-Za-z_$][\w$]*$/.test(receiver)) return null;
  const made = madeBy(ctx, receiver, at);
  const options = made === null ? undefined : callArguments(made)[0];
  const entry = options === undefined ? undefined : literalEntries(resolveValue(ctx, options, at)).find((e) => e.key === policy.config_key);
  return entry === undefined ? null : resolveValue(ctx, entry.value, at);
}

/** The call a client name was made by (`axios.create({…})` of `const api = axios.create({…})`), or null. */
function madeBy(ctx: FileContext, receiver: string, at: Node): Node | null {
  const fn = enclosingFunction(at, ctx.family);
  const bound = (fn === null ? null : lastPlainBinding(ctx, fn, receiver, at.startIndex)) ?? lastPlainBinding(ctx, ctx.root, receiver);
  const value = bound === null ? null : unwrapAwait(bound) ?? bound;
  return value !== null && isCall(value, ctx.family) ? value : null;
}

/** `(axios.defaults as any)`, `axios.defaults!`: the expression under TypeScript's casts and parentheses. */
function unwrapCasts(node: Node | null): Node | null {
  let n = node;
  while (n !== null && ['parenthesized_expression', 'as_expression', 'non_null_expression', 'satisfies_expression'].includes(n.type)) n = n.namedChildren[0] ?? null;
  return n;
}

/**
 * The methods the policy's options retry (upper case): `'all'` for a condition of the project's own,
 * which replaces the method test; otherwise the methods listed, or the library's defaults; null
 * when every retry count is set to 0.
 */
function attachedMethods(ctx: FileContext, policy: AttachedPolicy, config: Node, at: Node): string[] | 'all' | null {
  const entries = literalEntries(config);
  if (policy.count_keys.length > 0 && policy.count_keys.every((k) => entries.some((e) => e.key === k && e.value.text === '0'))) return null;
  if (policy.condition_key !== undefined && entries.some((e) => e.key === policy.condition_key)) return 'all';
  const listed = entries.find((e) => e.key === policy.methods_key);
  if (listed === undefined) return policy.default_methods.map((m) => m.toUpperCase());
  const value = resolveValue(ctx, listed.value, at);
  return [value, ...value.descendantsOfType('string')].flatMap((n) => stringValue(n) ?? []).map((m) => m.toUpperCase());
}

/** The HTTP methods that write (`calls.mutating.http_methods`), upper case. */
function writeMethods(ctx: FileContext): Set<string> {
  return compiledOnce(ctx.vocab, 'write-http-methods', () => new Set(ctx.vocab.calls.mutating?.http_methods.map((m) => m.toUpperCase()) ?? ['POST', 'PATCH']));
}

/** The names this file imports any shared client package's client under: an interceptor may replay through them. */
function sharedReplayers(ctx: FileContext): Set<string> {
  return ctx.memo('shared-replayers', () => new Set(ctx.vocab.retry.shared_clients.flatMap((m) => sharedClientNames(ctx, m))));
}

/** The `retry.shared_clients` package a name of this file is that package's client of (`axios` of `import axios from 'axios'`), or null. */
export function sharedClientImport(ctx: FileContext, name: string): string | null {
  const imported = importsOf(ctx).get(name);
  if (imported === undefined || (imported.name !== 'default' && imported.name !== '*')) return null;
  return ctx.vocab.retry.shared_clients.includes(imported.module) ? imported.module : null;
}

/** The names this file imports a shared client package's client under (`axios`, `http` of `import http from 'axios'`). */
export function sharedClientNames(ctx: FileContext, module: string): string[] {
  return [...importsOf(ctx).values()].filter((i) => i.module === module && (i.name === 'default' || i.name === '*')).map((i) => i.local);
}

function mountedPolicyScope(ctx: FileContext, call: Node, path: string, policies: NamePatterns, adapters: NamePatterns): Scope | null {
  const adapterArg = callArguments(call)[1];
  if (adapterArg === undefined) return null;
  const adapter = resolveValue(ctx, adapterArg, call);
  if (!isCall(adapter, ctx.family) || !adapters.matches(dottedPath(callee(adapter)))) return null;
  const maxRetries = callArguments(adapter).map(keywordArgument).find((kw) => kw?.name === 'max_retries')?.value;
  if (maxRetries === undefined) return null;
  const policy = resolveValue(ctx, maxRetries, call);
  if (!isCall(policy, ctx.family) || !policies.matches(dottedPath(callee(policy)))) return null;
  const allowed = callArguments(policy).map(keywordArgument).find((kw) => kw?.name === 'allowed_methods' || kw?.name === 'method_whitelist')?.value;
  if (allowed === undefined) return null;
  const methods = resolveValue(ctx, allowed, call);
  // `def session_with_retries(method_whitelist=[]): Retry(method_whitelist=method_whitelist)`: the
  // factory's caller decides, unless the parameter's own default already retries writes.
  const param = retriesWrites(ctx, methods) ? null : factoryParameter(ctx, methods, call);
  if (param === null && !retriesWrites(ctx, methods)) return null;
  const receiver = path.replace(/\.mount$/, '');
  // A session local to a function (a factory's `session`) is that function's; `self.session` is the object's.
  const fn = /^[A-Za-z_]\w*$/.test(receiver) ? enclosingFunction(call, ctx.family) : null;
  return {
    context: 'retry',
    body: (fn && functionBody(fn)) ?? ctx.root,
    construct: policy,
    label: `${dottedPath(callee(policy))}(allowed_methods=${allowed.text.replace(/\s+/g, ' ').slice(0, 40)}) mounted on ${path.replace(/\.mount$/, '')}`,
    receiver,
    ...(param !== null && param !== 'default' ? { writesParam: param } : {}),
  };
}

/**
 * The parameter of the function around `at` that `value` names, with its position (self/cls not
 * counted); `'default'` when its default value already retries writes; null when it names none.
 */
function factoryParameter(ctx: FileContext, value: Node, at: Node): { name: string; index: number } | 'default' | null {
  if (value.type !== 'identifier') return null;
  const fn = enclosingFunction(at, ctx.family);
  if (fn === null) return null;
  const params = ownParameters(fn);
  const index = params.indexOf(value.text);
  if (index < 0) return null;
  const declared = fn.childForFieldName('parameters')?.namedChildren.find((p) => (p.childForFieldName('name') ?? p.childForFieldName('pattern'))?.text === value.text);
  const fallback = declared?.childForFieldName('value');
  return fallback != null && retriesWrites(ctx, fallback) ? 'default' : { name: value.text, index };
}

/** The keyword names and positions (`#2`) of a factory call's arguments that retry writes. */
export function writeMethodArguments(ctx: FileContext, call: Node): string[] {
  const out: string[] = [];
  let position = 0;
  for (const arg of callArguments(call)) {
    const kw = keywordArgument(arg);
    const value = kw?.value ?? arg;
    const isList = ['list', 'tuple', 'set', 'array', 'none', 'false'].includes(value.type) || value.type === 'identifier';
    if (isList && retriesWrites(ctx, resolveValue(ctx, value, call))) out.push(kw?.name ?? `#${position}`);
    if (kw === null) position++;
  }
  return out;
}

/**
 * httpx-retries: `httpx.Client(transport=RetryTransport(retry=Retry(allowed_methods=[…"POST"])))`.
 * Its default methods, like urllib3's, leave POST and PATCH out; httpx's own `HTTPTransport(retries=)`
 * only retries connects and is never a scope.
 */
function transportPolicyScope(ctx: FileContext, call: Node, path: string, policies: NamePatterns): Scope | null {
  const transportArg = callArguments(call).map(keywordArgument).find((kw) => kw?.name === 'transport')?.value;
  if (transportArg === undefined) return null;
  const transport = resolveValue(ctx, transportArg, call);
  if (!isCall(transport, ctx.family) || !/RetryTransport$/.test(calleePath(ctx, transport))) return null;
  const retryArg = callArguments(transport).map((a) => keywordArgument(a)?.value ?? a).find((a) => isCall(resolveValue(ctx, a, call), ctx.family));
  const policy = retryArg && resolveValue(ctx, retryArg, call);
  if (!policy || !isCall(policy, ctx.family) || !policies.matches(calleePath(ctx, policy))) return null;
  const allowed = callArguments(policy).map(keywordArgument).find((kw) => kw?.name === 'allowed_methods')?.value;
  if (allowed === undefined || !retriesWrites(ctx, resolveValue(ctx, allowed, call))) return null;
  const bound = call.parent && bindingOf(call.parent);
  if (!bound) return null;
  return { context: 'retry', body: ctx.root, construct: policy, label: `${path}(transport=RetryTransport(…allowed_methods=${allowed.text.replace(/\s+/g, ' ').slice(0, 30)}))`, receiver: bound.name };
}

/**
 * The module of `retry.retrying_request_modules` a called name was imported from (`request(…)`
 * after `const request = require('retry-request')`), unless the call's options turn its retries
 * off (`request(opts, { retries: 0, noResponseRetries: 0 }, cb)`), or null.
 */
function retryingRequestModule(ctx: FileContext, call: Node, path: string): string | null {
  const modules = ctx.vocab.retry.retrying_request_modules;
  if (modules.length === 0 || !/^[A-Za-z_$][\w$]*$/.test(path)) return null;
  const imported = importsOf(ctx).get(path);
  const entry = imported && modules.find((m) => m.module === imported.module);
  if (entry === undefined) return null;
  const options = callArguments(call).slice(1).flatMap((a) => literalEntries(resolveValue(ctx, a, call)));
  const off = (key: string) => options.some((e) => e.key === key && e.value.text === '0');
  return entry.retries_options.length > 0 && entry.retries_options.every(off) ? null : entry.module;
}

/** `None`/`False` (retry every method) or a collection that lists a write method. */
function retriesWrites(ctx: FileContext, value: Node): boolean {
  if (value.type === 'none' || value.type === 'false' || value.text === 'None' || value.text === 'False') return true;
  const writes = new Set(ctx.vocab.calls.mutating?.http_methods.map((m) => m.toUpperCase()) ?? ['POST', 'PATCH']);
  return [value, ...value.descendantsOfType('string')].some((s) => writes.has((stringValue(s) ?? '').toUpperCase()));
}

/** A `retry: { methods: [..."post"...] }` option (got, ky) among a call's arguments, or null. */
function writeRetryOption(call: Node): Node | null {
  for (const arg of callArguments(call)) {
    const retry = literalEntries(arg).find((e) => e.key === 'retry');
    if (retry === undefined) continue;
    const methods = literalEntries(retry.value).find((e) => e.key === 'methods');
    if (methods && methods.value.descendantsOfType('string').some((s) => /^(post|patch)$/i.test(stringValue(s) ?? ''))) return retry.value;
  }
  return null;
}

/** A value, or what the identifier it is was last bound to before `at` (same function, else module). */
export function resolveValue(ctx: FileContext, value: Node, at: Node): Node {
  const v = unwrapAwait(value) ?? value;
  if (v.type !== 'identifier') return v;
  const fn = enclosingFunction(at, ctx.family);
  // In the function, the last binding before `at`; at module level, the file's last one.
  const found = (fn === null ? null : lastPlainBinding(ctx, fn, v.text, at.startIndex)) ?? lastPlainBinding(ctx, ctx.root, v.text);
  return found === null ? v : (unwrapAwait(found) ?? found);
}

/**
 * This file's client retry policies (`clientPolicyScopes`), read once per file, and only when a cheap
 * text test finds a retry or an interceptor named in it.
 */
export function fileClientPolicyScopes(ctx: FileContext): Scope[] {
  if (!/retry|attempts|interceptors/i.test(ctx.source)) return [];
  return ctx.memo('client-policy-scopes', () => clientPolicyScopes(ctx, allCalls(ctx)));
}

/**
 * This file's clients whose policy retries writes: module-level names (`retriedClients`), functions
 * that build and return one (`factories`), and functions whose returned client retries writes
 * only when the caller passes write methods to a parameter (`conditional`, by function name).
 */
export function retryingClientsOf(ctx: FileContext): { retriedClients: string[]; factories: string[]; conditional: Map<string, { name: string; index: number }> } {
  return ctx.memo('retrying-clients', () => {
    const retriedClients = new Set<string>();
    const factories = new Set<string>();
    const conditional = new Map<string, { name: string; index: number }>();
    // Only a client's own retry policy makes a retried client: read those scopes alone, not every
    // retry scope of the file (which would cost the whole retry analysis of every file).
    const policies = fileClientPolicyScopes(ctx);
    for (const scope of policies) {
      if (scope.receiver === undefined || scope.requires !== undefined || !/^[A-Za-z_$][\w$]*$/.test(scope.receiver)) continue;
      const fn = enclosingFunction(scope.construct, ctx.family);
      if (fn === null) {
        if (scope.writesParam === undefined) retriedClients.add(scope.receiver);
        continue;
      }
      const name = functionName(fn);
      const returnsIt = functionBody(fn)?.descendantsOfType('return_statement').some((r) => r.firstNamedChild?.text === scope.receiver);
      if (name === null || !returnsIt) continue;
      if (scope.writesParam !== undefined) conditional.set(name, scope.writesParam);
      else factories.add(name);
    }
    return { retriedClients: [...retriedClients], factories: [...factories], conditional };
  });
}

/**
 * The shared client packages (`retry.shared_clients`) this file installs a write-retrying policy on
 * (`axiosRetry(axios, { retryCondition })`, `rax.attach()` with POST among its methods), each with
 * the write methods it retries: a fact of the project, since every file that imports the package
 * sends through that client.
 */
export function sharedClientPolicies(ctx: FileContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (ctx.vocab.retry.shared_clients.length === 0) return out;
  const policies = fileClientPolicyScopes(ctx);
  for (const scope of policies) {
    if (scope.receiver === undefined || scope.requires !== undefined || scope.writesParam !== undefined) continue;
    const module = sharedClientImport(ctx, scope.receiver);
    if (module === null) continue;
    const methods = [...writeMethods(ctx)].filter((m) => scope.methods === undefined || scope.methods.includes(m));
    out.set(module, [...new Set([...(out.get(module) ?? []), ...methods])]);
  }
  return out;
}

/** The project fact that a shared client package's client retries this write method somewhere in the project. */
export function sharedClientFact(module: string, method: string): string {
  return `shared-client-retry:${module}:${method}`;
}

/** The facts of `sharedClientPolicies`, for the file's summary. */
export function sharedClientFacts(ctx: FileContext): string[] {
  return [...sharedClientPolicies(ctx)].flatMap(([module, methods]) => methods.map((m) => sharedClientFact(module, m)));
}

/**
 * Calls on a shared client this file imports (`axios.post(…)` after `import axios from 'axios'`) when
 * this file installs no policy on it itself: retried if another file of the project does, for that
 * method (one scope per write method).
 */
export function sharedClientScopes(ctx: FileContext, calls: readonly Node[]): Scope[] {
  const shared = ctx.vocab.retry.shared_clients;
  if (shared.length === 0 || ctx.family !== 'ecma') return [];
  const own = sharedClientPolicies(ctx);
  const scopes: Scope[] = [];
  for (const module of shared) {
    if (own.has(module)) continue;
    for (const receiver of sharedClientNames(ctx, module)) {
      if (!calls.some((c) => { const p = calleePath(ctx, c); return p === receiver || p.startsWith(`${receiver}.`); })) continue;
      for (const method of writeMethods(ctx)) {
        const fact = sharedClientFact(module, method);
        scopes.push({ context: 'retry', body: ctx.root, construct: ctx.root, label: `the retry policy another file installs on ${module}`, receiver, methods: [method], requires: { kind: 'project-fact', fact } });
      }
    }
  }
  return scopes;
}
