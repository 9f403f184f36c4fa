import { childrenOf, nameOf, parseXmlInOrder, textOf, type XmlNode } from './xml-nodes.js';

/**
 * An XML export as the data a JSON export of it would hold, so its records read as JSON records
 * do: an element with child elements is an object of its attributes and children, an element with
 * text only is its text (CDATA included), an element that repeats under its parent anywhere in the
 * file is a list everywhere (a thread of one entry is still a list), and a wrapper whose only
 * children are such a list (`<tickets count="159"><ticket>…`, `<thread><entry>…`) is that list.
 * The root element's value is returned.
 */
export function xmlData(xml: string): unknown {
  const nodes = parseXmlInOrder(xml);
  const root = nodes.find((n) => nameOf(n) !== undefined && !nameOf(n)?.startsWith('?'));
  if (!root) return undefined;
  const repeated = new Set<string>();
  const scan = (node: XmlNode, path: string): void => {
    const counts = new Map<string, number>();
    for (const c of childrenOf(node)) {
      const name = nameOf(c);
      if (name === undefined) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      scan(c, `${path}/${name}`);
    }
    for (const [name, n] of counts) if (n > 1) repeated.add(`${path}/${name}`);
  };
  const rootName = nameOf(root) ?? '';
  scan(root, rootName);
  const value = (node: XmlNode, path: string): unknown => {
    const elements = childrenOf(node).filter((c) => nameOf(c) !== undefined);
    const attrs = (node[':@'] ?? {}) as Record<string, unknown>;
    if (elements.length === 0) {
      const text = childrenOf(node)
        .map((c) => textOf(c) ?? '')
        .join('')
        .trim();
      return text.length > 0 || Object.keys(attrs).length === 0 ? text : { ...attrs };
    }
    const names = [...new Set(elements.map((c) => nameOf(c) ?? ''))];
    const only = names.length === 1 ? names[0] : undefined;
    if (only !== undefined && repeated.has(`${path}/${only}`)) return elements.map((c) => value(c, `${path}/${only}`));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(attrs)) out[k] = String(v);
    for (const name of names) {
      const items = elements.filter((c) => nameOf(c) === name).map((c) => value(c, `${path}/${name}`));
      out[name] = repeated.has(`${path}/${name}`) ? items : items[0];
    }
    return out;
  };
  return value(root, rootName);
}
