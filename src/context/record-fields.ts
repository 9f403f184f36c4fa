import { formAnswers } from './form-answers.js';
import { plainText } from './text/plain-text.js';
import { contextVocabulary, type ContextVocabulary } from './vocabulary/context-vocabulary.js';

/** The kinds of record whose field names other tools spell their own way. */
export type RecordKind = 'incidents' | 'tickets' | 'manifold';

/**
 * A field name as compared: lower case, without spaces, `_`, `-` or `/`, and without a trailing
 * qualifier in brackets ("Created at" = `created_at`, "Root cause (short)" = `root_cause`).
 */
export function fieldKey(name: string): string {
  return name
    .replace(/\(s\)/gi, 's') // "Service(s) affected": a plural written both ways
    .replace(/\s*\([^()]*\)\s*$/, '')
    .toLowerCase()
    .replace(/[\s_\-/.]+/g, '');
}

/** The names `field` may be found under, its own first, then the context vocabulary's `record_fields`. */
export function fieldNames(kind: RecordKind, field: string, vocabulary: ContextVocabulary = contextVocabulary()): string[] {
  return [field, ...(vocabulary.record_fields[kind][field] ?? [])];
}

/**
 * The index in `names` of the first of `field`'s names (see `fieldNames`) present, or -1. Names are
 * compared as `fieldKey`s; the field's own name wins over any alias.
 */
export function findField(kind: RecordKind, field: string, names: readonly string[]): number {
  const keys = names.map(fieldKey);
  for (const name of fieldNames(kind, field)) {
    const index = keys.indexOf(fieldKey(name));
    if (index >= 0) return index;
  }
  return -1;
}

/**
 * Where an export keeps its records: the key named after them (`tickets`), else the one key whose
 * value is a list of objects (Intercom's `conversations` beside its `pages`, an API's `data`). The
 * lookup tables an export adds beside its records (Opsgenie's `services` and `teams`: `{ id, name }`
 * entries) are not records; when several lists remain, an API envelope's `data` / `results` /
 * `items` / `records` is the one.
 */
export function recordListKey(data: unknown, name: RecordKind): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const obj = data as Record<string, unknown>;
  if (Array.isArray(obj[name])) return name;
  const lists = objectListKeys(obj).filter((k) => !isLookupTable(obj[k] as unknown[]));
  if (lists.length === 1) return lists[0];
  const envelope = lists.find((k) => ENVELOPE_KEYS.includes(k.toLowerCase()));
  if (envelope !== undefined || lists.length === 0) return envelope;
  // Several lists and no envelope (Intercom's `conversations` beside the `admins` and `teams` its
  // ids refer to): the records are the list whose entries carry the most of the kind's fields.
  const scored = lists.map((k) => ({ k, score: kindFieldCount(obj[k] as unknown[], name) }));
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return top.length === 1 ? top[0]?.k : undefined;
}

/** How many of a record kind's fields (its own names or their aliases) the entries of `list` carry, on average over its first entries. */
function kindFieldCount(list: readonly unknown[], kind: RecordKind): number {
  const fields = Object.keys(contextVocabulary().record_fields[kind]);
  const sample = list.slice(0, 20).filter(isPlain);
  if (sample.length === 0) return 0;
  const total = sample.reduce((n, entry) => {
    const keys = Object.keys(entry);
    return n + fields.filter((f) => findField(kind, f, keys) >= 0).length;
  }, 0);
  return total / sample.length;
}

/**
 * A JSON:API document (`{ data: [{ id, type, attributes, relationships }], included: [...] }`, as
 * Rootly's API returns a list) as plain records: each record's `attributes` with its `id`, and each
 * relationship (`severity`, `services`, `events`), which holds only ids, replaced by the related
 * records of `included[]` it names (their attributes, joined by type and id; an id not included
 * stays an id). An attribute of the same name that has a value wins. Any other data is returned
 * as it is.
 */
export function fromJsonApi(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const doc = data as Record<string, unknown>;
  const isResource = (r: unknown): r is { id?: unknown; type: string; attributes: Record<string, unknown>; relationships?: unknown } =>
    r !== null && typeof r === 'object' && typeof (r as { type?: unknown }).type === 'string' && isPlain((r as { attributes?: unknown }).attributes);
  if (!Array.isArray(doc.data) || doc.data.length === 0 || !doc.data.every(isResource)) return data;
  const included = new Map<string, Record<string, unknown>>();
  for (const r of Array.isArray(doc.included) ? doc.included : []) {
    if (isResource(r)) included.set(`${r.type}\u0000${String(r.id)}`, { id: r.id, ...r.attributes });
  }
  const join = (ref: unknown): unknown => {
    if (ref === null || typeof ref !== 'object') return ref;
    const { id, type } = ref as { id?: unknown; type?: unknown };
    return included.get(`${String(type)}\u0000${String(id)}`) ?? id;
  };
  // an attribute that lists ids of included resources of its own name (Kustomer's `tags: ["678…"]`
  // beside `included: [{ type: "tag", id: "678…", attributes: { name } }]`) names those resources
  const types = new Set([...included.keys()].map((k) => k.split('\u0000')[0] ?? ''));
  const typeOf = (name: string): string | undefined => [name, name.replace(/s$/, '')].find((t) => types.has(t));
  const joinIds = (name: string, value: unknown): unknown => {
    const type = typeOf(name);
    if (type === undefined) return value;
    const ids = Array.isArray(value) ? value : [value];
    if (ids.length === 0 || !ids.every((id) => (typeof id === 'string' || typeof id === 'number') && included.has(`${type}\u0000${String(id)}`))) return value;
    const joined = ids.map((id) => included.get(`${type}\u0000${String(id)}`));
    return Array.isArray(value) ? joined : joined[0];
  };
  const flat = (doc.data as { id?: unknown; attributes: Record<string, unknown>; relationships?: unknown }[]).map((r) => {
    const attributes = Object.fromEntries(Object.entries(r.attributes).map(([k, v]) => [k, joinIds(k, v)]));
    const record: Record<string, unknown> = { ...(r.id === undefined ? {} : { id: r.id }), ...attributes };
    const relationships = isPlain(r.relationships) ? r.relationships : {};
    for (const [name, rel] of Object.entries(relationships)) {
      const linkage = isPlain(rel) ? rel.data : undefined;
      if (linkage === undefined || (record[name] !== undefined && record[name] !== null)) continue;
      record[name] = Array.isArray(linkage) ? linkage.map(join) : join(linkage);
    }
    return record;
  });
  const { included: _included, ...rest } = doc;
  return { ...rest, data: flat };
}

/** A JSON object (not an array, not null). */
export function isPlain(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Keys an API response keeps its page of records under. */
const ENVELOPE_KEYS = ['data', 'results', 'items', 'records', 'values', 'entries'];

function objectListKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj).filter((k) => {
    const v = obj[k];
    return Array.isArray(v) && v.length > 0 && v.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item));
  });
}

/** A list of `{ id, name }` entries (and little else): what an export resolves its ids with. */
function isLookupTable(list: readonly unknown[]): boolean {
  return list.every((item) => {
    const entry = item as Record<string, unknown>;
    const keys = Object.keys(entry);
    const id = entry.id;
    return (typeof id === 'string' || typeof id === 'number') && lookupName(entry) !== undefined && keys.length <= 4;
  });
}

function lookupName(entry: Record<string, unknown>): string | undefined {
  for (const key of ['name', 'title', 'label', 'displayName', 'display_name']) {
    const v = entry[key];
    if (typeof v === 'string' && v.trim().length > 0) return v.trim();
  }
  return undefined;
}

/**
 * The names of the ids an export writes in its records when it ships lookup tables beside them
 * (Opsgenie's `impactedServices: ["1b9b…"]` with `services: [{ id: "1b9b…", name: "bill-autopay" }]`):
 * id → name, from every lookup table of the export except the records' own list.
 */
export function exportLookups(data: unknown, recordsKey: string | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return names;
  const obj = data as Record<string, unknown>;
  for (const key of objectListKeys(obj)) {
    const list = obj[key] as Record<string, unknown>[];
    if (key === recordsKey || !isLookupTable(list)) continue;
    for (const entry of list) {
      const name = lookupName(entry);
      if (name !== undefined) names.set(String(entry.id), name);
    }
  }
  return names;
}

/**
 * A record with each value that is an id of the export's lookup tables (or a list of such ids)
 * written as the name it stands for, so `impactedServices` names services as a person would.
 */
export function withLookupNames(raw: unknown, lookups: ReadonlyMap<string, string>): unknown {
  if (lookups.size === 0 || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const named = (v: unknown): unknown => (typeof v === 'string' || typeof v === 'number' ? (lookups.get(String(v)) ?? v) : v);
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.map(named) : named(v)]));
}

/**
 * A record from a YAML or JSON export with each of `fields` it lacks under faultline's name copied
 * from the first alias it has (`summary` → `title`), so a register written for another tool reads
 * as it is. An export's custom fields (a list of `{ custom_field: { name }, values }` or
 * `{ name, value }` entries) count as fields of the record under their names, and a value held in
 * an object the way exports hold them (`severity: { name: Minor }`, an option's `value`, a catalog
 * entry's `name`) reads as that text. One field of the export feeds one of faultline's fields: an
 * incident.io `name` that became the title is not read again as its description. Anything that is
 * not a plain object is returned unchanged.
 */
export function withFieldAliases(kind: RecordKind, fields: readonly string[], raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const written = raw as Record<string, unknown>;
  const record = { ...nestedFieldsOf(written), ...conversationOf(written), ...formFieldsOf(kind, fields, written), ...customFieldsOf(written), ...written };
  const keys = Object.keys(record);
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const used = new Set(fields.filter((f) => f in record));
  for (const field of fields) {
    // The field's own key first, then its aliases in order; the first with a value wins.
    const candidates = [
      ...(field in record ? [field] : []),
      ...fieldNames(kind, field).flatMap((name) => keys.filter((k) => k !== field && !used.has(k) && fieldKey(k) === fieldKey(name))),
    ];
    // Text before structure: Intercom's `tags` object gives way to its `tags.tags` names; a
    // structured value (`resolution: { immediate, permanent }`) is kept when nothing else is there.
    // and a readable value before a machine's (FireHydrant's `number` before its UUID `id`).
    const texts = candidates.filter((k) => isText(displayValue(record[k])));
    const key = texts.find((k) => !isMachineId(displayValue(record[k]))) ?? texts[0] ?? candidates.find((k) => hasValue(record[k]));
    if (key === undefined) {
      if (out[field] === null) delete out[field]; // an export's `title: null` is no title
      continue;
    }
    out[field] = isText(displayValue(record[key])) ? displayValue(record[key]) : record[key];
    used.add(key);
  }
  return out;
}

/** The field each kind of record keeps its free text in, and the fields that name the record. */
const FREE_TEXT: Record<RecordKind, { text: string; naming: readonly string[] }> = {
  incidents: { text: 'description', naming: ['title', 'incident_id'] },
  tickets: { text: 'body', naming: ['title', 'id'] },
  manifold: { text: 'description', naming: ['manifold'] },
};

/**
 * The answers of an issue form in a record's free text (`### Severity` / `SEV1`: see `formAnswers`)
 * that name one of `fields`, under their labels. The text stays the record's free text, so an
 * answer that would name the record or be its text (`### Summary`) is not taken from it.
 */
/** Record fields that hold lists (every other field holds text). */
const LIST_FIELDS: ReadonlySet<string> = new Set(['timeline', 'contributing_factors', 'systems', 'tags', 'error_types']);

function formFieldsOf(kind: RecordKind, fields: readonly string[], record: Record<string, unknown>): Record<string, unknown> {
  const { text, naming } = FREE_TEXT[kind];
  const textKeys = new Set(fieldNames(kind, text).map(fieldKey));
  const own = new Set([...naming, text].flatMap((f) => fieldNames(kind, f)).map(fieldKey));
  const named = new Set(fields.flatMap((f) => fieldNames(kind, f)).map(fieldKey));
  // a section of the text named like a field the record has (Statuspage's `impact: minor` beside a
  // postmortem's "## Impact" list) is that section, not the field's answer
  const written = new Set(Object.keys(record).map(fieldKey));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'string' || !textKeys.has(fieldKey(key))) continue;
    for (const [label, answer] of formAnswers(value)) {
      const k = fieldKey(label);
      if (!named.has(k) || own.has(k) || written.has(k) || label in out) continue;
      // a section written as a list ("## Impact" with two bullets) answers a text field as its lines
      const listField = fields.some((f) => LIST_FIELDS.has(f) && fieldNames(kind, f).some((n) => fieldKey(n) === k));
      out[label] = Array.isArray(answer) && !listField ? answer.join('\n') : answer;
    }
  }
  return out;
}

/**
 * The fields of a record's nested objects under dotted names (`source.body`, `source.subject` of an
 * Intercom conversation; `articles.body` of the first of a Zammad ticket's articles), one level
 * deep, for aliases that name them.
 */
function nestedFieldsOf(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    // A list of objects by its first: the message a help-desk ticket opened with (Zammad's `articles`).
    const value: unknown = Array.isArray(item) ? item[0] : item;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const [inner, v] of Object.entries(value as Record<string, unknown>)) out[`${key}.${inner}`] = v;
  }
  return out;
}

/**
 * What the customer wrote in a ticket that embeds its conversation (Gorgias' `messages`, each with
 * `from_agent`; osTicket's thread entries, `staff="1"`): the text of the messages that are not the
 * company's, in order, as `customer_messages`; when every message is the company's (a phone call's
 * private note written by the agent), all of them. An entry of a reply kind (osTicket's `type` R, a
 * response, or N, an internal note) is never the ticket's text. Which key flags a message as the
 * company's, which kinds are replies, and which keys hold its text, is the vocabulary's
 * `conversation_messages`. Empty for a record without such a list.
 */
function conversationOf(record: Record<string, unknown>): Record<string, unknown> {
  const {
    agent_flags: flags,
    text_keys: textKeys,
    message_kinds: messageKinds,
    reply_kinds: replyKinds,
    agent_kinds: agentKinds,
    automated_flags: automatedFlags,
    subject_keys: subjectKeys,
    note_lists: noteLists,
  } = contextVocabulary().conversation_messages;
  const ofKind = (m: Record<string, unknown>, kinds: Record<string, string[]>): boolean =>
    Object.entries(kinds).some(([key, values]) => typeof m[key] === 'string' && values.some((k) => k.toLowerCase() === (m[key] as string).trim().toLowerCase()));
  const isReply = (m: Record<string, unknown>): boolean => ofKind(m, replyKinds);
  for (const item of Object.values(record)) {
    if (!Array.isArray(item) || item.length === 0) continue;
    // a message's own objects read one level deep (Gladly's `initiator.type`, `content.content`)
    const messages = item
      .filter((m): m is Record<string, unknown> => m !== null && typeof m === 'object' && !Array.isArray(m))
      .map((m) => ({ ...nestedFieldsOf(m), ...m }));
    if (messages.length !== item.length || !messages.some((m) => flags.some((f) => isFlag(m[f])) || isReply(m) || ofKind(m, messageKinds) || ofKind(m, agentKinds))) continue;
    const textOf = (m: Record<string, unknown>): string => {
      const key = textKeys.find((k) => typeof m[k] === 'string' && (m[k] as string).trim().length > 0);
      // each message as text on its own: a thread mixes HTML and plain-text bodies
      return key === undefined ? '' : plainText((m[key] as string).trim()).trim();
    };
    // replies and internal notes are not the ticket's text; of the messages, the customer's
    // a bot's or an integration's message is no one's text, unless every message is one
    const notReplies = messages.filter((m) => !isReply(m));
    const people = notReplies.filter((m) => !automatedFlags.some((f) => isSet(m[f])));
    const written = people.length > 0 ? people : notReplies;
    const customer = written.filter((m) => !flags.some((f) => isSet(m[f])) && !ofKind(m, agentKinds));
    // a phone call's own entry holds no text: the agent's note of it is the ticket's text
    const texts = [customer, written, messages].map((list) => list.map(textOf).filter((t) => t.length > 0)).find((t) => t.length > 0) ?? [];
    // the subject of the customer's first message that has one (an email's, in a conversation of several channels)
    const subject = customer.map((m) => subjectKeys.map((k) => m[k]).find((v) => typeof v === 'string' && v.trim().length > 0)).find((v) => v !== undefined) as string | undefined;
    if (texts.length > 0) return { customer_messages: texts.join('\n\n'), ...(subject ? { customer_subject: subject.trim() } : {}) };
  }
  // a call's messages hold no text; the agents' notes kept in a list of their own (Kustomer's
  // `notes`) are the ticket's text then
  for (const key of noteLists) {
    const notes = Object.entries(record).find(([k]) => fieldKey(k) === fieldKey(key))?.[1];
    if (!Array.isArray(notes)) continue;
    const texts = notes
      .filter((n): n is Record<string, unknown> => n !== null && typeof n === 'object' && !Array.isArray(n))
      .map((n) => textKeys.map((k) => n[k]).find((v): v is string => typeof v === 'string' && v.trim().length > 0))
      .filter((t): t is string => t !== undefined)
      .map((t) => plainText(t.trim()).trim());
    if (texts.length > 0) return { customer_messages: texts.join('\n\n') };
  }
  return {};
}

/** A flag as JSON or XML writes one: `true`/`false`, `1`/`0`, `"true"`, `"1"`. */
function isFlag(value: unknown): boolean {
  return typeof value === 'boolean' || value === 0 || value === 1 || (typeof value === 'string' && /^(?:true|false|1|0|yes|no)$/i.test(value.trim()));
}

function isSet(value: unknown): boolean {
  return value === true || value === 1 || (typeof value === 'string' && /^(?:true|1|yes)$/i.test(value.trim()));
}

/** Non-empty text, a number, or a list of them (an empty list of tags is a list of tags). */
function isText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return true;
  return Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number');
}

/**
 * A UUID, a ULID or a database row number of nine digits or more (GitHub's `id` beside the issue's
 * `number`): an export's internal key, which no person writes.
 */
function isMachineId(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 100_000_000;
  return typeof value === 'string' && /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9A-HJKMNP-TV-Z]{26}|\d{9,})$/i.test(value.trim());
}

/** Anything but nothing: a structured value is left for the schema to judge. */
function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Keys of an object that hold the text an export shows for it (an option, a catalog entry, a severity). */
// `content`: a rich-text value written as `{ type: text, content: … }` (Opsgenie's notes).
const DISPLAY_KEYS = ['name', 'value', 'label', 'title', 'text', 'content'] as const;

/**
 * The text an export shows for a value: a string or number as it is, an object by its display key
 * (`{ name: Minor, rank: 1 }` → `Minor`, `{ value_option: { value: Kestrel } }` → `Kestrel`), a list
 * item by item. Other values are returned unchanged, for the schema to judge.
 */
export function displayValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(displayValue);
    return items.every((i) => typeof i === 'string' || typeof i === 'number') ? items : value;
  }
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const pair = displayPair(obj);
  if (pair !== undefined) return pair;
  for (const key of DISPLAY_KEYS) {
    const v = obj[key];
    if (typeof v === 'string' || typeof v === 'number') return v;
  }
  // A wrapper with one value inside (`{ value_text: … }`, `{ value_catalog_entry: { name } }`).
  const inner = Object.entries(obj).filter(([k, v]) => k.startsWith('value') && v !== null && v !== undefined);
  if (inner.length === 1) return displayValue(inner[0]?.[1]);
  return value;
}

/**
 * A field as a table API returns it with `sysparm_display_value=all` (ServiceNow:
 * `{ display_value: "tilbake", value: "770df949…" }`): what people see, except a time, which the
 * stored value holds in UTC (`2026-01-22 06:41:09`) and the display in the viewer's zone and format
 * (`22.01.2026 07:41:09`).
 */
function displayPair(obj: Record<string, unknown>): string | undefined {
  const shown = obj.display_value;
  const stored = obj.value;
  if (typeof shown !== 'string' || !(typeof stored === 'string' || typeof stored === 'number')) return undefined;
  if (typeof stored === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(stored)) return stored;
  return shown;
}

/** Keys under which exports keep a record's custom fields (incident.io, Jira, Opsgenie's `extraProperties`). */
const CUSTOM_FIELDS_KEY = /^(?:custom_?fields?(?:_?entries)?|extra_?properties|custom_?properties)$/i;

/**
 * The custom fields of an export record by their names: incident.io's `custom_field_entries`
 * (`{ custom_field: { name }, values: [...] }`), the `{ name, value }` lists of other tools
 * (`custom_fields`), and a free-form map of them (Opsgenie's `extraProperties: { "Root cause": … }`).
 * A field with one value reads as that value, with several as a list.
 */
function customFieldsOf(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (!CUSTOM_FIELDS_KEY.test(key)) continue;
    const entries = record[key];
    if (entries !== null && typeof entries === 'object' && !Array.isArray(entries)) {
      for (const [name, value] of Object.entries(entries as Record<string, unknown>)) {
        const v = displayValue(value);
        if (name.length > 0 && !(name in record) && hasValue(v)) out[name] = v;
      }
      continue;
    }
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (entry === null || typeof entry !== 'object') continue;
      const e = entry as Record<string, unknown>;
      const field = e.custom_field && typeof e.custom_field === 'object' ? (e.custom_field as Record<string, unknown>) : e;
      const name = field.name ?? field.label;
      if (typeof name !== 'string' || name.length === 0 || name in record) continue;
      const values = Array.isArray(e.values) ? e.values.map(displayValue) : [displayValue(e.value)];
      const present = values.filter((v) => v !== undefined && v !== null && v !== '');
      if (present.length > 0) out[name] = present.length === 1 ? present[0] : present;
    }
  }
  return out;
}
