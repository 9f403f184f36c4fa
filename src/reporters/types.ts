import type { Rule } from '../engine/rule.js';
import type { Risk, ScanResult } from '../engine/types.js';

/** What a reporter may know besides the findings. The CLI fills it; reporters never read the environment. */
export interface ReportContext {
  /** Whether to colour the output (a TTY with NO_COLOR unset). */
  color: boolean;
  /** Directory finding paths are relative to. */
  cwd: string;
  /** Root for SARIF `%SRCROOT%` (the git root holding the scan root, or the scan root), absolute. */
  srcRoot: string;
  /** Every loaded rule, in registry order. */
  rules: readonly Rule[];
  /** faultline's version. */
  version: string;
  /** The command line as run (`faultline scan . --format sarif`). */
  commandLine: string;
  /** The gate: findings at or above it fail the run (`none`: never). */
  failOn: Risk | 'none';
  /** Source text by finding path, for code frames; may be partial. */
  sources: ReadonlyMap<string, string>;
  /** Optional extra header block (the failures YAML's ANTI-PATTERN EXTRACTION summary). */
  preamble?: string;
  /** With --failures: what the file's occurrences_in_codebase lists receive (or received, with --write). */
  failures?: {
    file: string;
    occurrences: Record<string, { file: string; line: number; code: string; risk: string }[]>;
    written: boolean;
  };
}

/** A reporter: a pure function from a scan to the text to print. */
export type Reporter = (result: ScanResult, ctx: ReportContext) => string;
