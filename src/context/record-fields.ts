import { contextVocabulary, type ContextVocabulary } from './vocabulary/context-vocabulary.js';

/** The kinds of record whose field names other tools spell their own way. */
export type RecordKind = 'incidents' | 'tickets';

/** A field name as compared: lower case, without spaces, `_`, `-` or `/` ("Created at" = `created_at`). */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-/]+/g, '');
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
 * A record from a YAML or JSON export with each of `fields` it lacks under faultline's name copied
 * from the first alias it has (`summary` → `title`), so a register written for another tool reads
 * as it is. Anything that is not a plain object is returned unchanged.
 */
export function withFieldAliases(kind: RecordKind, fields: readonly string[], raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const record = raw as Record<string, unknown>;
  const keys = Object.keys(record);
  const out: Record<string, unknown> = { ...record };
  for (const field of fields) {
    if (field in record) continue;
    const index = findField(kind, field, keys);
    const key = index >= 0 ? keys[index] : undefined;
    if (key !== undefined && record[key] !== undefined && record[key] !== null) out[field] = record[key];
  }
  return out;
}
