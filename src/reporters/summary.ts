import type { Rule } from '../engine/rule.js';
import { isOpenFinding } from '../engine/finding-state.js';
import { RISKS, type Finding, type Risk } from '../engine/types.js';

/** Findings grouped by rule id, rules ordered by risk (high first) then id. */
export function groupByRule(findings: readonly Finding[]): { ruleId: string; findings: Finding[] }[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const g = groups.get(f.ruleId);
    if (g) g.push(f);
    else groups.set(f.ruleId, [f]);
  }
  const rank = (fs: Finding[]) => Math.min(...fs.map((f) => RISKS.indexOf(f.risk)));
  return [...groups.entries()]
    .sort(([a, fa], [b, fb]) => rank(fa) - rank(fb) || a.localeCompare(b))
    .map(([ruleId, fs]) => ({ ruleId, findings: fs }));
}

/** Counts by risk. */
export function countByRisk(findings: readonly Finding[]): Record<Risk, number> {
  const out: Record<Risk, number> = { high: 0, medium: 0, low: 0 };
  for (const f of findings) out[f.risk]++;
  return out;
}

/**
 * The seed's summary line for one anti-pattern:
 * `AP-001: Retry Without Idempotency\n  → Found in codebase: 3 locations (HIGH RISK)`.
 */
export function extractionLines(rule: Pick<Rule, 'id' | 'title' | 'risk'>, count: number): string[] {
  const where = count === 0 ? 'not found in codebase' : `Found in codebase: ${count} location${count === 1 ? '' : 's'} (${rule.risk.toUpperCase()} RISK)`;
  return [`${rule.id}: ${rule.title}`, `  → ${where}`];
}

/** Findings that count: not suppressed and not already in the baseline. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter(isOpenFinding);
}

/** `6 findings (5 high, 1 medium, 0 low)` for the open findings, plus how many are suppressed or in the baseline. */
export function findingsSummary(findings: readonly Finding[]): string {
  const open = activeFindings(findings);
  const byRisk = countByRisk(open);
  const parts = [`${open.length} finding${open.length === 1 ? '' : 's'} (${byRisk.high} high, ${byRisk.medium} medium, ${byRisk.low} low)`];
  const suppressed = findings.filter((f) => f.suppression !== undefined).length;
  const known = findings.filter((f) => f.suppression === undefined && f.baselineState === 'unchanged').length;
  if (suppressed > 0) parts.push(`${suppressed} suppressed`);
  if (known > 0) parts.push(`${known} already in the baseline`);
  return parts.join(', ');
}
