import type { DerivedConstraint } from '../analysis/derived-constraints.js';
import type { Postmortem } from '../postmortems/postmortem-types.js';
import type { AntiPatternEntry, FailuresReport } from './failures-report.js';

/** What the action items are built from. */
export interface ActionItemInput {
  derivedCount: number;
  discoveredCount: number;
  antiPatterns: readonly (AntiPatternEntry | Record<string, unknown>)[];
  /** Postmortems in report order. */
  postmortems: readonly Postmortem[];
  highIncidentIds: ReadonlySet<string>;
  /** Goal constraints derived from ticket patterns. */
  goals: readonly DerivedConstraint[];
}

const RISK_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2 };

/**
 * The seed's `action_items`:
 *
 * - immediate: merge the derived constraints and new failure modes; review each anti-pattern's
 *   occurrences in the codebase (high risk first);
 * - before_development: finish the postmortems' open action items (high-relevance incidents first);
 * - during_development: check each anti-pattern's prevention holds; track ticket goals.
 */
export function buildActionItems(input: ActionItemInput): FailuresReport['action_items'] {
  const aps = [...input.antiPatterns]
    .map((e) => ({
      id: typeof e.id === 'string' ? e.id : '',
      name: typeof e.name === 'string' ? e.name : '',
      risk: typeof e.risk === 'string' ? e.risk : 'medium',
      mustInclude: mustInclude(e),
    }))
    .filter((a) => a.id !== '')
    .sort((a, b) => (RISK_ORDER[a.risk] ?? 1) - (RISK_ORDER[b.risk] ?? 1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const immediate: string[] = [];
  if (input.derivedCount > 0 || input.discoveredCount > 0) {
    immediate.push(
      `Add the ${input.derivedCount} derived constraints and ${input.discoveredCount} new failure modes to the manifold (faultline merge)`,
    );
  }
  for (const ap of aps) immediate.push(`Review ${ap.id} (${ap.name}) occurrences in codebase (faultline scan --failures)`);

  const open = [...input.postmortems]
    .filter((pm) => pm.actionItems.incomplete.length > 0)
    .sort((a, b) => Number(input.highIncidentIds.has(b.incidentId)) - Number(input.highIncidentIds.has(a.incidentId)));
  const beforeDevelopment = open.map((pm) => `Complete outstanding action items from ${pm.id}: ${pm.actionItems.incomplete.join('; ')}`);

  const duringDevelopment = [
    ...aps.map((ap) => `Validate ${ap.id} (${ap.name}) is prevented${ap.mustInclude.length > 0 ? `: ${ap.mustInclude.join('; ')}` : ''}`),
    ...input.goals.map((g) => `Track ${g.id}: ${g.measurement ?? g.statement}`),
  ];
  return { immediate, before_development: beforeDevelopment, during_development: duringDevelopment };
}

function mustInclude(e: AntiPatternEntry | Record<string, unknown>): string[] {
  const prevention = e.prevention;
  if (!prevention || typeof prevention !== 'object') return [];
  const list = (prevention as Record<string, unknown>).must_include;
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
}
