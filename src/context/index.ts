/**
 * The context flow: `faultline context` builds a failures YAML from incidents, postmortems and
 * support tickets; `faultline merge` feeds it into the manifold. The analysis is pure (data and a
 * `now` in, report out); the `run*` and `load*` functions are thin file-reading wrappers.
 */
export * from './errors.js';
export { parseManifold } from './manifold/parse-manifold.js';
export type { Manifold, ManifoldData, ManifoldConstraint, ManifoldFailureMode, ManifoldTerm } from './manifold/manifold-schema.js';
export { ManifoldSchema } from './manifold/manifold-schema.js';
export { parseIncidentsDocument, parseIncidentsXml } from './incidents/parse-incidents.js';
export { parseIncidentsCsv, type IncidentCsvOptions } from './incidents/parse-incidents-csv.js';
export type { Incident, SeverityLevel } from './incidents/incident-schema.js';
export { normaliseSeverity } from './incidents/incident-schema.js';
export { parsePostmortem } from './postmortems/parse-postmortem.js';
export { emailPostmortemMarkdown } from './postmortems/email-postmortem.js';
export { postmortemDocuments, postmortemMarkdown, POSTMORTEM_EXTENSIONS } from './postmortems/postmortem-markdown.js';
export { withTeamIncidentKeys } from './incidents/team-incident-keys.js';
export type { Postmortem, WhyStep } from './postmortems/postmortem-types.js';
export { parseTicketsCsv, parseTicketsDocument, parseTicketsXml, type TicketCsvOptions } from './tickets/parse-tickets.js';
export type { Ticket } from './tickets/ticket-schema.js';
export { parseCatalogueEntry, CatalogueEntrySchema, type CatalogueEntry } from './catalogue/anti-pattern-catalogue.js';
export { loadBuiltInCatalogue, findPackageRoot } from './catalogue/built-in-catalogue.js';
export { parseContextConfig, ContextConfigSchema, type ContextConfig } from './sources/context-config.js';
export { loadContextSources, SOURCE_KINDS, type ContextSourceOptions, type ContextSources, type SourceKind } from './sources/load-context-sources.js';
export { readContextInputs, loadCatalogue, type ContextInputs } from './read-context-inputs.js';
export {
  scoreIncidentRelevance,
  HIGH_RELEVANCE_THRESHOLD,
  RELEVANCE_WEIGHTS,
  type Relevance,
  type TimeWindow,
} from './analysis/relevance.js';
export { clusterTickets, DEFAULT_CLUSTERING, type ClusteringOptions, type TicketCluster } from './analysis/ticket-clustering.js';
export { matchAntiPatterns, type AntiPatternMatch } from './analysis/anti-pattern-matching.js';
export { analyzeFailureContext, type FailureContext, type FailureContextInput, type FailureContextOptions } from './report/analyze-failure-context.js';
export type { FailuresReport } from './report/failures-report.js';
export { renderFailuresYaml } from './report/render-failures-yaml.js';
export { renderConsoleSummary, PLAIN_STYLE, type ConsoleStyle, type ConsoleSummaryOptions } from './report/render-console-summary.js';
export { runContext, readManifold, mergeCatalogues, DEFAULT_TIMEFRAME_MONTHS, type RunContextOptions, type RunContextResult } from './run-context.js';
export { mergeFailuresIntoManifold, MERGE_SOURCE, type MergeResult, type MergeAdditions } from './merge/merge-failures.js';
export { runMerge, type RunMergeOptions, type RunMergeResult } from './merge/run-merge.js';
export { parseDate } from './text/dates.js';
