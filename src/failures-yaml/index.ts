/**
 * The failures YAML file (the seed's `<manifold>-failures.yaml`): read and validate it, compile
 * its `anti_patterns` into rules, turn findings into `occurrences_in_codebase` lists and write
 * them back without disturbing anything else. See docs/failures-yaml.md.
 */
export { readFailuresFile, parseFailuresText } from './read.js';
export { compileFailures, formatStep, slugify, type CompileOptions, type CompiledFailures } from './compile.js';
export { occurrencesFor, occurrenceRoot, riskText, withUnscannedOccurrences, type OccurrenceOptions } from './occurrences.js';
export { renderOccurrences, writeOccurrences, quote, type OccurrencesById } from './write.js';
export { antiPatternSummary } from './summary.js';
export { PHRASES, matchPhrase, type PhraseEntry } from './phrases.js';
export { detectLanguage, prepareSnippet } from './examples.js';
export type {
  AntiPatternEntry,
  CompiledFrom,
  CompileReport,
  ExampleReport,
  FailuresFile,
  IncidentRef,
  Located,
  Occurrence,
  PhraseReport,
} from './types.js';
