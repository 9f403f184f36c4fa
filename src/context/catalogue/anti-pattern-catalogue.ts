import { z } from 'zod';
import { CatalogueError } from '../errors.js';
import { atLine, firstIssue, formatPath, parseYamlSource, syntaxErrorText } from '../../yaml-source.js';

/**
 * The fields of a rule that anti-pattern identification reads. Built-in rule files
 * (`rules/AP-00N-*.yaml`) carry more (matchers, languages…); those keys are ignored here.
 *
 * `signals` is a list of term groups: a text shows the anti-pattern when, for every group, it
 * contains at least one of the group's terms (`[[retry, retries], [duplicate, twice], [idempotency]]`).
 */
export const CatalogueEntrySchema = z.looseObject({
  id: z.string().regex(/^[A-Za-z]+-\d+$/, 'must look like AP-001'),
  slug: z.string().min(1),
  title: z.string().min(1),
  risk: z.enum(['high', 'medium', 'low']),
  signals: z.array(z.array(z.string().trim().min(1)).min(1)).min(1),
  consequence: z.string().optional(),
  message: z.string().optional(),
  help: z.string().optional(),
  rationale: z.string().optional(),
  prevention: z
    .looseObject({
      must_include: z.array(z.string()).default([]),
      must_exclude: z.array(z.string()).default([]),
    })
    .optional(),
});

/** One anti-pattern the catalogue can recognise in failure records. */
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

/**
 * Read one rule file as a catalogue entry.
 *
 * @returns the entry, or undefined when the rule has no `signals:` (it cannot be recognised in
 *   failure records, only in code, and is skipped)
 * @throws CatalogueError when the file is not YAML or its catalogue fields are malformed
 */
export function parseCatalogueEntry(text: string, file: string): CatalogueEntry | undefined {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) {
    throw new CatalogueError(syntaxErrorText(file, parsed), {
      help: 'Fix the YAML syntax of the rule file',
      file,
      line: parsed.line,
    });
  }
  const data = parsed.source.data;
  if (data === null || typeof data !== 'object' || !('signals' in data)) return undefined;
  const result = CatalogueEntrySchema.safeParse(data);
  if (!result.success) {
    const { path, line, text } = firstIssue(parsed.source, result.error, 'invalid');
    throw new CatalogueError(`${file} ${formatPath(path)}${atLine(line)}: ${text}`, {
      help: 'A rule\'s signals are a list of term groups, e.g. `signals: [[retry, retries], [duplicate, twice]]`',
      file,
      line,
      cause: result.error,
    });
  }
  return result.data;
}
