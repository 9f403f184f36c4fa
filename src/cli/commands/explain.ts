import { relative } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Rule } from '../../engine/rule.js';
import { wrap } from '../../reporters/wrap.js';
import type { CliIo } from '../io.js';
import { loadSetup } from '../../config/load-setup.js';
import { withRuleSetOptions, type RuleSetFlags } from '../rule-set-options.js';

/**
 * Registers `faultline explain RULE`: a rule's rationale, examples and fix, as `ruff rule` prints
 * them, read from the rule's own data (its YAML file), so custom rules explain themselves too.
 */
export function registerExplainCommand(program: Command, io: CliIo): void {
  const command = program
    .command('explain')
    .description("print a rule's rationale, examples and fix")
    .argument('<rule>', 'rule id or slug (AP-001, retry-without-idempotency)');
  withRuleSetOptions(command).action((name: string, opts: RuleSetFlags) => {
    const { rules } = loadSetup({ paths: ['.'], cwd: io.cwd, config: opts.config, rules: opts.rules, builtin: opts.builtin });
    const wanted = name.toLowerCase();
    const rule = rules.find((r) => r.id.toLowerCase() === wanted || r.slug === wanted);
    if (rule === undefined) {
      throw new UsageError(`Unknown rule "${name}"`, {
        help: `Use one of: ${rules.map((r) => `${r.id} (${r.slug})`).join(', ') || 'no rule is loaded'}.`,
      });
    }
    io.stdout(explainRule(rule, io.cwd));
  });
}

/** The text `faultline explain` prints for one rule, wrapped to 80 columns. */
export function explainRule(rule: Rule, cwd: string): string {
  const out: string[] = [];
  const para = (text: string) => text.trim().split(/\n\s*\n/).flatMap((p, i) => [...(i > 0 ? [''] : []), ...wrap(p, { first: '  ', indent: '  ' })]);
  out.push(`${rule.id} ${rule.slug}: ${rule.title}`);
  out.push(...wrap(`Risk: ${rule.risk} (${rule.consequence}). Languages: ${rule.languages.join(', ')}.`, { indent: '  ' }));
  const meta = rule.metadata;
  const facts = [
    meta?.incidents?.length ? `Incidents: ${meta.incidents.join(', ')}.` : '',
    meta?.cwe?.length ? `${meta.cwe.join(', ')}.` : '',
    meta?.confidence ? `Confidence: ${meta.confidence}.` : '',
  ].filter((f) => f !== '');
  if (facts.length > 0) out.push(...wrap(facts.join(' '), { indent: '  ' }));
  if (rule.deprecated !== undefined) out.push(...wrap(`Deprecated: ${rule.deprecated}`, { indent: '  ' }));
  out.push('', 'Why this is a problem', ...para(rule.rationale));
  for (const example of rule.examples ?? []) {
    out.push('', `Example (${example.language}), flagged:`, '', ...codeBlock(example.bad));
    out.push('', 'Use instead:', '', ...codeBlock(example.good));
  }
  out.push('', 'How to fix it', ...para(rule.help));
  const prevention = rule.prevention;
  if (prevention && prevention.must_include.length > 0) out.push('', '  Must include:', ...prevention.must_include.map((p) => `    - ${p}`));
  if (prevention && prevention.must_exclude.length > 0) out.push('', '  Must exclude:', ...prevention.must_exclude.map((p) => `    - ${p}`));
  if (meta?.references?.length) out.push('', 'References', ...meta.references.map((r) => `  ${r}`));
  const where = relative(cwd, rule.source);
  out.push('', `Defined in ${where === '' || where.startsWith('..') ? rule.source : where}.`, 'Suppress one finding with a comment on its line or the line above:');
  out.push(`  # faultline-ignore ${rule.id}: <why this is safe>   (// or /* */ in TS/JS)`);
  return out.join('\n') + '\n';
}

function codeBlock(code: string): string[] {
  return code.replace(/\n+$/, '').split('\n').map((line) => (line === '' ? '' : `    ${line}`));
}
