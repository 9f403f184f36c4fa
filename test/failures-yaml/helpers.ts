import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../../src/engine/rule.js';
import type { Vocabulary } from '../../src/matchers/index.js';
import { loadBuiltinVocabulary, loadRules } from '../../src/rules-loader/load-rules.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

let cached: { vocab: Vocabulary; builtinRules: Rule[] } | undefined;

/** The built-in vocabulary and rules, loaded once per test file. */
export function builtins(): { vocab: Vocabulary; builtinRules: Rule[] } {
  if (cached === undefined) {
    const vocab = loadBuiltinVocabulary();
    cached = { vocab, builtinRules: loadRules({ builtin: true, extra: [], vocab }) };
  }
  return cached;
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'faultline-failures-'));
}

/** Copies a fixture (or writes text) into a fresh temporary folder and returns its path. */
export function tempFile(nameOrText: string, options: { text?: boolean; name?: string } = {}): string {
  const text = options.text === true ? nameOrText : readFileSync(join(FIXTURES, nameOrText), 'utf8');
  const path = join(tempDir(), options.name ?? (options.text === true ? 'failures.yaml' : nameOrText));
  writeFileSync(path, text);
  return path;
}
