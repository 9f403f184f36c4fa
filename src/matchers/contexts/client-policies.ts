import { compiledOnce } from '../compiled.js';
import { lastPlainBinding } from '../bindings.js';
import { allCalls, calleePath } from '../file-index.js';
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
  functionParameters,
  isCall,
  keywordArgument,
  lastSegment,
  literalEntries,
  stringValue,
  unwrapAwait,
  type Node,
} from '../syntax.js';
import type { FileContext, Scope } from '../types.js';

/**
 * Retry policies configured on an HTTP client rather than written as a loop: every write request
 * through that client is retried.
 *
 * Matches: `axiosRetry(client, { retryCondition })` with a condition other than the library's
 * idempotent-only ones; a urllib3 `Retry(allowed_methods=None | False | [..."POST"...])` (also the
 * old `method_whitelist`) in an `HTTPAdapter(max_retries=...)` mounted on a session
 * (`session.mount("https://", adapter)`); got/ky options `retry: { methods: [..."post"...] }` on
 * a call (that call is retried) or on `got.extend(...)` / `ky.create(...)` (the client is).
 * Skips: the libraries' defaults (axios-retry, urllib3, got and ky retry only idempotent methods
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
  const all = functionParameters(fn);
  const params = all[0] === 'self' || all[0] === 'cls' ? all.slice(1) : all;
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
    const policies = /retry|attempts/i.test(ctx.source) ? ctx.memo('client-policy-scopes', () => clientPolicyScopes(ctx, allCalls(ctx))) : [];
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