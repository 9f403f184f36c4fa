// The files a scan covered, so partial scans (a subfolder, one file, --include) only rewrite what
// they looked at: baseline entries and failures-YAML occurrences of other files are kept.
import { resolve } from 'node:path';
import type { ScanWarning, WarningKind } from '../engine/types.js';

/** Files read but not analysed: their old entries cannot be judged fixed. */
const NOT_ANALYSED: ReadonlySet<WarningKind> = new Set(['read', 'binary', 'too-large', 'minified', 'timeout']);

/** Whether the scan analysed a file (a path relative to `base`, or absolute). */
export type CoveredFiles = (file: string, base: string) => boolean;

/**
 * @param files the absolute paths the scan was given (what `discoverFiles` returned)
 * @param cwd the folder warning paths are relative to
 * @param warnings the scan's warnings: files skipped as unreadable, binary, too large or timed out
 *   are not covered
 */
export function coveredFiles(files: readonly string[], cwd: string, warnings: readonly ScanWarning[]): CoveredFiles {
  const skipped = new Set(warnings.filter((w) => NOT_ANALYSED.has(w.kind)).map((w) => resolve(cwd, w.file)));
  const covered = new Set(files.filter((f) => !skipped.has(f)));
  return (file, base) => covered.has(resolve(base, file));
}
