import PostalMime from 'postal-mime';
import { QUOTE_START, withoutSignature } from '../text/quoted-reply.js';
import { markdownTableLines } from './markdown-table.js';
import { htmlPostmortemMarkdown } from './html-postmortem.js';
import { c1AsWindows1252 } from '../text/decode-text.js';

/**
 * `Re:`, `Fwd:`, `AW:`… before a subject: a reply or a forward, not part of its title; and a
 * mailing list's or a sender's `[tag]` (`[postmortem] FH-377 …`).
 */
const REPLY_PREFIX = /^\s*(?:(?:re|fwd?|aw|wg|sv|vs)\s*(?:\[\d+\])?\s*:\s*|\[[^\]\n]{1,40}\]\s*)+/i;


/** A MIME part (or the whole message) whose content type is HTML. */
const HTML_PART = /^content-type:[ \t]*text\/html\b/im;

/**
 * A postmortem sent as an email (`.eml`, RFC 822/MIME) as the Markdown the postmortem reader takes:
 * the subject (RFC 2047 encoded words decoded, without `Re:`/`Fwd:` or a list's `[tag]`) as the
 * title, then the body, MIME decoded (quoted-printable, base64, its charset):
 * - when the message has an HTML part of its own (a mail client's `multipart/alternative` of
 *   text/plain and text/html), the HTML, read as a page is (`htmlPostmortemMarkdown`): it is what
 *   the sender wrote, with its headings, lists and tables (an action-items table with a Status
 *   column), where the plain alternative is a rendering of it; the quoted earlier message and the
 *   signature a mail client adds are left out;
 * - else the plain text (`plainTextPostmortemMarkdown`): a line in capitals on its own ("WHAT WE'RE
 *   CHANGING") or a line in `*bold*` on its own (as a mail client writes a bold heading as text)
 *   is a section heading, the quoted earlier message a reply carries and the signature after the
 *   `-- ` line are left out.
 * Attachments (a CSV of the affected records) are not the write-up.
 */
export async function emailPostmortemMarkdown(raw: string): Promise<string> {
  const email = await PostalMime.parse(raw);
  const title = (email.subject ?? '').replace(REPLY_PREFIX, '').trim();
  if (email.html !== undefined && HTML_PART.test(raw)) {
    const body = htmlPostmortemMarkdown(email.html).trim();
    if (body.length > 0) return `${title.length > 0 ? `# ${title}\n\n` : ''}${body}\n`;
  }
  return plainTextPostmortemMarkdown(withoutSignature(email.text ?? ''), title);
}


/**
 * A Word document saved as a "Single File Web Page" (`.mht`, `.mhtml`: a MIME multipart/related
 * message whose first part is the page's HTML, quoted-printable in the document's code page, e.g.
 * windows-1252, with the images as further parts) as the Markdown the postmortem reader takes: the
 * HTML part, MIME decoded, read as an exported page (`htmlPostmortemMarkdown`). Undefined when the
 * file holds no HTML part.
 */
export async function webArchivePostmortemMarkdown(raw: string): Promise<string | undefined> {
  const archive = await PostalMime.parse(raw);
  // Node decodes the part's windows-1252 as latin1: its smart quotes and dashes are C1 controls
  return archive.html === undefined ? undefined : htmlPostmortemMarkdown(c1AsWindows1252(archive.html));
}

/**
 * A postmortem written as plain text (an email's body, a `.txt` write-up) as Markdown: a line in
 * capitals on its own is a section heading, and a quoted earlier message is left out. Rows of
 * tab-separated cells (a table as Google Docs' "Plain text" download writes it) are a table, the
 * first row its header. A text with no capital headings and no title of its own is laid out as a
 * document is downloaded as text (`documentHeadings`): its first line is the title and a short line
 * after a blank line that text follows at once is a heading.
 */
export function plainTextPostmortemMarkdown(text: string, title = ''): string {
  const body = tabTables(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const lines: string[] = [];
  for (const line of body.split('\n')) {
    if (QUOTE_START.some((re) => re.test(line.trim()))) break;
    lines.push(line);
  }
  // A trailing block of `>` lines is a quote without an "On … wrote:" line.
  while (lines.length > 0 && /^\s*(>|$)/.test(lines.at(-1) ?? '')) lines.pop();
  const capitals = lines.map((line, i) => isCapitalHeading(line, lines[i - 1], lines[i + 1]));
  const bold = lines.map((line, i) => boldHeading(line, lines[i - 1], lines[i + 1]));
  if (title.length === 0 && !capitals.some(Boolean) && !bold.some((b) => b !== undefined)) return documentHeadings(lines);
  const markdown = lines.map((line, i) => (capitals[i] ? `## ${line.trim()}` : bold[i] !== undefined ? `## ${bold[i]}` : line)).join('\n');
  return `${title.length > 0 ? `# ${title}\n\n` : ''}${markdown}\n`;
}

/**
 * A text laid out as a word processor downloads a document as plain text: the first line is the
 * title, and a short line (at most 80 characters, not ending like a sentence or a list item) after
 * a blank line, with text on the very next line, is a section heading ("What happened", "Lessons
 * (pasted from the review notes)"). Everything else is kept; `*` bullets and `1.` items are
 * Markdown already.
 */
function documentHeadings(lines: readonly string[]): string {
  const first = lines.findIndex((l) => l.trim().length > 0);
  const out = lines.map((line, i) => {
    const t = line.trim();
    if (i === first) return /^#/.test(t) ? line : `# ${t}`;
    const before = lines[i - 1] ?? '';
    const after = lines[i + 1] ?? '';
    const heading =
      t.length > 0 &&
      t.length <= 80 &&
      before.trim() === '' &&
      (after.trim().length > 0 || /^\|/.test((lines[i + 2] ?? '').trim())) &&
      !/[.,;:!?]$/.test(t) &&
      !/^([-*+>|#]|\d+[.)]\s)/.test(t);
    return heading ? `## ${t}` : line;
  });
  return `${out.join('\n')}\n`;
}

/**
 * Runs of two or more lines with the same number of tabs (at least one) as Markdown tables, the
 * first line the header: a table a document export flattened to tab-separated rows.
 */
function tabTables(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  const tabs = (l: string): number => (l.match(/\t/g) ?? []).length;
  for (let i = 0; i < lines.length; i++) {
    const n = tabs(lines[i] ?? '');
    let end = i;
    while (n > 0 && end + 1 < lines.length && tabs(lines[end + 1] ?? '') === n) end++;
    if (n === 0 || end === i) {
      out.push(lines[i] ?? '');
      continue;
    }
    if (out.length > 0 && (out.at(-1) ?? '').trim() !== '') out.push('');
    out.push(...markdownTableLines(lines.slice(i, end + 1).map((l) => l.split('\t').map((c) => c.trim()))), '');
    i = end;
  }
  return out.join('\n');
}

/**
 * The heading a short line written in `*bold*` on its own between blank lines says ("*Summary*",
 * "*Why did it happen?*"): a mail client's plain-text rendering of a bold heading.
 */
function boldHeading(line: string, before: string | undefined, after: string | undefined): string | undefined {
  const m = /^\s*\*([^*\s][^*\n]{0,58}[^*\s]|[^*\s])\*\s*$/.exec(line);
  if (!m?.[1]) return undefined;
  return (before === undefined || before.trim() === '') && (after === undefined || after.trim() === '') ? m[1].trim() : undefined;
}

/** A short line in capitals between blank lines ("IMPACT", "WHAT HAPPENED"). */
function isCapitalHeading(line: string, before: string | undefined, after: string | undefined): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > 60 || !/[A-Z]/.test(t) || /[a-z]/.test(t)) return false;
  if (!/^[A-Z0-9][A-Z0-9 '’&/,:()-]*$/.test(t)) return false;
  return (before === undefined || before.trim() === '') && (after === undefined || after.trim() === '');
}
