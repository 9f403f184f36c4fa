// After every file is scanned: cross-file verdicts, suppressions and test-file risk, and the
// cache keys of everything settling reads.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { linkFindings, mergeRelated, type LinkInput, type WorkspacePackage } from '../engine/link.js';
import { compareFindings, type PendingFinding } from '../engine/scan-source.js';
import { applySuppressions, unusedSuppressions, type Suppression } from '../engine/suppressions.js';
import type { Finding, Risk, ScanWarning, UnusedSuppression } from '../engine/types.js';
import { contentKey } from './cache.js';
import type { Prepared } from './read-sources.js';
import type { FileOutcome, FilesScan, ScanFilesOptions, ScanRunOptions, ScanStats } from './scan-options.js';
import { resolveTypedCalls, tsconfigPath } from './typed-calls.js';
import type { FileSummary } from '../matchers/index.js';

/** A full rescan of one file for the link step (its held text, and its first scan's summary when that was of the same text). */
export type Rescan = (file: string, text: string | undefined, summary?: FileSummary) => PendingFinding[] | null;

const TEST_DIRS = /(^|\/)(__tests__|tests?)\//;

/**
 * Type-aware analysis gives up after this long; the syntax-level verdicts stand for the rest. Only
 * a safety net: the reproducible limit is the number of calls (`MAX_TYPED_CALLS`).
 */
const TYPES_BUDGET_MS = 120_000;

/** Links cross-file verdicts, applies suppressions and test-file risk, and sorts. */
export function settle(
  outcomes: FileOutcome[],
  options: ScanFilesOptions & ScanRunOptions,
  packages: readonly WorkspacePackage[],
  stats: ScanStats,
  typedKeyOf: (files: readonly string[]) => string,
  rescan?: Rescan,
): FilesScan {
  const findings: Finding[] = [];
  const warnings: ScanWarning[] = [];
  const texts = new Map<string, string>();
  const links: LinkInput[] = [];
  let scanned = 0;
  for (const o of outcomes) {
    if (o.scanned) scanned++;
    warnings.push(...o.warnings);
    findings.push(...o.findings);
    if (o.text !== undefined) texts.set(o.file, o.text);
    if (o.summary !== null) links.push({ file: o.file, language: o.language, summary: o.summary, pending: o.pending, deferred: o.deferred, scope: packageScope(options.cwd, o.file) });
  }
  // Cross-file verdicts need every file's summary: settled once all files are scanned.
  const known = options.types ? options.cache?.typedAnswers(typedKeyOf) : undefined;
  const typed = options.types
    ? resolveTypedCalls({ cwd: options.cwd, roots: options.typeRoots, budgetMs: TYPES_BUDGET_MS, ...(known ? { known: known.answers } : {}) })
    : undefined;
  findings.push(
    ...linkFindings(links, {
      packages,
      ...(typed ? { resolveTyped: typed.resolver } : {}),
      ...(rescan ? { rescan: (input: LinkInput) => rescan(input.file, texts.get(input.file), input.summary) } : {}),
    }),
  );
  if (typed) warnings.push(...typed.warnings);
  const read = typed?.filesRead();
  if (known && read) {
    // Old answers still stand on the files they were read from; new ones on what was read now.
    const files = [...new Set([...known.files, ...read])].sort();
    options.cache?.setTypedFiles(files, typedKeyOf(files));
  }

  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list === undefined) byFile.set(f.file, [f]);
    else list.push(f);
  }
  const settled: Finding[] = [];
  const unused: UnusedSuppression[] = [];
  for (const o of outcomes) {
    const file = settleFileFindings(byFile.get(o.file) ?? [], o, options);
    settled.push(...file.findings);
    warnings.push(...file.warnings);
    unused.push(...file.unused);
  }
  const unique = sortedUnique(settled);
  const sources = sourcesOf(unique, options.cwd, texts);
  return { result: { findings: unique, warnings, filesScanned: scanned, unusedSuppressions: unused }, sources, stats };
}

/**
 * One file's linked findings as reported: its `faultline-ignore` comments applied (what they
 * suppressed and which suppressed nothing), test-file risk, and the incidents of each finding's rule.
 */
export function settleFileFindings(
  found: readonly Finding[],
  source: { file: string; suppressions: readonly Suppression[] },
  options: ScanFilesOptions,
): { findings: Finding[]; warnings: ScanWarning[]; unused: UnusedSuppression[] } {
  let fs = [...found];
  const warnings: ScanWarning[] = [];
  const unused: UnusedSuppression[] = [];
  if (source.suppressions.length > 0) {
    const knownIds = options.knownRuleIds ?? options.rules.map((r) => r.id);
    const applied = applySuppressions(fs, source.suppressions, source.file, knownIds);
    fs = applied.findings;
    warnings.push(...applied.warnings);
    unused.push(...unusedSuppressions(fs, source.suppressions, source.file, knownIds));
  }
  const isTest = options.testFileRisk !== 'keep' && isTestFile(source.file, options.testFilePatterns.map(globToRegExp));
  // Each finding names the incidents its anti-pattern came from (from the rule or the failures YAML).
  const incidents = (id: string) => options.rules.find((r) => r.id === id)?.metadata?.incidents ?? [];
  if (isTest && options.testFileRisk === 'off') fs = [];
  const findings = fs.map((f) => {
    const lowered = isTest ? lowerRisk(f, options.testFileRisk as Risk) : f;
    const list = incidents(f.ruleId);
    return list.length > 0 && lowered.incidents === undefined ? { ...lowered, incidents: [...list] } : lowered;
  });
  return { findings, warnings, unused };
}

/** Findings in report order, each place and rule once. */
export function sortedUnique(findings: Finding[]): Finding[] {
  findings.sort(compareFindings);
  let kept: Finding | undefined;
  return findings.filter((f) => {
    if (kept === undefined || compareFindings(kept, f) !== 0 || kept.ruleId !== f.ruleId) {
      kept = f;
      return true;
    }
    // Two findings at one place (sends reached through the same retried call): one finding, every site related.
    mergeRelated(kept, f);
    return false;
  });
}

/** The text of every file with findings, for code frames and write-back. */
export function sourcesOf(findings: readonly Finding[], cwd: string, texts: ReadonlyMap<string, string>): Map<string, string> {
  const sources = new Map<string, string>();
  for (const f of findings) {
    if (sources.has(f.file)) continue;
    // A finding moved into a helper's file by the link step: that file's text was not kept.
    const text = texts.get(f.file) ?? readText(cwd, f.file);
    if (text !== undefined) sources.set(f.file, text);
  }
  return sources;
}

/**
 * A hash of everything the settled result depends on besides the rule set (the cache file is
 * per rule set): each file's path and content key (or why it was skipped), the package it
 * belongs to, the options applied while settling and the TypeScript configuration.
 */
export function settledInputsKey(inputs: readonly Prepared[], options: ScanFilesOptions, packages: readonly WorkspacePackage[]): string {
  const hash = createHash('sha256');
  const { cwd, testFileRisk, testFilePatterns, suppressions, types } = options;
  const knownRuleIds = options.knownRuleIds ?? options.rules.map((r) => r.id);
  hash.update(JSON.stringify({ cwd, testFileRisk, testFilePatterns, suppressions, types, knownRuleIds, tsconfig: tsconfigText(options) }));
  for (const p of inputs) hash.update(`\0${p.file}\0${p.key ?? JSON.stringify(p.warnings)}\0${packageScope(cwd, p.file)}`);
  // Bare imports of the workspace's own packages resolve by their names and exports.
  hash.update(JSON.stringify(packages));
  return hash.digest('base64url');
}

/**
 * Hashes what the type checker read: the TypeScript configuration and `files` as they are now
 * (scanned files by their content key, others, such as declaration files, read and hashed).
 */
export function typedInputsKeyer(inputs: readonly Prepared[], options: ScanFilesOptions): (files: readonly string[]) => string {
  const keys = new Map(inputs.map((p) => [p.file, p.key]));
  const tsconfig = tsconfigText(options);
  return (files) => {
    const hash = createHash('sha256').update(tsconfig);
    for (const file of files) {
      const text = keys.has(file) ? undefined : readText(options.cwd, file);
      hash.update(`\0${file}\0${keys.get(file) ?? (text === undefined ? '-' : contentKey(text, ''))}`);
    }
    return hash.digest('base64url');
  };
}

/** The text of the tsconfig the type checker would use ('' without types or tsconfig). */
function tsconfigText(options: ScanFilesOptions): string {
  const path = options.types ? tsconfigPath(options.typeRoots) : undefined;
  return (path && readText(options.cwd, path)) ?? '';
}

const PACKAGE_MARKERS = ['package.json', 'pyproject.toml', 'setup.py', 'setup.cfg'];
const scopeCache = new Map<string, string>();

/** The folder of the nearest package manifest above a file (or the scan's folder). */
export function packageScope(cwd: string, file: string): string {
  const start = dirname(resolve(cwd, file));
  const seen: string[] = [];
  let found = cwd;
  for (let dir = start; ; dir = dirname(dir)) {
    const cached = scopeCache.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    seen.push(dir);
    if (PACKAGE_MARKERS.some((m) => existsSync(join(dir, m)))) {
      found = dir;
      break;
    }
    if (dir === cwd || dirname(dir) === dir) break;
  }
  for (const d of seen) scopeCache.set(d, found);
  return found;
}

function readText(cwd: string, file: string): string | undefined {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    return undefined; // the code frame is left out; the finding stands
  }
}

function isTestFile(file: string, patterns: RegExp[]): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return TEST_DIRS.test(file) || patterns.some((p) => p.test(base));
}

/** A file-name glob (`test_*.py`, `*.test.*`) as a regular expression over the base name. */
function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
}

const ORDER: Record<Risk, number> = { high: 0, medium: 1, low: 2 };

function lowerRisk(f: Finding, risk: Risk): Finding {
  return ORDER[f.risk] < ORDER[risk] ? { ...f, risk } : f;
}
