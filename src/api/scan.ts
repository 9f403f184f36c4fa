import { discoverFiles } from '../scan/discover.js';
import { loadSetup } from '../config/load-setup.js';
import { scanProject, scanScope } from '../scan/project-scan.js';
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
  const choices = { include: options.include ?? [], exclude: options.exclude ?? [], ignore: options.ignore ?? true, names: { include: 'the include option', exclude: 'the exclude option' } };
  const { files } = discoverFiles(scanPaths, cwd, scanScope(setup.config, choices, cwd));
  const { result } = await scanProject(files, setup, {
    cwd,
    env: process.env,
    run: { cache: options.cache ?? true, prefilter: true, ...(options.jobs !== undefined ? { jobs: options.jobs } : {}), ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}) },
    maxFileSize: options.maxFileSize,
    suppressions: options.suppressions ?? true,
    types: options.types ?? true,
    changedSince: options.changedSince,
    baseline: options.baseline,
    warn: options.onWarning ?? (() => undefined),
  });
  return jsonReport(result, { version: packageVersion() });
}
