import { resolve } from 'node:path';
import type { Finding, ScanResult } from '../engine/types.js';
import type { ChangedLines } from './git-diff.js';

function touches(lines: ReadonlySet<number> | 'all' | undefined, from: number, to: number): boolean {
  if (lines === undefined) return false;
  if (lines === 'all') return true;
  for (let n = from; n <= to; n++) if (lines.has(n)) return true;
  return false;
}

/**
 * Whether a change touches the finding: a line of its own span, or the first line of a related
 * location in the same file (a retry newly wrapped around an old call makes that call a finding of
 * the change). Related spans are not read whole: a retry loop's span covers its entire body.
 */
export function findingChanged(f: Finding, changed: ChangedLines, cwd: string): boolean {
  const own = changed.get(resolve(cwd, f.file));
  if (touches(own, f.line, f.endLine)) return true;
  return f.related.some((r) => r.file === undefined && touches(own, r.line, r.line));
}

/** Keeps only the findings a change since the ref touches; the rest is neither reported nor gated. */
export function onlyChangedFindings(result: ScanResult, changed: ChangedLines, cwd: string): ScanResult {
  return { ...result, findings: result.findings.filter((f) => findingChanged(f, changed, cwd)) };
}
