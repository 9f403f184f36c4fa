import { splitSentences } from '../analysis/anti-pattern-matching.js';
import { allDerived, deriveConstraints, postmortemLessons, type DerivedConstraints } from '../analysis/derived-constraints.js';
import { enrichFailureModes } from '../analysis/failure-modes.js';
import { analyzeIncidents, type AnalyzedIncident } from '../analysis/incident-analysis.js';
import { assessRisk, assessRootCauseCoverage, criticalWarnings, type CriticalWarning } from '../analysis/preparedness.js';
import { HIGH_RELEVANCE_THRESHOLD, type TimeWindow } from '../analysis/relevance.js';
import type { ClusteringOptions } from '../analysis/ticket-clustering.js';
import { analyzeTickets, distinctSamples, type TicketPattern } from '../analysis/ticket-patterns.js';
import type { CatalogueEntry } from '../catalogue/anti-pattern-catalogue.js';
import { ContextInputError } from '../errors.js';
import type { Incident } from '../incidents/incident-schema.js';
import type { Manifold } from '../manifold/manifold-schema.js';
import type { Postmortem } from '../postmortems/postmortem-types.js';
import { monthsBefore, pluralMonths } from '../text/dates.js';
import type { Ticket } from '../tickets/ticket-schema.js';
import { buildActionItems } from './action-items.js';
import { identifyAntiPatterns } from './anti-pattern-entries.js';
import type { FailuresReport, IncidentEntry, PostmortemEntry, ReportComment, TicketPatternEntry } from './failures-report.js';

/** Everything the analysis reads, already parsed. */
export interface FailureContextInput {
  manifold: Manifold;
  incidents: readonly Incident[];
  postmortems: readonly Postmortem[];
  tickets: readonly Ticket[];
  /** Anti-patterns that can be recognised (built-in rules with `signals`, plus the user's). */
  catalogue: readonly CatalogueEntry[];
  /** `anti_patterns` of an existing failures YAML: kept as written, with their ids. */
  existingAntiPatterns?: readonly Record<string, unknown>[];
}

/** How to analyse. `now` is the only notion of "today" the analysis has. */
export interface FailureContextOptions {
  now: Date;
  /** Months of history to consider (the seed's `--timeframe`). */
  timeframeMonths: number;
  /** Relevance score for "high relevance" (default 0.6). */
  highRelevanceThreshold?: number;
  clustering?: Partial<ClusteringOptions>;
  /** Written as `meta.analyzed_at` (default `now` as ISO 8601). */
  analyzedAt?: string;
}

/** The analysis result: the report to write, comments to attach, and the console's warnings. */
export interface FailureContext {
  report: FailuresReport;
  comments: ReportComment[];
  warnings: CriticalWarning[];
  /** Every ticket id of each reported ticket pattern, in the report's order (for measurement; not written). */
  ticketPatternIds: string[][];
}

/**
 * Run phases 1–4 of the seed on parsed failure history: relevance of incidents, postmortems joined
 * to incidents, ticket patterns, anti-patterns, derived constraints, failure-mode enrichment,
 * action items and the summary. Pure and deterministic: same input and options, same report.
 *
 * @throws ContextInputError when two records share an incident id or a ticket id
 */
export function analyzeFailureContext(input: FailureContextInput, options: FailureContextOptions): FailureContext {
  assertUniqueIds(input.incidents.map((i) => ({ id: i.incidentId, source: i.source })), 'incident');
  assertUniqueIds(input.tickets.map((t) => ({ id: t.id, source: t.source })), 'ticket');
  const threshold = options.highRelevanceThreshold ?? HIGH_RELEVANCE_THRESHOLD;
  const window: TimeWindow = { start: monthsBefore(options.now, options.timeframeMonths), now: options.now };
  const { manifold, catalogue } = input;

  const postmortemsByIncident = new Map<string, Postmortem[]>();
  for (const pm of [...input.postmortems].sort((a, b) => cmp(a.id, b.id))) {
    postmortemsByIncident.set(pm.incidentId, [...(postmortemsByIncident.get(pm.incidentId) ?? []), pm]);
  }
  const postmortemTexts = new Map([...postmortemsByIncident].map(([id, pms]) => [id, pms.flatMap(postmortemEvidenceTexts)]));

  const incidents = analyzeIncidents(input.incidents, manifold, window, threshold, catalogue, postmortemTexts);
  const high = incidents.analyzed.filter((a) => a.relevance.high);
  const tickets = analyzeTickets(input.tickets, manifold, window, catalogue, options.clustering, incidents.analyzed);
  const knownIncidents = new Set(input.incidents.map((i) => i.incidentId));
  const joined = incidents.analyzed.flatMap((a) => postmortemsByIncident.get(a.incident.incidentId) ?? []);
  const orphans = [...input.postmortems].filter((pm) => !knownIncidents.has(pm.incidentId)).sort((a, b) => cmp(a.id, b.id));

  const { entries: antiPatternEntries, identified } = identifyAntiPatterns(incidents.analyzed, tickets.patterns, catalogue, input.existingAntiPatterns ?? []);
  const lessonsByIncident = new Map([...postmortemsByIncident].map(([id, pms]) => [id, pms.flatMap((pm) => postmortemLessons(pm))]));
  const derived = deriveConstraints(high, identified, tickets.patterns, manifold.constraints, lessonsByIncident);
  const enrichment = enrichFailureModes(manifold, incidents.analyzed, tickets.patterns, identified, options.timeframeMonths);
  const coverage = assessRootCauseCoverage(manifold, high, derived);
  const openOnHigh = high.flatMap((a) => postmortemsByIncident.get(a.incident.incidentId) ?? []).reduce((n, pm) => n + pm.actionItems.incomplete.length, 0);
  const risk = assessRisk(incidents.analyzed, coverage, identified, openOnHigh);
  const lessons = new Map(incidents.analyzed.map((a) => [a.incident.incidentId, lessonOf(a, postmortemsByIncident.get(a.incident.incidentId) ?? [], derived)]));

  const comments: ReportComment[] = [];
  const postmortemEntries = [...joined, ...orphans].map((pm, i): PostmortemEntry => {
    pm.actionItems.incomplete.forEach((_, k) => comments.push({ path: ['postmortem_analysis', i, 'action_items', 'incomplete', k], text: ' still open' }));
    return {
      id: pm.id,
      incident: pm.incidentId,
      incident_found: knownIncidents.has(pm.incidentId),
      source: pm.source,
      five_whys: pm.fiveWhys.map((w) => ({ why: w.why, because: w.because })),
      action_items: { completed: pm.actionItems.completed, incomplete: pm.actionItems.incomplete },
      systemic_issues: pm.systemicIssues,
      ...(pm.lessons.length > 0 ? { lessons: pm.lessons } : {}),
    };
  });

  const newlyDiscovered = enrichment.discovered.map((fm, i) => {
    comments.push({ path: ['enriched_failure_modes', 'newly_discovered', i, 'probability'], text: ` ${fm.probabilityBasis}` });
    comments.push({ path: ['enriched_failure_modes', 'newly_discovered', i, 'impact'], text: ` ${fm.impactBasis}` });
    return {
      id: fm.id,
      source: fm.source,
      incidents: fm.incidents,
      scenario: fm.scenario,
      probability: fm.probability,
      impact: fm.impact,
      constraints_violated: fm.constraintsViolated,
      ...(fm.detection ? { detection: fm.detection } : {}),
      ...(fm.mitigation ? { mitigation: fm.mitigation } : {}),
      ...(fm.prevention ? { prevention: fm.prevention } : {}),
    };
  });

  const criticalLessons = [...new Set(high.map((a) => lessons.get(a.incident.incidentId)?.text ?? '').filter((l) => l.length > 0))].slice(0, 5);
  const report: FailuresReport = {
    meta: {
      manifold: manifold.name,
      analyzed_at: options.analyzedAt ?? options.now.toISOString(),
      timeframe: pluralMonths(options.timeframeMonths),
      high_relevance_threshold: threshold,
      sources: {
        incidents: `${count(incidents.read)} read, ${count(incidents.analyzed.length)} analyzed`,
        postmortems: `${count(input.postmortems.length)} read, ${count(joined.length)} analyzed`,
        tickets: `${count(tickets.scanned)} scanned, ${count(tickets.relevant)} relevant`,
      },
    },
    summary: {
      high_relevance_incidents: high.length,
      anti_patterns_identified: antiPatternEntries.length,
      new_constraints_derived: allDerived(derived).length,
      new_failure_modes_discovered: enrichment.discovered.length,
      risk_assessment: risk,
      critical_lessons: criticalLessons,
    },
    incidents: incidents.analyzed.map((a) => incidentEntry(a, postmortemsByIncident.get(a.incident.incidentId)?.[0], lessons.get(a.incident.incidentId)?.line ?? '')),
    postmortem_analysis: postmortemEntries,
    ticket_patterns: tickets.patterns.map(patternEntry),
    anti_patterns: antiPatternEntries,
    derived_constraints: {
      from_incidents: derived.fromIncidents.map((g) => ({ incident: g.incident, generated_constraints: g.constraints })),
      from_anti_patterns: derived.fromAntiPatterns.map((g) => ({ anti_pattern: g.antiPattern, generated_constraints: g.constraints })),
      from_ticket_patterns: derived.fromTicketPatterns.map((g) => ({ pattern: g.pattern, generated_constraints: g.constraints })),
    },
    enriched_failure_modes: {
      existing_in_manifold: enrichment.documented.map((d) => ({ id: d.id, status: 'already_documented' as const, observed_in: d.observedIn })),
      newly_discovered: newlyDiscovered,
    },
    action_items: buildActionItems({
      derivedCount: allDerived(derived).length,
      discoveredCount: enrichment.discovered.length,
      antiPatterns: antiPatternEntries,
      postmortems: [...joined, ...orphans],
      highIncidentIds: new Set(high.map((a) => a.incident.incidentId)),
      goals: derived.fromTicketPatterns.flatMap((g) => g.constraints),
    }),
  };
  return { report, comments, warnings: criticalWarnings(coverage), ticketPatternIds: tickets.patterns.map((p) => p.tickets.map((t) => t.id)) };
}

/** The lesson of an incident: its postmortem's first lesson, else its first derived constraint, else its root cause. */
function lessonOf(a: AnalyzedIncident, postmortems: readonly Postmortem[], derived: DerivedConstraints): { text: string; line: string } {
  const apIds = new Set(a.antiPatterns.map((m) => m.entry.id));
  const text =
    postmortems.flatMap((pm) => pm.lessons)[0] ??
    derived.fromIncidents.find((g) => g.incident === a.incident.incidentId)?.constraints[0]?.statement ??
    derived.fromAntiPatterns.find((g) => apIds.has(g.antiPattern))?.constraints[0]?.statement ??
    splitSentences(a.incident.rootCause)[0] ??
    a.incident.description.flatMap(splitSentences)[0] ??
    a.incident.title;
  const critical = a.incident.severityLevel === 'P0' || a.incident.severityLevel === 'P1';
  return { text, line: critical ? `CRITICAL: ${text}` : text };
}

function incidentEntry(a: AnalyzedIncident, postmortem: Postmortem | undefined, lesson: string): IncidentEntry {
  const i = a.incident;
  const resolution = i.resolution
    ? { ...(i.resolution.immediate ? { immediate: i.resolution.immediate } : {}), ...(i.resolution.permanent ? { permanent: i.resolution.permanent } : {}) }
    : undefined;
  return {
    incident_id: i.incidentId,
    date: i.date,
    severity: i.severity,
    title: i.title,
    source: i.source,
    ...(i.description.length > 0 ? { description: i.description.join('\n') } : {}),
    ...(i.timeline.length > 0 ? { timeline: i.timeline } : {}),
    ...(i.rootCause ? { root_cause: i.rootCause } : {}),
    ...(i.contributingFactors.length > 0 ? { contributing_factors: i.contributingFactors } : {}),
    ...(resolution && Object.keys(resolution).length > 0 ? { resolution } : {}),
    ...(i.detectionTime ? { detection_time: i.detectionTime } : {}),
    ...(i.resolutionTime ? { resolution_time: i.resolutionTime } : {}),
    ...(i.customerImpact ? { customer_impact: i.customerImpact } : {}),
    ...(i.financialImpact ? { financial_impact: i.financialImpact } : {}),
    ...(postmortem ? { postmortem: postmortem.id } : {}),
    relevance_to_manifold: {
      relevance_score: a.relevance.score,
      high_relevance: a.relevance.high,
      recency: a.relevance.recency,
      reasons: a.relevance.reasons,
      matched_terms: { entities: a.relevance.matched.entities, systems: a.relevance.matched.systems, error_types: a.relevance.matched.errorTypes },
      constraints_affected: a.constraintsAffected,
      anti_patterns: a.antiPatterns.map((m) => m.entry.id),
      anti_pattern_evidence: a.antiPatterns.map((m) => ({ id: m.entry.id, sentence: m.evidence ?? m.terms.join(', ') })),
      lesson,
    },
  };
}

function patternEntry(p: TicketPattern): TicketPatternEntry {
  const ap = p.antiPatterns[0];
  return {
    pattern: p.label,
    ticket_count: p.tickets.length,
    timeframe: pluralMonths(p.months),
    first_seen: p.firstSeen,
    last_seen: p.lastSeen,
    tickets_per_month: p.perMonth,
    key_terms: p.keyTerms,
    sample_tickets: distinctSamples(p.tickets, 3).map((t) => `${t.id}: ${t.title}`),
    ...(ap ? { root_pattern: `${ap.title} (${ap.id})` } : {}),
    anti_patterns: p.antiPatterns.map((e) => e.id),
    constraints_affected: p.constraintsAffected,
  };
}

function assertUniqueIds(records: readonly { id: string; source: string }[], kind: string): void {
  const first = new Map<string, string>();
  for (const r of records) {
    const before = first.get(r.id);
    if (before !== undefined) {
      throw new ContextInputError(`${r.source}: ${kind} ${r.id} is already defined in ${before}`, {
        help: `Give each ${kind} a unique id, or remove the duplicate export`,
        file: r.source,
      });
    }
    first.set(r.id, r.source);
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A postmortem's prose that may evidence an anti-pattern: its causes, lessons and narrative. */
function postmortemEvidenceTexts(pm: Postmortem): string[] {
  return [...pm.fiveWhys.map((w) => w.because), ...pm.lessons, ...pm.systemicIssues, ...pm.narrative];
}
