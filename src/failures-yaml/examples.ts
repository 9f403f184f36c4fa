import { languageSpec, parse, type LanguageSpec } from '../engine/languages.js';
import type { Rule } from '../engine/rule.js';
import { settleAlone } from '../engine/link.js';
import { scanSource } from '../engine/scan-source.js';
import type { Finding, RuleLanguage } from '../engine/types.js';
import type { Vocabulary } from '../matchers/index.js';

/** A snippet ready to scan: the text given to the parser and how its lines map back. */
export interface PreparedSnippet {
  language: RuleLanguage;
  /** The text scanned (the snippet, possibly wrapped in a function so it parses). */
  code: string;
  /** Lines the wrapper added before the snippet (subtract from finding lines). */
  lineOffset: number;
  /** Whether the snippet (or its wrapped form) parsed without syntax errors. */
  parses: boolean;
}

const LANGUAGE_NAMES: Record<string, RuleLanguage> = {
  python: 'python',
  py: 'python',
  typescript: 'typescript',
  ts: 'typescript',
  tsx: 'typescript',
  javascript: 'javascript',
  js: 'javascript',
  jsx: 'javascript',
  node: 'javascript',
};

/** Maps a language name as people write it (`py`, `TypeScript`, `js`) to a rule language. */
export function ruleLanguageNamed(name: string): RuleLanguage | undefined {
  return LANGUAGE_NAMES[name.trim().toLowerCase()];
}

/**
 * Guesses the language of a code snippet. Both grammars parse it; a snippet only one of them
 * parses cleanly is that language. Otherwise (both or neither) line-shape heuristics decide:
 * Python's `def`/`elif`/`except`, trailing colons and `#` comments against braces, semicolons,
 * `=>`, `const`/`let` and `//` comments. TypeScript is told from JavaScript by type syntax.
 */
export function detectLanguage(code: string): RuleLanguage {
  const text = stripFence(dedent(code)).text;
  const pythonClean = !parse(text, 'python').rootNode.hasError;
  const ecmaClean = !parse(text, 'tsx').rootNode.hasError;
  let python: boolean;
  if (pythonClean !== ecmaClean) python = pythonClean;
  else python = pythonScore(text) > ecmaScore(text);
  if (python) return 'python';
  return TS_SIGNS.some((re) => re.test(text)) ? 'typescript' : 'javascript';
}

const PY_SIGNS: RegExp[] = [
  /^\s*(def|class)\s+\w+.*:\s*(#.*)?$/m,
  /^\s*(elif\b.*|else|try|finally|except\b.*)\s*:\s*(#.*)?$/m,
  /^\s*(if|for|while|with)\b.*:\s*(#.*)?$/m,
  /^\s*from\s+[\w.]+\s+import\b/m,
  /^\s*import\s+[\w.]+\s*(#.*)?$/m,
  /\b(None|True|False|self|elif|lambda|not in|is not)\b/,
  /^\s*#/m,
  /^\s*@\w+/m,
  /^\s*(raise|pass)\b/m,
];
const ECMA_SIGNS: RegExp[] = [
  /[{};]\s*(\/\/.*)?$/m,
  /=>/,
  /\b(const|let|var|function|async|await|new|this|typeof|instanceof)\b/,
  /^\s*\/\//m,
  /\/\*/,
  /===|!==|&&|\|\|/,
  /\b(null|undefined|true|false)\b/,
  /^\s*}\s*(catch|else|finally)\b/m,
  /\bimport\s+.*\s+from\s+['"]/,
];
const TS_SIGNS: RegExp[] = [
  /\b(interface|enum|namespace|declare|readonly|implements)\s+\w+/,
  /\btype\s+\w+\s*(<[^>]*>)?\s*=/,
  /\w\s*\??:\s*(string|number|boolean|any|unknown|void|never|Promise<|Record<|Array<|\w+\[\])/,
  /\)\s*:\s*[\w<>[\]| ]+\s*(=>|{)/,
  /\bas\s+(const|string|number|any|unknown|[A-Z]\w*)\b/,
  /\b(public|private|protected)\s+\w+/,
  /<[A-Z]\w*(\[\])?>\s*\(/,
];

function pythonScore(text: string): number {
  return PY_SIGNS.filter((re) => re.test(text)).length;
}

function ecmaScore(text: string): number {
  return ECMA_SIGNS.filter((re) => re.test(text)).length;
}

/** Removes the indentation every non-blank line shares. */
export function dedent(code: string): string {
  const lines = code.replace(/\r\n/g, '\n').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l) => l.slice(Math.min(common, /^[ \t]*/.exec(l)?.[0].length ?? 0))).join('\n');
}

/** Drops a surrounding Markdown code fence; returns the fence's language when it names one. */
function stripFence(code: string): { text: string; language: RuleLanguage | undefined } {
  const m = /^\s*```([\w+-]*)[^\n]*\n([\s\S]*?)\n?```\s*$/.exec(code);
  if (m === null) return { text: code, language: undefined };
  return { text: m[2] ?? '', language: ruleLanguageNamed(m[1] ?? '') };
}

/**
 * Makes a snippet scannable: dedents it, drops a Markdown fence, picks its language (`language`
 * when given, else the fence's, else {@link detectLanguage}) and, when it does not parse on its own
 * (a bare `return`, an `await` in Python-style fragments), wraps it in a function that makes it parse.
 */
export function prepareSnippet(code: string, language?: RuleLanguage): PreparedSnippet {
  const fenced = stripFence(dedent(code));
  const text = fenced.text.replace(/\s+$/, '') + '\n';
  const lang = language ?? fenced.language ?? detectLanguage(text);
  const spec = languageSpec(lang);
  if (!parse(text, spec.grammar).rootNode.hasError) return { language: lang, code: text, lineOffset: 0, parses: true };
  const indented = text
    .split('\n')
    .map((l) => (l === '' ? l : `    ${l}`))
    .join('\n');
  const wrapped = lang === 'python' ? `def _example():\n${indented}` : `async function example() {\n${indented}}\n`;
  if (!parse(wrapped, spec.grammar).rootNode.hasError) return { language: lang, code: wrapped, lineOffset: 1, parses: true };
  return { language: lang, code: text, lineOffset: 0, parses: false };
}

/** Findings of one rule on a prepared snippet, with lines relative to the snippet. */
export function scanSnippet(snippet: PreparedSnippet, rule: Rule, vocab: Vocabulary, label: string): Finding[] {
  const spec: LanguageSpec = languageSpec(snippet.language);
  const findings = settleAlone(scanSource(snippet.code, label, spec, [rule], vocab), label, spec.id);
  return findings.map((f) => ({ ...f, line: f.line - snippet.lineOffset, endLine: f.endLine - snippet.lineOffset }));
}

/**
 * Why a rule does not fire on a snippet: runs the signature one step longer each time and says
 * how many candidates survive each step, e.g. `call: mutating found 1 (line 2); inside: retry kept none`.
 */
export function explainMiss(snippet: PreparedSnippet, rule: Rule, vocab: Vocabulary, label: string, format: (step: Rule['steps'][number]) => string): string {
  const parts: string[] = [];
  for (let n = 1; n <= rule.steps.length; n++) {
    const partial: Rule = { ...rule, steps: rule.steps.slice(0, n) };
    const found = scanSnippet(snippet, partial, vocab, label);
    const step = rule.steps[n - 1];
    if (step === undefined) break;
    const lines = [...new Set(found.map((f) => f.line))];
    const where = lines.length === 0 ? '' : ` (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})`;
    const verb = n === 1 ? 'found' : 'kept';
    parts.push(`\`${format(step)}\` ${verb} ${found.length === 0 ? 'none' : `${found.length}${where}`}`);
    if (found.length === 0) break;
  }
  return parts.join('; ');
}

/** The snippet with line numbers, indented, for error messages. */
export function showSnippet(code: string): string {
  const lines = dedent(code).replace(/\s+$/, '').split('\n');
  const width = String(lines.length).length;
  return lines.map((l, i) => `    ${String(i + 1).padStart(width)} | ${l}`.trimEnd()).join('\n');
}
