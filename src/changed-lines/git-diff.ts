import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Lines changed per file: absolute path → 1-based line numbers; `'all'` for a file that is new to git. */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number> | 'all'>;

function git(args: readonly string[], cwd: string, what: string): string {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (cause) {
    const stderr = String((cause as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0] ?? '';
    throw new UsageError(`--changed-since: ${what} (${stderr || (cause as Error).message})`, {
      cause,
      help: 'Give a ref git knows in this repository (a branch, tag or commit: origin/main, HEAD~1); in CI, fetch enough history (actions/checkout with fetch-depth: 0).',
    });
  }
}

/**
 * The lines of the working tree that differ from the merge base of `ref` and HEAD (what a pull
 * request changes, as `semgrep --baseline-commit` compares), plus every line of untracked files
 * that are not ignored. Deleted lines leave nothing to report on, so only added sides count.
 * @throws UsageError when `repoRoot` is not in a git repository or git cannot resolve `ref`.
 */
export function changedLinesSince(ref: string, repoRoot: string): ChangedLines {
  const base = git(['merge-base', ref, 'HEAD'], repoRoot, `cannot find the merge base of "${ref}" and HEAD`).trim();
  const diff = git(['diff', '--no-color', '--no-ext-diff', '--unified=0', '--diff-filter=AMR', base, '--'], repoRoot, `git diff against "${ref}" failed`);
  const changed = new Map<string, Set<number> | 'all'>(parseAddedLines(diff, repoRoot));
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], repoRoot, 'cannot list untracked files');
  for (const path of untracked.split('\0')) if (path !== '') changed.set(resolve(repoRoot, path), 'all');
  return changed;
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Added line numbers per file from a `git diff --unified=0`, paths resolved against `root`. */
export function parseAddedLines(diff: string, root: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4).replace(/\t$/, '');
      current = target === '/dev/null' ? undefined : new Set();
      if (current) out.set(resolve(root, target.startsWith('b/') ? target.slice(2) : target), current);
      continue;
    }
    const hunk = HUNK.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return out;
}
