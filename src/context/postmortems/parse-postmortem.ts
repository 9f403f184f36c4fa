import type { List, Nodes, RootContent, Table } from 'mdast';
import { ContextInputError } from '../errors.js';
import { lineOf, nodeText, parseMarkdown, splitSections, type MarkdownSection } from './markdown-tree.js';
import type { Postmortem, WhyStep } from './postmortem-types.js';

type SectionKind = 'whys' | 'actions' | 'systemic' | 'lessons' | 'narrative' | 'changes';

const HELP = 'See docs/context.md "Postmortems" for the expected layout';

/**
 * Parse a postmortem written in Markdown. Everything is read from the Markdown syntax tree:
 *
 * - `Incident: INC-…` (a line, or a list item; the label may be bold) names the incident covered;
 *   `ID: PM-…` names the postmortem (else the title's leading id, else the file name);
 * - a "Five Whys" section holds a list of "Why …? Because …" items, a plain list read as a chain
 *   (each item is the cause of the one before), or a table with Why and Because columns;
 * - an "Action Items" section holds task-list items: `- [x]` completed, `- [ ]` (or no box) incomplete,
 *   or a table with the item in one column and a Status column ("Done", "✅", "Closed"… completed);
 * - "Root cause" / "Why" / "What happened" sections are kept as narrative (evidence for anti-patterns),
 *   "What we changed" / "Changes" sections as changes (lessons for derived constraints);
 * - "Systemic Issues" and "Lessons" sections hold list items (or paragraphs).
 *
 * @param text - the Markdown
 * @param file - display path, used in messages and kept as `source`
 * @throws ContextInputError naming the file and line when the incident reference is missing or a
 *   five-whys list/table cannot be read
 */
export function parsePostmortem(text: string, file: string): Postmortem {
  const root = parseMarkdown(text);
  const sections = classifySections(splitSections(root));
  const title = sections.find((s) => s.section.depth > 0)?.section.heading ?? '';
  const fields = readFields(sections.filter((s) => s.kind === undefined).flatMap((s) => s.section.nodes));

  const incidentId = firstWord(fields.get('incident') ?? fields.get('incidentid') ?? fields.get('relatedincident'));
  if (!incidentId) {
    throw new ContextInputError(`${file}: no incident reference`, {
      help: 'Add a line such as `**Incident:** INC-2024-089` near the top of the postmortem',
      file,
    });
  }
  const id =
    firstWord(fields.get('id') ?? fields.get('postmortem') ?? fields.get('postmortemid')) ?? idFromTitle(title) ?? fileStem(file);

  const whys = sections.filter((s) => s.kind === 'whys').flatMap((s) => readWhys(s.section, file));
  const actionSections = sections.filter((s) => s.kind === 'actions');
  const actionNodes = actionSections.length > 0 ? actionSections.flatMap((s) => s.section.nodes) : root.children;
  const items = [
    ...listItemsIn(actionNodes).filter((i) => actionSections.length > 0 || i.checked !== undefined),
    ...actionSections.flatMap((s) => s.section.nodes.filter((n): n is Table => n.type === 'table')).flatMap(actionItemsFromTable),
  ];
  return {
    id,
    incidentId,
    title,
    fiveWhys: whys,
    actionItems: {
      completed: items.filter((i) => i.checked === true).map((i) => i.text),
      incomplete: items.filter((i) => i.checked !== true).map((i) => i.text),
    },
    systemicIssues: entriesOf(sections, 'systemic'),
    lessons: entriesOf(sections, 'lessons'),
    narrative: entriesOf(sections, 'narrative'),
    changes: entriesOf(sections, 'changes'),
    source: file,
  };
}

function classify(heading: string): SectionKind | undefined {
  const h = heading.toLowerCase();
  if (/what (we|was|has) changed|changes? (made|we made)|^changes$|^fix(es)?$|what we fixed/.test(h)) return 'changes';
  if (/\b(five|5) whys\b|\bwhys\b/.test(h)) return 'whys';
  if (/root cause|^why$|what happened|^cause|contributing/.test(h)) return 'narrative';
  if (/action items?|follow[- ]?ups?|remediation|next steps/.test(h)) return 'actions';
  if (/systemic/.test(h)) return 'systemic';
  if (/lessons?/.test(h)) return 'lessons';
  return undefined;
}

/** Give each section a kind; an unrecognised sub-heading stays inside its parent's kind. */
function classifySections(sections: MarkdownSection[]): { section: MarkdownSection; kind: SectionKind | undefined }[] {
  let current: { kind: SectionKind; depth: number } | undefined;
  return sections.map((section) => {
    const kind = classify(section.heading);
    if (kind) current = { kind, depth: section.depth };
    else if (current && section.depth <= current.depth) current = undefined;
    return { section, kind: current?.kind };
  });
}

/** `Label: value` lines from paragraphs and list items; labels lower-cased, letters only. */
function readFields(nodes: RootContent[]): Map<string, string> {
  const fields = new Map<string, string>();
  const lines = nodes.flatMap((n) =>
    n.type === 'paragraph' ? nodeText(n).split('\n') : n.type === 'list' ? n.children.map((i) => nodeText(i)) : [],
  );
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const label = line.slice(0, colon).toLowerCase().replace(/[^a-z]/g, '');
    const value = line.slice(colon + 1).trim();
    if (label.length > 0 && label.length <= 20 && value.length > 0 && !fields.has(label)) fields.set(label, value);
  }
  return fields;
}

function firstWord(value: string | undefined): string | undefined {
  const word = value?.trim().split(/\s+/)[0]?.replace(/[.,;:)\]]+$/, '');
  return word && word.length > 0 ? word : undefined;
}

/** `PM-2024-089: Duplicate payments` → `PM-2024-089`. */
function idFromTitle(title: string): string | undefined {
  const head = title.split(/:|\s[-—–]\s/)[0]?.trim();
  return head && !/\s/.test(head) && /\d/.test(head) ? head : undefined;
}

function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '');
}

interface Item {
  text: string;
  checked: boolean | undefined;
  line: number | undefined;
}

/** Every list item under `nodes` (nested lists flattened), with its own text and checkbox state. */
function listItemsIn(nodes: readonly Nodes[]): Item[] {
  const out: Item[] = [];
  const visitList = (list: List): void => {
    for (const item of list.children) {
      const own = item.children.filter((c) => c.type !== 'list');
      out.push({
        text: own.map((c) => nodeText(c)).join(' ').trim(),
        checked: item.checked ?? undefined,
        line: lineOf(item),
      });
      for (const c of item.children) if (c.type === 'list') visitList(c);
    }
  };
  for (const node of nodes) if (node.type === 'list') visitList(node);
  return out.filter((i) => i.text.length > 0);
}

function entriesOf(sections: { section: MarkdownSection; kind: SectionKind | undefined }[], kind: SectionKind): string[] {
  return sections
    .filter((s) => s.kind === kind)
    .flatMap((s) => {
      const items = listItemsIn(s.section.nodes).map((i) => i.text);
      if (items.length > 0) return items;
      return s.section.nodes.filter((n) => n.type === 'paragraph').map((n) => nodeText(n));
    });
}

function readWhys(section: MarkdownSection, file: string): WhyStep[] {
  const table = section.nodes.find((n): n is Table => n.type === 'table');
  if (table) return whysFromTable(table, file);
  const items = listItemsIn(section.nodes.filter((n) => n.type === 'list'));
  if (items.length === 0) {
    if (section.nodes.length === 0) return [];
    throw new ContextInputError(`${file} line ${section.line ?? '?'} (${section.heading}): expected a list or a table of whys`, {
      help: HELP,
      file,
      line: section.line,
    });
  }
  const split = items.map((i) => splitBecause(i.text));
  const withBecause = split.filter((s) => s !== undefined).length;
  if (withBecause === 0) {
    // A plain list is a causal chain: each item is why the previous one happened.
    return items.slice(0, -1).map((item, i) => ({ why: item.text, because: items[i + 1]?.text ?? '' }));
  }
  return items.map((item, i) => {
    const step = split[i];
    if (!step) {
      throw new ContextInputError(`${file} line ${item.line ?? '?'} (${section.heading} item ${i + 1}): has no "because"`, {
        help: 'Write every item as "Why …? Because …", or write all items as plain statements forming a chain',
        file,
        line: item.line,
      });
    }
    return step;
  });
}

/** `Why did X happen? Because Y.` → `{ why: "Why did X happen?", because: "Y." }`. */
function splitBecause(text: string): WhyStep | undefined {
  const m = /\bbecause\b/i.exec(text);
  if (!m) return undefined;
  const why = text
    .slice(0, m.index)
    .replace(/^\s*why\s*[:\-—–]\s*/i, '')
    .replace(/[\s,;:\-—–]+$/, '')
    .trim();
  const because = text
    .slice(m.index + m[0].length)
    .replace(/^[\s,;:\-—–]+/, '')
    .trim();
  if (why.length === 0 || because.length === 0) return undefined;
  return { why, because: capitalise(because.replace(/[.]+$/, '')) };
}

function whysFromTable(table: Table, file: string): WhyStep[] {
  const [head, ...rows] = table.children;
  const headers = (head?.children ?? []).map((c) => nodeText(c).toLowerCase());
  const whyCol = headers.findIndex((h) => /\bwhy\b/.test(h));
  const becauseCol = headers.findIndex((h) => /because|answer|cause/.test(h));
  if (whyCol < 0 || becauseCol < 0 || whyCol === becauseCol) {
    const line = lineOf(table);
    throw new ContextInputError(`${file} line ${line ?? '?'} (five whys table): needs a "Why" and a "Because" column (got ${headers.join(', ')})`, {
      help: HELP,
      file,
      line,
    });
  }
  return rows
    .map((row) => ({
      why: nodeText(row.children[whyCol] ?? { type: 'text', value: '' }),
      because: nodeText(row.children[becauseCol] ?? { type: 'text', value: '' }),
    }))
    .filter((s) => s.why.length > 0 || s.because.length > 0);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Status cells that mean an action item is finished. */
const DONE_STATUS = /\b(done|complete|completed|closed|fixed|resolved|shipped|merged)\b|✅|✔|☑|\[x\]/i;

/**
 * Action items kept in a Markdown table: the item is the column headed like "Action", "Item",
 * "Task" or "Description" (else the first column that is not a number), the state is the "Status"
 * (or "State", "Done") column. A table without a status column is not an action-item table.
 */
function actionItemsFromTable(table: Table): Item[] {
  const [head, ...rows] = table.children;
  const headers = (head?.children ?? []).map((c) => nodeText(c).toLowerCase().trim());
  const statusCol = headers.findIndex((h) => /^(status|state|done)\b/.test(h));
  if (statusCol < 0) return [];
  let textCol = headers.findIndex((h, i) => i !== statusCol && /action|item|task|description|what|fix/.test(h));
  if (textCol < 0) textCol = headers.findIndex((h, i) => i !== statusCol && h !== '#' && h !== 'no' && h !== 'id');
  if (textCol < 0) return [];
  return rows
    .map((row) => ({
      text: nodeText(row.children[textCol] ?? { type: 'text', value: '' }).trim(),
      checked: DONE_STATUS.test(nodeText(row.children[statusCol] ?? { type: 'text', value: '' })),
      line: lineOf(row),
    }))
    .filter((i) => i.text.length > 0);
}
