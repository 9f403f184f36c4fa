import { messageGroupTickets } from './message-groups.js';
import { intercomConversationTickets } from './intercom-conversations.js';
import { readCsvRecords } from '../csv-records.js';
import { ContextInputError } from '../errors.js';
import { recordSchemaError } from '../record-errors.js';
import { parseYamlSource, syntaxErrorText } from '../../yaml-source.js';
import { fromJsonApi, recordListKey, withFieldAliases } from '../record-fields.js';
import { xmlData } from '../xml-records.js';
import { TICKET_CSV_FIELDS, TicketSchema, type Ticket } from './ticket-schema.js';

/** Options for reading tickets from CSV. */
export interface TicketCsvOptions {
  /** ticket field → column header, e.g. `{ id: "Ticket ID", created_at: "Created" }`. */
  columns?: Readonly<Partial<Record<string, string>>>;
}

/**
 * Parse a CSV export of support tickets (header row, then one ticket per row).
 *
 * @throws ContextInputError naming the file and spreadsheet row
 */
export function parseTicketsCsv(text: string, file: string, options: TicketCsvOptions = {}): Ticket[] {
  const records = readCsvRecords(text, file, {
    kind: 'tickets',
    fields: TICKET_CSV_FIELDS,
    required: ['id', 'title', 'created_at'],
    listFields: new Set(),
    columns: options.columns ?? {},
    listSeparator: ';',
    dateFields: ['created_at'],
    help: 'Map the export\'s headers with `context.csv_columns.tickets` in faultline.config.yaml (see docs/context.md)',
  });
  return records.map(({ row, fields }) => {
    const result = TicketSchema.safeParse(fields);
    if (!result.success) {
      throw recordSchemaError(file, `row ${row}`, fields, result.error, 'Fix the cell, or the column mapping in faultline.config.yaml', row);
    }
    return { ...result.data, source: file };
  });
}

/**
 * Parse tickets written as JSON or YAML: a list of tickets or a `tickets:` list.
 *
 * @throws ContextInputError naming the file and the ticket (its line and id)
 */
export function parseTicketsDocument(text: string, file: string): Ticket[] {
  return ticketsOf(text, file, tryJson(text));
}

/**
 * Parse tickets exported as JSON Lines (`.jsonl`, `.ndjson`: one JSON record per line, as Gladly's
 * conversation export and most bulk APIs write them), read as the JSON list of those records.
 *
 * @throws ContextInputError naming the file and the line that is no JSON
 */
export function parseTicketsJsonLines(text: string, file: string): Ticket[] {
  const records: unknown[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line) as unknown);
    } catch (error) {
      throw new ContextInputError(`${file} line ${i + 1}: not a JSON record: ${(error as Error).message}`, {
        help: 'Each line of a JSON Lines file holds one JSON record; fix or remove that line',
        file,
        line: i + 1,
        cause: error,
      });
    }
  });
  return ticketsOf(JSON.stringify(records, null, 1), file, { value: records });
}

/**
 * Parse tickets exported as XML (osTicket's ticket export: `<tickets><ticket id number>` with
 * `subject`, `created` and a `thread` of entries), read as the JSON the same export would be (see
 * `xmlData`): the export's one list of records, each ticket's thread as its conversation.
 *
 * @throws ContextInputError naming the file and the ticket
 */
export function parseTicketsXml(text: string, file: string): Ticket[] {
  let data: unknown;
  try {
    data = xmlData(text);
  } catch (error) {
    throw new ContextInputError(`${file}: cannot be parsed as XML: ${(error as Error).message}`, { help: 'Fix the XML of the tickets file', file, cause: error });
  }
  return ticketsOf(text, file, { value: data });
}

function ticketsOf(text: string, file: string, fast: { value: unknown } | undefined): Ticket[] {
  // JSON exports can hold thousands of tickets: parse them with JSON.parse and only build the
  // slower, position-aware YAML document when a record needs its line reported.
  const parsed = fast === undefined ? parseYamlSource(text) : undefined;
  if (parsed && !parsed.ok) {
    throw new ContextInputError(syntaxErrorText(file, parsed, 'cannot be parsed'), {
      help: 'Fix the JSON/YAML syntax of the tickets file',
      file,
      line: parsed.line,
    });
  }
  // a JSON:API document (Kustomer's conversations with their messages, notes and tags in
  // `included`) reads as its records with the related records joined in
  // an export whose tickets hold their conversation as message groups (LiveAgent) reads as each
  // ticket's owner's own text
  // an Intercom export reads as what each conversation's contact wrote
  const data: unknown = intercomConversationTickets(messageGroupTickets(fromJsonApi(fast !== undefined ? fast.value : parsed?.ok ? parsed.source.data : undefined)));
  const listKey = Array.isArray(data) ? undefined : recordListKey(data, 'tickets');
  const path: string[] = listKey === undefined ? [] : [listKey];
  const records: unknown = listKey === undefined ? data : (data as Record<string, unknown>)[listKey];
  if (!Array.isArray(records)) {
    throw new ContextInputError(`${file}: expected a list of tickets, a \`tickets:\` list, or an export with one list of records (\`conversations\`, \`data\`…)`, {
      help: 'See docs/context.md "Tickets" for the record shape',
      file,
    });
  }
  return records.map((written: unknown, i) => {
    // A help desk's own field names (`subject`, `description`) read as they are.
    const raw = withFieldAliases('tickets', TICKET_CSV_FIELDS, written);
    const result = TicketSchema.safeParse(raw);
    if (!result.success) {
      const located = parsed?.ok ? parsed.source : text.trimStart().startsWith('<') ? undefined : (() => {
        const again = parseYamlSource(text);
        return again.ok ? again.source : undefined;
      })();
      const line = located?.lineOf([...path, i, ...(result.error.issues[0]?.path ?? [])]);
      const id = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).id : undefined;
      const name = typeof id === 'string' || typeof id === 'number' ? String(id) : `#${i + 1}`;
      throw recordSchemaError(file, `${line ? `line ${line}, ` : ''}ticket ${name}`, raw, result.error, 'See docs/context.md "Tickets"', line);
    }
    return { ...result.data, source: file };
  });
}

function tryJson(text: string): { value: unknown } | undefined {
  const start = text.trimStart()[0];
  if (start !== '[' && start !== '{') return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined; // not JSON after all: the YAML parser reports the syntax error with its line
  }
}
