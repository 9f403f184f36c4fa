/**
 * `npm run fuzz`: seeded fuzzing and fault injection (issue 17). Everything it does follows from
 * `--seed`, so a failure is replayed by running the same command again.
 *
 *   npm run fuzz                                                     the full run: seed 17, 100 batches of 100
 *                                                                    sources, 400 kills, 40 size limits (docs/reliability.md)
 *   npm run fuzz -- --seed 2 --batches 1 --files 8 --kills 1 --limits 1   what the test suite runs
 *
 * Checks, each counted in the report:
 * - mutated sources (truncations, byte flips, NUL bytes, invalid UTF-8, BOMs, CR/CRLF, a very long
 *   line, deep nesting, unicode identifiers, shuffled lines) of the fixtures and the example: the
 *   real CLI, spawned with a time limit, must answer (no hang), exit 0 or 1 with a JSON report (no
 *   abort, no stack trace);
 * - determinism: the child's answer (`--jobs 1`, no cache) must be byte-identical to `--jobs 2` in
 *   workers filling a cold cache and to `--jobs 1` from that warm cache, both in this process;
 * - cache corruption: each kind of damage to each cache file of a warm cache (of a project made of
 *   a few of the batch's sources) must leave the report byte-identical (a warning is fine);
 * - kills: `scan --failures F --write` and `merge` killed (SIGKILL) at a random moment of their
 *   write window must leave their file byte for byte as it was or as a whole run writes it;
 * - size limits: the same two writes under a random `ulimit -f` must either succeed with the whole
 *   new file or exit 2 and leave the old file byte for byte.
 *
 * Exit code: 0 when every count of a problem is 0, 1 otherwise; the report is printed as JSON.
 */
import { spawn, spawnSync } from 'node:child_process';
import { type FSWatcher, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import { decodeCacheFile, encodeCacheFile } from '../src/scan/cache-schema.js';
import { main } from '../src/cli/main.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'faultline.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** What a fuzz run does; every choice inside follows from `seed`. */
export interface FuzzOptions {
  seed: number;
  /** Batches of mutated sources. */
  batches: number;
  /** Mutated files per batch. */
  files: number;
  /** SIGKILL trials (alternating scan --write and merge). */
  kills: number;
  /** `ulimit -f` trials (alternating scan --write and merge). */
  limits: number;
  /** A spawned scan of one batch that takes longer than this is a hang; by default 120 s plus 1 s a file. */
  hangMs?: number;
  log?: (line: string) => void;
}

/** The counts docs/reliability.md reports; every one but the totals must be 0. */
export interface FuzzReport {
  seed: number;
  sources: number;
  batches: number;
  hangs: number;
  aborts: number;
  nondeterministicBatches: number;
  cacheCorruptions: number;
  cacheCorruptionsThatChangedFindings: number;
  killTrials: number;
  killTrialsWithDamagedFile: number;
  /** Kill trials whose command died of the SIGKILL (the others had exited before it came). */
  killTrialsKilled: number;
  /** Killed trials that left a temporary file: the kill came after the temporary file was created and before the rename. */
  killTrialsKilledWithTempFile: number;
  /** Kill trials that ended with the new file (the kill came after the rename). */
  killTrialsEndedWithNewFile: number;
  limitTrials: number;
  limitTrialsThatLostBytes: number;
  bytesLost: number;
  problems: string[];
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)] as T;

/** One mutation of a source, as bytes (some mutations are not valid UTF-8 on purpose). */
const MUTATIONS: Record<string, (rng: Rng, text: Buffer, ext: string) => Buffer> = {
  truncate: (rng, b) => b.subarray(0, int(rng, b.length + 1)),
  'flip-bytes': (rng, b) => {
    const out = Buffer.from(b);
    for (let i = 0; i < 1 + int(rng, 8) && out.length > 0; i++) out[int(rng, out.length)] = int(rng, 256);
    return out;
  },
  nul: (rng, b) => insert(b, int(rng, b.length + 1), Buffer.from([0])),
  'invalid-utf8': (rng, b) => insert(b, int(rng, b.length + 1), Buffer.from([0xc3, 0x28, 0xff, 0xfe])),
  bom: (_rng, b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
  crlf: (_rng, b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1'),
  cr: (_rng, b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r'), 'latin1'),
  'long-line': (rng, b) => insert(b, lineStart(b, rng), Buffer.from(`${'x'.repeat(200_000 + int(rng, 200_000))}\n`)),
  'deep-nesting': (rng, b, ext) => {
    const depth = pick(rng, [100, 1_000, 20_000]);
    // One level a line: a single long line would be skipped as minified before it is parsed.
    const line = ext === '.py' ? `x = ${'charge(\n'.repeat(depth)}p${')\n'.repeat(depth)}\n` : `await ${'gateway.charge(\n'.repeat(depth)}p${')\n'.repeat(depth)};\n`;
    return insert(b, lineStart(b, rng), Buffer.from(line));
  },
  'member-chain': (rng, b, ext) => insert(b, lineStart(b, rng), Buffer.from(ext === '.py' ? `x = (x${'\n.b'.repeat(pick(rng, [50, 5_000]))}.charge(p))\n` : `x${'\n.b'.repeat(pick(rng, [50, 5_000]))}.charge(p);\n`)),
  unicode: (_rng, b) => Buffer.from(b.toString('utf8').replace(/\bcharge\b/g, 'chärge_ŝ').replace(/\bpayment\b/g, 'paiement_日本')),
  'shuffle-lines': (rng, b) => {
    const lines = b.toString('utf8').split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const j = int(rng, i + 1);
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
    }
    return Buffer.from(lines.join('\n'));
  },
};

function insert(b: Buffer, at: number, what: Buffer): Buffer {
  return Buffer.concat([b.subarray(0, at), what, b.subarray(at)]);
}

function lineStart(b: Buffer, rng: Rng): number {
  const starts = [0];
  for (let i = 0; i < b.length; i++) if (b[i] === 10) starts.push(i + 1);
  return pick(rng, starts);
}

/** The sources mutations start from: the fixtures and the example project. */
function corpus(): string[] {
  return fg.sync(['fixtures/**/*.{py,ts,tsx,js}', 'examples/payment-service/**/*.{py,ts,tsx,js}'], { cwd: ROOT, absolute: true }).sort();
}

interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** A file whose appearance in the project folder means the command has started writing its target. */
const WRITING = /\.(tmp|lock)$/;

interface CliOptions {
  cacheHome: string;
  timeoutMs?: number;
  /** SIGKILL this long after the command starts writing (a temporary or lock file appears in `cwd`). */
  killAfterWritingStartsMs?: number;
  /** Called with the milliseconds from the start of writing to the target's rename, when both were seen. */
  onWriteWindow?: (ms: number) => void;
  target?: string;
  /** `ulimit -f` for the command. */
  fileSizeBlocks?: number;
}

/** Runs the real CLI as a child process. */
function runCli(args: readonly string[], cwd: string, options: CliOptions): Promise<Spawned> {
  const node = [process.execPath, '--import', TSX, BIN, ...args];
  const [file, argv] =
    options.fileSizeBlocks === undefined ? [node[0] as string, node.slice(1)] : ['sh', ['-c', 'ulimit -f "$1" && shift && exec "$@"', 'sh', String(options.fileSizeBlocks), ...node]];
  return new Promise((done, fail) => {
    const child = spawn(file, argv, { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_CACHE_HOME: options.cacheHome, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    const timers: NodeJS.Timeout[] = [];
    if (options.timeoutMs !== undefined) timers.push(setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), options.timeoutMs));
    const watcher = watchWrites(cwd, options, () => child.kill('SIGKILL'));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      timers.forEach(clearTimeout);
      watcher?.close();
      done({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * Watches `dir` (inotify) for the command's writing: the first temporary or lock file starts the
 * write window (and the kill timer), the target's rename ends it. Watching is the only way to aim
 * a kill at the few milliseconds a write takes: a kill at a random moment of a 2–3 s run almost
 * always lands while the command is still starting or scanning.
 */
function watchWrites(dir: string, options: CliOptions, kill: () => void): FSWatcher | undefined {
  if (options.killAfterWritingStartsMs === undefined && options.onWriteWindow === undefined) return undefined;
  let started: number | undefined;
  return watch(dir, (_event, name) => {
    if (name === null) return;
    if (started === undefined && WRITING.test(name)) {
      started = performance.now();
      const delay = options.killAfterWritingStartsMs;
      if (delay === 0) kill();
      else if (delay !== undefined) setTimeout(kill, delay);
    } else if (started !== undefined && name === options.target) {
      options.onWriteWindow?.(performance.now() - started);
      started = Number.POSITIVE_INFINITY;
    }
  });
}

/** The CLI in this process (for the many determinism and cache runs): its exit code and output. */
async function scanInProcess(args: readonly string[], cwd: string, cacheHome: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  try {
    const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, isTTY: false, env: { XDG_CACHE_HOME: cacheHome } });
    return { code, stdout, stderr };
  } catch (error) {
    return { code: -1, stdout, stderr: `${stderr}crash: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
  }
}

const SCAN = ['scan', '.', '--format', 'json', '--fail-on', 'none', '--quiet'];

/** Sources in the project whose cache a corruption round damages. */
const CORRUPTION_PROJECT_FILES = 10;

/** Kinds of damage done to a cache file. */
const CORRUPTIONS: Record<string, (text: string, rng: Rng) => string | null> = {
  empty: () => '',
  garbage: () => 'not a cache file\n{]',
  truncated: (t, rng) => t.slice(0, int(rng, t.length)),
  'one-digit': (t) => t.replace(/"line":(\d)/, (_m, d: string) => `"line":${(Number(d) + 1) % 10}`),
  'flipped-byte': (t, rng) => {
    const i = int(rng, t.length);
    return t.slice(0, i) + String.fromCharCode((t.charCodeAt(i) + 1) % 128) + t.slice(i + 1);
  },
  'no-header': (t) => t.slice(t.indexOf('\n') + 1),
  'null-finding': (t) => reChecksum(t, (d) => setFirst(d, 'findings', null)),
  'string-line': (t) => reChecksum(t, (d) => setFirst(d, 'line', '3')),
  'null-result': (t) => reChecksum(t, (d) => replaceKey(d, 'result', null)),
  'null-entries': (t) => reChecksum(t, (d) => replaceKey(d, 'entries', null)),
  'entry-null': (t) => reChecksum(t, (d) => {
    const entries = (d as { entries?: Record<string, unknown> }).entries;
    if (entries) for (const k of Object.keys(entries)) entries[k] = null;
  }),
  'wrong-format': (t) => reChecksum(t, (d) => replaceKey(d, 'format', 'x')),
  'array-root': (t) => reChecksum(t, () => []),
  'deep-json': () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  'huge-number': (t) => reChecksum(t, (d) => setFirst(d, 'line', 1e308)),
  'negative-line': (t) => reChecksum(t, (d) => setFirst(d, 'line', -1)),
  'extra-keys': (t) => reChecksum(t, (d) => replaceKey(d, '__proto__', { polluted: true })),
  directory: () => null,
  'unicode-noise': (t) => `${t}\u0000\uFFFF`,
};

/** The cache text with `change` applied to its JSON and a checksum that matches again (the schema must catch it). */
function reChecksum(text: string, change: (data: unknown) => unknown): string {
  let data: unknown;
  try {
    data = decodeCacheFile(text);
  } catch {
    return text;
  }
  const replaced = change(data);
  return encodeCacheFile(replaced === undefined ? data : replaced);
}

/** Sets the first value found under `key` (depth first) to `value`. */
function setFirst(data: unknown, key: string, value: unknown): void {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const record = node as Record<string, unknown>;
    if (key in record) {
      const current = record[key];
      if (Array.isArray(current) && current.length > 0) current[0] = value;
      else record[key] = value;
      return;
    }
    stack.push(...Object.values(record));
  }
}

function replaceKey(data: unknown, key: string, value: unknown): void {
  if (data !== null && typeof data === 'object') Object.defineProperty(data, key, { value, enumerable: true, configurable: true, writable: true });
}

/** Runs the fuzz and fault checks; never throws for a finding, only for a broken setup. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const rng = random(options.seed);
  const sources = corpus();
  const work = mkdtempSync(join(tmpdir(), `faultline-fuzz-${options.seed}-`));
  const report: FuzzReport = {
    seed: options.seed,
    sources: 0,
    batches: options.batches,
    hangs: 0,
    aborts: 0,
    nondeterministicBatches: 0,
    cacheCorruptions: 0,
    cacheCorruptionsThatChangedFindings: 0,
    killTrials: 0,
    killTrialsWithDamagedFile: 0,
    killTrialsKilled: 0,
    killTrialsKilledWithTempFile: 0,
    killTrialsEndedWithNewFile: 0,
    limitTrials: 0,
    limitTrialsThatLostBytes: 0,
    bytesLost: 0,
    problems: [],
  };
  const started = Date.now();
  const stamp = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const problem = (text: string) => {
    report.problems.push(text);
    log(`PROBLEM ${text}`);
  };
  const hangMs = options.hangMs ?? 120_000 + 1_000 * options.files;
  let template: string | undefined;
  const expectedCache = new Map<string, { bytes: Buffer; windowMs: number }>();
  try {
    for (let batch = 0; batch < options.batches; batch++) await fuzzBatch(batch);
    for (let trial = 0; trial < options.kills; trial++) await killTrial(trial);
    for (let trial = 0; trial < options.limits; trial++) await limitTrial(trial);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return report;

  async function fuzzBatch(batch: number): Promise<void> {
    const dir = join(work, `batch-${batch}`);
    mkdirSync(dir, { recursive: true });
    const names: string[] = [];
    for (let i = 0; i < options.files; i++) {
      const source = pick(rng, sources);
      const ext = extname(source);
      const kind = pick(rng, Object.keys(MUTATIONS));
      const name = `${String(i).padStart(3, '0')}-${kind}-${basename(source, ext)}${ext}`;
      writeFileSync(join(dir, name), (MUTATIONS[kind] as (typeof MUTATIONS)[string])(rng, readFileSync(source), ext));
      names.push(name);
    }
    report.sources += names.length;
    const cacheHome = join(work, `cache-${batch}`);
    // One child process per batch: its start-up (about 2.5 s) is paid once for every file in it.
    const spawned = await runCli([...SCAN, '--no-cache', '--jobs', '1'], dir, { timeoutMs: hangMs, cacheHome });
    if (spawned.timedOut) {
      report.hangs++;
      problem(`batch ${batch}: the scan did not answer within ${hangMs} ms`);
      return;
    }
    if ((spawned.code !== 0 && spawned.code !== 1) || spawned.signal !== null || /\n\s+at .+:\d+:\d+\)?\n/.test(spawned.stderr) || !isJson(spawned.stdout)) {
      report.aborts++;
      problem(`batch ${batch}: exit ${spawned.code ?? spawned.signal}: ${spawned.stderr.slice(0, 400)}`);
      return;
    }
    log(`${stamp()} batch ${batch}: spawned scan answered`);

    // Each mode once, each compared with the child's answer (main thread, no cache): --jobs 2 in
    // workers filling a cold cache, then --jobs 1 in this process from that warm cache.
    const differs = await differingModes(dir, cacheHome, spawned);
    if (differs.length > 0) {
      report.nondeterministicBatches++;
      problem(`batch ${batch}: ${differs.join(', ')} differ from the child process's --jobs 1 --no-cache`);
    }
    log(`${stamp()} batch ${batch}: determinism checked`);

    await corruptionRound(batch, dir, names);
  }

  /** The modes whose answer differs from `reference` (same report bytes and exit code expected). */
  async function differingModes(dir: string, cacheHome: string, reference: { code: number | null; stdout: string }): Promise<string[]> {
    const modes = {
      '--jobs 2 into a cold cache (workers)': await scanInProcess([...SCAN, '--jobs', '2'], dir, cacheHome),
      '--jobs 1 from the warm cache': await scanInProcess([...SCAN, '--jobs', '1'], dir, cacheHome),
    };
    return Object.entries(modes)
      .filter(([, run]) => run.stdout !== reference.stdout || run.code !== reference.code)
      .map(([name]) => name);
  }

  /**
   * Every kind of damage to every cache file of a warm cache. A damaged cache is a miss, so each
   * trial rescans the whole project: the project is a few of the batch's files, so that the 19
   * rescans stay cheap whatever the batch size.
   */
  async function corruptionRound(batch: number, batchDir: string, names: readonly string[]): Promise<void> {
    const dir = join(work, `corrupt-${batch}`);
    mkdirSync(dir, { recursive: true });
    for (const name of names.slice(0, CORRUPTION_PROJECT_FILES)) cpSync(join(batchDir, name), join(dir, name));
    const cacheHome = join(work, `corrupt-cache-${batch}`);
    const reference = await scanInProcess([...SCAN, '--no-cache', '--jobs', '1'], dir, cacheHome);
    const cold = await scanInProcess([...SCAN, '--jobs', '1'], dir, cacheHome);
    if (cold.stdout !== reference.stdout || cold.code !== reference.code) problem(`batch ${batch}: the cold cache run of the corruption project differs from --no-cache`);
    const cacheDir = join(cacheHome, 'faultline');
    const files = existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith('.json')) : [];
    for (const file of files) {
      const path = join(cacheDir, file);
      const original = readFileSync(path, 'utf8');
      for (const [kind, corrupt] of Object.entries(CORRUPTIONS)) {
        const damaged = corrupt(original, rng);
        rmSync(path, { recursive: true, force: true });
        if (damaged === null) mkdirSync(path);
        else writeFileSync(path, damaged);
        report.cacheCorruptions++;
        const run = await scanInProcess([...SCAN, '--jobs', '1'], dir, cacheHome);
        if (run.stdout !== reference.stdout || run.code !== reference.code) {
          report.cacheCorruptionsThatChangedFindings++;
          problem(`batch ${batch}: cache ${file} damaged (${kind}) changed the answer: ${run.stderr.slice(0, 300)}`);
        }
        rmSync(path, { recursive: true, force: true });
        writeFileSync(path, original);
      }
    }
    log(`${stamp()} batch ${batch}: ${files.length} cache files of ${Math.min(names.length, CORRUPTION_PROJECT_FILES)} sources damaged ${Object.keys(CORRUPTIONS).length} ways`);
  }

  /** A project where `scan --failures failures.yaml --write` (even trials) or `merge` (odd trials) has something to write. */
  function writerProject(name: string, trial: number): { dir: string; write: string[]; target: string } {
    const dir = join(work, name);
    const merge = trial % 2 === 1;
    if (merge) {
      cpSync(mergeTemplate(), dir, { recursive: true });
      return { dir, write: ['merge', 'manifold.yaml', '--from', 'failures.yaml'], target: 'manifold.yaml' };
    }
    mkdirSync(dir, { recursive: true });
    cpSync(join(ROOT, 'examples', 'payment-service'), join(dir, 'payment-service'), { recursive: true });
    cpSync(join(ROOT, 'examples', 'payment-retry-v2-failures.yaml'), join(dir, 'failures.yaml'));
    return { dir, write: ['scan', 'payment-service', '--failures', 'failures.yaml', '--write', '--no-cache', '-q', '--fail-on', 'none'], target: 'failures.yaml' };
  }

  /** The context example with the failures YAML `faultline context` makes from it, made once. */
  function mergeTemplate(): string {
    if (template !== undefined) return template;
    template = join(work, 'merge-template');
    cpSync(join(ROOT, 'examples', 'context'), template, { recursive: true });
    const made = spawnSync(process.execPath, ['--import', TSX, BIN, 'context', 'manifold.yaml', '--now', '2025-01-01', '--out', 'failures.yaml'], { cwd: template, encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`fuzz setup: faultline context failed: ${made.stderr}`);
    return template;
  }

  /** What a whole run writes into the project's target file, and how long its write window lasts (from its first temporary or lock file to the rename). */
  async function expected(project: { dir: string; write: string[]; target: string }): Promise<{ bytes: Buffer; windowMs: number }> {
    const key = project.write.join(' ');
    const known = expectedCache.get(key);
    if (known !== undefined) return known;
    const copy = `${project.dir}-expected`;
    const windows: number[] = [];
    // Several whole runs: the window is short and its length varies with the machine's load.
    for (let i = 0; i < 3; i++) {
      cpSync(project.dir, copy, { recursive: true, force: true });
      const run = await runCli(project.write, copy, { cacheHome: join(work, 'cache-writers'), target: project.target, onWriteWindow: (ms) => windows.push(ms) });
      if (run.code !== 0) throw new Error(`fuzz setup: ${key} failed: ${run.stderr}`);
    }
    if (windows.length === 0) throw new Error(`fuzz setup: ${key}: no write of ${project.target} was seen`);
    const result = { bytes: readFileSync(join(copy, project.target)), windowMs: Math.max(...windows) };
    log(`${stamp()} ${project.write[0]} writes ${result.bytes.length} bytes; write window ${windows.map((w) => w.toFixed(1)).join(', ')} ms`);
    expectedCache.set(key, result);
    return result;
  }

  /**
   * SIGKILL at a random moment of the write window: from 0 ms after the first temporary or lock
   * file appears to a quarter past the longest window a whole run took, so that most kills land
   * mid-write and some just after the rename.
   */
  async function killTrial(trial: number): Promise<void> {
    const project = writerProject(`kill-${trial}`, trial);
    const before = readFileSync(join(project.dir, project.target));
    const { bytes: after, windowMs } = await expected(project);
    const delay = Math.floor(rng() * windowMs * 1.25);
    report.killTrials++;
    const run = await runCli(project.write, project.dir, { killAfterWritingStartsMs: delay, cacheHome: join(work, 'cache-writers') });
    const now = readFileSync(join(project.dir, project.target));
    const killed = run.signal === 'SIGKILL';
    const leftTemp = readdirSync(project.dir).some((f) => f.endsWith('.tmp'));
    if (killed) report.killTrialsKilled++;
    if (killed && leftTemp) report.killTrialsKilledWithTempFile++;
    log(`${stamp()} kill trial ${trial} (${project.write[0]}, ${delay} ms after writing started): ${killed ? 'killed' : `exit ${run.code}`}${leftTemp ? ', temporary file left' : ''}`);
    if (now.equals(after) && !before.equals(after)) report.killTrialsEndedWithNewFile++;
    if (!now.equals(before) && !now.equals(after)) {
      report.killTrialsWithDamagedFile++;
      problem(`kill trial ${trial}: ${project.target} is neither the old nor the new file (${now.length} bytes)`);
    }
  }

  async function limitTrial(trial: number): Promise<void> {
    const project = writerProject(`limit-${trial}`, trial);
    const before = readFileSync(join(project.dir, project.target));
    const { bytes: after } = await expected(project);
    const blocks = 1 + int(rng, Math.ceil(after.length / 512) + 4);
    report.limitTrials++;
    const run = await runCli(project.write, project.dir, { fileSizeBlocks: blocks, cacheHome: join(work, 'cache-writers') });
    const now = readFileSync(join(project.dir, project.target));
    log(`${stamp()} size-limit trial ${trial} (${project.write[0]}, ${blocks} blocks): exit ${run.code}`);
    const whole = run.code === 0 && now.equals(after);
    const refused = run.code === 2 && now.equals(before) && /Cannot write/.test(run.stderr);
    if (!whole && !refused) {
      report.limitTrialsThatLostBytes++;
      report.bytesLost += Math.max(0, Math.max(before.length, after.length) - now.length) || Math.abs(after.length - now.length) || 1;
      problem(`size-limit trial ${trial} (${blocks} blocks, ${project.write[0]}): exit ${run.code}, ${project.target} ${now.length} bytes (old ${before.length}, new ${after.length})`);
    }
    const leftovers = readdirSync(project.dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'));
    if (leftovers.length > 0) problem(`size-limit trial ${trial}: left ${leftovers.join(', ')}`);
    statSync(join(project.dir, project.target));
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function flag(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`error: --${name} takes a whole number (got "${argv[i + 1] ?? ''}")\n`);
    process.exit(2);
  }
  return value;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const started = Date.now();
  const report = await runFuzz({
    seed: flag(argv, 'seed', 17),
    batches: flag(argv, 'batches', 100),
    files: flag(argv, 'files', 100),
    kills: flag(argv, 'kills', 400),
    limits: flag(argv, 'limits', 40),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${JSON.stringify({ ...report, seconds: Math.round((Date.now() - started) / 1000) }, null, 2)}\n`);
  process.exitCode = report.problems.length === 0 ? 0 : 1;
}
