import { fieldKey } from '../record-fields.js';
import { contextVocabulary } from '../vocabulary/context-vocabulary.js';
import { normaliseSeverity } from './incident-schema.js';

/**
 * An incident record with what its labels say read into its fields (context vocabulary
 * `incident_labels`), as a tracker that keeps severity and the owning service only in labels
 * (Linear: `sev1, svc:disburse, halden`) writes them: labels written in one cell are split on
 * commas; `svc:disburse` adds `disburse` to the systems; `sev1` is the severity when the record has
 * none, or only a priority (a priority says how soon, not how bad; a field or form answer named
 * for severity is kept). The labels read into fields leave the tags. Anything that is not a plain
 * object is returned unchanged.
 *
 * @param severityField - the name of the field or column the record's severity was read from, when known
 */
export function withLabelFields(raw: unknown, severityField: string | undefined): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const record = { ...(raw as Record<string, unknown>) };
  const written = record.tags;
  const tags = (Array.isArray(written) ? written : typeof written === 'string' ? [written] : [])
    .filter((t): t is string | number => typeof t === 'string' || typeof t === 'number')
    .flatMap((t) => String(t).split(','))
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  if (tags.length === 0) return raw;
  const { system_prefixes: systemPrefixes, severity_prefixes: severityPrefixes, priority_fields: priorityFields } = contextVocabulary().incident_labels;
  const prefixed = (label: string, prefixes: readonly string[]): string | undefined => {
    const m = /^([\p{L}_-]+)\s*[:/=]\s*(\S.*)$/u.exec(label);
    return m && prefixes.some((p) => p.toLowerCase() === (m[1] ?? '').toLowerCase()) ? m[2]?.trim() : undefined;
  };
  const isSeverity = (label: string): boolean => {
    const value = prefixed(label, severityPrefixes);
    if (value !== undefined) return normaliseSeverity(value) !== undefined;
    return severityPrefixes.some((p) => label.toLowerCase().startsWith(p.toLowerCase())) && normaliseSeverity(label) !== undefined;
  };
  const systems = tags.map((t) => prefixed(t, systemPrefixes)).filter((s): s is string => s !== undefined);
  const severity = tags.find(isSeverity);
  const existing = Array.isArray(record.systems) ? record.systems : typeof record.systems === 'string' && record.systems.trim() ? [record.systems] : [];
  if (systems.length > 0) record.systems = [...new Set([...existing.map(String), ...systems])];
  const priority = severityField !== undefined && priorityFields.some((f) => fieldKey(f) === fieldKey(severityField));
  const hasSeverity = typeof record.severity === 'string' ? record.severity.trim().length > 0 : record.severity !== undefined && record.severity !== null;
  if (severity !== undefined && (!hasSeverity || priority)) record.severity = prefixed(severity, severityPrefixes) ?? severity;
  record.tags = tags.filter((t) => prefixed(t, systemPrefixes) === undefined && !isSeverity(t));
  return record;
}
