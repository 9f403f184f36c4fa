/**
 * The GitHub Action's job summary: a Markdown table of the open findings of a `faultline scan
 * --format json` report, so findings past the annotations GitHub shows per step (10 errors and 10
 * warnings) are still listed. Run as `node step-summary-cli.js REPORT.json FAIL_ON`; it appends to
 * `$GITHUB_STEP_SUMMARY` and sets the `findings` and `gating` step outputs in `$GITHUB_OUTPUT`.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { RISKS, type Risk } from '../engine/types.js';
import type { JsonReport } from '../reporters/json.js';

/** Rows past this are counted, not listed: a job summary holds at most 1 MiB. */
export const MAX_ROWS = 500;

type Gate = Risk | 'none';

const atOrAbove = (risk: Risk, gate: Gate) => gate !== 'none' && RISKS.indexOf(risk) <= RISKS.indexOf(gate);

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
}

/** The open findings of a report: not suppressed, not already in the baseline. */
function openFindings(report: JsonReport): JsonReport['findings'] {
  return report.findings.filter((f) => f.suppression === undefined && f.baselineState !== 'unchanged');
}

/** The summary Markdown for a report and a gate. */
export function renderStepSummary(report: JsonReport, gate: Gate, options: { serverUrl?: string; repository?: string; sha?: string } = {}): string {
  const open = openFindings(report);
  const gating = open.filter((f) => atOrAbove(f.risk, gate)).length;
  const lines = [`### faultline: ${open.length === 0 ? 'no findings' : `${open.length} finding${open.length === 1 ? '' : 's'}`}`, ''];
  const counts = RISKS.map((r) => `${open.filter((f) => f.risk === r).length} ${r}`).join(', ');
  lines.push(`${report.summary.filesScanned} files scanned; ${counts}. Gate \`--fail-on ${gate}\`: ${gating === 0 ? 'passed' : `**${gating} at or above it**`}.`, '');
  if (open.length > 0) {
    const link = (file: string, line: number) =>
      options.serverUrl && options.repository && options.sha
        ? `[${cell(file)}:${line}](${options.serverUrl}/${options.repository}/blob/${options.sha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line})`
        : `${cell(file)}:${line}`;
    lines.push('| risk | rule | location | finding |', '| --- | --- | --- | --- |');
    for (const f of open.slice(0, MAX_ROWS)) lines.push(`| ${f.risk}${atOrAbove(f.risk, gate) ? ' ⛔' : ''} | ${f.ruleId} ${cell(f.slug)} | ${link(f.file, f.line)} | ${cell(f.message)} |`);
    if (open.length > MAX_ROWS) lines.push('', `…and ${open.length - MAX_ROWS} more: see the SARIF upload or the JSON report.`);
    lines.push('');
  }
  if (report.errors.length > 0) lines.push(`${report.errors.length} file${report.errors.length === 1 ? '' : 's'} not fully scanned (see the scan step's log).`, '');
  return lines.join('\n') + '\n';
}

/** The step: reads the report, appends the summary, writes the outputs; a problem is exit 2 naming the file. */
export function runStepSummary(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): number {
  const [reportPath, gateArg = 'high'] = argv;
  if (reportPath === undefined || !['high', 'medium', 'low', 'none'].includes(gateArg)) {
    process.stderr.write('usage: step-summary REPORT.json [high|medium|low|none]\n');
    return 2;
  }
  let report: JsonReport;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8')) as JsonReport;
  } catch (error) {
    process.stderr.write(`error: cannot read the faultline report ${reportPath}: ${(error as Error).message}\n`);
    return 2;
  }
  const gate = gateArg as Gate;
  const markdown = renderStepSummary(report, gate, { serverUrl: env.GITHUB_SERVER_URL, repository: env.GITHUB_REPOSITORY, sha: env.GITHUB_SHA });
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
  else process.stdout.write(markdown);
  const open = openFindings(report);
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `findings=${open.length}\ngating=${open.filter((f) => atOrAbove(f.risk, gate)).length}\n`);
  return 0;
}

