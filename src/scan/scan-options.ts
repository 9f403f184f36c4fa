// What a files scan takes and gives back.
import type { DeferredFinding, PendingFinding } from '../engine/scan-source.js';
import type { Suppression } from '../engine/suppressions.js';
import type { Finding, Risk, RuleLanguage, ScanResult, ScanWarning } from '../engine/types.js';
import type { FileSummary, Vocabulary } from '../matchers/index.js';
import type { Rule } from '../engine/rule.js';
import type { ScanCache } from './cache.js';
import type { Progress } from './progress.js';

export interface ScanFilesOptions {
  cwd: string;
  rules: readonly Rule[];
  vocab: Vocabulary;
  maxFileSize: number;
  /** Risk for findings in test files, `keep` (the rule's), or `off` (none reported). */
  testFileRisk: Risk | 'keep' | 'off';
  testFilePatterns: readonly string[];
  /** Honour `faultline-ignore` comments (off with --no-suppressions). */
  suppressions: boolean;
  /** Rule ids a `faultline-ignore` comment may name without a warning (default: the ids of `rules`). */
  knownRuleIds?: readonly string[];
  /** Resolve method calls on typed objects with the TypeScript checker (off with --no-types). */
  types: boolean;
  /** Where a tsconfig.json may be (scan root, git root). */
  typeRoots: readonly string[];
}

/** Test files: scanned, but their findings are usually not what gates a merge. */
// `test_*` / `test-*` also name test scripts kept beside the code (`scripts/test-email.js`), and
// `load-test*` / `loadtest*` / `locustfile.py` load tests against a local server.
export const DEFAULT_TEST_PATTERNS: readonly string[] = ['test_*.*', 'test-*.*', '*_test.py', '*.test.*', '*.spec.*', 'conftest.py', 'load-test*.*', 'load_test*.*', 'loadtest*.*', 'locustfile.py'];

/** A scan plus the source text of every file that has findings (for code frames and write-back). */
export interface FilesScan {
  result: ScanResult;
  sources: Map<string, string>;
  stats: ScanStats;
}

/** How the work of a scan was done (not part of any report). */
export interface ScanStats {
  /** Files parsed with tree-sitter. */
  parsed: number;
  /** Files the prefilter proved cannot match (read, not parsed). */
  prefiltered: number;
  /** Files whose result came from the cache. */
  cached: number;
  /** Worker threads used (0: scanned in this thread). */
  threads: number;
  /** Files scanned again in full because a deferred cross-file finding of theirs may hold. */
  rescanned: number;
}

/** How to run a scan: parallelism, prefilter, cache, progress. All optional; defaults scan in-thread. */
export interface ScanRunOptions {
  /** Worker threads (default 1); a scan too small to be worth a worker runs in this thread. */
  jobs?: number;
  /** Skip files the rules' vocabularies prove cannot match (default on). */
  prefilter?: boolean;
  cache?: ScanCache;
  progress?: Progress;
  /** Longest one file may take on a worker before it is stopped and reported (default 20 s). */
  fileBudgetMs?: number;
  /** Fewer bytes than this to scan are scanned in this thread: workers cost more to start (default 256 KiB). */
  workerMinBytes?: number;
  /** Bytes of text kept from hashing for the scan (default 64 MiB); files past it are read again to scan. */
  heldTextBytes?: number;
  /**
   * Leave the tests of cross-file candidates until the link step shows they may hold, then scan
   * those files again in full (default on; the findings are the same either way).
   */
  deferTests?: boolean;
}

/** One file's part of a scan, as the settle step takes it. */
export interface FileOutcome {
  file: string;
  language: RuleLanguage;
  findings: Finding[];
  pending: PendingFinding[];
  deferred: DeferredFinding[];
  summary: FileSummary | null;
  warnings: ScanWarning[];
  suppressions: Suppression[];
  text?: string;
  scanned: boolean;
}
