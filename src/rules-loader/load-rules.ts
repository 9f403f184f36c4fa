import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RuleLoadError, RuleSchemaError } from '../errors.js';
import { RuleSchema, type Rule } from '../engine/rule.js';
import { VocabularySchema, type Vocabulary } from '../matchers/index.js';
import { builtinRulesDir } from '../package-root.js';
import { compileRule } from './compile-rule.js';
import { describeSchemaProblem, parseYamlSource, type YamlSource } from '../yaml-source.js';

/** The vocabulary file that sits beside the built-in rules. */
export const VOCABULARY_FILE = 'vocabulary.yaml';

function readYaml(file: string): YamlSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new RuleLoadError(`Cannot read rule file ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, {
      file,
      cause,
      help: 'Check the path given to --rules (a rule file or a folder of them).',
    });
  }
  const parsed = parseYamlSource(text);
  if (!parsed.ok) {
    throw new RuleLoadError(`Cannot load ${file}:${parsed.line}: invalid YAML: ${parsed.message}`, { file, line: parsed.line, help: 'Fix the YAML syntax at that line.' });
  }
  return parsed.source;
}

/** Reads and validates a vocabulary file (the built-in one, or a config's `vocabulary:` block). */
export function loadVocabularyFile(file: string): Vocabulary {
  const source = readYaml(file);
  const parsed = VocabularySchema.safeParse(source.data);
  if (!parsed.success) {
    const { where, message, line } = describeSchemaProblem(source, parsed.error);
    throw new RuleSchemaError(`Cannot load ${file}:${line}: ${where}: ${message}`, { file, line, help: 'See "Vocabularies" in the README.' });
  }
  return parsed.data;
}

/** The built-in vocabulary. */
export function loadBuiltinVocabulary(): Vocabulary {
  return loadVocabularyFile(join(builtinRulesDir(), VOCABULARY_FILE));
}

/**
 * Loads one rule file: YAML, strict schema, file name equal to `<id>-<slug>.yaml`, signature
 * compiled against the vocabulary.
 * @throws RuleLoadError, RuleSchemaError, UnknownMatcherError naming the file and line.
 */
export function loadRuleFile(file: string, vocab: Vocabulary): Rule {
  const source = readYaml(file);
  const parsed = RuleSchema.safeParse(source.data);
  if (!parsed.success) {
    const { where, message, line } = describeSchemaProblem(source, parsed.error);
    throw new RuleSchemaError(`Cannot load ${file}:${line}: ${where}: ${message}`, {
      file,
      line,
      help: 'See "Writing rules" in the README for the rule format.',
    });
  }
  const spec = parsed.data;
  const expected = `${spec.id}-${spec.slug}.yaml`;
  if (basename(file) !== expected && basename(file) !== expected.replace(/\.yaml$/, '.yml')) {
    throw new RuleSchemaError(`Cannot load ${file}: its name must be ${expected} (id ${spec.id}, slug ${spec.slug})`, {
      file,
      line: 1,
      help: 'Rename the file, or fix its id/slug: one rule per file, named <id>-<slug>.yaml.',
    });
  }
  return compileRule(spec, file, vocab, (path) => source.lineOf(path) ?? 1);
}

/** Rule files under a path: the file itself, or every `*.yaml`/`*.yml` in a folder but the vocabulary. */
export function ruleFilesAt(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch (cause) {
    throw new RuleLoadError(`Cannot load rules from ${path}: no such file or folder`, { file: path, cause, help: 'Check the path given to --rules.' });
  }
  if (!stat.isDirectory()) return [path];
  const files = readdirSync(path)
    .filter((f) => /\.ya?ml$/.test(f) && f !== VOCABULARY_FILE)
    .sort()
    .map((f) => join(path, f));
  // A folder without rules is a wrong path, not an empty rule set.
  if (files.length === 0) {
    throw new RuleLoadError(`Cannot load rules from ${path}: the folder holds no rule files (*.yaml, *.yml)`, {
      file: path,
      help: 'Check the path given to --rules (or rules: in the config); rule files are named <id>-<slug>.yaml.',
    });
  }
  return files;
}

/**
 * Loads the rule registry: built-in rules (unless `builtin` is false) then each extra file or
 * folder. Two rules with one id are refused, naming both files.
 */
export function loadRules(options: { builtin: boolean; extra: readonly string[]; vocab: Vocabulary }): Rule[] {
  const files = [...(options.builtin ? ruleFilesAt(builtinRulesDir()) : []), ...options.extra.flatMap(ruleFilesAt)];
  const rules: Rule[] = [];
  for (const file of files) {
    const rule = loadRuleFile(file, options.vocab);
    const clash = rules.find((r) => r.id === rule.id);
    if (clash) {
      throw new RuleSchemaError(`Cannot load ${file}: rule id ${rule.id} is already defined in ${clash.source}`, {
        file,
        line: 1,
        help: 'Ids are never reused: give the new rule the next free number.',
      });
    }
    rules.push(rule);
  }
  return rules;
}
