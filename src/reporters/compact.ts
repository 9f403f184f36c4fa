import { activeFindings } from './summary.js';
import type { Reporter } from './types.js';

/**
 * One line per open finding, `path:line:col: RISK AP-001 message`, the shape editors and `grep`
 * read (as ESLint's and Ruff's compact/concise formats); scan warnings follow as
 * `path:line:col: WARNING kind: message`. Nothing else is printed.
 */
export const compactReporter: Reporter = (result) => {
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');
  const lines = activeFindings(result.findings).map((f) => `${f.file}:${f.line}:${f.column}: ${f.risk.toUpperCase()} ${f.ruleId} ${oneLine(f.message)}`);
  for (const w of result.warnings) lines.push(`${w.file}:${w.line ?? 1}:1: WARNING ${w.kind}: ${oneLine(w.message)}`);
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
};
