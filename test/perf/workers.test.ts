import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { corpusFiles, ROOT, scanCorpus } from './helpers.js';

describe('worker threads', () => {
  it('scan the same files to the same result as one thread', async () => {
    const files = corpusFiles();
    // In this thread whatever the corpus weighs (past IN_THREAD_BYTES even --jobs 1 takes a worker).
    const one = await scanCorpus(files, ROOT, { jobs: 1, workerMinBytes: Number.MAX_SAFE_INTEGER });
    const two = await scanCorpus(files, ROOT, { jobs: 2, workerMinBytes: 0 });
    expect(one.stats.threads).toBe(0);
    expect(two.stats.threads).toBe(2);
    // A few files are not worth starting workers for.
    expect((await scanCorpus(files.slice(0, 3), ROOT, { jobs: 2 })).stats.threads).toBe(0);
    expect(two.result).toEqual(one.result);
    expect([...two.sources.keys()]).toEqual([...one.sources.keys()]);
    expect(one.result.findings.length).toBeGreaterThan(50);
  });

  it('give byte-identical CLI output with --jobs 1 and --jobs 2', async () => {
    const args = ['scan', 'fixtures', 'examples', '--format', 'json', '--fail-on', 'none', '--no-cache'];
    const one = await runCli([...args, '--jobs', '1'], ROOT);
    const two = await runCli([...args, '--jobs', '2'], ROOT);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it('report a file over its time budget as a warning instead of hanging', async () => {
    const files = corpusFiles().slice(0, 4);
    const scan = await scanCorpus(files, ROOT, { jobs: 2, prefilter: false, fileBudgetMs: 0, workerMinBytes: 0 });
    // A zero budget stops matching on every file: each file is reported, none silently dropped.
    expect(scan.result.warnings.filter((w) => w.kind === 'timeout').map((w) => w.file).sort()).toEqual(
      files.map((f) => f.slice(ROOT.length + 1)).sort(),
    );
  });

  it('reject a --jobs that is not a positive whole number', async () => {
    const { code, stderr } = await runCli(['scan', 'fixtures', '--jobs', '0'], ROOT);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--jobs takes a positive whole number/);
  });

  it('take --file-timeout in seconds: a file over it is reported as not matched, with no findings', async () => {
    const args = ['scan', 'examples/payment-service', '--format', 'json', '--fail-on', 'none', '--no-cache', '--no-prefilter', '--jobs', '1'];
    const roomy = JSON.parse((await runCli([...args, '--file-timeout', '600'], ROOT)).stdout) as { findings: unknown[]; errors: { kind: string }[] };
    expect(roomy.findings.length).toBeGreaterThan(0);
    expect(roomy.errors.filter((e) => e.kind === 'timeout')).toEqual([]);
    const tight = JSON.parse((await runCli([...args, '--file-timeout', '0.000001'], ROOT)).stdout) as { findings: unknown[]; errors: { kind: string }[] };
    expect(tight.findings.length).toBeLessThan(roomy.findings.length);
    expect(tight.errors.filter((e) => e.kind === 'timeout').length).toBeGreaterThan(0);
  });

  it('reject a --file-timeout that is not a positive number of seconds', async () => {
    for (const bad of ['0', '-3', 'soon']) {
      const { code, stderr } = await runCli(['scan', 'fixtures', '--file-timeout', bad], ROOT);
      expect(code).toBe(2);
      expect(stderr).toMatch(/--file-timeout takes a positive number of seconds/);
    }
  });
});
