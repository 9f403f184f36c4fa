import { compiledOnce } from '../compiled.js';
import { calleePath, callsWithin } from '../file-index.js';
import { functionsByName, plainFunctionAt } from '../local-helpers.js';
import { callArguments, callee, dottedPath, functionBody, functionParameters, isFunction, lastSegment, unwrapAwait, type Node } from '../syntax.js';
import type { FileContext, Scope } from '../types.js';
import { normalizeName } from '../names.js';
import { onlyAfterRefusal, type RefusalVocab } from './refusals.js';

/**
 * A response interceptor that sends a failed request again: `client.interceptors.response.use(ok,
 * async (error) => { …; return client(error.config) })`. Every request through `client` goes
 * through it, so a POST that timed out after the provider created the record is sent a second
 * time, unless the interceptor replays only after a refusal (401 with a fresh token, 429) or only
 * for methods it tests.
 *
 * Matches: the error handler (second argument, inline or a function of this file) calling the
 * client itself, a method of it (`client.request(cfg)`), or the shared client of its package
 * (`axios(cfg)`), with the failed request's config (`error.config`, or a name bound to it).
 * Skips: replays only under a refused status (`retry.refused_statuses`), and handlers that read
 * the request's method (`config.method`) in a test: they choose what to replay.
 */
export function interceptorReplayScope(ctx: FileContext, call: Node, path: string, sharedClients: ReadonlySet<string>): Scope | null {
  const suffix = compiledOnce(ctx.vocab, 'interceptor-suffix', () => ctx.vocab.retry.response_interceptors);
  const use = suffix.find((s) => path.endsWith(`.${s}`));
  if (use === undefined) return null;
  const client = path.slice(0, path.length - use.length - 1);
  const handler = resolveHandler(ctx, callArguments(call)[1], call);
  const body = handler && functionBody(handler);
  if (!handler || !body) return null;
  const error = functionParameters(handler)[0];
  if (error === undefined) return null;
  const configs = configNames(body, error);
  if (readsMethodInTest(body, configs)) return null;
  const refusals = refusalVocab(ctx);
  const replay = callsWithin(ctx, body).find((c) => replaysConfig(ctx, c, new Set([client, ...sharedClients]), configs) && !onlyAfterRefusal(refusals, c, body));
  if (replay === undefined) return null;
  return { context: 'retry', body: ctx.root, construct: replay, label: `${client}.interceptors.response error handler replaying ${dottedPath(callArguments(replay)[0] ?? null) || 'the request'}`, receiver: client };
}

function refusalVocab(ctx: FileContext): RefusalVocab {
  return compiledOnce(ctx.vocab, 'refusal-vocab', () => ({
    refusedStatuses: new Set(ctx.vocab.retry.refused_statuses),
    statusFields: new Set(ctx.vocab.responses.status_fields.map(normalizeName)),
    providerCodeFields: new Set(ctx.vocab.retry.provider_code_fields.map(normalizeName)),
  }));
}

/** The handler function given inline, or named by an identifier / `this.method` (`.bind(this)`) of this file. */
function resolveHandler(ctx: FileContext, arg: Node | undefined, at: Node): Node | null {
  if (arg === undefined) return null;
  if (isFunction(arg, ctx.family)) return arg;
  const named = arg.type === 'call_expression' && lastSegment(dottedPath(callee(arg))) === 'bind' ? callee(arg)?.childForFieldName('object') ?? null : arg;
  const path = dottedPath(named);
  if (/^[A-Za-z_$][\w$]*$/.test(path)) return plainFunctionAt(ctx, path, at);
  const method = /^this\.([A-Za-z_$][\w$]*)$/.exec(path);
  return method === null ? null : functionsByName(ctx).get(method[1]!) ?? null;
}

/** `error.config` and the names bound to it in the handler (`const originalRequest = error.config`, `const { config } = error`). */
function configNames(body: Node, error: string): Set<string> {
  const names = new Set([`${error}.config`]);
  for (const decl of body.descendantsOfType(['variable_declarator'])) {
    const value = stripCasts(decl.childForFieldName('value'));
    const name = decl.childForFieldName('name');
    if (value === null || name === null) continue;
    if (name.type === 'identifier' && names.has(dottedPath(value))) names.add(name.text);
    else if (name.type === 'object_pattern' && value.text === error && name.namedChildren.some((p) => p.text === 'config')) names.add('config');
  }
  return names;
}

/** A call that sends a config again: `client(cfg)`, `client.request(cfg)`, `axios(cfg)`, `axios.request({ ...cfg })`. */
function replaysConfig(ctx: FileContext, call: Node, senders: ReadonlySet<string>, configs: ReadonlySet<string>): boolean {
  const path = calleePath(ctx, call);
  const target = lastSegment(path) === 'request' ? path.slice(0, path.lastIndexOf('.')) : path;
  if (!senders.has(target)) return false;
  const first = stripCasts(callArguments(call)[0] ?? null);
  if (first === null) return false;
  if (configs.has(dottedPath(first))) return true;
  // `{ ...originalRequest, headers }`
  return first.type === 'object' && first.namedChildren.some((p) => p.type === 'spread_element' && configs.has(dottedPath(stripCasts(p.namedChildren[0] ?? null))));
}

/** Whether the handler tests the request's method (`config.method === 'get'`, `SAFE.includes(config.method)`). */
function readsMethodInTest(body: Node, configs: ReadonlySet<string>): boolean {
  return body.descendantsOfType('member_expression').some((m) => {
    if (m.childForFieldName('property')?.text !== 'method' || !configs.has(dottedPath(stripCasts(m.childForFieldName('object'))))) return false;
    const parent = m.parent;
    return parent !== null && (parent.type === 'binary_expression' || parent.type === 'arguments' && /\.includes$/.test(dottedPath(parent.parent?.childForFieldName('function') ?? null)));
  });
}

/** `(originalRequest as any)`, `error.config!`: the expression under TypeScript's casts and parentheses. */
function stripCasts(node: Node | null): Node | null {
  let n = unwrapAwait(node) ?? node;
  while (n !== null && ['parenthesized_expression', 'as_expression', 'non_null_expression', 'satisfies_expression', 'type_assertion'].includes(n.type)) n = n.namedChildren[0] ?? null;
  return n;
}
