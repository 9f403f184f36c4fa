// A rule's raw `match:` queries and its message placeholders are checked when the rule loads:
// a broken query or a misspelt `{calle}` would otherwise make the rule silently do nothing, or
// print a literal placeholder, on every file of every scan.
import Parser from 'tree-sitter';
import { RuleSchemaError } from '../errors.js';
import { grammar, type GrammarName } from '../engine/languages.js';
import type { RuleSpec } from '../engine/rule.js';
import type { RuleLanguage } from '../engine/types.js';

/** The grammars a rule language's files are parsed with (`.tsx` files are TypeScript too). */
const GRAMMARS: Record<RuleLanguage, readonly GrammarName[]> = {
  python: ['python'],
  typescript: ['typescript', 'tsx'],
  javascript: ['tsx'],
};

/** What the matchers capture for messages (see "Message placeholders" in the README). */
export const MATCHER_PLACEHOLDERS: readonly string[] = ['callee', 'via', 'retry', 'context', 'subject', 'record', 'result', 'outcome'];

type LineOf = (path: (string | number)[]) => number;

/**
 * Compiles each `match:` query against the grammars of its language.
 * @returns the capture names the queries define (usable as placeholders)
 * @throws RuleSchemaError naming the rule file, the query's line and the position of the error
 */
export function checkQueries(spec: RuleSpec, source: string, lineOf: LineOf): Set<string> {
  const captures = new Set<string>();
  for (const [language, entry] of Object.entries(spec.match ?? {}) as [RuleLanguage, { query: string } | undefined][]) {
    if (entry === undefined) continue;
    for (const name of GRAMMARS[language]) {
      try {
        new Parser.Query(grammar(name), entry.query);
      } catch (error) {
        const line = lineOf(['match', language, 'query']);
        throw new RuleSchemaError(`Cannot load ${source}:${line}: rule ${spec.id}: match.${language}.query is not a valid tree-sitter query: ${describeQueryError(error, entry.query)}`, {
          file: source,
          line,
          help: 'Check the query with `tree-sitter query`, or the node and field names in the grammar (node-types.json).',
        });
      }
    }
    for (const name of captureNames(entry.query)) captures.add(name);
  }
  return captures;
}

/**
 * Refuses `{name}` placeholders in the message that nothing can fill.
 * @param captures capture names of the rule's queries
 * @throws RuleSchemaError listing the known placeholders and echoing the unknown one
 */
export function checkPlaceholders(spec: RuleSpec, source: string, lineOf: LineOf, captures: ReadonlySet<string>): void {
  const known = new Set([...MATCHER_PLACEHOLDERS, ...captures]);
  for (const [, name] of spec.message.matchAll(/\{(\w+)\}/g)) {
    if (name === undefined || known.has(name)) continue;
    const line = lineOf(['message']);
    throw new RuleSchemaError(`Cannot load ${source}:${line}: rule ${spec.id}: message: unknown placeholder {${name}} (known: ${[...known].map((k) => `{${k}}`).join(', ')})`, {
      file: source,
      line,
      help: 'Use a placeholder a matcher fills, or a capture name of the rule\'s match: query.',
    });
  }
}

/** `@name` captures of a query, outside string literals and comments. */
function captureNames(query: string): string[] {
  const code = query.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/;[^\n]*/g, '');
  return [...code.matchAll(/@([\w.-]+)/g)].map((m) => m[1] ?? '').filter((n) => n !== '');
}

/** tree-sitter says `Query error of type TSQueryErrorSyntax at position 54`: name the kind and show the spot. */
function describeQueryError(error: unknown, query: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const m = /TSQueryError(\w+) at position (\d+)/.exec(message);
  if (m === null) return message;
  const kind = { Syntax: 'syntax error', NodeType: 'unknown node type', Field: 'unknown field', Capture: 'unknown capture', Structure: 'impossible pattern' }[m[1] ?? ''] ?? (m[1] ?? '').toLowerCase();
  const at = Number(m[2]);
  const near = query.slice(at, at + 24).split('\n', 1)[0] ?? '';
  return `${kind} at offset ${at}${near === '' ? ' (the end)' : ` near \`${near}\``}`;
}
