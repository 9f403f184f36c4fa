import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache, ruleSetHash } from '../../src/scan/cache.js';
import { corpusFiles, ROOT, scanCorpus } from '../perf/helpers.js';
import { runCli } from '../support/cli.js';
import { builtinRules, vocab } from '../support/scan.js';

// Issue 17: parsing and matching one file is bounded on adversarial sources, and ends the same way
// in the main thread and in a worker.

/**
 * A retried TypeScript function whose one statement is `await <open>…p…<close>`, `depth` times
 * nested, one level a line (a single long line would be skipped as minified before matching).
 */
function nested(open: string, close: string, depth: number): string {
  const body = `${`${open}\n`.repeat(depth)}p${`${close}\n`.repeat(depth)}`;
  return `async function pay(p) {\n  for (let attempt = 0; attempt < 3; attempt++) {\n    try {\n      await ${body};\n      return;\n    } catch (e) {\n      console.log(e);\n    }\n  }\n}\n`;
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bounded-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('adversarial sources end in bounded time', () => {
  it('100,000 nested calls (800 KB) end in a timeout warning for that file; the other files are scanned', async () => {
    const calls = nested('charge(', ')', 100_000);
    expect(calls.length).toBeGreaterThan(800_000);
    const dir = folder({ 'deep.ts': calls, 'ok.ts': nested('gateway.charge(', ')', 1) });
    const run = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--no-cache', '--jobs', '1'], dir);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: { file: string }[]; errors: { file: string; kind: string; message: string }[] };
    expect(report.errors).toEqual([{ file: 'deep.ts', kind: 'timeout', message: expect.stringMatching(/nests deeper than 500 levels/) as unknown }]);
    expect(report.findings.map((f) => f.file)).toEqual(['ok.ts']);
  });

  it('a 10,000-deep member chain gives the same answer in the main thread and in a worker (no stack overflow)', async () => {
    const dir = folder({ 'chain.ts': nested('', '', 0).replace('await p', `await x${'\n.b'.repeat(10_000)}.charge(p)`), 'ok.ts': nested('gateway.charge(', ')', 1) });
    const files = [join(dir, 'chain.ts'), join(dir, 'ok.ts')];
    const main = await scanCorpus(files, dir, { jobs: 1 });
    const worker = await scanCorpus(files, dir, { jobs: 2, workerMinBytes: 0 });
    expect(main.stats.threads).toBe(0);
    expect(worker.stats.threads).toBe(2);
    expect(worker.result).toEqual(main.result);
    expect(main.result.warnings).toEqual([{ file: 'chain.ts', kind: 'timeout', message: expect.stringMatching(/nests deeper than 500 levels/) as unknown }]);
  });

  it('a file over its time budget keeps none of its findings, whichever rule the budget ran out in, and is not cached', async () => {
    const files = corpusFiles().filter((f) => f.includes('examples/payment-service/'));
    const clean = await scanCorpus(files, ROOT, { jobs: 1 });
    expect(clean.result.findings.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'faultline-cache-'));
    const hash = ruleSetHash(builtinRules, vocab, '0.0.0-test', {});
    const cache = openCache(dir, ROOT, hash, () => undefined);
    // A budget already spent when matching starts: every file that reaches matching is cut short.
    const late = await scanCorpus(files, ROOT, { jobs: 1, fileBudgetMs: -1, prefilter: false, cache });
    cache.save();
    expect(late.result.findings).toEqual([]);
    expect(late.result.warnings.every((w) => w.kind === 'timeout' && /over its time budget; no finding of this file is reported/.test(w.message))).toBe(true);
    // What was cut short was not cached as if whole: the next run with a budget finds everything.
    const again = await scanCorpus(files, ROOT, { jobs: 1, cache: openCache(dir, ROOT, hash, () => undefined) });
    expect(again.result).toEqual(clean.result);
  });
});
