import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPrefilter } from '../../src/engine/prefilter.js';
import { languageForPath, languageSpec } from '../../src/engine/languages.js';
import { settleAlone } from '../../src/engine/link.js';
import { scanSource } from '../../src/engine/scan-source.js';
import { mergeVocabularies, VocabularySchema } from '../../src/matchers/index.js';
import { loadRules } from '../../src/rules-loader/load-rules.js';
import { builtinRules, vocab } from '../support/scan.js';
import { corpusFiles, ROOT, scanCorpus } from './helpers.js';

const prefilter = buildPrefilter(builtinRules, vocab);

describe('prefilter soundness', () => {
  const files = corpusFiles();

  it('covers the fixtures and the example project', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('never rules out a rule that reports in a file (fixtures/bad, fixtures/good, examples/)', () => {
    let withFindings = 0;
    for (const file of files) {
      const language = languageForPath(file);
      if (language === undefined) continue;
      const text = readFileSync(file, 'utf8');
      const findings = settleAlone(scanSource(text, file, language, builtinRules, vocab), file, language.id);
      const allowed = new Set(prefilter.candidateRules(text, language));
      for (const f of findings) expect(allowed.has(f.ruleId), `${file}:${f.line} ${f.ruleId} was prefiltered out`).toBe(true);
      if (findings.length > 0) withFindings++;
      expect(prefilter.mayMatch(text, language) || findings.length === 0).toBe(true);
    }
    expect(withFindings).toBeGreaterThan(50);
  });

  it('gives identical scan results with and without the prefilter', async () => {
    const on = await scanCorpus(files, ROOT, { prefilter: true });
    const off = await scanCorpus(files, ROOT, { prefilter: false });
    expect(on.result.findings).toEqual(off.result.findings);
    expect(on.result.filesScanned).toBe(off.result.filesScanned);
    expect(off.stats.prefiltered).toBe(0);
    expect(on.stats.parsed + on.stats.prefiltered).toBe(off.stats.parsed);
  });

  it('skips files with none of the vocabulary, and keeps near misses', () => {
    const py = languageSpec('python');
    const ts = languageSpec('typescript');
    expect(prefilter.mayMatch('def add(a, b):\n    return a + b\n', py)).toBe(false);
    expect(prefilter.mayMatch('export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);\n', ts)).toBe(false);
    // A mutating verb is only a verb as the first word of a name: `recreate`, `postgres` are not.
    expect(prefilter.mayMatch('for i in range(3):\n    recreate(postgres)\n', py)).toBe(false);
    expect(prefilter.mayMatch('for i in range(3):\n    _charge_card(x)\n', py)).toBe(true);
    expect(prefilter.mayMatch('while (n--) { await api.CreateRefund(x); }\n', ts)).toBe(true);
    expect(prefilter.mayMatch('while (n--) { await api.postJSON(x); }\n', ts)).toBe(true);
    // Excluded words drop a name: createElement never mutates.
    expect(prefilter.mayMatch('for (;;) { document.createElement("a"); }\n', ts)).toBe(false);
    // Escaped identifiers defeat text tests: never skipped.
    expect(prefilter.mayMatch('const \\u0063harge = 1;\n', ts)).toBe(true);
  });

  it('follows the vocabulary: a config verb makes its files candidates', () => {
    const py = languageSpec('python');
    const text = 'for attempt in range(3):\n    try:\n        ledger.enqueue_job(x)\n        break\n    except Exception:\n        pass\n';
    expect(prefilter.mayMatch(text, py)).toBe(false);
    const extended = mergeVocabularies(vocab, VocabularySchema.parse({ calls: { mutating: { verbs: ['enqueue'] } } }));
    const rules = loadRules({ builtin: true, extra: [], vocab: extended });
    expect(buildPrefilter(rules, extended).mayMatch(text, py)).toBe(true);
    expect(scanSource(text, 'x.py', py, rules, extended).findings.map((f) => f.ruleId)).toContain('AP-001');
  });
});
