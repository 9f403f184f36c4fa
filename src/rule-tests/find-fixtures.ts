import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { InputPathError } from '../errors.js';
import { languageForPath } from '../engine/languages.js';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'build', '.venv', 'venv', '__pycache__']);

/** Source files under `dir`, recursively, sorted. */
function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) out.push(...sourcesUnder(path));
    } else if (languageForPath(path) !== undefined) out.push(path);
  }
  return out;
}

const isDir = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The fixture files of a rule path, as `semgrep --test` finds them: for a rule file
 * `rules/AP-004-x.yaml`, the source files beside it named `AP-004-x.<ext>`, the files under
 * `rules/AP-004-x/` and under `rules/tests/`; for a folder, every source file under it.
 * @throws InputPathError when the path does not exist.
 */
export function fixturesFor(rulePath: string, cwd: string): string[] {
  const abs = resolve(cwd, rulePath);
  let stat;
  try {
    stat = statSync(abs);
  } catch (cause) {
    throw new InputPathError(`Cannot test ${rulePath}: no such file or folder`, { file: rulePath, cause, help: 'Give rule files or folders: faultline test rules/AP-004-my-rule.yaml' });
  }
  if (stat.isDirectory()) return sourcesUnder(abs);
  const dir = dirname(abs);
  const stem = basename(abs, extname(abs));
  const beside = readdirSync(dir)
    .filter((name) => basename(name, extname(name)) === stem && languageForPath(name) !== undefined)
    .map((name) => join(dir, name));
  const own = isDir(join(dir, stem)) ? sourcesUnder(join(dir, stem)) : [];
  const shared = isDir(join(dir, 'tests')) ? sourcesUnder(join(dir, 'tests')) : [];
  return [...beside.sort(), ...own, ...shared];
}

/** Every source file under a fixtures folder (`--fixtures DIR`). @throws InputPathError. */
export function fixturesIn(dir: string, cwd: string): string[] {
  const abs = resolve(cwd, dir);
  if (!isDir(abs)) throw new InputPathError(`Cannot read fixtures from ${dir}: no such folder`, { file: dir, help: 'Give the folder that holds the rule fixtures: --fixtures tests/' });
  return sourcesUnder(abs);
}
