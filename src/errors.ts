/**
 * Typed errors shared by every layer. Each carries a stable `code`, a title that says what failed
 * and where, a `help` line with the fix, and the original error as `cause`. Only the CLI turns
 * them into exit codes (all of them are exit code 2: usage, config, rule or input error).
 */
export class ScanError extends Error {
  readonly code: string;
  readonly help: string;
  /** File the error is about, when there is one. */
  readonly file: string | undefined;
  /** 1-based line in `file`, when known. */
  readonly line: number | undefined;

  constructor(
    code: string,
    message: string,
    options: { help: string; file?: string; line?: number; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.help = options.help;
    this.file = options.file;
    this.line = options.line;
  }
}

/** A rule file could not be read or parsed as YAML. */
export class RuleLoadError extends ScanError {
  constructor(message: string, options: { help: string; file?: string; line?: number; cause?: unknown }) {
    super('rule-load', message, options);
  }
}

/** A rule file parsed but does not fit the rule schema. */
export class RuleSchemaError extends ScanError {
  constructor(message: string, options: { help: string; file?: string; line?: number; cause?: unknown }) {
    super('rule-schema', message, options);
  }
}

/** A rule names a matcher kind that is not registered. */
export class UnknownMatcherError extends ScanError {
  constructor(message: string, options: { help: string; file?: string; line?: number; cause?: unknown }) {
    super('unknown-matcher', message, options);
  }
}

/** A rule or file names a language faultline has no grammar for. */
export class UnsupportedLanguageError extends ScanError {
  constructor(message: string, options: { help: string; file?: string; line?: number; cause?: unknown }) {
    super('unsupported-language', message, options);
  }
}

/** `--format` names no registered reporter. */
export class UnknownFormatError extends ScanError {
  constructor(message: string, options: { help: string; cause?: unknown }) {
    super('unknown-format', message, options);
  }
}

/** The project config file (faultline.config.yaml) is unreadable or invalid. */
export class ConfigError extends ScanError {
  constructor(message: string, options: { help: string; file?: string; line?: number; cause?: unknown }) {
    super('config', message, options);
  }
}

/** A path given on the command line does not exist or cannot be read. */
export class InputPathError extends ScanError {
  constructor(message: string, options: { help: string; file?: string; cause?: unknown }) {
    super('input-path', message, options);
  }
}

/** The command line itself is wrong (unknown option, bad value). */
export class UsageError extends ScanError {
  constructor(message: string, options: { help: string; cause?: unknown }) {
    super('usage', message, options);
  }
}

/** A baseline file (`--baseline FILE`) is missing, not JSON, or not a faultline baseline. */
export class BaselineError extends ScanError {
  constructor(message: string, options: { help: string; file?: string; cause?: unknown }) {
    super('baseline', message, options);
  }
}

/** An output file (`--output`, `context --out`) cannot be written. */
export class OutputError extends ScanError {
  constructor(message: string, options: { help: string; file?: string; cause?: unknown }) {
    super('output', message, options);
  }
}

/** A fixture file is malformed (bad annotation, wrong folder). Used by the fixture harness. */
export class FixtureError extends ScanError {
  constructor(message: string, options: { help: string; file?: string; line?: number; cause?: unknown }) {
    super('fixture', message, options);
  }
}

/**
 * A failures YAML file (`--failures`, `faultline compile`) cannot be read, is malformed, does not
 * compile into rules, or cannot be written back. The file is never left half-written.
 */
export class FailuresFileError extends ScanError {
  constructor(message: string, options: { help: string; file?: string; line?: number; cause?: unknown }) {
    super('failures-file', message, options);
  }
}
