import { ManifoldError } from '../errors.js';
import { atLine, firstIssue, formatPath, parseYamlSource, syntaxErrorText } from '../../yaml-source.js';
import { isNode, isSeq, type Document } from 'yaml';
import { commentAliases, commentHead, definedAbbreviations, recordedState, termPhrases, withAbbreviations } from './term-notes.js';
import { withFieldAliases } from '../record-fields.js';
import { TermIndex } from '../text/term-index.js';
import { constraintGroups, failureModeGroups, ManifoldSchema, type Manifold, type ManifoldTerm, type ManifoldTermInput } from './manifold-schema.js';

/**
 * Parse and validate a manifold YAML.
 *
 * @param text - the file's contents
 * @param file - display path used in error messages
 * @returns the manifold with its terms normalised for matching
 * @throws ManifoldError when the text is not YAML or does not fit the schema; the message names
 *   the file, the path inside it and its line (`manifold.yaml constraints[1].statement (line 14): is required`)
 */
export function parseManifold(text: string, file: string): Manifold {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) {
    throw new ManifoldError(syntaxErrorText(file, parsed), {
      help: 'Fix the YAML syntax of the manifold file',
      file,
      line: parsed.line,
    });
  }
  const { data } = parsed.source;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ManifoldError(`${file}: a manifold must be a YAML mapping with a "manifold:" name`, {
      help: 'Start the file with `manifold: <feature-name>` followed by entities, systems, error_types, constraints and failure_modes',
      file,
    });
  }
  const result = ManifoldSchema.safeParse(withFieldAliases('manifold', ['manifold'], data));
  if (!result.success) {
    const { path, line, text } = firstIssue(parsed.source, result.error, 'invalid manifold');
    const where = path.length > 0 ? ` ${formatPath(path)}` : '';
    throw new ManifoldError(`${file}${where}${atLine(line)}: ${text}`, {
      help: 'See docs/context.md "Manifold" for the expected shape',
      file,
      line,
      cause: result.error,
    });
  }
  const m = result.data;
  const abbreviations = definedAbbreviations([m.description ?? '', ...[...m.entities, ...m.systems, ...m.providers, ...m.error_types].flatMap(termTexts)]);
  const terms = (key: string, inputs: ManifoldTermInput[]): ManifoldTerm[] => {
    const comments = itemComments(parsed.source.doc, key);
    return inputs.map((input, i) => {
      const comment = comments[i] ?? termNote(input);
      const term = toTerm(input, abbreviations, [
        ...commentAliases(comment),
        ...(key === 'entities' ? commentHead(comment) : []),
        ...(key === 'error_types' ? recordedState(comment) : []),
      ]);
      // An entity's comment that names the entity's own id (`charging_session  # … session_id is
      // ours`) gives it that field: records keyed on it ("receipt-{session_id}") are the entity's.
      // Not the other fields a comment lists (idempotency_key, outcome): every service has those.
      const named = new Set(spelled(term.name).split(' '));
      const fields = key === 'entities' ? listedFields(comment).filter((f) => !term.phrases.includes(f) && named.has(f.split(' ')[0] ?? '')) : [];
      return fields.length > 0 ? { ...term, fields } : term;
    });
  };
  const entities = [...terms('entities', m.entities)];
  const systems = [...terms('systems', m.systems), ...terms('providers', m.providers)];
  const named = withGlossary([...systems, ...entities], glossaryEntries(m.glossary));
  const resolved = (list: ManifoldTerm[]): ManifoldTerm[] => list.map((t) => named.get(t) ?? t);
  return {
    name: m.manifold,
    entities: [...resolved(entities), ...sharedHeads(entities)],
    systems: resolved(systems),
    errorTypes: terms('error_types', m.error_types),
    constraints: constraintGroups(m.constraints).flatMap((g) => g.items),
    failureModes: failureModeGroups(m.failure_modes).flatMap((g) => g.items),
    data: m,
  };
}

/** One glossary entry: the team's name and what it stands for. */
interface GlossaryEntry {
  name: string;
  definition: string;
}

/**
 * The entries of a glossary written as a mapping (`H2S: hold-to-sale, …`), a list of one-key
 * mappings or `"name: definition"` strings, or a list of objects whose first two string fields are
 * the name and the definition (`{ term: H2S, definition: … }`).
 */
function glossaryEntries(glossary: unknown): GlossaryEntry[] {
  const entry = (name: unknown, definition: unknown): GlossaryEntry[] =>
    typeof name === 'string' && name.trim().length > 0 && (typeof definition === 'string' || typeof definition === 'number')
      ? [{ name: name.trim(), definition: String(definition) }]
      : [];
  if (glossary === null || typeof glossary !== 'object') return [];
  if (!Array.isArray(glossary)) return Object.entries(glossary).flatMap(([name, definition]) => entry(name, definition));
  return glossary.flatMap((item: unknown) => {
    if (typeof item === 'string') {
      const colon = item.indexOf(':');
      return colon > 0 ? entry(item.slice(0, colon), item.slice(colon + 1)) : [];
    }
    if (item === null || typeof item !== 'object') return [];
    const values = Object.entries(item as Record<string, unknown>);
    if (values.length === 1) return entry(values[0]![0], values[0]![1]);
    const strings = values.filter(([, v]) => typeof v === 'string').map(([, v]) => v);
    return entry(strings[0], strings[1]);
  });
}

/**
 * The manifold's terms with the glossary's names added: a name whose definition names a term (the
 * one it names first) is a name of that term (`sealer: order-capture's worker` names the
 * component; `H2S: … the sealer's conversion step` names it through `sealer`). Definitions are
 * read until no name is added, so a name defined by another glossary name resolves too; a
 * definition that names no term adds nothing. Returns the terms that gained names.
 */
function withGlossary(terms: readonly ManifoldTerm[], glossary: readonly GlossaryEntry[]): Map<ManifoldTerm, ManifoldTerm> {
  const grown = new Map<ManifoldTerm, ManifoldTerm>(terms.map((t) => [t, { ...t, phrases: [...t.phrases], ...(t.fields ? { fields: [...t.fields] } : {}) }]));
  const indexes = glossary.map((g) => ({ ...g, index: new TermIndex([g.definition]) }));
  const placed = new Set<string>();
  // An entry for a term of the manifold (`charge attempt: one call to Portage Pay …; attempt_id,
  // payment_ref, idempotency_key, outcome`) defines that term: it is no name of the term its
  // definition names first, and the fields it lists are the term's.
  for (const g of glossary) {
    const own = spelled(g.name);
    const term = [...grown.values()].find((t) => [...t.phrases, ...(t.fields ?? [])].some((p) => spelled(p) === own));
    if (!term) continue;
    placed.add(g.name);
    const fields = listedFields(g.definition).filter((f) => !term.phrases.includes(f) && !(term.fields ?? []).includes(f));
    if (fields.length > 0) term.fields = [...(term.fields ?? []), ...fields];
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const g of indexes) {
      if (placed.has(g.name)) continue;
      let best: { term: ManifoldTerm; at: number } | undefined;
      for (const t of grown.values()) {
        const at = Math.min(...t.phrases.map((p) => g.index.occurrences(p.replace(/[_-]+/g, ' '))[0] ?? Infinity));
        if (at < (best?.at ?? Infinity)) best = { term: t, at };
      }
      if (!best) continue;
      const phrase = g.name.replace(/^["']|["']$/g, '').replace(/[_-]+/g, ' ').trim();
      if (phrase.length > 1 && !best.term.phrases.includes(phrase)) best.term.phrases.push(phrase);
      placed.add(g.name);
      changed = true;
    }
  }
  return new Map([...grown].filter(([before, after]) => after.phrases.length > before.phrases.length || (after.fields?.length ?? 0) > (before.fields?.length ?? 0)));
}

/** A name as matching compares it: lower case, `_` and `-` as spaces. */
function spelled(name: string): string {
  return name.replace(/^["']|["']$/g, '').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The fields a glossary definition lists, as phrases: its snake_case identifiers (`attempt_id`,
 * `payment_ref` → "payment ref"), not those inside a template's braces (`dep-{booking_id}` is a
 * reference's shape, not a field of the term).
 */
function listedFields(definition: string): string[] {
  const bare = definition.replace(/\{[^{}]*\}/g, ' ');
  return [...new Set([...bare.matchAll(/(?<![\p{L}\p{N}_.{-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\p{L}\p{N}_-])/gu)].map((m) => m[0].replace(/_/g, ' ')))];
}

/**
 * The thing several entities are parts of: a word that opens two or more entity names and is no
 * entity of its own (`refund_case`, `refund_request`, `refund_ledger` → `refund`). The team named
 * the parts, and an incident about the thing ("refunds Halcyon refused") names it without them.
 */
function sharedHeads(entities: readonly ManifoldTerm[]): ManifoldTerm[] {
  const heads = new Map<string, number>();
  for (const e of entities) {
    const words = e.name.split(/[\s_-]+/).filter((w) => w.length > 0);
    if (words.length > 1) heads.set(words[0]!.toLowerCase(), (heads.get(words[0]!.toLowerCase()) ?? 0) + 1);
  }
  const own = new Set(entities.flatMap((e) => e.phrases.map((p) => p.toLowerCase())));
  return [...heads].filter(([head, n]) => n >= 2 && !own.has(head)).map(([head]) => ({ name: head, phrases: [head] }));
}

/**
 * `data_loss` → phrases `["data loss"]`; `{name, aliases}` → name and aliases; a bracketed note or
 * a slash adds the phrases it names (`termPhrases`); a note of the term's own that defines an
 * abbreviation (`role: channel manager (CM)`) names the term by it and by its expansion; and every
 * phrase is also looked for with the manifold's abbreviations.
 */
function toTerm(input: ManifoldTermInput, abbreviations: ReadonlyMap<string, string>, commented: readonly string[] = []): ManifoldTerm {
  const name = typeof input === 'string' ? input : input.name;
  const aliases = [...(typeof input === 'string' ? [] : input.aliases), ...commented];
  const own = [...definedAbbreviations(termTexts(input).slice(1))].flat();
  const phrases = [name, ...aliases, ...own].flatMap((p) => termPhrases(p)).map((p) => p.replace(/[_-]+/g, ' ').trim());
  return { name, phrases: withAbbreviations([...new Set(phrases)], abbreviations) };
}

/** The comment written after each item of the list under `key` (`- reservation  # a.k.a. booking`), by position. */
function itemComments(doc: Document, key: string): (string | undefined)[] {
  const list = doc.get(key, true);
  return isSeq(list) ? list.items.map((item) => (isNode(item) ? (item.comment ?? undefined) : undefined)) : [];
}

/** The note of a term written `name: note` (see `TermSchema`), which says what a comment would. */
function termNote(input: ManifoldTermInput): string {
  return typeof input === 'object' && typeof input.note === 'string' ? input.note : '';
}

/** A term's name, then the text of its notes (`role:`, `notes:`…). */
function termTexts(input: ManifoldTermInput): string[] {
  if (typeof input === 'string') return [input];
  const notes = Object.entries(input).filter(([key, value]) => key !== 'name' && key !== 'aliases' && typeof value === 'string');
  return [input.name, ...notes.map(([, value]) => value as string)];
}
