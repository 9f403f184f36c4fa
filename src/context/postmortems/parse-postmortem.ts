import type { List, Nodes, Paragraph, RootContent, Table } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { ContextInputError } from '../errors.js';
import { contextVocabulary } from '../vocabulary/context-vocabulary.js';
import { lineOf, nodeText, parseMarkdown, splitSections, type MarkdownSection } from './markdown-tree.js';
import type { Postmortem, WhyStep } from './postmortem-types.js';

type SectionKind = 'whys' | 'actions' | 'systemic' | 'lessons' | 'narrative' | 'changes';

const HELP = 'See docs/context.md "Postmortems" for the expected layout';

/**
 * Parse a postmortem written in Markdown. Everything is read from the Markdown syntax tree:
 *
 * - `Incident: INC-…` (a line, a list item, a row of a two-column table such as `| Incident |
 *   INC-4102 |`, or a key of YAML front matter; the label may be bold) names the incident covered,
 *   else the title's leading id when it is not a postmortem's own (context vocabulary
 *   `postmortem_id_prefixes`); `ID: PM-…` names the postmortem (else the title's leading id, else
 *   the file name);
 * - a paragraph that opens with a bold label (`**Cause.** …`, `**Lessons**`) or with a short
 *   sentence that names a section ("What we changed. …") starts a section as a heading would;
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
  const { frontMatter, body } = splitFrontMatter(text);
  const root = parseMarkdown(body);
  const sections = classifySections(splitSections(root).flatMap(splitParagraphLeads));
  const title = sections.find((s) => s.section.depth > 0)?.section.heading ?? frontMatter.get('title') ?? '';
  // The header (title and what precedes the first sub-heading) describes the postmortem; a field
  // further down ("Supporting information: - Incident: INC-297, same failure") may name another.
  const firstSub = sections.findIndex((s) => s.section.depth > 1);
  const unclassified = sections.map((s, i) => ({ ...s, header: firstSub < 0 || i < firstSub })).filter((s) => s.kind === undefined);
  const fields = readFields(unclassified.filter((s) => s.header).flatMap((s) => s.section.nodes));
  for (const [label, value] of frontMatter) if (!fields.has(label)) fields.set(label, value);
  const laterFields = readFields(unclassified.filter((s) => !s.header).flatMap((s) => s.section.nodes));
  for (const [label, value] of laterFields) if (!fields.has(label) && !INCIDENT_FIELDS.includes(label)) fields.set(label, value);

  const titleId = idFromTitle(title);
  const prefixes = contextVocabulary().postmortem_id_prefixes.map((p) => p.toLowerCase());
  const titleNamesIncident = titleId !== undefined && !prefixes.some((p) => titleId.toLowerCase().startsWith(`${p}-`));
  const incidentField = (f: Map<string, string>): string | undefined => firstWord(INCIDENT_FIELDS.map((l) => f.get(l)).find((v) => v !== undefined));
  // `Incident: [Statuspage: Gift card redemptions slow](https://…/incidents/v2vd3y1xgq83)`: the
  // field names the incident by its title and links to it; the link's last path segment is its id.
  const named = incidentField(fields);
  const linked = linkedIncidentId(unclassified.filter((s) => s.header).flatMap((s) => s.section.nodes));
  const fieldId = named !== undefined && !/\d/.test(named) && linked !== undefined ? linked : named;
  const incidentId = fieldId ?? (titleNamesIncident ? titleId : bracketedId(title)) ?? incidentField(laterFields);
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
    ...listItemsIn(actionNodes)
      .filter((i) => actionSections.length > 0 || i.checked !== undefined)
      .map(withTrailingStatus),
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
  // A numbered heading ("4. Root cause", "2.1 Lessons") is classified by its words.
  const h = heading.toLowerCase().replace(/^\d+(?:\.\d+)*\.?\s+/, '');
  if (/what (we|was|has) changed|what we('re| are) changing|changes? (made|we made)|^changes$|^fix(es)?$|what we fixed/.test(h)) return 'changes';
  if (/\b(five|5) whys\b|\bwhys\b/.test(h)) return 'whys';
  if (/root cause|^why$|(what|how) (it )?happened|^cause|contributing/.test(h)) return 'narrative';
  // a CAPA list ("Corrective and preventive actions", "Corrective actions"), as quality and IT governance forms name it
  if (/action items?|^actions$|follow[- ]?ups?|remediation|next steps|^(?:corrective|preventive|preventative)\b.*\bactions?$/.test(h)) return 'actions';
  if (/systemic/.test(h)) return 'systemic';
  if (/lessons?|take ?aways?|what we (take|took) away|what we('re| are) taking away|what we learn(ed|t)/.test(h)) return 'lessons';
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

/**
 * `Label: value` lines from paragraphs and list items, and label/value rows of two-column tables
 * (the header row too: `| Incident | INC-4102 |`); labels lower-cased, letters only.
 */
function readFields(nodes: RootContent[]): Map<string, string> {
  const fields = new Map<string, string>();
  const lines = nodes.flatMap((n) =>
    n.type === 'paragraph'
      ? (boldIncidentLine(n) ?? nodeText(n)).split('\n')
      : n.type === 'list'
        ? n.children.map((i) => nodeText(i))
        : n.type === 'table' && n.children.every((row) => row.children.length === 2)
          ? n.children.map((row) => row.children.map((c) => nodeText(c).replaceAll(':', ' ')).join(': '))
          : [],
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

/**
 * YAML front matter (`---` … `---` at the very top) as lower-cased labels of its scalar values, and
 * the Markdown after it with the front matter's lines left blank (so line numbers stay right).
 */
function splitFrontMatter(text: string): { frontMatter: Map<string, string>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  const frontMatter = new Map<string, string>();
  if (!m) return { frontMatter, body: text };
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? '');
  } catch {
    return { frontMatter, body: text }; // not YAML after all: read it as Markdown
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { frontMatter, body: text };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number') frontMatter.set(key.toLowerCase().replace(/[^a-z]/g, ''), String(value));
  }
  return { frontMatter, body: '\n'.repeat(m[0].split('\n').length - 1) + text.slice(m[0].length) };
}

/**
 * A section split where a paragraph opens with a label instead of a heading: bold text
 * (`**Cause.** The queue…`, a lone `**Lessons**`) or a short sentence that names a section kind
 * (`What we changed. The email…`). The label becomes the new section's heading, one level below
 * the section it is in, and the rest of the paragraph its first paragraph.
 */
function splitParagraphLeads(section: MarkdownSection): MarkdownSection[] {
  const out: MarkdownSection[] = [{ ...section, nodes: [] }];
  for (const node of section.nodes) {
    const lead = node.type === 'paragraph' ? paragraphLead(node) : undefined;
    if (!lead) {
      out.at(-1)?.nodes.push(node);
      continue;
    }
    const rest: Paragraph[] = lead.rest.length > 0 ? [{ type: 'paragraph', children: [{ type: 'text', value: lead.rest }], position: node.position }] : [];
    out.push({ heading: lead.label, depth: section.depth + 1, line: lineOf(node), nodes: rest });
  }
  return out.filter((s, i) => i === 0 || s.heading.length > 0);
}

/** Words a paragraph's opening label may have at most. */
const MAX_LEAD_WORDS = 5;

function paragraphLead(p: Paragraph): { label: string; rest: string } | undefined {
  const first = p.children[0];
  const text = nodeText(p);
  if (first?.type === 'strong') {
    const strong = nodeText(first);
    const after = text.slice(strong.length);
    // `**Incident:** INC-1` is a field of the record, not a section; so is `**Incident** INC-1`.
    if (strong.trimEnd().endsWith(':') || after.trimStart().startsWith(':') || boldIncidentLine(p) !== undefined) return undefined;
    const label = strong.replace(/[.]\s*$/, '').trim();
    if (label.length === 0 || label.split(/\s+/).length > MAX_LEAD_WORDS) return undefined;
    return { label, rest: after.replace(/^[\s.]+/, '').trim() };
  }
  const m = /^([^.:!?\n]+)[.:][ \t]*(?:\n|\s)/.exec(text);
  const label = m?.[1]?.trim();
  if (!m || !label || label.split(/\s+/).length > MAX_LEAD_WORDS || classify(label) === undefined) return undefined;
  return { label, rest: text.slice(m[0].length).trim() };
}

function firstWord(value: string | undefined): string | undefined {
  const word = value?.trim().split(/\s+/)[0]?.replace(/[.,;:)\]]+$/, '');
  return word && word.length > 0 ? word : undefined;
}

/**
 * The id an incident field's link points at: the last path segment of the first link in a line or
 * two-column table row labelled like `Incident` (`https://status.example.com/incidents/v2vd3y1xgq83`
 * → `v2vd3y1xgq83`), when it holds a digit as ids do.
 */
function linkedIncidentId(nodes: RootContent[]): string | undefined {
  const rows: Nodes[][] = nodes.flatMap((n): Nodes[][] =>
    n.type === 'paragraph' || n.type === 'listItem'
      ? [[n]]
      : n.type === 'list'
        ? n.children.map((i) => [i])
        : n.type === 'table'
          ? n.children.filter((row) => row.children.length === 2).map((row) => [...row.children])
          : [],
  );
  for (const row of rows) {
    const text = row.map((c) => nodeText(c)).join(': ');
    const colon = text.indexOf(':');
    if (colon <= 0 || !INCIDENT_FIELDS.includes(text.slice(0, colon).toLowerCase().replace(/[^a-z]/g, ''))) continue;
    const url = firstLink(row);
    const segment = url
      ?.replace(/[?#].*$/, '')
      .split('/')
      .filter((p) => p.length > 0)
      .pop();
    if (segment && /\d/.test(segment) && /^[\w.-]+$/.test(segment)) return segment;
  }
  return undefined;
}

function firstLink(nodes: readonly Nodes[]): string | undefined {
  for (const node of nodes) {
    if (node.type === 'link') return node.url;
    if ('children' in node) {
      const found = firstLink(node.children as Nodes[]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A paragraph that opens with a bold incident label and no colon (`**Incident** group/project#170 ·
 * Sev 1`, as a Confluence page's info panel writes it) as the `Incident: …` line it means.
 */
function boldIncidentLine(p: Paragraph): string | undefined {
  const first = p.children[0];
  if (first?.type !== 'strong') return undefined;
  const label = nodeText(first);
  const text = nodeText(p);
  const after = text.slice(label.length);
  if (label.trimEnd().endsWith(':') || after.trimStart().startsWith(':') || after.trim().length === 0) return undefined;
  if (!INCIDENT_FIELDS.includes(label.toLowerCase().replace(/[^a-z]/g, ''))) return undefined;
  return `${label.trim()}: ${after.trim()}`;
}

/** Field labels that name the incident a postmortem covers. */
const INCIDENT_FIELDS = ['incident', 'incidentid', 'relatedincident'];

/** "Postmortem: Duplicate claims (INC-318)" → `INC-318`: a tracker-style key in brackets. */
function bracketedId(title: string): string | undefined {
  return new RegExp(`\\((${TRACKER_KEY})\\)`).exec(title)?.[1];
}

/**
 * A tracker's key: letters, a dash and digits (`INC-4160`, `OG-2207`), or letters run into a long
 * number as ServiceNow writes them (`INC0040702`; four digits or more, so `P1` or `SEV2` is none).
 */
const TRACKER_KEY = '[A-Za-z][A-Za-z0-9]*-\\d[\\w-]*|[A-Za-z]{2,}\\d{4,}';

/** `PM-2024-089: Duplicate payments` → `PM-2024-089`; `PIR INC0042310 - May run` and `PIR - INC0042310 · May run` → `INC0042310`. */
function idFromTitle(written: string): string | undefined {
  const labels = contextVocabulary().postmortem_title_labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // the label before a colon ("Postmortem: INC-244 …"), or before the incident's key ("PIR INC0042310 - …",
  // "PIR - INC-123 · …")
  const title = labels.length > 0 ? written.replace(new RegExp(`^\\s*(?:${labels.join('|')})(?:\\s*:\\s*|\\s+[-—–·|]\\s+(?=(?:${TRACKER_KEY})\\b)|\\s+(?=(?:${TRACKER_KEY})\\b))`, 'i'), '') : written;
  const head = title.split(/:|\s[-—–]\s/)[0]?.trim();
  if (head && !/\s/.test(head) && /\d/.test(head)) return head;
  // "INC-351 co-pay double debits": a tracker-style key (letters, a dash, digits) as the first word
  return new RegExp(`^(${TRACKER_KEY})\\s`).exec(title.trim())?.[1];
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
      // lessons, systemic issues or changes kept in a table (`| # | Lesson | From |`): one per row
      return s.section.nodes.flatMap((n) => (n.type === 'paragraph' ? [nodeText(n)] : n.type === 'table' && kind !== 'narrative' ? tableEntries(n) : []));
    });
}

/** Headers of the column that holds a lesson, a systemic issue or a change. */
const ENTRY_COLUMN = /lesson|learn|take ?away|rule|issue|finding|change|what|description|statement/;

/**
 * The entries of a table of lessons (or systemic issues, or changes): each row's cell in the column
 * headed like "Lesson" (else the column with the most text), a `<br>` in it a line break. Numbers,
 * owners and references in the other columns are not the entry.
 */
function tableEntries(table: Table): string[] {
  const [head, ...rows] = table.children;
  const headers = (head?.children ?? []).map((c) => nodeText(c).toLowerCase().trim());
  const cell = (row: Table['children'][number], i: number): string => nodeText(row.children[i] ?? { type: 'text', value: '' }).trim();
  const named = headers.findIndex((h) => ENTRY_COLUMN.test(h));
  const lengths = headers.map((_, i) => rows.reduce((n, row) => n + cell(row, i).length, 0));
  const column = named >= 0 ? named : lengths.indexOf(Math.max(...lengths));
  return column < 0 ? [] : rows.map((row) => cell(row, column)).filter((t) => t.length > 0);
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

/** A status written at the end of an action item after a dash, bar or bracket: `-- **done** 2026-08-21`, `- done 17 Mar`, `— open`, `(DONE)`. */
const TRAILING_STATUS =
  /\s+(?:--|—|–|-|\||\(|\[)\s*\**\s*(done|complete|completed|closed|fixed|resolved|shipped|merged|open|todo|to do|in progress|not started|pending|blocked|wip)\s*\**\s*(?:\(?\d{4}-\d{2}-\d{2}\)?|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?)?\s*[)\]]?\s*\.?$/i;

/** An action item without a checkbox whose text ends with its status: the status read and cut off. */
function withTrailingStatus(item: Item): Item {
  if (item.checked !== undefined) return item;
  const m = TRAILING_STATUS.exec(item.text);
  if (!m) return item;
  return { ...item, text: item.text.slice(0, m.index).trim(), checked: DONE_STATUS.test(m[1] ?? '') };
}

/** Status cells that mean an action item is finished. */
const DONE_STATUS = /\b(done|complete|completed|closed|fixed|resolved|shipped|merged)\b|✅|✔|☑|\[x\]/i;

/**
 * Action items kept in a Markdown table: the item is the column headed like "Action", "Item",
 * "Task" or "Description" (else the first column that is not a number), the state is the "Status"
 * (or "State", "Done") column, else any other cell saying done. A table with neither a status
 * column nor an action column is not an action-item table.
 */
function actionItemsFromTable(table: Table): Item[] {
  const [head, ...rows] = table.children;
  const headers = (head?.children ?? []).map((c) => nodeText(c).toLowerCase().trim());
  const statusCol = headers.findIndex((h) => /^(status|state|done)\b/.test(h));
  const named = headers.findIndex((h, i) => i !== statusCol && /action|item|task|description|what|fix/.test(h));
  // Without a status column, a table headed "Action item" still lists actions; a cell such as
  // "PHARM-1503 **DONE**" in any other column says it is done.
  if (statusCol < 0 && named < 0) return [];
  const textCol = named >= 0 ? named : headers.findIndex((h, i) => i !== statusCol && h !== '#' && h !== 'no' && h !== 'id');
  if (textCol < 0) return [];
  const cell = (row: Table['children'][number], i: number): string => nodeText(row.children[i] ?? { type: 'text', value: '' });
  return rows
    .map((row) => ({
      text: cell(row, textCol).trim(),
      checked:
        statusCol >= 0 ? DONE_STATUS.test(cell(row, statusCol)) : row.children.some((_, i) => i !== textCol && DONE_STATUS.test(cell(row, i))),
      line: lineOf(row),
    }))
    .filter((i) => i.text.length > 0);
}
