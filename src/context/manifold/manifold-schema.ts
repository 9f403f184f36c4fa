import { z } from 'zod';

/**
 * A term the manifold cares about: a bare word or phrase (`payment`, `data_loss`), or a name with
 * aliases that count as the same term (`{ name: duplicate, aliases: [twice, double charge] }`).
 * Other keys of a named term (`role`, `kind`, `owner`…) are the team's notes and are kept as written.
 */
export const TermSchema = z.preprocess(
  termWithNote,
  z.union([
    z.string().trim().min(1),
    z.looseObject({
      name: z.string().trim().min(1),
      aliases: z.array(z.string().trim().min(1)).default([]),
    }),
  ]),
);

/**
 * A term written as a one-key mapping, its note after the colon (`- refund_case: one passenger
 * booking …`, `- TIMEOUT: no answer within the timeout`), as teams list what a name means: the key
 * is the term and the text its `note`, read like a comment after a bare term.
 */
function termWithNote(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== 1 || 'name' in value) return value;
  const [term, note] = entries[0]!;
  return typeof note === 'string' || note === null ? { name: term, note: note ?? '' } : value;
}

/** A constraint id: a letter then letters, digits or `_` (`B1`, `T2`, `U1`, `T_INC089_1`). */
const ConstraintId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must be a letter followed by letters, digits, "_" or "-"');

/** One constraint of the manifold. Extra keys (`_source`, `rationale`…) are kept as written. */
export const ConstraintSchema = z.looseObject({
  id: ConstraintId,
  statement: z.string().trim().min(1),
  type: z.string().trim().min(1).optional(),
  /** Optional words that link incidents and tickets to this constraint besides its statement. */
  keywords: z.array(z.string().trim().min(1)).optional(),
});

/** One failure mode of the manifold (`F1`…). Extra keys are kept as written. */
export const FailureModeSchema = z.looseObject({
  id: ConstraintId,
  scenario: z.string().trim().min(1),
  /** Incidents known to show this failure mode (written by `faultline merge`). */
  incident_refs: z.array(z.string()).optional(),
});

/**
 * A mapping keyed by id, as teams keep constraints and failure modes (`B1: "A basket is captured at
 * most once"`, `F1: { scenario: … }`): each entry reads as the item with that id, a string value as
 * its `field` (`statement`, `scenario`). Entries that are lists (headings) and anything that is no
 * mapping are left as they are.
 */
export function keyedById(field: string): (value: unknown) => unknown {
  return (value) => {
    if (!isPlainObject(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        if (typeof item === 'string') return [key, { id: key, [field]: item }];
        if (isPlainObject(item) && !('id' in item)) return [key, { id: key, ...item }];
        return [key, item];
      }),
    );
  };
}

/**
 * Terms written as a mapping keyed by name (`providers: { Fennec Payments: { use: … } }`,
 * `Postwick: transactional email`): each entry is the term, a string value its note.
 */
function termsKeyedByName(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  return Object.entries(value).map(([name, item]) =>
    isPlainObject(item) ? { name, ...item } : typeof item === 'string' ? { name, note: item } : name,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The manifold's constraints: one list, lists grouped under headings of the team's choosing
 * (`business:`, `technical:`, `user_experience:`), which read as one list in heading order, or a
 * mapping keyed by id (`B1: "statement"`), read in the order written.
 */
const ConstraintsSchema = z.union([
  z.array(ConstraintSchema),
  z.preprocess(keyedById('statement'), z.record(z.string(), z.union([z.array(ConstraintSchema).nullable(), ConstraintSchema]))),
]);

/** The manifold's failure modes: a list, or a mapping keyed by id (`F1: "scenario"` or `F1: { scenario: … }`). */
const FailureModesSchema = z.union([z.array(FailureModeSchema), z.preprocess(keyedById('scenario'), z.record(z.string(), FailureModeSchema))]);

/** A list of terms, or a mapping keyed by the terms' names. */
const TermsSchema = z.preprocess(termsKeyedByName, z.array(TermSchema)).default([]);

/**
 * A glossary: the team's names and what they stand for (`H2S: hold-to-sale, the sealer's
 * conversion step`), as a mapping, a list of one-key mappings or of `{ term, definition }` objects.
 */
const GlossarySchema = z.union([
  z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  z.array(z.union([z.string(), z.looseObject({})])),
]);

/** An excluded approach: a sentence, or an object (merge writes objects with `anti_pattern`). */
export const ExclusionSchema = z.union([z.string().trim().min(1), z.looseObject({})]);

/**
 * The manifold: the feature area that failure history is loaded against. Unknown top-level keys
 * are allowed (a manifold usually carries much more than the context flow reads).
 */
export const ManifoldSchema = z
  .looseObject({
    manifold: z.string().trim().min(1),
    description: z.string().optional(),
    entities: TermsSchema,
    systems: TermsSchema,
    /** Services of other companies the component calls; they count as systems that are not the component. */
    providers: TermsSchema,
    error_types: TermsSchema,
    /** The team's own names and what they stand for: a name whose definition names a term is that term too. */
    glossary: GlossarySchema.optional(),
    /**
     * What the component is not responsible for, and who is ("Bill calculation …: billing-run and
     * meter-data teams"): an incident of only those services is not about the component.
     */
    not_responsible_for: z.array(z.union([z.string(), z.number(), z.looseObject({})])).default([]),
    constraints: ConstraintsSchema.default([]),
    failure_modes: FailureModesSchema.default([]),
    solution_space: z
      .looseObject({ exclusions: z.array(ExclusionSchema).default([]) })
      .optional(),
  })
  .superRefine((m, ctx) => {
    if (m.entities.length + m.systems.length + m.error_types.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['entities'],
        message: 'is required: list at least one of entities, systems or error_types',
      });
    }
    // Ids are unique across every heading of `constraints`, and within `failure_modes`.
    for (const lists of [constraintGroups(m.constraints), failureModeGroups(m.failure_modes)]) {
      const seen = new Map<string, string>();
      for (const { path, items } of lists) {
        items.forEach((item, i) => {
          const first = seen.get(item.id);
          if (first !== undefined) {
            ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicates the id of ${first} ("${item.id}")` });
          } else seen.set(item.id, `${path.join('.')}[${i}]`);
        });
      }
    }
  });

/** The constraint lists of a manifold with where each sits: `constraints`, or `constraints.<heading>` per heading. */
export function constraintGroups(constraints: z.infer<typeof ConstraintsSchema>): { path: string[]; items: ManifoldConstraint[] }[] {
  if (Array.isArray(constraints)) return [{ path: ['constraints'], items: constraints }];
  return Object.entries(constraints).map(([key, items]) =>
    items === null || Array.isArray(items) ? { path: ['constraints', key], items: items ?? [] } : { path: ['constraints'], items: [items] },
  );
}

/** The failure modes of a manifold with where each sits (a list, or a mapping keyed by id). */
export function failureModeGroups(modes: z.infer<typeof FailureModesSchema>): { path: string[]; items: ManifoldFailureMode[] }[] {
  return Array.isArray(modes) ? [{ path: ['failure_modes'], items: modes }] : [{ path: ['failure_modes'], items: Object.values(modes) }];
}

/** True when a list field of the manifold is written as a mapping keyed by id (`B1: …`), not as a list or under headings. */
export function isKeyedById(value: unknown): boolean {
  return isPlainObject(value) && Object.values(value).some((item) => isPlainObject(item) && 'id' in item);
}

/** A term as written in the manifold. */
export type ManifoldTermInput = z.infer<typeof TermSchema>;
/** A validated manifold constraint. */
export type ManifoldConstraint = z.infer<typeof ConstraintSchema>;
/** A validated manifold failure mode. */
export type ManifoldFailureMode = z.infer<typeof FailureModeSchema>;
/** The manifold as validated data. */
export type ManifoldData = z.infer<typeof ManifoldSchema>;

/** A manifold term with its aliases, normalised: `data_loss` becomes the phrase `data loss`. */
export interface ManifoldTerm {
  /** The name shown in reports (as written). */
  name: string;
  /** The name and every alias, as phrases to look for. */
  phrases: string[];
  /**
   * Fields of the term its glossary entry lists (`payment_ref`, `idempotency_key` of a charge
   * attempt), as phrases: an incident naming one names the term. Looked for as written, not
   * through synonyms (a notice's dedupe id is no charge attempt's idempotency key).
   */
  fields?: string[];
}

/** The manifold ready for analysis: validated data plus normalised terms. */
export interface Manifold {
  name: string;
  entities: ManifoldTerm[];
  systems: ManifoldTerm[];
  errorTypes: ManifoldTerm[];
  constraints: ManifoldConstraint[];
  failureModes: ManifoldFailureMode[];
  /** The validated data, for callers that need the rest. */
  data: ManifoldData;
}
