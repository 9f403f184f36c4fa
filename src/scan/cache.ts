import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Rule } from '../engine/rule.js';
import type { Finding, ScanResult, ScanWarning } from '../engine/types.js';
import type { FileSummary, Vocabulary } from '../matchers/index.js';
import type { DeferredFinding, PendingFinding } from '../engine/scan-source.js';
import { writeFileSafely } from '../write-file-safely.js';
import type { z } from 'zod';
import { CachedScanSchema, decodeCacheFile, encodeCacheFile, EntriesFileSchema, firstIssue, SettledFileSchema, sha256 } from './cache-schema.js';

/**
 * The incremental scan cache, per scanned root and rule set:
 * - per file, what scanning its text produced, keyed by a hash of the text and its language (a
 *   base file, plus a small delta file that takes the entries of the few files an edit adds, so an
 *   edit does not rewrite the base);
 * - for the whole scan, the settled result (cross-file verdicts, suppressions and test-file risk
 *   applied) keyed by a hash of every input the settling reads, and the answers of the type
 *   checker keyed by a hash of the TypeScript inputs. An unchanged repository is answered from
 *   the small second file alone, without reading the first; after an edit only the edited files
 *   are scanned and the cross-file step runs again on cached summaries.
 * The rule set hash covers every rule, the vocabulary (config extensions included), faultline's
 * version and the scan options that change results, so editing any of them starts afresh. A cache
 * that cannot be read or parsed is ignored with a warning; it never fails a scan or changes its
 * result: each file carries a checksum of its content and is schema-checked (see cache-schema.ts).
 */
export interface ScanCache {
  /** The cached scan of a text, with findings and warnings relabelled for `file`. */
  get(key: string, file: string): CachedScan | undefined;
  set(key: string, scan: CachedScan): void;
  /** The settled result of a scan whose inputs hash to `key`. */
  settled(key: string): ScanResult | undefined;
  setSettled(key: string, result: ScanResult): void;
  /**
   * The type checker's answers, valid while the files it read are unchanged: `keyOf` hashes the
   * current content of the files the cached answers were read from, and the answers come back
   * only when that hash is the one stored with them (else an empty set). The map is live: the
   * scan adds new answers to it.
   */
  typedAnswers(keyOf: (files: readonly string[]) => string): TypedAnswers;
  /** Records which files the answers now depend on, and their hash, for the next scan. */
  setTypedFiles(files: readonly string[], key: string): void;
  /** Writes what this scan used or added (atomically); returns a warning text on failure. */
  save(): string | undefined;
}

/** Where the type checker says a call goes (null: nowhere in the project). */
import type { TypedAnswer } from '../engine/link.js';
export type { TypedAnswer };

/** Cached answers of the type checker and the files they were read from. */
export interface TypedAnswers {
  answers: Map<string, TypedAnswer>;
  files: readonly string[];
}

/** A scan result as the cache stores it: plain data, path-independent (relabelled on the way out). */
export interface CachedScan {
  findings: Finding[];
  pending: PendingFinding[];
  deferred: DeferredFinding[];
  summary: FileSummary | null;
  warnings: ScanWarning[];
}

interface EntriesFile {
  format: number;
  ruleSet: string;
  entries: Record<string, CachedScan>;
}

interface SettledFile {
  format: number;
  ruleSet: string;
  key: string;
  result: ScanResult;
  typed: { key: string; files: string[]; answers: Record<string, TypedAnswer> };
}

// 7: the type checker's answer for an interface or abstract method names its implementations.
const FORMAT = 7;
/** Entries a delta may hold however small the base. */
const MIN_DELTA = 64;

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
 * Opens the cache for `scope` (the scanned root) in `dir`. Missing files are an empty cache;
 * unreadable or corrupt ones are empty too, and `onWarning` hears why (when they are first read).
 */
export function openCache(dir: string, scope: string, ruleSet: string, onWarning: (message: string) => void): ScanCache {
  const id = sha256(scope).slice(0, 16);
  const entriesPath = join(dir, `scan-${id}.json`);
  const settledPath = join(dir, `settled-${id}.json`);
  // A file whose checksum or shape does not match is a miss with a warning, never a changed answer.
  const read = <T>(file: string, schema: z.ZodType): Partial<T> | undefined => {
    try {
      const data = decodeCacheFile(readFileSync(file, 'utf8'));
      const checked = schema.safeParse(data);
      if (!checked.success) throw new Error(`not a faultline cache file (${firstIssue(checked.error)})`);
      const { format, ruleSet: set } = data as { format: unknown; ruleSet: unknown };
      return format === FORMAT && set === ruleSet ? (data as Partial<T>) : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        onWarning(`ignoring the scan cache ${file}: ${error instanceof Error ? error.message : String(error)}; it will be rebuilt`);
      }
      return undefined;
    }
  };

  // The per-file entries are large: read only when a file's scan is asked for. They are a base
  // file plus a small delta of entries added since; entries are keyed by content, so any delta
  // is valid with any base.
  const deltaPath = join(dir, `scan-${id}.delta.json`);
  let base: Record<string, CachedScan> | undefined;
  let old: Record<string, CachedScan> | undefined;
  const entries = () => {
    if (old === undefined) {
      base = read<EntriesFile>(entriesPath, EntriesFileSchema)?.entries ?? {};
      old = { ...base, ...(read<EntriesFile>(deltaPath, EntriesFileSchema)?.entries ?? {}) };
    }
    return old;
  };
  let settledData: Partial<SettledFile> | undefined | null = null;
  const settledFile = () => {
    if (settledData === null) settledData = read<SettledFile>(settledPath, SettledFileSchema);
    return settledData;
  };
  let damagedEntryReported = false;

  const used: Record<string, CachedScan> = {};
  let entriesChanged = false;
  let newSettled: { key: string; result: ScanResult } | undefined;
  let typed: { key: string; files: string[]; answers: Map<string, TypedAnswer> } | undefined;
  return {
    get(key, label) {
      const entry = entries()[key];
      if (entry === undefined) return undefined;
      const checked = CachedScanSchema.safeParse(entry);
      if (!checked.success) {
        if (!damagedEntryReported) onWarning(`ignoring damaged entries of the scan cache in ${dir} (${firstIssue(checked.error)}); those files are scanned afresh`);
        damagedEntryReported = true;
        return undefined;
      }
      used[key] = entry;
      return {
        findings: entry.findings.map((f) => ({ ...f, file: label })),
        pending: entry.pending.map((f) => ({ ...f, file: label })),
        deferred: entry.deferred.map((f) => ({ ...f, file: label })),
        summary: entry.summary ?? null,
        warnings: entry.warnings.map((w) => ({ ...w, file: label })),
      };
    },
    set(key, scan) {
      used[key] = {
        findings: scan.findings.map((f) => ({ ...f, file: '' })),
        pending: scan.pending.map((f) => ({ ...f, file: '' })),
        deferred: scan.deferred.map((f) => ({ ...f, file: '' })),
        summary: scan.summary,
        warnings: scan.warnings.map((w) => ({ ...w, file: '' })),
      };
      entriesChanged = true;
    },
    settled(key) {
      const data = settledFile();
      return data?.key === key ? data.result : undefined;
    },
    setSettled(key, result) {
      newSettled = { key, result };
    },
    typedAnswers(keyOf) {
      if (typed === undefined) {
        const data = settledFile()?.typed;
        const files = data?.files ?? [];
        const valid = data !== undefined && data.key === keyOf(files);
        typed = valid ? { key: data.key, files, answers: new Map(Object.entries(data.answers)) } : { key: '', files: [], answers: new Map() };
      }
      return typed;
    },
    setTypedFiles(files, key) {
      if (typed !== undefined) typed = { ...typed, key, files: [...files] };
    },
    save() {
      try {
        // Entries are saved when files were scanned afresh or some went away: a few new ones go
        // to the delta; the base is rewritten (and the delta dropped) once the delta or the
        // entries no longer used grow large next to it.
        if (old !== undefined && base !== undefined && (entriesChanged || Object.keys(used).length !== Object.keys(old).length)) {
          const baseSize = Object.keys(base).length;
          const added = Object.entries(used).filter(([key]) => base?.[key] === undefined);
          const unused = baseSize - (Object.keys(used).length - added.length);
          if (baseSize > 0 && added.length <= Math.max(MIN_DELTA, baseSize / 8) && unused <= baseSize / 4) {
            writeAtomically(dir, deltaPath, { format: FORMAT, ruleSet, entries: Object.fromEntries(added) } satisfies EntriesFile);
          } else {
            writeAtomically(dir, entriesPath, { format: FORMAT, ruleSet, entries: used } satisfies EntriesFile);
            rmSync(deltaPath, { force: true });
          }
        }
        if (newSettled !== undefined) {
          const answers = typed ?? { key: '', files: [], answers: new Map<string, TypedAnswer>() };
          const data: SettledFile = { format: FORMAT, ruleSet, ...newSettled, typed: { key: answers.key, files: answers.files, answers: Object.fromEntries(answers.answers) } };
          writeAtomically(dir, settledPath, data);
        }
        return undefined;
      } catch (error) {
        return `cannot write the scan cache in ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
      }
    },
  };
}

/**
 * Creates `dir` and its missing parents one level at a time. Node's `mkdirSync(…, { recursive:
 * true })` retries forever where a parent exists but refuses children with ENOENT (`/proc/x`);
 * this walks up the path's own levels once and stops at the first failure.
 * @throws the first mkdir error (with its errno code)
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let level = resolve(dir); ; level = dirname(level)) {
    if (existsSync(level)) {
      if (!statSync(level).isDirectory()) throw Object.assign(new Error(`${level} is not a folder`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(level);
    if (dirname(level) === level) break;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (error) {
      // Another scan may have created it meanwhile.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function writeAtomically(dir: string, file: string, data: unknown): void {
  makeFolder(dir);
  writeFileSafely(file, encodeCacheFile(data), { durable: false });
}
