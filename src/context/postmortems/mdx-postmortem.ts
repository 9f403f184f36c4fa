import { DONE_VALUE, fieldLabel } from './postmortem-fields.js';
/** An attribute of a JSX element: `name="value"`, `name='value'` or `name={…}` (kept as written). */
const ATTRIBUTE = /([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^{}]*)\})/g;
/** An action item of a list passed to a component: `{ … title: '…', … status: 'done' … }`. */
const ITEM = /\{[^{}]*?\b(?:title|text|summary|description)\s*:\s*(["'])((?:\\.|(?!\1).)*)\1[^{}]*\}/g;
const ITEM_STATUS = /\b(?:status|state)\s*:\s*(["'])([^"']*)\1|\b(?:done|completed)\s*:\s*(true|false)/;

/**
 * A postmortem written in MDX (Docusaurus, Nextra: Markdown with JSX) as the Markdown the postmortem
 * reader takes. Its YAML front matter stays (the reader takes `title` and `incident` from it);
 * `import` / `export` lines and JSX comments (`{/* … *\/}`) go; a self-closing component with
 * attributes (`<IncidentFacts id="NSI-164" severity="Sev 1" … />`) becomes `Label: value` lines;
 * a component given a list of items (`<ActionItems items={[{ title: '…', status: 'done' }, …]} />`)
 * becomes a task list, checked when an item's status says done; the tags of other components
 * (`<Tabs>`, `<TabItem …>`, `<details>`) go and their content stays; an admonition
 * (`:::danger[Customer impact]` … `:::`) becomes its title in bold and its text; MDX's escaped
 * braces (`\{invoice_id\}`) read as braces. Code fences are kept as they are.
 */
export function mdxPostmortemMarkdown(text: string): string {
  const src = text.replace(/\r\n?/g, '\n').replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
  const lines = src.split('\n');
  const out: string[] = [];
  let fence = false;
  let frontMatter = lines[0]?.trim() === '---';
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (frontMatter) {
      out.push(line);
      if (i > 0 && line.trim() === '---') frontMatter = false;
      continue;
    }
    if (/^\s*(?:```|~~~)/.test(line)) fence = !fence;
    if (fence || /^\s*(?:```|~~~)/.test(line)) {
      out.push(line);
      continue;
    }
    if (/^\s*(?:import|export)\s/.test(line)) continue;
    const element = /^\s*<([A-Za-z][\w.]*)(?=[\s/>]|$)/.exec(line);
    if (element) {
      // the whole element's opening tag, over as many lines as it takes
      let tag = line;
      while (!/\/?>\s*$/.test(tag.trim()) && i + 1 < lines.length && !balancedTag(tag)) tag += `\n${lines[(i += 1)] ?? ''}`;
      while (!balancedTag(tag) && i + 1 < lines.length) tag += `\n${lines[(i += 1)] ?? ''}`;
      out.push(...elementLines(tag));
      continue;
    }
    if (/^\s*<\/[A-Za-z][\w.]*>\s*$/.test(line)) continue;
    const admonition = /^\s*:::\s*([a-z]+)?(?:\[([^\]]*)\]|\s+(.+))?\s*$/i.exec(line);
    if (admonition) {
      const title = (admonition[2] ?? admonition[3] ?? '').trim();
      if (title) out.push(`**${title}**`, '');
      continue;
    }
    out.push(line.replace(/\\([{}<>])/g, '$1').replace(/<\/?(?:summary|details|b|strong|em|i|span|div)>/gi, ''));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** True when the JSX opening tag in `tag` is complete: brackets and braces balanced and a closing `>`. */
function balancedTag(tag: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  let escaped = false;
  for (const ch of tag) {
    if (quote) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') depth -= 1;
  }
  return depth === 0 && /\/?>\s*$/.test(tag.trim());
}

/** What a component's opening tag says: its items as a task list, else its string attributes as `Label: value` lines. */
function elementLines(tag: string): string[] {
  const items = [...tag.matchAll(ITEM)];
  if (items.length > 0) {
    return [
      ...items.map((m) => {
        const status = ITEM_STATUS.exec(m[0]);
        const done = DONE_VALUE.test(status?.[2] ?? status?.[3] ?? '');
        return `- [${done ? 'x' : ' '}] ${(m[2] ?? '').replace(/\\(.)/g, '$1')}`;
      }),
      '',
    ];
  }
  const fields = [...tag.matchAll(ATTRIBUTE)].filter((m) => m[2] !== undefined || m[3] !== undefined).map((m) => `${label(m[1] ?? '')}: ${m[2] ?? m[3]}`);
  // a wrapper's attributes (`<TabItem value="et" label="Eastern">`) are no facts of the incident
  return /\/>\s*$/.test(tag.trim()) && fields.length > 0 ? [...fields.flatMap((f) => [f, '']), ''] : [];
}

/** `detectedBy` → "Detected by", `id` → "ID". */
function label(name: string): string {
  return /^id$/i.test(name) ? 'ID' : fieldLabel(name);
}
