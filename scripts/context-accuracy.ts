/**
 * `npm run eval:context`: runs `faultline context` (the real CLI, in-process) on every failure
 * history in test/context/histories (or the folders given as arguments) and scores the report
 * against the history's EXPECTED.yaml: incidents in/out of scope, ticket clusters (counts within
 * 15 %), anti-patterns attributed with their evidence sentence, expected constraints derived.
 * Prints a Markdown table and every failed check. Exit code 0 whatever the figures (a measurement),
 * 2 when a history cannot be read or the CLI fails on it.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { parse } from 'yaml';
import { main } from '../src/cli/main.js';
import { ExpectedSchema, fraction, scoreHistory, type ContextReport, type HistoryScore } from './context-accuracy/score-history.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Run the CLI on one history folder and score it. */
export async function evaluateHistory(dir: string): Promise<HistoryScore> {
  const expected = ExpectedSchema.parse(parse(readFileSync(join(dir, 'EXPECTED.yaml'), 'utf8')));
  let out = '';
  let err = '';
  const code = await main(['context', join(dir, expected.manifold), '--config', join(dir, 'faultline.config.yaml'), '--now', expected.now], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    cwd: dir,
    isTTY: false,
    env: { NO_COLOR: '1' },
  });
  if (code !== 0) throw new Error(`faultline context failed on ${dir} (exit ${code}):\n${err}`);
  return scoreHistory(parse(out) as ContextReport, expected);
}

async function run(): Promise<number> {
  const args = process.argv.slice(2);
  const dirs = args.length > 0 ? args.map((a) => resolve(a)) : (await fg('test/context/histories/*/EXPECTED.yaml', { cwd: root, absolute: true })).sort().map(dirname);
  const lines = ['| history | incidents in/out of scope | clusters (±15 %) | anti-patterns with evidence | constraints derived |', '| --- | --- | --- | --- | --- |'];
  const failures: string[] = [];
  for (const dir of dirs) {
    let score: HistoryScore;
    try {
      score = await evaluateHistory(dir);
    } catch (e) {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    lines.push(`| ${basename(dir)} | ${fraction(score.incidents)} | ${fraction(score.clusters)} | ${fraction(score.antiPatterns)} | ${fraction(score.constraints)} |`);
    for (const check of [...score.incidents, ...score.clusters, ...score.antiPatterns, ...score.constraints]) {
      if (!check.ok) failures.push(`- ${basename(dir)}: ${check.what} — ${check.detail}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n${failures.length > 0 ? `Failed checks:\n\n${failures.join('\n')}` : 'Every check passes.'}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await run();
}
