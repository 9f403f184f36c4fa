import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { languageForPath } from '../engine/languages.js';
import { linkFindings, type LinkInput } from '../engine/link.js';
import { importsProject } from '../engine/prefilter.js';
import type { Rule } from '../engine/rule.js';
import { compareFindings, type PendingFinding } from '../engine/scan-source.js';
import { applySuppressions, findSuppressions, type Suppression } from '../engine/suppressions.js';
import type { Finding, Risk, RuleLanguage, ScanResult, ScanWarning } from '../engine/types.js';
import type { FileSummary, Vocabulary } from '../matchers/index.js';
import { contentKey, type CachedScan, type ScanCache } from './cache.js';
import { NO_PROGRESS, type Progress } from './progress.js';
import { createTextScanner, type TextOutcome, type TextTask } from './scan-text.js';
import { resolveTypedCalls } from './typed-calls.js';
import { startScanPool } from './worker-pool.js';

export interface ScanFilesOptions {
  cwd: string;
  rules: readonly Rule[];
  vocab: Vocabulary;
  maxFileSize: number;
  /** Risk for findings in test files, or `keep`. */
  testFileRisk: Risk | 'keep';
  testFilePatterns: readonly string[];
  /** Honour `faultline-ignore` comments (off with --no-suppressions). */
  suppressions: boolean;
  /** Resolve method calls on typed objects with the TypeScript checker (off with --no-types). */
  types: boolean;
  /** Where a tsconfig.json may be (scan root, git root). */
  typeRoots: readonly string[];
}

/** Test files: scanned, but their findings are usually not what gates a merge. */
export const DEFAULT_TEST_PATTERNS: readonly string[] = ['test_*.py', '*_test.py', '*.test.*', '*.spec.*', 'conftest.py'];
const TEST_DIRS = /(^|\/)(__tests__|tests?)\//;

/** Type-aware analysis gives up after this long; the syntax-level verdicts stand for the rest. */
const TYPES_BUDGET_MS = 30_000;

/** A scan plus the source text of every file that has findings (for code frames and write-back). */
export interface FilesScan {
  result: ScanResult;
  sources: Map<string, string>;
  stats: ScanStats;
}

/** How the work of a scan was done (not part of any report). */
export interface ScanStats {
  /** Files parsed with tree-sitter. */
  parsed: number;
  /** Files the prefilter proved cannot match (read, not parsed). */
  prefiltered: number;
  /** Files whose result came from the cache. */
  cached: number;
  /** Worker threads used (0: scanned in this thread). */
  threads: number;
}

/** How to run a scan: parallelism, prefilter, cache, progress. All optional; defaults scan in-thread. */
export interface ScanRunOptions {
  /** Worker threads; 1 (the default) scans in this thread. */
  jobs?: number;
  /** Skip files the rules' vocabularies prove cannot match (default on). */
  prefilter?: boolean;
  cache?: ScanCache;
  progress?: Progress;
  /** Longest one file may take on a worker before it is stopped and reported (default 20 s). */
  fileBudgetMs?: number;
}

interface FileOutcome {
  file: string;
  language: RuleLanguage;
  findings: Finding[];
  pending: PendingFinding[];
  summary: FileSummary | null;
  warnings: ScanWarning[];
  suppressions: Suppression[];
  text?: string;
  scanned: boolean;
}

/**
 * Reads and scans each file once, then settles cross-file verdicts. A file that cannot be read,
 * looks binary, is over the size limit, has syntax errors or goes over its time budget becomes a
 * warning; the scan goes on. Files start largest first (one slow file must not end the scan
 * alone); results are merged in path order, so the output is the same whatever the number of
 * workers, the cache or the prefilter.
 */
export async function scanFiles(files: readonly string[], options: ScanFilesOptions & ScanRunOptions): Promise<FilesScan> {
  const modules = projectModules(files);
  const setup = { rules: [...options.rules], vocab: options.vocab, prefilter: options.prefilter ?? true, projectModules: [...modules] };
  const jobs = Math.max(1, Math.floor(options.jobs ?? 1));
  // Workers start on the first file the cache cannot answer: a warm re-scan needs none.
  let pool: ReturnType<typeof startScanPool> | undefined;
  let scanHere: ((t: TextTask) => TextOutcome) | undefined;
  const runner = (): { pool: NonNullable<typeof pool> } | { here: (t: TextTask) => TextOutcome } => {
    if (pool === undefined) pool = jobs > 1 && files.length > 1 ? startScanPool(Math.min(jobs, files.length), setup) : null;
    if (pool !== null) return { pool };
    return { here: (scanHere ??= createTextScanner(setup)) };
  };
  const budget = options.fileBudgetMs ?? 20_000;
  const progress = options.progress ?? NO_PROGRESS;
  const stats: ScanStats = { parsed: 0, prefiltered: 0, cached: 0, threads: 0 };
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);

  const order = files.map((abs, i) => ({ abs, i, size: sizeOf(abs) })).sort((a, b) => b.size - a.size || a.i - b.i);
  let next = 0;
  let done = 0;
  const lanes = Array.from({ length: jobs > 1 && files.length > 1 ? Math.min(jobs, files.length) : 1 }, async () => {
    for (let k = next++; k < order.length; k = next++) {
      const item = order[k];
      if (item === undefined) break;
      // Trees are freed only when the event loop gets a turn; yielding every few files keeps memory flat.
      if (k % 16 === 15) await new Promise((r) => setImmediate(r));
      outcomes[item.i] = await scanOne(item.abs, options, stats, modules, async (task) => {
        const budgeted = { ...task, budgetMs: budget };
        const r = runner();
        return 'pool' in r ? r.pool.run(budgeted) : r.here(budgeted);
      });
      progress.tick(++done, order.length);
    }
  });
  try {
    await Promise.all(lanes);
  } finally {
    stats.threads = pool?.threads ?? 0;
    await pool?.close();
    progress.done();
  }
  return settle(outcomes.filter((o): o is FileOutcome => o !== undefined), options, stats);
}

/** Links cross-file verdicts, applies suppressions and test-file risk, and sorts. */
function settle(outcomes: FileOutcome[], options: ScanFilesOptions, stats: ScanStats): FilesScan {
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
    if (o.summary !== null) links.push({ file: o.file, language: o.language, summary: o.summary, pending: o.pending, scope: packageScope(options.cwd, o.file) });
  }
  // Cross-file verdicts need every file's summary: settled once all files are scanned.
  const typed = options.types
    ? resolveTypedCalls({ cwd: options.cwd, roots: options.typeRoots, budgetMs: TYPES_BUDGET_MS })
    : undefined;
  findings.push(...linkFindings(links, typed ? { resolveTyped: typed.resolver } : {}));
  if (typed) warnings.push(...typed.warnings);

  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const settled: Finding[] = [];
  const testPatterns = options.testFilePatterns.map(globToRegExp);
  for (const o of outcomes) {
    let fs = byFile.get(o.file) ?? [];
    if (o.suppressions.length > 0) {
      const applied = applySuppressions(fs, o.suppressions, o.file);
      fs = applied.findings;
      warnings.push(...applied.warnings);
    }
    const isTest = options.testFileRisk !== 'keep' && isTestFile(o.file, testPatterns);
    for (const f of fs) settled.push(isTest ? lowerRisk(f, options.testFileRisk as Risk) : f);
  }
  // Each finding names the incidents its anti-pattern came from (from the rule or the failures YAML).
  const incidents = new Map(options.rules.map((r) => [r.id, r.metadata?.incidents ?? []]));
  for (const [i, f] of settled.entries()) {
    const list = incidents.get(f.ruleId) ?? [];
    if (list.length > 0 && f.incidents === undefined) settled[i] = { ...f, incidents: [...list] };
  }
  settled.sort(compareFindings);
  const unique = settled.filter((f, i) => i === 0 || compareFindings(settled[i - 1] as Finding, f) !== 0 || (settled[i - 1] as Finding).ruleId !== f.ruleId);
  const sources = new Map<string, string>();
  for (const f of unique) {
    // A finding moved into a helper's file by the link step: that file's text was not kept.
    const text = texts.get(f.file) ?? readText(options.cwd, f.file);
    if (text !== undefined) sources.set(f.file, text);
  }
  return { result: { findings: unique, warnings, filesScanned: scanned }, sources, stats };
}

const PACKAGE_MARKERS = ['package.json', 'pyproject.toml', 'setup.py', 'setup.cfg'];
const scopeCache = new Map<string, string>();

/** The folder of the nearest package manifest above a file (or the scan's folder). */
function packageScope(cwd: string, file: string): string {
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

/** Base names of the scanned files and their folders: what a Python import of the project names. */
function projectModules(files: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    out.add(basename(f, extname(f)));
    out.add(basename(dirname(f)));
  }
  out.delete('__init__');
  return out;
}

function sizeOf(abs: string): number {
  try {
    return statSync(abs).size;
  } catch {
    return 0; // reported as a read warning when the file is opened
  }
}

async function scanOne(
  abs: string,
  options: ScanFilesOptions & ScanRunOptions,
  stats: ScanStats,
  modules: ReadonlySet<string>,
  scan: (task: TextTask) => Promise<TextOutcome>,
): Promise<FileOutcome | undefined> {
  const file = relative(options.cwd, abs).split(sep).join('/') || abs;
  const language = languageForPath(abs);
  if (language === undefined) return undefined;
  const empty = { file, language: language.id, findings: [], pending: [], summary: null, suppressions: [], scanned: false };
  let buffer: Buffer;
  try {
    buffer = await readFile(abs);
  } catch (error) {
    return { ...empty, warnings: [{ file, kind: 'read', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }] };
  }
  if (buffer.length > options.maxFileSize) {
    return { ...empty, warnings: [{ file, kind: 'too-large', message: `skipped: ${buffer.length} bytes is over the ${options.maxFileSize}-byte limit (max_file_size)` }] };
  }
  if (buffer.subarray(0, 8192).includes(0)) {
    return { ...empty, warnings: [{ file, kind: 'binary', message: 'skipped: looks binary (NUL byte)' }] };
  }
  const text = buffer.toString('utf8');
  const crossFile = importsProject(text, language, modules);
  const key = options.cache ? contentKey(text, `${extname(abs)}:${crossFile ? 'x' : '-'}`) : '';
  const hit = options.cache?.get(key, file);
  let outcome: CachedScan;
  if (hit !== undefined) {
    stats.cached++;
    outcome = hit;
  } else {
    const scanned = await scan({ file, path: abs, text, importsProject: crossFile });
    if (scanned.parsed) stats.parsed++;
    else stats.prefiltered++;
    outcome = { findings: scanned.findings, pending: scanned.pending, summary: scanned.summary, warnings: scanned.warnings };
    // A file cut short by its time budget is scanned afresh next time, never cached half done.
    if (!outcome.warnings.some((w) => w.kind === 'timeout')) options.cache?.set(key, outcome);
  }
  const suppressions = options.suppressions && text.includes('faultline-ignore') ? findSuppressions(text, language.lineComment) : [];
  const keepText = outcome.findings.length > 0 || outcome.pending.length > 0;
  return { ...outcome, file, language: language.id, suppressions, scanned: true, ...(keepText ? { text } : {}) };
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
