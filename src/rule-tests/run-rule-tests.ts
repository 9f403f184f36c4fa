import { relative, resolve, sep } from 'node:path';
import { loadConfig } from '../config/config.js';
import { languageForPath } from '../engine/languages.js';
import type { Rule } from '../engine/rule.js';
import { UsageError } from '../errors.js';
import { mergeVocabularies } from '../matchers/index.js';
import { builtinRulesDir } from '../package-root.js';
import { loadBuiltinVocabulary, loadRules, ruleFilesAt } from '../rules-loader/load-rules.js';
import { checkFixture, type FixtureResult } from './check-fixture.js';
import { fixturesFor, fixturesIn } from './find-fixtures.js';

export interface RuleTestOptions {
  /** Rule files or folders to test; none: the built-in rules. */
  paths: readonly string[];
  /** Extra folders of fixtures (`--fixtures`), walked recursively. */
  fixtures: readonly string[];
  cwd: string;
  /** Config whose `vocabulary:` the rules compile against (default: faultline.config.yaml in cwd). */
  config?: string | undefined;
}

export interface RuleTestReport {
  results: FixtureResult[];
  /** Ids of tested rules that no fixture exercised. */
  untested: string[];
}

/**
 * Runs rule fixtures, as `semgrep --test` does: loads the built-in rules and the given ones (so
 * fixtures may name either), finds each rule path's fixtures, checks each fixture's annotations.
 * @throws ScanError subclasses for a bad rule, config or path; UsageError when there is nothing to test.
 */
export function runRuleTests(options: RuleTestOptions): RuleTestReport {
  if (options.paths.length === 0 && options.fixtures.length === 0) {
    throw new UsageError('faultline test needs rule files or folders, or --fixtures DIR for the built-in rules', {
      help: 'Examples: faultline test rules/AP-004-my-rule.yaml   faultline test rules/   faultline test --fixtures fixtures/',
    });
  }
  const config = loadConfig(options.config === undefined ? undefined : resolve(options.cwd, options.config), options.cwd);
  const builtinVocab = loadBuiltinVocabulary();
  const vocab = config.vocabulary ? mergeVocabularies(builtinVocab, config.vocabulary) : builtinVocab;
  const builtinFiles = ruleFilesAt(builtinRulesDir()).map((f) => resolve(f));
  const givenFiles = options.paths.flatMap((p) => ruleFilesAt(resolve(options.cwd, p))).map((f) => resolve(f));
  // Testing the built-in rules folder itself must not load its rules twice.
  const files = [...new Set([...builtinFiles, ...givenFiles])];
  const rules = loadRules({ builtin: false, extra: files, vocab });
  const given = new Set(givenFiles);
  const tested: Rule[] = options.paths.length > 0 ? rules.filter((r) => given.has(resolve(r.source))) : rules;
  const known = new Set(rules.map((r) => r.id));

  const fixtureFiles = [...new Set([...options.paths.flatMap((p) => fixturesFor(p, options.cwd)), ...options.fixtures.flatMap((d) => fixturesIn(d, options.cwd))])];
  const results: FixtureResult[] = [];
  for (const file of fixtureFiles) {
    const language = languageForPath(file);
    if (language === undefined) continue;
    const label = relative(options.cwd, file).split(sep).join('/');
    results.push(checkFixture(file, label, language, tested, known, vocab));
  }
  const exercised = new Set(results.flatMap((r) => r.rules));
  return { results, untested: tested.map((r) => r.id).filter((id) => !exercised.has(id)) };
}

/** The report as text: every failing fixture with its mismatches, untested rules, then a summary line. */
export function formatRuleTests(report: RuleTestReport): string {
  const lines: string[] = [];
  for (const r of report.results) {
    if (r.mismatches.length === 0) continue;
    lines.push(`FAIL ${r.file}${r.rules.length > 0 ? ` (${r.rules.join(', ')})` : ''}`, ...r.mismatches.map((m) => `  ${m}`));
  }
  for (const id of report.untested) lines.push(`FAIL ${id}: no fixture tests this rule (add ${id}-<slug>.py beside it, or a tests/ folder)`);
  const failed = report.results.filter((r) => r.mismatches.length > 0).length;
  const checks = report.results.reduce((n, r) => n + r.checks, 0);
  lines.push(`${report.results.length} fixtures, ${checks} annotations: ${report.results.length - failed} passed, ${failed} failed${report.untested.length > 0 ? `; ${report.untested.length} rules untested` : ''}`);
  return lines.join('\n') + '\n';
}

/** Whether every fixture passed and every tested rule has one. */
export function ruleTestsPassed(report: RuleTestReport): boolean {
  return report.untested.length === 0 && report.results.every((r) => r.mismatches.length === 0);
}
