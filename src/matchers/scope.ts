import { callee, contains, dottedPath, isCall, type Family, type Node } from './syntax.js';
import type { Scope } from './types.js';

/** Whether `node` sits in the scope's body (and, for a client policy, is a call on its client). */
export function scopeHolds(scope: Scope, node: Node, family: Family): boolean {
  if (!contains(scope.body, node)) return false;
  if (scope.receiver === undefined) return true;
  if (!isCall(node, family)) return false;
  const path = dottedPath(callee(node));
  return path === scope.receiver || path.slice(0, path.lastIndexOf('.')) === scope.receiver;
}

/** The statement-level ancestor of `node` within `scope` (for reports and sibling tests). */
export function statementOf(node: Node): Node {
  let n = node;
  while (n.parent !== null && !['block', 'statement_block', 'module', 'program'].includes(n.parent.type)) n = n.parent;
  return n;
}
