/**
 * A postmortem written as Typst source (`.typ`) as the Markdown the postmortem reader takes:
 * - `//` and `/* … *\/` comments, `#import`, `#let` and `#set` lines are left out;
 * - a template's header (`#show: pir.with(title: […], incident: "17735", authors: ("A", "B"))`) is
 *   the title and `Label: value` lines;
 * - `= Heading <label>` is a heading of its level, `+ item` a numbered item, `- item` a bullet;
 * - `*strong*` and `_emph_` are Markdown's, raw `` `…` `` stays, `\$` and the other escapes are
 *   their character, `---` / `--` dashes;
 * - `#table(…)` is a Markdown table (its `table.header(…)` the header row, else its first row),
 *   cells of `columns:` many;
 * - any other function call shows its content (`#callout(kind: "note")[…]`), a call with one string
 *   argument that string (a template's `#status("done")`, `#owner("Name")`), a footnote its content
 *   in brackets; a call with neither (`#v(1em)`) shows nothing.
 * Typst joins a paragraph's source lines, as Markdown does.
 */
export function typstPostmortemMarkdown(source: string): string {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n').filter((line) => !/^\s*(?:\/\/|#(?:import|let|set|include)\b)/.test(line));
  return (
    blocks(lines.join('\n'))
      // Typst joins a paragraph's or a list item's source lines: an indented line goes on its item
      .replace(/\n[ \t]+(?!(?:[-*]|\d+\.)\s)(?=\S)/g, ' ')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** Markup as Markdown: headings and list markers by line, calls and inline markup within. */
function blocks(markup: string): string {
  let out = '';
  let i = 0;
  let lineStart = true;
  while (i < markup.length) {
    const ch = markup[i]!;
    if (lineStart) {
      const rest = markup.slice(i);
      const heading = /^([ \t]*)(=+)[ \t]+([^\n]*)/.exec(rest);
      if (heading) {
        out += `${'#'.repeat(heading[2]!.length)} ${inline(heading[3]!.replace(/\s*<[\w:.-]+>\s*$/, ''))}`;
        i += heading[0].length;
        lineStart = false;
        continue;
      }
      const item = /^([ \t]*)([+-])[ \t]+/.exec(rest);
      if (item && !/^([ \t]*)-{2,}/.test(rest)) {
        out += `${item[1]}${item[2] === '+' ? '1.' : '-'} `;
        i += item[0].length;
        lineStart = false;
        continue;
      }
    }
    if (ch === '#' && /[A-Za-z]/.test(markup[i + 1] ?? '')) {
      let call = readCall(markup, i + 1);
      // `#show: template.with(…)`: the rule's expression follows the colon
      if (call?.name === 'show' && markup[call.end] === ':') {
        const at = call.end + 1 + (/^\s*/.exec(markup.slice(call.end + 1))?.[0].length ?? 0);
        call = readCall(markup, at);
      }
      if (call) {
        out += callMarkdown(call);
        i = call.end;
        lineStart = false;
        continue;
      }
    }
    if (ch === '`') {
      const end = markup.indexOf('`', i + 1);
      if (end > i) {
        out += markup.slice(i, end + 1);
        i = end + 1;
        lineStart = false;
        continue;
      }
    }
    if (ch === '/' && markup[i + 1] === '/' && markup[i - 1] !== ':') {
      // a comment to the end of the line
      const end = markup.indexOf('\n', i);
      i = end < 0 ? markup.length : end;
      continue;
    }
    out += ch;
    lineStart = ch === '\n';
    i += 1;
  }
  return inline(out);
}

/** Inline markup of text already free of calls: strong, emphasis, escapes, dashes; raw kept. */
function inline(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, k) =>
      k % 2 === 1
        ? part
        : part
            .replace(/(^|[^\w*\\])\*(?=\S)([^*\n]+?)\*(?!\w)/g, '$1**$2**')
            .replace(/(^|[^\w\\])_(?=\S)([^_\n]+?)_(?!\w)/g, '$1*$2*')
            .replace(/(?<!\| ?-*)---(?!-* ?\|)/g, '—')
            .replace(/(?<!\| ?-*)--(?!-* ?\|)/g, '–')
            .replace(/\\([$#*_\\`<>@=+\-[\]"~])/g, '$1')
            .replace(/~/g, ' '),
    )
    .join('');
}

interface Call {
  name: string;
  args: string[];
  bodies: string[];
  end: number;
}

/** A function call at `start` (after its `#`): `name.path(args)[body][body]`. */
function readCall(text: string, start: number): Call | undefined {
  const name = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*/.exec(text.slice(start))?.[0];
  if (name === undefined) return undefined;
  let i = start + name.length;
  let args: string[] = [];
  if (text[i] === '(') {
    const close = matching(text, i, '(', ')');
    if (close < 0) return undefined;
    args = splitArgs(text.slice(i + 1, close));
    i = close + 1;
  }
  const bodies: string[] = [];
  while (text[i] === '[') {
    const close = matching(text, i, '[', ']');
    if (close < 0) break;
    bodies.push(text.slice(i + 1, close));
    i = close + 1;
  }
  // `#show: template.with(…)` is a rule, its arguments the document's header
  return { name, args, bodies, end: i };
}

/** The index of the bracket closing the one at `open`, skipping strings, raw text and escapes. */
function matching(text: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (ch === '"' && left === '(') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return -1;
      i = end;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i) i = end;
      continue;
    }
    if (ch === '[' && left === '(') {
      const end = matching(text, i, '[', ']');
      if (end < 0) return -1;
      i = end;
      continue;
    }
    if (ch === left) depth += 1;
    else if (ch === right) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Arguments split at their top-level commas. */
function splitArgs(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < args.length; i++) {
    const ch = args[i]!;
    if (ch === '\\') {
      current += ch + (args[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (ch === '"' || ch === '`') {
      const end = args.indexOf(ch, i + 1);
      const stop = end < 0 ? args.length - 1 : end;
      current += args.slice(i, stop + 1);
      i = stop;
      continue;
    }
    if (ch === '(' || ch === '[') depth += 1;
    if (ch === ')' || ch === ']') depth -= 1;
    if (ch === ',' && depth === 0) {
      if (current.trim().length > 0) out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim().length > 0) out.push(current.trim());
  return out;
}

const NAMED = /^([A-Za-z_][\w-]*)\s*:\s*([\s\S]*)$/;

/** An argument's value as text: content, a string, a tuple of them, a date; undefined for others. */
function valueText(value: string): string | undefined {
  const v = value.trim();
  if (v.startsWith('[') && v.endsWith(']')) return oneLine(blocks(v.slice(1, -1)));
  if (v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\(.)/g, '$1');
  if (v.startsWith('(') && v.endsWith(')')) {
    const items = splitArgs(v.slice(1, -1)).map(valueText);
    return items.every((t) => t !== undefined) ? items.join(', ') : undefined;
  }
  const date = /^datetime\(([\s\S]*)\)$/.exec(v);
  if (date) {
    const parts = Object.fromEntries(splitArgs(date[1]!).map((a) => NAMED.exec(a)).filter((m) => m !== null).map((m) => [m[1]!, m[2]!.trim()]));
    if (parts.year && parts.month && parts.day) return `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  }
  if (v.startsWith('#')) {
    const call = readCall(v, 1);
    if (call) return oneLine(callMarkdown(call));
  }
  return undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function callMarkdown(call: Call): string {
  if (call.name === 'show') return '';
  if (call.name.endsWith('.with')) return headerMarkdown(call.args);
  if (call.name === 'table' || call.name === 'grid') return tableMarkdown(call.args);
  if (call.name === 'footnote') return ` (${call.bodies.map((b) => oneLine(blocks(b))).join(' ')})`;
  if (call.bodies.length > 0) return `\n\n${call.bodies.map((b) => blocks(b).trim()).join('\n\n')}\n\n`;
  const positional = call.args.filter((a) => !NAMED.test(a) || /^"/.test(a));
  if (positional.length === 1) return valueText(positional[0]!) ?? '';
  return '';
}

/** A template rule's arguments (`#show: pir.with(title: […], incident: "17735")`): title and `Label: value` lines. */
function headerMarkdown(args: readonly string[]): string {
  const lines: string[] = [];
  let title: string | undefined;
  for (const arg of args) {
    const m = NAMED.exec(arg);
    if (!m) continue;
    const value = valueText(m[2]!);
    if (value === undefined || value.length === 0) continue;
    if (m[1] === 'title') title = value;
    else lines.push(`${m[1]!.charAt(0).toUpperCase()}${m[1]!.slice(1).replace(/[-_]/g, ' ')}: ${value}`);
  }
  return `${title === undefined ? '' : `# ${title}\n\n`}${lines.join('\n\n')}\n\n`;
}

/** `#table(columns: …, table.header(…), [cell], …)` as a Markdown table. */
function tableMarkdown(args: readonly string[]): string {
  let columns = 1;
  let header: string[] | undefined;
  const cells: string[] = [];
  for (const arg of args) {
    const named = NAMED.exec(arg);
    if (named && !arg.startsWith('[')) {
      if (named[1] === 'columns') {
        const v = named[2]!.trim();
        columns = /^\d+$/.test(v) ? Number(v) : v.startsWith('(') ? splitArgs(v.slice(1, -1)).length : 1;
      }
      continue;
    }
    const call = /^(?:table|grid)\.header\(([\s\S]*)\)$/.exec(arg);
    if (call) {
      header = splitArgs(call[1]!).map((c) => cellText(c));
      continue;
    }
    if (/^(?:table|grid)\.\w+\(/.test(arg)) continue; // hline, vline, cell options
    cells.push(cellText(arg));
  }
  const rows: string[][] = [];
  for (let i = 0; i < cells.length; i += columns) rows.push(cells.slice(i, i + columns));
  const head = header ?? rows.shift();
  if (head === undefined) return '';
  const line = (row: readonly string[]) => `| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return `\n\n${[line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')}\n\n`;
}

function cellText(cell: string): string {
  const v = cell.trim();
  if (v.startsWith('[') && v.endsWith(']')) return oneLine(blocks(v.slice(1, -1)));
  return valueText(v) ?? oneLine(v);
}
