import { htmlPostmortemMarkdown } from './html-postmortem.js';
import { assertWellFormedXml } from './postmortem-syntax.js';
import { childrenOf, findAll, parseXmlInOrder, textOf, type XmlNode } from '../xml-nodes.js';

/** True for an Evernote export (`.enex`: `<en-export>` of notes). */
export function isEnex(text: string): boolean {
  return /<en-export[\s>]/.test(text);
}

/**
 * The notes of an Evernote export (`<en-export>` of `<note>`s, each with a `<title>` and its body
 * as ENML, XHTML in a CDATA section with its own declaration) as the Markdown the postmortem
 * reader takes, one per note: the note's title as the title, then its body read as an HTML page
 * (`<div>` lines, headings, lists); a checkbox (`<en-todo checked="true"/>`) opens a task item,
 * `- [x]` when checked. Undefined when the export holds no note.
 *
 * @throws PostmortemSyntaxError (with its line) for an export or a note that is not well-formed XML
 */
export function enexNotesMarkdown(xml: string): string[] | undefined {
  assertWellFormedXml(xml, 'an Evernote export (ENEX)');
  const notes = findAll(parseXmlInOrder(xml), 'note');
  let from = 0;
  const out = notes.flatMap((note) => {
    const title = childText(note, 'title').replace(/\s+/g, ' ').trim();
    const enml = childText(note, 'content');
    // a note's ENML is XML of its own: broken, it is named by the line it starts at in the file
    const at = enml.trim().length === 0 ? -1 : xml.indexOf(enml.trim().slice(0, 200), from);
    if (at >= 0) from = at;
    if (enml.trim().length > 0) assertWellFormedXml(enml.trim(), "an Evernote note's ENML", at >= 0 ? xml.slice(0, at).split('\n').length : 1);
    const body = enml
      .replace(/<\?xml[^>]*\?>/gi, '')
      .replace(/<!DOCTYPE[^>]*>/gi, '')
      .replace(/<\/?en-note[^>]*>/gi, (tag) => (tag.startsWith('</') ? '</body>' : '<body>'))
      .replace(/<en-todo\b([^>]*)\/?>(?:<\/en-todo>)?/gi, (_m, attrs: string) => (/checked\s*=\s*["']true["']/i.test(attrs) ? '[x] ' : '[ ] '))
      .replace(/<en-media\b[^>]*\/?>(?:<\/en-media>)?/gi, '');
    if (title.length === 0 && body.trim().length === 0) return [];
    // the checkbox's text as turndown escaped it (`\\[x\\] …`) opens a task item
    const markdown = htmlPostmortemMarkdown(`<html><head></head>${body}</html>`)
      .replace(/^\\\[(x| )\\\]\s+/gm, '- [$1] ')
      .trim();
    return [`${title ? `# ${title}\n\n` : ''}${markdown}\n`];
  });
  return out.length === 0 ? undefined : out;
}

function childText(node: XmlNode, name: string): string {
  const child = childrenOf(node).find((c) => Object.keys(c).includes(name));
  return child === undefined ? '' : allText(childrenOf(child));
}

function allText(nodes: readonly XmlNode[]): string {
  return nodes.map((n) => textOf(n) ?? (Object.keys(n).includes('#cdata') ? '' : allText(childrenOf(n)))).join('');
}
