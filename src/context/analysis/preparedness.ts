import type { Manifold } from '../manifold/manifold-schema.js';
import { contentStems } from '../text/tokenize.js';
import type { DerivedConstraint, DerivedConstraints, IdentifiedAntiPattern } from './derived-constraints.js';
import { genericStems } from './failure-modes.js';
import type { AnalyzedIncident } from './incident-analysis.js';

/** Whether the manifold already carries a constraint against an incident's root cause. */
export interface RootCauseCoverage {
  incident: AnalyzedIncident;
  /** undefined when nothing was derived for the incident, so coverage cannot be judged. */
  addressed: boolean | undefined;
  /** The constraint that would address it: the first derived one the manifold lacks. */
  missing: DerivedConstraint | undefined;
}

/** A high-impact incident whose root cause the manifold does not address. */
export interface CriticalWarning {
  incidentId: string;
  title: string;
  /** What it cost: financial impact, else customer impact, else its severity. */
  impact: string;
  constraintId: string | undefined;
}

/** The seed's `risk_assessment`. */
export interface RiskAssessment {
  repeat_probability: 'high' | 'medium' | 'low';
  preparedness: 'high' | 'medium' | 'low';
}

/**
 * For each high-relevance incident, check whether some manifold constraint already states one of
 * the constraints derived for it (its own, and those of the anti-patterns it shows). A derived
 * statement counts as stated when a manifold constraint (statement and keywords) shares at least
 * half of its distinctive content words: words that are not themselves manifold entities or
 * systems, since every constraint of a payment manifold mentions "payment".
 */
export function assessRootCauseCoverage(
  manifold: Manifold,
  high: readonly AnalyzedIncident[],
  derived: DerivedConstraints,
): RootCauseCoverage[] {
  const generic = genericStems(manifold);
  const distinctive = (text: string): Set<string> => new Set(contentStems(text).filter((s) => !generic.has(s)));
  const manifoldStems = manifold.constraints.map((c) => distinctive([c.statement, ...(c.keywords ?? [])].join(' ')));
  const stated = (d: DerivedConstraint): boolean => {
    const own = distinctive(d.statement);
    if (own.size === 0) return false;
    return manifoldStems.some((m) => {
      let shared = 0;
      for (const s of own) if (m.has(s)) shared += 1;
      return shared >= Math.max(1, Math.ceil(own.size / 2));
    });
  };
  return high.map((incident) => {
    const apIds = new Set(incident.antiPatterns.map((m) => m.entry.id));
    const candidates = [
      ...derived.fromIncidents.filter((g) => g.incident === incident.incident.incidentId).flatMap((g) => g.constraints),
      ...derived.fromAntiPatterns.filter((g) => apIds.has(g.antiPattern)).flatMap((g) => g.constraints),
    ];
    if (candidates.length === 0) return { incident, addressed: undefined, missing: undefined };
    const addressed = candidates.some(stated);
    return { incident, addressed, missing: addressed ? undefined : candidates[0] };
  });
}

/** An incident is high-impact when it is P0/P1 or records a financial impact. */
export function isHighImpact(a: AnalyzedIncident): boolean {
  return a.incident.severityLevel === 'P0' || a.incident.severityLevel === 'P1' || !!a.incident.financialImpact;
}

/** Critical warnings: high-impact incidents whose root cause is not addressed. */
export function criticalWarnings(coverage: readonly RootCauseCoverage[]): CriticalWarning[] {
  return coverage
    .filter((c) => c.addressed === false && isHighImpact(c.incident))
    .map((c) => ({
      incidentId: c.incident.incident.incidentId,
      title: c.incident.incident.title,
      impact: c.incident.incident.financialImpact ?? c.incident.incident.customerImpact ?? `${c.incident.incident.severityLevel} severity`,
      constraintId: c.missing?.id,
    }));
}

/**
 * Risk assessment:
 *
 * - repeat_probability is high when an anti-pattern shows in two or more analysed incidents or a
 *   high-relevance incident's postmortem still has open action items; medium when there is any
 *   high-relevance incident; low otherwise;
 * - preparedness is the share of judgeable high-relevance incidents whose root cause the manifold
 *   addresses: 75%+ high, 40%+ medium, else low (high when there is nothing to judge).
 */
export function assessRisk(
  analyzed: readonly AnalyzedIncident[],
  coverage: readonly RootCauseCoverage[],
  antiPatterns: readonly IdentifiedAntiPattern[],
  openItemsOnHighIncidents: number,
): RiskAssessment {
  const high = analyzed.filter((a) => a.relevance.high);
  const recurring = antiPatterns.some((ap) => ap.incidents.length >= 2);
  const repeat = recurring || openItemsOnHighIncidents > 0 ? 'high' : high.length > 0 ? 'medium' : 'low';
  const judged = coverage.filter((c) => c.addressed !== undefined);
  const share = judged.length === 0 ? 1 : judged.filter((c) => c.addressed).length / judged.length;
  return { repeat_probability: repeat, preparedness: share >= 0.75 ? 'high' : share >= 0.4 ? 'medium' : 'low' };
}
