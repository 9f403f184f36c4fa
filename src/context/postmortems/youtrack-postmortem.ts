import { htmlPostmortemMarkdown } from './html-postmortem.js';
import { parseJsonOrUndefined } from './postmortem-syntax.js';
import { isPlain } from '../record-fields.js';

type Plain = Record<string, unknown>;

/** The entity types of YouTrack's REST API that hold a write-up: an issue, a knowledge-base article. */
const DOCUMENT_TYPES = new Set(['Issue', 'Article']);
/** Custom field types whose value is a date (epoch milliseconds). */
const DATE_FIELD = /^Date(?:Time)?IssueCustomField$/;

/**
 * Postmortems kept in YouTrack as its REST API returns them (`GET /api/issues?query=…&fields=…`, a
 * JSON array of `Issue`s; `GET /api/issues/{id}`, one; `GET /api/articles/{id}`, a knowledge-base
 * `Article`), each as the Markdown the postmortem reader takes:
 * - the `summary` as the title and `idReadable` (CIERZO-412) as `ID:`;
 * - each custom field as a `Name: value` line (an enum's, state's or version's `name`, a user's
 *   `fullName`, a period's `presentation`, a date's epoch milliseconds as its date; several values
 *   joined), so a field named `Incident` names the incident covered; the tags as `Tags:`;
 * - the `description` (an article's `content`) as it is when it is Markdown (`usesMarkdown`, the
 *   default since YouTrack 2021), else its rendered HTML (`wikifiedDescription`) read as a page;
 * - the subtasks (a `Subtask` link's OUTWARD issues: "parent for") as action items, done when the
 *   subtask is resolved (`resolved` set, or a `State` field whose value `isResolved`);
 * - the comments under a "Comments" heading of their own, each quoted (discussion, not the review).
 * Every entity carries `$type`; one that is no issue or article is not read. Undefined when the JSON
 * holds none.
 */
export function youtrackDocumentsMarkdown(text: string): string[] | undefined {
  const data = parseJsonOrUndefined(text);
  const entities = (Array.isArray(data) ? data : [data]).filter((e): e is Plain => isPlain(e) && typeof e.$type === 'string' && DOCUMENT_TYPES.has(e.$type));
  const documents = entities.filter((e) => typeof e.summary === 'string' && (typeof e.description === 'string' || typeof e.content === 'string' || typeof e.wikifiedDescription === 'string'));
  if (documents.length === 0) return undefined;
  return documents.map(entityMarkdown);
}

function entityMarkdown(entity: Plain): string {
  const fields: string[] = [];
  if (typeof entity.idReadable === 'string') fields.push(`ID: ${entity.idReadable}`);
  for (const field of Array.isArray(entity.customFields) ? entity.customFields.filter(isPlain) : []) {
    const value = fieldValue(field);
    if (typeof field.name === 'string' && value !== undefined) fields.push(`${field.name}: ${value}`);
  }
  const tags = (Array.isArray(entity.tags) ? entity.tags.filter(isPlain) : []).map((t) => t.name).filter((n): n is string => typeof n === 'string');
  if (tags.length > 0) fields.push(`Tags: ${tags.join(', ')}`);
  const out = [`# ${String(entity.summary).trim()}`, '', ...fields.flatMap((f) => [f, '']), body(entity).trim(), ''];
  const subtasks = subtasksOf(entity);
  if (subtasks.length > 0) out.push('## Action items (subtasks)', '', ...subtasks, '');
  const comments = (Array.isArray(entity.comments) ? entity.comments.filter(isPlain) : []).filter((c) => c.deleted !== true && typeof c.text === 'string' && c.text.trim().length > 0);
  if (comments.length > 0) {
    out.push('## Comments', '');
    for (const c of comments) {
      const author = isPlain(c.author) ? (c.author.fullName ?? c.author.name ?? c.author.login) : undefined;
      const head = [typeof author === 'string' ? author : undefined, dateOf(c.created)].filter((p) => p !== undefined).join(', ');
      const quoted = String(c.text)
        .trim()
        .split('\n')
        .map((l) => `> ${l}`.trimEnd());
      out.push(...(head ? [`> ${head}:`, '>'] : []), ...quoted, '');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** The write-up: Markdown as written, or the HTML YouTrack rendered from its older wiki markup. */
function body(entity: Plain): string {
  const written = typeof entity.description === 'string' ? entity.description : typeof entity.content === 'string' ? entity.content : undefined;
  if (entity.usesMarkdown === false && typeof entity.wikifiedDescription === 'string') return htmlPostmortemMarkdown(entity.wikifiedDescription);
  if (written !== undefined) return written.replace(/\r\n?/g, '\n');
  return typeof entity.wikifiedDescription === 'string' ? htmlPostmortemMarkdown(entity.wikifiedDescription) : '';
}

/** A custom field's value as YouTrack shows it, or undefined when it has none. */
function fieldValue(field: Plain): string | undefined {
  const value = field.value;
  if (value === null || value === undefined) return undefined;
  if (typeof field.$type === 'string' && DATE_FIELD.test(field.$type) && typeof value === 'number') {
    return field.$type.startsWith('DateTime') ? new Date(value).toISOString() : dateOf(value);
  }
  const shown = (v: unknown): string | undefined => {
    if (typeof v === 'string') return v.trim().length > 0 ? v.trim() : undefined;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (!isPlain(v)) return undefined;
    const name = [v.presentation, v.fullName, v.name, v.text, v.login].find((n) => typeof n === 'string' && n.trim().length > 0);
    return typeof name === 'string' ? name.trim() : undefined;
  };
  if (Array.isArray(value)) {
    const all = value.map(shown).filter((v): v is string => v !== undefined);
    return all.length > 0 ? all.join(', ') : undefined;
  }
  return shown(value);
}

/** The issue's subtasks as task-list items (`- [x] CIERZO-413 Move the notice …`). */
function subtasksOf(entity: Plain): string[] {
  const links = Array.isArray(entity.links) ? entity.links.filter(isPlain) : [];
  return links
    .filter((l) => isPlain(l.linkType) && /^subtask$/i.test(String(l.linkType.name)) && String(l.direction).toUpperCase() === 'OUTWARD')
    .flatMap((l) => (Array.isArray(l.issues) ? l.issues.filter(isPlain) : []))
    .filter((i) => typeof i.summary === 'string')
    .map((i) => `- [${isResolved(i) ? 'x' : ' '}] ${typeof i.idReadable === 'string' ? `${i.idReadable} ` : ''}${String(i.summary).replace(/\s+/g, ' ').trim()}`);
}

function isResolved(issue: Plain): boolean {
  const state = (Array.isArray(issue.customFields) ? issue.customFields.filter(isPlain) : []).find((f) => f.$type === 'StateIssueCustomField' || f.name === 'State');
  if (state && isPlain(state.value) && typeof state.value.isResolved === 'boolean') return state.value.isResolved;
  return typeof issue.resolved === 'number';
}

function dateOf(ms: unknown): string | undefined {
  return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : undefined;
}
