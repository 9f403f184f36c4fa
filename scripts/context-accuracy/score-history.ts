/**
 * Scores one `faultline context` report against a history's EXPECTED.yaml (written by a person
 * before the tool ran). Pure: report and expectations in, per-check verdicts out.
 */
import { z } from 'zod';

export const ExpectedSchema = z.object({
  manifold: z.string(),
  now: z.string(),
  incidents: z.object({ in_scope: z.array(z.string()), out_of_scope: z.array(z.string()) }),
  clusters: z.array(z.object({ name: z.string(), terms: z.array(z.string()), count: z.number().int().positive() })),
  not_clusters: z.array(z.object({ terms: z.array(z.string()) })).default([]),
  anti_patterns: z.array(z.object({ incident: z.string(), id: z.string(), evidence: z.string() })),
  not_anti_patterns: z.array(z.object({ incident: z.string(), id: z.string() })).default([]),
  constraints: z.array(z.array(z.string())),
});
export type Expected = z.infer<typeof ExpectedSchema>;

/** A cluster count within this share of the expected count is right. */
export const COUNT_TOLERANCE = 0.15;

export interface Check {
  what: string;
  ok: boolean;
  detail: string;
}

export interface HistoryScore {
  incidents: Check[];
  clusters: Check[];
  antiPatterns: Check[];
  constraints: Check[];
}

interface ReportIncident {
  incident_id: string;
  relevance_to_manifold?: {
    high_relevance?: boolean;
    relevance_score?: number;
    anti_patterns?: string[];
    anti_pattern_evidence?: { id: string; sentence: string }[];
  };
}
interface ReportPattern {
  pattern: string;
  ticket_count: number;
  key_terms?: string[];
}
export interface ContextReport {
  incidents?: ReportIncident[];
  ticket_patterns?: ReportPattern[];
  derived_constraints?: Record<string, { generated_constraints?: { statement: string }[] }[]>;
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const words = (s: string): string[] => norm(s).split(' ').filter((w) => w.length > 0);

/** True when a pattern's name or key terms hold one of `terms` (compared on whole words). */
function patternMentions(p: ReportPattern, terms: readonly string[]): boolean {
  const have = new Set([...words(p.pattern), ...(p.key_terms ?? []).flatMap(words)]);
  return terms.some((t) => words(t).every((w) => have.has(w)));
}

export function scoreHistory(report: ContextReport, expected: Expected): HistoryScore {
  const listed = new Map((report.incidents ?? []).map((i) => [i.incident_id, i]));
  const isHigh = (id: string): boolean => listed.get(id)?.relevance_to_manifold?.high_relevance === true;
  const scoreOf = (id: string): string => {
    const s = listed.get(id)?.relevance_to_manifold?.relevance_score;
    return s === undefined ? 'not listed' : `score ${s}`;
  };
  const incidents: Check[] = [
    ...expected.incidents.in_scope.map((id) => ({ what: `${id} in scope`, ok: isHigh(id), detail: scoreOf(id) })),
    ...expected.incidents.out_of_scope.map((id) => ({ what: `${id} out of scope`, ok: !isHigh(id), detail: scoreOf(id) })),
  ];

  const patterns = report.ticket_patterns ?? [];
  const used = new Set<ReportPattern>();
  const clusters: Check[] = expected.clusters.map((c) => {
    // The best candidate: a pattern naming the cluster's terms whose count is closest to expected.
    const candidates = patterns.filter((p) => !used.has(p) && patternMentions(p, c.terms));
    candidates.sort((a, b) => Math.abs(a.ticket_count - c.count) - Math.abs(b.ticket_count - c.count));
    const best = candidates[0];
    if (!best) return { what: `cluster "${c.name}" (${c.count})`, ok: false, detail: 'no matching pattern' };
    used.add(best);
    const ok = Math.abs(best.ticket_count - c.count) <= COUNT_TOLERANCE * c.count;
    return { what: `cluster "${c.name}" (${c.count})`, ok, detail: `"${best.pattern}": ${best.ticket_count}` };
  });
  for (const nc of expected.not_clusters) {
    const hit = patterns.find((p) => !used.has(p) && patternMentions(p, nc.terms));
    clusters.push({ what: `no cluster about ${nc.terms.join('/')}`, ok: hit === undefined, detail: hit ? `"${hit.pattern}": ${hit.ticket_count}` : 'none' });
  }

  const antiPatterns: Check[] = [
    ...expected.anti_patterns.map((a) => {
      const rel = listed.get(a.incident)?.relevance_to_manifold;
      const attributed = rel?.anti_patterns?.includes(a.id) === true;
      const evidence = rel?.anti_pattern_evidence?.find((e) => e.id === a.id)?.sentence;
      const evidenceOk = evidence !== undefined && norm(evidence).includes(norm(a.evidence));
      return {
        what: `${a.id} in ${a.incident}, evidence "${a.evidence}"`,
        ok: attributed && evidenceOk,
        detail: !attributed ? 'not attributed' : evidence === undefined ? 'attributed, no evidence sentence' : `evidence "${evidence}"`,
      };
    }),
    ...expected.not_anti_patterns.map((a) => {
      const attributed = listed.get(a.incident)?.relevance_to_manifold?.anti_patterns?.includes(a.id) === true;
      return { what: `no ${a.id} in ${a.incident}`, ok: !attributed, detail: attributed ? 'attributed' : 'not attributed' };
    }),
  ];

  const statements = Object.values(report.derived_constraints ?? {})
    .flat()
    .flatMap((g) => g.generated_constraints ?? [])
    .map((c) => norm(c.statement));
  const constraints: Check[] = expected.constraints.map((parts) => {
    const hit = statements.find((s) => parts.every((p) => s.includes(norm(p))));
    return { what: parts.join(' … '), ok: hit !== undefined, detail: hit ?? 'not derived' };
  });
  return { incidents, clusters, antiPatterns, constraints };
}

/** `right/total` for one kind of check. */
export function fraction(checks: readonly Check[]): string {
  return `${checks.filter((c) => c.ok).length}/${checks.length}`;
}
