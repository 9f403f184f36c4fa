import { WordSet } from '../names.js';
import { contains, ifChain, namedEnclosingFunction, namesUnder, type Node } from '../syntax.js';
import type { FileContext, Matcher } from '../types.js';

/**
 * `once-guard` — between the candidate and its scope, an `if` whose condition limits the branch to
 * one attempt: it tests the loop's attempt counter (`if attempt == MAX_ATTEMPTS - 1`, `if
 * (attempt === 0)`) or a flag named for it (`if not notified`, `if is_last_attempt`,
 * `once_words` in the vocabulary). Used as `not: once-guard` by AP-002.
 * Known false negatives: a counter tested with `>` (`if attempt > 1: notify()`) also counts, though
 * it notifies on every later attempt.
 */
export const onceGuardMatcher: Matcher = {
  kind: 'once-guard',
  summary: 'an if on the attempt counter or a sent-flag confines the candidate to one attempt',
  validate: () => null,
  test(ctx, _param, candidate) {
    const scope = candidate.scope;
    if (scope === undefined) return false;
    const once = ctx.memo('once-words', () => new WordSet(ctx.vocab.once_words));
    if (guarded(ctx, once, candidate.node, scope.body, scope.counter)) return true;
    // Reached through a helper: the helper's call may be the guarded one.
    for (let s = scope; s.via !== undefined; s = s.via.from) {
      if (guarded(ctx, once, s.via.call, s.via.from.body, s.via.from.counter)) return true;
    }
    // Through a helper of this file: a send the helper makes only in its give-up branch
    // (`else: webhook.active = False; notify_admins()` after `if failed < MAX`) is sent once.
    const inner = candidate.related.find((r) => / calls .+ here$/.test(r.message))?.node;
    // `transaction.on_commit(lambda: notify(…))`: the helper is the function around the callback.
    const helper = inner && namedEnclosingFunction(inner, ctx.family);
    return inner !== undefined && helper != null && !contains(helper, candidate.node) && guarded(ctx, once, inner, helper, undefined);
  },
};

/** An `if` between `node` and `top` whose conditions test the attempt counter or a once-word. */
function guarded(ctx: FileContext, once: WordSet, node: Node, top: Node, counter: string | undefined): boolean {
  for (let p: Node | null = node.parent; p !== null && p.id !== top.id; p = p.parent) {
    if (p.type !== 'if_statement') continue;
    for (const branch of ifChain(p, ctx.family)) {
      if (!contains(branch.body, node)) continue;
      const conditions = ifChain(p, ctx.family).flatMap((b) => (b.condition ? [b.condition] : []));
      for (const cond of conditions) {
        const names = namesUnder(cond);
        if (counter !== undefined && names.includes(counter)) return true;
        if (names.some((n) => once.anyWordOf(n))) return true;
      }
    }
  }
  return false;
}
