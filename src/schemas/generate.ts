import { z } from 'zod';
import { BYTE_SIZE_FORMS } from '../config/byte-size.js';
import { ConfigSchema } from '../config/config.js';
import { RuleSchema } from '../engine/rule.js';


function fromZod(schema: z.ZodType, title: string, description: string): Record<string, unknown> {
  // `input`: what a user writes (defaults optional), not what the loader returns.
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return { $schema: json.$schema, title, description, ...Object.fromEntries(Object.entries(json).filter(([k]) => k !== '$schema')) };
}

/**
 * `max_file_size` is parsed by a transform (a number, or text such as `2M`), which zod cannot
 * express; its JSON form is written here to the same forms `parseByteSize` reads.
 */
const BYTE_SIZE = {
  description: `Files larger than this are skipped with a warning: ${BYTE_SIZE_FORMS}. Default 1 MiB.`,
  anyOf: [
    { type: 'integer', exclusiveMinimum: 0 },
    { type: 'string', pattern: '^\\s*[0-9]+\\s*([kKmM]([bB]|[iI][bB])?)?\\s*$' },
  ],
};

function configSchema(): Record<string, unknown> {
  const schema = fromZod(ConfigSchema, 'faultline.config.yaml', 'The faultline project config (faultline.config.yaml in the scan root).');
  const properties = schema.properties as Record<string, unknown>;
  properties.max_file_size = BYTE_SIZE;
  return schema;
}

/** The JSON Schemas derived from the loaders' own schemas, by file name in `schemas/`. */
export function generatedSchemas(): Record<string, Record<string, unknown>> {
  return {
    'rule.schema.json': fromZod(RuleSchema, 'faultline rule', 'A faultline rule file (rules/AP-NNN-<slug>.yaml).'),
    'config.schema.json': configSchema(),
  };
}
