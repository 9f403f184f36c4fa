import { httpMethodOf } from './call-vocabulary.js';
import { calleePath } from './file-index.js';
import { contains, isCall, type Node } from './syntax.js';
import type { Candidate, FileContext, Scope } from './types.js';

/** Whether `node` sits in the scope's body (and, for a client policy, is a call on its client). */
export function scopeHolds(ctx: FileContext, scope: Scope, node: Node, rangeChecked = false): boolean {
  if (!rangeChecked && !contains(scope.body, node)) return false;
  if (scope.receiver === undefined) return true;
  if (!isCall(node, ctx.family)) return false;
  const path = calleePath(ctx, node);
  if (path !== scope.receiver && path.slice(0, path.lastIndexOf('.')) !== scope.receiver) return false;
  if (scope.methods === undefined) return true;
  // `axios.patch(…)`, `axios({ method: 'PATCH' })`: a method the policy does not list is not retried.
  const method = path === scope.receiver ? httpMethodOf(node) : path.slice(path.lastIndexOf('.') + 1);
  return method === null || !HTTP_VERBS.has(method.toUpperCase()) || scope.methods.includes(method.toUpperCase());
}

const HTTP_VERBS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The statement-level ancestor of `node` within `scope` (for reports and sibling tests). */
export function statementOf(node: Node): Node {
  let n = node;
  while (n.parent !== null && !['block', 'statement_block', 'module', 'program'].includes(n.parent.type)) n = n.parent;
  return n;
}

/**
 * The call a candidate reaches through a local helper (`notifyUser(u)` → its `send_sms(…)`), read
 * from the related location the call matcher adds (`… calls … here`); undefined for a direct call.
 */
export function reachedInner(candidate: Candidate): Node | undefined {
  return reachedCalls(candidate)[0];
}

/** Every call a candidate reaches through helpers on the way (the call matcher's `… calls … here` locations). */
export function reachedCalls(candidate: Candidate): Node[] {
  return candidate.related.filter((r) => / calls .+ here$/.test(r.message)).map((r) => r.node);
}
