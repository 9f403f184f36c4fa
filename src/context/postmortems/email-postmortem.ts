import PostalMime from 'postal-mime';
import { QUOTE_START } from '../text/quoted-reply.js';

/**
 * `Re:`, `Fwd:`, `AW:`… before a subject: a reply or a forward, not part of its title; and a
 * mailing list's or a sender's `[tag]` (`[postmortem] FH-377 …`).
 */
const REPLY_PREFIX = /^\s*(?:(?:re|fwd?|aw|wg|sv|vs)\s*(?:\[\d+\])?\s*:\s*|\[[^\]\n]{1,40}\]\s*)+/i;


/**
 * A postmortem sent as an email (`.eml`, RFC 822/MIME) as the Markdown the postmortem reader takes:
 * the subject (without `Re:`/`Fwd:`) as the title, the plain-text body (MIME decoded; an HTML-only
 * message as its text), a line written in capitals on its own ("WHAT WE'RE CHANGING") as a section
 * heading, and the quoted earlier message a reply carries left out.
 */
export async function emailPostmortemMarkdown(raw: string): Promise<string> {
  const email = await PostalMime.parse(raw);
  const title = (email.subject ?? '').replace(REPLY_PREFIX, '').trim();
  return plainTextPostmortemMarkdown(email.text ?? '', title);
}

/**
 * A postmortem written as plain text (an email's body, a `.txt` write-up) as Markdown: a line in
 * capitals on its own is a section heading, and a quoted earlier message is left out.
 */
export function plainTextPostmortemMarkdown(text: string, title = ''): string {
  const body = text.replace(/\r\n?/g, '\n');
  const lines: string[] = [];
  for (const line of body.split('\n')) {
    if (QUOTE_START.some((re) => re.test(line.trim()))) break;
    lines.push(line);
  }
  // A trailing block of `>` lines is a quote without an "On … wrote:" line.
  while (lines.length > 0 && /^\s*(>|$)/.test(lines.at(-1) ?? '')) lines.pop();
  const markdown = lines.map((line, i) => (isCapitalHeading(line, lines[i - 1], lines[i + 1]) ? `## ${line.trim()}` : line)).join('\n');
  return `${title.length > 0 ? `# ${title}\n\n` : ''}${markdown}\n`;
}

/** A short line in capitals between blank lines ("IMPACT", "WHAT HAPPENED"). */
function isCapitalHeading(line: string, before: string | undefined, after: string | undefined): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > 60 || !/[A-Z]/.test(t) || /[a-z]/.test(t)) return false;
  if (!/^[A-Z0-9][A-Z0-9 '’&/,:()-]*$/.test(t)) return false;
  return (before === undefined || before.trim() === '') && (after === undefined || after.trim() === '');
}
