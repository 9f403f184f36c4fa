/**
 * `npm run eval:context`: runs `faultline context` (in-process, as its CLI command does) on every
 * failure history in test/context/histories (or the folders given as arguments) and scores the
 * report against the history's EXPECTED.yaml: incidents in/out of scope, ticket clusters (counts
 * within 15 %, matched one-to-one by shared tickets where the history has a ticket truth; the
 * purity column says how many of the matched patterns' tickets belong to their cluster),
 * anti-patterns attributed with their evidence sentence, expected constraints derived.
 * Prints a Markdown table and every failed check. Exit code 0 whatever the figures (a measurement),
 * 2 when a history cannot be read or the CLI fails on it.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { parse } from 'yaml';
import { loadBuiltInCatalogue, parseDate, runContext } from '../src/context/index.js';
import { ExpectedSchema, fraction, scoreHistory, type ContextReport, type HistoryScore, type TicketMembership } from './context-accuracy/score-history.js';
import { readTicketTruth, ticketExportTexts, truthByReportedIds } from './context-accuracy/ticket-truth.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Run `faultline context` on one history folder (the function the CLI's command calls, with the
 * CLI's built-in catalogue) and score it. Where the history has a ticket truth and every reported
 * ticket id is in it, clusters are matched by the tickets they share.
 */
export async function evaluateHistory(dir: string): Promise<HistoryScore> {
  const expected = ExpectedSchema.parse(parse(readFileSync(join(dir, 'EXPECTED.yaml'), 'utf8')));
  const catalogue = await loadBuiltInCatalogue(join(root, 'src/cli/commands'));
  let result: Awaited<ReturnType<typeof runContext>>;
  try {
    result = await runContext({ manifoldFile: join(dir, expected.manifold), cwd: dir, configFile: join(dir, 'faultline.config.yaml'), now: parseDate(expected.now) ?? new Date(Number.NaN), catalogue });
  } catch (e) {
    throw new Error(`faultline context failed on ${dir}:\n${e instanceof Error ? e.message : String(e)}`);
  }
  const patternIds = result.context.ticketPatternIds;
  const reportedIds = patternIds.flat();
  const truth = readTicketTruth(dir);
  let membership: TicketMembership | undefined;
  if (truth) {
    const mapped = truthByReportedIds(truth, reportedIds, ticketExportTexts(dir));
    if (mapped.size === new Set(reportedIds).size) membership = { patternIds, truth: mapped };
    else process.stderr.write(`${basename(dir)}: ${new Set(reportedIds).size - mapped.size} reported ticket ids are not in the ticket truth; clusters matched by count\n`);
  }
  return scoreHistory(parse(result.yaml) as ContextReport, expected, membership);
}

async function run(): Promise<number> {
  const args = process.argv.slice(2);
  const dirs = args.length > 0 ? args.map((a) => resolve(a)) : (await fg('test/context/histories/*/EXPECTED.yaml', { cwd: root, absolute: true })).sort().map(dirname);
  const lines = [
    '| history | incidents in/out of scope | clusters (±15 %) | cluster purity | anti-patterns with evidence | constraints derived |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const failures: string[] = [];
  for (const dir of dirs) {
    let score: HistoryScore;
    try {
      score = await evaluateHistory(dir);
    } catch (e) {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    lines.push(`| ${basename(dir)} | ${fraction(score.incidents)} | ${fraction(score.clusters)} | ${purityOf(score)} | ${fraction(score.antiPatterns)} | ${fraction(score.constraints)} |`);
    for (const check of [...score.incidents, ...score.clusters, ...score.antiPatterns, ...score.constraints]) {
      if (!check.ok) failures.push(`- ${basename(dir)}: ${check.what} — ${check.detail}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n${failures.length > 0 ? `Failed checks:\n\n${failures.join('\n')}` : 'Every check passes.'}\n`);
  return 0;
}

/** `in/reported` tickets of the matched patterns that belong to their cluster; "count only" without a ticket truth. */
function purityOf(score: HistoryScore): string {
  return score.purity ? `${score.purity.inCluster}/${score.purity.reported}` : 'count only';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await run();
}
