import { decodeHTML } from 'entities';
import { allText, childrenOf, findAll, nameOf, parseXmlInOrder, type XmlNode } from '../xml-nodes.js';
import { fieldLabel } from './org-postmortem.js';
import { markdownTableLines } from './markdown-table.js';
import { assertWellFormedXml } from './postmortem-syntax.js';

/** Status templates a wiki writes in an action table (`{{Done|2026-10-15}}`, `{{Open}}`): their name is the status. */
const STATUS_TEMPLATE = /\{\{\s*([A-Za-z][\w -]*?)\s*(?:\|[^{}]*)?\}\}/g;

/**
 * A postmortem written in MediaWiki markup as the Markdown the postmortem reader takes: `== H ==`
 * headings (the first `=` level as `#`, so a page's top sections sit under its title), an infobox
 * template at the top (`{{Postmortem |incident=INC0042698 |date=…}}`) as `Incident: …` fields,
 * `{| … |}` tables as GFM tables (`!` header cells, `||` and `!!` separators), `*` and `#` lists,
 * `'''bold'''` and `''italic''`, `<code>`, links as their text, categories and `__TOC__` left out,
 * and a status template in a cell as its name. A line after a list item that is not a list item
 * continues it, as a wiki author hard-wrapping the item means.
 */
export function mediawikiPostmortemMarkdown(text: string): string {
  const source = text.replace(/\r\n?/g, '\n');
  const { fields, rest } = infobox(source);
  const out: string[] = [...fields.map(([k, v]) => `${k}: ${v}`), ...(fields.length > 0 ? [''] : [])];
  const lines = rest.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\{\|/.test(line.trim())) {
      const end = lines.findIndex((l, j) => j > i && /^\|\}/.test(l.trim()));
      const last = end < 0 ? lines.length - 1 : end;
      out.push('', ...wikiTable(lines.slice(i + 1, last)), '');
      i = last;
      continue;
    }
    const heading = /^(=+)\s*(.*?)\s*\1\s*$/.exec(line);
    if (heading) {
      out.push('', `${'#'.repeat(Math.min((heading[1] ?? '=').length, 6))} ${inline(heading[2] ?? '')}`, '');
      continue;
    }
    if (/^\s*__[A-Z]+__\s*$/.test(line)) continue;
    const item = /^([*#]+)\s*(.*)$/.exec(line);
    if (item) {
      const marks = item[1] ?? '*';
      const indent = '   '.repeat(marks.length - 1);
      out.push(`${indent}${marks.endsWith('#') ? '1.' : '-'} ${inline(item[2] ?? '')}`);
      continue;
    }
    out.push(inline(line));
  }
  return `${out.join('\n')}\n`;
}

/** True for a MediaWiki export (Special:Export: a `<mediawiki>` root of pages and their revisions). */
export function isMediaWikiExport(text: string): boolean {
  return /<mediawiki[\s>]/.test(text);
}

/**
 * A MediaWiki XML export (Special:Export, `dumpBackup.php`: `<mediawiki><page><title>…<revision>…`)
 * as one Markdown document per page: the page's latest revision (by `<timestamp>`, else the last
 * one written) is the document, its `<title>` the title (a subpage's last part), its wikitext read
 * as `mediawikiPostmortemMarkdown` reads a page. Undefined when the XML is no such export.
 */
export function mediawikiExportMarkdown(xml: string): string[] | undefined {
  if (!isMediaWikiExport(xml) || !/<revision[\s>]/.test(xml)) return undefined;
  assertWellFormedXml(xml, 'a MediaWiki XML export');
  const pages = findAll(parseXmlInOrder(xml), 'page');
  const out = pages.flatMap((page) => {
    const kids = childrenOf(page);
    const title = allText(kids.filter((k) => nameOf(k) === 'title')).trim();
    const revisions = kids.filter((k) => nameOf(k) === 'revision');
    const stamp = (r: XmlNode): string => allText(childrenOf(r).filter((k) => nameOf(k) === 'timestamp')).trim();
    const latest = revisions.reduce<XmlNode | undefined>((best, r) => (best === undefined || stamp(r) >= stamp(best) ? r : best), undefined);
    if (latest === undefined) return [];
    const wikitext = allText(childrenOf(latest).filter((k) => nameOf(k) === 'text'));
    const name = title.split('/').pop()?.trim() ?? '';
    return [`${name.length > 0 ? `# ${name}\n\n` : ''}${mediawikiPostmortemMarkdown(wikitext)}`];
  });
  return out.length > 0 ? out : undefined;
}

/** The template a page opens with (its infobox) as fields, and the page after it. */
function infobox(source: string): { fields: [string, string][]; rest: string } {
  const open = /^\s*\{\{\s*[^|{}]+((?:\|[^{}]*)*)\}\}/.exec(source);
  if (!open) return { fields: [], rest: source };
  // a parameter's value may hold a piped link (`owner=[[User:Jonas Vik|Jonas Vik]]`)
  const fields = (open[1] ?? '')
    .split(/\|(?![^[]*\]\])/)
    .map((part) => /^\s*([^=]+?)\s*=\s*([\s\S]*?)\s*$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null && (m[2] ?? '').length > 0)
    .map((m): [string, string] => [fieldLabel(m[1] ?? ''), inline(m[2] ?? '', true)]);
  return { fields, rest: source.slice(open[0].length) };
}

/** The rows of a `{| … |}` table as a GFM table; the first row is the header (a wiki's `!` row). */
function wikiTable(lines: readonly string[]): string[] {
  const rows: string[][] = [];
  let row: string[] | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith('|-')) {
      row = undefined;
      continue;
    }
    if (line.startsWith('|+')) continue; // caption
    const cells = line.startsWith('!') ? line.slice(1).split(/!!|\|\|/) : line.startsWith('|') ? line.slice(1).split('||') : undefined;
    if (cells === undefined) {
      // a cell's text wrapped onto the next line
      if (row && row.length > 0) row[row.length - 1] = `${row[row.length - 1] ?? ''} ${inline(line)}`.trim();
      continue;
    }
    if (row === undefined) {
      row = [];
      rows.push(row);
    }
    // `| style="…" | text`: a cell's attributes before a single bar
    row.push(...cells.map((c) => inline(c.replace(/^[^|[{]*=\s*"[^"]*"\s*\|(?!\|)/, '')).trim()));
  }
  return markdownTableLines(rows);
}

/**
 * Wiki inline markup as Markdown text; a footnote (`<ref>…</ref>`) left out. An external link is
 * its text, or in an infobox's field (`|incident = [https://…/incidents/etc8krro1dos Points taken
 * twice]`) a Markdown link, so the postmortem reader can take the incident's id from where it points.
 */
function inline(text: string, keepLinks = false): string {
  return decodeHTML(
    text
      .replace(/<ref\b[^>]*\/>|<ref\b[^>]*>[\s\S]*?<\/ref>/gi, '')
      .replace(/\[\[(?:Category|File|Image):[^\]]*\]\]/gi, '')
      .replace(/\[\[[^\]|]*\|([^\]]*)\]\]/g, '$1')
      .replace(/\[\[([^\]]*)\]\]/g, '$1')
      .replace(/\[(https?:\/\/\S+)\s+([^\]]*)\]/g, (_, url: string, label: string) => (keepLinks ? `[${label}](${url})` : label))
      .replace(STATUS_TEMPLATE, '$1')
      .replace(/'''(.*?)'''/g, '**$1**')
      .replace(/''(.*?)''/g, '*$1*')
      .replace(/<\/?code>/gi, '`')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<\/?[a-z][^>]*>/gi, ''),
  )
    .replace(/\u00a0/g, ' ')
    .trim();
}
