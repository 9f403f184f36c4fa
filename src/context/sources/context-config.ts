import { z } from 'zod';
import { INCIDENT_CSV_FIELDS } from '../incidents/incident-schema.js';
import { TICKET_CSV_FIELDS } from '../tickets/ticket-schema.js';
import { ContextConfigError } from '../errors.js';
import { atLine, firstIssue, formatPath, parseYamlSource, syntaxErrorText } from '../../yaml-source.js';

const globs = z.union([z.string().min(1), z.array(z.string().min(1))]).transform((g) => (Array.isArray(g) ? g : [g]));

const columnMap = <T extends readonly [string, ...string[]]>(fields: T) => z.partialRecord(z.enum(fields), z.string().min(1));

/**
 * The `context:` section of faultline.config.yaml. Globs are resolved relative to the config
 * file's folder. Other top-level sections of the file belong to other commands and are ignored.
 */
export const ContextConfigSchema = z.strictObject({
  incidents: globs.optional(),
  postmortems: globs.optional(),
  tickets: globs.optional(),
  /** Extra anti-pattern catalogue files (rule YAML with `signals:`), beside the built-in rules. */
  rules: globs.optional(),
  csv_columns: z
    .strictObject({
      incidents: columnMap(INCIDENT_CSV_FIELDS as unknown as readonly [string, ...string[]]).optional(),
      tickets: columnMap(TICKET_CSV_FIELDS as unknown as readonly [string, ...string[]]).optional(),
    })
    .optional(),
  list_separator: z.string().min(1).optional(),
  timeframe: z.number().int().positive().optional(),
  high_relevance_threshold: z.number().min(0).max(1).optional(),
});

/** The validated `context:` section. */
export type ContextConfig = z.infer<typeof ContextConfigSchema>;

/**
 * Read the `context:` section of a faultline.config.yaml.
 *
 * @returns the section, or an empty one when the file has none
 * @throws ContextConfigError naming the file, key and line when the section is malformed
 */
export function parseContextConfig(text: string, file: string): ContextConfig {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) {
    throw new ContextConfigError(syntaxErrorText(file, parsed), {
      help: 'Fix the YAML syntax of the config file',
      file,
      line: parsed.line,
    });
  }
  const data = parsed.source.data;
  const section = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).context : undefined;
  if (section === undefined || section === null) return {};
  const result = ContextConfigSchema.safeParse(section);
  if (!result.success) {
    const { path, line, text } = firstIssue(parsed.source, result.error, 'invalid', ['context']);
    throw new ContextConfigError(`${file} ${formatPath(path)}${atLine(line)}: ${text}`, {
      help: 'See docs/context.md "Configuration" for the `context:` section',
      file,
      line,
      cause: result.error,
    });
  }
  return result.data;
}
