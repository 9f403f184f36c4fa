/**
 * A rich-text document kept as ProseMirror JSON (`{ type: "doc", content: [...] }`: Outline's JSON
 * export, Tiptap, Atlassian's document format) as Markdown: headings by their `level`, paragraphs
 * with their text nodes run together (a phrase split by a mark, "original idempotency" in bold
 * inside a sentence, reads whole), bullet, ordered and checkbox/task lists (a checked item `- [x]`),
 * tables (the first row the header), block quotes and notices (Outline's `container_notice`,
 * Atlassian's `panel`) as their paragraphs, code blocks fenced, hard breaks as line breaks. Node
 * names are compared without case and `_` (`bullet_list` = `bulletList`). Unknown nodes are read
 * as their content.
 */
export function prosemirrorMarkdown(doc: unknown): string {
  return `${blocks(childrenOf(doc), '').join('\n\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** True for a ProseMirror document node. */
export function isProseMirrorDoc(value: unknown): boolean {
  return isNode(value) && kindOf(value) === 'doc' && Array.isArray(value.content);
}

type PmNode = { type: string; content?: unknown; text?: unknown; attrs?: unknown; marks?: unknown };

function isNode(value: unknown): value is PmNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string';
}

function kindOf(node: PmNode): string {
  return node.type.toLowerCase().replace(/_/g, '');
}

function childrenOf(node: unknown): PmNode[] {
  if (!isNode(node) || !Array.isArray(node.content)) return [];
  return node.content.filter(isNode);
}

function attr(node: PmNode, name: string): unknown {
  return node.attrs !== null && typeof node.attrs === 'object' ? (node.attrs as Record<string, unknown>)[name] : undefined;
}

const LISTS = new Set(['bulletlist', 'orderedlist', 'checkboxlist', 'tasklist', 'checklist']);

/** Block nodes as Markdown blocks, each line after the first indented by `indent`. */
function blocks(nodes: readonly PmNode[], indent: string): string[] {
  return nodes.flatMap((node) => {
    const kind = kindOf(node);
    if (kind === 'heading') {
      const level = Math.min(6, Math.max(1, Number(attr(node, 'level')) || 1));
      return [`${'#'.repeat(level)} ${inline(childrenOf(node)).replace(/\n/g, ' ').trim()}`];
    }
    if (kind === 'paragraph') {
      const text = inline(childrenOf(node)).trim();
      return text.length > 0 ? [text] : [];
    }
    if (LISTS.has(kind)) return [list(node, indent)];
    if (kind === 'table') return [table(node)];
    if (kind === 'codeblock' || kind === 'code') {
      const code = inline(childrenOf(node));
      return code.trim().length > 0 ? [`\`\`\`\n${code}\n\`\`\``] : [];
    }
    if (kind === 'horizontalrule' || kind === 'hr') return [];
    // block quotes, notices, panels, toggles: their content
    return blocks(childrenOf(node), indent);
  });
}

function list(node: PmNode, indent: string): string {
  const kind = kindOf(node);
  const start = Number(attr(node, 'order') ?? attr(node, 'start')) || 1;
  return childrenOf(node)
    .map((item, i) => {
      const checked = attr(item, 'checked') ?? attr(item, 'done') ?? (attr(item, 'state') === undefined ? undefined : String(attr(item, 'state')).toUpperCase() === 'DONE');
      const box = kind === 'checkboxlist' || kind === 'tasklist' || kind === 'checklist' || typeof checked === 'boolean' ? `[${checked === true ? 'x' : ' '}] ` : '';
      const marker = kind === 'orderedlist' ? `${start + i}. ` : '- ';
      const inner = indent + ' '.repeat(marker.length);
      // a task item may hold its text directly rather than in a paragraph
      const content = childrenOf(item);
      const parts = content.every((c) => !isBlock(c)) ? [inline(content).trim()] : blocks(content, inner);
      const [first = '', ...rest] = parts;
      return [`${indent}${marker}${box}${first.split('\n').join(`\n${inner}`)}`, ...rest.map((p) => `${inner}${p.split('\n').join(`\n${inner}`)}`)].join('\n');
    })
    .join('\n');
}

function isBlock(node: PmNode): boolean {
  return !['text', 'hardbreak', 'image', 'mention', 'emoji', 'inlinecard', 'date', 'status'].includes(kindOf(node));
}

function table(node: PmNode): string {
  const rows = childrenOf(node).map((row) => childrenOf(row).map((cell) => blocks(childrenOf(cell), '').join(' ').replace(/\s+/g, ' ').replaceAll('|', '\\|').trim()));
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]): string => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  return [line(rows[0] ?? []), line(Array.from({ length: width }, () => '---')), ...rows.slice(1).map(line)].join('\n');
}

/** Inline nodes as text: text with its marks (bold, italic, code, a link's text), hard breaks as line breaks. */
function inline(nodes: readonly PmNode[]): string {
  return nodes
    .map((node) => {
      const kind = kindOf(node);
      if (kind === 'hardbreak') return '  \n';
      if (kind === 'text') return marked(typeof node.text === 'string' ? node.text : '', node.marks);
      if (kind === 'mention' || kind === 'emoji') return String(attr(node, 'label') ?? attr(node, 'text') ?? attr(node, 'shortName') ?? '');
      // Atlassian's inline nodes: a date (its `timestamp`, epoch milliseconds) as the day it names,
      // a status lozenge as its text, a link card as its address
      if (kind === 'date') return dateText(attr(node, 'timestamp'));
      if (kind === 'status') return String(attr(node, 'text') ?? '');
      if (kind === 'inlinecard' || kind === 'blockcard') return String(attr(node, 'url') ?? '');
      return inline(childrenOf(node));
    })
    .join('');
}

function dateText(timestamp: unknown): string {
  const ms = Number(timestamp);
  if (!Number.isFinite(ms) || String(timestamp ?? '').trim() === '') return '';
  return new Date(ms).toISOString().slice(0, 10);
}

function marked(text: string, marks: unknown): string {
  if (!Array.isArray(marks) || text.trim().length === 0) return text;
  const kinds = marks.filter(isNode).map(kindOf);
  const [lead = '', core = '', tail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)?.slice(1) ?? [];
  let out = core;
  if (kinds.includes('code') || kinds.includes('codeinline')) return `${lead}\`${core}\`${tail}`;
  if (kinds.includes('strong') || kinds.includes('bold')) out = `**${out}**`;
  if (kinds.includes('em') || kinds.includes('italic')) out = `_${out}_`;
  return `${lead}${out}${tail}`;
}
