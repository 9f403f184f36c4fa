import type { DerivedConstraint } from '../analysis/derived-constraints.js';
import type { RiskAssessment } from '../analysis/preparedness.js';

/**
 * The failures YAML document, in the seed's "Output Format". Keys are snake_case because this
 * object is written as-is; `faultline scan --failures` and `faultline merge` read it back.
 */
export interface FailuresReport {
  meta: {
    manifold: string;
    analyzed_at: string;
    timeframe: string;
    high_relevance_threshold: number;
    sources: { incidents: string; postmortems: string; tickets: string };
  };
  summary: {
    high_relevance_incidents: number;
    anti_patterns_identified: number;
    new_constraints_derived: number;
    new_failure_modes_discovered: number;
    risk_assessment: RiskAssessment;
    critical_lessons: string[];
  };
  incidents: IncidentEntry[];
  postmortem_analysis: PostmortemEntry[];
  ticket_patterns: TicketPatternEntry[];
  /** New entries are `AntiPatternEntry`; entries kept from an existing file stay as written. */
  anti_patterns: (AntiPatternEntry | Record<string, unknown>)[];
  derived_constraints: {
    from_incidents: { incident: string; generated_constraints: DerivedConstraint[] }[];
    from_anti_patterns: { anti_pattern: string; generated_constraints: DerivedConstraint[] }[];
    from_ticket_patterns: { pattern: string; generated_constraints: DerivedConstraint[] }[];
  };
  enriched_failure_modes: {
    existing_in_manifold: { id: string; status: 'already_documented'; observed_in: string[] }[];
    newly_discovered: DiscoveredFailureModeEntry[];
  };
  action_items: { immediate: string[]; before_development: string[]; during_development: string[] };
}

/** One analysed incident: the record as read plus its relevance to the manifold. */
export interface IncidentEntry {
  incident_id: string;
  date: string;
  severity: string;
  title: string;
  source: string;
  /** The record's free text, one paragraph or list item per line. */
  description?: string;
  timeline?: string[];
  root_cause?: string;
  contributing_factors?: string[];
  resolution?: { immediate?: string; permanent?: string };
  detection_time?: string;
  resolution_time?: string;
  customer_impact?: string;
  financial_impact?: string;
  postmortem?: string;
  relevance_to_manifold: {
    relevance_score: number;
    high_relevance: boolean;
    recency: number;
    /** What each dimension of the score contributed. */
    reasons: string[];
    matched_terms: { entities: string[]; systems: string[]; error_types: string[] };
    constraints_affected: string[];
    anti_patterns: string[];
    /** Per attributed anti-pattern, the sentence of the incident's text that shows it. */
    anti_pattern_evidence: { id: string; sentence: string }[];
    lesson: string;
  };
}

/** One postmortem joined to its incident. */
export interface PostmortemEntry {
  id: string;
  incident: string;
  incident_found: boolean;
  source: string;
  five_whys: { why: string; because: string }[];
  action_items: { completed: string[]; incomplete: string[] };
  systemic_issues: string[];
  lessons?: string[];
}

/** One cluster of support tickets. */
export interface TicketPatternEntry {
  pattern: string;
  ticket_count: number;
  timeframe: string;
  first_seen: string;
  last_seen: string;
  tickets_per_month: number;
  key_terms: string[];
  sample_tickets: string[];
  root_pattern?: string;
  anti_patterns: string[];
  constraints_affected: string[];
}

/** An anti-pattern identified in this run. */
export interface AntiPatternEntry {
  id: string;
  name: string;
  slug: string;
  risk: string;
  description: string;
  detected_in: { incidents: string[]; ticket_patterns: string[] };
  pattern_signature: string[];
  occurrences_in_codebase: unknown[];
  prevention: { must_include: string[]; must_exclude: string[] };
}

/** A failure mode not yet in the manifold. */
export interface DiscoveredFailureModeEntry {
  id: string;
  source: string;
  incidents: string[];
  scenario: string;
  probability: string;
  impact: string;
  constraints_violated: string[];
  detection?: string;
  mitigation?: string;
  prevention?: string;
}

/** A YAML comment to attach to the value at `path` when the report is written. */
export interface ReportComment {
  path: (string | number)[];
  text: string;
}
