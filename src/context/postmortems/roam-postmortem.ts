import { parseJsonOrUndefined } from './postmortem-syntax.js';
import { isPlain } from '../record-fields.js';
import { contextVocabulary } from '../vocabulary/context-vocabulary.js';

type Block = Record<string, unknown>;

/**
 * A Roam Research graph exported as JSON (an array of pages `{ title, children }`, each block
 * `{ string, uid, heading?, children-view-type?, children? }`) as the postmortems it holds, each as
 * the Markdown the postmortem reader takes. The pages whose title opens with what a postmortem is
 * called (the vocabulary's `postmortem_title_labels`: "PIR/18120 …") are the postmortems; when no
 * page's is, every page is one. A page reads as:
 * - its title, then its blocks in order: a heading block (`heading: 1-3`) a section heading, a top-level
 *   block a paragraph, a block under another a list item (numbered when its parent's
 *   `children-view-type` is `numbered`), indented by depth;
 * - an attribute (`incident:: 18120`) as a `Label: value` line;
 * - a `{{[[table]]}}` block as a Markdown table: each child a row whose cells are the child and its
 *   first descendants, the first row the header;
 * - a `{{[[TODO]]}}` / `{{[[DONE]]}}` block as a task-list item, open or checked, its child blocks
 *   (`status:: done`, a block reference) in brackets on its line;
 * - `[[page links]]` and `#[[tags]]` as their text, a block reference `((uid))` as the referenced
 *   block's text, and a line break inside a block as a space (a block is one paragraph).
 * Undefined for other JSON.
 */
export function roamGraphMarkdown(text: string): string[] | undefined {
  const data = parseJsonOrUndefined(text);
  if (!Array.isArray(data) || data.length === 0 || !data.every(isRoamPage)) return undefined;
  const pages = data as Block[];
  const byUid = new Map<string, string>();
  const index = (blocks: unknown): void => {
    for (const b of Array.isArray(blocks) ? blocks.filter(isPlain) : []) {
      if (typeof b.uid === 'string' && typeof b.string === 'string') byUid.set(b.uid, b.string);
      index(b.children);
    }
  };
  for (const page of pages) index(page.children);
  const labels = contextVocabulary().postmortem_title_labels.map((l) => l.toLowerCase());
  const isPostmortem = (page: Block): boolean => {
    const first = /^[^\p{L}]*([\p{L}][\p{L} -]*?)(?=[^\p{L} -]|$)/u.exec(String(page.title))?.[1]?.trim().toLowerCase();
    return first !== undefined && labels.some((l) => first === l || first.startsWith(`${l} `));
  };
  const chosen = pages.some(isPostmortem) ? pages.filter(isPostmortem) : pages;
  return chosen.map((page) => pageMarkdown(page, byUid));
}

function isRoamPage(page: unknown): boolean {
  return isPlain(page) && typeof page.title === 'string' && ('uid' in page || 'create-time' in page) && (page.children === undefined || Array.isArray(page.children));
}

function pageMarkdown(page: Block, byUid: ReadonlyMap<string, string>): string {
  const out: string[] = [`# ${inline(String(page.title), byUid)}`, ''];
  const walk = (blocks: unknown, depth: number, numbered: boolean): void => {
    for (const block of Array.isArray(blocks) ? blocks.filter(isPlain) : []) {
      const raw = typeof block.string === 'string' ? block.string : '';
      const children = Array.isArray(block.children) ? block.children.filter(isPlain) : [];
      const childNumbered = block['children-view-type'] === 'numbered';
      if (/^\s*\{\{\s*\[\[table\]\]\s*\}\}\s*$/i.test(raw) || /^\s*\{\{table\}\}\s*$/i.test(raw)) {
        out.push('', ...tableRows(children, byUid), '');
        continue;
      }
      const heading = typeof block.heading === 'number' && block.heading > 0 ? block.heading : 0;
      const text = inline(raw, byUid);
      const attribute = /^([^:\n]{1,60})::\s*(.*)$/s.exec(text);
      // a page's heading blocks are its sections, siblings whatever their size (`heading: 3` is a
      // smaller heading, not a subsection of the one before it)
      if (heading > 0) out.push('', `${depth === 0 ? '##' : '###'} ${text}`, '');
      else if (depth === 0) out.push('', attribute ? `${capitalised(attribute[1]!.trim())}: ${attribute[2]!.trim()}` : text, '');
      else {
        const indent = '  '.repeat(depth - 1);
        const task = /^\{\{\s*\[\[(TODO|DONE)\]\]\s*\}\}\s*/i.exec(raw);
        // a task's child blocks are its details (`status:: in progress`, `ref:: AB#18131`, a block
        // reference): on the task's own line, so each task is one action item
        const details = task ? children.map((c) => inline(typeof c.string === 'string' ? c.string : '', byUid).replace(/^([^:\n]{1,60})::\s*/, '$1: ')).filter((d) => d.length > 0) : [];
        const own = attribute ? `${capitalised(attribute[1]!.trim())}: ${attribute[2]!.trim()}` : task ? inline(raw.slice(task[0].length), byUid) : text;
        const body = details.length > 0 ? `${own} (${details.join('; ')})` : own;
        const marker = task ? `- [${task[1]!.toUpperCase() === 'DONE' ? 'x' : ' '}]` : numbered ? '1.' : '-';
        if (body.length > 0) out.push(`${indent}${marker} ${body}`);
        if (task) continue;
      }
      if (children.length > 0) walk(children, heading > 0 ? 1 : depth + 1, childNumbered);
    }
  };
  walk(page.children, 0, false);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** A table block's rows: each child and its chain of first children are a row's cells. */
function tableRows(rows: readonly Block[], byUid: ReadonlyMap<string, string>): string[] {
  const cells = rows.map((row) => {
    const out: string[] = [];
    let cell: Block | undefined = row;
    while (cell) {
      out.push(inline(typeof cell.string === 'string' ? cell.string : '', byUid).replace(/\|/g, '\\|'));
      const next: unknown[] = Array.isArray(cell.children) ? cell.children : [];
      cell = isPlain(next[0]) ? next[0] : undefined;
    }
    return out;
  });
  if (cells.length === 0) return [];
  const width = Math.max(...cells.map((c) => c.length));
  const line = (row: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ')} |`;
  return [line(cells[0]!), line(Array.from({ length: width }, () => '---')), ...cells.slice(1).map(line)];
}

/** Roam's inline markup as Markdown: references resolved, links and tags as text, one line. */
function inline(text: string, byUid: ReadonlyMap<string, string>, depth = 0): string {
  return text
    .replace(/\(\(([\w-]+)\)\)/g, (m, uid: string) => (depth < 3 && byUid.has(uid) ? inline(byUid.get(uid)!, byUid, depth + 1) : m))
    .replace(/#?\[\[([^\]]*)\]\]/g, '$1')
    .replace(/(^|\s)#([\p{L}\d][\p{L}\d_-]*)/gu, '$1$2')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

function capitalised(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
