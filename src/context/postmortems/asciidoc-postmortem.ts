import { markdownTableLines } from './markdown-table.js';
/**
 * A postmortem written in AsciiDoc as the Markdown the postmortem reader takes. Read line by line,
 * the way Asciidoctor reads a document: `=` headings (the first is the title), the header's author
 * and revision lines and attribute entries (`:jira: https://…`, substituted where `{jira}` is
 * written), block attributes (`[NOTE]`, `[horizontal]`, `[cols=…]`) and delimiters (`====`,
 * `****`, `____`) around text that is kept, listings (`----`, `....`) as code, comments dropped;
 * lists (`*`, `-`, `.` numbered, `* [x]` checklists) with their hard-wrapped continuation lines
 * joined; `Term:: value` as `Term: value` items; `|===` tables as Markdown tables; inline macros
 * (`https://…/BAP-351[BAP-351]`, `link:…[text]`, `<<id,text>>`) as their text.
 */
export function asciidocPostmortemMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const attributes = new Map<string, string>();
  const out: string[] = [];
  let i = 0;
  let inHeader = false;
  let sawTitle = false;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const trimmed = line.trim();
    const heading = /^(=+)\s+(.+)$/.exec(line);
    if (/^\/\/\/\/+\s*$/.test(trimmed)) {
      i = skipUntil(lines, i + 1, (l) => l.trim() === trimmed) + 1;
      continue;
    }
    if (/^\/\//.test(trimmed)) {
      i++;
      continue;
    }
    const attribute = /^:([\w-]+!?):\s*(.*)$/.exec(line);
    if (attribute) {
      attributes.set(attribute[1] ?? '', attribute[2] ?? '');
      i++;
      continue;
    }
    if (heading) {
      const level = (heading[1] ?? '=').length;
      out.push('', `${'#'.repeat(Math.min(level, 6))} ${inline(heading[2] ?? '', attributes)}`, '');
      inHeader = !sawTitle && level === 1;
      sawTitle = true;
      i++;
      continue;
    }
    if (inHeader) {
      // The author and revision lines under the title are metadata, not text.
      if (trimmed === '') inHeader = false;
      i++;
      continue;
    }
    if (/^(-{4,}|\.{4,})\s*$/.test(trimmed)) {
      const end = skipUntil(lines, i + 1, (l) => l.trim() === trimmed);
      out.push('', '```', ...lines.slice(i + 1, end), '```', '');
      i = end + 1;
      continue;
    }
    if (/^\|={3,}\s*$/.test(trimmed)) {
      const end = skipUntil(lines, i + 1, (l) => /^\|={3,}\s*$/.test(l.trim()));
      const attrs = lastBlockAttributes(lines, i);
      out.push('', ...asciidocTable(lines.slice(i + 1, end), attrs, attributes), '');
      i = end + 1;
      continue;
    }
    if (/^(={4,}|\*{4,}|_{4,}|\+{4,}|--)\s*$/.test(trimmed) || /^\[[^\]]*\]\s*$/.test(trimmed) || trimmed === '+') {
      i++;
      continue;
    }
    const item = listItem(line);
    const term = /^(.+?)(:{2,4}|;;)(?:\s+(.*))?$/.exec(line);
    if (item || (term && !/^\s/.test(line))) {
      // An item runs on over its hard-wrapped lines, up to a blank line or the next item.
      let body = item ? item.text : `${(term?.[1] ?? '').trim()}: ${term?.[3] ?? ''}`;
      let j = i + 1;
      while (j < lines.length && (lines[j] ?? '').trim() !== '' && !listItem(lines[j] ?? '') && !/^(.+?)(:{2,4}|;;)(\s|$)/.test(lines[j] ?? '') && (lines[j] ?? '').trim() !== '+') {
        body += ` ${(lines[j] ?? '').trim()}`;
        j++;
      }
      const indent = '  '.repeat(Math.max(0, (item?.depth ?? 1) - 1));
      const marker = item?.ordered ? '1.' : '-';
      const box = item?.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
      out.push(`${indent}${marker} ${box}${inline(body.trim(), attributes)}`);
      i = j;
      continue;
    }
    const blockTitle = /^\.([^.\s].*)$/.exec(line);
    if (blockTitle) {
      out.push('', `**${inline(blockTitle[1] ?? '', attributes)}**`, '');
      i++;
      continue;
    }
    const admonition = /^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+(.*)$/.exec(line);
    out.push(inline(admonition ? (admonition[2] ?? '') : line, attributes));
    i++;
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function skipUntil(lines: readonly string[], from: number, end: (line: string) => boolean): number {
  let j = from;
  while (j < lines.length && !end(lines[j] ?? '')) j++;
  return j;
}

/** `* item`, `** nested`, `- item`, `. numbered`, `.. nested`, `* [x] done`, `1. item`. */
function listItem(line: string): { depth: number; ordered: boolean; checked: boolean | undefined; text: string } | undefined {
  const m = /^\s*(\*{1,5}|-|\.{1,5}|\d+\.)\s+(?:\[([ xX*])\]\s+)?(.*)$/.exec(line);
  if (!m) return undefined;
  const marker = m[1] ?? '';
  const ordered = marker.startsWith('.') || /\d/.test(marker);
  return {
    depth: marker === '-' || /\d/.test(marker) ? 1 : marker.length,
    ordered,
    checked: m[2] === undefined ? undefined : m[2] !== ' ',
    text: m[3] ?? '',
  };
}

/** The block attribute line just above a line (`[cols="1,4",options="header"]`), if any. */
function lastBlockAttributes(lines: readonly string[], at: number): string {
  const above = (lines[at - 1] ?? '').trim();
  return /^\[.*\]$/.test(above) ? above : '';
}

/**
 * A `|===` table as a Markdown table: cells open with `|` (several on a line or one per line), rows
 * are as many cells as the columns (`cols="1,4"`, else the first line's cells); the first row is the
 * header (with `options="header"`, or when a blank line follows it, as Asciidoctor reads it).
 */
function asciidocTable(body: readonly string[], attrs: string, attributes: ReadonlyMap<string, string>): string[] {
  const cols = /cols="?([^"\]]+)"?/.exec(attrs)?.[1];
  const firstLine = body.find((l) => l.trim() !== '') ?? '';
  const width = cols ? cols.split(',').length : Math.max(1, firstLine.split('|').length - 1);
  const cells: string[] = [];
  for (const line of body) {
    if (line.trim() === '') continue;
    if (!line.trimStart().startsWith('|') && cells.length > 0) {
      cells[cells.length - 1] = `${cells.at(-1) ?? ''} ${line.trim()}`;
      continue;
    }
    for (const cell of line.trim().slice(1).split('|')) cells.push(cell.trim());
  }
  const rows: string[][] = [];
  for (let k = 0; k < cells.length; k += width) rows.push(cells.slice(k, k + width).map((c) => inline(c, attributes)));
  return markdownTableLines(rows);
}

/** Inline AsciiDoc as Markdown text: attribute references substituted, macros as their text. */
function inline(text: string, attributes: ReadonlyMap<string, string>): string {
  return text
    .replace(/\{([\w-]+)\}/g, (whole, name: string) => attributes.get(name) ?? whole)
    .replace(/\b(?:link:|mailto:)?(?:https?|ftp|irc|mailto):[^\s[\]]*\[([^\]]*)\]/g, (whole, label: string) => (label.length > 0 ? label : whole.replace(/\[\]$/, '')))
    .replace(/\b(?:link|xref|image|kbd|footnote):[^\s[]*\[([^\]]*)\]/g, '$1')
    .replace(/<<[^,>]+,\s*([^>]+)>>/g, '$1')
    .replace(/<<([^>]+)>>/g, '$1')
    .replace(/(^|[^\w*])\*([^\s*](?:[^*\n]*[^\s*])?)\*(?![\w*])/g, '$1**$2**')
    .replace(/(^|[^\w+])\+([^\s+](?:[^+\n]*[^\s+])?)\+(?![\w+])/g, '$1$2')
    .replace(/\s+\+$/, '');
}
