import { parseJsonOrUndefined } from './postmortem-syntax.js';
import { isPlain as isObject } from '../record-fields.js';

type Json = Record<string, unknown>;

const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/**
 * A deck as the Google Slides API returns it (`presentations.get`: `slides[]` of `pageElements`,
 * each a `shape` with `text.textElements` or a `table`) as Markdown: the first slide's title as the
 * title and its other text as header lines, every other slide's title placeholder as a section
 * heading, its text boxes as paragraphs (a paragraph with a bullet as a list item, numbered when its
 * glyph is a number; a vertical tab, the soft line break inside a run, as a space), its tables as
 * Markdown tables (an empty cell of a column headed Status takes the status its fill colour gives:
 * green done, yellow in progress, red not started), and its speaker notes (the notes page's shape
 * named by `speakerNotesObjectId`) as paragraphs after the slide. Undefined for other JSON.
 */
export function googleSlidesMarkdown(text: string): string | undefined {
  const data = parseJsonOrUndefined(text);
  if (!isObject(data) || !Array.isArray(data.slides) || !data.slides.every(isObject) || !('presentationId' in data || 'pageSize' in data)) return undefined;
  const slides = list(data.slides);
  const out: string[] = [];
  slides.forEach((slide, index) => {
    const elements = list(slide.pageElements);
    const isTitle = (e: Json): boolean => /TITLE/.test(String((isObject(e.shape) && isObject(e.shape.placeholder) ? e.shape.placeholder.type : '') ?? ''));
    const titleElement = elements.find(isTitle);
    const heading = titleElement ? paragraphs(titleElement).map((p) => p.text).join(' ').trim() : '';
    if (index === 0) out.push(`# ${heading || String(data.title ?? '').trim()}`, '');
    else if (heading) out.push(`## ${heading}`, '');
    for (const element of elements) {
      if (element === titleElement) continue;
      if (isObject(element.table)) out.push(...tableMarkdown(element.table), '');
      else if (isObject(element.shape)) {
        for (const p of paragraphs(element)) out.push(p.bullet === undefined ? p.text : `${p.bullet} ${p.text}`, ...(p.bullet === undefined ? [''] : []));
        out.push('');
      }
    }
    const notes = speakerNotes(slide);
    // the notes are what was said about the slide: kept as a quote, so they are no item of its list
    if (notes.length > 0) out.push(...notes.flatMap((n) => [`> ${n.text}`, '']));
  });
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

interface Paragraph {
  text: string;
  /** `-` or `1.` for a list item. */
  bullet: string | undefined;
}

/** A shape's paragraphs: its text runs up to each paragraph's end, with the paragraph's bullet. */
function paragraphs(element: Json): Paragraph[] {
  const shape = isObject(element.shape) ? element.shape : element;
  const textElements = list(isObject(shape.text) ? shape.text.textElements : undefined);
  const out: Paragraph[] = [];
  let bullet: string | undefined;
  let current = '';
  const flush = (): void => {
    const t = current.replace(/\u000b/g, ' ').replace(/[ \t]+/g, ' ').trim();
    if (t.length > 0) out.push({ text: t, bullet });
    current = '';
  };
  for (const te of textElements) {
    if (isObject(te.paragraphMarker)) {
      flush();
      const b = te.paragraphMarker.bullet;
      bullet = isObject(b) ? (/^\s*\d+[.)]/.test(String(b.glyph ?? '')) ? `${String(b.glyph).trim().replace(/\)$/, '.')}` : '-') : undefined;
      continue;
    }
    const run = isObject(te.textRun) ? te.textRun : isObject(te.autoText) ? te.autoText : undefined;
    if (!run || typeof run.content !== 'string') continue;
    const parts = run.content.split('\n');
    parts.forEach((part, i) => {
      current += part;
      if (i < parts.length - 1) flush();
    });
  }
  flush();
  return out;
}

/** A table as a Markdown table, its first row the header. */
function tableMarkdown(table: Json): string[] {
  const rows = list(table.tableRows).map((row) => list(row.tableCells));
  if (rows.length === 0) return [];
  const cellText = (cell: Json): string =>
    paragraphs({ shape: cell })
      .map((p) => p.text)
      .join(' ')
      .replace(/\|/g, '\\|')
      .trim();
  const header = (rows[0] ?? []).map(cellText);
  const statusCol = header.findIndex((h) => /^(?:status|state|estado)\b/i.test(h));
  const lines = rows.map((cells, r) =>
    `| ${cells
      .map((cell, c) => {
        const t = cellText(cell);
        return r > 0 && c === statusCol && t.length === 0 ? (fillStatus(cell) ?? '') : t;
      })
      .join(' | ')} |`,
  );
  return [lines[0] ?? '', `|${header.map(() => ' --- |').join('')}`, ...lines.slice(1)];
}

/** The status a cell's background says: green done, yellow/amber in progress, red not started. */
function fillStatus(cell: Json): string | undefined {
  const props = isObject(cell.tableCellProperties) ? cell.tableCellProperties : {};
  const fill = isObject(props.tableCellBackgroundFill) ? props.tableCellBackgroundFill : {};
  const solid = isObject(fill.solidFill) ? fill.solidFill : {};
  const color = isObject(solid.color) && isObject(solid.color.rgbColor) ? solid.color.rgbColor : undefined;
  if (!color) return undefined;
  const [r, g, b] = [Number(color.red ?? 0), Number(color.green ?? 0), Number(color.blue ?? 0)];
  // Slides' light palette: light green (0.78, 0.94, 0.81), light yellow (1, 0.92, 0.61), light red (1, 0.78, 0.81)
  if (g > r + 0.1 && g > b + 0.1) return 'Done';
  if (r > 0.8 && g > 0.7 && b < g - 0.2) return 'In progress';
  if (r > g + 0.15 && r > b + 0.15) return 'Not started';
  return undefined;
}

/** The paragraphs of a slide's speaker notes. */
function speakerNotes(slide: Json): Paragraph[] {
  const props = isObject(slide.slideProperties) ? slide.slideProperties : {};
  const page = isObject(props.notesPage) ? props.notesPage : undefined;
  if (!page) return [];
  const notesProps = isObject(page.notesProperties) ? page.notesProperties : {};
  const id = notesProps.speakerNotesObjectId;
  const shape = list(page.pageElements).find((e) => e.objectId === id);
  return shape ? paragraphs(shape).map((p) => ({ ...p, bullet: undefined })) : [];
}
