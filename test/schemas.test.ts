import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generatedSchemas } from '../src/schemas/generate.js';
import { runCli } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const schema = (name: string) => JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8')) as object;
const validator = (name: string) => new Ajv({ allErrors: true, strict: false }).compile(schema(name));
const yamlFile = (path: string) => parse(readFileSync(path, 'utf8')) as unknown;

describe('shipped JSON Schemas', () => {
  it('are up to date with the loaders they are generated from (npm run schemas)', () => {
    for (const [name, generated] of Object.entries(generatedSchemas())) expect(schema(name), name).toEqual(generated);
  });

  it('accept every built-in rule and refuse what the loader refuses', () => {
    const valid = validator('rule.schema.json');
    const files = readdirSync(join(root, 'rules')).filter((f) => /^AP-\d+.*\.yaml$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(valid(yamlFile(join(root, 'rules', f))), `${f}: ${JSON.stringify(valid.errors)}`).toBe(true);
    const rule = yamlFile(join(root, 'rules', files[0] as string)) as Record<string, unknown>;
    expect(valid({ ...rule, risk: 'severe' })).toBe(false);
    expect(valid({ ...rule, unknown_key: 1 })).toBe(false);
  });

  it('accept a full config and refuse an unknown key or a bad risk', () => {
    const valid = validator('config.schema.json');
    const config = { rules: ['rules/'], disable: ['AP-002'], include: ['src/**'], exclude: ['**/gen/**'], max_file_size: 2048, fail_on: 'medium', test_files: { risk: 'keep' }, vocabulary: {} };
    expect(valid(config), JSON.stringify(valid.errors)).toBe(true);
    expect(valid(yamlFile(join(root, 'examples', 'context', 'faultline.config.yaml'))), JSON.stringify(valid.errors)).toBe(true);
    expect(valid({ ...config, fail_on: 'severe' })).toBe(false);
    expect(valid({ ...config, max_file_size: '2M' })).toBe(true);
    expect(valid({ ...config, max_file_size: '512 KiB' })).toBe(true);
    expect(valid({ ...config, max_file_size: 'huge' })).toBe(false);
    expect(valid({ ...config, max_file_size: -1 })).toBe(false);
    expect(valid({ ...config, rulez: [] })).toBe(false);
  });

  it('accept the example failures YAML and refuse one without anti_patterns ids', () => {
    const valid = validator('failures.schema.json');
    expect(valid(yamlFile(join(root, 'examples', 'payment-retry-v2-failures.yaml'))), JSON.stringify(valid.errors)).toBe(true);
    expect(valid({ anti_patterns: [{ name: 'no id' }] })).toBe(false);
    expect(valid({ incidents: [] })).toBe(false);
  });
});

describe('faultline rules --format json', () => {
  it('prints every loaded rule as data', async () => {
    const r = await runCli(['rules', '--format', 'json'], root);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as { id: string; risk: string; languages: string[]; incidents: string[] }[];
    expect(rules.map((x) => x.id)).toEqual(['AP-001', 'AP-002', 'AP-003']);
    expect(rules[0]).toMatchObject({ risk: 'high', languages: ['python', 'typescript', 'javascript'], incidents: ['INC-2024-089'] });
  });

  it('refuses an unknown format with exit 2', async () => {
    expect((await runCli(['rules', '--format', 'xml'], root)).code).toBe(2);
  });
});
