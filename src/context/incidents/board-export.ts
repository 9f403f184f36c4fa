import { isPlain } from '../record-fields.js';

/** A tracker-style reference (`INC-123`, `OPS-7`): letters (and digits), a dash, a number. */
const REFERENCE = /\b([A-Z][A-Z0-9]{0,9})-(\d+)\b/g;
/** A reference at the start of a card's name, and what separates it from the title (`INC-123 · …`). */
const LEADING_REFERENCE = /^\s*\[?([A-Z][A-Z0-9]{0,9}-\d+)\]?\s*(?:[·:|—–-]\s*)?/;

type Plain = Record<string, unknown>;

/**
 * A kanban board's JSON export (Trello's "Export as JSON": one board object with `cards`, `lists`,
 * `labels`, `actions`, `checklists`, `customFields`) as a list of incident records, one per card
 * that names an incident:
 * - the card's reference is the tracker-style reference its name starts with (`INC-123 · …`, the
 *   rest of the name its title); a card titled otherwise (by an alert) takes the one reference of
 *   the board's prefix its description names, when it names exactly one that no other card has;
 *   a card naming none (a how-to card) or several (a review calendar) is no incident;
 * - custom fields under their names, a list field's opaque option id as the option's text, a date,
 *   number, text or checkbox field as its value;
 * - the list the card sits in (`list`), its labels' names (`labels`), its description (Markdown),
 *   its checklists as task lists under their names in the description (checked when complete);
 * - its comments (`commentCard` actions) as its `timeline`, oldest first, each `date - text`;
 * - `created`: the `createCard` action's date, else the time in the card's id (an ObjectId).
 * Any other data is returned unchanged.
 */
export function boardExportRecords(data: unknown): unknown {
  if (!isBoardExport(data)) return data;
  const cards = (data.cards as unknown[]).filter(isPlain);
  const lists = byId(data.lists);
  const labels = byId(data.labels);
  const fields = byId(data.customFields);
  const checklists = Array.isArray(data.checklists) ? data.checklists.filter(isPlain) : [];
  const actions = Array.isArray(data.actions) ? data.actions.filter(isPlain) : [];

  const leading = new Map<Plain, string>();
  for (const card of cards) {
    const m = LEADING_REFERENCE.exec(String(card.name ?? ''));
    if (m?.[1]) leading.set(card, m[1]);
  }
  // the prefix most cards' names start with is the board's
  const prefixes = new Map<string, number>();
  for (const ref of leading.values()) {
    const prefix = ref.replace(/-\d+$/, '');
    prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + 1);
  }
  const prefix = [...prefixes].sort((a, b) => b[1] - a[1])[0]?.[0];
  const taken = new Set(leading.values());

  const records: Plain[] = [];
  for (const card of cards) {
    let reference = leading.get(card);
    let title = String(card.name ?? '').trim();
    if (reference !== undefined) title = title.replace(LEADING_REFERENCE, '').trim() || title;
    else if (prefix !== undefined) {
      const named = new Set([...String(card.desc ?? '').matchAll(REFERENCE)].filter((m) => m[1] === prefix).map((m) => m[0]));
      const only = named.size === 1 ? [...named][0] : undefined;
      if (only !== undefined && !taken.has(only)) reference = only;
    }
    if (reference === undefined) continue;
    const record: Plain = { reference, title };
    const list = lists.get(String(card.idList ?? ''));
    if (list && typeof list.name === 'string') record.list = list.name;
    for (const item of Array.isArray(card.customFieldItems) ? card.customFieldItems.filter(isPlain) : []) {
      const field = fields.get(String(item.idCustomField ?? ''));
      const name = typeof field?.name === 'string' ? field.name : undefined;
      const value = field ? customFieldValue(field, item) : undefined;
      if (name !== undefined && value !== undefined && !(name in record)) record[name] = value;
    }
    const labelNames = (Array.isArray(card.idLabels) ? card.idLabels : [])
      .map((id) => labels.get(String(id))?.name)
      .filter((n): n is string => typeof n === 'string' && n.trim().length > 0);
    if (labelNames.length > 0) record.labels = labelNames;
    const own = checklists.filter((c) => c.idCard === card.id);
    const checklistText = own.map((c) => {
      const items = (Array.isArray(c.checkItems) ? c.checkItems.filter(isPlain) : [])
        .sort((a, b) => Number(a.pos ?? 0) - Number(b.pos ?? 0))
        .map((i) => `- [${i.state === 'complete' ? 'x' : ' '}] ${String(i.name ?? '').trim()}`);
      return [`## ${String(c.name ?? 'Checklist').trim()}`, '', ...items].join('\n');
    });
    record.description = [String(card.desc ?? '').trim(), ...checklistText].filter((t) => t.length > 0).join('\n\n');
    const cardActions = actions.filter((a) => isPlain(a.data) && isPlain(a.data.card) && a.data.card.id === card.id);
    const comments = cardActions
      .filter((a) => a.type === 'commentCard' && isPlain(a.data) && typeof a.data.text === 'string' && typeof a.date === 'string')
      .map((a) => ({ date: a.date as string, text: ((a.data as Plain).text as string).trim() }))
      .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
    if (comments.length > 0) record.timeline = comments.map((c) => `${c.date} - ${c.text}`);
    const created = cardActions.find((a) => a.type === 'createCard' && typeof a.date === 'string')?.date ?? objectIdTime(card.id);
    if (created !== undefined) record.created = created;
    if (typeof card.url === 'string') record.url = card.url;
    records.push(record);
  }
  return records;
}

/** A Trello board export: a board object whose `cards` sit in its `lists`. */
function isBoardExport(data: unknown): data is Plain & { cards: unknown[]; lists: unknown[] } {
  if (!isPlain(data) || !Array.isArray(data.cards) || !Array.isArray(data.lists) || data.cards.length === 0) return false;
  return data.cards.every((c) => isPlain(c) && 'idList' in c && typeof c.name === 'string');
}

function byId(list: unknown): Map<string, Plain> {
  const out = new Map<string, Plain>();
  for (const item of Array.isArray(list) ? list : []) if (isPlain(item) && item.id !== undefined) out.set(String(item.id), item);
  return out;
}

/** A custom field item's value: a list option's text, or its date, number, text or checkbox. */
function customFieldValue(field: Plain, item: Plain): string | undefined {
  if (item.idValue !== undefined && item.idValue !== null) {
    const option = (Array.isArray(field.options) ? field.options.filter(isPlain) : []).find((o) => o.id === item.idValue);
    const text = isPlain(option?.value) ? option.value.text : undefined;
    return typeof text === 'string' ? text : undefined;
  }
  if (!isPlain(item.value)) return undefined;
  for (const key of ['text', 'date', 'number', 'checked']) {
    const v = item.value[key];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  }
  return undefined;
}

/** The creation time a MongoDB ObjectId (24 hex digits) carries in its first 8. */
function objectIdTime(id: unknown): string | undefined {
  if (typeof id !== 'string' || !/^[0-9a-f]{24}$/i.test(id)) return undefined;
  return new Date(parseInt(id.slice(0, 8), 16) * 1000).toISOString();
}
