/** Org's TODO keywords that close an item, and those that leave it open (the defaults and common extras). */
const DONE_KEYWORDS = new Set(['DONE', 'CANCELED', 'CANCELLED', 'CLOSED', 'FIXED']);
const OPEN_KEYWORDS = new Set(['TODO', 'NEXT', 'WAITING', 'STARTED', 'HOLD', 'OPEN', 'DOING']);

/** Planning lines under a heading (`CLOSED: [2026-05-14 Thu 15:20]`, `SCHEDULED: <…>`): dates, not text. */
const PLANNING = /^\s*(?:(?:CLOSED|SCHEDULED|DEADLINE):\s*[[<][^\]>]*[\]>]\s*)+$/;

/**
 * A postmortem written in Org mode as the Markdown the postmortem reader takes: `#+TITLE:` as the
 * title and the other `#+KEY:` lines as `Key: value` fields; `*` headings one level below the
 * title; a heading with a TODO keyword (`** DONE KON-301 Move notice …`) as a task-list item,
 * done or open; planning lines, property drawers and `#+BEGIN_…` wrappers left out; description
 * items (`- Passengers :: 1,870`) as `Passengers: 1,870`; a table's `|---+---|` rule as a GFM rule;
 * links and emphasis as their text. Hard-wrapped list items keep their indented continuation lines.
 */
export function orgPostmortemMarkdown(text: string): string {
  const out: string[] = [];
  let drawer = false;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (drawer) {
      if (/^\s*:END:\s*$/i.test(line)) drawer = false;
      continue;
    }
    if (/^\s*:(?:PROPERTIES|LOGBOOK):\s*$/i.test(line)) {
      drawer = true;
      continue;
    }
    const keyword = /^#\+([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (keyword) {
      const [, key = '', value = ''] = keyword;
      if (key.toUpperCase() === 'TITLE') out.push(`# ${inline(value)}`, '');
      else if (!['STARTUP', 'OPTIONS', 'FILETAGS', 'SETUPFILE'].includes(key.toUpperCase())) out.push(`${fieldLabel(key)}: ${inline(value)}`, '');
      continue;
    }
    if (/^\s*#\+(?:BEGIN|END)_/i.test(line) || /^#\s/.test(line) || PLANNING.test(line)) continue;
    const heading = /^(\*+)\s+(.*)$/.exec(line);
    if (heading) {
      const [, stars = '*', title = ''] = heading;
      const words = title.split(/\s+/);
      const state = words[0] ?? '';
      const rest = inline(words.slice(1).join(' ').replace(/\s+:[\w@:]+:$/, ''));
      if (DONE_KEYWORDS.has(state)) out.push(`- [x] ${rest}`);
      else if (OPEN_KEYWORDS.has(state)) out.push(`- [ ] ${rest}`);
      else out.push('', `${'#'.repeat(Math.min(stars.length + 1, 6))} ${inline(title.replace(/\s+:[\w@:]+:$/, ''))}`, '');
      continue;
    }
    if (/^\s*\|[-+]+\|?\s*$/.test(line)) {
      out.push(line.replace(/\+/g, '|'));
      continue;
    }
    const description = /^(\s*[-+]\s+)(.*?)\s+::\s+(.*)$/.exec(line);
    if (description) {
      out.push(`${description[1] ?? '- '}${inline(description[2] ?? '')}: ${inline(description[3] ?? '')}`);
      continue;
    }
    out.push(inline(line));
  }
  return `${out.join('\n')}\n`;
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
