import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { ScannerSetup, TextOutcome, TextTask } from './scan-text.js';

/** Old-generation heap of each worker: ample for a 1 MiB file, small enough to keep RSS flat. */
const WORKER_HEAP_MB = 512;

/** Runs file scans on worker threads. */
export interface ScanPool {
  readonly threads: number;
  run(task: TextTask): Promise<TextOutcome>;
  close(): Promise<void>;
}

/**
 * Starts `threads` workers, each loading the grammars and compiling the rules once. From the
 * built CLI the worker is `scan-worker.js`; from TypeScript sources (tests, `tsx`) it is
 * `scan-worker.ts`, loaded through tsx. Returns null when neither can be found, so the caller
 * scans in-thread instead.
 */
export function startScanPool(threads: number, setup: ScannerSetup): ScanPool | null {
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith('.ts');
  const filename = here.replace(/worker-pool\.(ts|js)$/, `scan-worker.${fromSource ? 'ts' : 'js'}`);
  if (!existsSync(filename)) return null;
  const pool = new Piscina({
    filename,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
    // With atomics a worker takes its next task without returning to its event loop, so the
    // finalizers that free native trees never run and memory grows with every file.
    atomics: 'disabled',
    idleTimeout: 60_000,
    // Dead trees are freed only when their wrappers are collected; a bounded heap makes V8 collect
    // them early instead of growing towards its default limit (half of a large machine's memory).
    // (Node lets a --max-old-space-size given to the process override this.)
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    workerData: setup,
    // By absolute URL: a bare 'tsx' would be looked up from the current folder, which may be any project.
    ...(fromSource ? { execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] } : {}),
  });
  return {
    threads,
    // A worker is never stopped mid-file: terminating a thread inside a native parse aborts the
    // whole process. The time budget travels with the task and the engine honours it between steps.
    run: async (task) => (await pool.run(task)) as TextOutcome,
    close: () => pool.destroy(),
  };
}
