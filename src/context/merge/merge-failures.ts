import { Document, isMap, isScalar, isSeq, parseDocument, YAMLMap, type YAMLSeq } from 'yaml';
import { statementKey } from '../analysis/statements.js';
import { MergeError } from '../errors.js';
import { parseManifold } from '../manifold/parse-manifold.js';
import { isKeyedById, type ManifoldData } from '../manifold/manifold-schema.js';
import { atLine, firstIssue, formatPath, parseYamlSource, syntaxErrorText } from '../../yaml-source.js';
import { FailuresForMergeSchema, type FailuresForMerge } from './failures-input-schema.js';

/** Marks everything merge adds, so it can be told apart from hand-written entries. */
export const MERGE_SOURCE = 'failure_analysis';

/** What a merge added (ids as they appear in the manifold after the merge). */
export interface MergeAdditions {
  constraints: string[];
  failureModes: string[];
  exclusions: string[];
}

/** The outcome of merging a failures YAML into a manifold. */
export interface MergeResult {
  /** The manifold text after the merge; identical to the input when nothing was added. */
  text: string;
  changed: boolean;
  added: MergeAdditions;
}

/**
 * Merge a failures YAML into a manifold, editing the manifold's YAML document in place so its
 * comments, key order and quoting stay as written:
 *
 * - each derived constraint is appended to `constraints` with `_source: failure_analysis` and
 *   `derived_from`, unless the manifold already has its id or the same statement;
 * - each newly discovered failure mode is appended to `failure_modes` under the next free `F<n>`
 *   id, with `incident_refs`, unless the manifold already has the same scenario;
 * - each anti-pattern's prevention becomes an entry of `solution_space.exclusions` (keyed by
 *   `anti_pattern` id), unless one for that anti-pattern exists.
 *
 * Merging the same file twice changes nothing the second time (the text is returned unchanged).
 *
 * @throws ManifoldError when the manifold is malformed; MergeError when the failures YAML is
 *   malformed or was generated for another manifold
 */
export function mergeFailuresIntoManifold(manifoldText: string, manifoldFile: string, failuresText: string, failuresFile: string): MergeResult {
  const manifold = parseManifold(manifoldText, manifoldFile);
  const failures = parseFailures(failuresText, failuresFile);
  if (failures.meta.manifold !== manifold.name) {
    throw new MergeError(`${failuresFile}: was generated for manifold "${failures.meta.manifold}", not "${manifold.name}" (${manifoldFile})`, {
      help: `Run faultline context ${manifoldFile} --out FILE and merge that file`,
      file: failuresFile,
    });
  }
  const doc = parseDocument(manifoldText);
  const node = (value: unknown) => doc.createNode(value, { aliasDuplicateObjects: false });
  const constraintsPath = derivedConstraintsPath(manifold.data.constraints);
  const mergedLists = [constraintsPath, ...OTHER_MERGED_LISTS];
  const before = new Map(mergedLists.map((path) => [path.join('.'), blockListEnd(doc, manifoldText, path)]));
  const added: MergeAdditions = { constraints: [], failureModes: [], exclusions: [] };

  // A manifold that keys its constraints (or failure modes) by id gets the new ones as entries of that mapping.
  const keyedConstraints = isKeyedById(manifold.data.constraints);
  const keyedModes = isKeyedById(manifold.data.failure_modes);
  const constraintIds = new Set(manifold.constraints.map((c) => c.id));
  const statements = new Set(manifold.constraints.map((c) => statementKey(c.statement)));
  const groups = failures.derived_constraints;
  const derived = [
    ...(groups?.from_incidents ?? []).map((g) => ({ from: g.incident, list: g.generated_constraints })),
    ...(groups?.from_anti_patterns ?? []).map((g) => ({ from: g.anti_pattern, list: g.generated_constraints })),
    ...(groups?.from_ticket_patterns ?? []).map((g) => ({ from: `ticket pattern "${g.pattern}"`, list: g.generated_constraints })),
  ];
  for (const { from, list } of derived) {
    for (const c of list) {
      if (constraintIds.has(c.id) || statements.has(statementKey(c.statement))) continue;
      constraintIds.add(c.id);
      statements.add(statementKey(c.statement));
      const { id, type, statement, rationale, violation_scenario: violation, measurement } = c;
      const into = keyedConstraints ? keyedAt(doc, ['constraints'], id) : (value: unknown) => seqAt(doc, constraintsPath).add(value);
      into(
        node({
          ...(keyedConstraints ? {} : { id }),
          type,
          statement,
          ...(rationale ? { rationale } : {}),
          ...(violation ? { violation_scenario: violation } : {}),
          ...(measurement ? { measurement } : {}),
          _source: MERGE_SOURCE,
          derived_from: from,
        }),
      );
      added.constraints.push(id);
    }
  }

  const scenarios = new Set(manifold.failureModes.map((f) => statementKey(f.scenario)));
  const fmIds = new Set(manifold.failureModes.map((f) => f.id));
  let next = Math.max(0, ...manifold.failureModes.map((f) => Number(/^F(\d+)$/.exec(f.id)?.[1] ?? 0))) + 1;
  for (const fm of failures.enriched_failure_modes?.newly_discovered ?? []) {
    if (scenarios.has(statementKey(fm.scenario))) continue;
    scenarios.add(statementKey(fm.scenario));
    while (fmIds.has(`F${next}`)) next += 1;
    const id = `F${next}`;
    fmIds.add(id);
    const into = keyedModes ? keyedAt(doc, ['failure_modes'], id) : (value: unknown) => seqAt(doc, ['failure_modes']).add(value);
    into(
      node({
        ...(keyedModes ? {} : { id }),
        scenario: fm.scenario,
        ...(fm.probability ? { probability: fm.probability } : {}),
        ...(fm.impact ? { impact: fm.impact } : {}),
        ...(fm.constraints_violated.length > 0 ? { constraints_violated: fm.constraints_violated } : {}),
        ...(fm.detection ? { detection: fm.detection } : {}),
        ...(fm.mitigation ? { mitigation: fm.mitigation } : {}),
        ...(fm.prevention ? { prevention: fm.prevention } : {}),
        ...(fm.incidents.length > 0 ? { incident_refs: fm.incidents } : { source: fm.source }),
        _source: MERGE_SOURCE,
      }),
    );
    added.failureModes.push(id);
  }

  const excluded = new Set(
    (manifold.data.solution_space?.exclusions ?? [])
      .map((e) => (typeof e === 'object' && typeof e.anti_pattern === 'string' ? e.anti_pattern : undefined))
      .filter((id): id is string => id !== undefined),
  );
  for (const ap of failures.anti_patterns) {
    const prevention = ap.prevention;
    if (excluded.has(ap.id) || !prevention || prevention.must_include.length + prevention.must_exclude.length === 0) continue;
    excluded.add(ap.id);
    seqAt(doc, ['solution_space', 'exclusions']).add(
      node({
        anti_pattern: ap.id,
        ...(ap.name ? { description: ap.name } : {}),
        must_exclude: prevention.must_exclude,
        must_include: prevention.must_include,
        _source: MERGE_SOURCE,
      }),
    );
    added.exclusions.push(ap.id);
  }

  const changed = added.constraints.length + added.failureModes.length + added.exclusions.length > 0;
  if (!changed) return { text: manifoldText, changed, added };
  return { text: spliceNewItems(doc, manifoldText, mergedLists, before) ?? doc.toString(toStringOptions(manifoldText)), changed, added };
}

function parseFailures(text: string, file: string): FailuresForMerge {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) {
    throw new MergeError(syntaxErrorText(file, parsed), {
      help: 'Regenerate the file with faultline context, or fix its syntax',
      file,
      line: parsed.line,
    });
  }
  const result = FailuresForMergeSchema.safeParse(parsed.source.data);
  if (!result.success) {
    const { path, line, text } = firstIssue(parsed.source, result.error, 'invalid');
    throw new MergeError(`${file} ${formatPath(path) || '(top level)'}${atLine(line)}: ${text}`, {
      help: 'The file must be a failures YAML written by faultline context (see docs/context.md "Output")',
      file,
      line,
      cause: result.error,
    });
  }
  return result.data;
}

/** The lists a merge appends to besides the constraints. */
const OTHER_MERGED_LISTS: readonly (readonly string[])[] = [['failure_modes'], ['solution_space', 'exclusions']];

/** Heading for derived constraints in a manifold whose constraints are grouped under headings. */
const DERIVED_HEADING = 'failure_derived';

/**
 * Where derived constraints go: the `constraints` list, or, when the manifold groups its
 * constraints under headings, a heading of their own (`failure_derived`, made when missing), so
 * the team's `business:` / `technical:` lists stay as they wrote them.
 */
function derivedConstraintsPath(constraints: ManifoldData['constraints']): string[] {
  return Array.isArray(constraints) || isKeyedById(constraints) ? ['constraints'] : ['constraints', DERIVED_HEADING];
}

/** A function that sets `id` in the mapping at `path` (a manifold list keyed by id) to the value given. */
function keyedAt(doc: Document, path: readonly string[], id: string): (value: unknown) => void {
  return (value) => {
    const map: unknown = doc.getIn(path, true);
    if (!isMap(map)) throw new MergeError(`${path.join('.')} is not a mapping`, { help: `Make ${path.join('.')} a YAML mapping keyed by id` });
    map.add(doc.createPair(id, value));
  };
}

/** Where an existing, non-empty block list ends in the text: the offset after its last line, and its items' column. */
interface ListEnd {
  items: number;
  offset: number;
  column: number;
}

function blockListEnd(doc: Document, text: string, path: readonly string[]): ListEnd | undefined {
  const seq: unknown = doc.getIn(path, true);
  if (!(isSeq(seq) || isMap(seq)) || seq.flow === true || seq.items.length === 0 || !seq.range) return undefined;
  const start = seq.range[0];
  const column = start - (text.lastIndexOf('\n', start - 1) + 1);
  const lastItem: unknown = seq.items.at(-1);
  const last = (isMap(seq) ? (lastItem as { value?: unknown }).value : lastItem) as { range?: [number, number, number] } | undefined;
  const valueEnd = last?.range?.[1] ?? seq.range[1];
  const newline = text.indexOf('\n', Math.max(valueEnd - 1, 0));
  return { items: seq.items.length, offset: newline < 0 ? text.length : newline + 1, column };
}

/**
 * The original text with the merged items inserted, so every line the merge does not need to
 * change (folded `>-` blocks, aligned comments, quoting) stays byte for byte:
 *
 * - a non-empty block list gets the new items after its last item;
 * - a list written in another shape (`constraints: []`, `[a, b]`, `constraints:` with no value)
 *   becomes a block list under its key: only the value on the key's line (and the lines of a
 *   multi-line flow list) change, a comment on the key's line stays;
 * - a list missing from an existing block mapping (`solution_space:` without `exclusions`) is added
 *   after the mapping's last line, a section missing altogether at the end of the file.
 *
 * Undefined for any other shape (a flow mapping, a list nested in one): then the document is
 * written whole.
 */
function spliceNewItems(
  doc: Document,
  text: string,
  mergedLists: readonly (readonly string[])[],
  before: ReadonlyMap<string, ListEnd | undefined>,
): string | undefined {
  const original = parseDocument(text);
  const options = toStringOptions(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // `appended`: a whole section added at the end of the file, after anything else inserted there.
  const inserts: { offset: number; remove?: number; text: string; appended?: boolean }[] = [];
  for (const path of mergedLists) {
    const seq: unknown = doc.getIn(path, true);
    const end = before.get(path.join('.'));
    if (end && isMap(seq)) {
      // A mapping keyed by id: the new entries after its last one.
      if (seq.items.length === end.items) continue;
      const added = new YAMLMap();
      added.items = seq.items.slice(end.items);
      inserts.push({ offset: end.offset, text: lineBreakBefore(text, end.offset, eol) + renderBlock(new Document(added), end.column, options, eol) });
      continue;
    }
    if (!isSeq(seq)) continue;
    if (end) {
      if (seq.items.length === end.items) continue;
      inserts.push({ offset: end.offset, text: lineBreakBefore(text, end.offset, eol) + renderBlock(new Document(seq.items.slice(end.items)), end.column, options, eol) });
      continue;
    }
    if (seq.items.length === 0) continue;
    // The deepest part of the path the original text has, and what stands there. Rendered from
    // plain values: a list that was written in flow style is rewritten as a block.
    const depth = [...path.keys()].reverse().find((i) => original.hasIn(path.slice(0, i + 1))) ?? -1;
    const rest = path.slice(depth + 1);
    const nested = rest.reduceRight<unknown>((inner, key) => ({ [key]: inner }), seq.toJSON());
    if (depth < 0) {
      // A section the manifold lacks altogether is appended at the end.
      const gap = text.length === 0 || text.endsWith('\n') ? '' : eol;
      inserts.push({ offset: text.length, text: gap + renderBlock(new Document(nested), 0, options, eol), appended: true });
      continue;
    }
    const at = path.slice(0, depth + 1);
    const parent: unknown = depth === 0 ? original.contents : original.getIn(at.slice(0, -1), true);
    const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === at.at(-1)) : undefined;
    const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
    if (!pair || !keyRange) return undefined;
    const existing = original.getIn(at, true);
    if (rest.length > 0 && isMap(existing) && !existing.flow && existing.items.length > 0 && existing.range) {
      // `solution_space:` with other keys but no `exclusions`: add it after the mapping's last line.
      const lastValue = existing.items.at(-1)?.value as { range?: [number, number, number] } | null | undefined;
      const offset = lineEnd(text, lastValue?.range?.[1] ?? existing.range[1]);
      const firstKey = (existing.items[0]?.key as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
      inserts.push({ offset, text: lineBreakBefore(text, offset, eol) + renderBlock(new Document(nested), columnOf(text, firstKey), options, eol) });
      continue;
    }
    const empty = existing === null || existing === undefined || (isScalar(existing) && existing.value === null);
    const flow = (isSeq(existing) || isMap(existing)) && existing.flow === true;
    if (!empty && !flow) return undefined;
    // The value on the key's line (`[]`, `[a, b]`, `{}`, nothing) gives way to a block under the
    // key; a multi-line flow value's lines go with it, a comment after it stays on the key's line.
    const node = pair.value as { range?: [number, number, number] } | null;
    const valueStart = node?.range?.[0] ?? keyRange[1];
    const valueEnd = flow ? (node?.range?.[1] ?? valueStart) : valueStart;
    const offset = lineEnd(text, valueEnd);
    const grown = (doc.getIn(at, true) as { toJSON(): unknown }).toJSON();
    const column = columnOf(text, keyRange[0]) + (Array.isArray(grown) && !options.indentSeq ? 0 : options.indent);
    const blanksBefore = /[ \t]*$/.exec(text.slice(0, valueStart))?.[0].length ?? 0;
    if (valueEnd > valueStart) inserts.push({ offset: valueStart - blanksBefore, remove: valueEnd - valueStart + blanksBefore, text: '' });
    inserts.push({ offset, text: lineBreakBefore(text, offset, eol) + renderBlock(new Document(grown), column, options, eol) });
  }
  // From the end backwards; at one offset appended sections go first, then the later insert, so
  // they end up in list order with appended sections last.
  const ordered = inserts
    .map((insert, order) => ({ ...insert, order }))
    .sort((a, b) => b.offset - a.offset || Number(b.appended ?? false) - Number(a.appended ?? false) || b.order - a.order);
  return ordered.reduce((t, i) => t.slice(0, i.offset) + i.text + t.slice(i.offset + (i.remove ?? 0)), text);
}

/** `doc` rendered in the manifold's layout, every line indented by `column`, ending with a line break. */
function renderBlock(doc: Document, column: number, options: ReturnType<typeof toStringOptions>, eol: string): string {
  const pad = ' '.repeat(column);
  const lines = doc.toString(options).replace(/\n$/, '').split('\n').map((l) => (l.length > 0 ? pad + l : l));
  return lines.join(eol) + eol;
}

/** The column of `offset` in its line. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The offset just after the line break ending the line that holds `offset` (the text's end on its last line). */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(offset - 1, 0));
  return newline < 0 ? text.length : newline + 1;
}

/** A line break to write before an insert at the very end of a text that does not end with one. */
function lineBreakBefore(text: string, offset: number, eol: string): string {
  return offset === text.length && text.length > 0 && !text.endsWith('\n') ? eol : '';
}

/** The sequence at `path`, created (in block style, at the end of its parent) when missing. */
function seqAt(doc: Document, path: readonly string[]): YAMLSeq {
  let parent: YAMLMap | Document = doc;
  for (const [i, key] of path.entries()) {
    const last = i === path.length - 1;
    const existing: unknown = parent.get(key, true);
    if (last) {
      if (isSeq(existing)) {
        if (existing.items.length === 0) existing.flow = false; // `constraints: []` grows as a block list
        return existing;
      }
      const seq = doc.createNode([]) as YAMLSeq;
      if (isScalar(existing) && existing.value === null) parent.set(key, seq);
      else if (existing === undefined) parent.set(key, seq);
      else throw new MergeError(`${path.join('.')} is not a list`, { help: `Make ${path.join('.')} a YAML list` });
      return seq;
    }
    if (isMap(existing)) parent = existing;
    else {
      const map = doc.createNode({}) as YAMLMap;
      parent.set(key, map);
      parent = map;
    }
  }
  throw new MergeError('empty path', { help: 'internal error' });
}

/** Write the manifold back in its own layout: indent width and whether lists are indented. */
function toStringOptions(original: string): { indent: number; indentSeq: boolean; lineWidth: number; flowCollectionPadding: boolean } {
  const indent = /^( +)\S/m.exec(original)?.[1]?.length ?? 2;
  const indentSeq = !/^[^\s#-][^\n]*:[ \t]*\r?\n-[ \t]/m.test(original);
  return { indent: Math.min(Math.max(indent, 2), 8), indentSeq, lineWidth: 0, flowCollectionPadding: /\[ \S/.test(original) };
}
