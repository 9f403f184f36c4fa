import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fg from 'fast-glob';
import { scanFiles, type ScanFilesOptions, type ScanRunOptions } from '../../src/scan/scan-files.js';
import type { Rule } from '../../src/engine/rule.js';
import type { Vocabulary } from '../../src/matchers/index.js';
import { builtinRules, vocab as builtinVocab } from '../support/scan.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Every source file of the fixtures and the example project, absolute and sorted. */
export function corpusFiles(root = ROOT): string[] {
  return fg.sync(['fixtures/**/*.{py,ts,tsx,js,mjs,cjs,jsx}', 'examples/**/*.{py,ts,tsx,js,mjs,cjs,jsx}'], { cwd: root, absolute: true }).sort();
}

/** A private copy of the fixtures and the example project, for tests that edit files. */
export function copyCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-perf-'));
  cpSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'), { recursive: true });
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}

/** scanFiles with the built-in rules and the CLI's defaults. */
export function scanCorpus(files: string[], cwd: string, run: ScanRunOptions, rules: Rule[] = builtinRules, vocab: Vocabulary = builtinVocab) {
  return scanFiles(files, { ...corpusOptions(cwd, rules, vocab), ...run });
}

/** The CLI's default scan options for the corpus at `cwd`. */
export function corpusOptions(cwd: string, rules: Rule[] = builtinRules, vocab: Vocabulary = builtinVocab): ScanFilesOptions {
  return {
    cwd,
    rules,
    vocab,
    maxFileSize: 1024 * 1024,
    testFileRisk: 'low',
    testFilePatterns: ['test_*.py'],
    suppressions: true,
    types: false,
    typeRoots: [cwd],
  };
}
