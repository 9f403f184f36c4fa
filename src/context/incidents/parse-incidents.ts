import { ContextInputError } from '../errors.js';
import { recordSchemaError } from '../record-errors.js';
import { parseYamlSource, syntaxErrorText } from '../../yaml-source.js';
import { displayValue, exportLookups, fromJsonApi, recordListKey, withFieldAliases, withLookupNames } from '../record-fields.js';
import { withLabelFields } from './incident-labels.js';
import { xmlUnloadRecords } from './xml-unload.js';
import { issueSearchRecords } from './issue-search.js';
import { boardExportRecords } from './board-export.js';
import { workItemRecords } from './work-item-export.js';
import { contextVocabulary, type RecordExclusion } from '../vocabulary/context-vocabulary.js';
import { INCIDENT_CSV_FIELDS, IncidentSchema, type Incident } from './incident-schema.js';

const HELP = 'See docs/context.md "Incidents" for the record shape';

/**
 * Parse an incidents file written as YAML or JSON. The records may be a top-level list, an
 * `incidents:` list, the seed's `incident_search: { results: [...] }`, or a single record. Fields
 * may carry the names other tools give them (context vocabulary `record_fields`).
 *
 * @param text - the file's contents
 * @param file - display path used in messages and kept as each incident's `source`
 * @throws ContextInputError naming the file, the record (its line and id) and the field
 */
export function parseIncidentsDocument(text: string, file: string): Incident[] {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) {
    throw new ContextInputError(syntaxErrorText(file, parsed, 'cannot be parsed'), {
      help: 'Fix the YAML/JSON syntax of the incidents file',
      file,
      line: parsed.line,
    });
  }
  return incidentsFromData(parsed.source.data, file, parsed.source.lineOf);
}

/**
 * Parse an incidents file written as XML: a table's XML unload (ServiceNow's `<unload>` of
 * `<incident>` records with its journal records; see `xmlUnloadRecords`), read as the table API
 * export of the same records. Errors name the incident (an unload has no line per field).
 *
 * @throws ContextInputError naming the file and the incident
 */
export function parseIncidentsXml(text: string, file: string): Incident[] {
  let unload: ReturnType<typeof xmlUnloadRecords>;
  try {
    unload = xmlUnloadRecords(text);
  } catch (error) {
    throw new ContextInputError(`${file}: cannot be parsed as XML: ${(error as Error).message}`, { help: 'Fix the XML of the incidents file', file, cause: error });
  }
  if (!unload) {
    throw new ContextInputError(`${file}: no incident records found (an XML incidents file must be a table's unload, \`<unload>\` of records)`, {
      help: 'Export the incidents as XML from the table (an unload), or as JSON or CSV',
      file,
    });
  }
  return incidentsFromData(unload, file, () => undefined);
}

function incidentsFromData(written: unknown, file: string, lineOf: (path: readonly PropertyKey[]) => number | undefined): Incident[] {
  // A JSON:API list (Rootly) reads as its records with their related records joined in.
  // An issue tracker's search response (Jira REST) reads as its issues' fields, by their names.
  // A kanban board's export (Trello) reads as its incident cards.
  // A work-item export (Azure DevOps Boards) reads as its incident work items' fields, by their names.
  const data = workItemRecords(boardExportRecords(issueSearchRecords(fromJsonApi(written))));
  const located = locateRecords(data);
  if (!located) {
    throw new ContextInputError(`${file}: no incident records found`, {
      help: 'Write a list of incidents, an `incidents:` list, or `incident_search: { results: [...] }`',
      file,
    });
  }
  // Ids an export resolves with its own lookup tables (Opsgenie's services and teams) read as names.
  const lookups = exportLookups(data, located.path.length === 1 ? String(located.path[0]) : undefined);
  const excluded = contextVocabulary().record_exclusions.incidents;
  return located.records.flatMap(({ record: written, path }, i) => {
    // An entry the export lists beside its incidents (a pull request among GitHub issues) is none.
    if (isExcluded(written, excluded)) return [];
    // A register written for another tool (`summary`, `declared_at`, `services`) reads as it is.
    const aliased = withFieldAliases('incidents', INCIDENT_CSV_FIELDS, withLookupNames(written, lookups));
    // severity and services kept in labels (`sev1`, `svc:disburse`)
    const raw = withLabelFields(aliased, severitySource(written, aliased));
    const line = lineOf(path);
    const result = IncidentSchema.safeParse(raw);
    if (!result.success) {
      const issueLine = lineOf([...path, ...(result.error.issues[0]?.path ?? [])]) ?? line;
      const record = `${issueLine ? `line ${issueLine}, ` : ''}incident ${idOf(raw) ?? `#${i + 1}`}`;
      throw recordSchemaError(file, record, raw, result.error, HELP, issueLine);
    }
    return [{ ...result.data, source: file }];
  });
}

interface Located {
  records: { record: unknown; path: (string | number)[] }[];
  /** Where the list of records is (empty for a top-level list or a single record). */
  path: (string | number)[];
}

function locateRecords(data: unknown): Located | undefined {
  if (Array.isArray(data)) {
    // A paginated API saved whole (`gh api --paginate --slurp`): a list of pages, each a list of records.
    if (data.length > 0 && data.every((page) => Array.isArray(page))) {
      return { records: (data as unknown[][]).flatMap((page, p) => page.map((record, i) => ({ record, path: [p, i] }))), path: [] };
    }
    return listAt(data, []);
  }
  if (data === null || typeof data !== 'object') return undefined;
  const obj = data as Record<string, unknown>;
  if (Array.isArray(obj.incidents)) return listAt(obj.incidents, ['incidents']);
  const search = obj.incident_search;
  if (search && typeof search === 'object' && Array.isArray((search as Record<string, unknown>).results)) {
    return listAt((search as { results: unknown[] }).results, ['incident_search', 'results']);
  }
  if ('incident_id' in obj) return { records: [{ record: obj, path: [] }], path: [] };
  const key = recordListKey(obj, 'incidents');
  return key === undefined ? undefined : listAt(obj[key] as unknown[], [key]);
}

function listAt(list: readonly unknown[], path: (string | number)[]): Located {
  return { records: list.map((record, i) => ({ record, path: [...path, i] })), path };
}

function isExcluded(record: unknown, exclusions: readonly RecordExclusion[]): boolean {
  if (record === null || typeof record !== 'object') return false;
  const fields = record as Record<string, unknown>;
  return exclusions.some((e) =>
    typeof e === 'string'
      ? e in fields
      : Object.entries(e).some(([key, values]) => values.some((v) => String(displayValue(valueAt(fields, key)) ?? '').trim().toLowerCase() === v.toLowerCase())),
  );
}

/** A record's value under a key, or under a dotted path of keys (`incident_status.category`) when it has no such key. */
function valueAt(fields: Record<string, unknown>, key: string): unknown {
  if (key in fields || !key.includes('.')) return fields[key];
  let value: unknown = fields;
  for (const part of key.split('.')) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

function idOf(raw: unknown): string | undefined {
  if (raw && typeof raw === 'object') {
    const id = (raw as Record<string, unknown>).incident_id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return undefined;
}

/**
 * The key of the written record whose value became the severity, when one holds it as written (a
 * form answer or a nested value has none): which field a label's severity may override.
 */
function severitySource(written: unknown, aliased: unknown): string | undefined {
  if (written === null || typeof written !== 'object' || aliased === null || typeof aliased !== 'object') return undefined;
  const severity = (aliased as Record<string, unknown>).severity;
  if (severity === undefined) return undefined;
  const record = written as Record<string, unknown>;
  return Object.keys(record).find((k) => k === 'severity' || String(displayValue(record[k])) === String(severity));
}
