import { z } from 'zod';
import { RULE_LANGUAGES } from './types.js';

/**
 * The rule format (`rules/AP-NNN-<slug>.yaml`). The schema is strict: an unknown key fails the
 * load, project extras go under `metadata`. The `Rule` type is derived from it.
 */
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const Language = z.enum(RULE_LANGUAGES as unknown as ['python', 'typescript', 'javascript']);
const Param = z.union([z.string().min(1), z.null()]);

/** One signature entry: `{ call: mutating }`, `{ not: idempotency-key }`, `{ not: { call: notification } }`. */
export const SignatureEntrySchema = z
  .record(z.string(), z.union([Param, z.record(z.string(), Param)]))
  .refine((e) => Object.keys(e).length === 1, { message: 'each signature entry has exactly one key, the matcher kind' });

export const RuleSchema = z
  .object({
    id: z.string().regex(/^[A-Z][A-Z0-9]*-\d{3,}$/, 'an id is letters, a dash and a zero-padded number, like AP-001'),
    slug: z.string().regex(kebab, 'a slug is kebab-case, like retry-without-idempotency'),
    title: z.string().min(1),
    risk: z.enum(['high', 'medium', 'low']),
    /** Written back to the failures YAML as `HIGH - <consequence>`. */
    consequence: z.string().min(1),
    /** What is wrong, with `{callee}`, `{retry}`, `{context}`, `{subject}`, `{record}` placeholders. */
    message: z.string().min(1),
    /** What to do. */
    help: z.string().min(1),
    /** Why it is harmful, naming the incident it comes from. */
    rationale: z.string().min(1),
    languages: z.array(Language).min(1),
    signature: z.array(SignatureEntrySchema).min(1).optional(),
    /**
     * `scope`: one finding per scope (a handler, a branch): its first candidate is reported and the
     * others become related locations, so a handler that records a failure three ways is one finding.
     * `retried-call`: a candidate reached through helpers of this file (`processReminder(r)` in a
     * retried loop, whose switch sends) is reported at the call the retry runs again, each call on the
     * way a related location; several reached through the one call are one finding (the unit a team fixes).
     */
    group: z.enum(['scope', 'retried-call']).optional(),
    /** Raw tree-sitter queries per language; the `@match` capture (or the first) is the candidate. */
    match: z.partialRecord(Language, z.object({ query: z.string().min(1) }).strict()).optional(),
    prevention: z
      .object({ must_include: z.array(z.string()).default([]), must_exclude: z.array(z.string()).default([]) })
      .strict()
      .optional(),
    /**
     * Code that shows the anti-pattern and its fix, printed by `faultline explain`; the test suite
     * checks that `bad` fires the rule and `good` does not.
     */
    examples: z.array(z.object({ language: Language, bad: z.string().min(1), good: z.string().min(1) }).strict()).optional(),
    /** Term groups that identify this anti-pattern in an incident's root cause (all groups, any term). */
    signals: z.array(z.array(z.string().min(1)).min(1)).optional(),
    metadata: z
      .object({
        incidents: z.array(z.string()).optional(),
        confidence: z.enum(['high', 'medium', 'low']).optional(),
        references: z.array(z.string()).optional(),
        tags: z.array(z.string()).optional(),
        cwe: z.array(z.string().regex(/^CWE-\d+$/)).optional(),
        help_uri: z.string().optional(),
      })
      .catchall(z.unknown())
      .optional(),
    deprecated: z.string().min(1).optional(),
  })
  .strict()
  .refine((r) => r.signature !== undefined || r.match !== undefined, {
    message: 'a rule needs a `signature:` list or `match:` queries (or both)',
  });

/** A rule as written in YAML, after validation. */
export type RuleSpec = z.output<typeof RuleSchema>;

/** One compiled signature step: the matcher kind, its parameter, and whether it is negated. */
export interface SignatureStep {
  kind: string;
  param: string | undefined;
  negate: boolean;
}

/** A loaded rule: its spec, the file it came from, and its compiled signature. */
export type Rule = RuleSpec & {
  /** Where the rule was loaded from (for errors), or a label such as `failures.yaml#AP-001`. */
  source: string;
  steps: SignatureStep[];
};
