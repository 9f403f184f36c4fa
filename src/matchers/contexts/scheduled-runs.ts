import { compiledOnce } from '../compiled.js';
import { allCalls, calleePath, callsWithin, nodesOfType, nodesWithin } from '../file-index.js';
import { functionsByName, resolveLocalFunction } from '../local-helpers.js';
import { NamePatterns, WordSet, escapeRegExp, splitWords } from '../names.js';
import { comparedColumns, positionalFilter, stateValue } from './due-records.js';
import { isInert } from '../quiet-steps.js';
import { HANDLER_TYPES, blockStatements, callArguments, contains, decoratedFunction, enclosingFunction, dottedPath, functionBody, functionName, functionTypes, isExit, isFunction, isRaise, keywordArgument, lastSegment, literalEntries, stringValue, tryHandlers, unwrapAwait, type Node } from '../syntax.js';
import type { FileContext, Scope } from '../types.js';

/**
 * Runs a scheduler repeats (vocabulary `retry.schedule_*`): a function registered to run on a
 * schedule (`cron.schedule('* * * * *', () => sendPendingReminders())`, `scheduler.add_job(send_reminder_emails,
 * 'interval', minutes=1)`, `@Cron(…)`, Celery's `beat_schedule`) that selects its rows by a state field
 * (`Reminder.find({ emailSent: false })`, `Order.objects.filter(notified=False)`, `nextRunAt: { $lte: now }`)
 * is retried by the schedule and the selection together: what it sends before the write of that same
 * field (`reminder.emailSent = true; await reminder.save()`, `findByIdAndUpdate(id, { $set: { nextRunAt } })`)
 * is sent again by the next run when anything between the send and the mark fails, the mark included.
 *
 * The scope is the scheduled function's body (and its helpers of this file); a send in it counts only
 * when a write of a selected field follows it in the run and none precedes it on the way (a row
 * claimed first, `emailSent = true` saved before the send, is sent once), and not in a handler (a
 * failed run's alert is no step of the work left pending). A function registered in another file is
 * in scope when that file runs it (`scheduled-run:<name>`, decided at link time).
 */
interface ScheduleVocab {
  registrations: NamePatterns;
  constructors: NamePatterns;
  decorators: NamePatterns;
  timers: NamePatterns;
  tables: string[];
  markWords: WordSet;
  selectWords: WordSet;
  filterMethods: Set<string>;
  helperWords: WordSet;
  text: RegExp;
  /** Whether a text can hold a mark at all (a word of `schedule_mark_words` starting a word). */
  markText: RegExp;
  /** Whether a name can hold a word of each set at all (the word anywhere in it, any case): asked before splitting it into words. */
  markGate: RegExp;
  selectGate: RegExp;
  helperGate: RegExp;
}

export function scheduleVocab(ctx: FileContext): ScheduleVocab {
  return compiledOnce(ctx.vocab, 'scheduled-runs', () => {
    const r = ctx.vocab.retry;
    const names = [...r.schedule_registrations, ...r.schedule_constructors, ...r.schedule_decorators, ...r.schedule_tables, ...r.repeating_timers]
      .map((p) => lastSegment(p).replace(/\*/g, ''))
      .filter((n) => n.length > 0);
    const helperWords = r.schedule_helper_words.map((w) => `[A-Za-z_$]*${w}[A-Za-z_$]*`);
    return {
      registrations: new NamePatterns(r.schedule_registrations),
      constructors: new NamePatterns(r.schedule_constructors),
      decorators: new NamePatterns(r.schedule_decorators),
      timers: new NamePatterns(r.repeating_timers),
      tables: r.schedule_tables,
      markWords: new WordSet(r.schedule_mark_words),
      selectWords: new WordSet(r.schedule_select_words),
      filterMethods: new Set(r.schedule_filter_methods),
      helperWords: new WordSet(r.schedule_helper_words),
      text: names.length + helperWords.length > 0 ? new RegExp(`\\b(?:${[...new Set(names), ...helperWords].join('|')})\\b`, 'i') : /(?!)/,
      markText: r.schedule_mark_words.length > 0 ? new RegExp(`\\b(?:${r.schedule_mark_words.map(escapeRegExp).join('|')})`, 'i') : /(?!)/,
      markGate: anyOf(r.schedule_mark_words),
      selectGate: anyOf(r.schedule_select_words),
      helperGate: anyOf(r.schedule_helper_words),
    };
  });
}

/**
 * A word `splitWords` finds in a name is a piece of that name, lowercased: a name that holds none
 * of the words in any case has none of them among its words, and is not split at all.
 */
function anyOf(words: readonly string[]): RegExp {
  return words.length > 0 ? new RegExp(words.map(escapeRegExp).join('|'), 'i') : /(?!)/;
}

export function namesWord(words: WordSet, gate: RegExp, name: string): boolean {
  return gate.test(name) && splitWords(name).some((w) => words.has(w));
}

interface Registered {
  /** Functions of this file run on a schedule (their body nodes). */
  local: Node[];
  /** Names of functions of other files this file runs on a schedule. */
  remote: string[];
}

/** What this file runs on a schedule: its own functions, and names of other files' functions. */
function registered(ctx: FileContext): Registered {
  return ctx.memo('scheduled-runs:registered', () => {
    const out: Registered = { local: [], remote: [] };
    const v = scheduleVocab(ctx);
    if (!v.text.test(ctx.source)) return out;
    const functions = functionsByName(ctx);
    const seen = new Set<number>();
    const addLocal = (body: Node | null) => {
      if (body !== null && !seen.has(body.id)) {
        seen.add(body.id);
        out.local.push(body);
      }
    };
    // A run's body: its own function is scheduled; the functions it calls run with it.
    const runs = (body: Node, own: boolean) => {
      if (own) addLocal(body);
      for (const call of callsWithin(ctx, body)) {
        const fn = resolveLocalFunction(ctx, call);
        if (fn !== null) {
          if (!contains(fn, body)) addLocal(functionBody(fn));
        } else out.remote.push(lastSegment(calleePath(ctx, call)));
      }
    };
    const handed = (arg: Node, own: boolean, timer: boolean) => {
      const a = unwrapAwait(arg) ?? arg;
      if (isFunction(a, ctx.family)) {
        const body = functionBody(a);
        // A timer's own inline run is judged by the timer's scope (`timerRunScopes`).
        if (body !== null) runs(body, own && !timer);
      } else if (a.type === 'identifier' || a.type === 'member_expression' || a.type === 'attribute') {
        const name = lastSegment(dottedPath(a));
        const local = functions.get(name);
        if (local !== undefined) {
          if (!timer) addLocal(functionBody(local));
        } else out.remote.push(name);
      } else if (a.type === 'object') {
        // `schedules.task({ id, cron, run: async () => … })`
        for (const e of literalEntries(a)) if (isFunction(e.value, ctx.family)) handed(e.value, own, timer);
      }
    };
    for (const call of nodesOfType(ctx, ctx.family === 'python' ? ['call'] : ['call_expression', 'new_expression'])) {
      const path = call.type === 'new_expression' ? dottedPath(call.childForFieldName('constructor')) : calleePath(ctx, call);
      const timer = call.type !== 'new_expression' && v.timers.matches(path);
      // The project's own helper (`scheduleEveryMs(60_000, async () => …)`): only a run handed inline.
      const helper = call.type !== 'new_expression' && !timer && namesWord(v.helperWords, v.helperGate, lastSegment(path)) && resolveLocalFunction(ctx, call) === null;
      const registers = call.type === 'new_expression' ? v.constructors.matches(path) : timer || helper || v.registrations.matches(path);
      if (!registers) continue;
      if (helper) {
        for (const arg of callArguments(call)) if (isFunction(arg, ctx.family)) handed(arg, true, false);
        continue;
      }
      for (const arg of callArguments(call)) {
        const kw = keywordArgument(arg);
        if (kw !== null) {
          if (kw.name === 'func' || kw.name === 'function') handed(kw.value, true, timer);
          continue;
        }
        handed(arg, true, timer);
      }
    }
    for (const deco of nodesOfType(ctx, 'decorator')) {
      const expr = deco.firstNamedChild;
      if (expr === null) continue;
      const path = dottedPath(expr.type === 'call' || expr.type === 'call_expression' ? expr.childForFieldName('function') : expr);
      if (!v.decorators.matches(path)) continue;
      const fn = decoratedFunction(deco, ctx.family);
      const body = fn && functionBody(fn);
      if (body) runs(body, true);
    }
    // Celery beat: `{'task': 'app.tasks.send_digest', 'schedule': crontab(…)}` under a `beat_schedule` table.
    if (ctx.family === 'python' && v.tables.some((t) => ctx.source.includes(t))) {
      for (const dict of nodesOfType(ctx, 'dictionary')) {
        const task = literalEntries(dict).find((e) => e.key === 'task');
        const name = task && stringValue(task.value);
        if (name) out.remote.push(lastSegment(name));
      }
    }
    // Linked by name alone: a one-word name (`run`, `handle`, `error` of a logger) names too many functions.
    out.remote = [...new Set(out.remote.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && splitWords(n).length > 1))];
    return out;
  });
}

/** Facts for the file's summary: `scheduled-run:<name>` for each function of another file this file runs on a schedule. */
export function scheduledRunFacts(ctx: FileContext): string[] {
  return [...registered(ctx).remote.map((n) => `scheduled-run:${n}`), ...forwardedRuns(ctx)];
}

/** A function this thin hands its run on: a task that only calls a model's method (and logs). */
const MAX_FORWARDING_CALLS = 3;

/**
 * `scheduled-run:send_all <= scheduled-run:send_notifications`: a thin function of this file (a
 * Celery task whose body is `Notification.send_all()`) runs, when a schedule runs it, the function
 * of another file it calls. The schedule names the task (`beat_schedule`, another file); the rows
 * are selected and marked in the method the task calls (a third). Only functions whose own body
 * makes at most a few calls hand their run on: a long run's every callee is no scheduled run.
 */
function forwardedRuns(ctx: FileContext): string[] {
  const v = scheduleVocab(ctx);
  const out = new Set<string>();
  for (const fn of nodesOfType(ctx, functionTypes(ctx.family))) {
    const body = functionBody(fn);
    const name = functionName(fn);
    if (body === null || name === null || isFunction(body, ctx.family) || splitWords(name).length < 2) continue;
    const calls = callsWithin(ctx, body);
    if (calls.length === 0 || calls.length > MAX_FORWARDING_CALLS) continue;
    for (const call of calls) {
      const path = calleePath(ctx, call);
      const callee = lastSegment(path);
      // A logger's call, a local helper, a one-word name, or a call that registers a run itself: no hand-over.
      if (callee === name || resolveLocalFunction(ctx, call) !== null || v.registrations.matches(path) || !/^[A-Za-z_$][\w$]*$/.test(callee) || splitWords(callee).length < 2) continue;
      out.add(`scheduled-run:${callee} <= scheduled-run:${name}`);
    }
  }
  return [...out];
}

export const ID_FIELD = /^(?:id|_id|pk|uuid|.*(?:_id|Id|ID))$/;
/** A query operator (`$lte`, `{ in: […] }`) or a Django lookup ending a keyword (`sent_at__isnull`, `status__iexact`). */
export const OPERATOR_KEY = /^\$?(?:lt|lte|gt|gte|ne|eq|in|nin|exists|isnull|is|not|size|exact|iexact)$/;
const CONSTANTS = /^(?:true|false|True|False|null|None|undefined)$/;

/** A value a query selects rows by their state with: a constant, a state name, or comparisons (`{ $lte: now }`). */
export function stateSelector(value: Node): boolean {
  const v = unwrapAwait(value) ?? value;
  if (CONSTANTS.test(v.text) || stateValue(v) !== null) return true;
  if (v.type === 'object' || v.type === 'dictionary') {
    const entries = literalEntries(v);
    return entries.length > 0 && entries.every((e) => OPERATOR_KEY.test(e.key));
  }
  if (v.type === 'array' || v.type === 'list' || v.type === 'tuple') return v.namedChildren.length > 0 && v.namedChildren.every((c) => stateValue(c) !== null);
  return false;
}

/** The key/value pairs of a call's own arguments: object literals and keyword arguments. */
function argumentEntries(call: Node): { key: string; value: Node }[] {
  const out: { key: string; value: Node }[] = [];
  for (const arg of callArguments(call)) {
    const kw = keywordArgument(arg);
    if (kw !== null) out.push({ key: kw.name.split('__')[0] ?? kw.name, value: kw.value });
    for (const obj of [arg, ...arg.descendantsOfType(['object', 'dictionary'])]) out.push(...literalEntries(obj));
  }
  return out;
}

export function marks(ctx: FileContext, call: Node): boolean {
  const v = scheduleVocab(ctx);
  return namesWord(v.markWords, v.markGate, lastSegment(calleePath(ctx, call)));
}

const LOOP_TYPES = new Set(['for_statement', 'for_in_statement', 'for_of_statement', 'while_statement', 'do_statement']);
const STRING_TYPES = new Set(['string', 'template_string', 'concatenated_string']);
/** A column compared with a constant in SQL (`a.reminder_sent = false`, `status = 'pending'`, `sent_at IS NULL`). */
const SQL_STATE_TEST = /(?:\b[A-Za-z_]\w*\.)?\b([A-Za-z_]\w*)\s*(?:=|==|!=|<>|\bIS(?:\s+NOT)?\b)\s*(?:TRUE|FALSE|NULL|0|1|'[A-Za-z_ -]*')(?![\w.(])/gi;
/** A column an SQL `UPDATE … SET` writes (`SET reminder_sent = true, sent_at = NOW()`). */
const SQL_SET_TARGET = /(?:^|,)\s*(?:[A-Za-z_]\w*\.)?([A-Za-z_]\w*)\s*=/g;

/** The text of a call's string arguments (SQL handed to `pool.query`, `cursor.execute`, a tagged `sql\`…\``). */
function stringArguments(call: Node): string[] {
  const out: string[] = [];
  for (const arg of callArguments(call)) if (STRING_TYPES.has(arg.type)) out.push(arg.text);
  const tagged = call.childForFieldName('arguments');
  if (tagged !== null && tagged.type === 'template_string') out.push(tagged.text);
  return out;
}

/**
 * The columns a raw SQL read selects rows by their state with: `SELECT … WHERE a.reminder_24h_sent =
 * false AND a.status = 'scheduled'` gives `reminder_24h_sent` and `status` (an id compared with a
 * parameter, a date compared with `NOW()` are no state).
 */
function sqlSelectedFields(call: Node): string[] {
  const out: string[] = [];
  for (const text of stringArguments(call)) {
    const m = /\bSELECT\b[\s\S]*?\bWHERE\b([\s\S]*)/i.exec(text);
    if (m === null || /^\s*[\s\S]*?\b(?:UPDATE|DELETE|INSERT)\b/i.test(text.slice(0, m.index))) continue;
    for (const t of (m[1] ?? '').matchAll(SQL_STATE_TEST)) if (t[1] !== undefined && !ID_FIELD.test(t[1]) && !/^(?:AND|OR|NOT|WHERE)$/i.test(t[1])) out.push(t[1]);
  }
  return out;
}

/** The columns a raw SQL write sets: `UPDATE appointments SET reminder_24h_sent = true WHERE id = $1`. */
function sqlSetFields(call: Node): string[] {
  const out: string[] = [];
  for (const text of stringArguments(call)) {
    const m = /\bUPDATE\s+\S+\s+SET\s+([\s\S]*?)(?:\bWHERE\b|\bRETURNING\b|\bFROM\b|$)/i.exec(text);
    if (m === null) continue;
    // Commas inside a call (`COALESCE(a, b)`) are no separators between assignments.
    const sets = (m[1] ?? '').replace(/\([^()]*\)/g, '()');
    for (const t of sets.matchAll(SQL_SET_TARGET)) if (t[1] !== undefined) out.push(t[1]);
  }
  return out;
}

/** `knex('jobs').where('status', 'pending')`: a column and the state it is compared with, as two arguments. */
function positionalSelection(call: Node): string[] {
  const filter = positionalFilter(call);
  return filter !== null && !ID_FIELD.test(filter.field) && stateSelector(filter.value) ? [filter.field] : [];
}

/**
 * The file's reads that select rows by their state, each with its fields, in document order: read
 * once per file, since the question is asked for every function (and a nested function's calls
 * are its enclosing functions' calls too).
 */
export function selectingCalls(ctx: FileContext): { call: Node; fields: string[] }[] {
  return ctx.memo('scheduled-runs:selecting-calls', () => {
    const v = scheduleVocab(ctx);
    const out: { call: Node; fields: string[] }[] = [];
    const sql = /\bSELECT\b[\s\S]*\bWHERE\b/i.test(ctx.source);
    for (const call of allCalls(ctx)) {
      const raw = sql ? sqlSelectedFields(call) : [];
      if (raw.length > 0) {
        out.push({ call, fields: [...new Set(raw)] });
        continue;
      }
      const method = lastSegment(calleePath(ctx, call));
      // `.is("reminder_sent_at", null)` in a chain of filters: the column and its value, as two arguments.
      if (v.filterMethods.has(method)) {
        const compared = positionalSelection(call);
        if (compared.length > 0) out.push({ call, fields: compared });
        continue;
      }
      if (marks(ctx, call) || !namesWord(v.selectWords, v.selectGate, method)) continue;
      const fields = argumentEntries(call).filter((e) => !ID_FIELD.test(e.key) && !OPERATOR_KEY.test(e.key) && /^[A-Za-z_]\w*$/.test(e.key) && stateSelector(e.value)).map((e) => e.key);
      // SQLAlchemy's `select(Reminder).where(Reminder.sent_at == None)`: a column compared with a state.
      fields.push(...positionalSelection(call), ...comparedColumns(ctx, call).filter((c) => !ID_FIELD.test(c.field) && stateSelector(c.value)).map((c) => c.field));
      if (fields.length > 0) out.push({ call, fields });
    }
    return out;
  });
}

/** The fields a function's reads select rows by their state with (`emailSent` of `find({ emailSent: false })`). */
export function selectedFields(ctx: FileContext, body: Node): string[] {
  return ctx.memo(`scheduled-runs:selected:${body.id}`, () => {
    const out = new Set<string>();
    // The calls `callsWithin(ctx, body)` gives (the body itself when it is one), in the same order.
    for (const { call, fields } of selectingCalls(ctx)) {
      if (call.startIndex >= body.startIndex && call.endIndex <= body.endIndex) for (const f of fields) out.add(f);
    }
    return [...out];
  });
}

/**
 * A send whose own function selects its rows by a state field and writes that field before the
 * send, on its way there (`plan.reminderSentAt = new Date(); await plan.save()` … send): the row is
 * claimed, so a later run (a timer's, a schedule's) does not select it again.
 */
export function claimedBeforeSend(ctx: FileContext, send: Node): boolean {
  const fn = enclosingFunction(send, ctx.family);
  const body = fn && functionBody(fn);
  if (!body) return false;
  const fields = selectedFields(ctx, body);
  return fields.length > 0 && claimedOnTheWay(ctx, body, send, new Set(fields));
}

/**
 * A send whose own function selects its rows by a state field and claims the row before the send
 * (`.is("reminder_sent_at", null)`, then `.update({ reminder_sent_at })` on the way), where a retry
 * runs that selection again: it lies in what the retry repeats (`within`, a retried run's body), or
 * the send's function is a helper the retried code calls. The next attempt does not select the row.
 */
export function claimedInRetriedRun(ctx: FileContext, send: Node, within: Node): boolean {
  const fn = enclosingFunction(send, ctx.family);
  const body = fn && functionBody(fn);
  if (!body) return false;
  const helper = !contains(body, within);
  // Each field with the end of its first selection: only a write after it claims a row that selection
  // returned (`campaign.status = "running"` before `filter(WANumber.status == "connected")` marks
  // another record, chosen by id, and claims none of the rows selected later).
  const selectedAt = new Map<string, number>();
  for (const { call, fields: selected } of selectingCalls(ctx)) {
    if (call.startIndex < send.startIndex && contains(body, call) && (helper || contains(within, call))) for (const f of selected) selectedAt.set(f, Math.min(selectedAt.get(f) ?? Infinity, call.endIndex));
  }
  return [...selectedAt].some(([field, at]) => claimedOnTheWay(ctx, body, send, new Set([field]), at));
}

/** Whether a schedule of this file runs the function with this body. */
export function scheduledHere(ctx: FileContext, body: Node): boolean {
  return registered(ctx).local.some((b) => b.id === body.id);
}

/** Functions of this file a schedule may run, with the fields their reads select rows by. */
export function scheduledRunScopes(ctx: FileContext): Scope[] {
  const reg = registered(ctx);
  const scopes: Scope[] = [];
  const localBodies = new Set(reg.local.map((b) => b.id));
  for (const body of reg.local) {
    const fields = selectedFields(ctx, body);
    if (fields.length === 0) continue;
    const fn = body.parent;
    const name = (fn && functionName(fn)) ?? 'its run';
    scopes.push({ context: 'retry', body, construct: fn ?? body, label: `${name} (run on a schedule, re-selecting rows by ${fields.join(', ')})`, scheduled: { fields }, swallowedRetries: true });
  }
  // A function another file may run on a schedule: only one whose text marks a field it selects by.
  if (!scheduleVocab(ctx).markText.test(ctx.source) || selectingCalls(ctx).length === 0) return scopes;
  for (const fn of nodesOfType(ctx, functionTypes(ctx.family))) {
    const body = functionBody(fn);
    const name = functionName(fn);
    if (body === null || name === null || localBodies.has(body.id) || isFunction(body, ctx.family)) continue;
    const fields = selectedFields(ctx, body);
    if (fields.length === 0 || !marksSelected(ctx, body, new Set(fields))) continue;
    scopes.push({ context: 'retry', body, construct: fn, label: `${name} (run on a schedule, re-selecting rows by ${fields.join(', ')})`, scheduled: { fields }, swallowedRetries: true, requires: { kind: 'project-fact', fact: `scheduled-run:${name}` } });
  }
  return scopes;
}

/** Whether the body, or a function of this file it calls, writes one of the fields. */
function marksSelected(ctx: FileContext, body: Node, fields: Set<string>): boolean {
  if (writesField(ctx, body, fields, body.startIndex, body.endIndex, true)) return true;
  for (const call of callsWithin(ctx, body)) {
    const fn = resolveLocalFunction(ctx, call);
    const inner = fn && !contains(fn, call) ? functionBody(fn) : null;
    if (inner && writesField(ctx, inner, fields, inner.startIndex, inner.endIndex, true)) return true;
  }
  return false;
}

/**
 * Whether a send at `node` in a scheduled scope is one the next run repeats: a write of a selected
 * field follows it in the run (in the scope, or after the helper's call that led there) and none is
 * made before it on the way.
 */
export function scheduledSendRepeats(ctx: FileContext, node: Node, scope: Scope): boolean {
  const fields = new Set(scope.scheduled?.fields ?? []);
  if (fields.size === 0) return true;
  // Whether every step from the send to `at` cannot fail (a helper that returns right after its send).
  let clean = true;
  for (let s: Scope | undefined = scope, at: Node = node; s !== undefined; at = s.via?.call ?? at, s = s.via?.from) {
    for (let p = at.parent; p !== null && p.id !== s.body.id; p = p.parent) if (HANDLER_TYPES.has(p.type)) return false;
    if (claimedOnTheWay(ctx, s.body, at, fields)) return false;
    const next = clean ? nextFallibleStep(ctx, at, s.body, fields) : 'other';
    // Nothing after the send can fail the run before the row is marked: only a failed send is sent again.
    if (writesField(ctx, s.body, fields, at.endIndex, s.body.endIndex, true)) return next !== 'marks';
    if (next !== 'end') clean = false;
    if (s.via === undefined) return false;
  }
  return false;
}

/**
 * What the run does first, after `at`, that can fail (`isInert` tells the steps that cannot: a log
 * line, a count, a field set in memory, a query that hands its error back): `marks` when a step
 * writes one of `fields` before any such step, and cannot fail the run itself (`await
 * supabase.from('t').update({ reminder_sent_at }).eq('id', id)` right after the send: the send is,
 * in effect, the run's last step for that row); `end` when nothing that can fail follows up to the end of
 * `body` (a helper returning right after its send); `other` when a step that can fail comes first,
 * the mark's own write included (`pool.query('UPDATE … SET reminder_sent = true')` throws, and the
 * next run sends again), and at the end of a loop's pass (what follows is the next row's work).
 */
function nextFallibleStep(ctx: FileContext, at: Node, body: Node, fields: Set<string>): 'marks' | 'end' | 'other' {
  for (let n: Node = at, p = at.parent; p !== null && n.id !== body.id; n = p, p = p.parent) {
    if (LOOP_TYPES.has(p.type)) return 'other';
    if (p.type !== 'block' && p.type !== 'statement_block') continue;
    for (const st of blockStatements(p).filter((x) => x.startIndex >= n.endIndex)) {
      const inert = isInert(ctx, st);
      if (writesField(ctx, st, fields, st.startIndex, st.endIndex, true)) return inert ? 'marks' : 'other';
      if (isExit(st, ctx.family)) return 'end';
      if (!inert) return 'other';
    }
  }
  return 'end';
}

/**
 * A write of one of `fields` between `from` and `to` in `within`: a marking call whose arguments
 * set it (`update({ data: { processedAt } })`, `.update(sent=True)`), or an assignment to it
 * (`reminder.emailSent = true`, `row["sent"] = True`) that a later call saves (`persisted`).
 */
export function writesField(ctx: FileContext, within: Node, fields: Set<string>, from: number, to: number, persisted: boolean): boolean {
  const calls = callsWithin(ctx, within);
  // Raw SQL is read only in a file that has an `UPDATE … SET` at all: this is asked for every statement on a send's way.
  const sql = ctx.memo('scheduled-runs:sql-update', () => /\bUPDATE\b[\s\S]*\bSET\b/i.test(ctx.source));
  for (const call of calls) {
    if (call.startIndex < from || call.endIndex > to) continue;
    if (sql && sqlSetFields(call).some((f) => fields.has(f))) return true;
    if (!marks(ctx, call)) continue;
    if (argumentEntries(call).some((e) => fields.has(e.key))) return true;
  }
  for (const a of nodesWithin(ctx, within, ctx.family === 'python' ? ['assignment'] : ['assignment_expression'])) {
    if (a.startIndex < from || a.endIndex > to || !fields.has(assignedField(a) ?? '')) continue;
    if (!persisted || calls.some((c) => c.startIndex > a.endIndex && c.endIndex <= to)) return true;
  }
  return false;
}

function assignedField(a: Node): string | null {
  const left = a.childForFieldName('left');
  if (left === null) return null;
  if (left.type === 'member_expression' || left.type === 'attribute') return (left.childForFieldName('property') ?? left.childForFieldName('attribute'))?.text ?? null;
  if (left.type === 'subscript' || left.type === 'subscript_expression') {
    const key = left.childForFieldName('subscript') ?? left.childForFieldName('index');
    return key ? stringValue(key) : null;
  }
  return null;
}

/**
 * A write of a selected field made before `node` on its way through `body`: in a statement before
 * the one holding `node`, in each block from `node` up to `body`, outside any branch of that statement
 * (an early exit that marks an empty row ended is no claim of the row sent); with `after`, only a write
 * made after that offset (the end of the selection whose rows it would claim).
 */
export function claimedOnTheWay(ctx: FileContext, body: Node, node: Node, fields: Set<string>, after = -1): boolean {
  let later: Set<string> | undefined;
  for (let n: Node = node, p = node.parent; p !== null; n = p, p = p.parent) {
    if (p.type === 'block' || p.type === 'statement_block' || p.type === 'module') {
      for (const st of p.namedChildren) {
        if (st.startIndex >= n.startIndex) break;
        if (st.type === 'if_statement' || st.type === 'comment' || st.endIndex <= after) continue;
        // A loop before the one holding the send that writes only other fields than the mark after
        // the send marks the rows of another pass (the 24-hour reminders' loop setting
        // `reminder_24h_sent`, then the 2-hour reminders' loop marking `reminder_2h_sent`): no claim of these.
        if (LOOP_TYPES.has(st.type)) {
          later ??= new Set([...fields].filter((f) => writesField(ctx, body, new Set([f]), node.endIndex, body.endIndex, true)));
          if (writesField(ctx, st, later, Math.max(st.startIndex, after), st.endIndex, false)) return true;
          continue;
        }
        if (onTheWayParts(ctx, st).some((part) => writesField(ctx, part, fields, Math.max(part.startIndex, after), part.endIndex, false))) return true;
      }
    }
    if (p.id === body.id) break;
  }
  return false;
}

/**
 * The parts of a statement before the send that a run reaching the send went through: all of it,
 * except a try's handler that leaves the run (its last statement throws or returns). The mark such a
 * handler writes (`status: 'FAILED'` when a token cannot be decrypted, then `throw`) is made only on
 * a run that never sends, so it claims nothing for one that does.
 */
function onTheWayParts(ctx: FileContext, st: Node): Node[] {
  if (st.type !== 'try_statement') return [st];
  const handlers = tryHandlers(st, ctx.family);
  if (!handlers.some((h) => leavesRun(ctx, h.body))) return [st];
  return st.namedChildren.filter((part) => !handlers.some((h) => h.clause.id === part.id && leavesRun(ctx, h.body)));
}

/** A block whose last statement throws, raises or returns: nothing after it in the run follows it. */
function leavesRun(ctx: FileContext, block: Node): boolean {
  const last = blockStatements(block).at(-1);
  return last !== undefined && (isRaise(last, ctx.family) || isExit(last, ctx.family));
}
