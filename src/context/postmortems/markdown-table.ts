/**
 * Rows of cell texts as the lines of a Markdown (GFM) table, the first row its header: every row
 * padded to the widest, pipes in a cell escaped. No rows, no lines. Each postmortem reader turns its
 * format's table (HTML, LaTeX `tabular`, wiki markup, tab-separated text) into rows, then into this.
 */
export function markdownTableLines(rows: readonly (readonly string[])[]): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0) return [];
  const line = (cells: readonly string[]): string => `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replaceAll('|', '\\|')).join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)];
}
