import type { SeverityLevel } from '../incidents/incident-schema.js';
import type { Manifold } from '../manifold/manifold-schema.js';
import { TermIndex } from '../text/term-index.js';
import { contentStems } from '../text/tokenize.js';
import type { IdentifiedAntiPattern } from './derived-constraints.js';
import type { AnalyzedIncident } from './incident-analysis.js';
import type { TicketPattern } from './ticket-patterns.js';

/** A manifold failure mode and the records that show it happening. */
export interface DocumentedFailureMode {
  id: string;
  observedIn: string[];
}

/** A failure scenario the manifold does not list yet. */
export interface DiscoveredFailureMode {
  id: string;
  /** The incident it was first seen in, or `ticket_pattern_analysis`. */
  source: string;
  incidents: string[];
  scenario: string;
  probability: 'high' | 'medium' | 'low';
  /** Why that probability: `happened 3 times in 12 months`. */
  probabilityBasis: string;
  impact: 'critical' | 'high' | 'medium' | 'low';
  /** Why that impact: `P1; 47 customers overcharged`. */
  impactBasis: string;
  constraintsViolated: string[];
  detection: string | undefined;
  mitigation: string | undefined;
  prevention: string | undefined;
}

/** Failure modes already in the manifold and those discovered. */
export interface FailureModeEnrichment {
  documented: DocumentedFailureMode[];
  discovered: DiscoveredFailureMode[];
}

/** Ticket patterns below this size do not become failure modes. */
export const MIN_TICKETS_FOR_FAILURE_MODE = 10;

const IMPACT_BY_SEVERITY: Record<SeverityLevel, DiscoveredFailureMode['impact']> = {
  P0: 'critical',
  P1: 'critical',
  P2: 'high',
  P3: 'medium',
  P4: 'low',
};

/** Incidents per timeframe → probability: 1 low, 2–3 medium, 4+ high. */
export function probabilityFromCount(count: number): DiscoveredFailureMode['probability'] {
  return count >= 4 ? 'high' : count >= 2 ? 'medium' : 'low';
}

/** Tickets per month → probability: 10+ high, 3+ medium, else low. */
export function probabilityFromRate(perMonth: number): DiscoveredFailureMode['probability'] {
  return perMonth >= 10 ? 'high' : perMonth >= 3 ? 'medium' : 'low';
}

/**
 * True when a record's content stems cover at least half the distinctive content words of a
 * failure mode's scenario (and at least two of them, or all when it has fewer). Distinctive words
 * exclude `generic` ones (the manifold's entity and system names, which every record shares),
 * unless nothing else is left.
 */
export function showsFailureMode(stems: ReadonlySet<string>, scenario: string, generic: ReadonlySet<string> = new Set()): boolean {
  const all = contentStems(scenario);
  const distinctive = all.filter((s) => !generic.has(s));
  const own = new Set(distinctive.length > 0 ? distinctive : all);
  let shared = 0;
  for (const s of own) if (stems.has(s)) shared += 1;
  return shared > 0 && shared >= Math.min(own.size, Math.max(2, Math.ceil(own.size / 2)));
}

/**
 * Sort failure history into the manifold's failure modes and new ones.
 *
 * An incident shows a documented failure mode when the mode lists it in `incident_refs` or the
 * incident's text covers the mode's scenario (see `showsFailureMode`).
 * High-relevance incidents that show no documented failure mode become new modes, grouped by their
 * first anti-pattern (incidents without one stand alone). Probability comes from how many analysed
 * incidents show the same anti-pattern in the timeframe, impact from the worst severity (P0/P1
 * critical, P2 high, P3 medium, P4 low). Ticket patterns of `MIN_TICKETS_FOR_FAILURE_MODE`+
 * tickets that show no documented or new mode are added with source `ticket_pattern_analysis`,
 * probability from their monthly rate and impact from their anti-pattern's risk (else medium).
 * A pattern that is the support-side echo of an incident already covered by a failure mode (it
 * shows the same anti-pattern, or two of its key terms that are not manifold entities or systems
 * appear in the incident's title, root cause or contributing factors) adds no failure mode.
 */
export function enrichFailureModes(
  manifold: Manifold,
  analyzed: readonly AnalyzedIncident[],
  patterns: readonly TicketPattern[],
  antiPatterns: readonly IdentifiedAntiPattern[],
  timeframeMonths: number,
): FailureModeEnrichment {
  const existing = manifold.failureModes;
  const generic = genericStems(manifold);
  const patternStems = patterns.map((p) => new Set(contentStems([p.label, ...p.keyTerms, ...p.tickets.slice(0, 5).map((t) => t.title)].join(' '))));
  const documented = existing.map((fm) => ({
    id: fm.id,
    observedIn: [
      ...analyzed
        .filter((a) => (fm.incident_refs ?? []).includes(a.incident.incidentId) || showsFailureMode(a.stems, fm.scenario, generic))
        .map((a) => a.incident.incidentId),
      ...patterns.filter((_, i) => showsFailureMode(patternStems[i] ?? new Set(), fm.scenario, generic)).map((p) => `ticket pattern "${p.label}"`),
    ],
  }));
  const documentedIncidents = new Set(documented.flatMap((d) => d.observedIn));

  const groups = new Map<string, AnalyzedIncident[]>();
  for (const a of analyzed) {
    if (!a.relevance.high || documentedIncidents.has(a.incident.incidentId)) continue;
    const key = a.antiPatterns[0]?.entry.id ?? `incident:${a.incident.incidentId}`;
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  const discovered: DiscoveredFailureMode[] = [];
  for (const [key, group] of groups) {
    const lead = group[0];
    if (!lead) continue;
    const apId = key.startsWith('incident:') ? undefined : key;
    const occurrences = apId ? analyzed.filter((a) => a.antiPatterns.some((m) => m.entry.id === apId)).length : group.length;
    const worst = group.map((a) => a.incident.severityLevel).sort()[0] ?? 'P4';
    const ap = antiPatterns.find((p) => p.id === apId);
    const impactDetail = [lead.incident.customerImpact, lead.incident.financialImpact].filter((s): s is string => !!s);
    discovered.push({
      id: `F_NEW_${discovered.length + 1}`,
      source: lead.incident.incidentId,
      incidents: group.map((a) => a.incident.incidentId),
      scenario: lead.incident.title,
      probability: probabilityFromCount(occurrences),
      probabilityBasis: `happened ${occurrences === 1 ? 'once' : `${occurrences} times`} in ${timeframeMonths} months`,
      impact: IMPACT_BY_SEVERITY[worst],
      impactBasis: [worst, ...impactDetail].join('; '),
      constraintsViolated: [...new Set(group.flatMap((a) => a.constraintsAffected))],
      detection: detectionOf(lead),
      mitigation: lead.incident.resolution?.permanent ?? lead.incident.resolution?.immediate,
      prevention: ap && ap.mustInclude.length > 0 ? ap.mustInclude.join('; ') : ap ? `Avoid ${ap.id} ${ap.title}` : undefined,
    });
  }

  const covered = analyzed.filter(
    (a) => documentedIncidents.has(a.incident.incidentId) || discovered.some((d) => d.incidents.includes(a.incident.incidentId)),
  );
  patterns.forEach((p, i) => {
    if (p.tickets.length < MIN_TICKETS_FOR_FAILURE_MODE) return;
    const stems = patternStems[i] ?? new Set<string>();
    if (documented.some((d) => d.observedIn.includes(`ticket pattern "${p.label}"`))) return;
    if (discovered.some((d) => showsFailureMode(stems, d.scenario, generic))) return;
    if (covered.some((a) => patternMatchesIncident(p, a, generic))) return;
    const ap = p.antiPatterns[0];
    const identified = antiPatterns.find((x) => x.id === ap?.id);
    discovered.push({
      id: `F_NEW_${discovered.length + 1}`,
      source: 'ticket_pattern_analysis',
      incidents: [],
      scenario: p.label,
      probability: probabilityFromRate(p.perMonth),
      probabilityBasis: `${p.perMonth} tickets per month`,
      impact: ap ? ap.risk : 'medium',
      impactBasis: ap ? `${ap.id} risk` : 'support load, no incident',
      constraintsViolated: p.constraintsAffected,
      detection: `Support tickets (${p.tickets.length} in ${p.months} months)`,
      mitigation: undefined,
      prevention: identified && identified.mustInclude.length > 0 ? identified.mustInclude.join('; ') : undefined,
    });
  });
  return { documented, discovered };
}

const DETECTION_WORDS = ['alert', 'alerts', 'detected', 'noticed', 'reported', 'paged', 'page', 'monitor'];

/** How the incident was detected: its `detection`, else the first timeline entry about an alert. */
function detectionOf(a: AnalyzedIncident): string | undefined {
  if (a.incident.detection) return a.incident.detection;
  const entry = a.incident.timeline.find((t) => new TermIndex([t]).firstOf(DETECTION_WORDS) !== undefined);
  if (entry) return entry.replace(/^\s*\d{1,2}:\d{2}\s*[-–—]\s*/, '');
  return a.incident.detectionTime ? `Detected after ${a.incident.detectionTime}` : undefined;
}

/** Stems of the manifold's entity and system names: words every record of the area shares. */
export function genericStems(manifold: Manifold): Set<string> {
  return new Set([...manifold.entities, ...manifold.systems].flatMap((t) => t.phrases.flatMap((p) => contentStems(p))));
}

/** True when a ticket pattern is about the same failure as an incident (see `enrichFailureModes`). */
function patternMatchesIncident(p: TicketPattern, a: AnalyzedIncident, generic: ReadonlySet<string>): boolean {
  if (p.antiPatterns.some((e) => a.antiPatterns.some((m) => m.entry.id === e.id))) return true;
  const incident = new Set(contentStems([a.incident.title, a.incident.rootCause, ...a.incident.contributingFactors, ...a.incident.description].join(' ')));
  const shared = new Set(p.keyTerms.flatMap((t) => contentStems(t)).filter((s) => !generic.has(s) && incident.has(s)));
  return shared.size >= 2;
}
