import { parse } from 'csv-parse/sync';
import { ContextInputError } from './errors.js';
import { fieldKey, findField, type RecordKind } from './record-fields.js';
import { settleSlashDates } from './text/dates.js';

/** One CSV data row mapped onto record field names, with its spreadsheet row number. */
export interface CsvRecord {
  /** Row number as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row: number;
  /** Field name → cell value; list fields are split into arrays; empty cells are left out. */
  fields: Record<string, string | string[]>;
  /** Field name → the header of the column it was read from. */
  headers: Readonly<Record<string, string>>;
}

/** How to read one kind of record from CSV. */
export interface CsvReadOptions {
  /** Which record: unmapped fields are also found under the names other tools use (`record_fields`). */
  kind: RecordKind;
  /** Every field name a column can be mapped to. */
  fields: readonly string[];
  /** Fields whose header must be present. */
  required: readonly string[];
  /** Fields holding lists, split on `listSeparator` and on newlines. */
  listFields: ReadonlySet<string>;
  /** field → column header; unmapped fields are looked up under their own name, then their aliases. */
  columns: Readonly<Partial<Record<string, string>>>;
  /** Separator of list items inside a cell (default `;`). */
  listSeparator: string;
  /** Fields holding dates: a column's dates written with slashes are read in the order the column settles. */
  dateFields?: readonly string[];
  /** Where to point the user when the header does not fit. */
  help: string;
  /** Cell delimiter: `,` (CSV, the default) or a tab (a sheet saved as "Text (Tab delimited)", `.tsv`). */
  delimiter?: string;
}

/**
 * Parse CSV text (first row is the header) into records keyed by field name.
 *
 * @throws ContextInputError when the CSV is malformed (names the row), a mapped column is missing
 *   from the header, or a required field has no column
 */
export function readCsvRecords(text: string, file: string, options: CsvReadOptions): CsvRecord[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, { bom: true, delimiter: options.delimiter ?? ',', skip_empty_lines: true, relax_column_count: true, trim: false, info: true }) as unknown as typeof parsed;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : undefined;
    const reason = error instanceof Error ? error.message.replace(/^Invalid Record Length: /, '') : String(error);
    throw new ContextInputError(`${file}${line ? ` line ${line}` : ''}: not valid CSV: ${reason}`, {
      help: 'Check quoting and that every row has as many cells as the header',
      file,
      line,
      cause: error,
    });
  }
  // A sheet saved as CSV may open with its title, a note and blank rows above the header row.
  const headerAt = headerRowIndex(parsed.map((r) => r.record), options);
  const body = withoutReportFooter(parsed.slice(headerAt));
  const width = body[0]?.record.length ?? 0;
  const unevenAt = body.findIndex((r) => r.record.length !== width);
  const uneven = body[unevenAt];
  if (uneven) {
    // csv-parse counts lines to a record's end; a record with multi-line cells starts after the one before.
    const line = (body[unevenAt - 1]?.info.lines ?? 0) + 1;
    throw new ContextInputError(`${file} line ${line}: not valid CSV: the row has ${uneven.record.length} cells, the header ${width}`, {
      help: 'Check quoting and that every row has as many cells as the header',
      file,
      line,
    });
  }
  const rows = body.map((r) => r.record);
  const [header, ...written] = rows;
  if (!header) return [];
  const headers = header.map((h) => h.trim());
  const columnIndex = new Map<string, number>();
  for (const field of options.fields) {
    const mapped = options.columns[field];
    let index = mapped === undefined ? findField(options.kind, field, headers) : headers.indexOf(mapped);
    if (index < 0 && mapped !== undefined) index = headers.findIndex((h) => fieldKey(h) === fieldKey(mapped));
    if (index >= 0) columnIndex.set(field, index);
    else if (mapped !== undefined) {
      throw new ContextInputError(`${file} row 1: column "${mapped}" (mapped to ${field}) is not in the header (${headers.join(', ')})`, {
        help: options.help,
        file,
        line: 1,
      });
    }
  }
  const missing = options.required.filter((f) => !columnIndex.has(f));
  if (missing.length > 0) {
    throw new ContextInputError(`${file} row 1: no column for ${missing.join(', ')} (header: ${headers.join(', ')})`, {
      help: options.help,
      file,
      line: 1,
    });
  }
  const key = columnIndex.get(options.required[0] ?? '');
  const { data, rowNumbers } = sheetRows(withoutTotalsRows(written, key), [...options.required].map((f) => columnIndex.get(f)).filter((i): i is number => i !== undefined), key);
  // A column of dates written with slashes is read in one order: the one its dates settle (see settleSlashDates).
  const settled = new Map<number, string[]>();
  for (const field of options.dateFields ?? []) {
    const index = columnIndex.get(field);
    if (index !== undefined) settled.set(index, settleSlashDates(data.map((cells) => (cells[index] ?? '').trim())));
  }
  const fieldHeaders: Record<string, string> = {};
  for (const [field, index] of columnIndex) fieldHeaders[field] = headers[index] ?? field;
  return data.map((cells, i) => {
    const fields: Record<string, string | string[]> = {};
    for (const [field, index] of columnIndex) {
      const cell = settled.get(index)?.[i] ?? (cells[index] ?? '').trim();
      if (cell === '') continue;
      fields[field] = options.listFields.has(field)
        ? cell
            .split(/\r?\n/)
            .flatMap((part) => part.split(options.listSeparator))
            .map((s) => s.trim())
            .filter((s) => s.length > 0)
        : cell;
    }
    return { row: headerAt + (rowNumbers[i] ?? i) + 2, fields, headers: fieldHeaders };
  });
}

/** The header row is looked for among this many rows at the top. */
const MAX_HEADER_ROW = 10;

/**
 * Index of the header row: the first row (of the first `MAX_HEADER_ROW`) in which every required
 * field has a column, whether by the mapping in `columns` or by name. A spreadsheet downloaded as
 * CSV (Google Sheets' "Download > CSV", Excel's "Save as CSV") keeps what sits above its table: the
 * sheet's title and a note, merged across the row, so only their first cell is filled, and blank
 * rows. Row 0 when no row fits (the error then names the first row's headers).
 */
function isGroupBand(row: readonly string[]): boolean {
  const filled = row.map((c) => c.trim() !== '');
  return filled[0] === true && filled.every((f, i) => !f || !filled[i + 1]);
}

function headerRowIndex(rows: readonly string[][], options: CsvReadOptions): number {
  const fits = (row: readonly string[]): boolean => {
    const headers = row.map((h) => h.trim());
    return options.required.every((field) => {
      const mapped = options.columns[field];
      if (mapped !== undefined) return headers.some((h) => h === mapped || fieldKey(h) === fieldKey(mapped));
      return findField(options.kind, field, headers) >= 0;
    });
  };
  if (rows.length === 0 || fits(rows[0] ?? [])) return 0;
  for (let i = 1; i < Math.min(rows.length, MAX_HEADER_ROW); i += 1) {
    const above = rows.slice(0, i);
    // only a title, notes, blank rows and bands of merged group headings above: at most one filled
    // cell each, or cells of a band ("INCIDENT", "", "", "WHEN", "", …: a merged cell exports its
    // text in its first cell and leaves the others empty, so no two filled cells are neighbours)
    if (!above.every((r) => r.filter((c) => c.trim() !== '').length <= 1 || isGroupBand(r))) return 0;
    if (fits(rows[i] ?? [])) return i;
  }
  return 0;
}

/**
 * The data rows of a sheet as records: a band row between them (one filled cell in the first
 * column, "2026 Q1", "(add new incidents above this line)") is left out, and a row whose required
 * cells are all empty while others are filled continues the record above it, each filled cell
 * appended to that record's cell on a new line: a sheet whose record cells are merged down over the
 * rows that list its timeline or follow-ups one per row exports those rows with the merged cells
 * empty. `rowNumbers` holds each record's first row (0 for the first data row).
 */
function sheetRows(rows: readonly string[][], required: readonly number[], key: number | undefined): { data: string[][]; rowNumbers: number[] } {
  const data: string[][] = [];
  const rowNumbers: number[] = [];
  rows.forEach((row, i) => {
    const filled = row.map((c, j) => (c.trim() !== '' ? j : -1)).filter((j) => j >= 0);
    const previous = data[data.length - 1];
    const requiredEmpty = required.length > 0 && required.every((j) => (row[j] ?? '').trim() === '');
    if (row.length > 2 && filled.length === 1 && filled[0] === 0 && key === 0 && required.slice(1).every((j) => (row[j] ?? '').trim() === '')) return;
    if (row.length > 2 && requiredEmpty && filled.length > 0 && previous) {
      for (const j of filled) previous[j] = (previous[j] ?? '').trim() === '' ? (row[j] ?? '') : `${previous[j]}\n${row[j]}`;
      return;
    }
    data.push([...row]);
    rowNumbers.push(i);
  });
  return { data, rowNumbers };
}

/**
 * The rows of a report export without the footer its tool writes after the data (Salesforce's
 * blank rows, org name, copyright, "Confidential Information - Do Not Distribute", "Generated By:
 * …"): trailing rows of one cell when the header has several.
 */
/**
 * A sheet's rows without the totals under its records: after an empty row, rows whose key cell is
 * empty ("Incidents FY2026 (excl. exercises)", 15, "Sev1: 4") count the records, they are none.
 */
function withoutTotalsRows(rows: string[][], key: number | undefined): string[][] {
  if (key === undefined) return rows;
  let blank = rows.length - 1;
  while (blank >= 0 && !(rows[blank] ?? []).every((c) => c.trim() === '')) blank -= 1;
  if (blank < 0 || !rows.slice(blank + 1).every((r) => (r[key] ?? '').trim() === '')) return rows;
  return rows.slice(0, blank);
}

function withoutReportFooter<R extends { record: string[] }>(rows: R[]): R[] {
  const width = rows[0]?.record.length ?? 0;
  if (width < 2) return rows;
  let end = rows.length;
  while (end > 1 && (rows[end - 1]?.record.length ?? 0) === 1) end--;
  return rows.slice(0, end);
}
