import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder of faultline's own package.json, found by walking up from this module, so built-in
 * rules resolve the same from `src/` (tests) and `dist/src/` (the installed CLI).
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'faultline') return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('faultline: cannot find its own package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** faultline's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The folder of the built-in rules and vocabulary. */
export function builtinRulesDir(): string {
  return join(packageRoot(), 'rules');
}
