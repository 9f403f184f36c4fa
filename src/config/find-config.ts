import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/** Name of the project config file, looked up from each scanned path upward. */
export const CONFIG_FILE = 'faultline.config.yaml';

/**
 * The nearest `faultline.config.yaml` at or above `start` (a file's folder, or the folder), as
 * ESLint and Ruff look theirs up. The search stops at the repository root (the folder holding
 * `.git`) so a config of an enclosing checkout or of the home folder never leaks into a project.
 */
export function nearestConfig(start: string): string | undefined {
  let dir = existsSync(start) && !statSync(start).isDirectory() ? dirname(start) : start;
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

/**
 * The one config a scan of `paths` uses: the nearest config of every path when they agree.
 * Paths whose nearest configs differ (or where some have one and others none) are refused: one
 * run applies one vocabulary and one rule set, and silently applying a folder's config to its
 * sibling would scan that sibling with settings it never asked for.
 * @throws ConfigError listing which path finds which config.
 */
export function configForPaths(paths: readonly string[], cwd: string): string | undefined {
  const found = paths.map((p) => ({ path: p, config: nearestConfig(resolve(cwd, p)) }));
  const distinct = new Set(found.map((f) => f.config));
  if (distinct.size <= 1) return found[0]?.config;
  const lines = found.map((f) => `${f.path} → ${f.config === undefined ? 'no config' : relative(cwd, f.config) || f.config}`);
  throw new ConfigError(`The scanned paths use different configs: ${lines.join('; ')}`, {
    help: 'Scan each part on its own, or name the config for the whole run with --config FILE.',
  });
}
