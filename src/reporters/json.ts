import type { ScanResult } from '../engine/types.js';
import type { Reporter, ReportContext } from './types.js';
import { activeFindings, countByRisk } from './summary.js';

/** Version of the JSON shape; bump it on any change to the fields below. */
export const JSON_REPORT_VERSION = 1;

/**
 * The JSON report, documented in the README:
 * `{ version, tool: { name, version }, summary: { filesScanned, findings, suppressed, byRisk },
 *    findings: Finding[], errors: ScanWarning[], failures?: { file, occurrences, written } }`
 * (`failures` only with --failures: the occurrences_in_codebase lists per anti-pattern id).
 */
export const jsonReporter: Reporter = (result, ctx) => JSON.stringify(jsonReport(result, ctx), null, 2) + '\n';

/** The JSON report as data: what `--format json` prints and what the library's `scan()` returns. */
export type JsonReport = ReturnType<typeof jsonReport>;

/** Builds the JSON report model; only the version and the failures block come from the context. */
export function jsonReport(result: ScanResult, ctx: Pick<ReportContext, 'version' | 'failures'>) {
  const active = activeFindings(result.findings);
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: 'faultline', version: ctx.version },
    summary: {
      filesScanned: result.filesScanned,
      findings: active.length,
      suppressed: result.findings.length - active.length,
      byRisk: countByRisk(active),
      ...(result.baselineFixed !== undefined ? { baselineFixed: result.baselineFixed } : {}),
    },
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      slug: f.slug,
      title: f.title,
      risk: f.risk,
      file: f.file,
      language: f.language,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      message: f.message,
      code: f.code,
      related: f.related,
      captures: f.captures,
      ...(f.incidents ? { incidents: f.incidents } : {}),
      ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}),
      ...(f.suppression ? { suppression: f.suppression } : {}),
      ...(f.baselineState ? { baselineState: f.baselineState } : {}),
    })),
    errors: result.warnings,
    ...(ctx.failures ? { failures: ctx.failures } : {}),
  };
}
