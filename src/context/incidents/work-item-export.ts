import { isPlain } from '../record-fields.js';
import { htmlPostmortemMarkdown } from '../postmortems/html-postmortem.js';
import { contextVocabulary } from '../vocabulary/context-vocabulary.js';

type Plain = Record<string, unknown>;

/** A field's reference name (`System.Title`, `Microsoft.VSTS.Common.Severity`, `Custom.RootCause`). */
const REFERENCE_NAME = /^[A-Za-z][\w]*(?:\.[A-Za-z][\w]*)+$/;

/**
 * An Azure DevOps Boards work-item export (the REST `workitems` response saved whole, or a script's
 * wrapper around it: `{ value: [{ id, fields: { "System.Title": … }, comments }] }`) as a list of
 * plain records, one per work item:
 * - each field under the last part of its reference name, split into words (`System.CreatedDate` →
 *   "Created Date", `Custom.IncidentStart` → "Incident Start"), the record's own first when two
 *   share a name;
 * - a person (an identity object) as their `displayName`;
 * - `System.Tags` (one `"; "`-separated string) as a list;
 * - rich text as the item's `multilineFieldsFormat` says: Markdown as written, HTML (the default)
 *   as its Markdown;
 * - its comments (`comments: { comments: [...] }`, newest first) as its `timeline`, oldest first,
 *   each `createdDate - text`.
 * When some work items are of an incident type (the vocabulary's `issue_export.incident_types`),
 * items of another type (a follow-up Task) are left out. Any other data is returned unchanged.
 */
export function workItemRecords(data: unknown): unknown {
  if (!isPlain(data) || !Array.isArray(data.value) || data.value.length === 0 || !data.value.every(isWorkItem)) return data;
  const items = data.value as (Plain & { fields: Plain })[];
  const records = items.map(workItemRecord);
  const incidentTypes = new Set(contextVocabulary().issue_export.incident_types.map((t) => t.toLowerCase()));
  const typeOf = (item: Plain & { fields: Plain }): string => String(item.fields['System.WorkItemType'] ?? '').trim().toLowerCase();
  const someIncidents = items.some((item) => incidentTypes.has(typeOf(item)));
  const { value: _value, ...rest } = data;
  return { ...rest, incidents: records.filter((_, i) => !someIncidents || incidentTypes.has(typeOf(items[i]!))) };
}

function isWorkItem(item: unknown): item is Plain & { fields: Plain } {
  if (!isPlain(item) || !isPlain(item.fields)) return false;
  const keys = Object.keys(item.fields);
  return keys.length > 0 && keys.every((k) => REFERENCE_NAME.test(k));
}

function workItemRecord(item: Plain & { fields: Plain }): Plain {
  const formats = isPlain(item.multilineFieldsFormat) ? item.multilineFieldsFormat : {};
  const record: Plain = {};
  if (item.id !== undefined) record.id = item.id;
  for (const [reference, value] of Object.entries(item.fields)) {
    const name = fieldName(reference);
    if (name in record || value === null || value === undefined) continue;
    if (reference === 'System.Tags' && typeof value === 'string') record[name] = value.split(';').map((t) => t.trim()).filter((t) => t.length > 0);
    else if (typeof value === 'string') record[name] = richText(value, formats[reference]);
    else if (isPlain(value) && typeof value.displayName === 'string') record[name] = value.displayName;
    else record[name] = value;
  }
  const comments = isPlain(item.comments) && Array.isArray(item.comments.comments) ? item.comments.comments.filter(isPlain) : [];
  const timeline = comments
    .filter((c) => typeof c.text === 'string' && c.text.trim().length > 0)
    .map((c) => ({ date: typeof c.createdDate === 'string' ? c.createdDate : undefined, text: richText(c.text as string, c.format ?? 'html').replace(/\s*\n+\s*/g, ' ').trim() }))
    .sort((a, b) => (a.date && b.date ? Date.parse(a.date) - Date.parse(b.date) : 0))
    .map((c) => (c.date === undefined ? c.text : `${c.date} - ${c.text}`));
  if (timeline.length > 0 && !('Timeline' in record)) record.timeline = timeline;
  return record;
}

/** `Microsoft.VSTS.Common.StateChangeDate` → "State Change Date". */
function fieldName(reference: string): string {
  const last = reference.slice(reference.lastIndexOf('.') + 1);
  return last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

/** A string field as text: HTML (what the editor writes unless the item says Markdown) as Markdown. */
function richText(value: string, format: unknown): string {
  if (String(format ?? '').toLowerCase() === 'markdown') return value.trim();
  if (!/<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i.test(value)) return value;
  return htmlPostmortemMarkdown(value.replace(/<div>\s*<br\s*\/?>\s*<\/div>/gi, ''))
    .replace(/\u00a0/g, ' ')
    // a mention (`<a href="#" data-vss-mention=…>@Name</a>`) is its name; the editor's text holds
    // no Markdown, so what turndown escapes (`issuer\_unavailable`) is the character itself
    .replace(/\[(@[^\]]+)\]\(#\)/g, '$1')
    .replace(/\\([_*[\]\\`#+\-.!>])/g, '$1')
    .trim();
}
