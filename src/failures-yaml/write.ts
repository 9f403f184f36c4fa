import { readFileSync } from 'node:fs';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { FailuresFileError } from '../errors.js';
import { writeFileSafely } from '../write-file-safely.js';
import { parseFailuresText } from './read.js';
import type { FailuresFile, Occurrence } from './types.js';

/** Occurrences per anti-pattern id; ids that are absent leave their entry untouched. */
export type OccurrencesById = ReadonlyMap<string, readonly Occurrence[]> | Readonly<Record<string, readonly Occurrence[]>>;

const KEY = 'occurrences_in_codebase';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The file's text with each listed anti-pattern's `occurrences_in_codebase` replaced, and nothing
 * else changed: the new list is spliced into the original text at the old value's position, so
 * comments, blank lines, quoting, key order and block scalars elsewhere stay byte for byte. A
 * missing key is added as the entry's last key; an empty list is written `[]`. A comment on the
 * key's line is kept; comments between old list items go with the items. Pure: no file system.
 *
 * @throws FailuresFileError when the key is written in a form that cannot be rewritten in place
 *   (an explicit `? ` key).
 */
export function renderOccurrences(file: FailuresFile, occurrencesById: OccurrencesById): string {
  const text = file.text;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const get = (id: string): readonly Occurrence[] | undefined =>
    occurrencesById instanceof Map ? occurrencesById.get(id) : (occurrencesById as Record<string, readonly Occurrence[]>)[id];
  const root = file.doc.contents;
  const list = isMap(root) ? root.get('anti_patterns', true) : undefined;
  if (!isSeq(list)) return text;
  const edits: Edit[] = [];
  for (const entry of file.antiPatterns) {
    const occurrences = get(entry.id);
    const item = list.items[entry.index];
    if (occurrences === undefined || !isMap(item)) continue;
    const pair = item.items.find((p) => isScalar(p.key) && p.key.value === KEY);
    const edit = pair === undefined ? insertEdit(file, item, occurrences, nl) : replaceEdit(file, item, pair, occurrences, nl);
    edits.push(edit);
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Replaces the value of an existing `occurrences_in_codebase` pair. */
function replaceEdit(file: FailuresFile, item: YAMLMap, pair: Pair, occurrences: readonly Occurrence[], nl: string): Edit {
  const text = file.text;
  const colonEnd = afterColon(file, pair);
  const value = pair.value as YamlNode | null;
  if (item.flow === true) {
    if (!hasContent(value)) return { start: colonEnd, end: colonEnd, text: ` ${flowList(occurrences)}` };
    return { start: value.range![0], end: contentEnd(file, value), text: flowList(occurrences) };
  }
  const keyColumn = columnOf(text, (pair.key as YamlNode).range![0]);
  let p = colonEnd;
  while (text[p] === ' ' || text[p] === '\t') p++;
  const eol = lineEnd(text, p);
  if (hasContent(value) && !text.slice(colonEnd, value.range![0]).includes('\n')) {
    // The old value sits on the key's line (`[]`, a flow list, a scalar): a comment after it stays on that line.
    let end = contentEnd(file, value);
    let comment = '';
    let q = end;
    while (text[q] === ' ' || text[q] === '\t') q++;
    if (text[q] === '#') {
      const commentEnd = lineEnd(text, q);
      comment = text.slice(end, commentEnd);
      end = commentEnd;
    }
    return { start: colonEnd, end, text: blockValue(occurrences, comment, keyColumn + 2, nl) };
  }
  const comment = text[p] === '#' ? text.slice(colonEnd, eol) : '';
  if (!hasContent(value)) return { start: colonEnd, end: comment === '' ? p : eol, text: blockValue(occurrences, comment, keyColumn + 2, nl) };
  const end = contentEnd(file, value);
  if (isSeq(value) && value.flow !== true && occurrences.length > 0) {
    // Keep everything up to the first `-` (the key's comment, blank lines, indentation) and the list's indentation.
    const start = value.range![0];
    return { start, end, text: items(occurrences, columnOf(text, start), nl).replace(/^ +/, '') };
  }
  return { start: colonEnd, end, text: blockValue(occurrences, comment, keyColumn + 2, nl) };
}

/** Adds `occurrences_in_codebase` as the entry's last key. */
function insertEdit(file: FailuresFile, item: YAMLMap, occurrences: readonly Occurrence[], nl: string): Edit {
  const text = file.text;
  const last = item.items.at(-1);
  if (last === undefined) throw cannotRewrite(file, item, 'the entry is empty');
  const end = contentEnd(file, last);
  if (item.flow === true) return { start: end, end, text: `, ${KEY}: ${flowList(occurrences)}` };
  const keyColumn = columnOf(text, (item.items[0]?.key as YamlNode).range![0]);
  const pad = ' '.repeat(keyColumn);
  const lastValue = last.value as YamlNode | null;
  if (isScalar(lastValue) && (lastValue.type === 'BLOCK_LITERAL' || lastValue.type === 'BLOCK_FOLDED') && /^[|>][1-9]?\+/.test(text.slice(lastValue.range![0]))) {
    // A keep-chomping block scalar (`|+`) owns its trailing blank lines: add the key after them.
    const at = lastValue.range![1];
    const line = `${pad}${KEY}:${blockValue(occurrences, '', keyColumn + 2, nl)}`;
    return at > 0 && text[at - 1] !== '\n' ? { start: at, end: at, text: nl + line } : { start: at, end: at, text: line + nl };
  }
  const at = lineEnd(text, end);
  return { start: at, end: at, text: `${nl}${pad}${KEY}:${blockValue(occurrences, '', keyColumn + 2, nl)}` };
}

/** The text after `key:`: ` []` (then the comment), or the comment, a line break and the items. */
function blockValue(occurrences: readonly Occurrence[], comment: string, column: number, nl: string): string {
  if (occurrences.length === 0) return ` []${comment}`;
  return `${comment}${nl}${items(occurrences, column, nl)}`;
}

/** Block list items in the seed's shape, every line indented to `column`. */
function items(occurrences: readonly Occurrence[], column: number, nl: string): string {
  const pad = ' '.repeat(column);
  return occurrences
    .map((o) => [`${pad}- file: ${quote(o.file)}`, `${pad}  line: ${o.line}`, `${pad}  code: ${quote(o.code)}`, `${pad}  risk: ${quote(o.risk)}`].join(nl))
    .join(nl);
}

function flowList(occurrences: readonly Occurrence[]): string {
  return `[${occurrences.map((o) => `{ file: ${quote(o.file)}, line: ${o.line}, code: ${quote(o.code)}, risk: ${quote(o.risk)} }`).join(', ')}]`;
}

/**
 * A YAML double-quoted scalar. Escapes what YAML requires (backslash, quote, non-printable
 * characters) and nothing else, so the same string always gives the same text.
 */
export function quote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfeff || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) {
      out += code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

/** Whether a pair's value has source text (`key:` with nothing after it has none). */
function hasContent(value: YamlNode | null): value is YamlNode {
  if (value === null || value === undefined || value.range === undefined || value.range === null) return false;
  return !(isScalar(value) && value.value === null && value.range[0] === value.range[1]);
}

/** Offset just past the last character of a node's own text (not its trailing comments or blank lines). */
function contentEnd(file: FailuresFile, node: unknown): number {
  const text = file.text;
  let end: number;
  if (isPair(node)) {
    const value = node.value as YamlNode | null;
    end = hasContent(value) ? contentEnd(file, value) : afterColon(file, node);
  } else if (isCollection(node)) {
    const last = node.items.at(-1);
    end = node.flow === true || last === undefined ? node.range![1] : contentEnd(file, last);
  } else if (isScalar(node) || isAlias(node)) {
    end = node.range![1];
  } else {
    throw new FailuresFileError(`Cannot write ${file.path}: unexpected YAML node`, { file: file.path, help: 'Report this as a faultline bug, with the file.' });
  }
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

/** Offset just past the `:` of a block or flow pair. */
function afterColon(file: FailuresFile, pair: Pair): number {
  const text = file.text;
  const key = pair.key as YamlNode;
  let i = key.range![1];
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] !== ':') throw cannotRewrite(file, key, `\`${KEY}\` is written as an explicit \`? \` key`);
  return i + 1;
}

function lineEnd(text: string, from: number): number {
  let i = text.indexOf('\n', from);
  if (i < 0) i = text.length;
  return text[i - 1] === '\r' ? i - 1 : i;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function cannotRewrite(file: FailuresFile, node: YamlNode, why: string): FailuresFileError {
  const line = file.text.slice(0, node.range?.[0] ?? 0).split('\n').length;
  return new FailuresFileError(`Cannot write ${file.path}:${line}: ${why}; the file was not changed`, {
    file: file.path,
    line,
    help: `Write it as a plain key: \`${KEY}: []\`.`,
  });
}

/**
 * Writes the occurrences into the failures file (see {@link renderOccurrences}). Nothing is
 * written when the text would not change, so a re-run on unchanged code leaves the file (and its
 * modification time) alone. Otherwise it is written with {@link writeFileSafely}: completely and
 * verified, or not at all.
 *
 * @param path where to write: normally `file.path`. When it exists it must still hold the text
 *   `file` was read from.
 * @param label how the file is named in messages (default `path`).
 * @returns whether the file changed, and its new text.
 * @throws FailuresFileError when the file changed since it was read or the result would not be
 *   the same document with only the occurrences changed; FileWriteError when it cannot be written
 *   (full disk, size limit, read-only); the file is then untouched.
 */
export function writeOccurrences(path: string, file: FailuresFile, occurrencesById: OccurrencesById, label: string = path): { changed: boolean; text: string } {
  const next = renderOccurrences(file, occurrencesById);
  verifyOnlyOccurrencesChanged(file, next, occurrencesById);
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotWrite(path, cause);
  }
  if (current !== undefined && current !== file.text) {
    throw new FailuresFileError(`Cannot write ${path}: it changed since it was read; the file was not changed`, {
      file: path,
      help: 'Run the scan again so the occurrences are computed from the current file.',
    });
  }
  if (current === next) return { changed: false, text: next };
  writeFileSafely(path, next, { expected: current ?? null, label });
  return { changed: true, text: next };
}

/** Re-reads the new text and checks it is the old document with only the occurrences changed. */
function verifyOnlyOccurrencesChanged(file: FailuresFile, next: string, occurrencesById: OccurrencesById): void {
  const strip = (f: FailuresFile): unknown => {
    const data = f.doc.toJS() as Record<string, unknown>;
    const list = data.anti_patterns as Record<string, unknown>[];
    return { ...data, anti_patterns: list.map((e) => (e !== null && typeof e === 'object' ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== KEY)) : e)) };
  };
  let reread: FailuresFile;
  try {
    reread = parseFailuresText(next, file.path);
  } catch (cause) {
    throw internal(file, cause);
  }
  const get = (id: string): readonly Occurrence[] | undefined =>
    occurrencesById instanceof Map ? occurrencesById.get(id) : (occurrencesById as Record<string, readonly Occurrence[]>)[id];
  const sameRest = JSON.stringify(strip(reread)) === JSON.stringify(strip(file));
  const sameLists = reread.antiPatterns.every((e) => {
    const want = get(e.id);
    const before = file.antiPatterns.find((b) => b.id === e.id);
    const expected = want === undefined ? before?.data[KEY] : want.map((o) => ({ file: o.file, line: o.line, code: o.code, risk: o.risk }));
    return JSON.stringify(e.data[KEY]) === JSON.stringify(expected);
  });
  if (!sameRest || !sameLists) throw internal(file, undefined);
}

function internal(file: FailuresFile, cause: unknown): FailuresFileError {
  return new FailuresFileError(`Cannot write ${file.path}: rewriting occurrences_in_codebase would change other content; the file was not changed`, {
    file: file.path,
    cause,
    help: 'Report this as a faultline bug, with the file; as a workaround write `occurrences_in_codebase: []` as a plain block key in each entry.',
  });
}

function cannotWrite(path: string, cause: unknown): FailuresFileError {
  return new FailuresFileError(`Cannot write ${path}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}; the file was not changed`, {
    file: path,
    cause,
    help: 'Check that the file and its folder exist and are writable (the file is replaced by a temporary file renamed over it).',
  });
}
