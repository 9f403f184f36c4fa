import { calleePath, callsWithin } from '../file-index.js';
import { importBinds, projectImportOf } from '../imports.js';
import { reachedCallsOf, resolveLocalFunction } from '../local-helpers.js';
import { argCountOf, callee, dottedPath, functionBody, isCall, lastSegment, unwrapAwait, type Node } from '../syntax.js';
import { wordSet } from '../compiled.js';
import { lastBindingBefore } from '../bindings.js';
import type { Candidate, FileContext, Matcher } from '../types.js';
import { handsGraphqlQuery, httpMethodOf, isPassive } from '../call-vocabulary.js';

/**
 * `call: <vocabulary>` — calls that belong to a call vocabulary of `vocabulary.yaml` (`mutating`,
 * `notification`, or a team's own), directly or through a helper defined in the same file
 * (`charge_customer(order)` whose body calls `stripe.Charge.create`; the inner call becomes a
 * related location). As an anchor it finds them; as a test (`not: { call:
 * notification }`) it asks whether the candidate is one. See `call-vocabulary.ts` for what
 * matches and the known false-positive shapes.
 */
export const callMatcher: Matcher = {
  kind: 'call',
  summary: 'a call from a named call vocabulary (mutating, notification, ...)',
  validate: (param, vocab) =>
    param === undefined
      ? 'needs a call vocabulary name, e.g. `call: mutating`'
      : vocab.calls[param] === undefined
        ? `names the call vocabulary "${param}", which is not defined (known: ${Object.keys(vocab.calls).join(', ')})`
        : null,
  find(ctx, param, within) {
    const seen = new Set<number>();
    const out: Candidate[] = [];
    for (const root of within) {
      if (isReference(root)) {
        // A retried callback imported from another file (`with_retries(charge_customer, order)`).
        if (projectImportOf(ctx, root.text) !== undefined) {
          out.push({ node: root, report: root, captures: { callee: root.text }, related: [], vocab: param ?? '', requires: [{ kind: 'helper', local: root.text, vocab: param ?? '', mode: 'writes', relocate: true }] });
        }
        continue;
      }
      for (const call of callsWithin(ctx, root)) {
        if (seen.has(call.id)) continue;
        const reached = reachedCallsOf(ctx, call, param ?? '');
        const inner = reached[0];
        if (inner === undefined) {
          const path = calleePath(ctx, call);
          // An imported helper may make such a call in its own file: decided at link time. One told
          // to read (`request({ requestPath, method: 'GET' })`) makes none, whatever it does for others.
          if (resolveLocalFunction(ctx, call) === null && !askedToRead(ctx, call)) {
            const { local, typed } = helperTarget(ctx, call, path);
            if (local !== undefined) {
              seen.add(call.id);
              out.push({ node: call, report: call, captures: { callee: path }, related: [], vocab: param ?? '', requires: [{ kind: 'helper', local, vocab: param ?? '', mode: 'writes', ...(typed ? { typed } : {}), ...argCountOf(call, ctx.family) }] });
            }
          }
          continue;
        }
        seen.add(call.id);
        const candidate: Candidate = { node: call, report: call, captures: { callee: dottedPath(callee(call)) }, related: [], vocab: param ?? '' };
        if (inner.id !== call.id) {
          candidate.captures.via = dottedPath(callee(inner));
          // Every such call the helper makes runs again with it (`_send_for_frequency()` e-mails, then pushes, per user): each is a related location.
          for (const each of reached) candidate.related.push({ node: each, message: `${candidate.captures.callee} calls ${dottedPath(callee(each))} here` });
          // Made through a further helper of this file (`processNotification` → `sendEmail(…)` →
          // `t.sendMail`): the helper's own call on the way is where the send happens for its loop
          // and its later steps, so it is named too.
          for (const step of stepsOnTheWay(ctx, call, reached, param ?? '')) candidate.related.push({ node: step, message: `${candidate.captures.callee} calls ${dottedPath(callee(step))} here` });
        }
        out.push(candidate);
      }
    }
    return out;
  },
  test: (ctx, param, candidate) => isCall(candidate.node, ctx.family) && reachedCallsOf(ctx, candidate.node, param ?? '').length > 0,
};

/**
 * What a call of a helper of another file names for the link step: an imported function, the
 * method of an imported class an object was made from (`const service = new UserRetentionService(…)`
 * then `service.sendmail(…)`, known without the type checker), or a method on a typed object.
 */
export function helperTarget(ctx: FileContext, call: Node, path: string): { local?: string; typed: boolean } {
  if (projectImportOf(ctx, path) !== undefined) return { local: path, typed: false };
  const method = importedClassMethod(ctx, call, path);
  if (method !== undefined) return { local: method, typed: false };
  return isTypedMemberCall(ctx, path) ? { local: path, typed: true } : { typed: false };
}

/**
 * A method called on an object of a class imported from the project (`message =
 * PushMessage(**kwargs)`, then `message.send()`; `const service = new UserRetentionService(c)`,
 * then `service.sendmail()`) runs `PushMessage.send` of that file; without types, the binding
 * says which class it is.
 */
export function importedClassMethod(ctx: FileContext, call: Node, path: string): string | undefined {
  const [head, method, ...rest] = path.split('.');
  if (head === undefined || method === undefined || rest.length > 0) return undefined;
  const bound = unwrapAwait(lastBindingBefore(ctx, head, call));
  const cls = bound === null ? null : classMade(ctx, bound) ?? (isCall(bound, ctx.family) ? classOfLocalFactory(ctx, bound) : null);
  return cls === null ? undefined : `${cls}.${method}`;
}

/** `new OmariClient(…)`, Python's `OmariClient(…)`: the project class a value constructs, else null. */
function classMade(ctx: FileContext, value: Node): string | null {
  const made = value.type === 'new_expression' ? value.childForFieldName('constructor') : null;
  const cls = made ? dottedPath(made) : ctx.family === 'python' && isCall(value, ctx.family) ? calleePath(ctx, value) : null;
  return cls !== null && /^[A-Z]/.test(lastSegment(cls)) && projectImportOf(ctx, cls) !== undefined ? cls : null;
}

/**
 * `client = _build_client()` where this file's `def _build_client() -> OmariClient: return OmariClient()`
 * (morebnyemba/Kali-Safaris omari_integration/views.py): a factory of this file hands back an object of
 * the project class its return annotation names, or that every return of its body constructs.
 */
export function classOfLocalFactory(ctx: FileContext, factoryCall: Node): string | null {
  const fn = resolveLocalFunction(ctx, factoryCall);
  const body = fn && functionBody(fn);
  if (!fn || !body) return null;
  const annotated = fn.childForFieldName('return_type');
  const named = annotated === null ? null : annotated.namedChildren.length <= 1 ? (annotated.namedChildren[0] ?? annotated).text : null;
  if (named !== null && /^[A-Z][\w.]*$/.test(named) && projectImportOf(ctx, named) !== undefined) return named;
  const returned = body.descendantsOfType('return_statement').map((r) => unwrapAwait(r.firstNamedChild));
  const classes = new Set(returned.map((v) => (v === null ? null : classMade(ctx, v))));
  const [only] = classes;
  return classes.size === 1 && only !== undefined && only !== null ? only : null;
}

/**
 * `request({ requestPath, method: 'GET' })`, `api_call(path, method="GET")`, `apiRequest('GET', url)`:
 * the call hands its helper a `method` option or keyword, or a method in capitals, naming a read
 * (`read_http_methods`).
 */
function askedToRead(ctx: FileContext, call: Node): boolean {
  // `shopifyGraphQL(PRODUCTS_QUERY, vars)`: a transport handed only GraphQL query documents reads.
  if (handsGraphqlQuery(ctx, call)) return true;
  if (ctx.vocab.read_http_methods.length === 0) return false;
  const method = httpMethodOf(call);
  return method !== null && wordSet(ctx, 'read_http_methods', ctx.vocab.read_http_methods).has(method);
}

function isReference(node: Node): boolean {
  return node.type === 'identifier' || node.type === 'attribute' || node.type === 'member_expression';
}

/**
 * A method call on an object of this file (`this.payments.settle()`, `billing.renew()`) in
 * TypeScript/JavaScript: what it runs is known only to the type checker, so the link step asks it.
 */
export function isTypedMemberCall(ctx: FileContext, path: string): boolean {
  if (ctx.family !== 'ecma' || !path.includes('.') || path.includes('()') || path.includes('[]') || path.startsWith('<')) return false;
  const head = path.split('.')[0] ?? '';
  if (importBinds(ctx, head)) return false;
  return !isPassive(ctx, path) && !GLOBALS.has(head);
}

/** Receivers that are platform objects, never project classes. */
const GLOBALS = new Set(['JSON', 'Math', 'Object', 'Array', 'Promise', 'Date', 'Number', 'String', 'console', 'process', 'Buffer', 'Reflect', 'window', 'document', 'globalThis']);

/**
 * The calls in the body of the helper `call` invokes that reach one of `reached` through another
 * helper of this file (not the reached calls themselves), in source order.
 */
function stepsOnTheWay(ctx: FileContext, call: Node, reached: readonly Node[], name: string): Node[] {
  const fn = resolveLocalFunction(ctx, call);
  const body = fn && functionBody(fn);
  if (!fn || !body) return [];
  const ids = new Set(reached.map((r) => r.id));
  return callsWithin(ctx, body).filter((c) => {
    if (ids.has(c.id)) return false;
    const next = resolveLocalFunction(ctx, c);
    return next !== null && next.id !== fn.id && reachedCallsOf(ctx, c, name).some((r) => ids.has(r.id));
  });
}
