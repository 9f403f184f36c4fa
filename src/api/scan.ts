import { resolve } from 'node:path';
import { readBaseline, applyBaseline } from '../baseline/index.js';
import { changedLinesSince, onlyChangedFindings } from '../changed-lines/index.js';
import { discoverFiles } from '../cli/discover.js';
import { loadSetup } from '../cli/load-setup.js';
import { scanRunOptions } from '../cli/perf-options.js';
import { coveredFiles } from '../cli/scan-scope.js';
import { DEFAULT_TEST_PATTERNS, scanFiles } from '../cli/scan-files.js';
import { withFingerprints } from '../engine/fingerprint.js';
import { gitRoot } from '../git-root.js';
import { packageVersion } from '../package-root.js';
import { jsonReport, type JsonReport } from '../reporters/json.js';

/** What `scan()` takes; each option mirrors the `faultline scan` flag of the same name. */
export interface ScanOptions {
  /** Folder paths are resolved against and findings' `file` is relative to (default: `process.cwd()`). */
  cwd?: string;
  /** Extra rule files or folders (`--rules`). */
  rules?: readonly string[];
  /** Load the built-in rules (default true; `--no-builtin`). */
  builtin?: boolean;
  /** Config file (default: `faultline.config.yaml` in the folder of the first path, if present). */
  config?: string;
  /** Only files matching these globs (relative to `cwd`; replaces the config's `include`). */
  include?: readonly string[];
  /** Skip files matching these globs (relative to `cwd`; added to the config's `exclude`). */
  exclude?: readonly string[];
  /** Honour `.gitignore` files (default true; `--no-ignore`). */
  ignore?: boolean;
  /** Skip files larger than this many bytes (default: the config's, 1 MiB). */
  maxFileSize?: number;
  /** Honour `faultline-ignore` comments (default true). */
  suppressions?: boolean;
  /** Resolve TypeScript method calls through the type checker (default true). */
  types?: boolean;
  /** A baseline file: findings in it come back with `baselineState: "unchanged"`. */
  baseline?: string;
  /** A git ref: only findings on lines changed since it (see `--changed-since`). */
  changedSince?: string;
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  /** Use the scan cache (default true) and where it lives (default: the user's cache folder). */
  cache?: boolean;
  cacheDir?: string;
  /** Called with each cache problem (the scan goes on); default: ignored. */
  onWarning?: (message: string) => void;
}

/** The result of `scan()`: the same model `faultline scan --format json` prints. */
export type ScanReport = JsonReport;

/**
 * Scans files and folders with the loaded rules, as `faultline scan PATHS --format json` does, and
 * returns the report as data. Findings are sorted by file, line, column and rule id.
 * @throws ScanError subclasses (exit code 2 in the CLI) for a bad path, config, rule or baseline.
 */
export async function scan(paths: readonly string[] = ['.'], options: ScanOptions = {}): Promise<ScanReport> {
  const cwd = options.cwd ?? process.cwd();
  const scanPaths = paths.length > 0 ? paths : ['.'];
  const setup = loadSetup({ paths: scanPaths, cwd, config: options.config, rules: options.rules ?? [], builtin: options.builtin ?? true });
  const { config } = setup;
  // As on the command line: `include` replaces the config's, `exclude` adds to it; the option's
  // globs are relative to `cwd`, the config's to the config's folder.
  const fromConfig = (patterns: readonly string[], key: string) => ({ patterns, base: config.dir, origin: `${key} in ${config.file ?? 'the config'}` });
  const fromOption = (patterns: readonly string[], key: string) => ({ patterns, base: cwd, origin: `the ${key} option` });
  const { files } = discoverFiles(scanPaths, cwd, {
    include: options.include !== undefined && options.include.length > 0 ? [fromOption(options.include, 'include')] : [fromConfig(config.include, 'include')],
    exclude: [fromConfig(config.exclude, 'exclude'), fromOption(options.exclude ?? [], 'exclude')],
    gitignore: options.ignore ?? true,
  });
  const repoRoot = gitRoot(setup.scanRoot) ?? setup.scanRoot;
  const maxFileSize = options.maxFileSize ?? config.max_file_size;
  const onWarning = options.onWarning ?? (() => undefined);
  const quietIo = { stdout: () => undefined, stderr: (t: string) => onWarning(t.replace(/^warning: /, '').trimEnd()), cwd, isTTY: false, env: process.env };
  const run = scanRunOptions(
    { cache: options.cache ?? true, prefilter: true, quiet: true, ...(options.jobs !== undefined ? { jobs: options.jobs } : {}), ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}) },
    quietIo,
    { ...setup, maxFileSize },
  );
  const scanned = await scanFiles(files, {
    cwd,
    rules: setup.rules,
    vocab: setup.vocab,
    maxFileSize,
    testFileRisk: config.test_files.risk,
    testFilePatterns: config.test_files.patterns ?? DEFAULT_TEST_PATTERNS,
    suppressions: options.suppressions ?? true,
    knownRuleIds: [...new Set([...setup.knownRuleIds, ...setup.rules.map((r) => r.id)])],
    types: options.types ?? true,
    typeRoots: [setup.scanRoot, repoRoot],
    ...run,
  });
  run.finish();
  let result = withFingerprints(scanned.result, scanned.sources);
  if (options.changedSince !== undefined) result = onlyChangedFindings(result, changedLinesSince(options.changedSince, repoRoot), cwd);
  if (options.baseline !== undefined) {
    const covered = coveredFiles(files, cwd, scanned.result.warnings);
    result = applyBaseline(result, readBaseline(resolve(cwd, options.baseline), cwd), (file) => covered(file, cwd));
  }
  return jsonReport(result, { version: packageVersion() });
}
