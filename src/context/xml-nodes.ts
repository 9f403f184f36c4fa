import { XMLParser } from 'fast-xml-parser';

/** An XML element or text in document order, as `fast-xml-parser` gives it with `preserveOrder`. */
export type XmlNode = Record<string, unknown>;

/** XML parsed in document order, whitespace and CDATA kept as text, no values converted. */
export function parseXmlInOrder(xml: string): XmlNode[] {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  return parser.parse(xml) as XmlNode[];
}

/** An element's name (`text:p`), or undefined for text. */
export function nameOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}

/** An element's children in order. */
export function childrenOf(node: XmlNode): XmlNode[] {
  const name = nameOf(node);
  const value = name === undefined ? undefined : node[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** An attribute's value. */
export function attrOf(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const value = attrs?.[name];
  return value === undefined ? undefined : String(value);
}

/** The text of a text node, else undefined. */
export function textOf(node: XmlNode): string | undefined {
  return '#text' in node ? String(node['#text']) : undefined;
}

/** Every element named `name` at or under `nodes`, in document order. */
export function findAll(nodes: readonly XmlNode[], name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const visit = (node: XmlNode): void => {
    if (nameOf(node) === name) out.push(node);
    for (const c of childrenOf(node)) visit(c);
  };
  for (const n of nodes) visit(n);
  return out;
}

/** All text at or under `nodes`, concatenated. */
export function allText(nodes: readonly XmlNode[]): string {
  return nodes.map((n) => textOf(n) ?? allText(childrenOf(n))).join('');
}
