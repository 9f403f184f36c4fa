import { isPassive } from '../call-vocabulary.js';
import { mentionsOutcome, outcomeParamProblem, outcomeWords } from '../outcomes.js';
import { callee, dottedPath } from '../syntax.js';
import type { Matcher } from '../types.js';

/**
 * `scope-mentions: <outcome>` — the candidate's scope (set by an earlier `inside:`) mentions the
 * outcome anywhere it guards: the whole timeout handler, or every branch of a status check. Used
 * as `not: { scope-mentions: ambiguous }`: a handler that records `"pending"` or schedules a
 * reconciliation has handled the ambiguity, even if it also marks something failed.
 * A mention in a log line (`log("status unknown")`) handles nothing and does not count.
 */
export const scopeMentionsMatcher: Matcher = {
  kind: 'scope-mentions',
  summary: 'the candidate’s scope mentions an outcome (e.g. ambiguous: pending, unknown, reconcile)',
  validate: outcomeParamProblem,
  test(ctx, param, candidate) {
    const words = outcomeWords(ctx, param ?? '');
    const scope = candidate.scope;
    if (words === undefined || scope === undefined) return false;
    return mentionsOutcome(scope.guard ?? scope.body, words, (call) => isPassive(ctx, dottedPath(callee(call))));
  },
};
