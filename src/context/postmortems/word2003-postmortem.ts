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
  blocks(childrenOf(body), out, { formats: new Map(), counters: new Map() });
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** True for a Word document saved as "Word XML Document" (flat OPC: a `pkg:package` holding `/word/document.xml`). */
export function isWordFlatOpc(text: string): boolean {
  return /<pkg:package[\s>]/.test(text) && /pkg:name="\/word\/document\.xml"/.test(text);
}

/**
 * A postmortem saved as Word's "Word XML Document" (flat OPC, WordprocessingML 2006: one
 * `pkg:package` whose `pkg:part`s hold the .docx's files) as the Markdown the postmortem reader
 * takes, read like Word 2003 XML (`word2003PostmortemMarkdown`) from the `/word/document.xml` part:
 * list paragraphs carry only a numbering id (`w:numPr`), so whether an item is numbered is read from
 * the `/word/numbering.xml` part (a `bullet` format is a bullet, any other a number counted per
 * list and level); tracked deletions (`w:del`) are left out and insertions read as text; comments
 * (their text is in another part) and spelling marks add nothing.
 *
 * @throws PostmortemSyntaxError (with its line) for XML that is not well-formed
 */
export function wordFlatOpcPostmortemMarkdown(xml: string): string | undefined {
  assertWellFormedXml(xml, 'Word XML');
  const doc = parseXmlInOrder(xml);
  const parts = new Map(findAll(doc, 'pkg:part').map((part) => [attrOf(part, 'pkg:name') ?? '', part] as const));
  const document = parts.get('/word/document.xml');
  const body = document ? findAll([document], 'w:body')[0] : undefined;
  if (!body) return undefined;
  const numbering = parts.get('/word/numbering.xml');
  const out: string[] = [];
  blocks(childrenOf(body), out, { formats: numberFormats(numbering ? [numbering] : []), counters: new Map() });
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** How a document's lists are numbered: `numId:level` → Word's number format (`bullet`, `decimal`…). */
interface Lists {
  formats: Map<string, string>;
  counters: Map<string, number>;
}

function numberFormats(numbering: readonly XmlNode[]): Map<string, string> {
  const abstract = new Map<string, Map<string, string>>();
  for (const node of findAll(numbering, 'w:abstractNum')) {
    const levels = new Map<string, string>();
    for (const lvl of childrenOf(node).filter((c) => nameOf(c) === 'w:lvl')) {
      const fmt = childrenOf(lvl).find((c) => nameOf(c) === 'w:numFmt');
      levels.set(attrOf(lvl, 'w:ilvl') ?? '0', (fmt && attrOf(fmt, 'w:val')) ?? 'decimal');
    }
    abstract.set(attrOf(node, 'w:abstractNumId') ?? '', levels);
  }
  const out = new Map<string, string>();
  for (const num of findAll(numbering, 'w:num')) {
    const ref = childrenOf(num).find((c) => nameOf(c) === 'w:abstractNumId');
    const levels = abstract.get((ref && attrOf(ref, 'w:val')) ?? '');
    for (const [level, fmt] of levels ?? []) out.set(`${attrOf(num, 'w:numId') ?? ''}:${level}`, fmt);
  }
  return out;
}

function blocks(nodes: readonly XmlNode[], out: string[], lists: Lists): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === 'w:p') paragraph(node, out, lists);
    else if (name === 'w:tbl') out.push('', ...markdownTableLines(rows(node)), '');
    else if (name !== undefined && !SKIPPED.has(name)) blocks(childrenOf(node), out, lists);
  }
}

/** Elements whose content is not the document's text. */
const SKIPPED = new Set(['w:sectPr', 'w:pPr', 'w:rPr', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr', 'aml:annotation', 'w:delText', 'w:instrText', 'w:fldData', 'w:del', 'w:moveFrom']);

function paragraph(p: XmlNode, out: string[], lists: Lists): void {
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
  const numPr = props ? childrenOf(props).find((c) => nameOf(c) === 'w:numPr') : undefined;
  if (numPr) {
    const val = (tag: string): string => {
      const node = childrenOf(numPr).find((c) => nameOf(c) === tag);
      return (node && attrOf(node, 'w:val')) ?? '0';
    };
    const key = `${val('w:numId')}:${val('w:ilvl')}`;
    const level = Number(val('w:ilvl')) || 0;
    const format = lists.formats.get(key) ?? 'bullet';
    const n = (lists.counters.get(key) ?? 0) + 1;
    lists.counters.set(key, n);
    out.push(`${'   '.repeat(level)}${format === 'bullet' || format === 'none' ? '- ' : `${n}. `}${text}`);
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
