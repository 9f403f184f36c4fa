/**
 * Writes the JSON Schemas shipped in `schemas/` (for yaml-language-server completion and checks).
 * The rule and config schemas are generated from the zod schemas the loaders validate with, so
 * they cannot drift; the failures YAML schema is written by hand (its reader is not zod-based)
 * and only checked. `npm run schemas` regenerates; test/schemas.test.ts fails when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedSchemas } from '../src/schemas/generate.js';

const dir = join(import.meta.dirname, '..', 'schemas');
for (const [name, schema] of Object.entries(generatedSchemas())) {
  writeFileSync(join(dir, name), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote schemas/${name}`);
}
