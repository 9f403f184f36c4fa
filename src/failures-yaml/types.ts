import type { Document } from 'yaml';
import type { RuleLanguage } from '../engine/types.js';

/** A string value of the failures file with the 1-based line it sits on. */
export interface Located {
  text: string;
  line: number;
}

/** One `anti_patterns[]` entry, as the team wrote it, with the lines faultline reports against. */
export interface AntiPatternEntry {
  /** The entry's `id` (`AP-001`). Unique in the file. */
  id: string;
  /** `name` (or `title`), when present. */
  name: string | undefined;
  description: string | undefined;
  /** Position in `anti_patterns` (0-based). */
  index: number;
  /** Line of the entry (its first key). */
  line: number;
  /** The entry as plain data (`yaml` `toJS()`), every key included. */
  data: Record<string, unknown>;
  /** `pattern_signature` phrases with their lines; empty when the key is absent. */
  phrases: Located[];
  /** `example_bad_code` snippets (a string or a list of strings). */
  badExamples: Located[];
  /** `example_good_code` snippets. */
  goodExamples: Located[];
  /** Line of a key path inside the entry (`['signature', 2]`), or of its closest existing parent. */
  lineOf(path: readonly (string | number)[]): number;
}

/** An incident the file lists (top-level `incidents`, or `incident_search.results`). */
export interface IncidentRef {
  id: string;
  title: string | undefined;
  line: number;
  /** Every string in the incident, lower-cased and joined: what anti-pattern signals are matched against. */
  text: string;
}

/** A failures YAML file, read and validated. Holds the original text for the byte-preserving writer. */
export interface FailuresFile {
  /** The path as given. */
  path: string;
  /** The file's text exactly as read. */
  text: string;
  /** The parsed document (positions kept; never re-serialised as a whole). */
  doc: Document.Parsed;
  antiPatterns: AntiPatternEntry[];
  incidents: IncidentRef[];
  /** Line of any key path in the file, or of its closest existing parent. */
  lineOf(path: readonly (string | number)[]): number;
}

/** One entry written to `occurrences_in_codebase`, in the seed's shape. */
export interface Occurrence {
  /** Repository-relative path with forward slashes. */
  file: string;
  line: number;
  /** The source line, trimmed. */
  code: string;
  /** `HIGH - will duplicate on retry`: the risk in capitals, a dash, the rule's consequence. */
  risk: string;
}

/** How one anti-pattern was compiled. */
export type CompiledFrom = 'explicit' | `builtin:${string}` | 'phrases';

/** What happened to one phrase of `pattern_signature`. */
export interface PhraseReport {
  phrase: string;
  line: number;
  /** Vocabulary entries it matched (`no-idempotency-key`). */
  matched: string[];
  /** The signature steps it contributed, formatted as in a rule file (`not: idempotency-key`). */
  steps: string[];
}

/** What the example check found for one snippet. */
export interface ExampleReport {
  kind: 'bad' | 'good';
  line: number;
  language: RuleLanguage;
  findings: number;
}

/** Per anti-pattern: how it was compiled, into which steps, and what proved it. */
export interface CompileReport {
  id: string;
  name: string | undefined;
  line: number;
  from: CompiledFrom;
  /** The compiled signature, one step per string, in rule-file form (`call: mutating`). */
  steps: string[];
  /** Only for `phrases`. */
  phrases: PhraseReport[];
  examples: ExampleReport[];
  /** Incident ids linked to the anti-pattern (named with its findings). */
  incidents: string[];
  /** Anything the user should know (an id that matched a built-in whose name differs, ...). */
  notes: string[];
}
