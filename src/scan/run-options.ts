import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Rule } from '../engine/rule.js';
import type { Vocabulary } from '../matchers/index.js';
import { codeFingerprint, packageVersion } from '../package-root.js';
import { defaultCacheDir, makeFolder, openCache, ruleSetHash, type ScanCache } from './cache.js';
import { NO_PROGRESS, type Progress } from './progress.js';
import type { ScanRunOptions } from './scan-options.js';

const PARSER_PACKAGES = ['tree-sitter', 'tree-sitter-python', 'tree-sitter-typescript'];

/** The installed parser and grammar versions: a tree of another version may match differently, so the cache is per versions. */
function parserVersions(): string {
  const require = createRequire(import.meta.url);
  return PARSER_PACKAGES.map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`).join(',');
}

/** How (not what) faultline scans: the `--jobs`, `--no-cache`, `--cache-dir` and `--no-prefilter` choices. */
export interface RunChoices {
  jobs?: number;
  cache: boolean;
  cacheDir?: string;
  prefilter: boolean;
  /** `--file-timeout`: seconds one file may take to match before it is reported unmatched. */
  fileTimeout?: number;
}

/** What the run options need from their caller: where relative paths start and how to tell of problems. */
export interface RunSurroundings {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  warn(message: string): void;
  progress?: Progress;
}

/**
 * Turns the choices into scan run options: workers (default: one per core), the prefilter and the
 * cache (default dir in the user's cache folder). Cache problems go to `warn`; they never change
 * the report. A cache folder that cannot be created is one of them: the scan runs without a cache.
 * `finish()` saves the cache once the scan is done.
 */
export function scanRunOptions(
  choices: RunChoices,
  around: RunSurroundings,
  setup: { rules: readonly Rule[]; vocab: Vocabulary; scanRoot: string; maxFileSize: number },
): ScanRunOptions & { finish(): void } {
  let cache: ScanCache | undefined;
  if (choices.cache) {
    const dir = choices.cacheDir !== undefined ? resolve(around.cwd, choices.cacheDir) : defaultCacheDir(around.env);
    try {
      makeFolder(dir);
      const hash = ruleSetHash(setup.rules, setup.vocab, `${packageVersion()}+${codeFingerprint()}+${parserVersions()}`, { prefilter: choices.prefilter, maxFileSize: setup.maxFileSize });
      cache = openCache(dir, setup.scanRoot, hash, around.warn);
    } catch (error) {
      around.warn(`cannot create the scan cache folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; scanning without a cache`);
    }
  }
  return {
    jobs: choices.jobs ?? availableParallelism(),
    prefilter: choices.prefilter,
    ...(choices.fileTimeout !== undefined ? { fileBudgetMs: choices.fileTimeout * 1000 } : {}),
    ...(cache ? { cache } : {}),
    progress: around.progress ?? NO_PROGRESS,
    finish() {
      const problem = cache?.save();
      if (problem !== undefined) around.warn(problem);
    },
  };
}
