import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

/** A parsed YAML file that can point at the line of any key path (for error messages). */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  /** 1-based line of the node at `path`, or of the closest existing parent. */
  lineOf(path: readonly (string | number)[]): number;
}

/** A YAML syntax problem: message and 1-based line. */
export interface YamlSyntaxProblem {
  message: string;
  line: number;
}

/** Parses YAML text keeping positions; returns the syntax problems instead of throwing. */
export function parseYamlSource(text: string, file: string): YamlSource | YamlSyntaxProblem {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    return { message: first.message.split('\n')[0] ?? first.message, line: lineCounter.linePos(first.pos[0]).line };
  }
  return {
    file,
    doc,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        const range = (node as { range?: [number, number, number] } | undefined)?.range;
        if (range) return lineCounter.linePos(range[0]).line;
      }
      return 1;
    },
  };
}

/** The first schema problem as `path: message (line N)` parts. */
export function describeIssue(source: YamlSource, error: z.ZodError): { where: string; message: string; line: number } {
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
  return { where, message, line: source.lineOf(issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path) };
}
