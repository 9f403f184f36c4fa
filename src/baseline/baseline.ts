import { z } from 'zod';

/** The baseline format version this faultline reads and writes. */
export const BASELINE_VERSION = 1;

/** One recorded finding. `file` is relative to the baseline file's folder in the file on disk. */
export const BaselineEntrySchema = z.object({
  ruleId: z.string().min(1),
  file: z.string().min(1),
  /** {@link fingerprintFinding}'s `<hash>:<n>`; matching uses rule, file and this, never the line. */
  fingerprint: z.string().min(1),
  /** Where the finding was when recorded; informational. */
  line: z.number().int().positive(),
  /** The flagged source line, trimmed; informational. */
  code: z.string(),
});

/**
 * A baseline file: findings a team has accepted for now, so `--baseline` reports and gates only on
 * new ones. Unknown keys are ignored on read and dropped on write.
 */
export const BaselineSchema = z.object({
  version: z.literal(BASELINE_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  findings: z.array(BaselineEntrySchema),
});

export type BaselineEntry = z.output<typeof BaselineEntrySchema>;
export type Baseline = z.output<typeof BaselineSchema>;
