import { compiledOnce } from '../compiled.js';
import { lastBindingBefore } from '../bindings.js';
import { resolveLocalFunction } from '../local-helpers.js';
import { WordSet, escapeRegExp, splitWords } from '../names.js';
import { blockStatements, isFallback, callArguments, contains, isCall, literalEntries, keywordArgument, stringValue, unwrapAwait, type Node } from '../syntax.js';
import type { FileContext } from '../types.js';

/**
 * Whether a query selects records that are due for another attempt of what a sweep does to them:
 * records an earlier attempt left failed (`status="failed"`, `"transfer_failed"`, a retry state),
 * records counted by their attempts (`attempt_count < 5`, `.lt("retry_count", …)`, `retries__lt=3`,
 * `next_retry_at <= now`), or records not yet marked done (`{ processed: false }`, `sent=False`:
 * an outbox, where a send whose mark did not follow is sent again on the next run).
 *
 * The query is read where the loop takes its records from: the expression itself, the name it is
 * bound to (`failed = result.scalars().all()` and `result = await session.execute(…where(…))`,
 * through the receiver of each call), or the body of a function of this file that returns them
 * (`getPendingFailedTransfers(limit)`).
 */
export function selectsDueRecords(ctx: FileContext, node: Node | null, at: Node): boolean {
  return selects(ctx, node, at, new Set(), 0);
}

/**
 * A loop over a collection that skips every record not in a failed state before doing anything
 * else (`for (const [id, escrow] of Object.entries(db.escrows)) { if (escrow?.status !== 'payout_failed')
 * continue; … }`, `for p in payouts: if p.status != "failed": continue`): the records it works on are
 * those an earlier attempt left failed, however the collection was read. Returns the record's name.
 */
export function skipsAllButFailed(ctx: FileContext, loop: Node, body: Node): { record: string; fields: Map<string, Set<string>> } | null {
  const v = dueVocab(ctx);
  const left = loop.childForFieldName('left');
  if (left === null) return null;
  const bound = new Set(left.type === 'identifier' ? [left.text] : left.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']).map((n) => n.text));
  for (const st of blockStatements(body)) {
    if (st.type !== 'if_statement') return null;
    const consequence = st.childForFieldName('consequence');
    const steps = blockStatements(consequence);
    if (st.childForFieldName('alternative') !== null || steps.length !== 1 || steps[0]!.type !== 'continue_statement') return null;
    const cond = st.childForFieldName('condition');
    const test = cond === null ? null : (cond.type === 'parenthesized_expression' ? cond.firstNamedChild : cond);
    if (test === null || (test.type !== 'binary_expression' && test.type !== 'comparison_operator')) continue;
    const op = test.childForFieldName('operator')?.text ?? test.children.find((c) => !c.isNamed)?.text ?? '';
    if (!['!==', '!=', 'not in'].includes(op.replace(/\s+/g, ' '))) continue;
    const [a, b] = test.namedChildren;
    if (a === undefined || b === undefined) continue;
    const member = a.type === 'member_expression' || a.type === 'attribute' ? a : null;
    const field = member && (member.childForFieldName('property') ?? member.childForFieldName('attribute'));
    const record = member?.childForFieldName('object');
    if (field == null || record == null || !bound.has(record.text) || !v.stateWords.anyWordOf(field.text)) continue;
    const values = [b, ...b.descendantsOfType(['string', 'member_expression', 'attribute'])].flatMap((n) => stateValue(n) ?? []);
    if (values.length > 0 && values.every((x) => isFailureValue(x, v))) return { record: record.text, fields: new Map([[field.text, new Set(values)]]) };
  }
  return null;
}

/** Whether a file's text can hold such a query at all (a cheap test before walking its loops). */
export function mayHoldDueQuery(ctx: FileContext): boolean {
  const v = dueVocab(ctx);
  return v.quickFailed.test(ctx.source) || v.quickCounter.test(ctx.source) || v.quickDoneFalse.test(ctx.source);
}

interface DueVocab {
  values: Set<string>;
  counterWords: WordSet;
  doneWords: WordSet;
  quickFailed: RegExp;
  quickCounter: RegExp;
  quickDoneFalse: RegExp;
  queryMethods: Set<string>;
  operatorKeys: Set<string>;
  lookupSuffixes: Set<string>;
  exclusionMethods: Set<string>;
  stateWords: WordSet;
  quickState: RegExp;
  nullSuffixes: readonly string[];
  quickUnset: RegExp;
}

function dueVocab(ctx: FileContext): DueVocab {
  return compiledOnce(ctx.vocab, 'due-records', () => {
    const failure = ctx.vocab.outcomes.failure?.values ?? [];
    const values = new Set([...failure, ...ctx.vocab.retry.retry_states].map((v) => v.toLowerCase()));
    const alt = (words: Iterable<string>) => [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const counters = ctx.vocab.retry.due_counter_words;
    const done = ctx.vocab.retry.due_done_flags;
    return {
      values,
      counterWords: new WordSet(counters),
      doneWords: new WordSet(done),
      // A failure value closes a quoted word (`'failed'`, `"transfer_failed"`).
      quickFailed: values.size > 0 ? new RegExp(`(?:${alt(values)})['"\`]`, 'i') : /(?!)/,
      quickCounter: counters.length > 0 ? new RegExp(`(?:${alt(counters)})`, 'i') : /(?!)/,
      queryMethods: new Set(ctx.vocab.retry.due_query_methods),
      operatorKeys: new Set(ctx.vocab.retry.due_operator_keys),
      lookupSuffixes: new Set(ctx.vocab.retry.due_lookup_suffixes),
      exclusionMethods: new Set(ctx.vocab.retry.due_exclusion_methods),
      stateWords: new WordSet(ctx.vocab.retry.due_state_words),
      quickState: ctx.vocab.retry.due_state_words.length > 0 ? new RegExp(`(?:${alt(ctx.vocab.retry.due_state_words)})['"]?\\s*[:=]`, 'i') : /(?!)/,
      nullSuffixes: ctx.vocab.retry.null_filter_suffixes,
      // What `selectsUnset` accepts: `sent_at__isnull=True`, `.is("sent_at", null)`; not a `{ sentAt: null }` object entry.
      quickUnset: new RegExp(
        [
          ...ctx.vocab.retry.null_filter_suffixes.map((s) => `${alt([s])}\\s*=\\s*True`),
          ...(ctx.vocab.retry.schedule_filter_methods.length > 0 ? [`\\.(?:${alt(ctx.vocab.retry.schedule_filter_methods)})\\(\\s*['"\`][^'"\`]+['"\`]\\s*,\\s*(?:null|None)\\s*\\)`] : []),
        ].join('|') || '(?!)',
      ),
      quickDoneFalse: done.length > 0 ? new RegExp(`(?:${alt(done)})['"]?\\s*[:=]\\s*(?:false|False)\\b`, 'i') : /(?!)/,
    };
  });
}

const MAX_DEPTH = 6;

/** A list, tuple, set or array written out in the code. */
const LITERAL_COLLECTIONS = new Set(['list', 'tuple', 'set', 'array']);

/** Such a collection, or a comprehension over one (`[{'status': x} for x in ['COMPLETED', 'FAILED']]`). */
function writtenInCode(node: Node): boolean {
  if (LITERAL_COLLECTIONS.has(node.type)) return true;
  if (!/comprehension|generator_expression/.test(node.type)) return false;
  const clauses = node.namedChildren.filter((c) => c.type === 'for_in_clause');
  return clauses.length > 0 && clauses.every((c) => LITERAL_COLLECTIONS.has(c.childForFieldName('right')?.type ?? ''));
}

function selects(ctx: FileContext, node: Node | null, at: Node, seen: Set<number>, depth: number): boolean {
  if (node === null || depth > MAX_DEPTH || seen.has(node.id)) return false;
  seen.add(node.id);
  // `for status in ["COMPLETED", "FAILED"]`, `statuses = ['FAILED', …]`: values written in the
  // code, one case each, not records an earlier run left failed (a test's table of cases).
  if (writtenInCode(unwrapAwait(node) ?? node)) return false;
  const v = dueVocab(ctx);
  if (queryStrings(node).some((s) => !leftOut(s, node, v) && selectsByString(s, v))) return true;
  if (queryEntries(node).some((e) => !leftOut(e.value, node, v) && selectsByEntry(e.key, e.value, v))) return true;
  if (comparesCounterColumn(node, v)) return true;
  let n = unwrapAwait(node) ?? node;
  while (n.type === 'parenthesized_expression' && n.namedChildren.length === 1) n = unwrapAwait(n.namedChildren[0]!) ?? n.namedChildren[0]!;
  // `failedTransfers ?? []`, `rows || []`, `rows or []`: the records are those of the left side.
  if (isFallback(n)) {
    return selects(ctx, n.childForFieldName('left'), at, seen, depth + 1);
  }
  if (n.type === 'identifier') {
    const bound = lastBindingBefore(ctx, n.text, at);
    // Names in the bound value are read where it is bound: `query = query.eq("driver_id", id)` builds
    // on the query bound before it (a query builder narrowed step by step), not on itself.
    // Each narrowing step costs no depth of its own: only its chain's step does.
    const narrows = bound !== null && chainRoot(bound)?.text === n.text;
    return bound !== null && bound.type !== 'identifier' && selects(ctx, bound, bound.parent ?? at, seen, narrows ? depth : depth + 1);
  }
  // `result.scalars().all()`: the records come from what the chain starts with.
  // (A call of the chain that passes its own filter, `Contact.findAll({ where: { … } })`, is the
  // query: its receiver is the model, whose definition lists every state a record may take.)
  const root = chainRoot(n);
  if (root !== null && root.id !== n.id && !filtersOnItsOwn(n) && selects(ctx, root, at, seen, depth + 1)) return true;
  // `getPendingTransfers(limit)`: a function of this file that returns the records of a query.
  if (isCall(n, ctx.family)) {
    const fn = resolveLocalFunction(ctx, n);
    if (fn !== null && !contains(fn, at) && returnedQueries(fn).some((q) => selects(ctx, q, at, seen, depth + 1))) return true;
  }
  return false;
}

/**
 * What a function returns, and the values bound in it to the names it returns (`const { data } =
 * await supabase.from(…).in("status", […]); return data || []`): where the query that selects its
 * records is. Other calls of its body (an update that marks a row failed) select nothing.
 */
function returnedQueries(fn: Node): Node[] {
  const body = fn.childForFieldName('body');
  if (body === null) return [];
  if (body.type !== 'block' && body.type !== 'statement_block') return [body];
  const returned = body.descendantsOfType('return_statement').flatMap((r) => r.namedChildren);
  const names = new Set(returned.flatMap((r) => (r.type === 'identifier' ? [r] : r.descendantsOfType('identifier')).map((id) => id.text)));
  const bound = body.descendantsOfType(['variable_declarator', 'assignment']).flatMap((b) => {
    const target = b.childForFieldName('name') ?? b.childForFieldName('left');
    const value = b.childForFieldName('value') ?? b.childForFieldName('right');
    if (target === null || value === null) return [];
    const targets = target.type === 'identifier' ? [target.text] : target.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']).map((t) => t.text);
    return targets.some((t) => names.has(t)) ? [value] : [];
  });
  return [...returned, ...bound];
}

/**
 * The state a value names: a string (`'pending'`) or an enum member spelled in capitals
 * (`TRANSACTION_STATUS.APPROVED`, `OutboxStatus.PENDING`, `Status.APPROVED`), lowercase; null
 * for anything else (`user.id` names no state).
 */
export function stateValue(node: Node | null): string | null {
  if (node === null) return null;
  const text = stringValue(node);
  if (text !== null) return text.toLowerCase();
  if (node.type !== 'member_expression' && node.type !== 'attribute') return null;
  const member = node.childForFieldName('property') ?? node.childForFieldName('attribute');
  return member !== null && /^[A-Z][A-Z0-9_]*$/.test(member.text) && /[A-Z]{2}/.test(member.text) ? member.text.toLowerCase() : null;
}

/**
 * The value a query selects a field by, or a write sets it to: a state (see `stateValue`), or for a
 * done flag (`due_done_flags`: `sent`, `processed`) the boolean written out (`sent: false` selects
 * the records not yet sent, `sent: true` moves one out of that selection).
 */
export function selectedValue(ctx: FileContext, field: string, node: Node | null): string | null {
  const state = stateValue(node);
  if (state !== null || node === null || !dueVocab(ctx).doneWords.has(field)) return state;
  return /^(true|false|True|False)$/.test(node.text) ? node.text.toLowerCase() : null;
}

/**
 * Whether a file's text can mark a record's state (`status = …`, `status: …`) or select rows by a
 * done-marker still unset (which any write of a value marks): a cheap test before walking its sweeps.
 */
export function mayMarkState(ctx: FileContext): boolean {
  const v = dueVocab(ctx);
  return v.quickState.test(ctx.source) || v.quickUnset.test(ctx.source);
}

/**
 * A sweep that marks each record it handles done by moving it out of the state it selected it in
 * (the query takes `status: APPROVED`, the body sets `transaction.status = SUCCESSFUL` or updates the
 * row with `data: { status: PUBLISHED }`): a record whose write went through but whose mark did not
 * follow (the call timed out, the update failed, a handler put the old state back) is selected again
 * by the next run, which writes again. `selection` is the loop's record and the values its query
 * takes per field; only fields that name a state (`due_state_words`) count.
 */
export function marksOutOfSelection(ctx: FileContext, body: Node, selection: { record: string; fields: Map<string, Set<string>> }): boolean {
  const v = dueVocab(ctx);
  // A state field (`status`), a done flag (`{ sent: false }` selected, `data: { sent: true }` marked),
  // or any column selected while unset: the done-marker a write sets (`payout_completed_at`).
  const selected = (field: string) => {
    const values = selection.fields.get(field);
    return values !== undefined && (values.has(UNSET) || v.stateWords.anyWordOf(field) || v.doneWords.has(field)) ? values : undefined;
  };
  if (![...selection.fields.keys()].some((f) => selected(f) !== undefined)) return false;
  const movesOut = (field: string, value: Node | null) => {
    const values = selected(field);
    return values !== undefined && leavesValues(values, value, (n) => selectedValue(ctx, field, n));
  };
  // `transaction.status = TRANSACTION_STATUS.SUCCESSFUL`
  for (const a of body.descendantsOfType(['assignment', 'assignment_expression'])) {
    const left = a.childForFieldName('left');
    if (left === null || (left.type !== 'member_expression' && left.type !== 'attribute') || left.firstNamedChild?.text !== selection.record) continue;
    const field = (left.childForFieldName('property') ?? left.childForFieldName('attribute'))?.text;
    if (field !== undefined && movesOut(field, a.childForFieldName('right'))) return true;
  }
  // `prisma.outboxEvent.update({ where: { id: event.id }, data: { status: PUBLISHED } })`, `rec.update(status="sent")`,
  // and a chain whose last call names the record (`db.update(payouts).set({ status: "released" }).where(eq(payouts.id, payout.id))`).
  const record = new RegExp(`(?<![\\w$.])${escapeRegExp(selection.record)}\\b`);
  for (const call of body.descendantsOfType(['call', 'call_expression'])) {
    if (!record.test(call.text)) continue;
    for (const link of chainCalls(call)) {
      const args = link.childForFieldName('arguments');
      if (args !== null && queryEntries(args).some((e) => movesOut(e.key, e.value))) return true;
    }
  }
  return false;
}

/**
 * A handler that writes its record back as failed: a call whose arguments set a state field to a
 * failure value or count one more attempt (`update({ data: { status: 'FAILED', attempts: n + 1 } })`,
 * `filter(pk=r.pk).update(status="failed")`), or an assignment of a failure value to a state field
 * (`row.status = 'failed'`). A sweep over records that failed before selects that record again.
 */
export function writesFailureBack(ctx: FileContext, handler: Node): boolean {
  const v = dueVocab(ctx);
  const failedState = (key: string, value: Node | null) => {
    const state = stateValue(value);
    return state !== null && v.stateWords.anyWordOf(key) && isFailureValue(state, v);
  };
  const counted = (key: string, value: Node) => isCounterColumn(key, v) && /\+\s*1\b/.test(value.text);
  for (const call of handler.descendantsOfType(['call', 'call_expression'])) {
    const args = call.childForFieldName('arguments');
    if (args !== null && queryEntries(args).some((e) => failedState(e.key, e.value) || counted(e.key, e.value))) return true;
  }
  for (const a of handler.descendantsOfType(['assignment', 'assignment_expression'])) {
    const left = a.childForFieldName('left');
    const field = left?.childForFieldName('property') ?? left?.childForFieldName('attribute');
    if (field != null && failedState(field.text, a.childForFieldName('right'))) return true;
  }
  return false;
}

/** A call and the calls of the chain it ends (`.where(…)` of `db.update(t).set({…}).where(…)`: all three). */
function chainCalls(call: Node): Node[] {
  const out: Node[] = [];
  for (let n: Node | null = call; n !== null && (n.type === 'call' || n.type === 'call_expression'); ) {
    out.push(n);
    const fn = unwrapAwait(n.childForFieldName('function'));
    // `a.b(…)` of either language: the member's object is the previous call of the chain, if a call.
    n = fn === null ? null : unwrapAwait(fn.childForFieldName('object'));
  }
  return out;
}

/**
 * The value a selection holds for a column selected while unset (`.is("payout_completed_at", null)`,
 * `sent_at__isnull=True`): rows whose done-marker no run has written yet.
 * No state a string or an enum member names can be equal to it.
 */
export const UNSET = '\0unset';

const NULLISH = /^(?:null|None|undefined)$/;

/**
 * Whether a value written to a selected field takes the row out of the values it was selected by:
 * another state (`status = 'SENT'` where PENDING was selected), or any value at all for a field selected
 * while unset (`payout_completed_at: new Date().toISOString()`, `payout_processed: true`). `valueOf`
 * reads the written value as the selection reads its own (a done flag's boolean, see `selectedValue`).
 */
export function leavesValues(values: ReadonlySet<string>, value: Node | null, valueOf: (n: Node) => string | null = stateValue): boolean {
  if (value === null) return false;
  if (values.has(UNSET) && !NULLISH.test(value.text)) return true;
  const state = valueOf(value);
  return state !== null && !values.has(state);
}

/**
 * Whether a selection's key and value pick rows where the column is unset: a filter spelled for it
 * (`sent_at__isnull=True`, and `.is("sent_at", null)` when `byNull`, a filter method's arguments).
 * A `{ sentAt: null }` inside an object is left out: an ORM's where-object is read by the sweeps'
 * other gates (a job whose every error is kept, a timer's run reported at its call).
 */
export function selectsUnset(ctx: FileContext, key: string, value: Node, byNull: boolean): boolean {
  return dueVocab(ctx).nullSuffixes.some((s) => key.endsWith(s)) ? /^(?:True|true)$/.test(value.text) : byNull && NULLISH.test(value.text);
}

/**
 * `knex('jobs').where('status', 'pending')`, Supabase `.eq("status", "completed")`, `.in("status", [...])`,
 * `.is("payout_completed_at", null)`: a column's name and the value it is compared with, as the
 * call's two arguments; null for any other call.
 */
export function positionalFilter(call: Node): { field: string; value: Node } | null {
  const args = callArguments(call);
  if (args.length !== 2 || args[0] === undefined || args[1] === undefined) return null;
  const key = stringValue(args[0]);
  return key !== null && /^[A-Za-z_]\w*$/.test(key) ? { field: key, value: args[1] } : null;
}

/**
 * The positional filters of a query's chain (`supabase.from("sales").select("*").eq("status",
 * "completed").is("payout_completed_at", null)`): calls of the filter methods a query builder names
 * for the comparison (`retry.schedule_filter_methods`).
 */
export function positionalFilters(ctx: FileContext, source: Node): { field: string; value: Node }[] {
  const methods = ctx.vocab.retry.schedule_filter_methods;
  if (methods.length === 0) return [];
  const out: { field: string; value: Node }[] = [];
  for (const call of [source, ...source.descendantsOfType(['call', 'call_expression'])]) {
    if (call.type !== 'call' && call.type !== 'call_expression') continue;
    const method = calledMethod(call);
    const filter = method !== undefined && methods.includes(method) ? positionalFilter(call) : null;
    if (filter !== null) out.push(filter);
  }
  return out;
}

/**
 * `eq(payouts.status, "pending")`, `inArray(orders.status, ["failed", "pending"])`: a query's filter
 * written as a function of a column and its values (`retry.column_filter_calls`, drizzle), read as
 * the column's name and the value node.
 */
export function columnFilters(ctx: FileContext, source: Node): { field: string; value: Node }[] {
  const names = ctx.vocab.retry.column_filter_calls;
  if (names.length === 0) return [];
  const out: { field: string; value: Node }[] = [];
  for (const call of source.descendantsOfType(['call', 'call_expression'])) {
    const fn = call.childForFieldName('function');
    if (fn === null || !names.includes(fn.text)) continue;
    const [column, value] = callArguments(call);
    const field = columnName(column);
    if (field !== undefined && value !== undefined) out.push({ field, value });
  }
  return out;
}

/**
 * The columns a query call's arguments compare, with the value each is compared with: Python's
 * overloaded `Model.col == value` / `Model.col is None` (a model's column turns the comparison into
 * the query's condition), and a column's filter method (`retry.column_filter_methods`: SQLAlchemy
 * `Model.col.is_(None)`), anywhere in the arguments (`where(and_(Reminder.sent_at == None, …))`).
 */
export function comparedColumns(ctx: FileContext, call: Node): { field: string; value: Node }[] {
  const methods = ctx.vocab.retry.column_filter_methods;
  const out: { field: string; value: Node }[] = [];
  for (const arg of callArguments(call)) {
    for (const c of [arg, ...arg.descendantsOfType(['comparison_operator', 'call'])]) {
      let column: Node | null | undefined;
      let value: Node | null | undefined;
      if (c.type === 'comparison_operator' && c.namedChildren.length === 2 && /^(?:==|is)$/.test(c.children.filter((ch) => !ch.isNamed).map((ch) => ch.text).join(' '))) {
        [column, value] = c.namedChildren;
      } else if (c.type === 'call') {
        const fn = c.childForFieldName('function');
        if (fn?.type !== 'attribute' || !methods.includes(fn.childForFieldName('attribute')?.text ?? '')) continue;
        column = fn.childForFieldName('object');
        value = callArguments(c)[0];
      }
      const field = columnName(column);
      if (field !== undefined && value != null) out.push({ field, value });
    }
  }
  return out;
}

/** The column a filter names: the field of `payouts.status` / `Payout.status`; undefined for anything else. */
function columnName(column: Node | null | undefined): string | undefined {
  if (column == null || (column.type !== 'member_expression' && column.type !== 'attribute')) return undefined;
  return (column.childForFieldName('property') ?? column.childForFieldName('attribute'))?.text;
}

/** A call of the chain `node` ends with passes a filter object of its own (`findAll({ where: … })`, `find({ status: … })`). */
function filtersOnItsOwn(node: Node): boolean {
  for (let n: Node | null = node; n !== null; ) {
    const inner: Node = unwrapAwait(n) ?? n;
    const args = inner.childForFieldName('arguments');
    if (args !== null && args.namedChildren.some((a) => a.type === 'object' || a.type === 'dictionary')) return true;
    n = inner.childForFieldName('function') ?? inner.childForFieldName('object');
  }
  return false;
}

/** The method a call names (`lt` of `query.lt(…)`, `exclude` of `qs.exclude(…)`). */
function calledMethod(call: Node): string | undefined {
  const fn = call.childForFieldName('function');
  return fn?.childForFieldName('property')?.text ?? fn?.childForFieldName('attribute')?.text;
}

/** Whether a value of the query sits in a call that leaves records out (`.exclude(role="rejected")`, `.neq("status", "failed")`). */
function leftOut(value: Node, query: Node, v: DueVocab): boolean {
  for (let n: Node | null = value.parent; n !== null && n.id !== query.parent?.id; n = n.parent) {
    if (n.type !== 'call' && n.type !== 'call_expression') continue;
    // Only the filter a leaving-out call is handed: `filter(next_retry_at__lte=now).exclude(tier="starter")`
    // holds the filter's values in the receiver of `exclude`, which leaves other records out.
    const args = n.childForFieldName('arguments');
    if (args === null || !contains(args, value)) continue;
    const method = calledMethod(n);
    if (method !== undefined && v.exclusionMethods.has(method)) return true;
  }
  return false;
}

/** The receiver a chain of calls and member reads starts from (`result` of `result.scalars().all()`). */
function chainRoot(node: Node): Node | null {
  let n: Node | null = node;
  while (n !== null) {
    const inner: Node = unwrapAwait(n) ?? n;
    const next: Node | null = inner.childForFieldName('function') ?? inner.childForFieldName('object');
    if (next === null) return inner;
    n = next;
  }
  return null;
}

function queryStrings(node: Node): Node[] {
  return [node, ...node.descendantsOfType(['string', 'template_string'])].filter((s) => stringValue(s) !== null);
}

/** The key/value pairs a call's arguments spell: object literals and keyword arguments (`{ status: 'SENT' }`, `status="sent"`). */
export function queryEntries(node: Node): { key: string; value: Node }[] {
  const out: { key: string; value: Node }[] = [];
  for (const obj of node.descendantsOfType(['object', 'dictionary'])) out.push(...literalEntries(obj));
  for (const arg of node.descendantsOfType('keyword_argument')) {
    const kw = keywordArgument(arg);
    if (kw) out.push({ key: kw.name, value: kw.value });
  }
  return out;
}

const SQL_SELECT = /^\s*select\b[\s\S]*?\bwhere\b([\s\S]*)$/i;

/**
 * A string of the query: a failure value on its own (`"failed"`, `"transfer_failed"`), a counter
 * column compared by a query method (`.lt("retry_count", …)`), or SQL whose WHERE clause compares a
 * status with a failure value or compares a counter column (`attempt_count < 5`, `next_retry_at <= ?`).
 */
function selectsByString(node: Node, v: DueVocab): boolean {
  const text = stringValue(node) ?? '';
  if (isFailureValue(text, v)) return true;
  if (/^[A-Za-z_]\w*$/.test(text) && isCounterColumn(text, v) && comparedByMethod(node, v)) return true;
  const where = SQL_SELECT.exec(text)?.[1];
  if (where === undefined) return false;
  if ([...where.matchAll(/'([^']*)'/g)].some((m) => isFailureValue(m[1] ?? '', v))) return true;
  return [...where.matchAll(/\b([A-Za-z_]\w*)\s*(?:<=?|>=?|!=|<>)/gi)].some((m) => isCounterColumn(m[1] ?? '', v));
}

/** `.lt("retry_count", max)`, `.where("attempts", "<", 5)`: the string names the column a query method compares. */
function comparedByMethod(node: Node, v: DueVocab): boolean {
  const call = node.parent?.parent;
  const method = call ? calledMethod(call) : undefined;
  return node.parent?.namedChildren[0]?.id === node.id && method !== undefined && v.queryMethods.has(method);
}


/**
 * A counter column compared where the query names the column itself, not its name: a comparison
 * function of the query builder (Drizzle `lt(deliveries.attempts, 5)`, `lte(deliveries.nextRetryAt,
 * now)`) or a comparison of a model's column (SQLAlchemy `Delivery.attempts < 5`).
 */
function comparesCounterColumn(node: Node, v: DueVocab): boolean {
  const column = (n: Node | null | undefined) => {
    if (n == null || (n.type !== 'member_expression' && n.type !== 'attribute')) return null;
    return (n.childForFieldName('property') ?? n.childForFieldName('attribute'))?.text ?? null;
  };
  for (const call of [node, ...node.descendantsOfType('call_expression')]) {
    if (call.type !== 'call_expression' || call.childForFieldName('function')?.type !== 'identifier') continue;
    if (!v.queryMethods.has(call.childForFieldName('function')!.text)) continue;
    const name = column(call.childForFieldName('arguments')?.namedChildren[0]);
    if (name !== null && isCounterColumn(name, v)) return true;
  }
  for (const cmp of node.descendantsOfType('comparison_operator')) {
    const left = cmp.namedChildren[0];
    const model = left?.type === 'attribute' ? left.childForFieldName('object') : null;
    const name = column(left);
    const op = cmp.children.find((c) => !c.isNamed)?.text ?? '';
    // `Delivery.attempts`: a column of a model class, not a field of a record in hand.
    if (name !== null && /^[<>]=?$/.test(op) && /^[A-Z]/.test(model?.text.split('.').pop() ?? '') && isCounterColumn(name, v)) return true;
  }
  return false;
}

/** `attempts: { lt: 5 }`, `retries__lt=3`, `{ processed: false }` (`status: 'FAILED'` is read with the strings). */
function selectsByEntry(key: string, value: Node, v: DueVocab): boolean {
  const [field = key, suffix] = key.split('__');
  if (isCounterColumn(field, v)) {
    if (suffix !== undefined) return v.lookupSuffixes.has(suffix);
    return (value.type === 'object' || value.type === 'dictionary') && literalEntries(value).some((e) => v.operatorKeys.has(e.key));
  }
  return v.doneWords.has(field) && /^(false|False)$/.test(value.text);
}

function isFailureValue(text: string, v: DueVocab): boolean {
  const lower = text.toLowerCase();
  if (v.values.has(lower)) return true;
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*$/.test(text)) return false;
  const parts = splitWords(text);
  return parts.length > 1 && v.values.has(parts[parts.length - 1] ?? '');
}

/** `attempt_count`, `retry_count`, `retries`, `next_retry_at`: a column that counts or schedules attempts. */
function isCounterColumn(name: string, v: DueVocab): boolean {
  return v.counterWords.anyWordOf(name);
}
