import { z } from 'zod';
import { ConfigSchema } from '../cli/config.js';
import { RuleSchema } from '../engine/rule.js';


function fromZod(schema: z.ZodType, title: string, description: string): Record<string, unknown> {
  // `input`: what a user writes (defaults optional), not what the loader returns.
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return { $schema: json.$schema, title, description, ...Object.fromEntries(Object.entries(json).filter(([k]) => k !== '$schema')) };
}

/** The JSON Schemas derived from the loaders' own schemas, by file name in `schemas/`. */
export function generatedSchemas(): Record<string, Record<string, unknown>> {
  return {
    'rule.schema.json': fromZod(RuleSchema, 'faultline rule', 'A faultline rule file (rules/AP-NNN-<slug>.yaml).'),
    'config.schema.json': fromZod(ConfigSchema, 'faultline.config.yaml', 'The faultline project config (faultline.config.yaml in the scan root).'),
  };
}
