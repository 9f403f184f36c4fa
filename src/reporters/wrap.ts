/** Columns the text report is laid out for: the classic terminal width. */
export const REPORT_WIDTH = 80;

/**
 * Word-wraps `text` to `width` columns; every line after the first starts with `indent`. A word
 * longer than a line (a long path) is kept whole rather than broken.
 */
export function wrap(text: string, options: { width?: number; indent?: string; first?: string } = {}): string[] {
  const width = options.width ?? REPORT_WIDTH;
  const indent = options.indent ?? '';
  const lines: string[] = [];
  let line = options.first ?? '';
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** `text` cut to `width` columns with an ellipsis when longer. */
export function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
