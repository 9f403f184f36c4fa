import type { Finding, ScanResult } from '../engine/types.js';
import type { Baseline, BaselineEntry } from './baseline.js';
import { BASELINE_VERSION } from './baseline.js';

function key(ruleId: string, file: string, fingerprint: string): string {
  return `${ruleId}\0${file}\0${fingerprint}`;
}

/** Pairs each unsuppressed finding with at most one baseline entry of the same rule, file and fingerprint. */
function match(findings: readonly Finding[], baseline: Baseline): { matched: Map<Finding, BaselineEntry>; unmatched: BaselineEntry[] } {
  const pool = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.findings) {
    const k = key(entry.ruleId, entry.file, entry.fingerprint);
    pool.set(k, [...(pool.get(k) ?? []), entry]);
  }
  const matched = new Map<Finding, BaselineEntry>();
  for (const finding of findings) {
    if (finding.suppression !== undefined || finding.fingerprint === undefined) continue;
    const entry = pool.get(key(finding.ruleId, finding.file, finding.fingerprint))?.shift();
    if (entry !== undefined) matched.set(finding, entry);
  }
  return { matched, unmatched: [...pool.values()].flat() };
}

/**
 * Compares a scan with a baseline. Each unsuppressed finding gets `baselineState`: `unchanged`
 * when the baseline holds an entry with its rule, file and fingerprint (each entry matches one
 * finding), else `new`. `baselineFixed` counts the entries no finding matched. Suppressed findings
 * get no state: they are neither open nor baselined. A finding without a fingerprint is always
 * `new`, so call `withFingerprints` first.
 * @param result the scan (not mutated); finding paths relative to the scan's cwd
 * @param baseline a baseline whose paths are relative to the same cwd (what `readBaseline` returns)
 * @returns a copy of the result with `baselineState` on findings and `baselineFixed` set
 */
export function applyBaseline(result: ScanResult, baseline: Baseline): ScanResult {
  const { matched, unmatched } = match(result.findings, baseline);
  const findings = result.findings.map((f): Finding => (f.suppression !== undefined ? f : { ...f, baselineState: matched.has(f) ? 'unchanged' : 'new' }));
  return { ...result, findings, baselineFixed: unmatched.length };
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint);
}

/**
 * A baseline recording the open findings of a scan (`--write-baseline FILE` without `--baseline`).
 * Suppressed findings are left out; findings without a fingerprint cannot be recorded and are
 * skipped, so call `withFingerprints` first.
 * @param result the scan; paths relative to its cwd
 * @param toolVersion faultline's version, recorded in the file
 */
export function createBaseline(result: ScanResult, toolVersion: string): Baseline {
  const findings = result.findings
    .filter((f) => f.suppression === undefined && f.fingerprint !== undefined)
    .map((f): BaselineEntry => ({ ruleId: f.ruleId, file: f.file, fingerprint: f.fingerprint!, line: f.line, code: f.code }));
  return { version: BASELINE_VERSION, tool: { name: 'faultline', version: toolVersion }, findings: findings.sort(compareEntries) };
}

/**
 * The baseline minus the entries the scan no longer finds (`--baseline FILE --write-baseline FILE`):
 * it only shrinks, new findings are not added. Kept entries take the finding's current line and
 * code.
 * @param baseline the baseline given with `--baseline` (paths relative to the scan's cwd)
 * @param result the same scan, before or after {@link applyBaseline}
 * @param toolVersion faultline's version, recorded in the file
 */
export function pruneBaseline(baseline: Baseline, result: ScanResult, toolVersion: string): Baseline {
  const { matched } = match(result.findings, baseline);
  const findings = [...matched].map(([f, entry]): BaselineEntry => ({ ...entry, line: f.line, code: f.code }));
  return { version: BASELINE_VERSION, tool: { name: 'faultline', version: toolVersion }, findings: findings.sort(compareEntries) };
}
