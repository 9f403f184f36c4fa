// The scanned workspace's own packages (npm, pnpm, yarn workspaces): what a bare import such as
// `@acme/db/queries` names when the package lives in the same repository.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { WorkspacePackage } from '../engine/link.js';

/** The named packages among `dirs` (absolute folders with a package.json), in the file convention of the scan. */
export function workspacePackages(cwd: string, dirs: Iterable<string>): WorkspacePackage[] {
  const out: WorkspacePackage[] = [];
  for (const dir of new Set(dirs)) {
    const manifest = readManifest(join(dir, 'package.json'));
    if (manifest === null || typeof manifest.name !== 'string' || manifest.name === '') continue;
    const exports = exportedFiles(manifest.exports);
    // No `exports` for the root: the entry point `types` / `typings` / `main` names.
    const entry = [manifest.types, manifest.typings, manifest.main].find((e): e is string => typeof e === 'string' && e !== '');
    if (exports['.'] === undefined && entry !== undefined) exports['.'] = entry;
    out.push({ name: manifest.name, dir: relative(cwd, dir).split(sep).join('/') || '.', exports });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

function readManifest(path: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null; // no manifest, or one we cannot read: its imports stay unresolved
  }
}

/** `exports` subpaths to a source-ish file: a string, or the first of `types`/`import`/`default`/`require`. */
function exportedFiles(exports: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof exports === 'string') out['.'] = exports;
  else if (exports !== null && typeof exports === 'object') {
    for (const [key, value] of Object.entries(exports as Record<string, unknown>)) {
      if (!key.startsWith('.') || key.includes('*')) continue;
      const file = conditionalTarget(value);
      if (file !== undefined) out[key] = file;
    }
  }
  return out;
}

function conditionalTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  for (const key of ['types', 'import', 'default', 'require', 'node']) {
    const t = conditionalTarget(v[key]);
    if (t !== undefined) return t;
  }
  return undefined;
}
