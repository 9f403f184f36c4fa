import { attrOf, childrenOf, nameOf, parseXmlInOrder, textOf, type XmlNode } from '../xml-nodes.js';
import { contextVocabulary } from '../vocabulary/context-vocabulary.js';

/**
 * A table exported as an XML unload (ServiceNow's "Export > XML": `<unload unload_date="…">` of
 * `<incident action="INSERT_OR_UPDATE">` records, each field an element) as the records a table
 * API export with display values holds (`{ result: [...] }`, see `displayPair`), so they read as
 * that export's records do:
 *
 * - a reference field keeps the name people see only in its `display_value` attribute (the text is
 *   a sys_id): it becomes `{ display_value, value }`;
 * - a choice field written as its number (`<priority>2</priority>`) reads as the label shown for it
 *   by default ("2 - High"; `xml_unload.choice_labels` in the vocabulary);
 * - the journal records the unload keeps after the records (`<sys_journal_field>`: work notes and
 *   comments, each pointing at its record's `sys_id` by `element_id`) become the record's
 *   `timeline`, in time order (`2026-02-09 19:41:07 - Alert: …`);
 * - empty elements (`<work_notes/>`, the journal's own placeholder) are no fields.
 *
 * Undefined when the XML is no unload (its root is not one of `xml_unload.roots`).
 */
export function xmlUnloadRecords(xml: string): { result: Record<string, unknown>[] } | undefined {
  const vocabulary = contextVocabulary().xml_unload;
  const root = parseXmlInOrder(xml).find((n) => {
    const name = nameOf(n);
    return name !== undefined && !name.startsWith('?');
  });
  if (!root || !vocabulary.roots.includes(nameOf(root) ?? '')) return undefined;
  const elements = childrenOf(root).filter((c) => nameOf(c) !== undefined);
  const journalTables = new Set(vocabulary.journal_tables);
  const journal = new Map<string, { time: string; text: string }[]>();
  for (const entry of elements.filter((e) => journalTables.has(nameOf(e) ?? ''))) {
    const fields = fieldsOf(entry);
    const link = plain(fields[vocabulary.journal_link]);
    const text = vocabulary.journal_text.map((k) => plain(fields[k])).find((v) => v.length > 0) ?? '';
    if (link.length === 0 || text.length === 0) continue;
    const time = vocabulary.journal_time.map((k) => plain(fields[k])).find((v) => v.length > 0) ?? '';
    journal.set(link, [...(journal.get(link) ?? []), { time, text }]);
  }
  const records = elements
    .filter((e) => !journalTables.has(nameOf(e) ?? ''))
    .map((element) => {
      const record: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(fieldsOf(element))) {
        const labels = vocabulary.choice_labels[name];
        record[name] = typeof value === 'string' && labels?.[value] !== undefined ? { display_value: labels[value], value } : value;
      }
      const notes = journal.get(plain(record[vocabulary.record_key]));
      if (notes && notes.length > 0 && record.timeline === undefined) {
        // a stable sort: notes written in the same second keep the unload's order
        record.timeline = [...notes].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0)).map((n) => ({ time: n.time, event: n.text }));
      }
      return record;
    });
  return { result: records };
}

/** A record element's fields: text, or `{ display_value, value }` for a reference; empty ones left out. */
function fieldsOf(element: XmlNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const child of childrenOf(element)) {
    const name = nameOf(child);
    if (name === undefined || name in out) continue;
    const text = childrenOf(child)
      .map((c) => textOf(c) ?? '')
      .join('')
      .trim();
    const shown = attrOf(child, 'display_value');
    if (shown !== undefined && shown.trim().length > 0) out[name] = { display_value: shown.trim(), value: text };
    else if (text.length > 0) out[name] = text;
  }
  return out;
}

function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string') return (value as { value: string }).value;
  return '';
}
