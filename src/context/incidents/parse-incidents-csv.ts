import { contextVocabulary } from '../vocabulary/context-vocabulary.js';
import { readCsvRecords } from '../csv-records.js';
import { recordSchemaError } from '../record-errors.js';
import { withLabelFields } from './incident-labels.js';
import { INCIDENT_CSV_FIELDS, INCIDENT_LIST_FIELDS, IncidentSchema, type Incident } from './incident-schema.js';

/** Options for reading incidents from CSV. */
export interface IncidentCsvOptions {
  /** incident field → column header, e.g. `{ incident_id: "Key", title: "Summary" }`. */
  columns?: Readonly<Partial<Record<string, string>>>;
  /** Separator of list items inside a cell (default `;`). */
  listSeparator?: string;
  /** Cell delimiter (default `,`; a tab for `.tsv`). */
  delimiter?: string;
}

/**
 * Parse a CSV export of incidents. Each column maps to an incident field by the `columns` mapping
 * or, when unmapped, by having the field's own name as header, else a name other tools give it
 * (`Issue key`, `Summary`: context vocabulary `record_fields`). List fields (`timeline`,
 * `contributing_factors`, `systems`, `tags`, `error_types`) are split on `;` and newlines, labels
 * also on commas, and labels that name a system or a severity are read as them (`withLabelFields`);
 * `resolution_immediate` / `resolution_permanent` fill `resolution`.
 *
 * @throws ContextInputError naming the file and spreadsheet row (`incidents/2024.csv row 14: …`)
 */
export function parseIncidentsCsv(text: string, file: string, options: IncidentCsvOptions = {}): Incident[] {
  const records = readCsvRecords(text, file, {
    kind: 'incidents',
    fields: INCIDENT_CSV_FIELDS,
    required: ['incident_id', 'date', 'severity', 'title'],
    listFields: INCIDENT_LIST_FIELDS,
    columns: options.columns ?? {},
    listSeparator: options.listSeparator ?? ';',
    dateFields: ['date'],
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    help: 'Map the export\'s headers with `context.csv_columns.incidents` in faultline.config.yaml (see docs/context.md)',
  });
  // a planned exercise kept in the register ("Exercise", severity "-") is no incident
  const notIncident = new Set(contextVocabulary().not_incident_statuses.map((s) => s.toLowerCase()));
  const incidents = records.filter(({ fields }) => typeof fields.status !== 'string' || !notIncident.has(fields.status.trim().toLowerCase()));
  return incidents.map(({ row, fields, headers }) => {
    const { resolution_immediate: immediate, resolution_permanent: permanent, resolution, status: _status, ...rest } = fields;
    const written: Record<string, unknown> = { ...rest };
    // a cell listing several services with commas ("rollcall-sync, plan-builder"); a comma inside a
    // service's bracketed note ("bilby (collection, posting)") is the note's
    if (Array.isArray(written.systems)) written.systems = (written.systems as string[]).flatMap((s) => s.split(/,(?![^()]*\))/).map((x) => x.trim()).filter((x) => x.length > 0));
    if (immediate !== undefined || permanent !== undefined) written.resolution = { immediate, permanent: permanent ?? resolution };
    else if (resolution !== undefined) written.resolution = resolution;
    // severity and services kept in labels (Linear's `sev1, svc:disburse`)
    const raw = withLabelFields(written, headers.severity) as Record<string, unknown>;
    const result = IncidentSchema.safeParse(raw);
    if (!result.success) {
      throw recordSchemaError(file, `row ${row}`, raw, result.error, 'Fix the cell, or the column mapping in faultline.config.yaml', row);
    }
    return { ...result.data, source: file };
  });
}
