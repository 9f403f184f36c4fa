import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Rule } from '../engine/rule.js';
import type { Vocabulary } from '../matchers/index.js';
import { codeFingerprint, packageVersion } from '../package-root.js';
import { defaultCacheDir, makeFolder, openCache, ruleSetHash, type ScanCache } from './cache.js';
import type { CliIo } from './io.js';
import { createProgress, NO_PROGRESS } from './progress.js';
import type { ScanRunOptions } from './scan-files.js';

/** The `scan` options that decide how (not what) faultline scans. */
export interface PerfFlags {
  jobs?: number;
  /** `--no-cache` sets false. */
  cache: boolean;
  cacheDir?: string;
  /** `--no-prefilter` sets false. */
  prefilter: boolean;
  quiet?: boolean;
}

/** Parses `--jobs N`: a positive whole number. @throws UsageError */
export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs takes a positive whole number (got "${value}")`, { help: 'Example: --jobs 4 (default: the number of cores)' });
  return n;
}

/** Parses `--cache-dir DIR`: an empty value would put the cache files in the current folder. @throws UsageError */
export function parseCacheDir(value: string): string {
  if (value.trim() === '') {
    throw new UsageError('--cache-dir needs a folder (got "")', { help: 'Example: --cache-dir .faultline-cache, or --no-cache to scan without a cache' });
  }
  return value;
}

/**
 * Turns the flags into scan run options: workers (default: one per core), the prefilter, the
 * cache (default dir in the user's cache folder) and a progress line on an interactive stderr.
 * Cache problems are warnings on stderr; they never change the report. A cache folder that
 * cannot be created is one of them: the scan runs without a cache.
 */
export function scanRunOptions(
  flags: PerfFlags,
  io: CliIo,
  setup: { rules: readonly Rule[]; vocab: Vocabulary; scanRoot: string; maxFileSize: number },
): ScanRunOptions & { finish(): void } {
  const warn = (message: string) => io.stderr(`warning: ${message}\n`);
  let cache: ScanCache | undefined;
  if (flags.cache) {
    const dir = flags.cacheDir !== undefined ? resolve(io.cwd, flags.cacheDir) : defaultCacheDir(io.env);
    try {
      makeFolder(dir);
      const hash = ruleSetHash(setup.rules, setup.vocab, `${packageVersion()}+${codeFingerprint()}`, { prefilter: flags.prefilter, maxFileSize: setup.maxFileSize });
      cache = openCache(dir, setup.scanRoot, hash, warn);
    } catch (error) {
      warn(`cannot create the scan cache folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; scanning without a cache`);
    }
  }
  const showProgress = flags.quiet !== true && io.isTTY && process.stderr.isTTY === true;
  return {
    jobs: flags.jobs ?? availableParallelism(),
    prefilter: flags.prefilter,
    ...(cache ? { cache } : {}),
    progress: showProgress ? createProgress(io.stderr) : NO_PROGRESS,
    finish() {
      const problem = cache?.save();
      if (problem !== undefined) warn(problem);
    },
  };
}
