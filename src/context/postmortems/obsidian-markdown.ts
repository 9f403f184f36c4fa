/**
 * Markdown as Obsidian (and GitHub's alerts) write it, as the plain Markdown the postmortem reader
 * takes:
 *
 * - a callout, a block quote whose first line is `> [!type] Title` (`[!bug] Root cause`,
 *   `[!tip]- Lessons`, `[!note]` without a title), is a section: a heading one level below the
 *   heading it is under, its title (else its type, "Note") as the heading's text, and its lines
 *   without the quote's `>` prefix, so a list inside it and an item hard-wrapped across its lines
 *   read as they would outside it; what follows the callout under the same heading stays there;
 * - a wikilink `[[page]]`, `[[page|label]]`, `[[page#heading]]` reads as the text it shows, an
 *   embed `![[file]]` as nothing.
 *
 * Code blocks are left as they are. Other Markdown is returned unchanged.
 */
export function obsidianMarkdown(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let fence: string | undefined;
  let heading: { depth: number; line: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      out.push(line);
      continue;
    }
    if (fenceMark !== undefined) {
      fence = fenceMark;
      out.push(line);
      continue;
    }
    const h = /^(#{1,6})\s+\S/.exec(line);
    if (h) heading = { depth: h[1]?.length ?? 1, line: wikilinksAsText(line) };
    const callout = CALLOUT.exec(line);
    if (!callout) {
      out.push(wikilinksAsText(line));
      continue;
    }
    const depth = Math.min(6, (heading?.depth ?? 1) + 1);
    const title = (callout[2] ?? '').trim() || capitalise(callout[1] ?? 'note');
    out.push('', `${'#'.repeat(depth)} ${wikilinksAsText(title)}`, '');
    let j = i + 1;
    for (; j < lines.length && /^\s{0,3}>/.test(lines[j] ?? ''); j++) out.push(wikilinksAsText((lines[j] ?? '').replace(/^\s{0,3}> ?/, '')));
    i = j - 1;
    // text after the callout, before the next heading, belongs to the section the callout was in
    const next = lines.slice(j).findIndex((l) => l.trim().length > 0);
    const following = next < 0 ? undefined : lines[j + next];
    if (heading !== undefined && following !== undefined && !/^#{1,6}\s/.test(following) && !CALLOUT.test(following)) out.push('', heading.line, '');
  }
  return out.join('\n');
}

/** A callout's first line: `> [!type]`, a fold marker (`+`/`-`), then its title. */
const CALLOUT = /^\s{0,3}>\s*\[!([A-Za-z][\w-]*)\][+-]?[ \t]*(.*)$/;

/** `[[page|label]]` → label, `[[page#heading]]` → page, `![[embed]]` → nothing. */
function wikilinksAsText(line: string): string {
  return line
    .replace(/!\[\[[^\]\n]*\]\]/g, '')
    .replace(/\[\[([^\]|\n]*)\|([^\]\n]*)\]\]/g, '$2')
    .replace(/\[\[([^\]#\n]*)(?:#[^\]\n]*)?\]\]/g, '$1');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
