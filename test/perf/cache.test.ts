import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache, ruleSetHash } from '../../src/scan/cache.js';
import { decodeCacheFile, encodeCacheFile } from '../../src/scan/cache-schema.js';
import { mergeVocabularies, VocabularySchema } from '../../src/matchers/index.js';
import { loadRules } from '../../src/rules-loader/load-rules.js';
import { runCli } from '../support/cli.js';
import { builtinRules, vocab } from '../support/scan.js';
import { scanFiles } from '../../src/scan/scan-files.js';
import { copyCorpus, corpusFiles, corpusOptions, scanCorpus } from './helpers.js';

function cacheFor(dir: string, root: string, rules = builtinRules, v = vocab) {
  const warnings: string[] = [];
  const cache = openCache(dir, root, ruleSetHash(rules, v, '0.0.0-test', {}), (m) => warnings.push(m));
  return { cache, warnings };
}

/** A copy of the corpus scanned once into a fresh cache folder (saved). */
async function primedCache() {
  const root = copyCorpus();
  const dir = mkdtempSync(join(tmpdir(), 'faultline-cache-'));
  const files = corpusFiles(root);
  const first = cacheFor(dir, root);
  const cold = await scanCorpus(files, root, { cache: first.cache });
  first.cache.save();
  return { root, dir, files, cold };
}

describe('scan cache', () => {
  it('re-scans an unchanged tree without parsing, to the same result', async () => {
    const { root, dir, files, cold } = await primedCache();
    expect(cold.stats.parsed).toBeGreaterThan(0);
    expect(cold.stats.cached).toBe(0);

    const second = cacheFor(dir, root);
    const warm = await scanCorpus(files, root, { cache: second.cache, jobs: 2 });
    expect(warm.stats).toMatchObject({ parsed: 0, prefiltered: 0, cached: files.length });
    expect(warm.result).toEqual(cold.result);
    expect(warm.sources).toEqual(cold.sources);
    expect(second.warnings).toEqual([]);
  });

  it('redoes only the edited file', async () => {
    const { root, dir, files } = await primedCache();
    const edited = files.find((f) => f.endsWith('fixtures/bad/AP-001/while-counter.py')) as string;
    appendFileSync(edited, '\n\nfor attempt in range(3):\n    charge_card(order)\n');
    const c2 = cacheFor(dir, root);
    const after = await scanCorpus(files, root, { cache: c2.cache, prefilter: false });
    expect(after.stats).toMatchObject({ parsed: 1, cached: files.length - 1 });
    const fresh = await scanCorpus(files, root, { prefilter: false });
    expect(after.result).toEqual(fresh.result);
  });

  it('scans a file edited between hashing and scanning as it is now, and keeps no settled result of it', async () => {
    const root = copyCorpus();
    const dir = mkdtempSync(join(tmpdir(), 'faultline-cache-'));
    const files = corpusFiles(root);
    const edited = join(root, 'fixtures/bad/AP-001/backoff-on-exception.py');
    const first = cacheFor(dir, root);
    // No text is held from hashing, so every file is read again to scan: the edit lands in between.
    const progress = {
      tick: (done: number, total: number, stage?: string) => (stage === 'read' && done === total ? writeFileSync(edited, 'x = 1\n') : undefined),
      done: () => undefined,
    };
    const raced = await scanCorpus(files, root, { cache: first.cache, heldTextBytes: 0, progress });
    first.cache.save();
    expect(raced.result.findings.filter((f) => f.file === 'fixtures/bad/AP-001/backoff-on-exception.py')).toEqual([]);
    const second = cacheFor(dir, root);
    const again = await scanCorpus(files, root, { cache: second.cache });
    // Not answered from a settled result built on a text that changed under it: the edited file is scanned again.
    expect(again.stats.cached).toBe(files.length - 1);
    expect(again.result).toEqual(raced.result);
  });

  it('keeps an edit in a small delta file, leaving the base file as it was', async () => {
    const { root, dir, files } = await primedCache();
    const base = readdirSync(dir).find((f) => /^scan-[^.]*\.json$/.test(f)) as string;
    const before = readFileSync(join(dir, base), 'utf8');
    const edited = files.find((f) => f.endsWith('fixtures/bad/AP-001/while-counter.py')) as string;
    appendFileSync(edited, '\n# edited\n');
    const c2 = cacheFor(dir, root);
    expect((await scanCorpus(files, root, { cache: c2.cache })).stats).toMatchObject({ parsed: 1, cached: files.length - 1 });
    c2.cache.save();
    expect(readFileSync(join(dir, base), 'utf8')).toBe(before);
    const delta = readdirSync(dir).find((f) => f.endsWith('.delta.json')) as string;
    expect(Object.keys((decodeCacheFile(readFileSync(join(dir, delta), 'utf8')) as { entries: object }).entries)).toHaveLength(1);

    // Base and delta together answer every file; a corrupt delta is ignored with a warning.
    writeFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith('settled-')) as string), '{}');
    const c3 = cacheFor(dir, root);
    expect((await scanCorpus(files, root, { cache: c3.cache })).stats).toMatchObject({ parsed: 0, cached: files.length });
    writeFileSync(join(dir, delta), 'not json');
    const c4 = cacheFor(dir, root);
    const after = await scanCorpus(files, root, { cache: c4.cache });
    expect(after.stats).toMatchObject({ parsed: 1, cached: files.length - 1 });
    expect(c4.warnings.some((w) => w.includes('.delta.json'))).toBe(true);
  });

  it('starts afresh when the rules or the vocabulary change', async () => {
    const { root, dir, files } = await primedCache();

    const extended = mergeVocabularies(vocab, VocabularySchema.parse({ calls: { mutating: { verbs: ['enqueue'] } } }));
    const rules = loadRules({ builtin: true, extra: [], vocab: extended });
    const byVocab = cacheFor(dir, root, rules, extended);
    expect((await scanCorpus(files, root, { cache: byVocab.cache }, rules, extended)).stats.cached).toBe(0);

    const fewer = builtinRules.filter((r) => r.id !== 'AP-002');
    const byRules = cacheFor(dir, root, fewer);
    expect((await scanCorpus(files, root, { cache: byRules.cache }, fewer)).stats.cached).toBe(0);
  });

  it('ignores a corrupt cache file with a warning', async () => {
    const { root, dir, files, cold: clean } = await primedCache();
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), '{"format":1,"ruleSet":"x","entr');
    const c2 = cacheFor(dir, root);
    const again = await scanCorpus(files, root, { cache: c2.cache });
    // Both files (settled result, per-file entries) are read, found corrupt and named.
    expect(c2.warnings).toEqual([
      expect.stringMatching(/ignoring the scan cache .*settled-.*rebuilt/),
      expect.stringMatching(/ignoring the scan cache .*scan-.*rebuilt/),
    ]);
    expect(again.result).toEqual(clean.result);
    expect(again.stats.cached).toBe(0);
    c2.cache.save();
    const c3 = cacheFor(dir, root);
    expect(c3.warnings).toEqual([]);
  });

  it('treats a changed byte (checksum) or a wrong shape (schema) as a miss with a warning, never as a changed answer', async () => {
    const { root, dir, files, cold: clean } = await primedCache();
    const settled = join(dir, readdirSync(dir).find((f) => f.startsWith('settled-')) as string);
    const entries = join(dir, readdirSync(dir).find((f) => /^scan-[^.]*\.json$/.test(f)) as string);
    const settledText = readFileSync(settled, 'utf8');
    const entriesText = readFileSync(entries, 'utf8');
    type Data = { result: { findings: unknown[] }; entries: Record<string, { findings: unknown[] }> };
    const damages: { settled?: string; entries?: string; why: string }[] = [
      // One digit of a finding's line changed: the checksum no longer matches.
      { settled: settledText.replace(/"line":(\d)/, (_m, d: string) => `"line":${(Number(d) + 1) % 10}`), why: 'checksum mismatch' },
      // A null finding, or a line that is a string, with a checksum that matches: the schema refuses it.
      { settled: rewrite(settledText, (d: Data) => d.result.findings.splice(0, 1, null)), why: 'result.findings.0' },
      { settled: rewrite(settledText, (d: Data) => d.result.findings.push({ ...(d.result.findings[0] as object), line: '7' })), why: 'line' },
      // Damaged per-file entries are read when the settled result is gone.
      { settled: '', entries: rewrite(entriesText, (d: Data) => Object.values(d.entries).forEach((e) => (e.findings = [null]))), why: 'findings.0' },
      { settled: '', entries: entriesText.slice(0, -10), why: 'checksum mismatch' },
    ];
    for (const damage of damages) {
      writeFileSync(settled, damage.settled ?? settledText);
      writeFileSync(entries, damage.entries ?? entriesText);
      const c = cacheFor(dir, root);
      const again = await scanCorpus(files, root, { cache: c.cache });
      expect(again.result).toEqual(clean.result);
      expect(c.warnings.join('\n')).toContain(damage.why);
    }
  });

  it('answers an unchanged tree from the settled result without reading the per-file entries', async () => {
    const { root, dir, files, cold } = await primedCache();
    // Were the per-file entries read, this would warn.
    for (const f of readdirSync(dir).filter((f) => f.startsWith('scan-'))) writeFileSync(join(dir, f), 'not json');
    const c2 = cacheFor(dir, root);
    const warm = await scanCorpus(files, root, { cache: c2.cache });
    expect(c2.warnings).toEqual([]);
    expect(warm.stats).toMatchObject({ parsed: 0, cached: files.length });
    expect(warm.result).toEqual(cold.result);
    expect(warm.sources).toEqual(cold.sources);
  });

  it('settles afresh when anything the cross-file step reads changes', async () => {
    const { root, dir, files } = await primedCache();
    // A new package manifest changes which package a file's job facts belong to: no text changed.
    writeFileSync(join(root, 'examples', 'payment-service', 'pyproject.toml'), '[project]\nname = "x"\n');
    const c2 = cacheFor(dir, root);
    const after = await scanCorpus(files, root, { cache: c2.cache });
    expect(after.stats).toMatchObject({ parsed: 0, cached: files.length });
    const fresh = await scanCorpus(files, root, {});
    expect(after.result).toEqual(fresh.result);
    // So does an option applied while settling.
    const bad = join(root, 'fixtures', 'bad', 'AP-001', 'while-counter.py');
    writeFileSync(bad, readFileSync(bad, 'utf8').replace('# expect: AP-001', '# faultline-ignore AP-001: test'));
    const suppressed = await scanFiles(files, { ...corpusOptions(root), cache: c2.cache });
    c2.cache.save();
    const c3 = cacheFor(dir, root);
    const lowered = await scanFiles(files, { ...corpusOptions(root), suppressions: false, cache: c3.cache });
    expect(lowered.result).toEqual((await scanFiles(files, { ...corpusOptions(root), suppressions: false })).result);
    expect(lowered.result).not.toEqual(suppressed.result);
  });

  it('is on by default in the CLI, kept under --cache-dir, and off with --no-cache', async () => {
    const root = copyCorpus();
    const dir = mkdtempSync(join(tmpdir(), 'faultline-cache-'));
    const args = ['scan', '.', '--format', 'json', '--fail-on', 'none', '--jobs', '1'];
    const cold = await runCli([...args, '--cache-dir', dir], root);
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/^scan-.*\.json$/), expect.stringMatching(/^settled-.*\.json$/)]);
    const warm = await runCli([...args, '--cache-dir', dir], root);
    expect(warm.stdout).toBe(cold.stdout);
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), 'not json');
    const corrupt = await runCli([...args, '--cache-dir', dir], root);
    expect(corrupt.stdout).toBe(cold.stdout);
    expect(corrupt.stderr).toMatch(/warning: ignoring the scan cache/);
    const off = mkdtempSync(join(tmpdir(), 'faultline-cache-'));
    await runCli([...args, '--cache-dir', off, '--no-cache'], root);
    expect(readdirSync(off)).toEqual([]);
    expect(readdirSync(root)).not.toContain('.faultline-cache');
  });
});

/** A cache file's text with its data changed by `change` and a checksum that matches again. */
function rewrite<T>(text: string, change: (data: T) => unknown): string {
  const data = decodeCacheFile(text) as T;
  change(data);
  return encodeCacheFile(data);
}
