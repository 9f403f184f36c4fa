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

/** Parses `--file-timeout SECONDS`: a positive number of seconds one file may take to match. @throws UsageError */
export function parseFileTimeout(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--file-timeout takes a positive number of seconds (got "${value}")`, { help: 'Example: --file-timeout 60 (default: 20; a busy CI runner may need more)' });
  }
  return n;
}

/** Parses `--cache-dir DIR`: an empty value would put the cache files in the current folder. @throws UsageError */
export function parseCacheDir(value: string): string {
  if (value.trim() === '') {
    throw new UsageError('--cache-dir needs a folder (got "")', { help: 'Example: --cache-dir .faultline-cache, or --no-cache to scan without a cache' });
  }
  return value;
}
