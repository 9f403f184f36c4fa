/**
 * Scores one `faultline context` report against a history's EXPECTED.yaml (written by a person
 * before the tool ran). Pure: report and expectations in, per-check verdicts out.
 */
import { z } from 'zod';

export const ExpectedSchema = z.object({
  manifold: z.string(),
  now: z.string(),
  incidents: z.object({ in_scope: z.array(z.string()), out_of_scope: z.array(z.string()) }),
  /** `truth`: the cluster's key in the generator's ticket truth (tickets/truth.json or `--truth`), where there is one. */
  clusters: z.array(z.object({ name: z.string(), terms: z.array(z.string()), count: z.number().int().positive(), truth: z.string().optional() })),
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
  /** Clusters matched by ticket overlap: of their matched patterns' tickets, how many belong to the cluster. */
  purity?: { inCluster: number; reported: number };
}

/**
 * Which tickets each reported pattern holds (`patternIds[i]` for `ticket_patterns[i]`) and the
 * generator's truth cluster of each reported ticket id, for histories that have a ticket truth.
 */
export interface TicketMembership {
  patternIds: readonly (readonly string[])[];
  truth: ReadonlyMap<string, string>;
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

export function scoreHistory(report: ContextReport, expected: Expected, membership?: TicketMembership): HistoryScore {
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
  const { checks: clusterChecks, used, purity } = matchClusters(patterns, expected.clusters, membership);
  const clusters: Check[] = clusterChecks;
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
  return { incidents, clusters, antiPatterns, constraints, ...(purity ? { purity } : {}) };
}

/** `right/total` for one kind of check. */
export function fraction(checks: readonly Check[]): string {
  return `${checks.filter((c) => c.ok).length}/${checks.length}`;
}

type ExpectedCluster = Expected['clusters'][number];
const withinTolerance = (count: number, expected: number): boolean => Math.abs(count - expected) <= COUNT_TOLERANCE * expected;

/**
 * One-to-one assignment of expected clusters to reported patterns, optimal over all clusters at once
 * (never first come, first served). Where every cluster names its truth key and the reported ticket
 * ids are in the truth, a cluster's pattern is the one holding its tickets: the assignment maximises
 * the tickets shared, and a pattern sharing none is no match. Otherwise only a pattern naming the
 * cluster's terms can match, and the assignment maximises the counts within tolerance, then
 * minimises the summed relative count error. A check passes when the matched count is within
 * tolerance.
 */
export function matchClusters(
  patterns: readonly ReportPattern[],
  clusters: readonly ExpectedCluster[],
  membership?: TicketMembership,
): { checks: Check[]; used: Set<ReportPattern>; purity?: { inCluster: number; reported: number } } {
  const byTruth = membership !== undefined && clusters.length > 0 && clusters.every((c) => c.truth !== undefined) && membership.patternIds.length === patterns.length;
  const overlap = (ci: number, pi: number): number => {
    const key = clusters[ci]!.truth;
    return membership!.patternIds[pi]!.filter((id) => membership!.truth.get(id) === key).length;
  };
  // gain[c][p]: [primary, secondary] to maximise, or undefined when p cannot be c's match
  const gain: (readonly [number, number] | undefined)[][] = clusters.map((c, ci) =>
    patterns.map((p, pi) => {
      if (byTruth) {
        const shared = overlap(ci, pi);
        return shared > 0 ? ([shared, withinTolerance(p.ticket_count, c.count) ? 1 : 0] as const) : undefined;
      }
      if (!patternMentions(p, c.terms)) return undefined;
      return [withinTolerance(p.ticket_count, c.count) ? 1 : 0, -Math.abs(p.ticket_count - c.count) / c.count] as const;
    }),
  );
  const best = bestAssignment(gain, patterns.length);
  const used = new Set<ReportPattern>();
  let inCluster = 0;
  let reported = 0;
  const checks = clusters.map((c, ci): Check => {
    const what = `cluster "${c.name}" (${c.count})`;
    const pi = best[ci];
    if (pi === undefined) return { what, ok: false, detail: byTruth ? 'no pattern holds its tickets' : 'no matching pattern' };
    const p = patterns[pi]!;
    used.add(p);
    let detail = `"${p.pattern}": ${p.ticket_count}`;
    if (byTruth) {
      const shared = overlap(ci, pi);
      inCluster += shared;
      reported += p.ticket_count;
      detail += ` (${shared} of them in the cluster)`;
    }
    return { what, ok: withinTolerance(p.ticket_count, c.count), detail };
  });
  return { checks, used, ...(byTruth ? { purity: { inCluster, reported } } : {}) };
}

/** Index of the pattern for each row (or undefined), maximising the summed gains lexicographically. */
function bestAssignment(gain: readonly (readonly [number, number] | undefined)[][], patternCount: number): (number | undefined)[] {
  let bestScore: [number, number] = [-1, -Infinity];
  let bestPick: (number | undefined)[] = gain.map(() => undefined);
  const pick: (number | undefined)[] = [];
  const taken = new Set<number>();
  const visit = (row: number, a: number, b: number): void => {
    if (row === gain.length) {
      if (a > bestScore[0] || (a === bestScore[0] && b > bestScore[1] + 1e-9)) {
        bestScore = [a, b];
        bestPick = [...pick];
      }
      return;
    }
    for (let pi = 0; pi < patternCount; pi++) {
      const g = gain[row]![pi];
      if (g === undefined || taken.has(pi)) continue;
      taken.add(pi);
      pick.push(pi);
      visit(row + 1, a + g[0], b + g[1]);
      pick.pop();
      taken.delete(pi);
    }
    pick.push(undefined);
    visit(row + 1, a, b);
    pick.pop();
  };
  visit(0, 0, 0);
  return bestPick;
}
