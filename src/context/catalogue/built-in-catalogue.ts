import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type { CatalogueEntry } from './anti-pattern-catalogue.js';
import { loadCatalogue } from '../read-context-inputs.js';

/**
 * The folder of the installed faultline package: the nearest folder above `startDir` whose
 * package.json is named "faultline". Works from `src/` (tests, tsx) and from `dist/`.
 */
export function findPackageRoot(startDir: string): string | undefined {
  let dir = startDir;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
      if (name === 'faultline') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Load the built-in anti-pattern catalogue: `rules/*.yaml` of the faultline package that contains
 * `startDir` (pass the calling module's folder, never the user's cwd). Rules without `signals:`
 * are skipped. Returns an empty catalogue when the package has no rules folder.
 *
 * @throws CatalogueError when a rule file's catalogue fields are malformed
 */
export async function loadBuiltInCatalogue(startDir: string): Promise<CatalogueEntry[]> {
  const root = findPackageRoot(startDir);
  if (!root) return [];
  const files = (await fg('rules/*.yaml', { cwd: root, absolute: true })).sort();
  return loadCatalogue(files, root);
}
