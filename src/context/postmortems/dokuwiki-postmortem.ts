import { markdownTableLines } from './markdown-table.js';

/** A DokuWiki heading: `====== Title ======` (six `=` the top level, two the lowest). */
const HEADING = /^[ \t]*(={2,6})\s*(.*?)\s*={2,6}[ \t]*$/;

/** True when a `.txt` is a DokuWiki page source (DokuWiki keeps its pages as `.txt`): it has a `== … ==` heading line. */
export function isDokuWikiPage(text: string): boolean {
  return text.split(/\r\n?|\n/).some((line) => HEADING.test(line) && !/^\s*=+\s*$/.test(line));
}

/**
 * A postmortem written as a DokuWiki page source as the Markdown the postmortem reader takes:
 * `====== … ======` headings (more `=` is a higher level), a table whose rows each open with a
 * header cell (`^ Incident | INC-205 |`) as `Label: value` lines, other `^`/`|` tables as GFM
 * tables, `  - ` and `  * ` lists, links as their text (`[[jira>CHK-812]]` as CHK-812,
 * `[[target|text]]` as text), `''monospace''`, `//italic//`, `<wrap …>`, `<del>` and footnotes
 * `((…))` as their text or left out, macros (`{{tag>…}}`, `~~NOTOC~~`) and rules left out. A single
 * line break inside a paragraph or a list item is a hard wrap and joins the lines, as DokuWiki
 * renders it, except before a line that opens with a bold lead-in (`**2.** …`), which opens an item.
 */
export function dokuwikiPostmortemMarkdown(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let block: string[] = [];
  const flush = (): void => {
    // a forced line break (`\\\\` at the end of a line or before a space) stays a line break
    if (block.length > 0) out.push(block.join(' ').split(/\\\\(?=\s|$)/).map(inline).filter((l) => l.length > 0).join('\n'), '');
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      out.push(`${'#'.repeat(Math.max(1, 7 - (heading[1] ?? '').length))} ${inline(heading[2] ?? '')}`, '');
      continue;
    }
    // a code block (`<code kotlin file.kt>` … `</code>`, `<file>` … `</file>`) is code, kept fenced
    const code = /^\s*<(code|file)(?:\s[^>]*)?>(.*)$/.exec(line);
    if (code && !new RegExp(`</${code[1]}>`).test(code[2] ?? '')) {
      flush();
      const body: string[] = [];
      const end = new RegExp(`^(.*?)</${code[1]}>`);
      for (i++; i < lines.length && !end.test(lines[i] ?? ''); i++) body.push(lines[i] ?? '');
      out.push('```', ...body, '```', '');
      continue;
    }
    // a box (`<WRAP round info>` … `</WRAP>`, `<div>`): its lines are read as they are, apart
    if (/^\s*<\/?(?:WRAP|div)(?:\s[^>]*)?>\s*$/i.test(line)) {
      flush();
      continue;
    }
    if (/^[ \t]*[|^]/.test(line)) {
      flush();
      const rows: string[] = [];
      while (i < lines.length && /^[ \t]*[|^]/.test(lines[i] ?? '')) rows.push(lines[i++] ?? '');
      i--;
      out.push(...table(rows), '');
      continue;
    }
    if (/^\s*(\{\{[^{}]*\}\}|~~[A-Z_]+~~|-{4,})\s*$/.test(line) || line.trim() === '') {
      flush();
      continue;
    }
    const item = /^( {2,}|\t+)([-*])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      block = [`${item[2] === '-' ? '1.' : '-'} ${item[3] ?? ''}`];
      continue;
    }
    const lead = /^\s*\*\*\s*([A-Za-z]?\d+[.)]?)\s*\*\*\s*(.*)$/.exec(line);
    if (lead) {
      flush();
      block = [`${/^\d/.test(lead[1] ?? '') ? `${(lead[1] ?? '').replace(/[.)]$/, '')}.` : `**${lead[1]}**`} ${lead[2] ?? ''}`];
      continue;
    }
    block.push(line.trim());
  }
  flush();
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/**
 * A table's rows: when every row opens with a header cell and has two cells (`^ Incident | INC-205 |`)
 * it is an info box, read as `Label: value` lines; otherwise a GFM table, its first row the header.
 */
function table(rows: readonly string[]): string[] {
  const cells = rows.map((row) =>
    row
      .trim()
      .replace(/[|^]\s*$/, '')
      .slice(1)
      .split(/(?<!\[\[[^\]]*)[|^]/)
      .map((c) => inline(c.trim())),
  );
  const infoBox = rows.every((r) => r.trim().startsWith('^')) && cells.every((c) => c.length === 2) && rows.every((r) => !/^\^[^|]*\^/.test(r.trim()));
  if (infoBox) return cells.flatMap(([label, value]) => [`${label}: ${value}`, '']);
  return markdownTableLines(cells);
}

/** DokuWiki's inline markup as plain text or Markdown (bold stays `**…**`). */
function inline(text: string): string {
  return text
    .replace(/\(\([\s\S]*?\)\)/g, '')
    .replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, '$2')
    .replace(/\[\[(?:[a-z]+>)?([^\]]*)\]\]/g, '$1')
    .replace(/<wrap[^>]*>([\s\S]*?)<\/wrap>/g, '$1')
    .replace(/<\/?(?:del|sup|sub|nowiki|code|html)[^>]*>/g, '')
    .replace(/%%([\s\S]*?)%%/g, '$1')
    .replace(/''([^']+)''/g, '$1')
    .replace(/(^|[^:])\/\/((?:[^/]|\/(?!\/))+?)\/\//g, '$1*$2*')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/\\\\(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
