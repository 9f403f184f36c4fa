/**
 * `npm run eval:real:build`: rebuilds eval/real/corpus/ (git-ignored) from the repositories and
 * commits the labels name. No third-party code is kept in this repository: only references.
 *
 * Where each repository comes from, first that works:
 *   1. a local snapshot: `$FAULTLINE_MIRROR/owner+name` (or `--mirror DIR`), a bare git directory
 *      or a clone (`repo/`, `repo/.git`, or the folder itself);
 *   2. `git fetch --depth 1` of the commit from https://github.com/owner/name.
 * The commit's tree is extracted whole (cross-file analysis needs the whole project) into
 * eval/real/corpus/owner+name/, with a `.faultline-commit` stamp so an unchanged repository is
 * not extracted again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabelError, corpusFolder, readRealLabels, reposOf, type RepoRef } from './labels.js';

export const LABELS_DIR = 'eval/real/labels';
export const CORPUS_DIR = 'eval/real/corpus';
export const STAMP = '.faultline-commit';

function git(args: string[], opts: { cwd?: string; input?: Buffer } = {}): Buffer {
  return execFileSync('git', args, { cwd: opts.cwd, input: opts.input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A git directory for `repo` under the mirror root that holds `commit`, or null. */
function mirrorGitDir(mirror: string, ref: RepoRef): string | null {
  const base = join(mirror, corpusFolder(ref.repo));
  for (const dir of [join(base, 'repo', '.git'), join(base, 'repo'), join(base, '.git'), base]) {
    if (!existsSync(join(dir, 'HEAD')) || !existsSync(join(dir, 'objects'))) continue;
    try {
      git(['--git-dir', dir, 'cat-file', '-e', `${ref.commit}^{commit}`]);
      return dir;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Writes the commit's files under `into`. Snapshots may lack large blobs (`git archive` would
 * fail on them), so files are read one by one and a missing blob is skipped: it is never source.
 */
function extract(gitDir: string, commit: string, into: string): void {
  const entries = git(['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--full-tree', commit])
    .toString('utf8')
    .split('\0')
    .flatMap((line) => {
      const m = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(line);
      return m && m[1] !== '120000' ? [{ sha: m[2] ?? '', path: m[3] ?? '' }] : [];
    });
  const present = new Set(
    git(['--git-dir', gitDir, 'cat-file', '--batch-check'], { input: Buffer.from(entries.map((e) => e.sha).join('\n') + '\n') })
      .toString('utf8')
      .split('\n')
      .flatMap((l) => (/ blob \d+$/.test(l) ? [l.split(' ')[0] ?? ''] : [])),
  );
  const wanted = entries.filter((e) => present.has(e.sha));
  const out = git(['--git-dir', gitDir, 'cat-file', '--batch'], { input: Buffer.from(wanted.map((e) => e.sha).join('\n') + '\n') });
  let at = 0;
  for (const e of wanted) {
    const header = out.indexOf(0x0a, at);
    const size = Number(out.subarray(at, header).toString('utf8').split(' ')[2]);
    const body = out.subarray(header + 1, header + 1 + size);
    at = header + 1 + size + 1;
    const file = join(into, e.path);
    if (!file.startsWith(into)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
}

function fetchFromGithub(ref: RepoRef, into: string): void {
  const tmp = mkdtempSync(join(tmpdir(), 'faultline-real-'));
  try {
    git(['init', '-q', '--bare', tmp]);
    git(['--git-dir', tmp, 'fetch', '-q', '--depth', '1', `https://github.com/${ref.repo}.git`, ref.commit]);
    extract(tmp, ref.commit, into);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export interface BuildResult {
  built: string[];
  kept: string[];
  failed: { repo: string; reason: string }[];
}

/**
 * Makes `into` hold `ref` at its commit: kept when its stamp already names that commit, else
 * extracted from a mirror snapshot or fetched. Returns whether it had to be built. Each repository
 * is its own git root, as in a real checkout, so this project's ignore files (which ignore the
 * corpus) do not apply to it. A failed build leaves nothing behind.
 */
export function materialize(ref: RepoRef, into: string, mirror: string | undefined): 'kept' | 'built' {
  const stamp = join(into, STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === ref.commit) return 'kept';
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  try {
    const dir = mirror === undefined ? null : mirrorGitDir(mirror, ref);
    if (dir !== null) extract(dir, ref.commit, into);
    else fetchFromGithub(ref, into);
    git(['init', '-q', into]);
    writeFileSync(stamp, `${ref.commit}\n`);
    return 'built';
  } catch (err) {
    rmSync(into, { recursive: true, force: true });
    throw err;
  }
}

export function buildCorpus(root: string, mirror: string | undefined, log: (line: string) => void): BuildResult {
  const refs = reposOf(readRealLabels(root, LABELS_DIR));
  const result: BuildResult = { built: [], kept: [], failed: [] };
  for (const ref of refs) {
    try {
      const how = materialize(ref, join(root, CORPUS_DIR, corpusFolder(ref.repo)), mirror);
      result[how].push(ref.repo);
      if (how === 'built') log(`built ${ref.repo} @ ${ref.commit.slice(0, 12)}`);
    } catch (err) {
      const reason = err instanceof Error ? (err.message.split('\n').find((l) => l.trim() !== '') ?? err.message) : String(err);
      result.failed.push({ repo: ref.repo, reason });
      log(`could not build ${ref.repo} @ ${ref.commit.slice(0, 12)}: ${reason}`);
    }
  }
  return result;
}

const here = fileURLToPath(import.meta.url);
if (process.argv[1] !== undefined && resolve(process.argv[1]) === here) {
  const root = resolve(dirname(here), '..', '..');
  const flag = process.argv.indexOf('--mirror');
  const mirror = flag >= 0 ? process.argv[flag + 1] : process.env.FAULTLINE_MIRROR;
  try {
    const r = buildCorpus(root, mirror, (l) => process.stdout.write(`${l}\n`));
    process.stdout.write(`${r.built.length} built, ${r.kept.length} already there, ${r.failed.length} failed\n`);
    process.exitCode = r.failed.length > 0 ? 1 : 0;
  } catch (err) {
    process.stderr.write(`error: ${err instanceof LabelError ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
