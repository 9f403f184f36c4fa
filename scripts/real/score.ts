/**
 * Scores findings against real-code labels. A finding matches a label when it has the label's
 * rule, repository and path, and starts on the label's line or inside its region, or when it
 * points there as the write a helper makes (a related location "X calls Y here": the finding is
 * reported at the helper's call, the label at the call inside it). A `finding`
 * label with no match is a false negative; a `quiet` label with a match is a false positive.
 * Findings in labelled files that no label covers are "unjudged": listed for a person to decide,
 * and counted in a pessimistic precision that treats each as wrong.
 */
import type { RealLabel, RuleId } from './labels.js';

export type Language = 'python' | 'typescript' | 'javascript';

export interface RealFinding {
  repo: string;
  ruleId: string;
  path: string;
  line: number;
  message?: string;
  /** The finding's source line, trimmed. */
  code?: string;
  /** Related locations (`path` absent: the finding's own file). */
  related?: { path?: string; line: number; message: string }[];
}

export interface Counts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  /** Unjudged findings (labelled files, no label covering them). */
  unjudged: number;
}

export interface RealScore {
  total: Counts;
  byRule: Map<RuleId, Counts>;
  byLanguage: Map<Language, Counts>;
  byRuleLanguage: Map<string, Counts>;
  misses: RealLabel[];
  falsePositives: { label: RealLabel; finding: RealFinding }[];
  unjudged: RealFinding[];
  /** Findings in files that carry no label at all, per repository. */
  elsewhere: Map<string, number>;
}

export function languageOfPath(path: string): Language {
  if (/\.py$/i.test(path)) return 'python';
  if (/\.(ts|mts|cts|tsx)$/i.test(path)) return 'typescript';
  return 'javascript';
}

const zero = (): Counts => ({ tp: 0, fn: 0, fp: 0, tn: 0, unjudged: 0 });

function bump<K>(map: Map<K, Counts>, key: K, field: keyof Counts): void {
  const c = map.get(key) ?? zero();
  c[field] += 1;
  map.set(key, c);
}

const fileKey = (repo: string, path: string) => `${repo}\u0000${path}`;

export function scoreReal(labels: readonly RealLabel[], findings: readonly RealFinding[]): RealScore {
  const score: RealScore = {
    total: zero(),
    byRule: new Map(),
    byLanguage: new Map(),
    byRuleLanguage: new Map(),
    misses: [],
    falsePositives: [],
    unjudged: [],
    elsewhere: new Map(),
  };
  const count = (rule: RuleId, path: string, field: keyof Counts) => {
    const lang = languageOfPath(path);
    score.total[field] += 1;
    bump(score.byRule, rule, field);
    bump(score.byLanguage, lang, field);
    bump(score.byRuleLanguage, `${rule} ${lang}`, field);
  };
  // Each finding is looked up at its own line and at the inner calls of helpers it names.
  const byFile = new Map<string, { f: RealFinding; line: number }[]>();
  const at = (f: RealFinding, path: string, line: number) => {
    const k = fileKey(f.repo, path);
    const list = byFile.get(k) ?? [];
    list.push({ f, line });
    byFile.set(k, list);
  };
  for (const f of findings) {
    at(f, f.path, f.line);
    for (const r of f.related ?? []) if (/ calls .+ here$/.test(r.message)) at(f, r.path ?? f.path, r.line);
  }
  const covered = new Set<RealFinding>();
  const labelledFiles = new Set<string>();
  for (const l of labels) {
    labelledFiles.add(fileKey(l.repo, l.path));
    const matches = [
      ...new Set(
        (byFile.get(fileKey(l.repo, l.path)) ?? [])
          .filter(({ f, line }) => f.ruleId === l.rule && ((line >= l.region[0] && line <= l.region[1]) || line === l.line))
          .map(({ f }) => f),
      ),
    ];
    for (const m of matches) covered.add(m);
    if (l.expect === 'finding') {
      if (matches.length > 0) count(l.rule, l.path, 'tp');
      else {
        count(l.rule, l.path, 'fn');
        score.misses.push(l);
      }
    } else if (matches[0] !== undefined) {
      count(l.rule, l.path, 'fp');
      score.falsePositives.push({ label: l, finding: matches[0] });
    } else count(l.rule, l.path, 'tn');
  }
  for (const f of findings) {
    if (covered.has(f)) continue;
    if (!labelledFiles.has(fileKey(f.repo, f.path))) {
      score.elsewhere.set(f.repo, (score.elsewhere.get(f.repo) ?? 0) + 1);
      continue;
    }
    score.unjudged.push(f);
    if (/^AP-00[123]$/.test(f.ruleId)) count(f.ruleId as RuleId, f.path, 'unjudged');
  }
  return score;
}

export function precision(c: Counts): number | undefined {
  return c.tp + c.fp === 0 ? undefined : c.tp / (c.tp + c.fp);
}

/** Precision if every unjudged finding were a false positive: the floor a reviewer could find. */
export function precisionFloor(c: Counts): number | undefined {
  return c.tp + c.fp + c.unjudged === 0 ? undefined : c.tp / (c.tp + c.fp + c.unjudged);
}

export function recall(c: Counts): number | undefined {
  return c.tp + c.fn === 0 ? undefined : c.tp / (c.tp + c.fn);
}
