import { z } from 'zod';

const DerivedConstraintSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  statement: z.string().min(1),
  rationale: z.string().optional(),
  violation_scenario: z.string().optional(),
  measurement: z.string().optional(),
});

const group = <K extends string>(key: K) =>
  z.array(z.looseObject({ [key]: z.string().min(1), generated_constraints: z.array(DerivedConstraintSchema).default([]) } as Record<K, z.ZodString> & { generated_constraints: z.ZodDefault<z.ZodArray<typeof DerivedConstraintSchema>> })).default([]);

/**
 * The parts of a failures YAML that `faultline merge` reads. Everything else in the file (incidents,
 * ticket patterns, scan results…) is ignored here.
 */
export const FailuresForMergeSchema = z.looseObject({
  meta: z.looseObject({ manifold: z.string().min(1) }),
  derived_constraints: z
    .looseObject({
      from_incidents: group('incident'),
      from_anti_patterns: group('anti_pattern'),
      from_ticket_patterns: group('pattern'),
    })
    .optional(),
  enriched_failure_modes: z
    .looseObject({
      newly_discovered: z
        .array(
          z.looseObject({
            id: z.string().min(1),
            source: z.string().min(1),
            scenario: z.string().min(1),
            incidents: z.array(z.string()).default([]),
            probability: z.string().optional(),
            impact: z.string().optional(),
            constraints_violated: z.array(z.string()).default([]),
            detection: z.string().optional(),
            mitigation: z.string().optional(),
            prevention: z.string().optional(),
          }),
        )
        .default([]),
    })
    .optional(),
  anti_patterns: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        name: z.string().optional(),
        prevention: z
          .looseObject({ must_include: z.array(z.string()).default([]), must_exclude: z.array(z.string()).default([]) })
          .optional(),
      }),
    )
    .default([]),
});

/** A failures YAML as merge reads it. */
export type FailuresForMerge = z.infer<typeof FailuresForMergeSchema>;
