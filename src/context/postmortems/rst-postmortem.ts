/** Characters reStructuredText underlines (and overlines) section titles with. */
const ADORNMENT = /^([=\-~^"'`#*+<>:._])\1{2,}\s*$/;

/** Directives whose body is text a reader sees (an admonition); any other directive's body is left out. */
const ADMONITIONS = new Set(['note', 'warning', 'important', 'tip', 'hint', 'attention', 'caution', 'danger', 'error', 'admonition']);

/**
 * A postmortem written in reStructuredText as the Markdown the postmortem reader takes: section
 * titles (underlined, or over- and underlined) as headings, levels in the order their adornment
 * styles first appear; a field list (`:Incident: OG-2391`) as `Incident: OG-2391` lines; bullet and
 * enumerated lists with their indented, hard-wrapped continuation lines joined; directives
 * (`.. contents::`) and comments left out, an admonition's text kept; literal blocks (`::`) as
 * code; inline markup (``code``, `text <url>`_, :role:`text`) as text.
 */
export function rstPostmortemMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const styles: string[] = [];
  const level = (style: string): number => {
    if (!styles.includes(style)) styles.push(style);
    return Math.min(styles.indexOf(style) + 1, 6);
  };
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    const trimmed = line.trim();
    // Over- and underlined title: adornment, text, the same adornment.
    if (ADORNMENT.test(trimmed) && (lines[i + 1] ?? '').trim() !== '' && (lines[i + 2] ?? '').trim() === trimmed) {
      out.push('', `${'#'.repeat(level(`over${trimmed[0] ?? ''}`))} ${inline((lines[i + 1] ?? '').trim())}`, '');
      i += 3;
      continue;
    }
    if (trimmed !== '' && !/^\s/.test(line) && ADORNMENT.test(next.trim()) && next.trim().length >= trimmed.length) {
      out.push('', `${'#'.repeat(level(next.trim()[0] ?? ''))} ${inline(trimmed)}`, '');
      i += 2;
      continue;
    }
    const directive = /^(\s*)\.\.\s+(?:([\w:-]+)::)?(.*)$/.exec(line);
    if (directive) {
      const end = indentedBlockEnd(lines, i + 1, (directive[1] ?? '').length);
      const name = (directive[2] ?? '').toLowerCase();
      if (ADMONITIONS.has(name)) out.push('', inline([directive[3] ?? '', ...lines.slice(i + 1, end)].map((l) => l.trim()).filter((l) => l.length > 0 && !/^:[\w-]+:/.test(l)).join(' ')), '');
      i = end;
      continue;
    }
    const field = /^:([^:]+):\s*(.*)$/.exec(line);
    if (field) {
      out.push(`${field[1]?.trim()}: ${inline(field[2] ?? '')}`, '');
      i++;
      continue;
    }
    const item = /^(\s*)([-*+•]|\d+[.)]|#[.)]|\(\d+\)|[a-z][.)])\s+(.*)$/.exec(line);
    if (item) {
      // The item's text runs on over its indented lines up to a blank line or the next item.
      const indent = (item[1] ?? '').length;
      let body = item[3] ?? '';
      let j = i + 1;
      while (j < lines.length && (lines[j] ?? '').trim() !== '' && indentOf(lines[j] ?? '') > indent && !/^\s*([-*+•]|\d+[.)]|#[.)])\s+/.test(lines[j] ?? '')) {
        body += ` ${(lines[j] ?? '').trim()}`;
        j++;
      }
      const ordered = !/^[-*+•]$/.test(item[2] ?? '');
      out.push(`${' '.repeat(indent)}${ordered ? '1.' : '-'} ${inline(body.trim())}`);
      i = j;
      continue;
    }
    if (trimmed.endsWith('::') && trimmed !== '::') {
      // A paragraph ending in "::" introduces a literal block.
      out.push(inline(trimmed.slice(0, -1)));
      i++;
      continue;
    }
    out.push(inline(line.replace(/^\s+/, '')));
    i++;
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The line after a block indented deeper than `indent` (blank lines inside it included). */
function indentedBlockEnd(lines: readonly string[], from: number, indent: number): number {
  let j = from;
  while (j < lines.length && ((lines[j] ?? '').trim() === '' || indentOf(lines[j] ?? '') > indent)) {
    if ((lines[j] ?? '').trim() === '' && (lines[j + 1] === undefined || ((lines[j + 1] ?? '').trim() !== '' && indentOf(lines[j + 1] ?? '') <= indent))) break;
    j++;
  }
  return j;
}

/** Inline reStructuredText as Markdown text. */
function inline(text: string): string {
  return text
    .replace(/``([^`]+)``/g, '`$1`')
    .replace(/`([^`<]+?)\s*<[^>]+>`__?/g, '$1')
    .replace(/:[\w-]+:`([^`]+)`/g, '$1')
    .replace(/`([^`]+)`__?/g, '$1')
    .replace(/\|([\w -]+)\|/g, '$1');
}
