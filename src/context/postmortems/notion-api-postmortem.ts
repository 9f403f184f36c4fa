import { markdownTableLines } from './markdown-table.js';
import { parseJsonOrUndefined } from './postmortem-syntax.js';

/**
 * A Notion page as the Notion API returns it, saved as JSON (a backup script's `{ page, blocks }`,
 * or a page object with its `blocks` / `children`, or a `results` list of blocks beside it), as the
 * Markdown the postmortem reader takes: the page's `title` property as the title, its other
 * properties as `**Name:** value` fields (rich text as its plain text, a select or status by its
 * name, a date by its start, people by name, a multi-select as names joined), then the blocks:
 * headings one level below the title, paragraphs, callouts and quotes, bulleted and numbered list
 * items (numbered in order, as the API stores no number), to-dos as checkboxes (`- [x]` when
 * `checked`), tables (`table_row` cells; the first row the header), code fenced, toggles as their
 * summary and content; dividers add nothing. A block's rich text is its runs' `plain_text` run
 * together, so a sentence split at a code word (`merchant_reference` as a code run) reads whole.
 * Undefined for JSON that is no Notion page.
 */
export function notionPageMarkdown(text: string): string | undefined {
  const data = parseJsonOrUndefined(text);
  if (data === undefined) return undefined;
  const page = notionPage(data);
  if (!page) return undefined;
  const out: string[] = [];
  const properties = record(page.page.properties) ?? {};
  const title = Object.values(properties).map(record).find((p) => p?.type === 'title');
  if (title) out.push(`# ${richText(title.title)}`, '');
  for (const [name, value] of Object.entries(properties)) {
    const p = record(value);
    if (!p || p === title) continue;
    const shown = propertyText(p);
    if (shown.length > 0) out.push(`**${name}:** ${shown}`, '');
  }
  blocks(page.blocks, out, '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

type Obj = Record<string, unknown>;

function record(value: unknown): Obj | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : undefined;
}

/** The page object and its blocks, wherever the saved file keeps them. */
function notionPage(data: unknown): { page: Obj; blocks: Obj[] } | undefined {
  const root = record(data);
  if (!root) return undefined;
  const isPage = (v: unknown): boolean => record(v)?.object === 'page' && record(record(v)?.properties) !== undefined;
  const page = isPage(root) ? root : isPage(root.page) ? record(root.page) : undefined;
  if (!page) return undefined;
  const list = [root.blocks, page.blocks, page.children, root.results, root.children].find((v) => Array.isArray(v)) as unknown[] | undefined;
  return { page, blocks: (list ?? []).map(record).filter((b): b is Obj => b?.object === 'block' || typeof b?.type === 'string') };
}

function richText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value.map((run) => String(record(run)?.plain_text ?? record(record(run)?.text)?.content ?? '')).join('');
}

function propertyText(p: Obj): string {
  const type = typeof p.type === 'string' ? p.type : '';
  const v = p[type];
  if (type === 'rich_text') return richText(v).trim();
  if (type === 'select' || type === 'status') return String(record(v)?.name ?? '');
  if (type === 'multi_select' || type === 'people' || type === 'relation') return Array.isArray(v) ? v.map((x) => String(record(x)?.name ?? '')).filter((x) => x.length > 0).join(', ') : '';
  if (type === 'date') return String(record(v)?.start ?? '');
  if (type === 'number' || type === 'url' || type === 'email' || type === 'phone_number') return v === null || v === undefined ? '' : String(v);
  if (type === 'checkbox') return v === true ? 'Yes' : 'No';
  return '';
}

function childBlocks(block: Obj): Obj[] {
  const own = record(block[String(block.type)]);
  const list = [block.children, own?.children].find((v) => Array.isArray(v)) as unknown[] | undefined;
  return (list ?? []).map(record).filter((b): b is Obj => b !== undefined);
}

function blocks(list: readonly Obj[], out: string[], indent: string): void {
  let number = 0;
  for (const block of list) {
    const type = String(block.type ?? '');
    const body = record(block[type]) ?? {};
    const text = richText(body.rich_text).replace(/\s*\n\s*/g, ' ').trim();
    number = type === 'numbered_list_item' ? number + 1 : 0;
    const heading = /^heading_([1-3])$/.exec(type);
    if (heading) out.push('', `${'#'.repeat(Number(heading[1]) + 1)} ${text}`, '');
    else if (type === 'bulleted_list_item' || type === 'numbered_list_item' || type === 'to_do') {
      const marker = type === 'numbered_list_item' ? `${number}. ` : type === 'to_do' ? `- [${body.checked === true ? 'x' : ' '}] ` : '- ';
      out.push(`${indent}${marker}${text}`);
      blocks(childBlocks(block), out, `${indent}   `);
      continue;
    } else if (type === 'table') {
      const rows = childBlocks(block).map((row) => {
        const cells = record(row.table_row)?.cells;
        return Array.isArray(cells) ? cells.map((c) => richText(c).replace(/\s+/g, ' ').trim()) : [];
      });
      out.push('', ...markdownTableLines(rows), '');
      continue;
    } else if (type === 'code') {
      const code = richText(body.rich_text);
      if (code.trim().length > 0) out.push('', '```', code, '```', '');
      continue;
    } else if (type !== 'divider' && text.length > 0) out.push('', `${indent}${text}`, '');
    blocks(childBlocks(block), out, indent);
  }
}
