import { splitSentences } from '../analysis/anti-pattern-matching.js';
import type { FailureContext } from './analyze-failure-context.js';

/** Text styling; the CLI passes picocolors when colour is wanted, `PLAIN_STYLE` otherwise. */
export interface ConsoleStyle {
  bold: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  dim: (s: string) => string;
}

/** No colour: headings are written `**LIKE THIS**`, as in the seed's example. */
export const PLAIN_STYLE: ConsoleStyle = { bold: (s) => `**${s}**`, red: (s) => s, yellow: (s) => s, dim: (s) => s };

/** Where the report went, to print the follow-up commands. */
export interface ConsoleSummaryOptions {
  manifoldFile: string;
  /** The failures YAML path, or undefined when it went to stdout. */
  outFile: string | undefined;
  style?: ConsoleStyle;
  /** Items shown per list before "… [N more]" (default 5). */
  maxItems?: number;
}

/**
 * The console summary in the shape of the seed's "Example Execution": incident analysis with the
 * high-relevance incidents, postmortem follow-ups still open, ticket patterns, anti-patterns with
 * their codebase occurrences, derived constraints, new failure modes, a CRITICAL WARNING for each
 * high-impact incident whose root cause the manifold does not address, and the merge command.
 */
export function renderConsoleSummary(context: FailureContext, options: ConsoleSummaryOptions): string {
  const s = options.style ?? PLAIN_STYLE;
  const max = options.maxItems ?? 5;
  const { report, warnings } = context;
  const out: string[] = [];
  const section = (title: string): void => {
    out.push('', s.bold(title));
  };
  const capped = <T>(items: readonly T[], line: (item: T) => string): void => {
    for (const item of items.slice(0, max)) out.push(line(item));
    if (items.length > max) out.push(s.dim(`... [${items.length - max} more]`));
  };

  out.push(`Analyzing failure history for ${report.meta.manifold} context...`);

  section('INCIDENT ANALYSIS');
  out.push(`Scanning incidents from past ${report.meta.timeframe}...`);
  out.push(`Found ${report.incidents.length} ${report.incidents.length === 1 ? 'incident' : 'incidents'} matching manifold entities.`);
  const high = report.incidents.filter((i) => i.relevance_to_manifold.high_relevance);
  if (high.length > 0) {
    out.push('', s.red(`🚨 HIGH RELEVANCE (${high.length}):`));
    capped(high, (i) => {
      const cause = splitSentences(i.root_cause ?? '')[0];
      return `- ${i.incident_id}: ${i.title} (${i.severity}) - relevance ${i.relevance_to_manifold.relevance_score.toFixed(2)}${cause ? ` - ROOT CAUSE: ${cause}` : ''}`;
    });
  }

  const open = report.postmortem_analysis.filter((pm) => pm.action_items.incomplete.length > 0);
  if (report.postmortem_analysis.length > 0) {
    section('POSTMORTEM ANALYSIS');
    const openCount = open.reduce((n, pm) => n + pm.action_items.incomplete.length, 0);
    out.push(`Joined ${plural(report.postmortem_analysis.length, 'postmortem')} to incidents; ${openCount} action ${openCount === 1 ? 'item is' : 'items are'} still open:`);
    capped(
      open.flatMap((pm) => pm.action_items.incomplete.map((item) => ({ pm, item }))),
      ({ pm, item }) => `- ${pm.id} (${pm.incident}): ${item} ${s.yellow('(still open)')}`,
    );
    for (const pm of report.postmortem_analysis.filter((p) => !p.incident_found)) {
      out.push(s.yellow(`! ${pm.id} covers ${pm.incident}, which no incident source contains`));
    }
  }

  if (report.ticket_patterns.length > 0) {
    section('TICKET PATTERNS');
    out.push(`${report.meta.sources.tickets}; ${plural(report.ticket_patterns.length, 'recurring pattern')}:`);
    capped(report.ticket_patterns, (p) => {
      const links = p.constraints_affected.length > 0 ? ` → ${p.constraints_affected.join(', ')}` : '';
      return `- "${p.pattern}": ${p.ticket_count} tickets in ${p.timeframe}${p.anti_patterns.length > 0 ? ` [${p.anti_patterns.join(', ')}]` : ''}${links}`;
    });
  }

  section('ANTI-PATTERN EXTRACTION');
  out.push(`Identified ${plural(report.anti_patterns.length, 'anti-pattern')} from failure analysis:`);
  for (const ap of report.anti_patterns) {
    const id = typeof ap.id === 'string' ? ap.id : '?';
    const name = typeof ap.name === 'string' ? ap.name : '';
    const risk = (typeof ap.risk === 'string' ? ap.risk : 'unknown').toUpperCase();
    const occurrences = Array.isArray(ap.occurrences_in_codebase) ? ap.occurrences_in_codebase.length : 0;
    out.push('', `${id}: ${name}`);
    out.push(
      occurrences > 0
        ? `  → Found in codebase: ${occurrences} ${occurrences === 1 ? 'location' : 'locations'} (${risk} RISK)`
        : `  → Not found in codebase yet (${risk} RISK): run faultline scan --failures ${options.outFile ?? 'FAILURES.yaml'} --write`,
    );
  }

  const derived = [
    ...report.derived_constraints.from_incidents,
    ...report.derived_constraints.from_anti_patterns,
    ...report.derived_constraints.from_ticket_patterns,
  ].flatMap((g) => g.generated_constraints);
  section('CONSTRAINT DERIVATION');
  if (derived.length === 0) out.push('No new constraints: the manifold already states what this history teaches.');
  else {
    out.push(`Generated ${plural(derived.length, 'new constraint')} from failure analysis:`, '');
    capped(derived, (c) => `${c.type.toUpperCase()}: ${c.id} - ${c.statement}`);
  }

  const discovered = report.enriched_failure_modes.newly_discovered;
  section('FAILURE MODE ENRICHMENT');
  if (discovered.length === 0) out.push('No failure modes missing from the manifold.');
  else {
    out.push(`Discovered ${plural(discovered.length, 'failure mode')} not in manifold:`, '');
    capped(discovered, (f) => `${f.id}: ${f.scenario} (from ${f.source === 'ticket_pattern_analysis' ? 'ticket analysis' : f.source})`);
  }

  for (const w of warnings) {
    section(s.red('CRITICAL WARNING'));
    out.push(`Your current manifold does NOT address the root cause of ${w.incidentId}.`);
    out.push(`This incident resulted in ${w.impact.replace(/[.]+$/, '')}.`);
    if (w.constraintId) out.push(`Without constraint ${w.constraintId}, this WILL recur.`);
  }

  out.push('');
  if (derived.length === 0 && discovered.length === 0) {
    out.push('Nothing to merge: the manifold is up to date with this failure history.');
  } else if (options.outFile) {
    out.push(`Run \`faultline merge ${options.manifoldFile} --from ${options.outFile}\` to add derived constraints.`);
  } else {
    out.push(`Save the report with --out FILE, then run \`faultline merge ${options.manifoldFile} --from FILE\` to add derived constraints.`);
  }
  return `${out.join('\n')}\n`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
