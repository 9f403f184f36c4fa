import { markdownTableLines } from './markdown-table.js';
import { parseJsonOrUndefined } from './postmortem-syntax.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * A document as the Google Docs API returns it (`documents.get`: `{ documentId, title, body: {
 * content: [...] } }`) as the Markdown the postmortem reader takes. The body is a list of
 * structural elements: a paragraph is `elements[]` of `textRun`s (a phrase may be split over
 * several runs where its style changes, so runs are joined as they are), `person` chips (their
 * name) and `richLink`s (their title); its `paragraphStyle.namedStyleType` makes it the title
 * (`TITLE`) or a heading (`HEADING_1`… one level below the title); a paragraph with a `bullet` is
 * a list item; a table's cells are its paragraphs joined. A run that links somewhere is a
 * Markdown link (`[Statuspage: …](https://…/incidents/…)`), so a properties row naming the
 * incident by a link keeps the link. Undefined when the JSON is no such document.
 */
export function googleDocMarkdown(text: string): string | undefined {
  const data = parseJsonOrUndefined(text) as Json | undefined;
  if (data === undefined) return undefined;
  if (!isGoogleDoc(data)) return undefined;
  const content = (data.body as JsonObject).content as Json[];
  const out: string[] = [];
  let titled = false;
  for (const element of content) {
    if (!isObject(element)) continue;
    if (isObject(element.paragraph)) {
      const p = element.paragraph;
      const line = paragraphText(p);
      if (line.trim().length === 0) {
        out.push('');
        continue;
      }
      const style = isObject(p.paragraphStyle) ? p.paragraphStyle.namedStyleType : undefined;
      if (style === 'TITLE') {
        out.push('', `# ${oneLine(line)}`, '');
        titled = true;
      } else if (typeof style === 'string' && /^HEADING_[1-6]$/.test(style)) {
        const level = Math.min(Number(style.slice(-1)) + 1, 6);
        out.push('', `${'#'.repeat(level)} ${oneLine(line)}`, '');
      } else if (isObject(p.bullet)) {
        const nesting = typeof p.bullet.nestingLevel === 'number' ? p.bullet.nestingLevel : 0;
        out.push(`${'   '.repeat(nesting)}- ${oneLine(line)}`);
      } else {
        out.push('', line, '');
      }
    } else if (isObject(element.table)) {
      out.push('', ...tableLines(element.table), '');
    }
  }
  if (!titled && typeof data.title === 'string' && data.title.trim().length > 0) out.unshift(`# ${data.title.trim()}`, '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** `{ documentId?, body: { content: [ { paragraph | table | sectionBreak … } ] } }`. */
function isGoogleDoc(data: Json): data is JsonObject {
  if (!isObject(data) || !isObject(data.body) || !Array.isArray(data.body.content)) return false;
  return data.body.content.some((e) => isObject(e) && (isObject(e.paragraph) || isObject(e.sectionBreak)) && typeof e.endIndex === 'number');
}

/** A paragraph's runs as one text: adjacent runs with the same link as one Markdown link; a vertical tab (a soft line break) as a line break. */
function paragraphText(p: JsonObject): string {
  const parts: { text: string; url: string | undefined }[] = [];
  for (const e of Array.isArray(p.elements) ? p.elements : []) {
    if (!isObject(e)) continue;
    let text = '';
    let url: string | undefined;
    if (isObject(e.textRun)) {
      text = typeof e.textRun.content === 'string' ? e.textRun.content : '';
      const style = e.textRun.textStyle;
      const link = isObject(style) && isObject(style.link) ? style.link.url : undefined;
      url = typeof link === 'string' ? link : undefined;
    } else if (isObject(e.person) && isObject(e.person.personProperties)) {
      const name = e.person.personProperties.name ?? e.person.personProperties.email;
      text = typeof name === 'string' ? name : '';
    } else if (isObject(e.richLink) && isObject(e.richLink.richLinkProperties)) {
      const title = e.richLink.richLinkProperties.title;
      text = typeof title === 'string' ? title : '';
    }
    const last = parts.at(-1);
    if (last && last.url === url) last.text += text;
    else parts.push({ text, url });
  }
  return parts
    .map(({ text, url }) => {
      const t = escape(text.replace(/\n$/, '')).replace(/[\u000b\n]/g, '\n');
      return url && t.trim().length > 0 ? `[${t.trim()}](${url.replace(/[()\s]/g, encodeURIComponent)})` : t;
    })
    .join('')
    .replace(/\n+$/, '');
}

/** Characters that are Markdown syntax, escaped so the text reads as written. */
function escape(text: string): string {
  return text.replace(/([\\*_[\]`<])/g, '\\$1').replace(/^(\s*)([#>+-]|\d+[.)])(?=\s)/gm, '$1\\$2');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** A table's rows as a GFM table, the first row as the header; a cell's paragraphs joined by spaces. */
function tableLines(table: JsonObject): string[] {
  const rows = (Array.isArray(table.tableRows) ? table.tableRows : []).filter(isObject).map((row) =>
    (Array.isArray(row.tableCells) ? row.tableCells : []).filter(isObject).map((cell) =>
      (Array.isArray(cell.content) ? cell.content : [])
        .filter(isObject)
        .map((c) => (isObject(c.paragraph) ? oneLine(paragraphText(c.paragraph)) : ''))
        .filter((t) => t.length > 0)
        .join(' '),
    ),
  );
  return markdownTableLines(rows);
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
