import { htmlPostmortemMarkdown } from './html-postmortem.js';
import { parseJsonOrUndefined } from './postmortem-syntax.js';

/**
 * A SharePoint Online modern page as its REST API returns it (`GET /_api/sitepages/pages(n)`,
 * saved as JSON) as the Markdown the postmortem reader takes: the page's `Title` as the title and
 * the text web parts of `CanvasContent1` in order. `CanvasContent1` is the page's canvas serialised
 * into a string (a JSON array of controls); a text web part (`controlType` 4) keeps its content as
 * `innerHTML`, read as any HTML postmortem is (headings, lists, tables, entities). Other web parts
 * (a code snippet, a people list, the page settings) are not the review's text. Undefined for JSON
 * that is no such page.
 */
export function sharePointPageMarkdown(text: string): string | undefined {
  const page = parseJsonOrUndefined(text);
  if (page === null || typeof page !== 'object' || Array.isArray(page)) return undefined;
  const fields = page as Record<string, unknown>;
  const canvas = typeof fields.CanvasContent1 === 'string' ? parseCanvas(fields.CanvasContent1) : undefined;
  if (!canvas) return undefined;
  const parts = canvas
    .map((control) => (control !== null && typeof control === 'object' ? (control as Record<string, unknown>) : {}))
    .filter((control) => String(control.controlType) === '4' && typeof control.innerHTML === 'string')
    .map((control) => control.innerHTML as string);
  const title = typeof fields.Title === 'string' ? fields.Title : '';
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return htmlPostmortemMarkdown(`<html><head><title>${escaped}</title></head><body>${title ? `<h1>${escaped}</h1>` : ''}${parts.join('\n')}</body></html>`);
}

function parseCanvas(text: string): unknown[] | undefined {
  const value = parseJsonOrUndefined(text);
  return Array.isArray(value) ? value : undefined;
}
