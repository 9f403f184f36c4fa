/**
 * Typed errors for the context flow (`faultline context`, `faultline merge`).
 *
 * Every error carries a stable `code`, a message that names the file and the record that failed
 * (`incidents/2024.csv row 14: date "2024-13-01" is not a valid date`), a `help` line with the fix
 * and, when one exists, the original error as `cause`. The CLI maps all of them to exit code 2.
 *
 */
import { ScanError } from '../errors.js';

/** Options every context error accepts. */
export interface ContextErrorOptions {
  /** One line telling the user how to fix it. */
  help: string;
  /** Display path of the file the error is about, when there is one. */
  file?: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** The underlying error, kept for debugging. */
  cause?: unknown;
}

/** Base class of every error the context flow throws on purpose: a `ScanError`, so exit code 2. */
export class ContextError extends ScanError {
  constructor(code: string, message: string, options: ContextErrorOptions) {
    super(code, message, options);
  }
}

/** The manifold YAML cannot be read, is not YAML, or does not fit the manifold schema. */
export class ManifoldError extends ContextError {
  constructor(message: string, options: ContextErrorOptions) {
    super('manifold', message, options);
  }
}

/** An incident, postmortem or ticket file is malformed; the message names the file and record. */
export class ContextInputError extends ContextError {
  constructor(message: string, options: ContextErrorOptions) {
    super('context-input', message, options);
  }
}

/** The `context:` section of faultline.config.yaml (or a source flag) is invalid. */
export class ContextConfigError extends ContextError {
  constructor(message: string, options: ContextErrorOptions) {
    super('context-config', message, options);
  }
}

/** A command-line value is wrong (`--timeframe 0`, `--now 2024-13-01`, unknown `--sources`). */
export class ContextUsageError extends ContextError {
  constructor(message: string, options: ContextErrorOptions) {
    super('context-usage', message, options);
  }
}

/** A rule file could not be read as an anti-pattern catalogue entry. */
export class CatalogueError extends ContextError {
  constructor(message: string, options: ContextErrorOptions) {
    super('rule-catalogue', message, options);
  }
}

/** A failures YAML cannot be merged into a manifold. */
export class MergeError extends ContextError {
  constructor(message: string, options: ContextErrorOptions) {
    super('merge', message, options);
  }
}

/**
 * True for any error that carries a `code` and a `help` line (a `ContextError` or the scanner's
 * `ScanError`), i.e. an input problem the CLI reports with exit code 2 rather than a crash.
 */
export function isReportableError(error: unknown): error is Error & { code: string; help: string } {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { help?: unknown }).help === 'string'
  );
}
