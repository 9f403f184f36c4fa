import type { Incident } from '../incidents/incident-schema.js';
import type { Manifold, ManifoldTerm } from '../manifold/manifold-schema.js';
import { parseDate } from '../text/dates.js';
import { TermIndex } from '../text/term-index.js';

/** Score at or above which an incident counts as "high relevance" (documented in docs/context.md). */
export const HIGH_RELEVANCE_THRESHOLD = 0.6;

/** Weight of each dimension in the relevance score; they add up to 1. */
export const RELEVANCE_WEIGHTS = { entities: 0.35, systems: 0.25, errorTypes: 0.25, recency: 0.15 } as const;

/**
 * Matched terms count against at most this many terms of a dimension, so an incident that hits
 * three of a manifold's eight entities still scores full marks on entities.
 */
export const TERMS_FOR_FULL_MARKS = 3;

/** The analysis window: records dated from `start` to `now` inclusive are in scope. */
export interface TimeWindow {
  start: Date;
  now: Date;
}

/** Which manifold terms a record mentions. */
export interface MatchedTerms {
  entities: string[];
  systems: string[];
  errorTypes: string[];
}

/** An incident's relevance to the manifold. */
export interface Relevance {
  /** 0–1, two decimals. */
  score: number;
  /** 0–1: 1 for today, 0 at the start of the timeframe. */
  recency: number;
  matched: MatchedTerms;
  /** `score >= threshold`. */
  high: boolean;
}

/** All text of an incident, one segment per field, for term and phrase lookups. */
export function incidentSegments(incident: Incident): string[] {
  return [
    incident.title,
    incident.rootCause,
    ...incident.contributingFactors,
    ...incident.timeline,
    incident.resolution?.immediate ?? '',
    incident.resolution?.permanent ?? '',
    incident.customerImpact ?? '',
    incident.detection ?? '',
    ...incident.systems,
    ...incident.tags,
  ].filter((s) => s.length > 0);
}

/** Names of the `terms` whose name or any alias occurs in `index`, in manifold order. */
export function matchTerms(index: TermIndex, terms: readonly ManifoldTerm[]): string[] {
  return terms.filter((t) => t.phrases.some((p) => index.has(p))).map((t) => t.name);
}

/** Which manifold terms `index` mentions. */
export function matchManifoldTerms(index: TermIndex, manifold: Manifold): MatchedTerms {
  return {
    entities: matchTerms(index, manifold.entities),
    systems: matchTerms(index, manifold.systems),
    errorTypes: matchTerms(index, manifold.errorTypes),
  };
}

/** True when `date` falls inside the window. */
export function inWindow(date: string, window: TimeWindow): boolean {
  const d = parseDate(date);
  return d !== undefined && d.getTime() >= window.start.getTime() && d.getTime() <= window.now.getTime();
}

/**
 * Score an incident's relevance to the manifold:
 *
 *   score = 0.35·E + 0.25·S + 0.25·X + 0.15·R
 *
 * where E, S and X are the shares of the manifold's entities, systems and error types the incident
 * mentions (matched / min(total, 3), capped at 1; a dimension the manifold leaves empty is dropped
 * and the other weights scaled up) and R is recency, 1 − age / timeframe. Terms are matched on
 * stemmed words as phrases, aliases included; an incident's explicit `systems`, `tags` and
 * `error_types` count as text.
 *
 * @param threshold - score for "high relevance" (default `HIGH_RELEVANCE_THRESHOLD`)
 */
export function scoreIncidentRelevance(
  incident: Incident,
  manifold: Manifold,
  window: TimeWindow,
  threshold: number = HIGH_RELEVANCE_THRESHOLD,
): Relevance {
  const matched = matchManifoldTerms(new TermIndex(incidentSegments(incident)), manifold);
  const date = parseDate(incident.date) ?? window.now;
  const span = window.now.getTime() - window.start.getTime();
  const recency = span > 0 ? clamp01(1 - (window.now.getTime() - date.getTime()) / span) : 1;
  const parts: { weight: number; value: number }[] = [{ weight: RELEVANCE_WEIGHTS.recency, value: recency }];
  const dims: [number, number, number][] = [
    [RELEVANCE_WEIGHTS.entities, matched.entities.length, manifold.entities.length],
    [RELEVANCE_WEIGHTS.systems, matched.systems.length, manifold.systems.length],
    [RELEVANCE_WEIGHTS.errorTypes, matched.errorTypes.length, manifold.errorTypes.length],
  ];
  for (const [weight, hits, total] of dims) {
    if (total > 0) parts.push({ weight, value: Math.min(1, hits / Math.min(total, TERMS_FOR_FULL_MARKS)) });
  }
  const totalWeight = parts.reduce((s, p) => s + p.weight, 0);
  const score = round2(parts.reduce((s, p) => s + p.weight * p.value, 0) / totalWeight);
  return { score, recency: round2(recency), matched, high: score >= threshold };
}

/** Number of distinct manifold terms matched. */
export function termCount(m: MatchedTerms): number {
  return m.entities.length + m.systems.length + m.errorTypes.length;
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

/** Round to two decimals (half away from zero), the precision reports use. */
export function round2(x: number): number {
  return Math.round(x * 100 + Number.EPSILON * Math.sign(x)) / 100;
}
