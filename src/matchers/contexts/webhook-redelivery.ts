import { compiledOnce } from '../compiled.js';
import { calleePath, nodesWithin } from '../file-index.js';
import { NamePatterns, escapeRegExp } from '../names.js';
import { enclosingFunction, functionBody, functionName, lastSegment, raisesWithin, tryBody, tryHandlers, type Node } from '../syntax.js';
import type { FileContext, Scope } from '../types.js';

/**
 * Handlers of a provider's webhook: a function that verifies the request with a call of
 * `retry.redelivered_webhook_verifiers` (`stripe.webhooks.constructEvent(body, sig, secret)`). The
 * provider delivers the event again until the handler answers 2xx, so a write whose failure (a
 * timeout after it went through, or any error it raises) leaves the handler as an error (the
 * framework's 500) or as a 4xx/5xx answer is made again by the next delivery.
 *
 * Out of scope: the body of a `try` whose broad handler keeps the error (no raise, no 4xx/5xx
 * answer): its failures are answered 2xx and not redelivered.
 */
export function webhookRedeliveryScopes(ctx: FileContext, calls: readonly Node[]): Scope[] {
  const verifiers = ctx.vocab.retry.redelivered_webhook_verifiers;
  if (verifiers.length === 0) return [];
  const text = compiledOnce(ctx.vocab, 'webhook-verifier-text', () => new RegExp(`\\b(?:${[...new Set(verifiers.map(lastSegment))].map(escapeRegExp).join('|')})\\b`));
  if (!text.test(ctx.source)) return [];
  const patterns = compiledOnce(ctx.vocab, 'webhook-verifiers', () => new NamePatterns(verifiers));
  const scopes: Scope[] = [];
  const seen = new Set<number>();
  for (const call of calls) {
    if (!patterns.matches(calleePath(ctx, call))) continue;
    const fn = enclosingFunction(call, ctx.family);
    const body = fn && functionBody(fn);
    if (!fn || !body || seen.has(fn.id)) continue;
    seen.add(fn.id);
    const kept = keptFailures(ctx, body);
    const label = `${functionName(fn) ?? 'the webhook handler'} (the provider redelivers the event until it answers 2xx)`;
    scopes.push({ context: 'retry', body, construct: call, label, redelivered: { verifier: call }, ...(kept.length > 0 ? { excludes: kept } : {}) });
  }
  return scopes;
}

/**
 * The parts of a handler's (or its helper's) body whose failures it keeps and answers 2xx all the
 * same: the bodies of tries whose broad handler keeps the error, and calls whose promise a
 * `.catch(…)` that does not raise takes (`emitToN8n(…).catch((err) => console.error(err))`).
 */
export function keptFailures(ctx: FileContext, body: Node): Node[] {
  return [...errorKeepingTries(ctx, body), ...caughtPromises(ctx, body)];
}

/** `send(…).catch((err) => log(err))`: the call chain a `.catch` whose callback does not raise takes. */
function caughtPromises(ctx: FileContext, body: Node): Node[] {
  if (ctx.family !== 'ecma') return [];
  const out: Node[] = [];
  for (const call of nodesWithin(ctx, body, 'call_expression')) {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'member_expression' || fn.childForFieldName('property')?.text !== 'catch') continue;
    const handler = call.childForFieldName('arguments')?.namedChildren[0];
    if (handler !== undefined && !raisesWithin(handler, ctx.family) && !/\breject\s*\(/.test(handler.text)) out.push(call);
  }
  return out;
}

/** A 4xx or 5xx status in a handler's answer (`res.status(500)`, `{ status: 400 }`, `return 400`). */
const ERROR_STATUS = /(?<![\w.])[45]\d\d(?![\w.])/;

/**
 * The bodies of the tries in `body` whose broad handler keeps every error: it neither raises nor
 * answers a 4xx/5xx status, so the handler goes on to answer 2xx.
 */
function errorKeepingTries(ctx: FileContext, body: Node): Node[] {
  const out: Node[] = [];
  for (const tryStmt of nodesWithin(ctx, body, 'try_statement')) {
    const handlers = tryHandlers(tryStmt, ctx.family);
    const broad = handlers.some((h) => h.type === null || /^(?:Exception|BaseException)$/.test(h.type.text));
    const passesOn = handlers.some((h) => raisesWithin(h.body, ctx.family) || ERROR_STATUS.test(h.body.text));
    const protectedBody = tryBody(tryStmt);
    if (broad && !passesOn && protectedBody !== null) out.push(protectedBody);
  }
  return out;
}
