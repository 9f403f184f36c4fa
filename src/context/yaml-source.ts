import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';

/** A parsed YAML (or JSON) file that can tell the line of any value inside it. */
export interface YamlSource {
  /** The parsed document, comments and all. */
  readonly doc: Document;
  /** The document as plain data. */
  readonly data: unknown;
  /** 1-based line of the node at `path`, or of its closest existing parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * Parse `text` as YAML (JSON is accepted: it is YAML 1.2). Returns the first syntax error instead
 * of throwing, with its 1-based line, so each caller can raise its own error type.
 */
export function parseYamlSource(
  text: string,
): { ok: true; source: YamlSource } | { ok: false; message: string; line: number | undefined } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [first] = doc.errors;
  if (first) {
    return { ok: false, message: first.message.split('\n')[0] ?? first.message, line: lineCounter.linePos(first.pos[0]).line };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n -= 1) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { ok: true, source: { doc, data: doc.toJS({ maxAliasCount: 1000 }) as unknown, lineOf } };
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
