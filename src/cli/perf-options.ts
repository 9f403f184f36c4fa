import { UsageError } from '../errors.js';
import type { RunChoices } from '../scan/run-options.js';

/** The `scan` options that decide how (not what) faultline scans. */
export interface PerfFlags extends RunChoices {
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
