import type { Finding } from './types.js';

/**
 * Whether a finding is open: not suppressed by a `faultline-ignore` comment and not already in the
 * baseline. Only open findings are listed by the text and github reporters and count for
 * `--fail-on`; SARIF keeps every finding and marks the others (`suppressions`, `baselineState`).
 */
export function isOpenFinding(finding: Finding): boolean {
  return finding.suppression === undefined && finding.baselineState !== 'unchanged';
}
