import { parseJsonOrThrow } from './postmortem-syntax.js';

/**
 * A postmortem written as a Jupyter notebook (`.ipynb`, nbformat 4: `{ cells: [{ cell_type, source
 * }] }`) as the Markdown the postmortem reader takes: its Markdown cells in order, each `source` (a
 * list of lines, or one string) joined as written, so a sentence wrapped across two lines reads
 * as Markdown reads it. Code cells and their saved outputs (tables, printed counts) are data, not
 * prose, and are left out. Undefined for JSON that is no notebook.
 *
 * @throws PostmortemSyntaxError (with its line) for a file that is not JSON
 */
export function notebookPostmortemMarkdown(text: string): string | undefined {
  const data = parseJsonOrThrow(text, 'a Jupyter notebook (JSON)');
  if (data === null || typeof data !== 'object' || !Array.isArray((data as { cells?: unknown }).cells)) return undefined;
  const cells = (data as { cells: unknown[] }).cells;
  const markdown = cells.flatMap((cell) => {
    if (cell === null || typeof cell !== 'object') return [];
    const { cell_type: kind, source } = cell as { cell_type?: unknown; source?: unknown };
    if (kind !== 'markdown') return [];
    const written = Array.isArray(source) ? source.filter((s): s is string => typeof s === 'string').join('') : typeof source === 'string' ? source : '';
    return written.trim().length > 0 ? [written.trim()] : [];
  });
  return markdown.length === 0 ? undefined : `${markdown.join('\n\n')}\n`;
}
