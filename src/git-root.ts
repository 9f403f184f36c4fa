import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The root of the git repository holding `dir` (a folder with `.git`), or undefined outside git. */
export function gitRoot(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}
