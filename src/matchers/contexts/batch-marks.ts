import { allCalls, calleePath, callsWithin, nodesOfType, nodesWithin } from '../file-index.js';
import { lastBindingBefore } from '../bindings.js';
import { splitWords } from '../names.js';
import { ID_FIELD, OPERATOR_KEY, marks, namesWord, scheduleVocab, scheduledHere, selectedFields, stateSelector, writesField } from './scheduled-runs.js';
import { callArguments, enclosingFunction, functionBody, functionName, functionParameters, isFunction, keywordArgument, lastSegment, literalEntries, unwrapAwait, type Node } from '../syntax.js';
import type { FileContext, Requirement, Scope } from '../types.js';

/**
 * A run that sends in a loop and marks the whole batch only after the loop (`for n in unsent:
 * send_email(…)` then `unsent.update(is_sent=True)`; `for user in users: msg.send()` then
 * `UserProfile.objects.filter(user__in=pks).update(onboarding_email_status=2)`): the rows were
 * selected by the field the mark writes, so a failure part-way through the loop leaves every row
 * unmarked, those already sent included, and whatever runs the function again (its schedule, the
 * next day's cron, an operator re-running the command that failed) selects and sends them again.
 *
 * The selection is the function's own (`cls.objects.filter(is_sent=False)`), or, when the loop runs
 * over a parameter, a caller's: a call that hands the function rows its own read selected by that
 * field (`state-selected:<function>:<field>`, a fact of the caller's file, decided at link time).
 * Quiet when a row is marked inside the loop (before its send: a claim; after it: the per-row
 * write a schedule's scope judges), and when a write of the field comes before the loop (the batch
 * claimed first). A function that selects its own rows counts only when a schedule runs it.
 */
export function batchMarkScopes(ctx: FileContext): Scope[] {
  return ctx.memo('batch-marks:scopes', () => {
    const out: Scope[] = [];
    if (!scheduleVocab(ctx).markText.test(ctx.source)) return out;
    const loopTypes = ctx.family === 'python' ? ['for_statement'] : ['for_in_statement', 'for_statement'];
    for (const loop of nodesOfType(ctx, loopTypes)) {
      const fn = enclosingFunction(loop, ctx.family);
      const body = fn && functionBody(fn);
      const name = fn && functionName(fn);
      if (fn === null || body === null || name === null || isFunction(body, ctx.family)) continue;
      const later = siblingStatements(loop, body, 'after');
      if (later.length === 0) continue;
      const marked = new Set<string>();
      for (const st of later) for (const call of callsWithin(ctx, st)) if (marks(ctx, call)) for (const f of markedFields(call)) marked.add(f);
      // A row marked inside the loop is the per-row write (judged where a schedule runs it), not a batch mark.
      const fields = [...marked].filter((f) => !writesField(ctx, loop, new Set([f]), loop.startIndex, loop.endIndex, false));
      if (fields.length === 0) continue;
      const label = (selected: string[]) => `${name} (sends in a loop over rows selected by ${selected.join(', ')}, marked only after the loop)`;
      const excludes = [...siblingStatements(loop, body, 'before'), ...later, ...keptInLoop(ctx, loop)];
      const own = selectedFields(ctx, body).filter((f) => fields.includes(f));
      if (own.length > 0) {
        // Only a run something repeats: a schedule of this file or another's. A request handler or a
        // chat command that selects and sends is run again by nobody.
        const requires: Requirement | undefined = scheduledHere(ctx, body) ? undefined : { kind: 'project-fact', fact: `scheduled-run:${name}` };
        out.push({ context: 'retry', body, construct: loop, label: label(own), scheduled: { fields: own }, excludes, swallowedRetries: true, ...(requires ? { requires } : {}) });
        continue;
      }
      const iterated = loopIterable(loop);
      if (iterated === null || !functionParameters(fn).includes(iterated) || splitWords(name).length < 2) continue;
      const facts: Requirement[] = fields.map((f) => ({ kind: 'project-fact', fact: `state-selected:${name}:${f}` }));
      const requires: Requirement = facts.length === 1 ? facts[0]! : { kind: 'any-of', of: facts };
      out.push({ context: 'retry', body, construct: loop, label: label(fields), scheduled: { fields }, excludes, swallowedRetries: true, requires });
    }
    return out;
  });
}

/**
 * The try bodies inside the loop whose handlers keep the error (none raises or throws again): a send
 * there that fails does not abort the loop, so the batch is still marked after it (`try: send(…)
 * except Exception: log(…)` per seller). Only a send whose failure leaves the loop leaves the rows
 * already sent unmarked.
 */
function keptInLoop(ctx: FileContext, loop: Node): Node[] {
  const out: Node[] = [];
  for (const t of nodesWithin(ctx, loop, ['try_statement'])) {
    const tryBody = t.childForFieldName('body');
    const handlers = t.namedChildren.filter((c) => c.type === 'except_clause' || c.type === 'catch_clause' || c.type === 'except_group_clause');
    if (tryBody !== null && handlers.length > 0 && handlers.every((h) => !/\b(?:raise|throw)\b/.test(h.text))) out.push(tryBody);
  }
  return out;
}

/** The statements before or after `node` in each block from it up to `body`. */
function siblingStatements(node: Node, body: Node, side: 'before' | 'after'): Node[] {
  const out: Node[] = [];
  for (let n: Node = node, p = node.parent; p !== null; n = p, p = p.parent) {
    if (isBlock(p)) {
      for (const st of p.namedChildren) {
        if (st.type !== 'comment' && (side === 'after' ? st.startIndex > n.endIndex : st.endIndex < n.startIndex)) out.push(st);
      }
    }
    if (p.id === body.id) break;
  }
  return out;
}

function isBlock(n: Node): boolean {
  return n.type === 'block' || n.type === 'statement_block';
}

/** The plain name a loop runs over (`for user in users`, `for (const u of users)`), or null. */
function loopIterable(loop: Node): string | null {
  const right = loop.childForFieldName('right');
  if (right === null) return null;
  const r = unwrapAwait(right) ?? right;
  return r.type === 'identifier' ? r.text : null;
}

/**
 * The fields a marking call writes with a plain value (`update(is_sent=True)`, `{ data: { isSent:
 * true } }`): not ids, operators, or keys whose value is itself an object (`where`, `data`).
 */
function markedFields(call: Node): string[] {
  const out: string[] = [];
  const visit = (key: string, value: Node) => {
    const v = unwrapAwait(value) ?? value;
    if (v.type === 'object' || v.type === 'dictionary') {
      for (const e of literalEntries(v)) visit(e.key, e.value);
      return;
    }
    if (!ID_FIELD.test(key) && !OPERATOR_KEY.test(key) && /^[A-Za-z_]\w*$/.test(key) && v.type !== 'list' && v.type !== 'array') out.push(key);
  };
  for (const arg of callArguments(call)) {
    const kw = keywordArgument(arg);
    if (kw !== null) visit(kw.name.split('__')[0] ?? kw.name, kw.value);
    else if (arg.type === 'object' || arg.type === 'dictionary') for (const e of literalEntries(arg)) visit(e.key, e.value);
  }
  return out;
}

/**
 * Facts for the file's summary: `state-selected:<callee>:<field>` for each call that hands a
 * function rows this file selected by a state field (`send_onboarding_emails_2(users)` where
 * `users = User.objects.filter(profile__onboarding_email_status=1)`; `users.exclude(…).filter(…)`
 * of such a `users` too).
 */
export function stateSelectedFacts(ctx: FileContext): string[] {
  const v = scheduleVocab(ctx);
  // Asked only of files whose text both selects and hands something on by a multi-word name.
  if (!v.selectGate.test(ctx.source)) return [];
  const out = new Set<string>();
  for (const call of allCalls(ctx)) {
    const callee = lastSegment(calleePath(ctx, call));
    if (!/^[A-Za-z_$][\w$]*$/.test(callee) || splitWords(callee).length < 2 || marks(ctx, call) || namesWord(v.selectWords, v.selectGate, callee)) continue;
    for (const arg of callArguments(call)) {
      const kw = keywordArgument(arg);
      const a = unwrapAwait(kw?.value ?? arg) ?? arg;
      if (a.type !== 'identifier') continue;
      for (const f of selectionFields(ctx, a.text, call, 2)) out.add(`state-selected:${callee}:${f}`);
    }
  }
  return [...out];
}

/** The state fields the rows bound to `name` before `at` were selected by (following `users.filter(…)` to `users`'s own binding). */
function selectionFields(ctx: FileContext, name: string, at: Node, hops: number): string[] {
  const bound = lastBindingBefore(ctx, name, at);
  if (bound === null) return [];
  const v = scheduleVocab(ctx);
  const out: string[] = [];
  const value = unwrapAwait(bound) ?? bound;
  for (const call of callsWithin(ctx, value)) {
    if (!namesWord(v.selectWords, v.selectGate, lastSegment(calleePath(ctx, call))) || marks(ctx, call)) continue;
    for (const arg of callArguments(call)) {
      const kw = keywordArgument(arg);
      if (kw !== null) {
        const parts = kw.name.split('__');
        // Django lookups that end a keyword (`profile__sent_at__isnull`): the field is the segment before them.
        while (parts.length > 1 && OPERATOR_KEY.test(parts[parts.length - 1]!)) parts.pop();
        const field = parts[parts.length - 1]!;
        if (!ID_FIELD.test(field) && (stateSelector(kw.value) || kw.value.type === 'integer')) out.push(field);
      }
      for (const obj of [arg, ...arg.descendantsOfType(['object', 'dictionary'])]) {
        for (const e of literalEntries(obj)) if (!ID_FIELD.test(e.key) && !OPERATOR_KEY.test(e.key) && (stateSelector(e.value) || e.value.type === 'number')) out.push(e.key);
      }
    }
  }
  // `inactive = users.exclude(…).filter(…)`: the rows `users` was bound to.
  let root: Node | null = value;
  while (root !== null && (root.type === 'call' || root.type === 'call_expression' || root.type === 'attribute' || root.type === 'member_expression' || root.type === 'parenthesized_expression')) {
    root = root.type === 'parenthesized_expression' ? root.namedChildren[0] ?? null : root.type === 'call' || root.type === 'call_expression' ? root.childForFieldName('function') : root.childForFieldName('object');
  }
  if (hops > 0 && root !== null && root.type === 'identifier' && root.text !== name) out.push(...selectionFields(ctx, root.text, bound, hops - 1));
  return out;
}
