import parseRtf from 'rtf-parser';

/** RTF's font size when a document sets none: 12 pt, in half points. */
const DEFAULT_SIZE = 24;

/** The cell separator a table row is read with: `\cell` becomes this character (ASCII unit separator). */
const CELL = '\u001f';

/**
 * RTF's symbol control words as the Unicode characters they stand for (written as `\uN ` so the
 * parser, which knows `\u` but not these words, keeps them; the document's code page plays no part).
 */
const SYMBOLS: Record<string, number> = {
  lquote: 0x2018,
  rquote: 0x2019,
  ldblquote: 0x201c,
  rdblquote: 0x201d,
  bullet: 0x2022,
  endash: 0x2013,
  emdash: 0x2014,
  enspace: 0x2002,
  emspace: 0x2003,
};

/**
 * A postmortem written in RTF (WordPad, Word's "Rich Text Format") as the Markdown the postmortem
 * reader takes, parsed with `rtf-parser`: RTF ignores the line breaks of its source, so a word the
 * writer's tool broke across two source lines (`mer` / `chant_reference`) is one word again;
 * `\'e1` and `\u225` are characters in the document's code page; a paragraph in a larger font than
 * the body is a heading (the largest, the title); a list number RTF writes before an item
 * (`{\pntext 1.\tab}`) opens a list item; a table row (`\cell … \row`) is a Markdown table row;
 * a `\tab` or `\line` between bold labels (`\b Incident:\b0 INC-190\tab\b Severity:\b0 SEV1`)
 * separates `Label: value` lines.
 */
export async function rtfPostmortemMarkdown(text: string): Promise<string> {
  const doc = await parse(prepared(text));
  const paragraphs = doc.content.map(paragraphOf).filter((p) => p.text.trim().length > 0);
  // The body's size is the one most of the text is in; a paragraph sized by nothing has RTF's default.
  const sizes = paragraphs.map((p) => p.size);
  const body = mostCommon(paragraphs.flatMap((p) => Array<number>(p.plain.length).fill(p.size)));
  const largest = Math.max(...sizes);
  const out: string[] = [];
  let table = false;
  for (const p of paragraphs) {
    if (p.text.includes(CELL)) {
      const cells = p.text.split(CELL).map((c) => c.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim());
      if (cells.at(-1) === '') cells.pop();
      if (!table) out.push('', `| ${cells.join(' | ')} |`, `|${cells.map(() => ' --- |').join('')}`);
      else out.push(`| ${cells.join(' | ')} |`);
      table = true;
      continue;
    }
    table = false;
    if (body !== undefined && p.size > body && !p.text.includes('\n')) {
      out.push('', `${p.size === largest ? '#' : '##'} ${p.plain.trim()}`, '');
      continue;
    }
    const item = /^\s*(\d+[.)]|[\u2022\u00b7o\-*])\t/.exec(p.text);
    if (item) {
      const marker = /\d/.test(item[1]!) ? item[1]!.replace(')', '.') : '-';
      out.push(`${marker} ${p.text.slice(item[0].length).replace(/[\t\n]+/g, ' ').trim()}`);
      continue;
    }
    out.push('', ...p.text.split(/[\t\n]+/).map((l) => l.trim()).filter((l) => l.length > 0).flatMap((l) => [l, '']));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

interface RtfSpan {
  value?: string;
  style?: { bold?: boolean; fontSize?: number };
  content?: RtfSpan[];
}

/** One paragraph: its text with bold runs as `**…**`, the same without marks, and its font size. */
function paragraphOf(node: RtfSpan): { text: string; plain: string; size: number } {
  const spans = node.content ?? [node];
  let text = '';
  let plain = '';
  const sizes: number[] = [];
  for (const span of spans) {
    const value = span.value ?? '';
    plain += value;
    if (value.trim().length > 0 && span.style?.fontSize !== undefined) sizes.push(span.style.fontSize);
    // A bold run keeps its leading and trailing blanks (and tabs) outside the marks.
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(value)!;
    text += span.style?.bold && m[2]!.length > 0 && !m[2]!.includes(CELL) ? `${m[1]}**${m[2]}**${m[3]}` : value;
  }
  return { text: text.replace(/\*\*\*\*/g, ''), plain, size: mostCommon(sizes) ?? DEFAULT_SIZE };
}

/**
 * The RTF with the words `rtf-parser` does not know rewritten as ones it does: symbols as `\uN `
 * (see `SYMBOLS`), a `\uN` with its one-character fallback as `\uN ` alone (the parser would print
 * the fallback), `\cell` as the cell separator and `\row` as a paragraph end.
 */
function prepared(text: string): string {
  return text
    .replace(/\\u(-?\d+) ?(?:\\'[0-9a-fA-F]{2}|[^\\{}\s])/g, '\\u$1 ')
    .replace(/\\([a-z]+)(?![a-z])(?:-?\d+)? ?/g, (all, word: string) => {
      if (word === 'cell') return "\\'1f";
      if (word === 'row') return '\\par ';
      const code = SYMBOLS[word];
      return code === undefined ? all : `\\u${code} `;
    });
}

function parse(text: string): Promise<{ content: RtfSpan[] }> {
  return new Promise((resolve, reject) => {
    parseRtf.string(text, (err: Error | null, doc: { content: RtfSpan[] }) => (err ? reject(err) : resolve(doc)));
  });
}

function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}
