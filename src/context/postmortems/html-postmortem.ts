import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

/** A paragraph's text that opens with a list number: `1. `, `2) `. */
const NUMBERED = /^\s*\d{1,3}[.)]\s+\S/;

/** Parts of an exported page that are not the document: page chrome, scripts, styles. */
const CHROME = ['script', 'style', 'nav', 'header', 'footer', 'head'] as const;

/**
 * What a mail client adds around the message its sender wrote: the quoted earlier message of a
 * reply (Gmail's `gmail_quote`, Apple Mail's `<blockquote type="cite">`, Thunderbird's
 * `moz-cite-prefix`, Outlook's `divRplyFwdMsg` header line) and the signature (`gmail_signature`
 * with its "-- " prefix, `moz-signature`).
 */
const MAIL_CLIENT_CLASSES = /\b(?:gmail_quote|gmail_attr|gmail_signature|gmail_signature_prefix|moz-cite-prefix|moz-signature)\b/;

function isMailClientAddition(node: TurndownService.Node): boolean {
  const element = node as Element;
  if (typeof element.getAttribute !== 'function') return false;
  if (MAIL_CLIENT_CLASSES.test(element.getAttribute('class') ?? '')) return true;
  if (node.nodeName === 'BLOCKQUOTE' && (element.getAttribute('type') ?? '').toLowerCase() === 'cite') return true;
  return element.getAttribute('id') === 'divRplyFwdMsg';
}

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
  // an e-mailed review's quoted earlier message and signature are not the review
  service.remove(isMailClientAddition);
  // A page's properties table (a header cell and a value on each row: Incident | FH-331) is
  // `Label: value` lines, as a Markdown postmortem writes them; a table without a header row
  // would otherwise stay HTML.
  service.addRule('properties-table', {
    filter: (node) => node.nodeName === 'TABLE' && isPropertiesTable(node),
    replacement: (_content, node) =>
      `\n\n${rowsOf(node)
        .map((row) => `${cellText(row[0])}: ${linkedCellText(row[1])}`)
        .join('\n\n')}\n\n`,
  });
  // A table without a header row (Word writes every row with <td>, the first in bold) reads with
  // its first row as the header, as a GFM table needs one; turndown would keep it as HTML.
  service.addRule('table-without-header', {
    filter: (node) => node.nodeName === 'TABLE' && !isPropertiesTable(node) && !hasHeaderRow(node),
    replacement: (_content, node) => markdownTable(rowsOf(node)),
  });
  // Word's title paragraph is the document's title.
  service.addRule('word-title', {
    filter: (node) => node.nodeName === 'P' && /\bMsoTitle\b/.test((node as Element).getAttribute('class') ?? ''),
    replacement: (content) => `\n\n# ${content.replace(/\s+/g, ' ').trim()}\n\n`,
  });
  // Word writes a list as paragraphs of class MsoListParagraph…, each opening with its bullet
  // (a Symbol-font "·", "o", "§") or its number as text.
  service.addRule('word-list-paragraph', {
    filter: (node) => node.nodeName === 'P' && /\bMsoListParagraph/.test((node as Element).getAttribute('class') ?? ''),
    replacement: (content) => `\n${wordListItem(content)}\n`,
  });
  // A wiki table cell holds paragraphs; a Markdown cell is one line.
  service.addRule('paragraph-in-cell', {
    filter: (node) => node.nodeName === 'P' && ['TD', 'TH'].includes(node.parentNode?.nodeName ?? ''),
    replacement: (content) => ` ${content.trim()} `,
  });
  // A list written as numbered paragraphs (Quip's `<p class='line'>1. …</p>`, a pasted document)
  // is a numbered list; turndown would escape the number ("1\\.") and keep the paragraphs.
  service.addRule('numbered-paragraph', {
    filter: (node) => node.nodeName === 'P' && !['TD', 'TH', 'LI'].includes(node.parentNode?.nodeName ?? '') && NUMBERED.test(node.textContent ?? ''),
    replacement: (content) => `\n${content.trim().replace(/^(\d{1,3})\\?([.)])\s*/, '$1$2 ')}\n`,
  });
  confluenceStorageRules(service);
  const content = documentContent(html);
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const titled = title !== undefined && !/<h1[\s>]/i.test(content) ? `<h1>${title}</h1>${content}` : content;
  // a non-breaking space (`&nbsp;` keeping "10&nbsp;s" together) is a space to a reader
  return `${service.turndown(titled).replace(/\u00a0/g, ' ')}\n`;
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

/**
 * A table of `Label | value` rows: two cells a row, the label a header cell or (as Word writes it)
 * a cell whose text is all bold, the value not.
 */
function isPropertiesTable(table: TurndownService.Node): boolean {
  const rows = rowsOf(table);
  return rows.length > 0 && rows.every((row) => row.length === 2 && isLabelCell(row[0]) && row[1]?.nodeName === 'TD' && !isBoldCell(row[1]));
}

function isLabelCell(cell: Element | undefined): boolean {
  return cell?.nodeName === 'TH' || isBoldCell(cell);
}

/** A cell whose whole text is bold (`<b>`, `<strong>`). */
function isBoldCell(cell: Element | undefined): boolean {
  const text = cellText(cell);
  if (cell === undefined || text.length === 0) return false;
  const bold = [...Array.from(cell.getElementsByTagName('b')), ...Array.from(cell.getElementsByTagName('strong'))];
  return bold.map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' ').trim() === text;
}

/** A table that turndown's GFM rule reads: a <thead>, or a first row of header cells. */
function hasHeaderRow(table: TurndownService.Node): boolean {
  if ((table as Element).getElementsByTagName('thead').length > 0) return true;
  const first = rowsOf(table)[0];
  return first !== undefined && first.length > 0 && first.every((cell) => cell.nodeName === 'TH');
}

/** Rows as a GFM table, the first row as its header; a cell's text on one line, pipes escaped. */
function markdownTable(rows: Element[][]): string {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0) return '';
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const texts = rows.map((row) => Array.from({ length: width }, (_, i) => linkedCellText(row[i]).replaceAll('|', '\\|')));
  const [head, ...body] = texts;
  return `\n\n${[line(head ?? []), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join('\n')}\n\n`;
}

/** A Word list paragraph's text as a Markdown list item: its bullet glyph dropped, its number kept. */
function wordListItem(content: string): string {
  const text = content.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
  const numbered = /^(\d+)[.)]\s+(.*)$/.exec(text);
  if (numbered) return `${numbered[1]}. ${numbered[2]}`;
  return `- ${text.replace(/^[·•o§▪■◦\-–*]\s+/, '')}`;
}

/**
 * A property's value cell as text, a value that is one link (`<a href="https://…/incidents/kdgskvhr7vo2">Statuspage: …</a>`)
 * as a Markdown link, so the postmortem reader can take an incident's id from where it points.
 */
function linkedCellText(cell: Element | undefined): string {
  const text = cellText(cell);
  const links = Array.from(cell?.getElementsByTagName('a') ?? []);
  const href = links[0]?.getAttribute('href') ?? '';
  if (links.length !== 1 || !/^https?:\/\/\S+$/.test(href) || cellText(links[0]) !== text) return text;
  return `[${text.replace(/([[\]])/g, '\\$1')}](${href})`;
}

function cellText(cell: Element | undefined): string {
  return (cell?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Confluence's storage format (the XHTML a page's "view storage format" or the REST API gives):
 * a task list as task-list items, done or open by `<ac:task-status>`; a status lozenge as its
 * title ("ACTIONS OPEN"); other macros by their rich-text body, their parameters left out; a
 * user mention as nothing (its id is no name); a `<time datetime>` as its date.
 */
function confluenceStorageRules(service: TurndownService): void {
  const child = (node: TurndownService.Node, name: string): Element | undefined =>
    Array.from((node as Element).children).find((c) => c.nodeName === name);
  service.addRule('confluence-task', {
    filter: (node) => node.nodeName === 'AC:TASK',
    replacement: (_content, node) => {
      const done = (child(node, 'AC:TASK-STATUS')?.textContent ?? '').trim().toLowerCase() === 'complete';
      const body = (child(node, 'AC:TASK-BODY')?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return `\n- [${done ? 'x' : ' '}] ${body}\n`;
    },
  });
  service.addRule('confluence-status', {
    filter: (node) => node.nodeName === 'AC:STRUCTURED-MACRO' && (node as Element).getAttribute('ac:name') === 'status',
    replacement: (_content, node) =>
      Array.from((node as Element).getElementsByTagName('ac:parameter'))
        .find((p) => p.getAttribute('ac:name') === 'title')
        ?.textContent?.trim() ?? '',
  });
  service.addRule('confluence-macro-parameter', {
    filter: (node) => node.nodeName === 'AC:PARAMETER' || node.nodeName === 'RI:USER' || node.nodeName === 'AC:TASK-ID',
    replacement: () => '',
  });
  service.addRule('time-datetime', {
    filter: (node) => node.nodeName === 'TIME' && (node as Element).hasAttribute('datetime'),
    replacement: (content, node) => ` ${(node as Element).getAttribute('datetime') ?? ''} ${content}`,
  });
}
