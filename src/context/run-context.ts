import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogueEntry } from './catalogue/anti-pattern-catalogue.js';
import { ManifoldError } from './errors.js';
import { readExistingAntiPatterns } from './existing-failures.js';
import { parseManifold } from './manifold/parse-manifold.js';
import type { Manifold } from './manifold/manifold-schema.js';
import { loadCatalogue, readContextInputs } from './read-context-inputs.js';
import { analyzeFailureContext, type FailureContext } from './report/analyze-failure-context.js';
import { renderFailuresYaml } from './report/render-failures-yaml.js';
import { display, loadContextSources, type SourceKind } from './sources/load-context-sources.js';
import { writeFileSafely } from '../write-file-safely.js';

/** Default `--timeframe` in months. */
export const DEFAULT_TIMEFRAME_MONTHS = 12;

/** Options of `faultline context`. */
export interface RunContextOptions {
  /** The manifold YAML, relative to `cwd` or absolute. */
  manifoldFile: string;
  cwd: string;
  /** `--config`; default `<cwd>/faultline.config.yaml` when present. */
  configFile?: string;
  /** `--sources`; default all. */
  kinds?: readonly SourceKind[];
  /** `--incidents/--postmortems/--tickets` globs. */
  overrides?: Partial<Record<SourceKind, readonly string[]>>;
  /** `--timeframe`; default the config's `context.timeframe`, else 12. */
  timeframeMonths?: number;
  /** "Today" (`--now`, else the clock, read by the caller). */
  now: Date;
  /** `--out`; when absent the YAML is returned for stdout and nothing is written. */
  outFile?: string;
  /** Built-in catalogue entries (rules/*.yaml with `signals`); `context.rules` files override by id. */
  catalogue: readonly CatalogueEntry[];
}

/** What `runContext` produced. */
export interface RunContextResult {
  context: FailureContext;
  /** The failures YAML text (also written to `outFile` when given). */
  yaml: string;
  /** Display path of the manifold. */
  manifoldFile: string;
  /** Display path of the written file, when `outFile` was given. */
  outFile: string | undefined;
}

/**
 * `faultline context`: read the manifold and the configured failure history, analyse it, and
 * write the failures YAML to `outFile` (completely and verified, or not at all) (keeping the existing file's `anti_patterns`).
 * Everything is read and validated before anything is written: on any error no file changes.
 *
 * @throws ContextError subclasses for every input problem (exit code 2 in the CLI)
 */
export async function runContext(options: RunContextOptions): Promise<RunContextResult> {
  const manifoldPath = path.resolve(options.cwd, options.manifoldFile);
  const manifoldName = display(manifoldPath, options.cwd);
  const manifold = await readManifold(manifoldPath, manifoldName);
  const sources = await loadContextSources({
    cwd: options.cwd,
    ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  const inputs = await readContextInputs(sources, options.cwd);
  const userRules = await loadCatalogue(sources.ruleFiles, options.cwd);
  const catalogue = mergeCatalogues(options.catalogue, userRules);

  const outPath = options.outFile === undefined ? undefined : path.resolve(options.cwd, options.outFile);
  const outName = outPath === undefined ? undefined : display(outPath, options.cwd);
  const existingAntiPatterns = outPath !== undefined && existsSync(outPath) ? readExistingAntiPatterns(await readFile(outPath, 'utf8'), outName ?? outPath) : [];

  const context = analyzeFailureContext(
    { manifold, ...inputs, catalogue, existingAntiPatterns },
    {
      now: options.now,
      timeframeMonths: options.timeframeMonths ?? sources.config.timeframe ?? DEFAULT_TIMEFRAME_MONTHS,
      ...(sources.config.high_relevance_threshold !== undefined ? { highRelevanceThreshold: sources.config.high_relevance_threshold } : {}),
    },
  );
  const yaml = renderFailuresYaml(context);
  if (outPath !== undefined) writeFileSafely(outPath, yaml, { label: outName ?? outPath });
  return { context, yaml, manifoldFile: manifoldName, outFile: outName };
}

/**
 * Read and validate a manifold file.
 *
 * @throws ManifoldError when it cannot be read or is malformed
 */
export async function readManifold(file: string, name: string): Promise<Manifold> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ManifoldError(`${name}: cannot be read: ${(error as Error).message}`, { help: 'Check the manifold path', file: name, cause: error });
  }
  return parseManifold(text, name);
}

/** Built-in entries, with user entries of the same id replacing them; sorted by id. */
export function mergeCatalogues(builtIn: readonly CatalogueEntry[], user: readonly CatalogueEntry[]): CatalogueEntry[] {
  const byId = new Map(builtIn.map((e) => [e.id, e]));
  for (const e of user) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
