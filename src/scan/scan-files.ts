import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { importsProject } from '../engine/prefilter.js';
import type { ScanWarning } from '../engine/types.js';
import { findSuppressions } from '../engine/suppressions.js';
import type { CachedScan, ScanCache } from './cache.js';
import { NO_PROGRESS } from './progress.js';
import { workspaceModuleKey } from '../engine/prefilter.js';
import { workspacePackages } from './workspace-packages.js';
import { HELD_TEXT_BYTES, mapInOrder, prepare, projectModules, READ_LANES, sourceKey, type Prepared } from './read-sources.js';
import type { FileOutcome, FilesScan, ScanFilesOptions, ScanRunOptions, ScanStats } from './scan-options.js';
import type { WorkspacePackage } from '../engine/link.js';
import { createTextScanner, type ScannerSetup, type TextOutcome, type TextTask } from './scan-text.js';
import { packageScope, settle, settledInputsKey, sourcesOf, typedInputsKeyer, type Rescan } from './settle-scan.js';
import { startScanPool } from './worker-pool.js';

export { DEFAULT_TEST_PATTERNS } from './scan-options.js';
export type { FilesScan, ScanFilesOptions, ScanRunOptions, ScanStats } from './scan-options.js';

/**
 * Reads and scans each file once, then settles cross-file verdicts. A file that cannot be read,
 * looks binary, is over the size limit, has syntax errors or goes over its time budget becomes a
 * warning; the scan goes on. The largest files start first (one slow file must not end the scan
 * alone), the rest in path order; results are merged in path order, so the output is the same
 * whatever the number of workers, the cache or the prefilter.
 *
 * With a cache, every file is first read and hashed: when nothing the settled result depends on
 * changed, that result is the answer. Otherwise files whose text is cached are not scanned again,
 * and the rest are scanned in this thread when few (starting workers costs more than a handful of
 * files) or on workers.
 */
export async function scanFiles(files: readonly string[], options: ScanFilesOptions & ScanRunOptions): Promise<FilesScan> {
  const project = await readProject(files, options);
  const { inputs, packages, stats } = project;
  const settledKey = options.cache ? settledInputsKey(inputs, options, packages) : undefined;
  const settled = settledKey === undefined ? undefined : options.cache?.settled(settledKey);
  if (settled !== undefined) {
    stats.cached = inputs.length;
    (options.progress ?? NO_PROGRESS).done();
    return { result: settled, sources: sourcesOf(settled.findings, options.cwd, new Map()), stats };
  }
  const scanned = await scanInputs(project, options);
  const scan = settle(scanned.outcomes, options, packages, stats, typedInputsKeyer(inputs, options), scanned.rescan);
  if (settledKey !== undefined && !scanned.changedDuringScan() && !cutShort(scan.result.warnings) && !scan.result.warnings.some((w) => w.kind === 'types')) {
    options.cache?.setSettled(settledKey, scan.result);
  }
  return scan;
}

/**
 * Every file's part of a scan, before the link step: what a caller that links again and again
 * (the language server, on each edit of one file) keeps. Cache and workers as in `scanFiles`.
 */
export async function scanOutcomes(files: readonly string[], options: ScanFilesOptions & ScanRunOptions): Promise<ProjectOutcomes> {
  const project = await readProject(files, options);
  const scanned = await scanInputs(project, options);
  return { outcomes: scanned.outcomes, packages: project.packages, modules: project.modules, rescan: scanned.rescan };
}

/** Every file's part of a scan, the workspace's packages and module names, and a full rescan of one file. */
export interface ProjectOutcomes {
  outcomes: FileOutcome[];
  packages: WorkspacePackage[];
  modules: ReadonlySet<string>;
  rescan: Rescan;
}

interface ReadProject {
  inputs: Prepared[];
  packages: WorkspacePackage[];
  modules: Set<string>;
  stats: ScanStats;
}

/** Reads and hashes every file (texts held up to a limit), with the project's module names. */
async function readProject(files: readonly string[], options: ScanFilesOptions & ScanRunOptions): Promise<ReadProject> {
  const modules = projectModules(files);
  // The workspace's own packages, read once: a bare import of one (`@acme/db/queries`) names project
  // code for the scan, the cache key and the link step alike.
  const packages = workspacePackages(options.cwd, new Set(files.map((f) => packageScope(options.cwd, f))));
  for (const pkg of packages) modules.add(workspaceModuleKey(pkg.name));
  const stats: ScanStats = { parsed: 0, prefiltered: 0, cached: 0, threads: 0, rescanned: 0 };
  const progress = options.progress ?? NO_PROGRESS;
  const held = { bytes: 0, limit: options.heldTextBytes ?? HELD_TEXT_BYTES };
  let read = 0;
  const prepared = await mapInOrder(files, READ_LANES, async (abs) => {
    const p = await prepare(abs, options, modules, held);
    progress.tick(++read, files.length, 'read');
    return p;
  });
  return { inputs: prepared.filter((p): p is Prepared => p !== undefined), packages, modules, stats };
}

/** Takes each file's result from the cache or scans it (in this thread when few, else on workers). */
async function scanInputs(project: ReadProject, options: ScanFilesOptions & ScanRunOptions) {
  const { inputs, modules, stats } = project;
  const progress = options.progress ?? NO_PROGRESS;
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
  const setup: ScannerSetup = {
    rules: [...options.rules],
    vocab: options.vocab,
    prefilter: options.prefilter ?? true,
    projectModules: [...modules],
    deferTests: options.deferTests ?? true,
  };
  const pool = threads > 0 ? startScanPool(threads, setup) : null;
  const here = pool === null && misses.length > 0 ? createTextScanner(setup) : null;
  const budget = options.fileBudgetMs ?? 20_000;
  const order = scanOrder(misses, (i) => (inputs[i] as Prepared).size);
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
  return { outcomes, rescan: fullRescan(inputs, setup, { budgetMs: budget, state, cache: options.cache }), changedDuringScan: () => state.changedDuringScan };
}

/**
 * Scans a file again with every test run, for the link step to check deferred findings that may
 * hold. In this thread: such files are few (they are where cross-file findings are). The full
 * result replaces the file's cache entry, so later scans link it without scanning it again.
 */
function fullRescan(
  inputs: readonly Prepared[],
  setup: ScannerSetup,
  run: { budgetMs: number; state: { stats: ScanStats; changedDuringScan: boolean }; cache: ScanCache | undefined },
): Rescan {
  const byFile = new Map(inputs.map((p) => [p.file, p]));
  let scanner: ((task: TextTask) => TextOutcome) | undefined;
  return (file, held, summary) => {
    const p = byFile.get(file);
    if (p === undefined) return null;
    let text = held;
    try {
      text ??= readFileSync(p.abs, 'utf8');
    } catch {
      return null;
    }
    scanner ??= createTextScanner({ ...setup, prefilter: false, deferTests: false });
    // Read again from disk (texts of files with only deferred findings are not held): an edit since
    // hashing is scanned as it is now, and then neither it nor the settled result is cached.
    const unchanged = p.key !== undefined && sourceKey(text, p.abs, p.importsProject) === p.key;
    // The first scan's summary is of this same text (its key): kept, not made again.
    const known = unchanged && summary !== undefined ? { summary } : {};
    // The same time budget as the first scan: a file cut short keeps only what its finished rules found.
    const full = scanner({ file, path: p.abs, text, importsProject: true, budgetMs: run.budgetMs, ...known });
    run.state.stats.rescanned++;
    if (!unchanged) run.state.changedDuringScan = true;
    else if (!cutShort(full.warnings)) {
      run.cache?.set(p.key as string, { findings: full.findings, pending: full.pending, deferred: [], summary: full.summary, warnings: full.warnings });
    }
    return full.pending;
  };
}

/**
 * The order files are handed out in: the few very large ones first, largest first, so that none is
 * left to finish alone at the end; then the rest in path order. Path order keeps neighbouring,
 * mostly small files together; handing out every file largest first was measured 9 % slower on two
 * workers (and 60 MiB more peak RSS), as the big trees then pile up on every worker at once.
 */
function scanOrder(indices: readonly number[], size: (i: number) => number): number[] {
  const large = indices.filter((i) => size(i) >= LARGE_FIRST_BYTES).sort((a, b) => size(b) - size(a) || a - b);
  return [...large, ...indices.filter((i) => size(i) < LARGE_FIRST_BYTES)];
}

/** Files at least this big are scanned first (see `scanOrder`). */
const LARGE_FIRST_BYTES = 256 * 1024;

/**
 * Whether a scan stopped before every rule ran (its time budget, a failing matcher or worker):
 * such a result is scanned afresh next time, never cached half done.
 */
function cutShort(warnings: readonly ScanWarning[]): boolean {
  return warnings.some((w) => w.kind === 'timeout' || w.kind === 'matcher');
}

/** A worker that died on a file (out of memory, a native fault): that file is reported, the scan goes on. */
function workerFailure(file: string, error: unknown): TextOutcome {
  const message = `not scanned: its worker failed (${error instanceof Error ? error.message : String(error)})`;
  return { findings: [], pending: [], deferred: [], summary: null, warnings: [{ file, kind: 'matcher', message }], parsed: true };
}

/** Below this many bytes to scan, workers would cost more to start than they save. */
const IN_THREAD_BYTES = 256 * 1024;

function outcomeBase(p: Prepared) {
  return { file: p.file, language: p.language.id, suppressions: p.suppressions };
}

function emptyOutcome(p: Prepared): FileOutcome {
  return { ...outcomeBase(p), findings: [], pending: [], deferred: [], summary: null, warnings: [], scanned: false };
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
    changed = sourceKey(text, p.abs, p.importsProject) !== p.key;
    if (changed) {
      state.changedDuringScan = true;
      p = { ...p, importsProject: importsProject(text, p.language, modules) };
    }
  }
  const scanned = await scan({ file: p.file, path: p.abs, text, importsProject: p.importsProject });
  if (scanned.parsed) stats.parsed++;
  else stats.prefiltered++;
  const outcome: CachedScan = { findings: scanned.findings, pending: scanned.pending, deferred: scanned.deferred, summary: scanned.summary, warnings: scanned.warnings };
  if (!changed && p.key !== undefined && !cutShort(outcome.warnings)) options.cache?.set(p.key, outcome);
  // Kept for code frames; a file with only deferred findings is read again if the link step needs it.
  const keepText = outcome.findings.length > 0 || outcome.pending.length > 0;
  const suppressions = changed && options.suppressions && text.includes('faultline-ignore') ? findSuppressions(text, p.language.lineComment) : p.suppressions;
  return { ...outcome, ...outcomeBase(p), suppressions, scanned: true, ...(keepText ? { text } : {}) };
}



