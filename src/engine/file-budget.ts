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

/** Whether any node lies deeper than `limit` below `root`: one iterative cursor walk, no recursion. */
export function nestsDeeperThan(root: Node, limit: number): boolean {
  const cursor = root.walk();
  let depth = 0;
  for (;;) {
    if (cursor.gotoFirstChild()) {
      if (++depth > limit) return true;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return false;
      depth--;
    }
  }
}
