import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { builtinRulesDir } from '../package-root.js';
import type { Rule } from '../engine/rule.js';
import { mergeVocabularies, type Vocabulary } from '../matchers/index.js';
import { loadBuiltinVocabulary, loadRules, ruleFilesAt } from '../rules-loader/load-rules.js';
import { loadConfig, type Config } from './config.js';
import { configForPaths } from './find-config.js';

/** Everything a command needs before scanning: the config, the vocabulary and the rule registry. */
export interface Setup {
  config: Config;
  vocab: Vocabulary;
  rules: Rule[];
  /** The folder the first path names (or holds). */
  scanRoot: string;
  /** Every rule id known to this run: built-in (even with --no-builtin), extra and disabled ones. */
  knownRuleIds: string[];
}

export interface SetupOptions {
  paths: readonly string[];
  cwd: string;
  config?: string | undefined;
  rules: readonly string[];
  builtin: boolean;
}

/**
 * Loads config, vocabulary and rules for a scan of `paths`. The config is `--config` when given,
 * else the nearest `faultline.config.yaml` at or above the scanned paths (see `configForPaths`).
 * @throws ScanError subclasses.
 */
export function loadSetup(options: SetupOptions): Setup {
  const first = resolve(options.cwd, options.paths[0] ?? '.');
  const scanRoot = existsSync(first) && !statSync(first).isDirectory() ? dirname(first) : first;
  const file = options.config === undefined ? configForPaths(options.paths.length > 0 ? options.paths : ['.'], options.cwd) : resolve(options.cwd, options.config);
  const config = loadConfig(file, scanRoot);
  const builtinVocab = loadBuiltinVocabulary();
  const vocab = config.vocabulary ? mergeVocabularies(builtinVocab, config.vocabulary) : builtinVocab;
  const loaded = loadRules({
    builtin: options.builtin,
    extra: [...config.rules, ...options.rules.map((r) => resolve(options.cwd, r))],
    vocab,
  });
  const knownRuleIds = [...new Set([...builtinRuleIds(), ...loaded.map((r) => r.id)])].sort();
  checkDisabledIds(config, knownRuleIds);
  const rules = loaded.filter((r) => !config.disable.includes(r.id));
  return { config, vocab, rules, scanRoot, knownRuleIds };
}

/** A misspelt id in `disable:` would leave the rule on without a word. @throws ConfigError */
function checkDisabledIds(config: Config, known: readonly string[]): void {
  config.disable.forEach((id, index) => {
    if (known.includes(id)) return;
    const line = config.lineOf(['disable', index]) ?? 1;
    throw new ConfigError(`Cannot load config ${config.file}:${line}: disable: unknown rule id "${id}" (known: ${known.join(', ')})`, {
      file: config.file ?? '',
      line,
      help: 'Use an id that `faultline rules` lists.',
    });
  });
}

/** Ids of the built-in rules, from their file names (`AP-001-<slug>.yaml`), loaded or not. */
function builtinRuleIds(): string[] {
  return ruleFilesAt(builtinRulesDir()).flatMap((f) => /^([A-Z][A-Z0-9]*-\d{3,})-/.exec(basename(f))?.[1] ?? []);
}
