/**
 * Content-based fingerprints, so a finding keeps its identity across commits: SARIF
 * `partialFingerprints.primaryLocationLineHash` and baseline matching both use them.
 *
 * A fingerprint is `<16 hex digits>:<n>`, the shape GitHub code scanning uses. The hex digits are
 * a SHA-256 of the rule id and the flagged code: the lines the finding spans (at most
 * {@link MAX_LINES}), each with runs of whitespace collapsed and any trailing `faultline-ignore`
 * comment dropped. `n` numbers the file's open findings of that rule with the same hash from the
 * bottom of the file up, so two identical flagged lines stay distinct.
 *
 * Line numbers never enter the hash: blank lines or unrelated code inserted above a finding leave
 * it unchanged, while editing the flagged line changes it. Counting from the bottom keeps `n` when
 * anything, even an identical copy, is added above a finding (the promise baselines make);
 * suppressed findings are numbered after every open one, so suppressing a copy renumbers nothing.
 * Known churn: an identical copy added *below* renumbers the occurrences above it.
 */
import { createHash } from 'node:crypto';
import type { Finding, ScanResult } from './types.js';

/** Lines of a multi-line finding that enter its hash; the rest of a long span is ignored. */
export const MAX_LINES = 5;

const TRAILING_SUPPRESSION = /(^|\s)(#|\/\/)\s*faultline-ignore(?![\w-]).*$/;

function normalize(line: string): string {
  return line.replace(TRAILING_SUPPRESSION, '').replace(/\s+/g, ' ').trim();
}

/**
 * The occurrence-free part of a fingerprint: 16 hex digits of SHA-256 over the rule id and the
 * normalized flagged code.
 * @param finding the finding (its rule id, start and end line are used)
 * @param sourceText the text of the file the finding is in
 */
export function contentHash(finding: Pick<Finding, 'ruleId' | 'line' | 'endLine'>, sourceText: string): string {
  return hashLines(finding, sourceText.split('\n'));
}

function hashLines(finding: Pick<Finding, 'ruleId' | 'line' | 'endLine'>, lines: readonly string[]): string {
  const last = Math.min(Math.max(finding.endLine, finding.line), finding.line + MAX_LINES - 1);
  const code = lines.slice(finding.line - 1, last).map(normalize).join('\n');
  return createHash('sha256').update(`${finding.ruleId}\0${code}`).digest('hex').slice(0, 16);
}

/**
 * A finding's fingerprint, `<contentHash>:<occurrence>`.
 * @param finding the finding to fingerprint
 * @param sourceText the text of its file
 * @param siblings the findings of the same scan, used to number identical ones (see
 *   {@link withFingerprints}); only those with the same file, rule and hash matter. Defaults to
 *   none, i.e. occurrence 1.
 */
export function fingerprintFinding(finding: Finding, sourceText: string, siblings: readonly Finding[] = []): string {
  const lines = sourceText.split('\n');
  const hash = hashLines(finding, lines);
  const same = siblings.filter((s) => s !== finding && s.file === finding.file && s.ruleId === finding.ruleId && hashLines(s, lines) === hash);
  return `${hash}:${occurrence(finding, same) + 1}`;
}

/** How many of `others` (same file, rule and hash) come before `finding` in numbering order. */
function occurrence(finding: Finding, others: readonly Finding[]): number {
  return others.filter((s) => compareForNumbering(s, finding) < 0).length;
}

/** Numbering order: open findings before suppressed ones, each from the bottom of the file up. */
function compareForNumbering(a: Finding, b: Finding): number {
  const suppressed = Number(a.suppression !== undefined) - Number(b.suppression !== undefined);
  return suppressed || b.line - a.line || b.column - a.column;
}

/**
 * Sets `fingerprint` on every finding whose file text is in `sources` and that has none yet.
 * Findings of files missing from `sources` are left without one.
 * @param result a scan result (not mutated)
 * @param sources source text by finding path (`Finding.file`)
 * @returns a copy of the result with fingerprints filled in, findings in their original order
 */
export function withFingerprints(result: ScanResult, sources: ReadonlyMap<string, string>): ScanResult {
  const counts = new Map<string, number>();
  const order = result.findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => (a.finding.file < b.finding.file ? -1 : a.finding.file > b.finding.file ? 1 : compareForNumbering(a.finding, b.finding)));
  const findings = [...result.findings];
  const split = new Map<string, string[]>();
  for (const { finding, index } of order) {
    let lines = split.get(finding.file);
    if (lines === undefined) {
      const text = sources.get(finding.file);
      if (text === undefined) continue;
      split.set(finding.file, (lines = text.split('\n')));
    }
    const hash = hashLines(finding, lines);
    const key = `${finding.file}\0${finding.ruleId}\0${hash}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (finding.fingerprint === undefined) findings[index] = { ...finding, fingerprint: `${hash}:${n}` };
  }
  return { ...result, findings };
}
