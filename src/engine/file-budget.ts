import type { Node } from '../matchers/index.js';

/**
 * Limits that keep the scan of one file bounded on adversarial input, the same in every thread.
 *
 * tree-sitter's `parent` walks down from the root, so every walk up from a node at depth d costs
 * O(d²); matchers walk up from every candidate, and some helpers recurse along a node's children.
 * A tree deeper than {@link MAX_TREE_DEPTH} is therefore not matched at all (real code nests a few
 * dozen levels; only generated or hostile sources go past a few hundred), which also keeps every
 * recursion far from the stack limit, whether the file is scanned in the main thread or a worker.
 */
export const MAX_TREE_DEPTH = 500;

/** Thrown from inside matching when a file's time budget has run out. */
export class BudgetExceeded extends Error {
  constructor() {
    super('time budget exceeded');
    this.name = 'BudgetExceeded';
  }
}

/** A function that throws {@link BudgetExceeded} once `deadline` (ms since the epoch) has passed. */
export function budgetCheck(deadline: number | undefined): () => void {
  if (deadline === undefined) return () => undefined;
  return () => {
    if (Date.now() > deadline) throw new BudgetExceeded();
  };
}

/**
 * Whether any node lies deeper than `limit` below `root`. A subtree holds no more levels below its
 * top than it has descendants, and tree-sitter keeps that count on every node, so only nodes whose
 * count could reach past the limit are opened: in real code a few dozen big blocks, not every node
 * (a walk over all of them cost about as much as parsing the file). Iterative, no recursion.
 */
export function nestsDeeperThan(root: Node, limit: number): boolean {
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (top.depth > limit) return true;
    // `descendantCount` counts the node itself: its deepest descendant is at most count - 1 below it.
    if (top.depth + top.node.descendantCount - 1 <= limit) continue;
    for (const child of top.node.children) stack.push({ node: child, depth: top.depth + 1 });
  }
  return false;
}
