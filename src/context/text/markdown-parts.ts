import type { Nodes } from 'mdast';
import { nodeText, parseMarkdown } from '../postmortems/markdown-tree.js';
import { unwrapLines } from './unwrap-lines.js';

/**
 * The text of a Markdown field (an incident tracker's summary) as plain parts: one per paragraph,
 * list item or table row (its cells joined by ` - `), headings left out, hard-wrapped lines joined. Plain text without Markdown
 * comes back as its paragraphs. A Datadog alert's `%%%` marker lines are left out.
 */
export function markdownParts(text: string): string[] {
  if (text.trim().length === 0) return [];
  // a monitor's alert body (Datadog) wraps its Markdown in lines of `%%%`: markers, not text
  text = text.replace(/^[ \t]*%%%[ \t]*$/gm, '');
  const parts: string[] = [];
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'heading':
      case 'thematicBreak':
      case 'code':
      case 'html':
        return;
      case 'paragraph':
        parts.push(unwrapLines(nodeText(node)));
        return;
      case 'tableRow':
        // a row's cells apart, as a person reads them ("17:48 - Ortolan p99 above 10 s")
        parts.push(
          node.children
            .map((cell) => unwrapLines(nodeText(cell)).trim())
            .filter((c) => c.length > 0)
            .join(' - '),
        );
        return;
      case 'listItem':
        // The item's own paragraphs, then its nested lists as items of their own.
        for (const child of node.children) visit(child);
        return;
      default:
        if ('children' in node) for (const child of node.children) visit(child as Nodes);
    }
  };
  visit(parseMarkdown(text));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
