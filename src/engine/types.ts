/** Risk of an anti-pattern: drives report grouping, the SARIF level and the CI gate. */
export type Risk = 'high' | 'medium' | 'low';

/** Risks from most to least severe; the order reports and gates use. */
export const RISKS: readonly Risk[] = ['high', 'medium', 'low'];

/** Languages a rule can target. JavaScript files are parsed with the TSX grammar. */
export type RuleLanguage = 'python' | 'typescript' | 'javascript';

export const RULE_LANGUAGES: readonly RuleLanguage[] = ['python', 'typescript', 'javascript'];

/** A source range, 1-based lines and columns (columns count UTF-16 code units), end exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Another place that explains a finding, e.g. the retry construct that makes a call dangerous. */
export interface RelatedLocation extends Span {
  message: string;
  /** Another file (same path convention as `Finding.file`); absent when it is the finding's file. */
  file?: string;
}

/** One place where an anti-pattern is waiting to happen. */
export interface Finding extends Span {
  ruleId: string;
  slug: string;
  title: string;
  risk: Risk;
  /** Path as the scan named it: relative to the scan's working directory, forward slashes. */
  file: string;
  language: RuleLanguage;
  message: string;
  /** The first source line of the finding, trimmed. */
  code: string;
  related: RelatedLocation[];
  /** Named pieces of the match (`callee`, `retry`, ...) used in the message template. */
  captures: Record<string, string>;
  /** Set when an in-source `faultline-ignore` comment covers the finding. */
  suppression?: { justification: string | null; line: number };
  /** Content-based fingerprint (stable when unrelated lines move); set by the CLI before reporting. */
  fingerprint?: string;
  /** Set when a baseline was given: whether the finding is in it. */
  baselineState?: 'new' | 'unchanged';
  /** Incident ids the finding's anti-pattern came from (from the rule or the failures YAML). */
  incidents?: string[];
}

/** Why a file was (partly) skipped, or a `faultline-ignore` comment needs attention. The scan always goes on. */
export type WarningKind = 'read' | 'binary' | 'too-large' | 'minified' | 'syntax' | 'parse' | 'matcher' | 'types' | 'suppression' | 'unused-suppression' | 'timeout';

/** A file-level problem, reported with its path; never aborts the scan of other files. */
export interface ScanWarning {
  file: string;
  kind: WarningKind;
  message: string;
  /** 1-based line, for syntax errors. */
  line?: number;
}

/** A `faultline-ignore` comment that suppressed nothing in a scan (all of it, or some of the ids it names). */
export interface UnusedSuppression {
  file: string;
  line: number;
  /** The ids that matched no finding; empty for a comment without ids that suppressed nothing. */
  ruleIds: string[];
}

/** Everything one scan produced. Findings are sorted by file, line, column, rule id. */
export interface ScanResult {
  findings: Finding[];
  warnings: ScanWarning[];
  filesScanned: number;
  /** `faultline-ignore` comments that suppressed nothing (reported with --report-unused-suppressions). */
  unusedSuppressions?: UnusedSuppression[];
  /** Findings a baseline already held and that are gone now (only with --baseline). */
  baselineFixed?: number;
}
