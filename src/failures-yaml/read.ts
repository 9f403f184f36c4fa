import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { FailuresFileError } from '../errors.js';
import { parseYamlSource } from '../yaml-source.js';
import type { AntiPatternEntry, FailuresFile, IncidentRef, Located } from './types.js';

const SHAPE_HELP = 'See docs/failures-yaml.md for the file shape: a top-level `anti_patterns:` list of entries, each with a unique `id`.';

/**
 * Reads and validates a failures YAML file (the `<manifold>-failures.yaml` of the seed workflow).
 *
 * @param path the file, absolute or relative to the working directory.
 * @throws FailuresFileError naming the file and line when it cannot be read, is not valid YAML,
 *   has no `anti_patterns` list, has an entry that is not a mapping or has no string `id`, or has
 *   two entries with one id.
 */
export function readFailuresFile(path: string): FailuresFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new FailuresFileError(`Cannot read failures file ${path}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, {
      file: path,
      cause,
      help: 'Check the path given to --failures (or to `faultline compile`).',
    });
  }
  return parseFailuresText(text, path);
}

/**
 * Validates failures YAML text without touching the file system; `path` only labels errors.
 * @throws FailuresFileError as {@link readFailuresFile}.
 */
export function parseFailuresText(text: string, path: string): FailuresFile {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) {
    throw new FailuresFileError(`Cannot read ${path}:${parsed.line}: invalid YAML: ${parsed.message}`, {
      file: path,
      line: parsed.line,
      help: 'Fix the YAML syntax at that line; the file was not changed.',
    });
  }
  const { doc } = parsed.source;
  const lineOf = (at: readonly (string | number)[]): number => parsed.source.lineOf(at) ?? 1;
  const fail = (line: number, what: string, help = SHAPE_HELP): FailuresFileError =>
    new FailuresFileError(`Cannot read ${path}:${line}: ${what}`, { file: path, line, help });

  const root = doc.contents;
  if (!isMap(root)) throw fail(lineOf([]), root === null ? 'the file is empty; it needs an `anti_patterns:` list' : 'the top level must be a mapping with an `anti_patterns:` list');
  if (!root.has('anti_patterns')) throw fail(1, '`anti_patterns` is missing; it should list the anti-patterns to scan for');
  const list = root.get('anti_patterns', true);
  if (!isSeq(list)) {
    const empty = list === undefined || (isScalar(list) && list.value === null);
    throw fail(lineOf(['anti_patterns']), empty ? '`anti_patterns` is empty; it must be a list of entries (write `anti_patterns: []` for none)' : '`anti_patterns` must be a list of entries (`- id: AP-001 ...`)');
  }

  const antiPatterns: AntiPatternEntry[] = [];
  const seen = new Map<string, number>();
  list.items.forEach((item, index) => {
    const at = (path: readonly (string | number)[]): number => lineOf(['anti_patterns', index, ...path]);
    const where = `anti_patterns entry ${index + 1}`;
    if (!isMap(item)) throw fail(at([]), `${where} must be a mapping with an \`id\` (got ${describeNode(item as YamlNode | null)})`);
    const idNode = item.get('id', true);
    if (idNode === undefined || (isScalar(idNode) && (idNode.value === null || idNode.value === ''))) {
      throw fail(at([]), `${where} has no \`id\``, 'Give every anti-pattern an id such as `id: AP-004`; ids are never reused.');
    }
    if (!isScalar(idNode) || typeof idNode.value !== 'string') {
      throw fail(at(['id']), `${where}: \`id\` must be a string such as AP-004 (got ${describeNode(idNode as YamlNode)})`, 'Quote the id or write it as letters, a dash and a number: `id: "AP-004"`.');
    }
    const id = idNode.value.trim();
    const line = at(['id']);
    const first = seen.get(id);
    if (first !== undefined) {
      throw fail(line, `duplicate anti-pattern id ${id} (first used at line ${first})`, 'Ids must be unique: give the second entry the next free number.');
    }
    seen.set(id, line);
    const data = item.toJS(doc) as Record<string, unknown>;
    antiPatterns.push({
      id,
      name: stringOr(data.name) ?? stringOr(data.title),
      description: stringOr(data.description),
      index,
      line: at([]),
      data,
      phrases: located(data.pattern_signature, (i) => at(i === undefined ? ['pattern_signature'] : ['pattern_signature', i])),
      badExamples: located(data.example_bad_code, (i) => at(i === undefined ? ['example_bad_code'] : ['example_bad_code', i])),
      goodExamples: located(data.example_good_code, (i) => at(i === undefined ? ['example_good_code'] : ['example_good_code', i])),
      lineOf: at,
    });
  });

  return { path, text, doc, antiPatterns, incidents: collectIncidents(root.toJS(doc) as Record<string, unknown>, lineOf), lineOf };
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A string or a list of strings, each with its line; anything else is ignored here (compile reports it). */
function located(value: unknown, lineAt: (index?: number) => number): Located[] {
  if (typeof value === 'string') return [{ text: value, line: lineAt() }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i) => (typeof v === 'string' ? [{ text: v, line: lineAt(i) }] : []));
}

function describeNode(node: YamlNode | null): string {
  if (node === null) return 'nothing';
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  if (isScalar(node)) return node.value === null ? 'nothing' : `${typeof node.value} ${JSON.stringify(node.value)}`;
  return 'an alias';
}

/**
 * Incidents named in the file: the top-level `incidents` (a list, or a mapping keyed by id) and
 * `incident_search.results`, identified by `incident_id` or `id`.
 */
function collectIncidents(top: Record<string, unknown>, lineOf: (path: readonly (string | number)[]) => number): IncidentRef[] {
  const out: IncidentRef[] = [];
  const add = (value: unknown, path: (string | number)[], key?: string): void => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    const id = stringOr(record.incident_id) ?? stringOr(record.id) ?? key;
    if (id === undefined || out.some((i) => i.id === id)) return;
    out.push({ id, title: stringOr(record.title), line: lineOf(path), text: strings(record).join('\n').toLowerCase() });
  };
  const scan = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) value.forEach((v, i) => add(v, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) add(v, [...path, k], k);
  };
  scan(top.incidents, ['incidents']);
  const search = top.incident_search;
  if (search !== null && typeof search === 'object' && !Array.isArray(search)) scan((search as Record<string, unknown>).results, ['incident_search', 'results']);
  return out;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
