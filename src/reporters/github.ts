/**
 * The `github` format: GitHub Actions workflow commands, so findings show up as annotations on
 * the pull request without SARIF or code scanning.
 *
 * ```
 * ::error file=app/pay.py,line=7,col=17,endLine=7,endColumn=34,title=AP-001 retry-without-idempotency::`gateway.charge` runs again…
 * ```
 *
 * One line per open finding (high: `error`, medium: `warning`, low: `notice`); suppressed findings
 * and findings already in the baseline are not printed. Scan warnings become `warning` commands.
 * Paths are relative to `ctx.srcRoot` (the repository root), which is what GitHub resolves them
 * against. The output ends with one plain summary line. GitHub shows a limited number of
 * annotations per step; the SARIF upload has them all.
 */
import { isOpenFinding } from '../engine/finding-state.js';
import type { Rule } from '../engine/rule.js';
import type { Finding, Risk, ScanWarning } from '../engine/types.js';
import { srcRootPath } from './src-root-path.js';
import type { Reporter, ReportContext } from './types.js';

/** Risk to workflow command. */
export const GITHUB_COMMAND: Readonly<Record<Risk, 'error' | 'warning' | 'notice'>> = { high: 'error', medium: 'warning', low: 'notice' };

/** Escapes a workflow command's message (`%`, CR, LF). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command property value (as data, plus `:` and `,`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: [string, string | number | undefined][], message: string): string {
  const list = props
    .filter((p): p is [string, string | number] => p[1] !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${list === '' ? '' : ` ${list}`}::${escapeData(message)}`;
}

function findingCommand(f: Finding, rule: Rule | undefined, ctx: ReportContext): string {
  const lines = [/[.!?]$/.test(f.message) ? f.message : `${f.message}.`];
  if (rule !== undefined) lines.push(`help: ${rule.help.trim().replace(/\s*\n\s*/g, ' ')}`);
  const incidents = f.incidents ?? rule?.metadata?.incidents ?? [];
  if (incidents.length > 0) lines.push(`incidents: ${incidents.join(', ')}`);
  return command(
    GITHUB_COMMAND[f.risk],
    [
      ['file', srcRootPath(f.file, ctx) ?? f.file],
      ['line', f.line],
      ['col', f.column],
      ['endLine', f.endLine],
      ['endColumn', f.endColumn],
      ['title', `${f.ruleId} ${f.slug}`],
    ],
    lines.join('\n'),
  );
}

function warningCommand(w: ScanWarning, ctx: ReportContext): string {
  return command('warning', [['file', srcRootPath(w.file, ctx) ?? w.file], ['line', w.line], ['title', `faultline: ${w.kind}`]], w.message);
}

/** The `github` reporter. */
export const githubReporter: Reporter = (result, ctx) => {
  const rules = new Map(ctx.rules.map((r) => [r.id, r]));
  const open = result.findings.filter(isOpenFinding);
  const out = [...open.map((f) => findingCommand(f, rules.get(f.ruleId), ctx)), ...result.warnings.map((w) => warningCommand(w, ctx))];
  const counts = (['high', 'medium', 'low'] as const).map((risk) => [risk, open.filter((f) => f.risk === risk).length] as const).filter(([, n]) => n > 0);
  const extra: string[] = [];
  const suppressed = result.findings.filter((f) => f.suppression !== undefined).length;
  const baselined = result.findings.filter((f) => f.suppression === undefined && f.baselineState === 'unchanged').length;
  if (suppressed > 0) extra.push(`${suppressed} suppressed`);
  if (baselined > 0) extra.push(`${baselined} in baseline`);
  if (result.baselineFixed !== undefined && result.baselineFixed > 0) extra.push(`${result.baselineFixed} fixed since baseline`);
  const summary =
    `faultline: ${open.length} finding${open.length === 1 ? '' : 's'}` +
    (counts.length > 0 ? ` (${counts.map(([risk, n]) => `${n} ${risk}`).join(', ')})` : '') +
    ` in ${result.filesScanned} file${result.filesScanned === 1 ? '' : 's'}` +
    (extra.length > 0 ? `; ${extra.join(', ')}` : '');
  out.push(summary);
  return `${out.join('\n')}\n`;
};
