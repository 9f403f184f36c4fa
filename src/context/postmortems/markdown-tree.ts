import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

/** Parse Markdown (CommonMark plus GFM tables and task-list items) into an mdast tree. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfmTable(), gfmTaskListItem()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
  });
}

/**
 * Plain text of a node. Unlike `mdast-util-to-string`, block children are joined with newlines so
 * a list item's paragraph and its nested list do not run together.
 */
export function nodeText(node: Nodes): string {
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'root') {
    return node.children
      .map((c) => nodeText(c))
      .filter((t) => t.length > 0)
      .join('\n')
      .trim();
  }
  return inlineText(node).trim();
}

/**
 * `mdast-util-to-string` with a hard line break (two spaces or a backslash at a line's end) kept as
 * a line break: a header of `**Incident:** FH-344  ` / `**Status:** Final` lines is two lines, not
 * "FH-344Status". Inline HTML is markup, not text: a `<br>` (the only way to break a line inside a
 * table cell) is a line break, a comment or any other tag nothing.
 */
function inlineText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if (node.type === 'html') return /^<br\s*\/?>$/i.test(node.value.trim()) ? '\n' : '';
  if ('children' in node) return node.children.map((c) => inlineText(c as Nodes)).join('');
  return toString(node);
}

/** 1-based start line of a node, when the parser recorded one. */
export function lineOf(node: Nodes): number | undefined {
  return node.position?.start.line;
}

/** A run of top-level nodes under one heading. */
export interface MarkdownSection {
  /** The heading's text; empty for content before the first heading. */
  heading: string;
  depth: number;
  line: number | undefined;
  nodes: RootContent[];
}

/**
 * Split a document's top-level nodes into sections, one per heading (a section ends at the next
 * heading of any depth; callers decide how nested headings relate).
 */
export function splitSections(root: Root): MarkdownSection[] {
  const sections: MarkdownSection[] = [{ heading: '', depth: 0, line: undefined, nodes: [] }];
  for (const node of root.children) {
    if (node.type === 'heading') {
      sections.push({ heading: nodeText(node), depth: node.depth, line: lineOf(node), nodes: [] });
    } else {
      sections.at(-1)?.nodes.push(node);
    }
  }
  return sections;
}
