import { z } from 'zod';
import { parseDate, readTimestamp } from '../text/dates.js';
import { markdownParts } from '../text/markdown-parts.js';
import { displayValue } from '../record-fields.js';

/** Normalised severity: P0 is the worst. */
export type SeverityLevel = 'P0' | 'P1' | 'P2' | 'P3' | 'P4';

// Jira's default priorities (Highest … Lowest) are what a Jira export carries.
const SEVERITY_WORDS: Record<string, SeverityLevel> = {
  highest: 'P1',
  critical: 'P1',
  high: 'P2',
  medium: 'P3',
  moderate: 'P3',
  low: 'P4',
  lowest: 'P4',
  // incident.io's and Statuspage's default levels
  major: 'P2',
  minor: 'P3',
  // Statuspage's lowest impact
  none: 'P4',
  // ServiceNow's fifth priority
  planning: 'P4',
  // Linear's priorities (Urgent, High, Medium, Low, No priority)
  urgent: 'P1',
  'no priority': 'P4',
};

/**
 * Read a severity as teams write it: `P1`, `p2`, `SEV1`, `sev-2`, `S1`, a bare `1`, or a word
 * (`critical`/`highest` = P1, `high` = P2, `medium` = P3, `low`/`lowest` = P4; Jira's priorities), or a rank
 * with its name (`2 - High`).
 * Undefined when unrecognised.
 */
export function normaliseSeverity(value: string): SeverityLevel | undefined {
  const v = value.trim().toLowerCase();
  const word = SEVERITY_WORDS[v];
  if (word) return word;
  // ServiceNow and some Jira schemes write the rank and its name (`2 - High`); the name says it
  const ranked = /^[0-9]\s*-\s*([a-z]+)$/.exec(v);
  if (ranked) return SEVERITY_WORDS[ranked[1]!];
  const m = /^(?:p|sev|s)?[-_ ]?([0-4])$/.exec(v);
  return m ? (`P${m[1]}` as SeverityLevel) : undefined;
}

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
// A map of labels (`labels: { team: distribution }`, FireHydrant) is a list of its values.
const textList = z
  .union([z.array(text), z.string(), z.record(z.string(), text).transform((m) => Object.values(m))])
  .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s.length > 0));

/** Where an export's timeline entry keeps its time, and its text (first present wins). */
const ENTRY_TIME_KEYS = ['time', 'eventTime', 'event_time', 'timestamp', 'occurred_at', 'occurredAt', 'created_at', 'createdAt', 'at', 'date'];
const ENTRY_TEXT_KEYS = ['event', 'description', 'content', 'note', 'text', 'message', 'body', 'title', 'summary'];

/**
 * A timeline entry: `"14:32 - Gateway starts returning 504s"`, `{ time, event }`, or an export's
 * event object under its own names (Opsgenie's `{ eventTime, description: { content } }`, a note
 * read before its title).
 */
const timelineEntry = z.union([
  text,
  z.looseObject({}).transform((entry): string | null => {
    const pick = (keys: readonly string[]): string | undefined =>
      keys.map((k) => displayValue(entry[k])).find((v): v is string | number => (typeof v === 'string' && v.trim().length > 0) || typeof v === 'number')?.toString().trim();
    const event = pick(ENTRY_TEXT_KEYS);
    // an entry that only changed a status (incident.io's update with `message: null`) says nothing
    if (event === undefined) return null;
    const time = pick(ENTRY_TIME_KEYS);
    const said = slackEscapes(event);
    return time === undefined ? said : `${time} - ${said}`;
  }),
]);

/**
 * A list of timeline entries: those without text (a status change) left out, unless no entry has
 * text, which says the list is not read where its text is.
 */
const timelineList = z.array(timelineEntry).transform((entries, ctx) => {
  const said = entries.filter((e): e is string => e !== null);
  if (said.length === 0 && entries.length > 0) {
    ctx.addIssue({ code: 'custom', message: `has no event text (expected one of ${ENTRY_TEXT_KEYS.join(', ')})` });
    return z.NEVER;
  }
  return inTimeOrder(said);
});

/**
 * An update posted from Slack keeps Slack's escaping (`&amp;`, `&lt;`, `&gt;`) when the text holds
 * no HTML tag: the characters it stands for.
 */
function slackEscapes(value: string): string {
  if (/<\/?[a-z][^>]*>/i.test(value)) return value;
  return value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Timeline entries in time order when each carries a full timestamp (`2026-04-02T16:27:11Z - …`):
 * an export may list them newest first (Statuspage's `incident_updates`). Entries with times of
 * their own kind ("14:32") or none stay as written.
 */
function inTimeOrder(entries: string[]): string[] {
  const stamp = (e: string): number => (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(e) ? Date.parse(e.split(' - ')[0] ?? '') : Number.NaN);
  if (entries.length < 2 || entries.some((e) => Number.isNaN(stamp(e)))) return entries;
  return entries
    .map((e, i) => ({ e, i, t: stamp(e) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}

/**
 * A timeline written as text (an issue form's `### Timeline` answer, a rich-text description's
 * section): one entry per line, a Markdown table's row as `time - event` (its header and rule rows
 * left out), a list item without its marker.
 */
function timelineLines(value: string): string[] {
  const rows = value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const table = rows.filter((l) => l.startsWith('|'));
  const header = table[0];
  return rows.flatMap((line) => {
    if (!line.startsWith('|')) return [line.replace(/^(?:[-*+]|\d+[.)])\s+/, '')];
    if (line === header || /^\|[\s:|-]+\|?$/.test(line)) return [];
    const cells = line.replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).filter((c) => c.length > 0);
    return cells.length === 0 ? [] : [cells.join(' - ')];
  });
}

/**
 * One incident record in the seed's shape. Unknown keys are ignored so exports with extra columns
 * load as they are; `relevance_to_manifold` from a previous run is ignored too (it is recomputed).
 */
export const IncidentSchema = z
  .looseObject({
    incident_id: text.pipe(z.string().min(1, 'is required')),
    date: text.transform(readTimestamp).refine((d) => parseDate(d) !== undefined, { message: 'is not a valid date (use YYYY-MM-DD)' }),
    severity: text.refine((s) => normaliseSeverity(s) !== undefined, {
      message: 'is not a severity (use P0–P4, SEV0–SEV4, critical/highest/urgent, high, medium, low or lowest)',
    }),
    title: text.pipe(z.string().min(1, 'is required')),
    description: text.default(''),
    timeline: z.union([timelineList, z.string().transform(timelineLines)]).default([]),
    root_cause: text.default(''),
    contributing_factors: textList.default([]),
    resolution: z
      .union([text.transform((permanent): { immediate?: string; permanent?: string } => ({ permanent })), z.looseObject({ immediate: text.optional(), permanent: text.optional() })])
      .optional(),
    detection: text.optional(),
    detection_time: text.optional(),
    resolution_time: text.optional(),
    customer_impact: text.optional(),
    financial_impact: text.optional(),
    systems: textList.default([]),
    tags: textList.default([]),
    error_types: textList.default([]),
  })
  .transform((i) => ({
    incidentId: i.incident_id,
    date: i.date,
    severity: i.severity,
    severityLevel: normaliseSeverity(i.severity) ?? 'P4',
    title: i.title,
    description: markdownParts(i.description),
    timeline: i.timeline,
    rootCause: i.root_cause,
    contributingFactors: i.contributing_factors,
    resolution: i.resolution === undefined ? undefined : { immediate: i.resolution.immediate, permanent: i.resolution.permanent },
    detection: i.detection,
    detectionTime: i.detection_time,
    resolutionTime: i.resolution_time,
    customerImpact: i.customer_impact,
    financialImpact: i.financial_impact,
    systems: i.systems,
    tags: [...i.tags, ...i.error_types],
  }));

/** An incident as read from a source file. */
export interface Incident {
  incidentId: string;
  /** As written (`2024-03-15`); validated. */
  date: string;
  /** As written (`P1`, `SEV-1`, `critical`). */
  severity: string;
  severityLevel: SeverityLevel;
  title: string;
  /** The record's free text (an export's summary or description), one entry per paragraph or list item. */
  description: string[];
  timeline: string[];
  rootCause: string;
  contributingFactors: string[];
  resolution: { immediate: string | undefined; permanent: string | undefined } | undefined;
  detection: string | undefined;
  detectionTime: string | undefined;
  resolutionTime: string | undefined;
  customerImpact: string | undefined;
  financialImpact: string | undefined;
  /** Systems the record names explicitly. */
  systems: string[];
  /** Tags and error types the record names explicitly. */
  tags: string[];
  /** Display path of the file it came from. */
  source: string;
}

/** The incident fields a CSV column can be mapped to. */
export const INCIDENT_CSV_FIELDS = [
  'incident_id',
  'status',
  'date',
  'severity',
  'title',
  'description',
  'timeline',
  'root_cause',
  'contributing_factors',
  'resolution',
  'resolution_immediate',
  'resolution_permanent',
  'detection',
  'detection_time',
  'resolution_time',
  'customer_impact',
  'financial_impact',
  'systems',
  'tags',
  'error_types',
] as const;

/** Incident fields that hold lists; in a CSV cell their items are separated by the list separator. */
export const INCIDENT_LIST_FIELDS: ReadonlySet<string> = new Set(['timeline', 'contributing_factors', 'systems', 'tags', 'error_types']);
