import { execFileSync } from 'node:child_process';
import { project } from './project.js';

/** Runs git in `dir` with a throwaway identity and no signing, returning its stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
}

/** A throwaway git repository holding `files`, committed on `main`. */
export function committedProject(files: Record<string, string>): string {
  const dir = project(files);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}
