/**
 * `npm run eval:scale [-- --out FILE]`: precision at scale. Extracts the large repositories of
 * eval/real/scale.yaml (from `$FAULTLINE_MIRROR` snapshots or GitHub, like the labelled corpus)
 * into eval/real/corpus-scale/, scans each end to end with the real CLI and prints every finding
 * with its code line, for a person to judge; the verdicts are kept in docs/accuracy.md.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.js';
import { STAMP, extract, fetchFromGithub, mirrorGitDir } from './build-corpus.js';
import { corpusFolder, type RepoRef } from './labels.js';

const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..', '..');

async function run(): Promise<number> {
  const refs = (parse(readFileSync(join(root, 'eval/real/scale.yaml'), 'utf8')) as { repos: RepoRef[] }).repos;
  const mirror = process.env.FAULTLINE_MIRROR;
  const lines: string[] = [];
  for (const ref of refs) {
    const into = join(root, 'eval/real/corpus-scale', corpusFolder(ref.repo));
    const stamp = join(into, STAMP);
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== ref.commit) {
      rmSync(into, { recursive: true, force: true });
      mkdirSync(into, { recursive: true });
      const dir = mirror === undefined ? null : mirrorGitDir(mirror, ref);
      if (dir !== null) extract(dir, ref.commit, into);
      else fetchFromGithub(ref, into);
      execFileSync('git', ['init', '-q', into]);
      writeFileSync(stamp, `${ref.commit}\n`);
    }
    let out = '';
    let err = '';
    const started = performance.now();
    const code = await main(['scan', '.', '--format', 'json', '--fail-on', 'none', '--quiet'], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: into, isTTY: false, env: process.env });
    if (code === 2) throw new Error(`${ref.repo}: ${err}`);
    const report = JSON.parse(out) as { summary: { filesScanned: number }; findings: { ruleId: string; file: string; line: number; code: string; message: string }[] };
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    lines.push(`## ${ref.repo} @ ${ref.commit.slice(0, 12)}: ${report.summary.filesScanned} files, ${report.findings.length} findings, ${seconds} s`, '');
    for (const f of report.findings) lines.push(`- ${f.ruleId} \`${f.file}:${f.line}\` \`${f.code.slice(0, 120)}\` — ${f.message}`);
    lines.push('');
  }
  const text = lines.join('\n');
  const flag = process.argv.indexOf('--out');
  if (flag >= 0 && process.argv[flag + 1]) writeFileSync(resolve(process.argv[flag + 1]!), text);
  process.stdout.write(text);
  return 0;
}

run().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
