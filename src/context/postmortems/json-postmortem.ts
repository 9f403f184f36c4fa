import { DONE_VALUE, fieldLabel } from './postmortem-fields.js';
import { displayValue } from '../record-fields.js';
import { parseJsonOrUndefined, PostmortemSyntaxError } from './postmortem-syntax.js';
import { parseYamlSource } from '../../yaml-source.js';
import { contextVocabulary } from '../vocabulary/context-vocabulary.js';
import { isProseMirrorDoc, prosemirrorMarkdown } from './prosemirror-markdown.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Keys that hold the postmortem's title, its own reference, and the incident it covers (first present wins). */
const TITLE_KEYS = ['title', 'name', 'headline', 'summary_title'];
const ID_KEYS = ['reference', 'ref', 'key', 'number', 'id'];
const INCIDENT_KEY = /^(?:related_?)?incidents?(?:_?(?:id|ref|reference|key|number))?$/i;
/** Keys of the list of sections, and of a section's heading and text. */
const SECTIONS_KEY = /^(?:sections|blocks|content|body|document|questions|fields)$/i;
const HEADING_KEYS = ['title', 'heading', 'name', 'label', 'question', 'key'];
const TEXT_KEYS = ['content', 'body', 'text', 'markdown', 'value', 'answer', 'html'];
/** Keys of the action items, and an action item's text and status. */
const ACTIONS_KEY = /^(?:action_?items|actions|follow_?ups|tasks|remediations?)$/i;
const ACTION_TEXT_KEYS = ['title', 'summary', 'description', 'text', 'name', 'what'];
const ACTION_STATUS_KEYS = ['status', 'state', 'done', 'completed'];

/**
 * A postmortem exported by a postmortem tool as JSON (Rootly, incident.io, Jeli, FireHydrant, a
 * house tool) as the Markdown the postmortem reader takes. The export may wrap the postmortem in a
 * key of its own (`{ "postmortem": { … } }`). Its title becomes the title; its reference (`PM-391`,
 * before an internal id) and the incident it covers (`incident_ref`, `incident_id`) become `ID:` and
 * `Incident:` lines, with its other short text fields and custom fields as `Label: value` lines; each
 * section (`{ title, content }`, Markdown kept as it is, a list of `{ time, event }` rows as a table)
 * becomes a heading with its text; action items become task-list items, checked when their status
 * says done. Undefined when the JSON holds no postmortem (no title and no sections).
 */
export function jsonPostmortemMarkdown(text: string): string | undefined {
  const data = parseJsonOrUndefined(text) as Json | undefined;
  if (data === undefined) return undefined;
  const pm = postmortemObject(data);
  if (!pm) return undefined;
  const title = firstText(pm, TITLE_KEYS);
  const sections = sectionsOf(pm);
  if (title === undefined && sections.length === 0) return undefined;
  const fields: string[] = [];
  const id = ID_KEYS.map((k) => textOf(pm[k])).find((v) => v !== undefined && !isMachineKey(v));
  if (id) fields.push(`ID: ${id}`);
  const incident = Object.keys(pm)
    .filter((k) => INCIDENT_KEY.test(k))
    .map((k) => textOf(pm[k]))
    .find((v) => v !== undefined);
  if (incident) fields.push(`Incident: ${incident}`);
  for (const [key, value] of Object.entries(pm)) {
    if (TITLE_KEYS.includes(key) || ID_KEYS.includes(key) || INCIDENT_KEY.test(key)) continue;
    const v = textOf(value);
    if (v !== undefined && v.length <= 80 && !v.includes('\n')) fields.push(`${fieldLabel(key)}: ${v}`);
    else if (/^custom_?fields?$/i.test(key) && isObject(value)) {
      for (const [name, inner] of Object.entries(value)) {
        const t = textOf(inner);
        if (t !== undefined) fields.push(`${fieldLabel(name)}: ${t}`);
      }
    }
  }
  const out = [...(title ? [`# ${title}`, ''] : []), ...fields.flatMap((f) => [f, '']), ...sections, ...actionItems(pm)];
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/**
 * The documents of a wiki's JSON export whose bodies are ProseMirror documents (Outline's collection
 * export: `documents: { <id>: { title, data: { type: "doc", … } } }`; a single document too), each as
 * Markdown: its title as the title, then its body (see `prosemirrorMarkdown`). Undefined when the
 * JSON holds no such document.
 */
export function richTextDocumentsMarkdown(text: string): string[] | undefined {
  const data = parseJsonOrUndefined(text) as Json | undefined;
  if (data === undefined) return undefined;
  const found: { title: string | undefined; body: Json }[] = [];
  // `title` is the nearest enclosing object's: a Confluence v2 page keeps its title beside `body`,
  // and the document two levels down (`body.atlas_doc_format.value`)
  const visit = (value: Json, depth: number, title: string | undefined): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1, title);
      return;
    }
    const own = firstText(value, TITLE_KEYS) ?? title;
    const body = Object.values(value).map(embeddedDocument).find((v) => isProseMirrorDoc(v));
    if (body !== undefined) {
      found.push({ title: own, body });
      return;
    }
    for (const v of Object.values(value)) visit(v, depth + 1, own);
  };
  if (isProseMirrorDoc(data)) found.push({ title: undefined, body: data });
  else visit(data, 0, undefined);
  if (found.length === 0) return undefined;
  return found.map(({ title, body }) => `${title ? `# ${title}\n\n` : ''}${prosemirrorMarkdown(body)}`);
}

/**
 * A document kept as a JSON string inside the JSON (Confluence's v2 API returns the page body in
 * Atlassian's document format as `body.atlas_doc_format.value`, a string to be parsed again) as
 * that document; any other value as it is.
 */
function embeddedDocument(value: Json): Json {
  if (typeof value !== 'string' || !/^\s*\{/.test(value) || !value.includes('"doc"')) return value;
  return (parseJsonOrUndefined(value) as Json | undefined) ?? value;
}

/** The object that is the postmortem: the root, or the one object an envelope keeps it in. */
function postmortemObject(data: Json): JsonObject | undefined {
  if (!isObject(data)) return undefined;
  if (firstText(data, TITLE_KEYS) !== undefined || Object.keys(data).some((k) => SECTIONS_KEY.test(k))) return data;
  const inner = Object.values(data).filter(isObject);
  return inner.length === 1 ? postmortemObject(inner[0]!) : undefined;
}

/** The sections as Markdown: a list of `{ title, content }` objects, a map of heading → text, or one Markdown text. */
function sectionsOf(pm: JsonObject): string[] {
  const key = Object.keys(pm).find((k) => SECTIONS_KEY.test(k));
  const value = key === undefined ? undefined : pm[key];
  if (Array.isArray(value)) {
    return value.filter(isObject).flatMap((section) => {
      const heading = firstText(section, HEADING_KEYS) ?? '';
      const body = TEXT_KEYS.map((k) => section[k]).find((v) => v !== undefined && v !== null);
      return [`## ${heading}`, '', blockOf(body), ''];
    });
  }
  if (isObject(value)) return Object.entries(value).flatMap(([heading, body]) => [`## ${fieldLabel(heading)}`, '', blockOf(body), '']);
  // the whole write-up as one Markdown text (`body: "## Root cause\n…"`)
  if (typeof value === 'string' && value.trim().length > 0) return [value.trim(), ''];
  return [];
}

/** A section's content as Markdown: text as it is, a list of rows as a table, a list of texts as a list. */
function blockOf(body: Json | undefined): string {
  if (typeof body === 'string') return body.trim();
  if (!Array.isArray(body)) return textOf(body ?? null) ?? '';
  const rows = body.filter(isObject);
  if (rows.length > 0 && rows.length === body.length) {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const cell = (v: Json | undefined): string => (textOf(v ?? null) ?? '').replaceAll('|', '\\|').replace(/\s+/g, ' ');
    return [`| ${columns.map(fieldLabel).join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${columns.map((c) => cell(r[c])).join(' | ')} |`)].join('\n');
  }
  return body
    .map((item) => textOf(item))
    .filter((t): t is string => t !== undefined)
    .map((t) => `- ${t}`)
    .join('\n');
}

/** Action items as a task list under an "Action items" heading, checked when done. */
function actionItems(pm: JsonObject): string[] {
  const key = Object.keys(pm).find((k) => ACTIONS_KEY.test(k));
  const list = key === undefined ? undefined : pm[key];
  if (!Array.isArray(list) || list.length === 0) return [];
  const items = list.flatMap((item) => {
    if (typeof item === 'string') return [`- [ ] ${item}`];
    if (!isObject(item)) return [];
    const text = firstText(item, ACTION_TEXT_KEYS);
    if (text === undefined) return [];
    const status = ACTION_STATUS_KEYS.map((k) => item[k]).find((v) => v !== undefined && v !== null);
    const done = status === true || (typeof status === 'string' && DONE_VALUE.test(status.trim()));
    return [`- [${done ? 'x' : ' '}] ${text.replace(/\s+/g, ' ')}`];
  });
  return ['## Action items', '', ...items, ''];
}

function firstText(obj: JsonObject, keys: readonly string[]): string | undefined {
  return keys.map((k) => textOf(obj[k] ?? null)).find((v) => v !== undefined);
}

/** A value as the text an export shows for it (an option's name, a number), or undefined. */
function textOf(value: Json | undefined): string | undefined {
  const shown = displayValue(value);
  if (typeof shown === 'number') return String(shown);
  return typeof shown === 'string' && shown.trim().length > 0 ? shown.trim() : undefined;
}

/** An export's internal key (a ULID, a UUID, a prefixed one such as `pm_01J7…`), which no person writes. */
function isMachineKey(value: string): boolean {
  return /^(?:[a-z]+_)?(?:[0-9A-HJKMNP-TV-Z]{26}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.test(value);
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A postmortem kept as code in YAML (a team's own schema: `id`, `title`, `summary: >`,
 * `root_cause: >`, `contributing_factors`, `lessons`, `timeline` of `{at, what}`, `action_items` of
 * `{what, status}`) as Markdown. Read as the JSON export is (`jsonPostmortemMarkdown`: title, id,
 * short fields, action items), and every other top-level key whose value is long text, a list or a
 * mapping is a section under its label: folded or literal text as its paragraphs (YAML has joined a
 * folded scalar's lines already), a list of texts as a list, a list of mappings as a table, a
 * mapping as `Label: value` items. Undefined when the YAML holds no postmortem.
 *
 * @throws PostmortemSyntaxError with the line when the text is no YAML
 */
export function yamlPostmortemMarkdown(text: string): string | undefined {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) throw new PostmortemSyntaxError(`cannot be parsed as YAML: ${parsed.message}`, parsed.line);
  const data = parsed.source.data as Json;
  const pm = postmortemObject(data);
  if (!pm || Object.keys(pm).some((k) => SECTIONS_KEY.test(k))) return jsonPostmortemMarkdown(JSON.stringify(data));
  const sections = Object.entries(pm).flatMap(([key, value]) => {
    if (TITLE_KEYS.includes(key) || ACTIONS_KEY.test(key)) return [];
    const long = typeof value === 'string' && (value.trim().length > 80 || value.trim().includes('\n'));
    if (!long && !Array.isArray(value) && !isObject(value)) return [];
    const body = isObject(value)
      ? Object.entries(value)
          .map(([k, v]) => [k, textOf(v)] as const)
          .filter((e): e is readonly [string, string] => e[1] !== undefined)
          .map(([k, v]) => `- ${fieldLabel(k)}: ${v}`)
          .join('\n')
      : blockOf(value);
    return body.length > 0 ? [`## ${fieldLabel(key)}`, '', body, ''] : [];
  });
  // the file of one incident's review keyed by the incident (`id: INC-171`, no incident field):
  // an id that is no postmortem's own (context vocabulary `postmortem_id_prefixes`) names it
  const id = ID_KEYS.map((k) => textOf(pm[k])).find((v) => v !== undefined && !isMachineKey(v));
  const prefixes = contextVocabulary().postmortem_id_prefixes.map((p) => p.toLowerCase());
  const names = !Object.keys(pm).some((k) => INCIDENT_KEY.test(k)) && id !== undefined && /^[A-Za-z][A-Za-z0-9]*-\d+$/.test(id) && !prefixes.some((p) => id.toLowerCase().startsWith(`${p}-`));
  const head = jsonPostmortemMarkdown(JSON.stringify({ ...Object.fromEntries(Object.entries(pm).filter(([k]) => !ACTIONS_KEY.test(k))), ...(names ? { incident: id } : {}), sections: [] }));
  if (head === undefined) return undefined;
  return `${[head.trim(), '', ...sections, ...actionItems(pm)].join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
