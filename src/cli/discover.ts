import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { InputPathError } from '../errors.js';
import { SOURCE_EXTENSIONS } from '../engine/languages.js';

/** Folders and files never scanned: dependencies, build output, virtualenvs, caches, minified code. */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/node_modules/**',
  '**/.git/**',
  '**/dist/**',
  '**/build/**',
  '**/.venv/**',
  '**/venv/**',
  '**/__pycache__/**',
  '**/*.min.js',
];

export interface DiscoverOptions {
  include: readonly string[];
  exclude: readonly string[];
}

/**
 * The source files under the given paths, absolute, sorted, without duplicates. A path that is a
 * file is taken as it is (even when ignored: naming a file is asking for it); a folder is walked
 * with the default excludes, `--exclude` globs, `.gitignore` files (each applying below its folder),
 * and, when given, `--include` globs.
 * @throws InputPathError when a path does not exist.
 */
export function discoverFiles(paths: readonly string[], cwd: string, options: DiscoverOptions): string[] {
  const out = new Set<string>();
  const extGlob = `**/*.{${SOURCE_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) {
      throw new InputPathError(`Cannot scan ${p}: no such file or folder`, { file: p, help: 'Check the path; faultline scan takes files and folders.' });
    }
    if (!statSync(abs).isDirectory()) {
      out.add(abs);
      continue;
    }
    const gitignores = gitignoreMatchers(abs);
    const files = fg.sync(options.include.length > 0 ? [...options.include] : [extGlob], {
      cwd: abs,
      absolute: true,
      dot: false,
      onlyFiles: true,
      followSymbolicLinks: false,
      ignore: [...DEFAULT_EXCLUDES, ...options.exclude],
      suppressErrors: true,
    });
    for (const f of files) if (!isGitIgnored(f, gitignores) && SOURCE_EXTENSIONS.some((e) => f.toLowerCase().endsWith(e))) out.add(f);
  }
  return [...out].sort();
}

interface GitignoreAt {
  dir: string;
  rules: Ignore;
}

/** `.gitignore` files in `root`, its ancestors up to the git root, and below it. */
function gitignoreMatchers(root: string): GitignoreAt[] {
  const found: string[] = [];
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.gitignore')) && dir !== root) found.push(join(dir, '.gitignore'));
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) break;
  }
  found.push(
    ...fg.sync('**/.gitignore', { cwd: root, absolute: true, dot: true, ignore: DEFAULT_EXCLUDES as string[], suppressErrors: true }),
  );
  return found.map((file) => ({ dir: dirname(file), rules: ignore().add(readFileSync(file, 'utf8')) }));
}

function isGitIgnored(file: string, matchers: GitignoreAt[]): boolean {
  return matchers.some((m) => {
    if (!file.startsWith(m.dir + sep)) return false;
    return m.rules.ignores(relative(m.dir, file).split(sep).join('/'));
  });
}
