import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { languageSpec } from '../../src/engine/languages.js';
import { scanSource } from '../../src/engine/scan-source.js';
import { builtinRules, vocab } from '../support/scan.js';
import { openCache, ruleSetHash } from '../../src/scan/cache.js';
import { scanFiles } from '../../src/scan/scan-files.js';
import { project } from '../support/project.js';
import { corpusFiles, corpusOptions, ROOT, scanCorpus } from './helpers.js';

// Deferring the tests of cross-file candidates to the link step must never change a finding.
describe('deferred tests of cross-file candidates', () => {
  it('give the fixtures and the example project the same findings as running every test', async () => {
    const files = corpusFiles();
    const on = await scanCorpus(files, ROOT, { deferTests: true });
    const off = await scanCorpus(files, ROOT, { deferTests: false });
    expect(on.result.findings.length).toBeGreaterThan(50);
    expect(on.result.findings).toEqual(off.result.findings);
  });

  // eval/real holds labels of public code and, when built, its ignored corpus: not a project of ours.
  it.each(fg.sync('*', { cwd: resolve(ROOT, 'eval'), onlyDirectories: true, ignore: ['real'] }).sort())(
    'give the eval project %s the same findings, with the type checker on',
    async (name) => {
      const cwd = resolve(ROOT, 'eval', name);
      const files = fg.sync('**/*.{py,ts,tsx,js,mjs,cjs,jsx}', { cwd, absolute: true, ignore: ['**/node_modules/**'] }).sort();
      const scan = (deferTests: boolean) => scanFiles(files, { ...corpusOptions(cwd), types: true, deferTests });
      const on = await scan(true);
      const off = await scan(false);
      expect(off.result.findings.length).toBeGreaterThan(0);
      expect(on.result.findings).toEqual(off.result.findings);
    },
  );

  it('skip the tests only of candidates that depend on another file, and mark them', () => {
    const code = [
      'from .orders import process_order',
      'from .retry import with_retries',
      '',
      'def run(order):',
      '    for attempt in range(3):',
      '        try:',
      '            process_order(order, idempotency_key=order.id)',
      '            requests.post(URL, json=order)',
      '            break',
      '        except IOError:',
      '            continue',
      '',
    ].join('\n');
    const scan = (deferTests: boolean) => scanSource(code, 'app/job.py', languageSpec('python'), builtinRules, vocab, { deferTests });
    const full = scan(false);
    const deferred = scan(true);
    // The certain finding is tested either way; the helper call is kept, untested, for the link step.
    expect(deferred.findings).toEqual(full.findings);
    expect(full.findings.map((f) => f.line)).toEqual([8]);
    expect(full.pending.filter((p) => p.ruleId === 'AP-001')).toEqual([]);
    expect(full.deferred).toEqual([]);
    expect(deferred.pending.filter((p) => p.ruleId === 'AP-001')).toEqual([]);
    expect(deferred.deferred.filter((d) => d.ruleId === 'AP-001').map((d) => [d.line, d.requires.map((r) => r.kind)])).toEqual([[7, ['helper']]]);
  });

  it('check a deferred finding that may hold on a full scan of its file: the keyed call is dropped, the other kept', async () => {
    const dir = keyedProject();
    const files = fg.sync('**/*.py', { cwd: dir, absolute: true }).sort();
    const cacheDir = mkdtempSync(join(tmpdir(), 'faultline-defer-'));
    const open = () => openCache(cacheDir, dir, ruleSetHash(builtinRules, vocab, '0.0.0-test', {}), () => undefined);
    const first = open();
    const scan = await scanFiles(files, { ...corpusOptions(dir), deferTests: true, cache: first });
    first.save();
    expect(scan.result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['AP-001 app/job.py:7']);
    expect(scan.stats.rescanned).toBe(1);
    // The full result was cached: after an edit elsewhere the link step runs again without re-scanning job.py.
    appendFileSync(join(dir, 'app/orders.py'), '\n# edited\n');
    const again = await scanFiles(files, { ...corpusOptions(dir), deferTests: true, cache: open() });
    expect(again.stats).toMatchObject({ parsed: 1, rescanned: 0 });
    expect(again.result.findings).toEqual(scan.result.findings);
  });

  it('scan a file edited after its first scan as it is now when its deferred findings are checked, and keep no settled result', async () => {
    const dir = keyedProject();
    const job = join(dir, 'app/job.py');
    const files = fg.sync('**/*.py', { cwd: dir, absolute: true }).sort();
    const cacheDir = mkdtempSync(join(tmpdir(), 'faultline-defer-'));
    const open = () => openCache(cacheDir, dir, ruleSetHash(builtinRules, vocab, '0.0.0-test', {}), () => undefined);
    // Once every file is scanned, and before the link step reads job.py again, its unkeyed call gets a key.
    const original = readFileSync(job, 'utf8');
    const keyed = original.replace('process_order(order)\n', 'process_order(order, idempotency_key=order.id)\n');
    const progress = {
      tick: (done: number, total: number, stage?: string) => (stage === undefined && done === total ? writeFileSync(job, keyed) : undefined),
      done: () => undefined,
    };
    const first = open();
    const raced = await scanFiles(files, { ...corpusOptions(dir), cache: first, progress });
    first.save();
    expect(raced.stats.rescanned).toBe(1);
    expect(raced.result.findings).toEqual([]);
    // Back to the text the first scan hashed: its settled result, built from the edit, must not answer.
    writeFileSync(job, original);
    const again = await scanFiles(files, { ...corpusOptions(dir), cache: open() });
    expect(again.result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['AP-001 app/job.py:7']);
  });
});

/** A retry loop calling an imported helper that writes: once with a key, once without (line 7). */
function keyedProject(): string {
  return project({
    'app/__init__.py': '',
    'app/orders.py': 'import requests\n\ndef process_order(order, **kw):\n    return requests.post(URL, json=order)\n',
    'app/job.py': [
      'from .orders import process_order',
      '',
      'def run(order):',
      '    for attempt in range(3):',
      '        try:',
      '            process_order(order, idempotency_key=order.id)',
      '            process_order(order)',
      '            break',
      '        except IOError:',
      '            continue',
      '',
    ].join('\n'),
  });
}
