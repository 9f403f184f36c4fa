import { parse } from '@unified-latex/unified-latex-util-parse';
import type * as Ast from '@unified-latex/unified-latex-types';
import { markdownTableLines } from './markdown-table.js';

/** Sectioning commands and the Markdown heading level each becomes (the title is `#`). */
const SECTION_LEVELS: Record<string, number> = { part: 2, chapter: 2, section: 2, subsection: 3, subsubsection: 4, paragraph: 5, subparagraph: 6 };

/** Environments whose rows are split by `\\` and cells by `&`. */
const TABLES = new Set(['tabular', 'tabularx', 'tabular*', 'longtable', 'tabulary', 'array', 'supertabular', 'xltabular']);
const LISTS: Record<string, 'bullet' | 'number'> = { itemize: 'bullet', enumerate: 'number', description: 'bullet', compactitem: 'bullet', compactenum: 'number' };
const VERBATIM = new Set(['verbatim', 'lstlisting', 'minted', 'Verbatim']);

/** Formatting commands: their argument is the text, marked as Markdown marks it. */
const MARKS: Record<string, string> = { texttt: '`', code: '`', verb: '`', textbf: '**', bfseries: '**', emph: '*', textit: '*', textsl: '*' };
/** Commands that stand for a character. */
const SYMBOLS: Record<string, string> = {
  pounds: '£', euro: '€', textdollar: '$', textquoteright: '’', textquoteleft: '‘', ldots: '…', dots: '…', textellipsis: '…',
  textendash: '–', textemdash: '—', S: '§', P: '¶', copyright: '©', textregistered: '®', textbackslash: '\\', textasciitilde: '~',
  ',': ' ', ';': ' ', ':': ' ', '!': '', ' ': ' ', quad: ' ', qquad: ' ', enspace: ' ', thinspace: ' ', LaTeX: 'LaTeX', TeX: 'TeX',
  textgreater: '>', textless: '<', times: '×', to: '→', rightarrow: '→', geq: '≥', leq: '≤', ge: '≥', le: '≤', gt: '>', lt: '<',
};
/** Commands that only lay out or set up the page: nothing to read. */
const LAYOUT = new Set([
  'documentclass', 'usepackage', 'RequirePackage', 'newcommand', 'renewcommand', 'providecommand', 'NewDocumentCommand', 'DeclareMathOperator',
  'def', 'let', 'setlength', 'addtolength', 'setcounter', 'pagestyle', 'thispagestyle', 'maketitle', 'tableofcontents', 'label', 'ref', 'cite',
  'toprule', 'midrule', 'bottomrule', 'hline', 'cline', 'cmidrule', 'newpage', 'clearpage', 'noindent', 'centering', 'vspace', 'hspace', 'smallskip',
  'medskip', 'bigskip', 'includegraphics', 'caption', 'textwidth', 'linewidth', 'hfill', 'vfill', 'par', 'footnotesize', 'small', 'large', 'Large',
  'normalsize', 'selectlanguage', 'geometry', 'hypersetup', 'definecolor', 'color',
]);

/**
 * A postmortem written in LaTeX (a house class and its own commands are common) as the Markdown the
 * postmortem reader takes: the document's metadata (a `key = {value}` setup command of the class,
 * `\title`, `\author`, `\date`) as `Key: value` lines, a title command (`\title`, or a class's own
 * `\…title{…}`) as the title, `\section`s as headings, `itemize`/`enumerate` as lists, `tabular`
 * environments as tables (booktabs rules left out), `\texttt`/`\textbf`/`\emph` as marks, a
 * `\textcolor`'d status as its text, the team's argument-less `\newcommand`s by what they stand for,
 * and TeX's quotes, dashes and escapes as the characters they print. Hard-wrapped lines of a
 * paragraph or an item are joined, as LaTeX joins them.
 */
export function latexPostmortemMarkdown(text: string): string {
  const root = parse(text);
  const writer = new LatexWriter(commandsOf(root.content));
  const document = root.content.find((n): n is Ast.Environment => n.type === 'environment' && n.env === 'document');
  const preamble = document ? root.content.slice(0, root.content.indexOf(document)) : [];
  const fields = writer.fields(preamble);
  const body = writer.blocks(document ? document.content : root.content);
  return `${[...fields, ...(fields.length > 0 ? [''] : []), body].join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** The team's `\newcommand{\name}{text}` without arguments: name → what it stands for. */
function commandsOf(nodes: readonly Ast.Node[]): Map<string, Ast.Node[]> {
  const commands = new Map<string, Ast.Node[]>();
  for (const node of nodes) {
    if (node.type !== 'macro' || !['newcommand', 'renewcommand', 'providecommand'].includes(node.content)) continue;
    const args = (node.args ?? []).filter((a) => a.openMark === '{' || a.openMark === '[');
    const name = args[0]?.content.find((n): n is Ast.Macro => n.type === 'macro')?.content;
    const hasParams = args.some((a) => a.openMark === '[');
    const body = args.at(-1)?.content;
    if (name && body && !hasParams) commands.set(name, body);
  }
  return commands;
}

class LatexWriter {
  constructor(private readonly commands: ReadonlyMap<string, Ast.Node[]>) {}

  /** `Key: value` lines of the preamble's setup commands and `\title`-like commands. */
  fields(nodes: readonly Ast.Node[]): string[] {
    const out: string[] = [];
    this.eachCommand(nodes, (name, args) => {
      if (LAYOUT.has(name)) return;
      const [first] = args;
      if (args.length === 1 && first && isKeyValueList(first)) {
        for (const [key, value] of keyValues(first)) out.push(`${capitalise(key)}: ${this.inline(value)}`);
      } else if (args.length > 0 && ['title', 'author', 'date', 'subtitle'].includes(name)) {
        out.push(`${capitalise(name)}: ${this.inline(args.at(-1) ?? [])}`);
      }
    });
    return out;
  }

  /** The document's blocks as Markdown: headings, paragraphs, lists and tables, blank-line separated. */
  blocks(nodes: readonly Ast.Node[]): string {
    const out: string[] = [];
    let paragraph: Ast.Node[] = [];
    const flush = (): void => {
      const text = this.inline(paragraph);
      if (text.length > 0) out.push(text, '');
      paragraph = [];
    };
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type === 'parbreak') {
        flush();
        continue;
      }
      if (node.type === 'environment' || node.type === 'verbatim') {
        const block = this.environment(node);
        if (block !== undefined) {
          flush();
          out.push(block, '');
          continue;
        }
      }
      if (node.type === 'macro') {
        const { args, used } = argumentsOf(node, nodes, i);
        const level = SECTION_LEVELS[node.content];
        const title = level === undefined && /title$/i.test(node.content) && node.content !== 'maketitle' && args.length > 0;
        if (level !== undefined || title) {
          flush();
          out.push(`${'#'.repeat(level ?? 1)} ${this.inline(args.at(-1) ?? [])}`, '');
          i += used;
          continue;
        }
      }
      paragraph.push(node);
    }
    flush();
    return out.join('\n');
  }

  private environment(node: Ast.Environment | Ast.VerbatimEnvironment): string | undefined {
    if (node.type === 'verbatim' || VERBATIM.has(node.env)) {
      const content = typeof node.content === 'string' ? node.content : this.inline(node.content);
      return `\`\`\`\n${content.replace(/^\n+|\s+$/g, '')}\n\`\`\``;
    }
    if (node.env === 'document') return this.blocks(node.content);
    const list = LISTS[node.env];
    if (list) return this.list(node.content, list);
    if (TABLES.has(node.env)) return this.table(node.content);
    if (node.env === 'table' || node.env === 'figure' || node.env === 'center' || node.env === 'quote' || node.env === 'quotation' || node.env === 'minipage') {
      return this.blocks(node.content);
    }
    return undefined;
  }

  private list(nodes: readonly Ast.Node[], kind: 'bullet' | 'number'): string {
    const items: string[] = [];
    for (const node of nodes) {
      if (node.type === 'macro' && node.content === 'item') {
        const args = node.args ?? [];
        const label = args.find((a) => a.openMark === '[')?.content;
        const body = args.at(-1)?.content ?? [];
        const nested = body.filter((n): n is Ast.Environment => n.type === 'environment' && LISTS[n.env] !== undefined);
        const own = body.filter((n) => !nested.includes(n as Ast.Environment));
        const text = [label && label.length > 0 ? `**${this.inline(label)}**` : '', this.inline(own)].filter((t) => t.length > 0).join(' ');
        const marker = kind === 'number' ? `${items.length + 1}.` : '-';
        items.push(`${marker} ${text}`);
        for (const n of nested) items.push(this.list(n.content, LISTS[n.env]!).replace(/^/gm, '   '));
      }
    }
    return items.join('\n');
  }

  private table(nodes: readonly Ast.Node[]): string {
    // The column specification (and a tabularx's width) come first, as groups.
    let start = 0;
    while (start < nodes.length && (nodes[start]!.type === 'group' || nodes[start]!.type === 'whitespace')) start++;
    const rows: Ast.Node[][][] = [[[]]];
    for (const node of nodes.slice(start)) {
      const row = rows.at(-1)!;
      if (node.type === 'macro' && (node.content === '\\' || node.content === 'tabularnewline')) rows.push([[]]);
      else if (node.type === 'string' && node.content === '&') row.push([]);
      else row.at(-1)!.push(node);
    }
    return markdownTableLines(rows.map((r) => r.map((c) => this.inline(c))).filter((r) => r.some((c) => c.length > 0))).join('\n');
  }

  /** Nodes as one line of Markdown text. */
  inline(nodes: readonly Ast.Node[], depth = 0): string {
    let out = '';
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      switch (node.type) {
        case 'string':
          out += node.content === '~' ? ' ' : node.content;
          break;
        case 'whitespace':
        case 'parbreak':
          out += ' ';
          break;
        case 'comment':
          break;
        case 'inlinemath':
        case 'displaymath':
        case 'group':
          out += this.inline(node.content, depth);
          break;
        case 'verb':
          out += `\`${node.content}\``;
          break;
        case 'environment':
        case 'mathenv':
          out += ` ${this.inline(node.content, depth)} `;
          break;
        case 'macro': {
          const { args, used } = argumentsOf(node, nodes, i);
          i += used;
          out += this.macro(node, args, depth);
          break;
        }
        default:
          break;
      }
    }
    return tidy(out);
  }

  private macro(node: Ast.Macro, args: readonly Ast.Node[][], depth: number): string {
    const name = node.content;
    const defined = this.commands.get(name);
    if (defined && depth < 8) return this.inline(defined, depth + 1);
    if (SYMBOLS[name] !== undefined) return SYMBOLS[name];
    // `\#`, `\&`, `\%`, `\_`, `\$`, `\{`: the character itself
    if (/^[#&%_${}]$/.test(name)) return name;
    if (name === '\\' || name === 'newline') return ' ';
    if (LAYOUT.has(name)) return '';
    const text = args.at(-1);
    if (text === undefined) return '';
    const mark = MARKS[name];
    const inner = this.inline(text, depth);
    if (name === 'textsc') return inner.toUpperCase();
    return mark ? `${mark}${inner}${mark}` : inner;
  }

  private eachCommand(nodes: readonly Ast.Node[], visit: (name: string, args: Ast.Node[][]) => void): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type !== 'macro') continue;
      const { args, used } = argumentsOf(node, nodes, i);
      visit(node.content, args);
      i += used;
    }
  }
}

/**
 * A command's arguments: those the parser attached (it knows LaTeX's own commands), else the
 * groups right after it (a class's own command: `\pmsetup{…}`), with how many nodes they took.
 */
function argumentsOf(node: Ast.Macro, siblings: readonly Ast.Node[], at: number): { args: Ast.Node[][]; used: number } {
  const attached = (node.args ?? []).filter((a) => a.openMark === '{').map((a) => a.content);
  if (attached.length > 0 || (node.args ?? []).length > 0) return { args: attached, used: 0 };
  const args: Ast.Node[][] = [];
  let used = 0;
  for (let j = at + 1; j < siblings.length; j++) {
    const next = siblings[j]!;
    if (next.type === 'group') {
      args.push(next.content);
      used = j - at;
    } else if (next.type !== 'whitespace' || args.length > 0) break;
  }
  return { args, used: args.length > 0 ? used : 0 };
}

/** An argument written as `key = {value}, key = value, …`. */
function isKeyValueList(nodes: readonly Ast.Node[]): boolean {
  return keyValues(nodes).length >= 2;
}

/** The `key = value` pairs of an argument, split at its top-level commas. */
function keyValues(nodes: readonly Ast.Node[]): [string, Ast.Node[]][] {
  const parts: Ast.Node[][] = [[]];
  for (const n of nodes) {
    if (n.type === 'string' && n.content === ',') parts.push([]);
    else parts.at(-1)!.push(n);
  }
  return parts.flatMap((part): [string, Ast.Node[]][] => {
    const eq = part.findIndex((n) => n.type === 'string' && n.content === '=');
    if (eq <= 0) return [];
    const key = part
      .slice(0, eq)
      .map((n) => (n.type === 'string' ? n.content : ''))
      .join('')
      .trim();
    return /^[A-Za-z][\w -]*$/.test(key) ? [[key, part.slice(eq + 1)]] : [];
  });
}

/** TeX's ligatures as the characters they print, and spaces collapsed. */
function tidy(text: string): string {
  return text
    .replace(/``|''/g, '"')
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/[ \t\n]+/g, ' ')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .trim();
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
