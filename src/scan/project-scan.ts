// One scan pipeline for every caller (the CLI, the library API, the language server): which files,
// the scan itself, fingerprints, `--changed-since` and the baseline. Callers add only their
// arguments and their output.
import { relative } from 'node:path';
import { applyBaseline, readBaseline, type Baseline } from '../baseline/index.js';
import { changedLinesSince, onlyChangedFindings } from '../changed-lines/index.js';
import type { Config } from '../config/config.js';
import type { Setup } from '../config/load-setup.js';
import { withFingerprints } from '../engine/fingerprint.js';
import type { ScanResult } from '../engine/types.js';
import { gitRoot } from '../git-root.js';
import type { DiscoverOptions } from './discover.js';
import type { Progress } from './progress.js';
import { scanRunOptions, type RunChoices } from './run-options.js';
import { DEFAULT_TEST_PATTERNS, scanFiles } from './scan-files.js';
import { coveredFiles, type CoveredFiles } from './scan-scope.js';

/** The caller's file choices, and how to name them in messages (`--include` or `the include option`). */
export interface ScopeChoices {
  include: readonly string[];
  exclude: readonly string[];
  ignore: boolean;
  names: { include: string; exclude: string };
}

/**
 * Which files a scan takes: the caller's `include` replaces the config's (relative to `cwd` and to
 * the config's folder respectively); `exclude` adds to the config's.
 */
export function scanScope(config: Config, choices: ScopeChoices, cwd: string): DiscoverOptions {
  const configName = config.file === undefined ? 'the config' : relative(cwd, config.file) || config.file;
  const fromCaller = (patterns: readonly string[], name: string) => ({ patterns, base: cwd, origin: name });
  const fromConfig = (patterns: readonly string[], key: string) => ({ patterns, base: config.dir, origin: `${key} in ${configName}` });
  return {
    include: choices.include.length > 0 ? [fromCaller(choices.include, choices.names.include)] : [fromConfig(config.include, 'include')],
    exclude: [fromConfig(config.exclude, 'exclude'), fromCaller(choices.exclude, choices.names.exclude)],
    gitignore: choices.ignore,
    vendoredManifests: config.vendored.manifests,
    vendoredAssets: { assetFolders: config.vendored.asset_folders, licenceFiles: config.vendored.licence_files, bannerTags: config.vendored.banner_tags, bannerMarks: config.vendored.banner_marks, bannerWords: config.vendored.banner_words },
  };
}

export interface ProjectScanOptions {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  run: RunChoices;
  /** Skip files larger than this (default: the config's). */
  maxFileSize?: number | undefined;
  suppressions: boolean;
  types: boolean;
  /** Report only findings on lines changed since this git ref. */
  changedSince?: string | undefined;
  /** A baseline file: its findings come back as `unchanged`. */
  baseline?: string | undefined;
  warn(message: string): void;
  progress?: Progress;
}

/** A finished scan: the report's findings and what callers that write files need. */
export interface ProjectScan {
  result: ScanResult;
  /** The text of each file with findings (code frames, write-back). */
  sources: Map<string, string>;
  /** The git root (or the scan root): SARIF, failures YAML and type resolution paths start here. */
  repoRoot: string;
  /** Whether the scan analysed a file (partial scans rewrite only those). */
  covered: CoveredFiles;
  baseline?: Baseline;
}

/**
 * Scans `files` (what `discoverFiles` returned) with the setup's rules: cache, workers, cross-file
 * link and settle, then fingerprints, the changed-lines filter and the baseline, in that order.
 */
export async function scanProject(files: readonly string[], setup: Setup, options: ProjectScanOptions): Promise<ProjectScan> {
  const { config } = setup;
  const repoRoot = gitRoot(setup.scanRoot) ?? setup.scanRoot;
  const maxFileSize = options.maxFileSize ?? config.max_file_size;
  const run = scanRunOptions(options.run, { cwd: options.cwd, env: options.env, warn: options.warn, ...(options.progress ? { progress: options.progress } : {}) }, { ...setup, maxFileSize });
  const scanned = await scanFiles(files, {
    cwd: options.cwd,
    rules: setup.rules,
    vocab: setup.vocab,
    maxFileSize,
    testFileRisk: config.test_files.risk,
    testFilePatterns: config.test_files.patterns ?? DEFAULT_TEST_PATTERNS,
    suppressions: options.suppressions,
    knownRuleIds: [...new Set([...setup.knownRuleIds, ...setup.rules.map((r) => r.id)])],
    types: options.types,
    typeRoots: [setup.scanRoot, repoRoot],
    ...run,
  });
  run.finish();
  const covered = coveredFiles(files, options.cwd, scanned.result.warnings);
  let result = withFingerprints(scanned.result, scanned.sources);
  if (options.changedSince !== undefined) result = onlyChangedFindings(result, changedLinesSince(options.changedSince, repoRoot), options.cwd);
  const baseline = options.baseline === undefined ? undefined : readBaseline(options.baseline, options.cwd);
  if (baseline !== undefined) result = applyBaseline(result, baseline, (file) => covered(file, options.cwd));
  return { result, sources: scanned.sources, repoRoot, covered, ...(baseline !== undefined ? { baseline } : {}) };
}
