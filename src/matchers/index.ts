import type { Matcher } from './types.js';
import { callMatcher } from './kinds/call.js';
import { exitsAfterMatcher } from './kinds/exits-after.js';
import { idempotencyKeyMatcher } from './kinds/idempotency-key.js';
import { insideMatcher } from './kinds/inside.js';
import { onceGuardMatcher } from './kinds/once-guard.js';
import { priorSuccessCheckMatcher } from './kinds/prior-success-check.js';
import { recordsMatcher } from './kinds/records.js';
import { scopeMentionsMatcher } from './kinds/scope-mentions.js';
import { scheduledRunMatcher } from './kinds/scheduled-run.js';
import { webhookRedeliveryMatcher } from './kinds/webhook-redelivery.js';
import { sentRecordMatcher } from './kinds/sent-record.js';

export type { Candidate, ContextKind, FileContext, Matcher, MatcherParam, Requirement, Scope } from './types.js';
export type { CallSite, FileSummary, FunctionFacts } from './summary.js';
export type { Vocabulary, VocabularyInput } from './vocabulary.js';
export { VocabularySchema, mergeVocabularies } from './vocabulary.js';
export { contextNames } from './contexts/index.js';
export type { Family, Node } from './syntax.js';

const MATCHERS = new Map<string, Matcher>(
  [
    callMatcher,
    recordsMatcher,
    insideMatcher,
    idempotencyKeyMatcher,
    priorSuccessCheckMatcher,
    scopeMentionsMatcher,
    onceGuardMatcher,
    exitsAfterMatcher,
    scheduledRunMatcher,
    webhookRedeliveryMatcher,
    sentRecordMatcher,
  ].map((m) => [m.kind, m]),
);

/** The matcher registered for a signature kind, or undefined. */
export function getMatcher(kind: string): Matcher | undefined {
  return MATCHERS.get(kind);
}

/** Every registered matcher, for `faultline rules --matchers` and error messages. */
export function allMatchers(): Matcher[] {
  return [...MATCHERS.values()];
}
