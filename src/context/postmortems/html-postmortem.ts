import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

/** Parts of an exported page that are not the document: page chrome, scripts, styles. */
const CHROME = ['script', 'style', 'nav', 'header', 'footer', 'head'] as const;

/**
 * A postmortem exported as an HTML page (Confluence, Google Docs "Web page", Notion HTML) as the
 * Markdown the postmortem reader takes: headings stay headings, tables stay tables (an action-items
 * table with a Status column reads like one written in Markdown), and the page's `<title>` becomes
 * the title when the content has no `<h1>` of its own.
 */
export function htmlPostmortemMarkdown(html: string): string {
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced' });
  service.use(gfm);
  service.remove([...CHROME]);
  // A page's properties table (a header cell and a value on each row: Incident | FH-331) is
  // `Label: value` lines, as a Markdown postmortem writes them; a table without a header row
  // would otherwise stay HTML.
  service.addRule('properties-table', {
    filter: (node) => node.nodeName === 'TABLE' && isPropertiesTable(node),
    replacement: (_content, node) =>
      `\n\n${rowsOf(node)
        .map((row) => `${cellText(row[0])}: ${cellText(row[1])}`)
        .join('\n\n')}\n\n`,
  });
  // A wiki table cell holds paragraphs; a Markdown cell is one line.
  service.addRule('paragraph-in-cell', {
    filter: (node) => node.nodeName === 'P' && ['TD', 'TH'].includes(node.parentNode?.nodeName ?? ''),
    replacement: (content) => ` ${content.trim()} `,
  });
  const content = documentContent(html);
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const titled = title !== undefined && !/<h1[\s>]/i.test(content) ? `<h1>${title}</h1>${content}` : content;
  return `${service.turndown(titled)}\n`;
}

/**
 * The page's content: a wiki export's main-content element when it has one (Confluence's
 * `id="main-content"`, with the page heading before it), else the whole page, so breadcrumbs and
 * page metadata stay out of the text.
 */
function documentContent(html: string): string {
  const main = /<div[^>]*\bid=["']main-content["'][^>]*>/i.exec(html);
  if (!main) return html;
  const heading = /<h1[\s>][\s\S]*?<\/h1>/i.exec(html.slice(0, main.index))?.[0] ?? '';
  return `${heading}${html.slice(main.index)}`;
}

function rowsOf(table: TurndownService.Node): Element[][] {
  // Turndown's DOM (domino) gives array-likes, not iterables.
  const rows = Array.from((table as Element).getElementsByTagName('tr'));
  return rows.map((row) => Array.from(row.children).filter((cell) => cell.nodeName === 'TD' || cell.nodeName === 'TH'));
}

function isPropertiesTable(table: TurndownService.Node): boolean {
  const rows = rowsOf(table);
  return rows.length > 0 && rows.every((row) => row.length === 2 && row[0]?.nodeName === 'TH' && row[1]?.nodeName === 'TD');
}

function cellText(cell: Element | undefined): string {
  return (cell?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
