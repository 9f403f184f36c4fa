import { parseJsonOrUndefined } from './postmortem-syntax.js';

type Message = Record<string, unknown>;

/** A line that is only a bold phrase in Slack's mrkdwn (`*What happened*`), maybe after an emoji. */
const BOLD_LINE = /^(?::[a-z0-9_+-]+:\s*)*\*([^*\n]+)\*\s*$/;
/** A list item that opens with its status (`:white_check_mark: Done - …`, `In progress – …`). */
const STATUS_ITEM = /^(\s*(?:[-*•◦]|\d+[.)])\s+)(?::[a-z0-9_+-]+:\s*)*(done|complete|completed|closed|fixed|shipped|merged|in progress|not started|open|todo|to do|blocked|pending)\s*(?:-|–|—|:)\s+/i;
const DONE = /^(?:done|complete|completed|closed|fixed|shipped|merged)$/i;

/**
 * A Slack export's day file of a channel (a JSON array of messages: `type: "message"`, `ts`, joins,
 * bot posts, pins, thread replies) that holds a write-up, as Markdown: the write-up is the pinned
 * message with the most section lines (a line that is only a bold phrase, `*What happened*`), else
 * the message with the most; a day file with no message of two such lines holds no postmortem
 * (undefined). Its text is Slack's mrkdwn (the `blocks` rich text when the text is empty): the first
 * line is the title, a bold-only line a section heading, `*bold*` bold, `<@U…>` a mention,
 * `<url|label>` its label, `&amp;` `&lt;` `&gt;` their characters, `•` a list item; a list item
 * that opens with a status (an emoji and "Done - …") is a task-list item, checked when done. The
 * thread's replies are discussion, not the write-up, and are left out.
 */
export function slackExportPostmortemMarkdown(text: string): string | undefined {
  const data = parseJsonOrUndefined(text);
  if (!isSlackDayFile(data)) return undefined;
  const scored = data
    .map((m) => ({ m, text: messageText(m), pinned: Array.isArray(m.pinned_to) && m.pinned_to.length > 0 }))
    .map((x) => ({ ...x, sections: x.text.split('\n').filter((l) => BOLD_LINE.test(l.trim())).length }))
    .filter((x) => x.sections >= 2);
  if (scored.length === 0) return undefined;
  const best = scored.sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.sections - a.sections || b.text.length - a.text.length)[0]!;
  return mrkdwnMarkdown(best.text);
}

function isSlackDayFile(data: unknown): data is Message[] {
  return (
    Array.isArray(data) &&
    data.length > 0 &&
    data.every((m) => m !== null && typeof m === 'object' && !Array.isArray(m) && typeof (m as Message).ts === 'string') &&
    data.some((m) => (m as Message).type === 'message')
  );
}

/** A message's text: its mrkdwn `text`, else its rich-text blocks as mrkdwn. */
function messageText(m: Message): string {
  if (typeof m.text === 'string' && m.text.trim().length > 0) return m.text;
  return Array.isArray(m.blocks) ? m.blocks.map(blockText).join('\n') : '';
}

/** A rich-text block's text: sections joined, list items as `•` lines, code and bold styled. */
function blockText(block: unknown): string {
  if (block === null || typeof block !== 'object') return '';
  const b = block as Record<string, unknown>;
  const elements = Array.isArray(b.elements) ? b.elements : [];
  switch (b.type) {
    case 'rich_text':
      return elements.map(blockText).join('');
    case 'rich_text_section':
    case 'rich_text_preformatted':
    case 'rich_text_quote':
      return `${elements.map(inlineText).join('')}\n`;
    case 'rich_text_list':
      return elements.map((e, i) => `${b.style === 'ordered' ? `${i + 1}.` : '•'} ${elements.length > 0 ? inlineText(e) : ''}`.trimEnd()).join('\n') + '\n';
    default:
      return typeof b.text === 'string' ? `${b.text}\n` : '';
  }
}

function inlineText(element: unknown): string {
  if (element === null || typeof element !== 'object') return '';
  const e = element as Record<string, unknown>;
  if (Array.isArray(e.elements)) return e.elements.map(inlineText).join('');
  const style = (e.style ?? {}) as Record<string, unknown>;
  let t = '';
  if (e.type === 'text' && typeof e.text === 'string') t = e.text;
  else if (e.type === 'link') t = typeof e.text === 'string' ? e.text : String(e.url ?? '');
  else if (e.type === 'user') t = `@${String(e.user_id ?? '')}`;
  else if (e.type === 'emoji') t = `:${String(e.name ?? '')}:`;
  if (t.length === 0) return '';
  if (style.code) return `\`${t}\``;
  if (style.bold) return `*${t}*`;
  return t;
}

/** Slack's mrkdwn as Markdown. */
function mrkdwnMarkdown(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/<@([A-Z0-9]+)(?:\|([^>]+))?>/g, (_, id: string, name?: string) => `@${name ?? id}`)
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<(?:https?|mailto):[^|>]+\|([^>]+)>/g, '$1')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .split('\n');
  const out: string[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    const bold = BOLD_LINE.exec(line.trim());
    if (i === 0 || (out.length === 0 && line.trim().length > 0)) {
      out.push(`# ${(bold?.[1] ?? line.replace(/^(?::[a-z0-9_+-]+:\s*)+/, '')).trim()}`, '');
      return;
    }
    if (bold) {
      out.push('', `## ${bold[1]!.trim()}`, '');
      return;
    }
    let md = line.replace(/^(\s*)[•◦]\s+/, '$1- ');
    const status = STATUS_ITEM.exec(md);
    if (status) md = `- [${DONE.test(status[2] ?? '') ? 'x' : ' '}] ${md.slice(status[0].length)}`;
    // *bold* (not a list marker) as Markdown's **bold**; _italic_ and ~strike~ stay as they are
    md = md.replace(/(^|[\s(])\*(?!\s)([^*\n]+?)\*(?=[\s).,;:!?]|$)/g, '$1**$2**');
    out.push(md);
  });
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
