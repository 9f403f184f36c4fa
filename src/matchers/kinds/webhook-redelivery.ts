import type { Matcher } from '../types.js';

/**
 * `webhook-redelivery` — the candidate's retry scope is a provider's webhook handler, run again on
 * each redelivery of the event (`webhookRedeliveryScopes`). AP-002 uses it as `not:
 * webhook-redelivery`: that scope was built and measured for writes (AP-001); a notification sent
 * before a later failing step of such a handler is AP-002's finding too, but notifications under a
 * redelivered handler stay out until they are measured on real code.
 */
export const webhookRedeliveryMatcher: Matcher = {
  kind: 'webhook-redelivery',
  summary: "the candidate's retry scope is a provider's webhook handler the provider redelivers",
  validate: () => null,
  test(_ctx, _param, candidate) {
    return candidate.scope?.redelivered !== undefined;
  },
};
