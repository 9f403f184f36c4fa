import { decodeXML } from 'entities';
import { fieldLabel } from './postmortem-fields.js';
import { assertWellFormedXml } from './postmortem-syntax.js';

/** A DXL item: `<item name='Subject'>…</item>`. */
const ITEM = /<item\s+name=(['"])([^'"]+)\1[^>]*>([\s\S]*?)<\/item>/g;

/**
 * A note of a Lotus Notes / HCL Domino database exported as DXL (`<document xmlns=
 * 'http://www.lotus.com/dxl' form='PIR'>`, Domino's "Export as DXL") as the Markdown the postmortem
 * reader takes. The `Subject` item is the title; the other short text items (`IncidentRef`,
 * `Severity`, `ReviewStatus`, a date) become `Label: value` lines, names and reader groups
 * (`CN=…/O=…`, `[PIR_Readers]`) and `$` items (attachments, revisions) left out; the largest
 * rich-text item is the review's text (a second one, such as a board's approval remark, is not):
 * each paragraph (`<par def='n'>`) is its runs' text joined, as a heading when all of it is bold
 * in a larger font, as a bullet or numbered item when its paragraph definition says `list=`;
 * a table becomes a Markdown table. Undefined for XML that is no DXL note.
 */
export function dxlPostmortemMarkdown(xml: string): string | undefined {
  if (!/<document\b[^>]*xmlns=(['"])http:\/\/www\.lotus\.com\/dxl\1/.test(xml)) return undefined;
  assertWellFormedXml(xml, 'DXL');
  const items = [...xml.matchAll(ITEM)].map((m) => ({ name: m[2] ?? '', body: m[3] ?? '' }));
  const title = items.find((i) => /^subject$/i.test(i.name));
  const out: string[] = [];
  if (title) out.push(`# ${plain(title.body)}`, '');
  for (const item of items) {
    if (item === title || item.name.startsWith('$') || /<richtext\b/.test(item.body)) continue;
    const value = /<datetime\b/.test(item.body) ? notesDate(plain(item.body)) : [...item.body.matchAll(/<text>([\s\S]*?)<\/text>/g)].map((m) => plain(m[1] ?? '')).filter((t) => !/^CN=|^\[.*\]$/.test(t)).join(', ');
    if (value.length > 0 && value.length <= 120) out.push(`${fieldLabel(item.name)}: ${value}`, '');
  }
  const rich = items.filter((i) => /<richtext\b/.test(i.body)).sort((a, b) => b.body.length - a.body.length)[0];
  if (rich) out.push(...richTextLines(rich.body));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** The paragraphs and tables of a rich-text item as Markdown lines. */
function richTextLines(body: string): string[] {
  const lists = new Map<string, string>();
  for (const m of body.matchAll(/<pardef\b[^>]*\bid=(['"])([^'"]+)\1[^>]*>/g)) {
    const list = /\blist=(['"])([^'"]+)\1/.exec(m[0])?.[2];
    if (list) lists.set(m[2] ?? '', list);
  }
  const out: string[] = [];
  let number = 0;
  // tables first become placeholders so that their paragraphs are not read as the body's
  const tables: string[][] = [];
  const flat = body.replace(/<table\b[\s\S]*?<\/table>/g, (table) => {
    const rows = [...table.matchAll(/<tablerow\b[^>]*>([\s\S]*?)<\/tablerow>/g)].map((r) => [...(r[1] ?? '').matchAll(/<tablecell\b[^>]*>([\s\S]*?)<\/tablecell>/g)].map((c) => paragraphs(c[1] ?? '').map((p) => p.text).join(' ').replace(/\|/g, '\\|')));
    const lines = rows.flatMap((cells, i) => [`| ${cells.join(' | ')} |`, ...(i === 0 ? [`|${cells.map(() => '---').join('|')}|`] : [])]);
    tables.push(['', ...lines, '']);
    return `<par def='__table${tables.length - 1}'></par>`;
  });
  for (const p of paragraphs(flat)) {
    const table = /^__table(\d+)$/.exec(p.def)?.[1];
    if (table !== undefined) {
      out.push(...(tables[Number(table)] ?? []));
      number = 0;
      continue;
    }
    if (p.text.length === 0) continue;
    const list = lists.get(p.def);
    if (list === 'number') out.push(`${(number += 1)}. ${p.text}`);
    else {
      number = 0;
      if (list) out.push(`- ${p.text}`);
      else if (p.heading) out.push('', `## ${p.text.replace(/^\d+\.\s+/, '')}`, '');
      else out.push('', p.text, '');
    }
  }
  return out;
}

/** The paragraphs of rich text: their definition, their runs' text, and whether all of it is bold in a font of 12pt or more. */
function paragraphs(xml: string): { def: string; text: string; heading: boolean }[] {
  return [...xml.matchAll(/<par\b([^>]*)>([\s\S]*?)<\/par>/g)].map((m) => {
    const def = /\bdef=(['"])([^'"]*)\1/.exec(m[1] ?? '')?.[2] ?? '';
    const inner = m[2] ?? '';
    const fonts = [...inner.matchAll(/<font\b[^>]*>/g)].map((f) => f[0]);
    const heading = fonts.length > 0 && fonts.every((f) => /style=(['"])[^'"]*bold/.test(f) && Number(/size=(['"])(\d+(?:\.\d+)?)pt/.exec(f)?.[2] ?? 0) >= 12);
    const text = plain(inner.replace(/<break\s*\/>/g, ' ')).replace(/\s+/g, ' ').trim();
    return { def, text, heading };
  });
}

/** Text of an XML fragment: tags out, entities decoded. */
function plain(xml: string): string {
  return decodeXML(xml.replace(/<[^>]+>/g, '')).trim();
}

/** A Notes datetime (`20260306T042000,00-05`) as an ISO date and time. */
function notesDate(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:,\d+)?([+-]\d{2})?)?/.exec(value);
  if (!m) return value;
  return m[4] ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ? `${m[7]}:00` : ''}` : `${m[1]}-${m[2]}-${m[3]}`;
}

