import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
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

let codeId: string | undefined;

/**
 * A fingerprint of the code that is running (names, sizes and modification times of faultline's
 * own modules), so a cache written by another build of faultline is never trusted, even at the
 * same version number.
 */
export function codeFingerprint(): string {
  if (codeId !== undefined) return codeId;
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|ts)$/.test(entry.name)) {
        const st = statSync(path);
        hash.update(`${path}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  walk(dirname(fileURLToPath(import.meta.url)));
  return (codeId = hash.digest('hex').slice(0, 16));
}
