import { markdownTableLines } from './markdown-table.js';
import { attrOf, childrenOf, findAll, nameOf, parseXmlInOrder, textOf, type XmlNode } from '../xml-nodes.js';

/** True for a flat OpenDocument text (`.fodt`, or the `content.xml` of an `.odt`). */
export function isOpenDocumentText(text: string): boolean {
  return /<office:(?:document|document-content)[\s>]/.test(text) && /<office:text[\s>]/.test(text);
}

interface Styles {
  bold: Set<string>;
  numbered: Set<string>;
}

/**
 * A postmortem saved as flat OpenDocument text (LibreOffice's `.fodt`) as the Markdown the
 * postmortem reader takes: `text:h` headings at their outline level, `text:p` paragraphs, lists
 * (numbered when their list style numbers them), tables (the first row the header, so a
 * two-column facts table reads as fields and an action table with a Status column as actions).
 * Text is read as OpenDocument lays it out: the spans a phrase was split into (by editing, or a
 * bold lead-in) run together, a run of white space in the XML is one space, `text:s` is as many
 * spaces as it counts, `text:tab` a space and `text:line-break` a line break; notes, bookmarks and
 * tracked deletions are left out.
 */
export function odtPostmortemMarkdown(xml: string): string | undefined {
  const doc = parseXmlInOrder(xml);
  const body = findAll(doc, 'office:text')[0];
  if (!body) return undefined;
  const styles = readStyles(doc);
  const out: string[] = [];
  blocks(childrenOf(body), styles, out);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function readStyles(doc: readonly XmlNode[]): Styles {
  const bold = new Set<string>();
  for (const style of findAll(doc, 'style:style')) {
    const name = attrOf(style, 'style:name');
    const props = childrenOf(style).find((c) => nameOf(c) === 'style:text-properties');
    if (name && props && /^(bold|[6-9]00)$/.test(attrOf(props, 'fo:font-weight') ?? '')) bold.add(name);
  }
  const numbered = new Set<string>();
  for (const list of findAll(doc, 'text:list-style')) {
    const name = attrOf(list, 'style:name');
    const first = childrenOf(list).find((c) => nameOf(c)?.startsWith('text:list-level-style'));
    if (name && first && nameOf(first) === 'text:list-level-style-number') numbered.add(name);
  }
  return { bold, numbered };
}

const SKIPPED = new Set(['text:sequence-decls', 'text:tracked-changes', 'text:table-of-content', 'office:forms', 'text:soft-page-break', 'text:variable-decls', 'text:user-field-decls']);

function blocks(nodes: readonly XmlNode[], styles: Styles, out: string[]): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === undefined || SKIPPED.has(name)) continue;
    if (name === 'text:h') {
      const level = Math.min(6, Math.max(1, Number(attrOf(node, 'text:outline-level') ?? '1') || 1));
      const text = inline(childrenOf(node), styles).replace(/\s+/g, ' ').trim();
      if (text) out.push('', `${'#'.repeat(level)} ${text}`, '');
    } else if (name === 'text:p') {
      const text = inline(childrenOf(node), styles).trim();
      if (text) out.push('', text, '');
    } else if (name === 'text:list') {
      out.push('');
      list(node, styles, out, 0, styles.numbered.has(attrOf(node, 'text:style-name') ?? ''));
      out.push('');
    } else if (name === 'table:table') {
      out.push('', ...markdownTableLines(tableRows(node, styles)), '');
    } else {
      blocks(childrenOf(node), styles, out); // text:section, office:text's wrappers
    }
  }
}

function list(node: XmlNode, styles: Styles, out: string[], depth: number, numbered: boolean): void {
  const own = attrOf(node, 'text:style-name');
  const isNumbered = own === undefined ? numbered : styles.numbered.has(own);
  let n = 0;
  for (const item of childrenOf(node)) {
    if (!['text:list-item', 'text:list-header'].includes(nameOf(item) ?? '')) continue;
    const texts: string[] = [];
    const nested: XmlNode[] = [];
    for (const c of childrenOf(item)) {
      if (nameOf(c) === 'text:list') nested.push(c);
      else if (nameOf(c) === 'text:p' || nameOf(c) === 'text:h') texts.push(inline(childrenOf(c), styles).replace(/\s*\n\s*/g, ' ').trim());
    }
    const text = texts.filter((t) => t.length > 0).join(' ');
    if (text) out.push(`${'   '.repeat(depth)}${isNumbered ? `${++n}.` : '-'} ${text}`);
    for (const sub of nested) list(sub, styles, out, depth + 1, isNumbered);
  }
}

function tableRows(table: XmlNode, styles: Styles): string[][] {
  const rows: string[][] = [];
  const visit = (nodes: readonly XmlNode[]): void => {
    for (const node of nodes) {
      const name = nameOf(node);
      if (name === 'table:table-row') {
        const cells: string[] = [];
        for (const cell of childrenOf(node)) {
          const cn = nameOf(cell);
          if (cn !== 'table:table-cell' && cn !== 'table:covered-table-cell') continue;
          const text = childrenOf(cell)
            .filter((c) => nameOf(c) === 'text:p' || nameOf(c) === 'text:h' || nameOf(c) === 'text:list')
            .map((c) => (nameOf(c) === 'text:list' ? listText(c, styles) : inline(childrenOf(c), styles)))
            .map((t) => t.replace(/\s+/g, ' ').trim())
            .filter((t) => t.length > 0)
            .join(' ');
          const repeated = Math.min(50, Number(attrOf(cell, 'table:number-columns-repeated') ?? '1') || 1);
          for (let i = 0; i < repeated; i++) cells.push(i === 0 ? text : '');
        }
        while (cells.length > 0 && cells.at(-1) === '') cells.pop();
        if (cells.length > 0) rows.push(cells);
      } else if (name === 'table:table-header-rows' || name === 'table:table-rows' || name === 'table:table-row-group') {
        visit(childrenOf(node));
      }
    }
  };
  visit(childrenOf(table));
  return rows;
}

function listText(node: XmlNode, styles: Styles): string {
  const lines: string[] = [];
  list(node, styles, lines, 0, false);
  return lines.join('; ');
}

/** A paragraph's content as text: spans run together, white space as OpenDocument reads it. */
function inline(nodes: readonly XmlNode[], styles: Styles): string {
  let out = '';
  for (const node of nodes) {
    const text = textOf(node);
    if (text !== undefined) {
      out += text.replace(/[ \t\r\n]+/g, ' ');
      continue;
    }
    switch (nameOf(node)) {
      case 'text:s':
        out += ' '.repeat(Math.min(20, Number(attrOf(node, 'text:c') ?? '1') || 1));
        break;
      case 'text:tab':
        out += ' ';
        break;
      case 'text:line-break':
        out += '\n';
        break;
      case 'text:note':
      case 'text:bookmark':
      case 'text:bookmark-start':
      case 'text:bookmark-end':
      case 'text:change':
      case 'text:change-start':
      case 'text:change-end':
      case 'office:annotation':
        break;
      case 'text:span': {
        const inner = inline(childrenOf(node), styles);
        const bold = styles.bold.has(attrOf(node, 'text:style-name') ?? '') && inner.trim().length > 0;
        // the bold marks go round the words, the spaces outside them
        out += bold ? inner.replace(/^(\s*)(.*?)(\s*)$/s, '$1**$2**$3') : inner;
        break;
      }
      default:
        out += inline(childrenOf(node), styles);
    }
  }
  // a line break and the spaces around it are one line break
  return out.replace(/ *\n */g, '\n');
}
