import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Rule } from '../engine/rule.js';
import type { Finding, ScanWarning } from '../engine/types.js';
import type { FileSummary, Vocabulary } from '../matchers/index.js';
import type { PendingFinding } from '../engine/scan-source.js';

/**
 * The incremental scan cache: what scanning a file's text produced, keyed by a hash of the text
 * and its language, in one file per scanned root and rule set. The rule set hash covers every
 * rule, the vocabulary (config extensions included), faultline's version and the scan options
 * that change results, so editing any of them starts afresh. A cache that cannot be read or
 * parsed is ignored with a warning; it never fails a scan or changes its result.
 */
export interface ScanCache {
  /** The cached scan of a text, with findings and warnings relabelled for `file`. */
  get(key: string, file: string): CachedScan | undefined;
  set(key: string, scan: CachedScan): void;
  /** Writes the entries used in this scan (atomically); returns a warning text on failure. */
  save(): string | undefined;
}

/** A scan result as the cache stores it: plain data, path-independent (relabelled on the way out). */
export interface CachedScan {
  findings: Finding[];
  pending: PendingFinding[];
  summary: FileSummary | null;
  warnings: ScanWarning[];
}

interface CacheFile {
  format: number;
  ruleSet: string;
  entries: Record<string, CachedScan>;
}

const FORMAT = 2;

/** `$XDG_CACHE_HOME/faultline`, else `~/.cache/faultline`. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  const xdg = env.XDG_CACHE_HOME;
  return xdg !== undefined && xdg !== '' ? join(xdg, 'faultline') : join(homedir(), '.cache', 'faultline');
}

/** Hash of everything besides the text that decides a file's scan result. */
export function ruleSetHash(rules: readonly Rule[], vocab: Vocabulary, version: string, options: Record<string, unknown>): string {
  const plain = rules.map(({ source: _source, ...rule }) => rule);
  return sha256(JSON.stringify({ version, rules: plain, vocab, options }));
}

/** The cache key of a text scanned as the language of `path` (by extension). */
export function contentKey(text: string, extension: string): string {
  return createHash('sha256').update(extension.toLowerCase()).update('\0').update(text).digest('base64url').slice(0, 32);
}

/**
 * Opens the cache for `scope` (the scanned root) in `dir`. A missing file is an empty cache; an
 * unreadable or corrupt one is empty too, and `onWarning` hears why.
 */
export function openCache(dir: string, scope: string, ruleSet: string, onWarning: (message: string) => void): ScanCache {
  const file = join(dir, `scan-${sha256(scope).slice(0, 16)}.json`);
  let old: Record<string, CachedScan> = {};
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (typeof data !== 'object' || data === null || typeof data.entries !== 'object' || data.entries === null) throw new Error('not a faultline cache file');
    if (data.format === FORMAT && data.ruleSet === ruleSet) old = data.entries;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      onWarning(`ignoring the scan cache ${file}: ${error instanceof Error ? error.message : String(error)}; it will be rebuilt`);
    }
  }
  const used: Record<string, CachedScan> = {};
  let changed = false;
  return {
    get(key, label) {
      const entry = old[key];
      if (entry === undefined || !Array.isArray(entry.findings) || !Array.isArray(entry.warnings) || !Array.isArray(entry.pending)) return undefined;
      used[key] = entry;
      return {
        findings: entry.findings.map((f) => ({ ...f, file: label })),
        pending: entry.pending.map((f) => ({ ...f, file: label })),
        summary: entry.summary ?? null,
        warnings: entry.warnings.map((w) => ({ ...w, file: label })),
      };
    },
    set(key, scan) {
      used[key] = {
        findings: scan.findings.map((f) => ({ ...f, file: '' })),
        pending: scan.pending.map((f) => ({ ...f, file: '' })),
        summary: scan.summary,
        warnings: scan.warnings.map((w) => ({ ...w, file: '' })),
      };
      changed = true;
    },
    save() {
      if (!changed && Object.keys(used).length === Object.keys(old).length) return undefined;
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ format: FORMAT, ruleSet, entries: used } satisfies CacheFile));
        renameSync(tmp, file);
        return undefined;
      } catch (error) {
        return `cannot write the scan cache ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
      }
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
