import { gitRoot } from '../git-root.js';
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Rule } from '../engine/rule.js';
import type { Finding } from '../engine/types.js';
import type { FailuresFile, Occurrence } from './types.js';

/**
 * The folder occurrence paths are relative to: the root of the git repository holding `scanRoot`
 * (the nearest folder above it, itself included, with a `.git` entry: a folder, or a file for
 * worktrees and submodules), else `scanRoot` itself (its folder when it is a file). No git binary
 * is needed.
 *
 * @param scanRoot the path the scan started from, absolute or relative to `cwd`.
 */
export function occurrenceRoot(scanRoot: string, cwd: string = process.cwd()): string {
  let start = resolve(cwd, scanRoot);
  if (existsSync(start) && !statSync(start).isDirectory()) start = dirname(start);
  return gitRoot(start) ?? start;
}

/** What {@link occurrencesFor} needs besides the findings. */
export interface OccurrenceOptions {
  /** Folder occurrence paths are relative to; use {@link occurrenceRoot}. */
  root: string;
  /** The directory finding paths are relative to (the scan's working directory). */
  cwd: string;
  /** The compiled rules: every id gets a list (empty when nothing was found); consequences come from them. */
  rules: readonly Rule[];
  /** Also write findings an in-source `faultline-ignore` suppresses (default false: they are accepted risks). */
  includeSuppressed?: boolean;
}

/**
 * Turns findings into the `occurrences_in_codebase` lists, per anti-pattern id: `file`
 * (relative to `root`, forward slashes), `line`, `code` (the source line, trimmed) and `risk`
 * (`HIGH - <consequence>`), sorted by file then line, one entry per file and line. Every rule id
 * is present; findings of ids that are not among `rules` are ignored.
 */
export function occurrencesFor(findings: readonly Finding[], options: OccurrenceOptions): Map<string, Occurrence[]> {
  const out = new Map<string, Occurrence[]>();
  const byId = new Map(options.rules.map((r) => [r.id, r]));
  for (const rule of options.rules) out.set(rule.id, []);
  for (const finding of findings) {
    const rule = byId.get(finding.ruleId);
    const list = out.get(finding.ruleId);
    if (rule === undefined || list === undefined) continue;
    if (finding.suppression !== undefined && options.includeSuppressed !== true) continue;
    const file = repoRelative(finding.file, options);
    if (list.some((o) => o.file === file && o.line === finding.line)) continue;
    list.push({ file, line: finding.line, code: finding.code, risk: riskText(rule) });
  }
  for (const list of out.values()) list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return out;
}

/** `HIGH - will duplicate on retry`. */
export function riskText(rule: Pick<Rule, 'risk' | 'consequence'>): string {
  return `${rule.risk.toUpperCase()} - ${rule.consequence}`;
}

function repoRelative(file: string, options: { root: string; cwd: string }): string {
  const absolute = isAbsolute(file) ? file : resolve(options.cwd, file);
  const rel = relative(resolve(options.cwd, options.root), absolute);
  return (rel === '' ? file : rel).split(sep).join('/');
}

/**
 * Adds to each anti-pattern's new list the entries already in the file for files the scan did not
 * cover, so `--write` after a scan of a subfolder or one file keeps the rest of the codebase's
 * occurrences. Entries of files that no longer exist are dropped (they are stale), as are those of
 * covered files (the scan's list replaces them). Kept entries are rewritten in the
 * file/line/code/risk shape.
 *
 * @param file the failures file as read (its current `occurrences_in_codebase` lists)
 * @param occurrencesById the scan's lists (what {@link occurrencesFor} returned)
 * @param options `root`: the folder occurrence paths are relative to; `covered`: whether the scan
 *   analysed a file (absolute path)
 */
export function withUnscannedOccurrences(
  file: FailuresFile,
  occurrencesById: ReadonlyMap<string, readonly Occurrence[]>,
  options: { root: string; covered: (absolute: string) => boolean },
): Map<string, Occurrence[]> {
  const out = new Map<string, Occurrence[]>();
  for (const [id, fresh] of occurrencesById) {
    const entry = file.antiPatterns.find((e) => e.id === id);
    const old = entry?.data.occurrences_in_codebase;
    const kept = (Array.isArray(old) ? old : []).flatMap((o: unknown): Occurrence[] => {
      const occurrence = asOccurrence(o);
      if (occurrence === undefined) return [];
      const absolute = resolve(options.root, occurrence.file);
      return options.covered(absolute) || !existsSync(absolute) ? [] : [occurrence];
    });
    const merged = [...fresh, ...kept];
    merged.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    out.set(id, merged);
  }
  return out;
}

function asOccurrence(value: unknown): Occurrence | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { file, line, code, risk } = value as Record<string, unknown>;
  if (typeof file !== 'string' || typeof line !== 'number') return undefined;
  return { file, line, code: typeof code === 'string' ? code : '', risk: typeof risk === 'string' ? risk : '' };
}
