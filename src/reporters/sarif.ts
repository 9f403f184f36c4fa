/**
 * The `sarif` format: one SARIF 2.1.0 log for editors' SARIF viewers and GitHub code scanning,
 * valid against the official schema (checked in test/reporters/sarif.test.ts).
 *
 * - `tool.driver.rules` lists every loaded rule, in registry order, so `ruleIndex` is stable for a
 *   given rule set; a finding of a rule missing from `ctx.rules` gets a minimal descriptor after
 *   them. Deprecated rules are listed with `defaultConfiguration.enabled: false`.
 * - Locations are `%SRCROOT%`-relative URIs (declared in `originalUriBaseIds` as the file URL of
 *   `ctx.srcRoot`); a file outside the source root gets an absolute file URL instead.
 * - Every finding is a result, including suppressed ones (`suppressions: [{ kind: 'inSource' }]`)
 *   and ones already in a baseline (`baselineState: 'unchanged'`); consumers decide what to show.
 * - `partialFingerprints.primaryLocationLineHash` is the finding's fingerprint, computed here from
 *   `ctx.sources` when the CLI has not set it.
 * - Scan warnings become `toolExecutionNotifications`; the run always reports success, because a
 *   run that fails outright never reaches a reporter.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withFingerprints } from '../engine/fingerprint.js';
import type { Rule } from '../engine/rule.js';
import type { Finding, Risk, ScanWarning, Span } from '../engine/types.js';
import { srcRootPath } from './src-root-path.js';
import type { Reporter, ReportContext } from './types.js';

/** `$schema` of the emitted log: the OASIS 2.1.0 schema (errata 01). */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The `uriBaseId` every repository-relative location uses. */
export const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';

/** Risk to SARIF level (and GitHub alert severity). */
export const SARIF_LEVEL: Readonly<Record<Risk, Level>> = { high: 'error', medium: 'warning', low: 'note' };

interface Message {
  text: string;
  markdown?: string;
}
interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
interface Region {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  snippet?: { text: string };
}
interface Location {
  id?: number;
  physicalLocation: { artifactLocation: ArtifactLocation; region?: Region };
  message?: Message;
}
interface ReportingDescriptor {
  id: string;
  name?: string;
  shortDescription?: Message;
  fullDescription?: Message;
  help?: Message;
  helpUri?: string;
  defaultConfiguration?: { enabled?: boolean; level: Level };
  properties?: Record<string, unknown>;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: Message;
  locations: Location[];
  relatedLocations?: Location[];
  partialFingerprints?: Record<string, string>;
  suppressions?: { kind: 'inSource'; justification?: string; location?: Location }[];
  baselineState?: 'new' | 'unchanged';
}

/** The `sarif` reporter: a SARIF 2.1.0 log with one run, pretty-printed, ending in a newline. */
export const sarifReporter: Reporter = (result, ctx) => {
  const { findings } = withFingerprints(result, ctx.sources);
  const rules: ReportingDescriptor[] = ctx.rules.map(ruleDescriptor);
  const index = new Map<string, number>(ctx.rules.map((r, i) => [r.id, i]));
  const byId = new Map<string, Rule>(ctx.rules.map((r) => [r.id, r]));
  for (const f of findings) {
    if (index.has(f.ruleId)) continue;
    index.set(f.ruleId, rules.length);
    rules.push({ id: f.ruleId, name: pascalCase(f.slug), shortDescription: { text: f.title }, defaultConfiguration: { level: SARIF_LEVEL[f.risk] } });
  }
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'faultline',
            version: ctx.version,
            ...(/^\d+\.\d+\.\d+/.test(ctx.version) ? { semanticVersion: ctx.version } : {}),
            rules,
          },
        },
        invocations: [
          {
            commandLine: ctx.commandLine,
            executionSuccessful: true,
            toolExecutionNotifications: result.warnings.map((w) => notification(w, ctx)),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUrl(ctx.srcRoot) } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => toResult(f, index.get(f.ruleId) ?? -1, byId.get(f.ruleId), ctx)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function directoryUrl(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function artifactLocation(file: string, ctx: ReportContext): ArtifactLocation {
  const rel = srcRootPath(file, ctx);
  if (rel === undefined) return { uri: pathToFileURL(resolve(ctx.cwd, file)).href };
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(span: Span, source?: string): Region {
  const text = snippet(span, source);
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn, ...(text !== undefined ? { snippet: text } : {}) };
}

/** Longest span, in lines, whose text is copied into `region.snippet`. */
const MAX_SNIPPET_LINES = 10;

/** The span's exact text (columns are UTF-16 code units, like JavaScript strings), when the source is known and the span short. */
function snippet(span: Span, source: string | undefined): { text: string } | undefined {
  if (source === undefined || span.endLine - span.line >= MAX_SNIPPET_LINES) return undefined;
  const lines = source.split('\n').slice(span.line - 1, span.endLine);
  if (lines.length !== span.endLine - span.line + 1) return undefined;
  const last = lines.length - 1;
  return { text: lines.map((l, i) => l.slice(i === 0 ? span.column - 1 : 0, i === last ? span.endColumn - 1 : undefined)).join('\n') };
}

function toResult(f: Finding, ruleIndex: number, rule: Rule | undefined, ctx: ReportContext): SarifResult {
  const artifact = artifactLocation(f.file, ctx);
  const out: SarifResult = {
    ruleId: f.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[f.risk],
    message: { text: resultMessage(f, rule) },
    locations: [{ physicalLocation: { artifactLocation: artifact, region: region(f, ctx.sources.get(f.file)) } }],
  };
  if (f.related.length > 0) {
    out.relatedLocations = f.related.map((r, i) => ({ id: i + 1, physicalLocation: { artifactLocation: artifact, region: region(r) }, message: { text: r.message } }));
  }
  if (f.fingerprint !== undefined) out.partialFingerprints = { primaryLocationLineHash: f.fingerprint };
  if (f.suppression !== undefined) {
    out.suppressions = [
      {
        kind: 'inSource',
        ...(f.suppression.justification !== null ? { justification: f.suppression.justification } : {}),
        location: { physicalLocation: { artifactLocation: artifact, region: { startLine: f.suppression.line } } },
      },
    ];
  }
  if (f.baselineState !== undefined) out.baselineState = f.baselineState;
  return out;
}

/** First sentence: the finding's own message, standing alone. Then the consequence and incidents. */
function resultMessage(f: Finding, rule: Rule | undefined): string {
  const incidents = f.incidents ?? rule?.metadata?.incidents ?? [];
  const parts = [sentence(f.message)];
  if (rule !== undefined) {
    const seen = incidents.length > 0 ? ` (seen in ${incidents.join(', ')})` : '';
    parts.push(`${capitalize(f.risk)} risk: ${rule.consequence}${seen}.`);
  } else if (incidents.length > 0) {
    parts.push(`Seen in ${incidents.join(', ')}.`);
  }
  return parts.join(' ');
}

function notification(w: ScanWarning, ctx: ReportContext) {
  return {
    level: 'warning' as const,
    message: { text: w.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(w.file, ctx), ...(w.line !== undefined ? { region: { startLine: w.line } } : {}) } }],
    // The warning kind as a bare id: declaring notification descriptors in the driver would make
    // GitHub code scanning demand a full description and help for each.
    descriptor: { id: w.kind },
  };
}

function ruleDescriptor(rule: Rule): ReportingDescriptor {
  const meta = rule.metadata ?? {};
  const helpUri = [meta.help_uri, meta.references?.[0]].find((u): u is string => u !== undefined && URL.canParse(u));
  const tags = [...(meta.tags ?? []), ...(meta.cwe ?? []).map(cweTag)];
  return {
    id: rule.id,
    name: pascalCase(rule.slug),
    shortDescription: { text: rule.title },
    fullDescription: { text: reflow(rule.rationale) },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    ...(helpUri !== undefined ? { helpUri } : {}),
    defaultConfiguration: { ...(rule.deprecated !== undefined ? { enabled: false } : {}), level: SARIF_LEVEL[rule.risk] },
    properties: {
      tags: [...new Set(tags)],
      precision: meta.confidence ?? 'medium',
      ...(meta.incidents !== undefined && meta.incidents.length > 0 ? { incidents: meta.incidents } : {}),
      ...(rule.deprecated !== undefined ? { deprecated: rule.deprecated } : {}),
    },
  };
}

/** `CWE-837` → `external/cwe/cwe-837`, the tag GitHub code scanning groups CWEs by (numbers padded to 3 digits). */
function cweTag(cwe: string): string {
  return `external/cwe/cwe-${cwe.replace(/^CWE-/i, '').padStart(3, '0')}`;
}

function helpText(rule: Rule): string {
  const meta = rule.metadata ?? {};
  const out = [`${rule.title} (${rule.id}, ${rule.risk} risk): ${rule.consequence}.`, '', `Why: ${reflow(rule.rationale)}`];
  if (meta.incidents?.length) out.push(`Incidents: ${meta.incidents.join(', ')}`);
  out.push('', `Fix: ${reflow(rule.help)}`);
  const p = rule.prevention;
  if (p !== undefined && (p.must_include.length > 0 || p.must_exclude.length > 0)) {
    out.push('', 'Prevention:');
    if (p.must_include.length > 0) out.push('  Must include:', ...p.must_include.map((s) => `  - ${s}`));
    if (p.must_exclude.length > 0) out.push('  Must exclude:', ...p.must_exclude.map((s) => `  - ${s}`));
  }
  if (meta.references?.length) out.push('', 'References:', ...meta.references.map((r) => `- ${r}`));
  return out.join('\n');
}

function helpMarkdown(rule: Rule): string {
  const meta = rule.metadata ?? {};
  const out = [`**${rule.title}** (\`${rule.id}\`, ${rule.risk} risk): ${rule.consequence}.`, '', '## Why', '', reflow(rule.rationale)];
  if (meta.incidents?.length) out.push('', `Incidents: ${meta.incidents.join(', ')}`);
  out.push('', '## Fix', '', reflow(rule.help));
  const p = rule.prevention;
  if (p !== undefined && (p.must_include.length > 0 || p.must_exclude.length > 0)) {
    out.push('', '## Prevention');
    if (p.must_include.length > 0) out.push('', 'Must include:', '', ...p.must_include.map((s) => `- ${s}`));
    if (p.must_exclude.length > 0) out.push('', 'Must exclude:', '', ...p.must_exclude.map((s) => `- ${s}`));
  }
  if (meta.references?.length) out.push('', '## References', '', ...meta.references.map((r) => `- <${r}>`));
  return out.join('\n');
}

/** Joins the lines of each paragraph (YAML block text wraps mid-sentence); keeps blank-line breaks. */
function reflow(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => para.replace(/\s*\n\s*/g, ' '))
    .join('\n\n');
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `retry-without-idempotency` → `RetryWithoutIdempotency`. */
function pascalCase(slug: string): string {
  return slug
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map(capitalize)
    .join('');
}
