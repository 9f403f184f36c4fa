import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { languageForPath, type LanguageSpec } from '../engine/languages.js';
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
  /** Worker threads (default 1); a scan too small to be worth a worker runs in this thread. */
  jobs?: number;
  /** Skip files the rules' vocabularies prove cannot match (default on). */
  prefilter?: boolean;
  cache?: ScanCache;
  progress?: Progress;
  /** Longest one file may take on a worker before it is stopped and reported (default 20 s). */
  fileBudgetMs?: number;
  /** Fewer bytes than this to scan are scanned in this thread: workers cost more to start (default 256 KiB). */
  workerMinBytes?: number;
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
 *
 * With a cache, every file is first read and hashed: when nothing the settled result depends on
 * changed, that result is the answer. Otherwise files whose text is cached are not scanned again,
 * and the rest are scanned in this thread when few (starting workers costs more than a handful of
 * files) or on workers.
 */
export async function scanFiles(files: readonly string[], options: ScanFilesOptions & ScanRunOptions): Promise<FilesScan> {
  const modules = projectModules(files);
  const stats: ScanStats = { parsed: 0, prefiltered: 0, cached: 0, threads: 0 };
  const progress = options.progress ?? NO_PROGRESS;
  const held = { bytes: 0 };
  let read = 0;
  const prepared = await mapInOrder(files, READ_LANES, async (abs) => {
    const p = await prepare(abs, options, modules, held);
    progress.tick(++read, files.length, 'read');
    return p;
  });
  const inputs = prepared.filter((p): p is Prepared => p !== undefined);

  const settledKey = options.cache ? settledInputsKey(inputs, options) : undefined;
  const settled = settledKey === undefined ? undefined : options.cache?.settled(settledKey);
  if (settled !== undefined) {
    stats.cached = inputs.length;
    progress.done();
    return { result: settled, sources: sourcesOf(settled.findings, options.cwd, new Map()), stats };
  }

  const outcomes: FileOutcome[] = new Array(inputs.length);
  const misses: number[] = [];
  for (const [i, p] of inputs.entries()) {
    const hit = p.key === undefined ? undefined : options.cache?.get(p.key, p.file);
    if (p.key === undefined) outcomes[i] = { ...emptyOutcome(p), warnings: p.warnings };
    else if (hit !== undefined) {
      p.text = undefined;
      stats.cached++;
      outcomes[i] = { ...hit, ...outcomeBase(p), scanned: true };
    } else misses.push(i);
  }

  const jobs = Math.max(1, Math.floor(options.jobs ?? 1));
  const missBytes = misses.reduce((n, i) => n + (inputs[i] as Prepared).size, 0);
  // Even one worker beats this thread on a big scan: its bounded heap frees dead trees early.
  const threads = misses.length > 1 && missBytes >= (options.workerMinBytes ?? IN_THREAD_BYTES) ? Math.min(jobs, misses.length) : 0;
  const setup = { rules: [...options.rules], vocab: options.vocab, prefilter: options.prefilter ?? true, projectModules: [...modules] };
  const pool = threads > 0 ? startScanPool(threads, setup) : null;
  const here = pool === null && misses.length > 0 ? createTextScanner(setup) : null;
  const budget = options.fileBudgetMs ?? 20_000;
  const order = [...misses].sort((a, b) => (inputs[b] as Prepared).size - (inputs[a] as Prepared).size || a - b);
  let done = stats.cached;
  const state = { stats, modules, changedDuringScan: false };
  try {
    await mapInOrder(order, Math.max(1, threads), async (i, k) => {
      // Trees are freed only when the event loop gets a turn; yielding every few files keeps memory flat.
      if (k % 16 === 15) await new Promise((r) => setImmediate(r));
      const p = inputs[i] as Prepared;
      outcomes[i] = await scanMiss(p, options, state, async (task) => {
        const budgeted = { ...task, budgetMs: budget };
        if (pool === null) return (here as NonNullable<typeof here>)(budgeted);
        return pool.run(budgeted).catch((error: unknown) => workerFailure(task.file, error));
      });
      progress.tick(++done, inputs.length);
    });
  } finally {
    stats.threads = pool?.threads ?? 0;
    await pool?.close();
    progress.done();
  }
  const scan = settle(outcomes, options, stats, typedInputsKeyer(inputs, options));
  if (settledKey !== undefined && !state.changedDuringScan && !scan.result.warnings.some((w) => w.kind === 'timeout' || w.kind === 'types' || w.kind === 'matcher')) {
    options.cache?.setSettled(settledKey, scan.result);
  }
  return scan;
}

/** A worker that died on a file (out of memory, a native fault): that file is reported, the scan goes on. */
function workerFailure(file: string, error: unknown): TextOutcome {
  const message = `not scanned: its worker failed (${error instanceof Error ? error.message : String(error)})`;
  return { findings: [], pending: [], summary: null, warnings: [{ file, kind: 'matcher', message }], parsed: true };
}

/** Files read at once while hashing. */
const READ_LANES = 16;
/** Below this many bytes to scan, workers would cost more to start than they save. */
const IN_THREAD_BYTES = 256 * 1024;

/** `fn` over `items` with at most `lanes` at a time; results in the order of `items`. */
async function mapInOrder<T, R>(items: readonly T[], lanes: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      for (let k = next++; k < items.length; k = next++) out[k] = await fn(items[k] as T, k);
    }),
  );
  return out;
}

/** A file read and hashed; `key` is undefined when it cannot be scanned (see `warnings`). */
interface Prepared {
  abs: string;
  file: string;
  language: LanguageSpec;
  size: number;
  key?: string;
  importsProject: boolean;
  suppressions: Suppression[];
  warnings: ScanWarning[];
  /** The text, while the texts held stay under `HELD_TEXT_BYTES` (else it is read again to scan); dropped once used. */
  text?: string | undefined;
}

/** Texts kept between hashing and scanning: saves a second read without holding a monorepo in memory. */
const HELD_TEXT_BYTES = 64 * 1024 * 1024;

async function prepare(
  abs: string,
  options: ScanFilesOptions & ScanRunOptions,
  modules: ReadonlySet<string>,
  held: { bytes: number },
): Promise<Prepared | undefined> {
  const file = relative(options.cwd, abs).split(sep).join('/') || abs;
  const language = languageForPath(abs);
  if (language === undefined) return undefined;
  const base = { abs, file, language, size: 0, importsProject: false, suppressions: [] };
  let buffer: Buffer;
  try {
    buffer = await readFile(abs);
  } catch (error) {
    return { ...base, warnings: [{ file, kind: 'read', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }] };
  }
  if (buffer.length > options.maxFileSize) {
    return { ...base, warnings: [{ file, kind: 'too-large', message: `skipped: ${buffer.length} bytes is over the ${options.maxFileSize}-byte limit (max_file_size)` }] };
  }
  if (buffer.subarray(0, 8192).includes(0)) {
    return { ...base, warnings: [{ file, kind: 'binary', message: 'skipped: looks binary (NUL byte)' }] };
  }
  const text = buffer.toString('utf8');
  const importsProjectModule = importsProject(text, language, modules);
  return {
    ...base,
    size: buffer.length,
    key: contentKey(text, `${extname(abs)}:${importsProjectModule ? 'x' : '-'}`),
    importsProject: importsProjectModule,
    suppressions: options.suppressions && text.includes('faultline-ignore') ? findSuppressions(text, language.lineComment) : [],
    warnings: [],
    ...((held.bytes += buffer.length) <= HELD_TEXT_BYTES ? { text } : {}),
  };
}

function outcomeBase(p: Prepared) {
  return { file: p.file, language: p.language.id, suppressions: p.suppressions };
}

function emptyOutcome(p: Prepared): FileOutcome {
  return { ...outcomeBase(p), findings: [], pending: [], summary: null, warnings: [], scanned: false };
}

/** Scans a file the cache could not answer (read again: texts are not held while hashing). */
async function scanMiss(
  prepared: Prepared,
  options: ScanFilesOptions & ScanRunOptions,
  state: { stats: ScanStats; modules: ReadonlySet<string>; changedDuringScan: boolean },
  scan: (task: TextTask) => Promise<TextOutcome>,
): Promise<FileOutcome> {
  const { stats, modules } = state;
  let p = prepared;
  let text: string;
  let changed = false;
  if (p.text !== undefined) {
    text = p.text;
    prepared.text = undefined;
  } else {
    try {
      text = await readFile(p.abs, 'utf8');
    } catch (error) {
      return { ...emptyOutcome(p), warnings: [{ file: p.file, kind: 'read', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }] };
    }
    // Edited since it was hashed: scanned as it is now, not cached, and the settled result not kept.
    changed = contentKey(text, `${extname(p.abs)}:${p.importsProject ? 'x' : '-'}`) !== p.key;
    if (changed) {
      state.changedDuringScan = true;
      p = { ...p, importsProject: importsProject(text, p.language, modules) };
    }
  }
  const scanned = await scan({ file: p.file, path: p.abs, text, importsProject: p.importsProject });
  if (scanned.parsed) stats.parsed++;
  else stats.prefiltered++;
  const outcome: CachedScan = { findings: scanned.findings, pending: scanned.pending, summary: scanned.summary, warnings: scanned.warnings };
  // A file cut short by its time budget is scanned afresh next time, never cached half done.
  if (!changed && p.key !== undefined && !outcome.warnings.some((w) => w.kind === 'timeout' || w.kind === 'matcher')) options.cache?.set(p.key, outcome);
  const keepText = outcome.findings.length > 0 || outcome.pending.length > 0;
  const suppressions = changed && options.suppressions && text.includes('faultline-ignore') ? findSuppressions(text, p.language.lineComment) : p.suppressions;
  return { ...outcome, ...outcomeBase(p), suppressions, scanned: true, ...(keepText ? { text } : {}) };
}

/** Links cross-file verdicts, applies suppressions and test-file risk, and sorts. */
function settle(
  outcomes: FileOutcome[],
  options: ScanFilesOptions & ScanRunOptions,
  stats: ScanStats,
  typedKeyOf: (files: readonly string[]) => string,
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
    if (o.summary !== null) links.push({ file: o.file, language: o.language, summary: o.summary, pending: o.pending, scope: packageScope(options.cwd, o.file) });
  }
  // Cross-file verdicts need every file's summary: settled once all files are scanned.
  const known = options.types ? options.cache?.typedAnswers(typedKeyOf) : undefined;
  const typed = options.types
    ? resolveTypedCalls({ cwd: options.cwd, roots: options.typeRoots, budgetMs: TYPES_BUDGET_MS, ...(known ? { known: known.answers } : {}) })
    : undefined;
  findings.push(...linkFindings(links, typed ? { resolveTyped: typed.resolver } : {}));
  if (typed) warnings.push(...typed.warnings);
  const read = typed?.filesRead();
  if (known && read) {
    // Old answers still stand on the files they were read from; new ones on what was read now.
    const files = [...new Set([...known.files, ...read])].sort();
    options.cache?.setTypedFiles(files, typedKeyOf(files));
  }

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
  const sources = sourcesOf(unique, options.cwd, texts);
  return { result: { findings: unique, warnings, filesScanned: scanned }, sources, stats };
}

/** The text of every file with findings, for code frames and write-back. */
function sourcesOf(findings: readonly Finding[], cwd: string, texts: ReadonlyMap<string, string>): Map<string, string> {
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
function settledInputsKey(inputs: readonly Prepared[], options: ScanFilesOptions): string {
  const hash = createHash('sha256');
  const { cwd, testFileRisk, testFilePatterns, suppressions, types } = options;
  hash.update(JSON.stringify({ cwd, testFileRisk, testFilePatterns, suppressions, types, tsconfig: tsconfigText(options) }));
  for (const p of inputs) hash.update(`\0${p.file}\0${p.key ?? JSON.stringify(p.warnings)}\0${packageScope(cwd, p.file)}`);
  return hash.digest('base64url');
}

/**
 * Hashes what the type checker read: the TypeScript configuration and `files` as they are now
 * (scanned files by their content key, others, such as declaration files, read and hashed).
 */
function typedInputsKeyer(inputs: readonly Prepared[], options: ScanFilesOptions): (files: readonly string[]) => string {
  const keys = new Map(inputs.map((p) => [p.file, p.key]));
  return (files) => {
    const hash = createHash('sha256').update(tsconfigText(options));
    for (const file of files) {
      const text = keys.has(file) ? undefined : readText(options.cwd, file);
      hash.update(`\0${file}\0${keys.get(file) ?? (text === undefined ? '-' : contentKey(text, ''))}`);
    }
    return hash.digest('base64url');
  };
}

function tsconfigText(options: ScanFilesOptions): string {
  if (!options.types) return '';
  for (const root of options.typeRoots) {
    const text = readText(root, 'tsconfig.json');
    if (text !== undefined) return text;
  }
  return '';
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
