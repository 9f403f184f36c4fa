import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

/**
 * YAML (and JSON, which is YAML 1.2) read with positions, for every input faultline validates —
 * rules, vocabularies, config, failures YAML, context sources — so each error can name its line.
 */
export interface YamlSource {
  /** The parsed document, comments and all. */
  readonly doc: Document.Parsed;
  /** The document as plain data (built on first use). */
  readonly data: unknown;
  /** 1-based line of the node at `path`, or of its closest existing parent; undefined in an empty document. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** A syntax problem: the parser's first message and its 1-based line. */
export interface YamlSyntaxProblem {
  message: string;
  line: number;
}

/** Parses `text`; returns the first syntax problem instead of throwing, so each caller raises its own error. */
export function parseYamlSource(text: string): { ok: true; source: YamlSource } | ({ ok: false } & YamlSyntaxProblem) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [first] = doc.errors;
  if (first) {
    return { ok: false, message: first.message.split('\n')[0] ?? first.message, line: lineCounter.linePos(first.pos[0]).line };
  }
  let data: unknown;
  let built = false;
  const source: YamlSource = {
    doc,
    get data() {
      if (!built) {
        data = doc.toJS({ maxAliasCount: 1000 }) as unknown;
        built = true;
      }
      return data;
    },
    lineOf(path) {
      for (let n = path.length; n >= 0; n -= 1) {
        const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
  return { ok: true, source };
}

/** `file line 3: not valid YAML: <parser message>`: the syntax-error text of the context inputs. */
export function syntaxErrorText(file: string, problem: YamlSyntaxProblem, what = 'not valid YAML'): string {
  return `${file} line ${problem.line}: ${what}: ${problem.message}`;
}

/** `constraints[2].statement` for the path `['constraints', 2, 'statement']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One zod issue as a short sentence: `is required`, `expected a string (got number)`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const received = /received (\w+)/.exec(issue.message)?.[1];
    if (received === 'undefined') return 'is required';
    return `expected ${issue.expected}${received ? ` (got ${received})` : ''}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}

/**
 * The first issue of a schema error where it stands in `source` (`base`: the path of the validated
 * value inside the document): its full path, its line and a short sentence (`fallback` without one).
 */
export function firstIssue(source: YamlSource, error: z.ZodError, fallback: string, base: readonly PropertyKey[] = []): { path: PropertyKey[]; line: number | undefined; text: string } {
  const issue = error.issues[0] === undefined ? undefined : deepestUnionIssue(error.issues[0]);
  const path = [...base, ...(issue?.path ?? [])];
  return { path, line: source.lineOf(path), text: issue ? describeIssue(issue) : fallback };
}

/**
 * The problem to report for a value that fits none of a union's shapes: the one from the shape it
 * came closest to (whose problem lies deepest inside the value), as the one the author meant
 * (`constraints[1].statement is required`, not `constraints: Invalid input`).
 */
function deepestUnionIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const candidates = issue.errors
    .map((branch) => branch[0])
    .filter((i): i is z.core.$ZodIssue => i !== undefined)
    .map((i) => deepestUnionIssue({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
  const best = candidates.reduce<z.core.$ZodIssue | undefined>((a, b) => (a === undefined || b.path.length > a.path.length ? b : a), undefined);
  return best !== undefined && best.path.length > issue.path.length ? best : issue;
}

/** ` (line 14)`, or nothing when the line is unknown. */
export function atLine(line: number | undefined): string {
  return line ? ` (line ${line})` : '';
}

/**
 * The first schema problem in the rules' style: `where` as a dotted path (`steps.0.call`), enum
 * problems quoting the value found, and the line (1 when nothing better is known).
 */
export function describeSchemaProblem(source: YamlSource, error: z.ZodError): { where: string; message: string; line: number } {
  const issue = error.issues[0];
  if (issue === undefined) return { where: '', message: 'invalid', line: 1 };
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = path.length === 0 ? 'top level' : path.join('.');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const got = source.doc.getIn(path);
    message = `must be ${issue.values.map(String).join(', ')} (got ${JSON.stringify(got)})`;
  }
  return { where, message, line: source.lineOf(issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path) ?? 1 };
}
