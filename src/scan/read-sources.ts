// Reading and hashing the files of a scan, before any of them is parsed.
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, relative, sep } from 'node:path';
import { languageForPath, type LanguageSpec } from '../engine/languages.js';
import { folderPathKey, importsProject } from '../engine/prefilter.js';
import { findSuppressions, type Suppression } from '../engine/suppressions.js';
import type { ScanWarning } from '../engine/types.js';
import { contentKey } from './cache.js';
import type { ScanFilesOptions } from './scan-options.js';

/** Files read at once while hashing. */
export const READ_LANES = 16;

/** `fn` over `items` with at most `lanes` at a time; results in the order of `items`. */
export async function mapInOrder<T, R>(items: readonly T[], lanes: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      for (let k = next++; k < items.length; k = next++) out[k] = await fn(items[k] as T, k);
    }),
  );
  return out;
}

/** A file read and hashed; `key` is undefined when it cannot be scanned (see `warnings`). */
export interface Prepared {
  abs: string;
  file: string;
  language: LanguageSpec;
  size: number;
  key?: string;
  importsProject: boolean;
  suppressions: Suppression[];
  warnings: ScanWarning[];
  /** The text, while the texts held stay under their limit (`HELD_TEXT_BYTES`; else it is read again to scan); dropped once used. */
  text?: string | undefined;
}

/** Texts kept between hashing and scanning: saves a second read without holding a monorepo in memory. */
export const HELD_TEXT_BYTES = 64 * 1024 * 1024;

export async function prepare(
  abs: string,
  options: ScanFilesOptions,
  modules: ReadonlySet<string>,
  held: { bytes: number; limit: number },
): Promise<Prepared | undefined> {
  const file = relative(options.cwd, abs).split(sep).join('/') || abs;
  const language = languageForPath(abs);
  if (language === undefined) return undefined;
  const base = { abs, file, language, size: 0, importsProject: false, suppressions: [] };
  let buffer: Buffer;
  try {
    buffer = await readFile(abs);
  } catch (error) {
    return { ...base, warnings: [{ file, kind: 'read', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }] };
  }
  if (buffer.length > options.maxFileSize) {
    return { ...base, warnings: [{ file, kind: 'too-large', message: `skipped: ${buffer.length} bytes is over the ${options.maxFileSize}-byte limit (max_file_size)` }] };
  }
  if (buffer.subarray(0, 8192).includes(0)) {
    return { ...base, warnings: [{ file, kind: 'binary', message: 'skipped: looks binary (NUL byte)' }] };
  }
  if (looksMinified(buffer, language)) {
    return { ...base, warnings: [{ file, kind: 'minified', message: 'skipped: looks minified or bundled (long lines); nobody writes or reviews it by hand' }] };
  }
  const text = buffer.toString('utf8');
  const importsProjectModule = importsProject(text, language, modules);
  return {
    ...base,
    size: buffer.length,
    key: sourceKey(text, abs, importsProjectModule),
    importsProject: importsProjectModule,
    suppressions: options.suppressions && text.includes('faultline-ignore') ? findSuppressions(text, language.lineComment) : [],
    warnings: [],
    ...((held.bytes += buffer.length) <= held.limit ? { text } : {}),
  };
}

/** The cache key of a file's text: its content, its language (by extension) and whether it imports the project. */
export function sourceKey(text: string, abs: string, importsProject: boolean): string {
  return contentKey(text, `${extname(abs)}:${importsProject ? 'x' : '-'}`);
}

/**
 * Base names of the scanned files and their folders: what a Python import of the project names.
 * A Python module nested in packages (its folder and that folder's parent hold an `__init__.py`)
 * is imported by its package's path (`realstate_new.payment.models.stripe`), never by its bare
 * name: a bare `import stripe` there is the library, so the module's name is not the project's.
 * A module of a top package keeps its name (Django projects put their root on the path inside a
 * package: `trade_remedies_api/utils.py` is `import utils`), as do folders (`from core.notifier
 * import …` starts with the folder `core`, whatever its parent is) and every ECMAScript file.
 */
export function projectModules(files: readonly string[]): Set<string> {
  const out = new Set<string>();
  const packages = new Set<string>();
  for (const f of files) if (basename(f) === '__init__.py') packages.add(dirname(f));
  for (const f of files) {
    const dir = dirname(f);
    const python = extname(f) === '.py';
    if (!python || !packages.has(dir) || !packages.has(dirname(dir))) out.add(basename(f, extname(f)));
    out.add(basename(dir));
    if (!python) for (const key of folderPathKeys(f)) out.add(key);
  }
  out.delete('__init__');
  return out;
}

/**
 * The folder-and-file tails of an ECMAScript file's path (`models/Order`, `src/models/Order` for
 * `api/src/models/Order.ts`; `models` too for `models/index.ts`), under `folderPathKey`: what a
 * tsconfig alias of a folder (`@models/Order`) can name (`isFolderAlias`).
 */
function folderPathKeys(file: string): string[] {
  const parts = file.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  const last = parts.length - 1;
  if (last < 1) return [];
  parts[last] = parts[last]!.replace(/\.[^.]+$/, '');
  if (parts[last] === 'index') parts.pop();
  const keys: string[] = [];
  for (let from = parts.length - 2; from >= 0; from--) keys.push(folderPathKey(parts.slice(from).join('/')));
  return keys;
}

/**
 * A JavaScript bundle or minified file (`assets/index-3f9c1a.js`): on average hundreds of
 * characters a line. Its findings would point at code nobody wrote, as Semgrep's minified-file
 * skip also decides. Small files are kept whatever their shape.
 *
 * A bundle whose template strings (CSS, markup) keep their line breaks averages far less
 * (`static/…/chunks/globals-DkQ9qOwI.js`: 150 a line, its code on lines of up to 93,000), so a file
 * is minified too when most of it sits on minified lines: thousands of characters of code with
 * almost no spaces and a statement's `;` every few hundred characters. A long string of data (an
 * SVG path, an inline JSON fixture) has no statements and is kept.
 */
const MINIFIED_MIN_BYTES = 8 * 1024;
const MINIFIED_AVERAGE_LINE = 300;
const MINIFIED_LINE = 1000;
const MINIFIED_LINE_SHARE = 0.3;

function looksMinified(buffer: Buffer, language: LanguageSpec): boolean {
  if (language.family !== 'ecma' || buffer.length < MINIFIED_MIN_BYTES) return false;
  let lines = 1;
  let minifiedBytes = 0;
  let start = 0;
  for (let i = buffer.indexOf(10); ; i = buffer.indexOf(10, i + 1)) {
    const end = i === -1 ? buffer.length : i;
    if (end - start >= MINIFIED_LINE && isMinifiedLine(buffer, start, end)) minifiedBytes += end - start;
    if (i === -1) break;
    lines++;
    start = i + 1;
  }
  return buffer.length / lines > MINIFIED_AVERAGE_LINE || minifiedBytes >= buffer.length * MINIFIED_LINE_SHARE;
}

/** Under 10% blanks, 2% of `;{}` and 0.5% of `;`: statements packed without layout. */
function isMinifiedLine(buffer: Buffer, start: number, end: number): boolean {
  let blanks = 0;
  let braces = 0;
  let semicolons = 0;
  for (let i = start; i < end; i++) {
    const c = buffer[i];
    if (c === 32 || c === 9) blanks++;
    else if (c === 59) semicolons++;
    else if (c === 123 || c === 125) braces++;
  }
  const n = end - start;
  return blanks < n * 0.1 && semicolons + braces >= n * 0.02 && semicolons >= n * 0.005;
}
