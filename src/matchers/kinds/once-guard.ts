import { WordSet } from '../names.js';
import { contains, ifChain, namesUnder, type Node } from '../syntax.js';
import type { Matcher } from '../types.js';

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
    for (let p: Node | null = candidate.node.parent; p !== null && p.id !== scope.body.id; p = p.parent) {
      if (p.type !== 'if_statement') continue;
      for (const branch of ifChain(p, ctx.family)) {
        if (!contains(branch.body, candidate.node)) continue;
        const conditions = ifChain(p, ctx.family).flatMap((b) => (b.condition ? [b.condition] : []));
        for (const cond of conditions) {
          const names = namesUnder(cond);
          if (scope.counter !== undefined && names.includes(scope.counter)) return true;
          if (names.some((n) => once.anyWordOf(n))) return true;
        }
      }
    }
    return false;
  },
};
