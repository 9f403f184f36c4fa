/** Org's TODO keywords that close an item, and those that leave it open (the defaults and common extras). */
const DONE_KEYWORDS = new Set(['DONE', 'CLOSED', 'FIXED']);
const OPEN_KEYWORDS = new Set(['TODO', 'NEXT', 'WAITING', 'STARTED', 'HOLD', 'OPEN', 'DOING']);
/** Closing keywords that say the item was dropped, not done: it is no action item any more. */
const DROPPED_KEYWORDS = new Set(['CANCELED', 'CANCELLED', 'ABANDONED', 'DROPPED', 'WONTFIX', 'REJECTED']);

/** Planning lines under a heading (`CLOSED: [2026-05-14 Thu 15:20]`, `SCHEDULED: <…>`): dates, not text. */
const PLANNING = /^\s*(?:(?:CLOSED|SCHEDULED|DEADLINE):\s*[[<][^\]>]*[\]>]\s*)+$/;
/**
 * A log line Org adds under a heading when its state changes or a note is taken (`- State "DONE"
 * from "TODO" [2026-08-11 Tue 09:53] \\`, `- Note taken on [...]`, `- Rescheduled from ...`): the
 * item's history, not the document's text; a note's lines follow it, indented.
 */
const LOG_LINE = /^\s*-\s+(?:State\s+"[^"]*"\s+from|Note taken on\s+\[|Rescheduled from\s|Not scheduled, was\s|New deadline from\s|Removed deadline, was\s|Refiled on\s+\[|CLOSING NOTE\s)/;
/** An item of a plain list: `-`, `+`, or a number (`1.`, `1)`); `*` only when indented (at the margin it is a heading). */
const LIST_ITEM = /^(\s*)(?:[-+]|\s\*|\d+[.)])\s+\S/;
/** Property keys that are Org's own bookkeeping, not facts of the document. */
const OWN_PROPERTIES = new Set(['ID', 'CUSTOM_ID', 'VISIBILITY', 'CATEGORY', 'ARCHIVE', 'LOGGING', 'ORDERED', 'COOKIE_DATA', 'EXPORT_FILE_NAME']);

/**
 * A postmortem written in Org mode as the Markdown the postmortem reader takes:
 * - `#+TITLE:` as the title and the other `#+KEY:` lines as `Key: value` fields; `#+TODO:` (and
 *   `#+SEQ_TODO:`, `#+TYP_TODO:`) declare the file's TODO keywords, open before the `|`, done after it;
 * - `*` headings one level below the title; a heading with a TODO keyword (`** DONE KON-301 Move
 *   notice …`) as a task-list item, done or open (its `:tags:` left out); an item closed as
 *   cancelled (`CANCELLED`) was dropped, so it is left out with its text;
 * - planning lines (`CLOSED:`, `DEADLINE:`), the state-change log under a heading and `#` comment
 *   lines left out; a `:PROPERTIES:` drawer's properties as `Key: value` fields (a `:LOGBOOK:` left out);
 * - `#+BEGIN_SRC` / `#+BEGIN_EXAMPLE` blocks as fenced code, `#+BEGIN_QUOTE` as a block quote;
 * - body text indented under its heading (as Org indents it) at the margin, so an indented paragraph
 *   is no code block; list items keep their nesting and hard-wrapped items their continuation lines;
 * - description items (`- Passengers :: 1,870`) as `Passengers: 1,870`; a table's `|---+---|` rule as
 *   a GFM rule; links and emphasis as their text.
 */
export function orgPostmortemMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const keywords = todoKeywords(lines);
  const out: string[] = [];
  let drawer: 'properties' | 'other' | undefined;
  let block: { kind: string; indent: number } | undefined;
  // the heading of a dropped item: its text is left out up to the next heading
  let dropped = false;
  // a state-change log line's indentation: its note's lines are more indented
  let logIndent: number | undefined;
  // the list being read: its first item's indentation (the Markdown margin) and the last item's
  let list: { base: number; item: number } | undefined;
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    if (block) {
      if (/^\s*#\+END_/i.test(line)) {
        if (block.kind === 'SRC' || block.kind === 'EXAMPLE') out.push('```');
        out.push('');
        block = undefined;
      } else if (block.kind === 'SRC' || block.kind === 'EXAMPLE') out.push(line.slice(Math.min(indent, block.indent)));
      else if (block.kind === 'QUOTE') out.push(line.trim().length > 0 ? `> ${inline(line.trim())}` : '>');
      else out.push(inline(line.trim()));
      continue;
    }
    if (drawer) {
      if (/^\s*:END:\s*$/i.test(line)) drawer = undefined;
      else if (drawer === 'properties' && !dropped) {
        const property = /^\s*:([^:\s]+):\s+(\S.*)$/.exec(line);
        if (property && !OWN_PROPERTIES.has((property[1] ?? '').toUpperCase())) out.push(`${fieldLabel((property[1] ?? '').replace(/_/g, ' '))}: ${inline(property[2] ?? '')}`, '');
      }
      continue;
    }
    if (/^\s*:[A-Za-z_-]+:\s*$/.test(line) && !/^\s*:END:\s*$/i.test(line)) {
      drawer = /^\s*:PROPERTIES:\s*$/i.test(line) ? 'properties' : 'other';
      continue;
    }
    const heading = /^(\*+)\s+(.*)$/.exec(line);
    if (heading) {
      const [, stars = '*', title = ''] = heading;
      const words = title.split(/\s+/);
      const state = words[0] ?? '';
      const rest = inline(words.slice(1).join(' ').replace(/\s+:[\w@:]+:$/, ''));
      list = undefined;
      logIndent = undefined;
      dropped = keywords.dropped.has(state);
      if (dropped) continue;
      if (keywords.done.has(state)) out.push(`- [x] ${rest}`);
      else if (keywords.open.has(state)) out.push(`- [ ] ${rest}`);
      else out.push('', `${'#'.repeat(Math.min(stars.length + 1, 6))} ${inline(title.replace(/\s+:[\w@:]+:$/, ''))}`, '');
      continue;
    }
    if (dropped) continue;
    if (logIndent !== undefined) {
      if (line.trim().length > 0 && indent > logIndent) continue;
      logIndent = undefined;
    }
    if (LOG_LINE.test(line)) {
      logIndent = indent;
      continue;
    }
    const keyword = /^\s*#\+([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (keyword) {
      const [, key = '', value = ''] = keyword;
      const upper = key.toUpperCase();
      if (upper === 'TITLE') out.push(`# ${inline(value)}`, '');
      else if (!['STARTUP', 'OPTIONS', 'FILETAGS', 'SETUPFILE', 'TODO', 'SEQ_TODO', 'TYP_TODO'].includes(upper)) out.push(`${fieldLabel(key)}: ${inline(value)}`, '');
      continue;
    }
    const begin = /^\s*#\+BEGIN_([A-Za-z]+)(?:\s+(\S+))?/i.exec(line);
    if (begin) {
      const kind = (begin[1] ?? '').toUpperCase();
      block = { kind, indent };
      list = undefined;
      out.push('');
      if (kind === 'SRC' || kind === 'EXAMPLE') out.push(`\`\`\`${kind === 'SRC' ? (begin[2] ?? '') : ''}`);
      continue;
    }
    if (/^\s*#\+/.test(line) || /^\s*#(?:\s|$)/.test(line) || PLANNING.test(line)) continue;
    if (line.trim().length === 0) {
      out.push('');
      continue;
    }
    if (/^\s*\|/.test(line)) {
      list = undefined;
      out.push(/^\s*\|[-+]+\|?\s*$/.test(line) ? line.trim().replace(/\+/g, '|') : inline(line.trim()));
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (list === undefined || indent < list.base) list = { base: indent, item: indent };
      list.item = indent;
      const description = /^(\s*[-+]\s+)(.*?)\s+::\s+(.*)$/.exec(line);
      const written = description ? `${description[1] ?? '- '}${inline(description[2] ?? '')}: ${inline(description[3] ?? '')}` : inline(line);
      out.push(written.slice(list.base));
      continue;
    }
    if (list !== undefined && indent > list.item) {
      out.push(inline(line.slice(list.base)));
      continue;
    }
    list = undefined;
    out.push(inline(line.trim()));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/**
 * The TODO keywords a file declares (`#+TODO: TODO STARTED | DONE CANCELLED`: open before the bar,
 * closed after it; without a bar the last one closes), added to Org's defaults; a keyword's fast-access
 * key (`TODO(t)`, `DONE(d!)`) is left off. A closing keyword that says the item was dropped is dropped.
 */
function todoKeywords(lines: readonly string[]): { open: Set<string>; done: Set<string>; dropped: Set<string> } {
  const open = new Set(OPEN_KEYWORDS);
  const done = new Set(DONE_KEYWORDS);
  const dropped = new Set(DROPPED_KEYWORDS);
  for (const line of lines) {
    const m = /^\s*#\+(?:SEQ_|TYP_)?TODO:\s*(.*)$/i.exec(line);
    if (!m) continue;
    const words = (m[1] ?? '').split(/\s+/).filter((w) => w.length > 0);
    const bar = words.indexOf('|');
    const name = (w: string): string => w.replace(/\(.*\)$/, '');
    const opening = (bar < 0 ? words.slice(0, -1) : words.slice(0, bar)).map(name);
    const closing = (bar < 0 ? words.slice(-1) : words.slice(bar + 1)).map(name);
    for (const w of opening) open.add(w);
    for (const w of closing) if (!dropped.has(w)) done.add(w);
  }
  return { open, done, dropped };
}

/** Org's inline markup as text: `[[url][description]]` → description, `*b*` `/i/` `=code=` `~code~` → their text. */
function inline(text: string): string {
  return text
    .replace(/\[\[([^\]]*)\]\[([^\]]*)\]\]/g, '$2')
    .replace(/\[\[([^\]]*)\]\]/g, '$1')
    .replace(/(^|[\s(])([*/=~+])(\S(?:.*?\S)?)\2(?=[\s).,;:!?]|$)/g, (_m, before: string, mark: string, inner: string) =>
      mark === '=' || mark === '~' ? `${before}\`${inner}\`` : mark === '*' ? `${before}**${inner}**` : `${before}${inner}`,
    );
}

/** A header key as the postmortem reader's `Label: value` field names it (`TITLE`, `incident` → `Title`, `Incident`). */
export function fieldLabel(key: string): string {
  const lower = key.trim().toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
