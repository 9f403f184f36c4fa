import { markdownTableLines } from './markdown-table.js';
import { allText, childrenOf, findAll, nameOf, parseXmlInOrder } from '../xml-nodes.js';

/** True for an XWiki page as a XAR export holds it (`<xwikidoc>`). */
export function isXWikiDoc(text: string): boolean {
  return /<xwikidoc[\s>]/.test(text);
}

/**
 * An XWiki page (`<xwikidoc>` with its `<title>` and, in `<content>`, the page in XWiki 2.x
 * syntax) as the Markdown the postmortem reader takes: `= h1 =` … `====== h6 ======` headings,
 * `|=Header|` / `|cell|` table rows as tables (rows of a header cell and a value, as an infobox
 * writes facts, as `Label: value` fields), `*` / `**` bullets and `1.` / `11.` numbered items (a
 * line under an item continues it), `**bold**`, `//italic//`, `##monospace##`, `[[label>>page]]`
 * links as their label; `(% … %)` parameters, `~` escapes and macro markers (`{{box}}`,
 * `{{/box}}`, `{{toc/}}`) left out, a macro's content kept. The page's title is the title when the
 * content has no first-level heading of its own. Undefined for an XML that is no XWiki page.
 */
export function xwikiPostmortemMarkdown(xml: string): string | undefined {
  const doc = findAll(parseXmlInOrder(xml), 'xwikidoc')[0];
  if (!doc) return undefined;
  const field = (name: string): string => allText(childrenOf(doc).filter((c) => nameOf(c) === name));
  const content = field('content');
  const title = field('title').trim();
  const markdown = xwikiMarkdown(content);
  const titled = title.length > 0 && !/^# /m.test(markdown) ? `# ${inline(title)}\n\n${markdown}` : markdown;
  return `${titled.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

const LIST_ITEM = /^\s*(\*+|1+\.|#+)\s+(.*)$/;
const HEADING = /^\s*(={1,6})\s*(.*?)\s*=*\s*$/;
const TABLE_ROW = /^\s*(?:\||!=)/;

function xwikiMarkdown(content: string): string {
  const lines = content
    .replace(/\r\n?/g, '\n')
    .replace(/\(%[\s\S]*?%\)/g, '')
    .split('\n');
  const out: string[] = [];
  let code = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const t = line.trim();
    if (code) {
      if (/^\{\{\/code\}\}$/.test(t)) {
        out.push('```');
        code = false;
      } else out.push(line);
      continue;
    }
    if (/^\{\{code\b[^}]*\}\}$/.test(t)) {
      out.push('```');
      code = true;
      continue;
    }
    // a macro's opening or closing marker alone on its line, or a macro with no content
    if (/^\{\{\/?[\w.-]+(?:\s[^}]*)?\/?\}\}$/.test(t)) {
      out.push('');
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading && t.startsWith('=')) {
      out.push('', `${'#'.repeat(heading[1]?.length ?? 1)} ${inline(heading[2] ?? '')}`, '');
      continue;
    }
    if (TABLE_ROW.test(line)) {
      const rows: { cells: string[]; header: boolean[] }[] = [];
      for (; i < lines.length && TABLE_ROW.test(lines[i] ?? ''); i++) rows.push(tableRow(lines[i] ?? ''));
      i--;
      const facts = rows.every((r) => r.cells.length === 2 && r.header[0] === true && r.header[1] === false);
      if (facts) out.push('', ...rows.map((r) => `${r.cells[0]}: ${r.cells[1]}\n`), '');
      else out.push('', ...markdownTableLines(rows.map((r) => r.cells)), '');
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const marker = item[1] ?? '*';
      const parts = [item[2] ?? ''];
      // a line under an item, not a new item, block or blank line, continues it
      while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1] ?? '') && !LIST_ITEM.test(lines[i + 1] ?? '') && !TABLE_ROW.test(lines[i + 1] ?? '')) {
        parts.push((lines[++i] ?? '').trim());
      }
      const depth = marker.replace('.', '').length - 1;
      const numbered = marker.endsWith('.') || marker.startsWith('#');
      out.push(`${'   '.repeat(depth)}${numbered ? '1.' : '-'} ${inline(parts.join(' '))}`);
      continue;
    }
    if (/^-{4,}$/.test(t)) {
      out.push('', '---', '');
      continue;
    }
    out.push(inline(line.trimStart()));
  }
  return out.join('\n');
}

/** One table row's cells, each marked header (`|=`) or not. */
function tableRow(line: string): { cells: string[]; header: boolean[] } {
  const raw = line
    .trim()
    .replace(/^!=/, '|=')
    .replace(/\|\s*$/, '')
    .split(/\|(?![^[]*\]\])/)
    .slice(1);
  return {
    cells: raw.map((c) => inline(c.replace(/^=/, '').trim())),
    header: raw.map((c) => c.startsWith('=')),
  };
}

/** XWiki inline markup as Markdown. */
function inline(text: string): string {
  return text
    .replace(/\{\{\/?[\w.-]+(?:\s[^}]*)?\/?\}\}/g, '') // inline macro markers
    .replace(/\[\[(?:([^\]]*?)>>)?([^\]]*?)\]\]/g, (_m, label: string | undefined, target: string) => label ?? target)
    .replace(/(^|[^:~])\/\/(.+?)(?<![:~])\/\//g, '$1*$2*')
    .replace(/##(.+?)##/g, '`$1`')
    .replace(/__(.+?)__/g, '$1')
    .replace(/,,(.+?),,|\^\^(.+?)\^\^/g, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '')
    .replace(/\\\\/g, '\n')
    .replace(/~(.)/g, '$1');
}
