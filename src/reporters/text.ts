import pc from 'picocolors';
import type { Finding, Risk } from '../engine/types.js';
import { activeFindings, countByRisk, extractionLines, groupByRule } from './summary.js';
import type { Reporter, ReportContext } from './types.js';

/**
 * The terminal report: findings grouped by anti-pattern (highest risk first), each with
 * `path:line:col RISK ID slug`, the message, a code frame with the span underlined, `help:` and the
 * incident behind the rule; then the seed-shaped ANTI-PATTERN EXTRACTION summary and counts.
 */
export const textReporter: Reporter = (result, ctx) => {
  const c = pc.createColors(ctx.color);
  const riskColor: Record<Risk, (s: string) => string> = { high: (s) => c.bold(c.red(s)), medium: c.yellow, low: c.cyan };
  const out: string[] = [];
  if (ctx.preamble) out.push(ctx.preamble, '');
  const findings = activeFindings(result.findings);
  const byId = new Map(ctx.rules.map((r) => [r.id, r]));
  for (const group of groupByRule(findings)) {
    const rule = byId.get(group.ruleId);
    const first = group.findings[0] as Finding;
    out.push(c.bold(`${group.ruleId} ${first.title} (${first.risk.toUpperCase()}) — ${group.findings.length} location${group.findings.length === 1 ? '' : 's'}`), '');
    for (const f of group.findings) {
      out.push(`${c.bold(`${f.file}:${f.line}:${f.column}`)} ${riskColor[f.risk](f.risk.toUpperCase())} ${f.ruleId} ${c.dim(f.slug)}`);
      out.push(`  ${f.message}`);
      out.push(...codeFrame(ctx.sources.get(f.file), f, c));
      for (const r of f.related) out.push(c.dim(`  ↳ ${f.file}:${r.line}:${r.column} ${r.message}`));
      if (rule) out.push(`  ${c.green('help:')} ${rule.help}`);
      const incidents = f.incidents ?? rule?.metadata?.incidents ?? [];
      if (incidents.length > 0) out.push(`  ${c.magenta('incident:')} ${incidents.join(', ')}`);
      if (f.baselineState === 'new') out.push(`  ${c.dim('new since baseline')}`);
      out.push('');
    }
  }
  // With a failures YAML the preamble already is the extraction summary, in the file's terms.
  if (ctx.preamble === undefined) {
    out.push(c.bold('ANTI-PATTERN EXTRACTION'));
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    for (const rule of ctx.rules) {
      if (rule.deprecated !== undefined) continue;
      out.push(...extractionLines(rule, counts.get(rule.id) ?? 0));
    }
    out.push('');
  }
  for (const w of result.warnings) out.push(c.yellow(`warning: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`));
  const byRisk = countByRisk(findings);
  const suppressed = result.findings.filter((f) => f.suppression !== undefined).length;
  const known = result.findings.filter((f) => f.suppression === undefined && f.baselineState === 'unchanged').length;
  const parts = [
    `Scanned ${result.filesScanned} file${result.filesScanned === 1 ? '' : 's'}`,
    `${findings.length} finding${findings.length === 1 ? '' : 's'} (${byRisk.high} high, ${byRisk.medium} medium, ${byRisk.low} low)`,
  ];
  if (suppressed > 0) parts.push(`${suppressed} suppressed`);
  if (known > 0) parts.push(`${known} already in the baseline`);
  if (result.baselineFixed !== undefined) parts.push(`${result.baselineFixed} fixed since baseline`);
  if (result.warnings.length > 0) parts.push(`${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}`);
  out.push(parts.join('; '));
  return out.join('\n') + '\n';
};

/** Up to two lines either side of the finding, its first line marked and its span underlined. */
function codeFrame(source: string | undefined, f: Finding, c: ReturnType<typeof pc.createColors>): string[] {
  if (source === undefined) return [];
  const lines = source.split('\n');
  const from = Math.max(1, f.line - 2);
  const to = Math.min(lines.length, f.line + 2);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const text = (lines[n - 1] ?? '').replace(/\t/g, ' ');
    const mark = n === f.line ? c.red('>') : ' ';
    out.push(`  ${mark} ${String(n).padStart(width)} | ${text}`);
    if (n === f.line) {
      const end = f.endLine === f.line ? f.endColumn : text.length + 1;
      const length = Math.max(1, end - f.column);
      out.push(`    ${' '.repeat(width)} | ${' '.repeat(f.column - 1)}${c.red('^'.repeat(length))}`);
    }
  }
  return out;
}

export type { ReportContext };
