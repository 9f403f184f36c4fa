import { createHash } from 'node:crypto';
import { z } from 'zod';
import { RISKS, RULE_LANGUAGES } from '../engine/types.js';

/**
 * What a scan cache file must hold before anything in it is used. A cache file is a header line
 * with the SHA-256 of the JSON that follows (`faultline-cache sha256:<hex>`), so a changed byte is
 * caught before parsing; the parsed data is then checked against these schemas, so a file that is
 * valid JSON of the wrong shape (a `null` finding, a string for a line) is a miss, not a changed
 * answer or a TypeError later. The schemas only validate: the data used is the parsed data itself,
 * so no field a schema does not list is dropped.
 */

const HEADER = 'faultline-cache sha256:';

/** The file's text: the checksum header, then the JSON. */
export function encodeCacheFile(data: unknown): string {
  const body = JSON.stringify(data);
  return `${HEADER}${sha256(body)}\n${body}`;
}

/**
 * The JSON of a cache file whose checksum matches.
 * @throws Error saying what does not match (no header, checksum, JSON)
 */
export function decodeCacheFile(text: string): unknown {
  const newline = text.indexOf('\n');
  if (!text.startsWith(HEADER) || newline < 0) throw new Error('not a faultline cache file (no checksum header)');
  const body = text.slice(newline + 1);
  if (sha256(body) !== text.slice(HEADER.length, newline)) throw new Error('checksum mismatch (the file was changed or cut short)');
  return JSON.parse(body) as unknown;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const count = z.number().int().nonnegative();
const position = z.number().int().positive();
const span = { line: position, column: position, endLine: position, endColumn: position };
const strings = z.array(z.string());

const FindingSchema = z.looseObject({
  ...span,
  ruleId: z.string(),
  slug: z.string(),
  title: z.string(),
  risk: z.enum(RISKS as [string, ...string[]]),
  file: z.string(),
  language: z.enum(RULE_LANGUAGES as [string, ...string[]]),
  message: z.string(),
  code: z.string(),
  related: z.array(z.looseObject({ ...span, message: z.string(), file: z.string().optional() })),
  captures: z.record(z.string(), z.string()),
  suppression: z.looseObject({ justification: z.string().nullable(), line: position }).optional(),
  fingerprint: z.string().optional(),
  baselineState: z.enum(['new', 'unchanged']).optional(),
  incidents: strings.optional(),
});

const WarningSchema = z.looseObject({ file: z.string(), kind: z.string(), message: z.string(), line: position.optional() });
const RequirementsSchema = z.array(z.looseObject({ kind: z.string() }));

const SummarySchema = z.looseObject({
  functions: z.record(z.string(), z.looseObject({ reaches: z.record(z.string(), z.array(z.looseObject({}))), retriesParam: count.optional() })),
  retriedClients: strings,
  clientFactories: strings,
  facts: strings,
  queues: z.record(z.string(), z.string()),
  imports: z.array(z.looseObject({})),
  reExports: z.array(z.looseObject({})),
  defaultExport: z.string().optional(),
  storeModels: strings.optional(),
  storeModelBases: z.record(z.string(), z.string()).optional(),
});

/** One file's cached scan. */
export const CachedScanSchema = z.looseObject({
  findings: z.array(FindingSchema),
  pending: z.array(FindingSchema.extend({ requires: RequirementsSchema })),
  deferred: z.array(z.looseObject({ ruleId: z.string(), file: z.string(), line: position, column: position, requires: RequirementsSchema })),
  summary: SummarySchema.nullable(),
  warnings: z.array(WarningSchema),
});

/** The per-file entries file (base or delta); entries are checked one by one when used. */
export const EntriesFileSchema = z.looseObject({ format: z.number(), ruleSet: z.string(), entries: z.record(z.string(), z.unknown()) });

/** The settled-result file. */
export const SettledFileSchema = z.looseObject({
  format: z.number(),
  ruleSet: z.string(),
  key: z.string(),
  result: z.looseObject({ findings: z.array(FindingSchema), warnings: z.array(WarningSchema), filesScanned: count, baselineFixed: count.optional() }),
  typed: z.looseObject({
    key: z.string(),
    files: strings,
    answers: z.record(z.string(), z.looseObject({ file: z.string(), name: z.string(), also: z.array(z.object({ file: z.string(), name: z.string() })).optional() }).nullable()),
  }),
});

/** The first problem zod found, as `path: message`, for the warning. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? 'invalid' : `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}
