import type { Finding, ScanResult } from '../engine/types.js';
import type { Baseline, BaselineEntry } from './baseline.js';
import { BASELINE_VERSION } from './baseline.js';

/** Which files a scan looked at (paths relative to its cwd); entries of other files are left alone. */
export type ScanScope = (file: string) => boolean;

const EVERY_FILE: ScanScope = () => true;

/** Rule, file and the content hash of a fingerprint (`<hash>:<n>`), without the occurrence number. */
function key(ruleId: string, file: string, fingerprint: string): string {
  return `${ruleId}\0${file}\0${fingerprint.replace(/:\d+$/, '')}`;
}

/**
 * Pairs each unsuppressed finding with at most one baseline entry of the same rule, file and
 * flagged code. Identical copies are paired from the bottom of the file up, so a copy added above
 * a baselined finding is the one left unpaired (new). The occurrence number of the fingerprint is
 * not compared: it depends on the other findings. Suppressed findings take no part.
 */
function match(findings: readonly Finding[], baseline: Baseline, inScope: ScanScope): { matched: Map<Finding, BaselineEntry>; unmatched: BaselineEntry[]; outOfScope: BaselineEntry[] } {
  const pool = new Map<string, BaselineEntry[]>();
  const outOfScope: BaselineEntry[] = [];
  for (const entry of baseline.findings) {
    if (!inScope(entry.file)) {
      outOfScope.push(entry);
      continue;
    }
    const k = key(entry.ruleId, entry.file, entry.fingerprint);
    pool.set(k, [...(pool.get(k) ?? []), entry]);
  }
  for (const entries of pool.values()) entries.sort((a, b) => b.line - a.line || occurrenceOf(a) - occurrenceOf(b));
  const matched = new Map<Finding, BaselineEntry>();
  const bottomUp = findings.filter((f) => f.suppression === undefined && f.fingerprint !== undefined).sort((a, b) => b.line - a.line || b.column - a.column);
  for (const finding of bottomUp) {
    const entry = pool.get(key(finding.ruleId, finding.file, finding.fingerprint!))?.shift();
    if (entry !== undefined) matched.set(finding, entry);
  }
  return { matched, unmatched: [...pool.values()].flat(), outOfScope };
}

function occurrenceOf(entry: BaselineEntry): number {
  return Number(/:(\d+)$/.exec(entry.fingerprint)?.[1] ?? 0);
}

/**
 * Compares a scan with a baseline. Each unsuppressed finding gets `baselineState`: `unchanged`
 * when the baseline holds an entry with its rule, file and fingerprint (each entry matches one
 * finding), else `new`. `baselineFixed` counts the entries no finding matched. Suppressed findings
 * get no state: they are neither open nor baselined. A finding without a fingerprint is always
 * `new`, so call `withFingerprints` first.
 * @param result the scan (not mutated); finding paths relative to the scan's cwd
 * @param baseline a baseline whose paths are relative to the same cwd (what `readBaseline` returns)
 * @param inScope the files the scan covered: entries of other files are not counted as fixed
 * @returns a copy of the result with `baselineState` on findings and `baselineFixed` set
 */
export function applyBaseline(result: ScanResult, baseline: Baseline, inScope: ScanScope = EVERY_FILE): ScanResult {
  const { matched, unmatched } = match(result.findings, baseline, inScope);
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
 * it only shrinks, new findings are not added. Kept entries take the finding's current line, code
 * and fingerprint. Entries of files outside `inScope` (a scan of a subfolder, one file or with
 * `--include`) are kept as they are: the scan did not look at them.
 * @param baseline the baseline given with `--baseline` (paths relative to the scan's cwd)
 * @param result the same scan, before or after {@link applyBaseline}
 * @param toolVersion faultline's version, recorded in the file
 * @param inScope the files the scan covered
 */
export function pruneBaseline(baseline: Baseline, result: ScanResult, toolVersion: string, inScope: ScanScope = EVERY_FILE): Baseline {
  const { matched, outOfScope } = match(result.findings, baseline, inScope);
  const kept = [...matched].map(([f, entry]): BaselineEntry => ({ ...entry, line: f.line, code: f.code, fingerprint: f.fingerprint ?? entry.fingerprint }));
  const findings = [...kept, ...outOfScope];
  return { version: BASELINE_VERSION, tool: { name: 'faultline', version: toolVersion }, findings: findings.sort(compareEntries) };
}
