import { htmlPostmortemMarkdown } from './html-postmortem.js';
import { parseJsonOrUndefined } from './postmortem-syntax.js';
import { isPlain } from '../record-fields.js';

/**
 * A postmortem posted as a Discourse topic, saved as the topic's JSON (`GET /t/{id}.json`:
 * `{ title, post_stream: { posts: [{ post_number, cooked }] } }`), as the Markdown the postmortem
 * reader takes: the topic's title, then its first post (the write-up; the replies are the
 * discussion about it), read from its cooked HTML. Discourse turns every newline of a paragraph
 * into a `<br>`, so one is a space; a heading's anchor link, an emoji image (a status's
 * `:white_check_mark:` before its word) and a quoted reply are left out. Undefined for other JSON.
 */
export function discourseTopicMarkdown(text: string): string | undefined {
  const data = parseJsonOrUndefined(text);
  if (!isPlain(data) || !isPlain(data.post_stream) || !Array.isArray(data.post_stream.posts)) return undefined;
  const posts = data.post_stream.posts.filter((p): p is Record<string, unknown> => isPlain(p) && typeof p.cooked === 'string');
  const first = posts.find((p) => p.post_number === 1) ?? posts[0];
  if (first === undefined) return undefined;
  const html = (first.cooked as string)
    .replace(/<aside\b[^>]*class="[^"]*\bquote\b[^"]*"[^>]*>[\s\S]*?<\/aside>/gi, '')
    .replace(/<a\b[^>]*class="[^"]*\banchor\b[^"]*"[^>]*>\s*<\/a>/gi, '')
    .replace(/<img\b[^>]*class="[^"]*\bemoji\b[^"]*"[^>]*>\s*/gi, '')
    .replace(/\s*<br\s*\/?>\s*/gi, ' ');
  const title = typeof data.title === 'string' ? data.title.trim() : typeof data.fancy_title === 'string' ? data.fancy_title.trim() : '';
  const body = htmlPostmortemMarkdown(html);
  return title.length > 0 && !/^#\s/.test(body) ? `# ${title}\n\n${body}` : body;
}
