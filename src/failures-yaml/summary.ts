import type { Rule } from '../engine/rule.js';
import type { FailuresFile, Occurrence } from './types.js';
import type { OccurrencesById } from './write.js';

/**
 * The seed's "ANTI-PATTERN EXTRACTION" block for the text report's preamble: one line per
 * anti-pattern of the file (id and name) and where it was found.
 *
 * ```
 * ANTI-PATTERN EXTRACTION
 * 3 anti-patterns from payment-retry-v2-failures.yaml:
 *
 * AP-001: Retry Without Idempotency
 *   → Found in codebase: 3 locations (HIGH RISK)
 * ```
 *
 * @param rules the compiled rules (for each anti-pattern's risk).
 * @param occurrencesById what {@link occurrencesFor} returned: the count is what `--write` writes.
 */
export function antiPatternSummary(file: FailuresFile, rules: readonly Rule[], occurrencesById: OccurrencesById): string {
  const get = (id: string): readonly Occurrence[] | undefined =>
    occurrencesById instanceof Map ? occurrencesById.get(id) : (occurrencesById as Record<string, readonly Occurrence[]>)[id];
  const name = file.path.split(/[\\/]/).pop() ?? file.path;
  const count = file.antiPatterns.length;
  const lines = ['ANTI-PATTERN EXTRACTION', `${count} anti-pattern${count === 1 ? '' : 's'} from ${name}:`];
  for (const entry of file.antiPatterns) {
    const rule = rules.find((r) => r.id === entry.id);
    const found = get(entry.id)?.length ?? 0;
    const risk = rule === undefined ? '' : ` (${rule.risk.toUpperCase()} RISK)`;
    lines.push('', `${entry.id}: ${entry.name ?? rule?.title ?? ''}`.trimEnd());
    lines.push(found === 0 ? '  → Not found in codebase' : `  → Found in codebase: ${found} location${found === 1 ? '' : 's'}${risk}`);
  }
  return lines.join('\n') + '\n';
}
