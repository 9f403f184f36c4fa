/**
 * `npm run eval:scale [-- --out FILE]`: precision at scale. Extracts the large repositories of
 * eval/real/scale.yaml (from `$FAULTLINE_MIRROR` snapshots or GitHub, like the labelled corpus)
 * into eval/real/corpus-scale/, scans each end to end with the real CLI and prints every finding
 * with its code line, for a person to judge; the verdicts are kept in docs/accuracy.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { scanRepo } from '../eval-real.js';
import { materialize } from './build-corpus.js';
import { corpusFolder, type RepoRef } from './labels.js';

const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..', '..');

async function run(): Promise<number> {
  const refs = (parse(readFileSync(join(root, 'eval/real/scale.yaml'), 'utf8')) as { repos: RepoRef[] }).repos;
  const mirror = process.env.FAULTLINE_MIRROR;
  const lines: string[] = [];
  for (const ref of refs) {
    const into = join(root, 'eval/real/corpus-scale', corpusFolder(ref.repo));
    materialize(ref, into, mirror);
    const r = await scanRepo(into, ref.repo);
    lines.push(`## ${ref.repo} @ ${ref.commit.slice(0, 12)}: ${r.files} files, ${r.findings.length} findings, ${r.seconds.toFixed(1)} s`, '');
    for (const f of r.findings) lines.push(`- ${f.ruleId} \`${f.path}:${f.line}\` \`${(f.code ?? '').slice(0, 120)}\` — ${f.message ?? ''}`);
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
