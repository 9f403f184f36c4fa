import { languageSpec } from '../../src/engine/languages.js';
import type { Rule } from '../../src/engine/rule.js';
import { settleAlone } from '../../src/engine/link.js';
import { scanSource } from '../../src/engine/scan-source.js';
import type { Finding, RuleLanguage } from '../../src/engine/types.js';
import { loadBuiltinVocabulary, loadRules } from '../../src/rules-loader/load-rules.js';

export const vocab = loadBuiltinVocabulary();
export const builtinRules: Rule[] = loadRules({ builtin: true, extra: [], vocab });

/** Scans an inline snippet with the built-in rules (or one of them) and returns its findings. */
export function scan(code: string, language: RuleLanguage = 'python', ruleId?: string): Finding[] {
  const rules = ruleId === undefined ? builtinRules : builtinRules.filter((r) => r.id === ruleId);
  const file = language === 'python' ? 'snippet.py' : language === 'typescript' ? 'snippet.ts' : 'snippet.js';
  return settleAlone(scanSource(code, file, languageSpec(language), rules, vocab), file, language);
}

/** `ruleId@line` for each finding, for compact assertions. */
export function lines(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}@${f.line}`);
}
