import { describe, expect, it, vi } from 'vitest';
import type { ScannerSetup, TextOutcome, TextTask } from '../../src/scan/scan-text.js';
import { createTextScanner } from '../../src/scan/scan-text.js';
import { corpusFiles, ROOT, scanCorpus } from './helpers.js';

// A worker that dies (out of memory, a native fault) cannot be provoked on demand, so the pool is
// replaced by one that scans in this thread and fails on one chosen file the way a dead worker does.
const DOOMED = 'fixtures/bad/AP-001/backoff-on-exception.py';
vi.mock('../../src/scan/worker-pool.js', () => ({
  startScanPool: (threads: number, setup: ScannerSetup) => {
    const scan = createTextScanner(setup);
    return {
      threads,
      run: async (task: TextTask): Promise<TextOutcome> => {
        if (task.file === DOOMED) throw new Error('Worker terminated due to reaching memory limit: JS heap out of memory');
        return scan(task);
      },
      close: async () => undefined,
    };
  },
}));

describe('a worker that dies on a file', () => {
  it('becomes a warning for that file; every other file is still scanned and reported', async () => {
    const files = corpusFiles();
    expect(files.some((f) => f.endsWith(DOOMED))).toBe(true);
    const scan = await scanCorpus(files, ROOT, { jobs: 2, workerMinBytes: 0 });
    const warning = scan.result.warnings.find((w) => w.file === DOOMED);
    expect(warning?.kind).toBe('matcher');
    expect(warning?.message).toMatch(/not scanned: its worker failed \(.*out of memory\)/);
    expect(scan.result.findings.some((f) => f.file === DOOMED)).toBe(false);
    expect(new Set(scan.result.findings.map((f) => f.file)).size).toBeGreaterThan(20);
  });
});
