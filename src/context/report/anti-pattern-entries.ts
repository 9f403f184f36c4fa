import { signalEvidence, splitSentences } from '../analysis/anti-pattern-matching.js';
import type { IdentifiedAntiPattern } from '../analysis/derived-constraints.js';
import type { AnalyzedIncident } from '../analysis/incident-analysis.js';
import type { TicketPattern } from '../analysis/ticket-patterns.js';
import type { CatalogueEntry } from '../catalogue/anti-pattern-catalogue.js';
import type { AntiPatternEntry } from './failures-report.js';

/**
 * Anti-patterns for the report: entries of an existing failures YAML first, as written (so scan
 * results in `occurrences_in_codebase` and hand edits survive), then catalogue anti-patterns seen
 * in analysed incidents or ticket patterns that the file does not have yet, by id.
 */
export function identifyAntiPatterns(
  analyzed: readonly AnalyzedIncident[],
  patterns: readonly TicketPattern[],
  catalogue: readonly CatalogueEntry[],
  existing: readonly Record<string, unknown>[],
): { entries: (AntiPatternEntry | Record<string, unknown>)[]; identified: IdentifiedAntiPattern[] } {
  const seen = catalogue
    .map((entry) => ({
      entry,
      incidents: analyzed.filter((a) => a.antiPatterns.some((m) => m.entry.id === entry.id)),
      patterns: patterns.filter((p) => p.antiPatterns.some((e) => e.id === entry.id)),
    }))
    .filter((s) => s.incidents.length > 0 || s.patterns.length > 0);
  const existingIds = new Set(existing.map((e) => e.id).filter((id): id is string => typeof id === 'string'));
  const fresh = seen
    .filter((s) => !existingIds.has(s.entry.id))
    .sort((a, b) => cmp(a.entry.id, b.entry.id))
    .map(({ entry, incidents, patterns: pats }): AntiPatternEntry => {
      const texts = incidents.flatMap((a) => [a.incident.rootCause, ...a.incident.contributingFactors, ...a.incident.description]);
      return {
        id: entry.id,
        name: entry.title,
        slug: entry.slug,
        risk: entry.risk,
        description: descriptionOf(entry),
        detected_in: { incidents: incidents.map((a) => a.incident.incidentId), ticket_patterns: pats.map((p) => p.label) },
        pattern_signature: signalEvidence(texts, entry).slice(0, 5),
        occurrences_in_codebase: [],
        prevention: { must_include: entry.prevention?.must_include ?? [], must_exclude: entry.prevention?.must_exclude ?? [] },
      };
    });
  const entries = [...existing, ...fresh];
  const identified = entries.map((e): IdentifiedAntiPattern => {
    const id = typeof e.id === 'string' ? e.id : '';
    const hit = seen.find((s) => s.entry.id === id);
    const prevention = (e.prevention ?? {}) as { must_include?: unknown; must_exclude?: unknown };
    return {
      id,
      title: typeof e.name === 'string' ? e.name : (hit?.entry.title ?? id),
      consequence: hit?.entry.consequence,
      mustInclude: strings(prevention.must_include),
      mustExclude: strings(prevention.must_exclude),
      incidents: hit ? hit.incidents.map((a) => a.incident.incidentId) : [],
    };
  });
  return { entries, identified: identified.filter((i) => i.id !== '') };
}

function descriptionOf(entry: CatalogueEntry): string {
  const first = entry.rationale ? splitSentences(entry.rationale)[0] : undefined;
  return first ?? entry.consequence ?? entry.title;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
