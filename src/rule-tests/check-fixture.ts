import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { LanguageSpec } from '../engine/languages.js';
import { settleAlone } from '../engine/link.js';
import type { Rule } from '../engine/rule.js';
import { scanSource } from '../engine/scan-source.js';
import type { Vocabulary } from '../matchers/index.js';
import { parseAnnotations } from './annotations.js';

/** The outcome of one fixture file: how many annotations it checked and what did not hold. */
export interface FixtureResult {
  /** The fixture's path as given (for messages). */
  file: string;
  /** Ids of the rules it was scanned with. */
  rules: string[];
  /** Annotations checked. */
  checks: number;
  /** What did not hold, each `line N: …`; empty when the fixture passes. */
  mismatches: string[];
}

/**
 * The rules a fixture tests: those its path names (a folder or file name that is, or starts with,
 * the id: `AP-004/`, `AP-004-x.py`) and those its annotations name.
 */
export function rulesOfFixture(path: string, annotated: readonly string[], rules: readonly Rule[]): Rule[] {
  const segments = path.split(/[\\/]/);
  const named = (id: string) => segments.some((s) => s === id || s.startsWith(`${id}-`) || s.startsWith(`${id}.`) || s.startsWith(`${id}_`));
  return rules.filter((r) => named(r.id) || annotated.includes(r.id));
}

/**
 * Scans a fixture alone with the rules it names (as the built-in fixture harness does) and checks
 * its annotations: every `expect:` line gets a finding of that rule starting on it, every finding
 * is expected (`todo-ok:` marks a known false positive), `todo-` annotations that started to hold
 * must be promoted. A fixture that does not parse, has a malformed annotation, names a rule that
 * is not loaded or names no rule at all fails.
 */
export function checkFixture(file: string, label: string, language: LanguageSpec, tested: readonly Rule[], known: ReadonlySet<string>, vocab: Vocabulary): FixtureResult {
  const text = readFileSync(file, 'utf8');
  const { annotations, problems } = parseAnnotations(text, language.lineComment);
  const mismatches = problems.map((p) => `line ${p.line}: ${p.message}`);
  for (const a of annotations) if (!known.has(a.ruleId)) mismatches.push(`line ${a.at}: ${a.kind}: ${a.ruleId} names no loaded rule`);
  const rules = rulesOfFixture(label, annotations.map((a) => a.ruleId), tested);
  if (rules.length === 0) {
    return { file: label, rules: [], checks: 0, mismatches: [...mismatches, 'names no tested rule: put it in a folder or file named by the rule id, or annotate it (expect: / ok:)'] };
  }
  // As a scan of this one file would: its own module is the project's only one, so a library it
  // imports (`from django.core.mail import send_mail as …`) is not taken for a project helper.
  const raw = scanSource(text, label, language, rules, vocab, { projectModules: new Set([basename(file).replace(/\.[^.]+$/, '')]) });
  for (const w of raw.warnings) mismatches.push(`${w.line !== undefined ? `line ${w.line}: ` : ''}does not scan cleanly: ${w.message}`);
  const findings = settleAlone(raw, label, language.id);
  const ids = new Set(rules.map((r) => r.id));
  const mine = annotations.filter((a) => ids.has(a.ruleId));
  const has = (kind: string, ruleId: string, line: number) => mine.some((a) => a.kind === kind && a.ruleId === ruleId && a.line === line);
  const fires = (ruleId: string, line: number) => findings.some((f) => f.ruleId === ruleId && f.line === line);

  for (const a of mine) {
    if (a.kind === 'expect' && !fires(a.ruleId, a.line)) mismatches.push(`line ${a.line}: missing: expected ${a.ruleId}, got nothing`);
    if (a.kind === 'todo-expect' && fires(a.ruleId, a.line)) mismatches.push(`line ${a.line}: ${a.ruleId} now fires: promote todo-expect to expect`);
    if (a.kind === 'todo-ok' && !fires(a.ruleId, a.line)) mismatches.push(`line ${a.line}: ${a.ruleId} is now quiet: promote todo-ok to ok`);
  }
  for (const f of findings) {
    if (!has('expect', f.ruleId, f.line) && !has('todo-ok', f.ruleId, f.line) && !has('todo-expect', f.ruleId, f.line)) {
      mismatches.push(`line ${f.line}: unexpected ${f.ruleId}${has('ok', f.ruleId, f.line) ? ' (annotated ok)' : ''}: ${f.message}`);
    }
  }
  mismatches.sort((a, b) => lineOf(a) - lineOf(b));
  return { file: label, rules: [...ids], checks: mine.length, mismatches };
}

const lineOf = (message: string) => Number(/^line (\d+)/.exec(message)?.[1] ?? 0);
