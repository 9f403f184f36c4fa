import { markdownTableLines } from './markdown-table.js';

/** A page footer's page count ("Page 2 of 4", "- 3 -"), as a PDF's text layer writes it. */
const PAGE_NUMBER = /^\s*(?:page\s+\d+(?:\s+(?:of|\/)\s+\d+)?|-\s*\d+\s*-|\d+\s*\/\s*\d+)\s*$/i;

/**
 * True for the text `pdftotext -layout` makes of a PDF: pages separated by form feeds, or "Page N
 * of M" lines standing alone.
 */
export function isPdfText(text: string): boolean {
  return text.includes('\f') || text.split(/\r?\n/).filter((l) => /^\s*page\s+\d+\s+of\s+\d+\s*$/i.test(l)).length >= 2;
}

/**
 * A postmortem printed to PDF and dumped with `pdftotext -layout`, as the Markdown the postmortem
 * reader takes:
 *
 * - running headers and footers (a line repeated at the start or end of most pages, digits aside,
 *   and page numbers) are dropped, and a sentence a page break cut is joined again;
 * - the layout's indentation is removed (it is not code); a line over a wrapped paragraph's
 *   indentation continues it;
 * - the first line is the title; a short numbered line standing alone (`6. Lessons`) is a heading;
 * - a `Label   value   Label   value` grid before the first heading is `Label: value` fields;
 * - `•` bullets and labelled items (`L1.`, `a)`) are list items, `1.` items numbered ones;
 * - a column-aligned block under a header row of short names (`Ref  Action  Owner  Status`) is a
 *   table, a row whose first column is empty continuing the row above.
 */
export function pdfTextPostmortemMarkdown(text: string): string {
  const lines = joinPages(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const out: string[] = [];
  let titled = false;
  let inBody = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const t = line.trim();
    if (t.length === 0) {
      out.push('');
      continue;
    }
    if (!titled) {
      out.push(`# ${t}`, '');
      titled = true;
      continue;
    }
    if (isHeading(lines, i)) {
      out.push(`## ${t}`, '');
      inBody = true;
      continue;
    }
    const table = tableAt(lines, i);
    if (table) {
      if (!inBody && table.rows.every((r) => r.length % 2 === 0) && table.header.length % 2 === 0) {
        // a header grid: Label value Label value
        for (const row of [table.header, ...table.rows]) for (let c = 0; c + 1 < row.length; c += 2) out.push(`${row[c]}: ${row[c + 1]}`, '');
      } else {
        out.push('', ...markdownTableLines([table.header, ...table.rows]), '');
      }
      i = table.end - 1;
      continue;
    }
    const grid = !inBody ? gridFields(line) : undefined;
    if (grid) {
      for (const [label, value] of grid) out.push(`${label}: ${value}`, '');
      continue;
    }
    // an item and the lines indented under it
    const item = /^(\s*)(?:([•●▪◦·*-])|([A-Za-z]{1,2}\d{1,2}[.)]|[a-z][.)]|\(\w{1,3}\))|(\d{1,2})[.)])\s+(.*)$/.exec(line);
    if (item) {
      const indent = (item[1] ?? '').length;
      const parts = [item[5] ?? ''];
      while (i + 1 < lines.length && indentOf(lines[i + 1] ?? '') > indent && (lines[i + 1] ?? '').trim().length > 0 && !itemStart(lines[i + 1] ?? '')) {
        parts.push((lines[++i] ?? '').trim());
      }
      out.push(`${item[4] !== undefined ? `${item[4]}.` : '-'} ${parts.join(' ')}`);
      continue;
    }
    out.push(t);
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0;
}

function itemStart(line: string): boolean {
  return /^\s*(?:[•●▪◦·*-]|[A-Za-z]{1,2}\d{1,2}[.)]|\d{1,2}[.)]|[a-z][.)]|\(\w{1,3}\))\s+\S/.test(line);
}

/**
 * The pages' lines without running headers and footers, each page break closed up: a page whose
 * last line does not end a sentence runs on into the next page's first line.
 */
function joinPages(text: string): string[] {
  const pages = text
    .split('\f')
    .map((p) => p.split('\n'))
    .filter((p) => p.some((l) => l.trim().length > 0));
  const key = (l: string): string => l.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ');
  const count = (edge: 'start' | 'end'): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const page of pages) {
      const content = page.filter((l) => l.trim().length > 0);
      const edgeLines = edge === 'start' ? content.slice(0, 3) : content.slice(-3);
      for (const k of new Set(edgeLines.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  const starts = count('start');
  const ends = count('end');
  const running = (l: string, counts: Map<string, number>): boolean =>
    PAGE_NUMBER.test(l) || (pages.length >= 2 && (counts.get(key(l)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2)));
  const out: string[] = [];
  for (const page of pages) {
    let start = 0;
    let end = page.length;
    while (start < end && ((page[start] ?? '').trim() === '' || running(page[start] ?? '', starts))) start++;
    while (end > start && ((page[end - 1] ?? '').trim() === '' || running(page[end - 1] ?? '', ends))) end--;
    const body = page.slice(start, end);
    const last = [...out].reverse().find((l) => l.trim().length > 0) ?? '';
    // a sentence cut by the break runs on; else the pages are apart
    if (out.length > 0 && /[.!?:;)"”]\s*$/.test(last)) out.push('');
    else while (out.length > 0 && (out.at(-1) ?? '').trim() === '') out.pop();
    out.push(...body);
  }
  return out;
}

/** A short line standing alone that opens with a section number: `6. Lessons`, `2.1 Impact`. */
function isHeading(lines: readonly string[], i: number): boolean {
  const t = (lines[i] ?? '').trim();
  const alone = (lines[i - 1] ?? '').trim() === '' && (lines[i + 1] ?? '').trim() === '';
  return alone && t.length <= 60 && /^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}/u.test(t) && !/[.,;:!?]$/.test(t);
}

/** Cells of a line laid out in columns: runs of text two or more spaces apart, with where each starts. */
function cellsOf(line: string): { text: string; at: number }[] {
  const cells: { text: string; at: number }[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) cells.push({ text: m[0], at: m.index });
  return cells;
}

/** `Label   value   Label   value` (labels of at most three words, capitalised) as fields. */
function gridFields(line: string): [string, string][] | undefined {
  const cells = cellsOf(line);
  if (cells.length < 2 || cells.length % 2 !== 0) return undefined;
  const pairs: [string, string][] = [];
  for (let c = 0; c + 1 < cells.length; c += 2) {
    const label = cells[c]?.text ?? '';
    if (label.split(' ').length > 3 || !/^\p{Lu}/u.test(label) || /[.,;!?]$/.test(label)) return undefined;
    pairs.push([label, cells[c + 1]?.text ?? '']);
  }
  return pairs;
}

/**
 * A table at line `i`: a header row of three or more short names (at most three words, no sentence
 * punctuation) followed by rows whose cells start where the header's columns do; a row without a
 * first cell continues the row above.
 */
function tableAt(lines: readonly string[], i: number): { header: string[]; rows: string[][]; end: number } | undefined {
  const head = cellsOf(lines[i] ?? '');
  if (head.length < 3 || head.some((c) => c.text.split(' ').length > 3 || /[.,;!?]$/.test(c.text))) return undefined;
  const starts = head.map((c) => c.at);
  const rows: string[][] = [];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const line = lines[j] ?? '';
    if (line.trim().length === 0) break;
    const cells = cellsOf(line);
    // every cell starts at a column of the header (a little slack for centred numbers)
    const column = (at: number): number => {
      let best = -1;
      for (let c = 0; c < starts.length; c++) if ((starts[c] ?? 0) <= at + 1) best = c;
      return best;
    };
    if (cells.some((c) => column(c.at) < 0)) break;
    const row = starts.map(() => '');
    for (const c of cells) {
      const col = column(c.at);
      row[col] = row[col] ? `${row[col]} ${c.text}` : c.text;
    }
    if (row[0] === '' && rows.length > 0) {
      const prev = rows.at(-1) ?? [];
      row.forEach((cell, c) => {
        if (cell) prev[c] = prev[c] ? `${prev[c]} ${cell}` : cell;
      });
    } else rows.push(row);
  }
  if (rows.length === 0) return undefined;
  return { header: head.map((c) => c.text), rows, end: j };
}
