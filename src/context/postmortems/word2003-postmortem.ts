import { markdownTableLines } from './markdown-table.js';
import { assertWellFormedXml } from './postmortem-syntax.js';
import { attrOf, childrenOf, findAll, nameOf, parseXmlInOrder, textOf, type XmlNode } from '../xml-nodes.js';

/** True for a Word 2003 XML document ("Save as XML Document": `<w:wordDocument>`). */
export function isWord2003Xml(text: string): boolean {
  return /<w:wordDocument[\s>]/.test(text) && /<w:body[\s>]/.test(text);
}

/**
 * A postmortem saved as Word 2003 XML (WordprocessingML 2003) as the Markdown the postmortem reader
 * takes: a `Title` paragraph the title, `HeadingN` paragraphs headings one level below it, list
 * paragraphs (`w:listPr`) as list items, numbered when Word's hint for the number (`wx:t`) is a
 * number, tables (`w:tbl`) as tables with their first row the header, so a two-column facts table
 * reads as fields and an action table with a Status column as actions. A paragraph's runs are read
 * together (a word Word split into runs by a spelling mark or an edit reads whole); reviewers'
 * comments (`aml:annotation`), deleted text and field codes are left out; a tab or break is a
 * space.
 *
 * @throws PostmortemSyntaxError (with its line) for XML that is not well-formed
 */
export function word2003PostmortemMarkdown(xml: string): string | undefined {
  assertWellFormedXml(xml, 'Word 2003 XML');
  const doc = parseXmlInOrder(xml);
  const body = findAll(doc, 'w:body')[0];
  if (!body) return undefined;
  const out: string[] = [];
  blocks(childrenOf(body), out);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function blocks(nodes: readonly XmlNode[], out: string[]): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === 'w:p') paragraph(node, out);
    else if (name === 'w:tbl') out.push('', ...markdownTableLines(rows(node)), '');
    else if (name !== undefined && !SKIPPED.has(name)) blocks(childrenOf(node), out);
  }
}

/** Elements whose content is not the document's text. */
const SKIPPED = new Set(['w:sectPr', 'w:pPr', 'w:rPr', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr', 'aml:annotation', 'w:delText', 'w:instrText', 'w:fldData']);

function paragraph(p: XmlNode, out: string[]): void {
  const text = runsText(childrenOf(p)).replace(/\s+/g, ' ').trim();
  if (text.length === 0) {
    out.push('');
    return;
  }
  const props = childrenOf(p).find((c) => nameOf(c) === 'w:pPr');
  const style = props ? childrenOf(props).find((c) => nameOf(c) === 'w:pStyle') : undefined;
  const styleName = (style && attrOf(style, 'w:val')) ?? '';
  const heading = /^heading\s*([1-9])$/i.exec(styleName);
  if (/^title$/i.test(styleName)) return void out.push('', `# ${text}`, '');
  if (heading) return void out.push('', `${'#'.repeat(Math.min(6, Number(heading[1]) + 1))} ${text}`, '');
  const listPr = props ? childrenOf(props).find((c) => nameOf(c) === 'w:listPr') : undefined;
  if (listPr) {
    const levelNode = childrenOf(listPr).find((c) => nameOf(c) === 'w:ilvl');
    const level = Number((levelNode && attrOf(levelNode, 'w:val')) ?? 0) || 0;
    const hintNode = childrenOf(listPr).find((c) => nameOf(c) === 'wx:t');
    const hint = (hintNode && attrOf(hintNode, 'wx:val')) ?? '';
    const number = /^(\d+)[.)]$/.exec(hint.trim());
    out.push(`${'   '.repeat(level)}${number ? `${number[1]}. ` : '- '}${text}`);
    return;
  }
  out.push('', text, '');
}

/** The text of a paragraph's runs, in order. */
function runsText(nodes: readonly XmlNode[]): string {
  return nodes
    .map((node) => {
      const name = nameOf(node);
      if (name === undefined) return '';
      if (SKIPPED.has(name)) return '';
      if (name === 'w:t') return childrenOf(node).map((c) => textOf(c) ?? '').join('');
      if (name === 'w:tab' || name === 'w:br' || name === 'w:cr') return ' ';
      return runsText(childrenOf(node));
    })
    .join('');
}

function rows(table: XmlNode): string[][] {
  return childrenOf(table)
    .filter((r) => nameOf(r) === 'w:tr')
    .map((r) =>
      childrenOf(r)
        .filter((c) => nameOf(c) === 'w:tc')
        .map((c) =>
          childrenOf(c)
            .filter((p) => nameOf(p) === 'w:p' || nameOf(p) === 'w:tbl')
            .map((p) => runsText(childrenOf(p)))
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim(),
        ),
    );
}
