/**
 * Deterministic rewrites of failure text into constraint statements. They only fire on shapes
 * whose rewrite is safe; anything else is left alone rather than guessed at.
 */

import { escapeRegExp } from '../../matchers/names.js';
import { contextVocabulary } from '../vocabulary/context-vocabulary.js';

/**
 * `Retry logic did not check for idempotency` → `Retry logic must check for idempotency`;
 * `The consumer was not idempotent` → `The consumer must be idempotent`.
 * Only "did not / didn't" and "was / were not" are rewritten: "does not mean" and similar state
 * facts, not omissions. An omission the sentence approves (`omission_approvals`: "…, which is right
 * for a 400") is left alone.
 */
export function requirementFromOmission(sentence: string, approvals: readonly string[] = contextVocabulary().omission_approvals): string | undefined {
  const m = /^(.{3,80}?)\s+(did not|didn['’]t|was not|wasn['’]t|were not|weren['’]t)\s+(.+)$/i.exec(sentence.trim());
  if (!m) return undefined;
  const [, subject = '', marker = '', rest = ''] = m;
  if (subject.split(/\s+/).length > 8) return undefined;
  // "did not retry, which is right for a 400": an omission the text approves is no lesson
  if (approvals.some((a) => new RegExp(`(?<![\\p{L}])${escapeRegExp(a)}(?![\\p{L}])`, 'iu').test(rest))) return undefined;
  const verb = /^did/i.test(marker) ? 'must' : 'must be';
  // Keep the main clause only: "…after a timeout, so later attempts stayed stuck" loses the consequence.
  const clause = rest.split(/[,;]\s*(?:so|and|but|because|which|while|as|then)\b|;|\s[-–—]\s/i)[0] ?? rest;
  return `${capitalise(subject)} ${verb} ${stripEnd(clause)}`;
}

/**
 * `No idempotency key in payment requests` → `Idempotency key in payment requests is required`;
 * also `Missing …`, `Lack of …`, `Without …`, `Absent …`.
 */
export function requirementFromAbsence(factor: string): string | undefined {
  const m = /^(?:no|missing|lack of|lacking|without|absent|absence of)\s+(.+)$/i.exec(factor.trim());
  if (!m?.[1]) return undefined;
  return required(m[1]);
}

/** A prevention item as a requirement: `Notification deduplication` → `Notification deduplication is required`. */
export function required(phrase: string): string {
  const p = stripEnd(phrase);
  if (/\b(must|shall|should|required|never)\b/i.test(p)) return capitalise(p);
  return `${capitalise(p)} ${isPluralHead(p) ? 'are' : 'is'} required`;
}

/** A prevention exclusion as a prohibition: `Blind retry on timeout` → `Blind retry on timeout is forbidden`. */
export function forbidden(phrase: string): string {
  const p = stripEnd(phrase);
  if (/\b(must|shall|should|forbidden|never)\b/i.test(p)) return capitalise(p);
  return `${capitalise(p)} ${isPluralHead(p) ? 'are' : 'is'} forbidden`;
}

/** Lower-case, punctuation-free form used to tell two statements apart. */
export function statementKey(statement: string): string {
  return statement
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function isPluralHead(phrase: string): boolean {
  const head = phrase.split(/\s+/)[0]?.toLowerCase() ?? '';
  return head.length > 3 && head.endsWith('s') && !/(ss|us|is)$/.test(head);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function stripEnd(s: string): string {
  return s.trim().replace(/[.;:,!]+$/, '');
}
