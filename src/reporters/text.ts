import pc from 'picocolors';
import type { Rule } from '../engine/rule.js';
import type { Finding, Risk } from '../engine/types.js';
import { activeFindings, countByRisk, extractionLines, groupByRule } from './summary.js';
import type { Reporter, ReportContext } from './types.js';
import { clip, REPORT_WIDTH, wrap } from './wrap.js';

type Colors = ReturnType<typeof pc.createColors>;

/**
 * The terminal report, laid out for 80 columns: findings grouped by anti-pattern (highest risk
 * first), each group opening with the rule's `help:` and incidents once; then each finding as
 * `path:line:col RISK ID slug`, its message, a code frame with the span underlined and its related
 * locations. It ends with the seed-shaped ANTI-PATTERN EXTRACTION summary (one line for the
 * anti-patterns not found) and the counts.
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
    const count = `${group.findings.length} location${group.findings.length === 1 ? '' : 's'}`;
    out.push(...wrap(`${group.ruleId} ${first.title} (${first.risk.toUpperCase()}) — ${count}`, { indent: '  ' }).map((l) => c.bold(l)));
    if (rule) out.push(...labelled('help:', rule.help, c.green));
    const incidents = [...new Set(group.findings.flatMap((f) => f.incidents ?? rule?.metadata?.incidents ?? []))];
    if (incidents.length > 0) out.push(...labelled('incident:', incidents.join(', '), c.magenta));
    out.push('');
    for (const f of group.findings) {
      out.push(...wrap(`${f.file}:${f.line}:${f.column} ${f.risk.toUpperCase()} ${f.ruleId} ${f.slug}`, { indent: '  ' }).map((l) => colourHeader(l, f, c, riskColor)));
      out.push(...wrap(f.message, { first: '  ', indent: '  ' }));
      out.push(...codeFrame(ctx.sources.get(f.file), f, c));
      // A related location in the finding's own file is named by its line only: the path is just above.
      for (const r of f.related) out.push(...wrap(`↳ ${r.file !== undefined && r.file !== f.file ? `${r.file}:` : 'line '}${r.line}:${r.column} ${r.message}`, { first: '  ', indent: '    ' }).map((l) => c.dim(l)));
      if (f.baselineState === 'new') out.push(`  ${c.dim('new since baseline')}`);
      out.push('');
    }
  }
  // With a failures YAML the preamble already is the extraction summary, in the file's terms.
  if (ctx.preamble === undefined) out.push(...extraction(result.findings, ctx.rules, c), '');
  for (const w of result.warnings) out.push(...wrap(`warning: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`, { indent: '  ' }).map((l) => c.yellow(l)));
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
  out.push(...wrap(parts.join('; '), { indent: '  ' }));
  return out.join('\n') + '\n';
};

/** `  help: …` wrapped under its label. */
function labelled(label: string, text: string, colour: (s: string) => string): string[] {
  const lines = wrap(text, { first: `  ${label} `, indent: ' '.repeat(label.length + 3) });
  return lines.map((l, i) => (i === 0 ? `  ${colour(label)}${l.slice(label.length + 2)}` : l));
}

/** Colours the parts of a finding's header line that it holds (a wrapped header keeps its words). */
function colourHeader(line: string, f: Finding, c: Colors, riskColor: Record<Risk, (s: string) => string>): string {
  return line
    .split(' ')
    .map((word) => {
      if (word === `${f.file}:${f.line}:${f.column}`) return c.bold(word);
      if (word === f.risk.toUpperCase()) return riskColor[f.risk](word);
      if (word === f.slug) return c.dim(word);
      return word;
    })
    .join(' ');
}

/**
 * The seed's ANTI-PATTERN EXTRACTION block for the anti-patterns found (baselined occurrences are
 * found too: the baseline only decides what gates); those not found share one line.
 */
function extraction(all: readonly Finding[], rules: readonly Rule[], c: Colors): string[] {
  const found = all.filter((f) => f.suppression === undefined);
  const counts = new Map<string, number>();
  const known = new Map<string, number>();
  for (const f of found) {
    counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    if (f.baselineState === 'unchanged') known.set(f.ruleId, (known.get(f.ruleId) ?? 0) + 1);
  }
  const live = rules.filter((r) => r.deprecated === undefined);
  const missing = live.filter((r) => !counts.has(r.id)).map((r) => r.id);
  if (missing.length === live.length) {
    return wrap(`ANTI-PATTERN EXTRACTION: none of ${missing.join(', ')} found`, { indent: '  ' }).map((l, i) => (i === 0 ? c.bold(l) : l));
  }
  const out = [c.bold('ANTI-PATTERN EXTRACTION')];
  for (const rule of live) {
    const n = counts.get(rule.id);
    if (n === undefined) continue;
    const lines = extractionLines(rule, n);
    const inBaseline = known.get(rule.id);
    if (inBaseline !== undefined) lines[1] += ` (${inBaseline} in the baseline)`;
    out.push(...lines);
  }
  if (missing.length > 0) out.push(...wrap(`Not found: ${missing.join(', ')}`, { indent: '  ' }));
  return out;
}

/** Up to two lines either side of the finding, its first line marked and its span underlined, clipped to the report width. */
function codeFrame(source: string | undefined, f: Finding, c: Colors): string[] {
  if (source === undefined) return [];
  const lines = source.split('\n');
  const from = Math.max(1, f.line - 2);
  const to = Math.min(lines.length, f.line + 2);
  const width = String(to).length;
  const room = REPORT_WIDTH - (width + 7);
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const text = (lines[n - 1] ?? '').replace(/\t/g, ' ').replace(/\r$/, '');
    const mark = n === f.line ? c.red('>') : ' ';
    out.push(`  ${mark} ${String(n).padStart(width)} | ${clip(text, room)}`);
    if (n === f.line && f.column - 1 < room) {
      const end = Math.min(f.endLine === f.line ? f.endColumn : text.length + 1, room + 1);
      const length = Math.max(1, end - f.column);
      out.push(`    ${' '.repeat(width)} | ${' '.repeat(f.column - 1)}${c.red('^'.repeat(length))}`);
    }
  }
  return out;
}

export type { ReportContext };
