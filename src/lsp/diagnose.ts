import { relative, resolve, sep } from 'node:path';
import { languageForPath } from '../engine/languages.js';
import { settleAlone } from '../engine/link.js';
import type { Rule } from '../engine/rule.js';
import { scanSource } from '../engine/scan-source.js';
import { applySuppressions, findSuppressions } from '../engine/suppressions.js';
import type { Finding, ScanWarning } from '../engine/types.js';
import type { Vocabulary } from '../matchers/index.js';

/** One open document's analysis: its open findings and the warnings about it. */
export interface DocumentAnalysis {
  findings: Finding[];
  warnings: ScanWarning[];
}

/**
 * Analyses an editor buffer as `faultline scan` analyses that file alone: one parse, every rule,
 * same-file helpers and links, `faultline-ignore` comments. Facts from other files (an imported
 * retry wrapper, a queue configured elsewhere) are not read here. Returns undefined for a file
 * faultline does not scan.
 */
export function analyseDocument(path: string, text: string, root: string, rules: readonly Rule[], vocab: Vocabulary): DocumentAnalysis | undefined {
  const language = languageForPath(path);
  if (language === undefined) return undefined;
  const file = relative(root, resolve(path)).split(sep).join('/');
  const raw = scanSource(text, file, language, rules, vocab);
  const settled = settleAlone(raw, file, language.id);
  const suppressions = text.includes('faultline-ignore') ? findSuppressions(text, language.lineComment) : [];
  const applied = applySuppressions(settled, suppressions, file);
  return { findings: applied.findings.filter((f) => f.suppression === undefined), warnings: [...raw.warnings, ...applied.warnings] };
}

/** The line that suppresses `ruleId` on `line` (0-based) of `text`: a comment above it, at its indentation. */
export function suppressionLine(text: string, line: number, ruleId: string, lineComment: '#' | '//', reason = '<why this is safe>'): string {
  const target = text.split('\n')[line] ?? '';
  const indent = /^\s*/.exec(target)?.[0] ?? '';
  return `${indent}${lineComment} faultline-ignore ${ruleId}: ${reason}\n`;
}
