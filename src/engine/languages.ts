import { createRequire } from 'node:module';
import Parser from 'tree-sitter';
import type { Family } from '../matchers/index.js';
import { installFastNodes } from './fast-nodes.js';
import type { RuleLanguage } from './types.js';

/** The tree-sitter grammars faultline loads. JavaScript is parsed with TSX (a superset that knows JSX). */
export type GrammarName = 'python' | 'typescript' | 'tsx';

/** How one kind of source file is parsed and annotated. */
export interface LanguageSpec {
  /** The language rules name. */
  id: RuleLanguage;
  grammar: GrammarName;
  family: Family;
  /** Line comment marker, for annotations and suppressions. */
  lineComment: '#' | '//';
}

const PYTHON: LanguageSpec = { id: 'python', grammar: 'python', family: 'python', lineComment: '#' };
const TYPESCRIPT: LanguageSpec = { id: 'typescript', grammar: 'typescript', family: 'ecma', lineComment: '//' };
const TSX: LanguageSpec = { id: 'typescript', grammar: 'tsx', family: 'ecma', lineComment: '//' };
const JAVASCRIPT: LanguageSpec = { id: 'javascript', grammar: 'tsx', family: 'ecma', lineComment: '//' };

const BY_EXTENSION: Record<string, LanguageSpec> = {
  '.py': PYTHON,
  '.ts': TYPESCRIPT,
  '.mts': TYPESCRIPT,
  '.cts': TYPESCRIPT,
  '.tsx': TSX,
  '.js': JAVASCRIPT,
  '.mjs': JAVASCRIPT,
  '.cjs': JAVASCRIPT,
  '.jsx': JAVASCRIPT,
};

/** File extensions faultline scans, with their dot. */
export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** The language of a path by its extension, or undefined when faultline does not scan it. */
export function languageForPath(path: string): LanguageSpec | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[path.slice(dot).toLowerCase()];
}

/** The spec used to parse a snippet of a rule language (`typescript` snippets may hold JSX). */
export function languageSpec(id: RuleLanguage): LanguageSpec {
  return id === 'python' ? PYTHON : id === 'typescript' ? TYPESCRIPT : JAVASCRIPT;
}

const require = createRequire(import.meta.url);
const grammars = new Map<GrammarName, Parser.Language>();

/** The loaded grammar object (loaded once per thread). */
export function grammar(name: GrammarName): Parser.Language {
  let g = grammars.get(name);
  if (g === undefined) {
    g =
      name === 'python'
        ? (require('tree-sitter-python') as Parser.Language)
        : (require('tree-sitter-typescript') as Record<'typescript' | 'tsx', Parser.Language>)[name];
    grammars.set(name, g);
  }
  return g;
}

const parsers = new Map<GrammarName, Parser>();

/** Parses `text` with the grammar; one parser per grammar and thread is reused. */
export function parse(text: string, name: GrammarName): Parser.Tree {
  if (!checked) {
    checked = true;
    installFastNodes(SAMPLES.map(([grammarName, code]) => parseWith(code, grammarName)));
  }
  return parseWith(text, name);
}

let checked = false;

/** Code the cheaper node accessors are checked against: every grammar, non-ASCII text, nesting. */
const SAMPLES: [GrammarName, string][] = [
  [
    'python',
    'import os\n\n@retry(stop=3)\ndef f(a, *b):\n    """é 😀 ü"""\n    for i in range(3):\n        try:\n            x = a.charge(amount=1, key=f"{i}")\n        except TimeoutError as e:\n            continue\n    return [y for y in b if y]\n',
  ],
  [
    'typescript',
    'import { a } from "./a";\nexport async function f<T>(x: T): Promise<void> {\n  const s = "é 😀";\n  for (let i = 0; i < 3; i++) {\n    try { await a.post(`/p/${i}`, { s }); } catch (e: unknown) { if (e instanceof Error) throw e; }\n  }\n}\n',
  ],
  ['tsx', 'const C = () => <div title="ü😀">{items.map((i) => <b key={i}>{i}</b>)}</div>;\nretry(async () => { await fetch(url, { method: "POST" }); });\n'],
];

function parseWith(text: string, name: GrammarName): Parser.Tree {
  let parser = parsers.get(name);

  if (parser === undefined) {
    parser = new Parser();
    parser.setLanguage(grammar(name));
    parsers.set(name, parser);
  }
  // The default buffer is sized for small inputs; a large file needs room for its whole text.
  return parser.parse(text, undefined, { bufferSize: Math.max(32 * 1024, text.length * 2 + 1) });
}
