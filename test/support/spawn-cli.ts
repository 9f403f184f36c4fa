import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BIN = resolve(fileURLToPath(import.meta.url), '../../../bin/faultline.ts');
// The TypeScript loader, by absolute URL so the CLI can run in any folder.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const cacheHome = mkdtempSync(join(tmpdir(), 'faultline-spawn-cache-'));

/** How a spawned CLI run ended. */
export interface SpawnedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of a spawned run. */
export interface SpawnOptions {
  /** `ulimit -f` in 512-byte blocks (POSIX sh): writes past it fail with EFBIG. */
  fileSizeBlocks?: number;
  env?: Record<string, string>;
}

function command(args: readonly string[], options: SpawnOptions): { file: string; argv: string[] } {
  const node = [process.execPath, '--import', TSX, BIN, ...args];
  if (options.fileSizeBlocks === undefined) return { file: node[0]!, argv: node.slice(1) };
  return { file: 'sh', argv: ['-c', 'ulimit -f "$1" && shift && exec "$@"', 'sh', String(options.fileSizeBlocks), ...node] };
}

function environment(options: SpawnOptions): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_CACHE_HOME: cacheHome, NO_COLOR: '1', ...options.env };
}

/** Runs the real CLI as a child process in `cwd` (optionally under a file-size limit) and waits. */
export function spawnCli(args: readonly string[], cwd: string, options: SpawnOptions = {}): SpawnedRun {
  const { file, argv } = command(args, options);
  const run = spawnSync(file, argv, { cwd, env: environment(options), encoding: 'utf8' });
  if (run.error) throw run.error;
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** Like {@link spawnCli}, without blocking: for runs that must overlap. */
export function startCli(args: readonly string[], cwd: string, options: SpawnOptions = {}): Promise<SpawnedRun> {
  const { file, argv } = command(args, options);
  return new Promise((done, fail) => {
    const child = spawn(file, argv, { cwd, env: environment(options) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}
