/**
 * The labels of the real-code evaluation (`eval/real/labels/batch-N/*.yaml`, format in
 * eval/real/LABELLING.md): read, validated with file and line for every problem, flattened.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fg from 'fast-glob';
import { z } from 'zod';
import { formatPath, parseYamlSource } from '../../src/yaml-source.js';

const LabelSchema = z
  .object({
    path: z.string().min(1).refine((p) => !p.startsWith('/') && !p.includes('\\'), 'a repository-relative path with forward slashes'),
    line: z.number().int().positive(),
    rule: z.enum(['AP-001', 'AP-002', 'AP-003']),
    expect: z.enum(['finding', 'quiet']),
    region: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
    idiom: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
    why: z.string().min(1),
  })
  .strict()
  .refine((l) => l.region === undefined || (l.region[0] <= l.line && l.line <= l.region[1]), 'region must contain line');

const LabelFileSchema = z
  .object({
    repos: z.array(
      z
        .object({
          repo: z.string().regex(/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/, 'owner/name'),
          commit: z.string().regex(/^[0-9a-f]{40}$/, 'a 40-hex commit'),
          labels: z.array(LabelSchema),
        })
        .strict(),
    ),
  })
  .strict();

export type RuleId = 'AP-001' | 'AP-002' | 'AP-003';

export interface RealLabel {
  batch: string;
  /** The labels file, relative to the project root. */
  source: string;
  repo: string;
  commit: string;
  path: string;
  line: number;
  rule: RuleId;
  expect: 'finding' | 'quiet';
  /** Lines a matching finding may start on (the label's line when no region is given). */
  region: [number, number];
  idiom: string;
  why: string;
}

export interface RepoRef {
  repo: string;
  commit: string;
}

export class LabelError extends Error {}

/** Every label under `labelsDir` (optionally one batch), in file order. Throws LabelError naming file and line. */
export function readRealLabels(root: string, labelsDir: string, batch?: string): RealLabel[] {
  const pattern = batch === undefined ? '*/*.{yaml,yml}' : `${batch}/*.{yaml,yml}`;
  const files = fg.sync(pattern, { cwd: join(root, labelsDir) }).sort();
  const out: RealLabel[] = [];
  for (const file of files) {
    const abs = join(root, labelsDir, file);
    const shown = relative(root, abs);
    const parsed = parseYamlSource(readFileSync(abs, 'utf8'));
    if (!parsed.ok) throw new LabelError(`${shown}:${parsed.line}: not valid YAML: ${parsed.message}`);
    const result = LabelFileSchema.safeParse(parsed.source.data);
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = issue?.path ?? [];
      throw new LabelError(`${shown}:${parsed.source.lineOf(path) ?? 1}: ${formatPath(path)}: ${issue?.message ?? 'invalid'}`);
    }
    const batchName = file.split('/')[0] ?? '';
    for (const r of result.data.repos) {
      for (const l of r.labels) {
        out.push({
          batch: batchName,
          source: shown,
          repo: r.repo,
          commit: r.commit,
          path: l.path,
          line: l.line,
          rule: l.rule,
          expect: l.expect,
          region: l.region ?? [l.line, l.line],
          idiom: l.idiom ?? 'untagged',
          why: l.why,
        });
      }
    }
  }
  return out;
}

/** The repositories the labels name, once each; a repository labelled at two commits is an error. */
export function reposOf(labels: readonly RealLabel[]): RepoRef[] {
  const byRepo = new Map<string, RealLabel>();
  for (const l of labels) {
    const prior = byRepo.get(l.repo);
    if (prior !== undefined && prior.commit !== l.commit) {
      throw new LabelError(`${l.source}: ${l.repo} is labelled at ${l.commit} here and at ${prior.commit} in ${prior.source}; use one commit`);
    }
    byRepo.set(l.repo, l);
  }
  return [...byRepo.values()].map((l) => ({ repo: l.repo, commit: l.commit }));
}

/** The corpus folder of one repository: `owner+name`. */
export function corpusFolder(repo: string): string {
  return repo.replace('/', '+');
}
