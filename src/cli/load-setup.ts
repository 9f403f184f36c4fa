import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Rule } from '../engine/rule.js';
import { mergeVocabularies, type Vocabulary } from '../matchers/index.js';
import { loadBuiltinVocabulary, loadRules } from '../rules-loader/load-rules.js';
import { loadConfig, type Config } from './config.js';

/** Everything a command needs before scanning: the config, the vocabulary and the rule registry. */
export interface Setup {
  config: Config;
  vocab: Vocabulary;
  rules: Rule[];
  /** The folder the first path names (or holds), where the config is looked up. */
  scanRoot: string;
}

export interface SetupOptions {
  paths: readonly string[];
  cwd: string;
  config?: string | undefined;
  rules: readonly string[];
  builtin: boolean;
}

/** Loads config, vocabulary and rules for a scan of `paths`. @throws ScanError subclasses. */
export function loadSetup(options: SetupOptions): Setup {
  const first = resolve(options.cwd, options.paths[0] ?? '.');
  const scanRoot = existsSync(first) && !statSync(first).isDirectory() ? dirname(first) : first;
  const config = loadConfig(options.config === undefined ? undefined : resolve(options.cwd, options.config), scanRoot);
  const builtinVocab = loadBuiltinVocabulary();
  const vocab = config.vocabulary ? mergeVocabularies(builtinVocab, config.vocabulary) : builtinVocab;
  const rules = loadRules({
    builtin: options.builtin,
    extra: [...config.rules, ...options.rules.map((r) => resolve(options.cwd, r))],
    vocab,
  }).filter((r) => !config.disable.includes(r.id));
  return { config, vocab, rules, scanRoot };
}
