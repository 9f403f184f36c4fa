import type { Matcher } from '../types.js';

/**
 * `scheduled-run` — the candidate's retry scope is a scheduled run that re-selects its rows by a
 * state field (`scheduledRunScopes`), directly or through a helper it calls. AP-001 uses it as
 * `not: scheduled-run`: that scope was built and measured for notifications (AP-002); for writes the
 * first two findings on real code were wrong (a status GET through a request wrapper, a cached
 * settings read), so AP-001 keeps to retries until writes under a schedule are measured.
 */
export const scheduledRunMatcher: Matcher = {
  kind: 'scheduled-run',
  summary: "the candidate's retry scope is a scheduled run re-selecting rows by a state field",
  validate: () => null,
  test(_ctx, _param, candidate) {
    return candidate.scope?.scheduled !== undefined;
  },
};
