import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCatalogueEntry, type CatalogueEntry } from './catalogue/anti-pattern-catalogue.js';
import { ContextConfigError, ContextInputError } from './errors.js';
import type { Incident } from './incidents/incident-schema.js';
import { parseIncidentsDocument, parseIncidentsXml } from './incidents/parse-incidents.js';
import { parseIncidentsCsv } from './incidents/parse-incidents-csv.js';
import { withShortIncidentReferences, withTeamIncidentKeys } from './incidents/team-incident-keys.js';
import { POSTMORTEM_EXTENSIONS, postmortemDocuments } from './postmortems/postmortem-markdown.js';
import { parsePostmortem } from './postmortems/parse-postmortem.js';
import type { Postmortem } from './postmortems/postmortem-types.js';
import { PostmortemSyntaxError } from './postmortems/postmortem-syntax.js';
import { decodeText } from './text/decode-text.js';
import { display, type ContextSources } from './sources/load-context-sources.js';
import { parseTicketsCsv, parseTicketsDocument, parseTicketsJsonLines, parseTicketsXml } from './tickets/parse-tickets.js';
import type { Ticket } from './tickets/ticket-schema.js';

/** Parsed failure history. */
export interface ContextInputs {
  incidents: Incident[];
  postmortems: Postmortem[];
  tickets: Ticket[];
}

/**
 * Read and parse every source file, choosing the parser by extension: incidents `.yaml/.yml/.json`,
 * `.csv` or `.xml` (a table's unload); postmortems `.md/.markdown`, `.eml` or `.txt` (an email or plain text) or `.html/.htm` (an exported page); tickets `.csv`, `.json`, `.yaml/.yml` or `.xml`. Records keep
 * their display path (relative to `cwd`) as `source`.
 *
 * @throws ContextInputError from the parsers (naming file and record); ContextConfigError for a
 *   file with an unsupported extension
 */
export async function readContextInputs(sources: ContextSources, cwd: string): Promise<ContextInputs> {
  const csv = sources.config.csv_columns ?? {};
  const listSeparator = sources.config.list_separator;
  const incidents: Incident[] = [];
  for (const file of sources.files.incidents) {
    const [text, name, ext] = await load(file, cwd);
    if (ext === '.csv' || ext === '.tsv') incidents.push(...parseIncidentsCsv(text, name, { columns: csv.incidents ?? {}, ...(listSeparator ? { listSeparator } : {}), ...(ext === '.tsv' ? { delimiter: '\t' } : {}) }));
    else if (['.yaml', '.yml', '.json'].includes(ext)) incidents.push(...parseIncidentsDocument(text, name));
    else if (ext === '.xml') incidents.push(...parseIncidentsXml(text, name));
    else throw unsupported(name, 'incidents', '.yaml, .yml, .json, .csv, .tsv or .xml');
  }
  const postmortems: Postmortem[] = [];
  for (const file of sources.files.postmortems) {
    const [text, name, ext] = await load(file, cwd);
    const documents = await postmortemDocuments(text, ext).catch((error: unknown) => {
      if (!(error instanceof PostmortemSyntaxError)) throw error;
      throw new ContextInputError(`${name}${error.line === undefined ? '' : ` line ${error.line}`}: ${error.message}`, {
        help: 'Fix the file, or save it again from the tool that wrote it',
        file: name,
        ...(error.line === undefined ? {} : { line: error.line }),
        cause: error,
      });
    });
    if (documents === undefined) {
      // a .json or .xml that is no postmortem (other data, or XML that is no page) says so
      if ((POSTMORTEM_EXTENSIONS as readonly string[]).includes(ext)) {
        throw new ContextConfigError(`${name}: holds no postmortem (a ${ext} postmortem needs a title or sections; XML must be a page)`, {
          help: 'Narrow the postmortems glob to postmortem files',
          file: name,
        });
      }
      throw unsupported(name, 'postmortems', POSTMORTEM_EXTENSIONS.join(', '));
    }
    if (documents.length === 1) {
      postmortems.push(parsePostmortem(documents[0] ?? '', name));
      continue;
    }
    // a collection's export holds other pages beside its postmortems (runbooks, designs): a
    // document that names no incident is none of them, unless no document does
    const read = documents.map((markdown) => {
      try {
        return parsePostmortem(markdown, name);
      } catch (error) {
        return error as Error;
      }
    });
    const found = read.filter((r): r is Postmortem => !(r instanceof Error));
    if (found.length === 0) throw read[0] as Error;
    postmortems.push(...found);
  }
  const tickets: Ticket[] = [];
  for (const file of sources.files.tickets) {
    const [text, name, ext] = await load(file, cwd);
    if (ext === '.csv') tickets.push(...parseTicketsCsv(text, name, { columns: csv.tickets ?? {} }));
    else if (['.yaml', '.yml', '.json'].includes(ext)) tickets.push(...parseTicketsDocument(text, name));
    else if (ext === '.xml') tickets.push(...parseTicketsXml(text, name));
    else if (ext === '.jsonl' || ext === '.ndjson') tickets.push(...parseTicketsJsonLines(text, name));
    else throw unsupported(name, 'tickets', '.csv, .json, .jsonl, .yaml, .yml or .xml');
  }
  const keyed = withTeamIncidentKeys(incidents, postmortems);
  return { incidents: keyed, postmortems: withShortIncidentReferences(postmortems, keyed), tickets };
}

/**
 * Read anti-pattern catalogue entries from rule files. Files without `signals:` are skipped; when
 * two files define the same id, the later file wins (so user rules can refine built-in ones).
 *
 * @returns entries sorted by id
 * @throws CatalogueError for a malformed rule file
 */
export async function loadCatalogue(files: readonly string[], cwd: string): Promise<CatalogueEntry[]> {
  const byId = new Map<string, CatalogueEntry>();
  for (const file of files) {
    const [text, name] = await load(file, cwd);
    const entry = parseCatalogueEntry(text, name);
    if (entry) byId.set(entry.id, entry);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function load(file: string, cwd: string): Promise<[string, string, string]> {
  const name = display(file, cwd);
  try {
    return [decodeText(await readFile(file)), name, path.extname(file).toLowerCase()];
  } catch (error) {
    throw new ContextInputError(`${name}: cannot be read: ${(error as Error).message}`, { help: 'Check the file exists and is readable', file: name, cause: error });
  }
}

function unsupported(name: string, kind: string, expected: string): ContextConfigError {
  return new ContextConfigError(`${name}: ${kind} files must be ${expected}`, {
    help: `Narrow the ${kind} glob to supported files`,
    file: name,
  });
}
