import { scopeHolds } from '../scope.js';
import { getContext, contextNames } from '../contexts/index.js';
import type { Matcher } from '../types.js';

/**
 * `inside: <context>` — the candidate lies in a scope of the named context (`retry`,
 * `timeout-handler`, `status-branch`, `ambiguous-outcome`). Records the innermost such scope on the
 * candidate, adds its construct as a related location and its label as the `{retry}` / `{context}`
 * capture, so later tests (`prior-success-check`, `handles-ambiguous`) and the message can use it.
 */
export const insideMatcher: Matcher = {
  kind: 'inside',
  summary: 'the candidate lies in a scope of a context (retry, timeout-handler, status-branch, ambiguous-outcome)',
  validate: (param) =>
    param === undefined || getContext(param) === undefined
      ? `needs a context name, one of: ${contextNames().join(', ')}`
      : null,
  test(ctx, param, candidate) {
    const context = getContext(param ?? '');
    if (context === undefined) return false;
    let best = undefined as (typeof candidate)['scope'];
    for (const scope of context.scopes(ctx)) {
      if (!scopeHolds(scope, candidate.node, ctx.family)) continue;
      if (best === undefined || scope.body.endIndex - scope.body.startIndex < best.body.endIndex - best.body.startIndex) best = scope;
    }
    if (best === undefined) return false;
    candidate.scope = best;
    candidate.captures[param === 'retry' ? 'retry' : 'context'] = best.label;
    candidate.captures.context ??= best.label;
    candidate.related.push({ node: best.construct, message: `${best.context === 'retry' ? 'retried by' : 'handled by'} ${best.label}` });
    if (best.subject && best.subject.id !== candidate.node.id) {
      candidate.captures.subject = best.subject.text.split('\n', 1)[0] ?? '';
      candidate.related.push({ node: best.subject, message: 'the call whose outcome is ambiguous' });
    }
    return true;
  },
};
