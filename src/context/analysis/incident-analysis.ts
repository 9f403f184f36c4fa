import type { CatalogueEntry } from '../catalogue/anti-pattern-catalogue.js';
import type { Incident } from '../incidents/incident-schema.js';
import type { Manifold } from '../manifold/manifold-schema.js';
import { parseDate } from '../text/dates.js';
import { TermIndex } from '../text/term-index.js';
import { contentStems } from '../text/tokenize.js';
import { attributeAntiPatterns, type AntiPatternMatch } from './anti-pattern-matching.js';
import { MERGE_SOURCE } from '../merge/merge-failures.js';
import { linkConstraints } from './constraint-links.js';
import { genericStems, showsFailureMode } from './failure-modes.js';
import { incidentSegments, inWindow, mentions, relevanceIndexes, scoreIncidentRelevance, termCount, type Relevance, type TimeWindow } from './relevance.js';
import { termSpecificity } from './term-specificity.js';
import { affirmedSentences } from '../text/negation.js';

/** An incident inside the timeframe that mentions at least one manifold term. */
export interface AnalyzedIncident {
  incident: Incident;
  relevance: Relevance;
  /** Manifold constraint ids it touches. */
  constraintsAffected: string[];
  /** Catalogue anti-patterns a sentence of its root cause, contributing factors or postmortem shows. */
  antiPatterns: AntiPatternMatch[];
  /** Content stems of all its text. */
  stems: Set<string>;
}

/** Incidents sorted out by scope. */
export interface IncidentAnalysis {
  /** Records read. */
  read: number;
  /** Records dated inside the timeframe. */
  inTimeframe: number;
  /** In timeframe and matching the manifold; most relevant first (then newest, then id). */
  analyzed: AnalyzedIncident[];
}

/**
 * `evidenceTexts`: more text per incident id that may evidence an anti-pattern (its postmortem).
 *
 * Keep the incidents inside the window that mention at least one manifold entity, system or error
 * type; score each, link it to constraints and match it against the anti-pattern catalogue.
 */
export function analyzeIncidents(
  incidents: readonly Incident[],
  manifold: Manifold,
  window: TimeWindow,
  threshold: number,
  catalogue: readonly CatalogueEntry[],
  evidenceTexts: ReadonlyMap<string, readonly string[]> = new Map(),
): IncidentAnalysis {
  const inScope = incidents.filter((i) => inWindow(i.date, window));
  // How specific each manifold term is to the component, across every incident of the history.
  const scopes = new Map(incidents.map((i) => [i, relevanceIndexes(i)]));
  const specificity = termSpecificity(
    [...scopes.values()].map((x) => x.scope),
    [...manifold.entities, ...manifold.errorTypes],
    mentions,
  );
  const generic = genericStems(manifold);
  // For relevance a constraint counts as broken only on its statement's own words (keywords such
  // as "status" or "stuck" link records for the report but say nothing of the component), and only
  // a constraint people wrote: one a merge derived from these incidents would raise their own score.
  const statedConstraints = manifold.constraints.filter((c) => c._source !== MERGE_SOURCE).map((c) => ({ ...c, keywords: [] }));
  // Likewise a failure mode the team lists (its scenario with its mitigation, as `componentClaim`
  // reads it): an incident that shows it is a failure the component must handle.
  const statedModes = manifold.failureModes.filter((fm) => fm._source !== MERGE_SOURCE);
  const analyzed = inScope
    .map((incident): AnalyzedIncident | undefined => {
      const segments = incidentSegments(incident);
      const stems = new Set(segments.flatMap((s) => contentStems(s)));
      // Constraints are touched by what the incident reports, not by what it rules out.
      const affirmed = affirmedSentences(segments);
      const index = new TermIndex(affirmed);
      const affirmedStems = new Set(affirmed.flatMap((s) => contentStems(s)));
      const constraintsAffected = linkConstraints(index, affirmedStems, manifold.constraints, generic);
      const broken = linkConstraints(index, affirmedStems, statedConstraints, generic);
      const shown = statedModes.filter((fm) => showsFailureMode(affirmedStems, `${fm.scenario} ${typeof fm.mitigation === 'string' ? fm.mitigation : ''}`, generic)).map((fm) => fm.id);
      const relevance = scoreIncidentRelevance(incident, manifold, window, threshold, broken, specificity, shown);
      if (termCount(relevance.matched) === 0) return undefined;
      return {
        incident,
        relevance,
        constraintsAffected,
        antiPatterns: attributeAntiPatterns([...incident.description, incident.rootCause, ...incident.contributingFactors, ...(evidenceTexts.get(incident.incidentId) ?? [])], catalogue),
        stems,
      };
    })
    .filter((a): a is AnalyzedIncident => a !== undefined)
    .sort(
      (a, b) =>
        b.relevance.score - a.relevance.score ||
        time(b.incident.date) - time(a.incident.date) ||
        (a.incident.incidentId < b.incident.incidentId ? -1 : a.incident.incidentId > b.incident.incidentId ? 1 : 0),
    );
  return { read: incidents.length, inTimeframe: inScope.length, analyzed };
}

function time(date: string): number {
  return parseDate(date)?.getTime() ?? 0;
}
