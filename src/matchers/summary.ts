import { retryingClientsOf, sharedClientFacts } from './contexts/client-policies.js';
import { jobAttemptFacts, localRetryWrappers, queuesOf, retryingTaskBases, retryingTaskProps } from './contexts/retry.js';
import { answeredOnce, calleePath, callsWithin, nodesOfType, nodesWithin } from './file-index.js';
import { claimsOnce } from './claims-once.js';
import { claimsByUpdate } from './claims-by-update.js';
import { normalizeName } from './names.js';
import { helperTarget } from './kinds/call.js';
import { importsOf, reExportsOf, type ImportedName, type ReExport } from './imports.js';
import { callerHandsKey, freshPerAttempt, keyParameter, keyParameterField, passesKey } from './kinds/idempotency-key.js';
import { endsRun, endsThrough, reaches } from './kinds/exits-after.js';
import { guardedInOwnFunction, marksOwnGuard } from './kinds/once-guard.js';
import { checkedInFunction } from './kinds/prior-success-check.js';
import { writesOnlyForCallers } from './call-vocabulary.js';
import { falsyRecordFacts, flagParamFacts } from './falsy-callers.js';
import { outcomeWords } from './outcomes.js';
import { storeModelBases, storeModelExports } from './store-models.js';
import { detached, keepsEveryWrite, keptByOwnHandler, raisesAfterRetries, resultThrownOn, wrappedRaiseFacts } from './contexts/ambiguous-outcome.js';
import { deferredToCommit, isLocalOnly, methodAround, reachedCallsOf, resolveLocalFunction } from './local-helpers.js';
import { scheduledRunFacts } from './contexts/scheduled-runs.js';
import { projectDefaultFacts } from './contexts/job-frameworks.js';
import { checksSentRecord, sentOnlyWhenCreated } from './sent-records.js';
import { stateSelectedFacts } from './contexts/batch-marks.js';
import { storesOnly } from './stores-only.js';
import { blockStatements, callee, contains, dottedPath, enclosingFunction, functionBody, functionName, functionTypes, ifChain, isRaise, raisesWithin, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/** A call inside a function, as another file's finding will point at it. */
export interface CallSite {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  callee: string;
  /** The source line of the call, trimmed. */
  code: string;
  /** The key lists (`idempotency`, `dedup`) this call passes a key of. */
  keys: string[];
  /** Nothing after this call in the function (or the local helper making it) can fail the run. */
  last?: true;
  /**
   * A try of the function (or of the local helper making the call) takes every error of the call
   * and does not raise again: the call's outcome never reaches the function's caller as an error.
   */
  shielded?: true;
  /** A call of a function of another file whose result this function raises on: what that function kept reaches the caller. */
  raisesOnResult?: true;
  /**
   * With `last`: nothing after it can fail even where a try swallows the error (a later step whose
   * failure is swallowed still leaves a run a timer repeats with its work pending).
   */
  final?: true;
  /** Per key list, the argument position a caller must fill for the key to be passed (a spread parameter). */
  keyParams?: Record<string, number>;
  /** Per key list, the parameter position and its field the key is read from (`reference: params.reference`). */
  keyFields?: Record<string, [number, string]>;
  /** Made inside a local helper: the helper's call in the function (`send_email(…)` whose body calls `msg.send()`). */
  through?: { line: number; column: number; endLine: number; endColumn: number; callee: string };
  /** A call of a function of another file (its name through this file's imports): the link step may judge it by its body. */
  helper?: string;
  /** With `helper`: a method on a typed object (`this.firebase.sendToUser(…)`), which the link step resolves with the type checker at the call. */
  typed?: true;
  /**
   * Run detached from the function: the call, or a call of the local helpers it is made through, is
   * fire-and-forget (`void notify(…).catch(…)`, `scheduleRun(…);` dropping its promise). The function
   * returns without waiting for it, so its outcome never shapes what the function hands back.
   */
  detached?: true;
  /** Made through more than one helper: the later helpers' calls, in order (where each hands on to the next). */
  between?: { line: number; column: number; endLine: number; endColumn: number; callee: string }[];
}

/** What other files may need to know about one function of this file. */
export interface FunctionFacts {
  /** Argument position of the callback when the function retries it. */
  retriesParam?: number;
  /** Per call vocabulary, the calls of it the function makes (directly or through local helpers). */
  reaches: Record<string, CallSite[]>;
  /** The body only computes in memory (builtins, collection methods): whatever its name says, it writes nowhere. */
  localOnly?: true;
  /**
   * The body only reads and writes the application's own database (`stores-only.ts`): an app's
   * `createNotification` storing an in-app notification's row. The link step takes it for a remote
   * write or send only where a call of `reaches` is on something other than a model of that store.
   */
  storesOnly?: true;
  /**
   * The body does nothing but raise (`throw new Error('not yet available')`, `raise NotImplementedError`):
   * a stub of an operation implemented elsewhere (another provider of a registry, a subclass), so it
   * says nothing of what the call does where it runs, and a write its name says stands.
   */
  stub?: true;
  /** Calls of functions of other files it makes as its own steps, none of the vocabularies' (see `helperCallsOf`). */
  helperCalls?: CallSite[];
  /** It stops unless it creates a record by a stable dedup key (`claims-once.ts`): a second call sends nothing. */
  claimsOnce?: true;
  /** It claims a record with a conditional update and answers falsy when nothing was updated (`claims-by-update.ts`). */
  claimsRecord?: true;
}

/**
 * A file's plain-data summary for cross-file analysis: its top-level functions (and class methods
 * as `Class.method`, and `default` for a default export), what it imports and re-exports. Computed
 * from the one tree the scan already parsed; small enough to cache and to ship between workers.
 */
export interface FileSummary {
  functions: Record<string, FunctionFacts>;
  /** Names bound to HTTP clients whose retry policy retries writes (`api` of `axiosRetry(api, …)`). */
  retriedClients: string[];
  /** Functions that build and return such a client. */
  clientFactories: string[];
  /** Functions that build and return a client that retries writes when this parameter is given write methods. */
  conditionalFactories?: Record<string, { name: string; index: number }>;
  /** Project-wide facts this file establishes (`job-attempts:<queue>`, or `job-attempts@<import>`). */
  facts: string[];
  /** Job queues this file creates: variable → queue name. */
  queues: Record<string, string>;
  imports: ImportedName[];
  reExports: ReExport[];
  /** The top-level function the module's default export is (`module.exports = buyAirtime`). */
  defaultExport?: string;
  /** Names this module required and hands on in `module.exports = { ok, error }` (CommonJS): they resolve through its imports. */
  handsOn?: string[];
  /** Exported names (`default` for the module) that are models of the application's own database (`store-models.ts`). */
  storeModels?: string[];
  /**
   * Exported classes that extend a class this module imports (`default` → `Entity` for `export default
   * class Program extends Entity`): models of the application's own database when that base is one.
   */
  storeModelBases?: Record<string, string>;
  /**
   * Names bound at the module's top level to an instance of a class of this file (`export const
   * paymentService = new PaymentService()`, Python `payout_service = PayoutService()`): name → class.
   * Read only to ask whether such a method keeps its writes' errors to itself (AP-003's handler one
   * level too high); resolving calls through it for every rule made AP-001/AP-002 findings of task
   * modules' instances (round 16, polarsource/polar), so nothing else reads it.
   */
  instances?: Record<string, string>;
}

const CLASS_TYPES = ['class_definition', 'class_declaration', 'class', 'abstract_class_declaration'];

/**
 * `vocabularies`: the call vocabularies other files may ask about (the `call` steps of the rule
 * set; the link step reads `reaches` for no other); by default all of them.
 */
export function summarizeFile(ctx: FileContext, vocabularies: readonly string[] = Object.keys(ctx.vocab.calls)): FileSummary {
  const wrappers = localRetryWrappers(ctx);
  const functions: Record<string, FunctionFacts> = {};
  for (const fn of nodesOfType(ctx, functionTypes(ctx.family))) {
    ctx.checkBudget?.();
    if (enclosingFunction(fn, ctx.family) !== null) continue;
    const name = functionName(fn);
    if (name === null) continue;
    const facts = factsOf(ctx, fn, wrappers.get(name), vocabularies);
    if (facts === null) continue;
    const cls = enclosingClassName(fn);
    functions[cls ? `${cls}.${name}` : name] = facts;
    // A method of an object bound at the top of the module (`export const PaymentsService = {
    // async refundPayment(…) {…} }`): an importer calls it as `PaymentsService.refundPayment(…)`.
    const holder = cls ? null : objectHolderName(fn);
    if (holder !== null) functions[`${holder}.${name}`] ??= facts;
    if (isDefaultExport(fn)) functions.default = facts;
  }
  exportedClassMembers(ctx, functions);
  const clients = clientFacts(ctx);
  const exported = defaultExportName(ctx);
  const facts = exported !== null ? functions[exported] : undefined;
  const named = facts !== undefined ? exported : null;
  if (facts !== undefined) functions.default ??= facts;
  const storeModels = storeModelExports(ctx);
  const modelBases = storeModelBases(ctx);
  const handsOn = requiredAndExported(ctx);
  const instances = ctx.memo('summary-module-instances', () => moduleInstances(ctx));
  return { functions, ...clients, imports: [...importsOf(ctx).values()], reExports: reExportsOf(ctx), ...(named !== null ? { defaultExport: named } : {}), ...(storeModels.length > 0 ? { storeModels } : {}), ...(Object.keys(modelBases).length > 0 ? { storeModelBases: modelBases } : {}), ...(Object.keys(instances).length > 0 ? { instances } : {}), ...(handsOn.length > 0 ? { handsOn } : {}) };
}

/** `const error = require('./error'); module.exports = { ok, error, fail: error }`: the required names the module's export object hands on. */
function requiredAndExported(ctx: FileContext): string[] {
  if (ctx.family !== 'ecma') return [];
  const commonjs = /module\.exports\s*=\s*\{/.test(ctx.source);
  const esm = /\bexport\s*\{/.test(ctx.source);
  if (!commonjs && !esm) return [];
  const imports = importsOf(ctx);
  const out: string[] = [];
  for (const stmt of ctx.root.namedChildren) {
    // `import Booking from './Booking.js'; … export { Booking }`: ESM hands on what it imported, as CommonJS does.
    if (esm && stmt.type === 'export_statement' && stmt.childForFieldName('source') === null) {
      const clause = stmt.namedChildren.find((c) => c.type === 'export_clause');
      for (const spec of clause?.namedChildren ?? []) {
        const name = spec.childForFieldName('name')?.text;
        if (spec.type === 'export_specifier' && spec.childForFieldName('alias') === null && name !== undefined && imports.has(name)) out.push(name);
      }
      continue;
    }
    const assign = stmt.type === 'expression_statement' ? stmt.firstNamedChild : null;
    if (assign?.type !== 'assignment_expression' || assign.childForFieldName('left')?.text !== 'module.exports') continue;
    const value = assign.childForFieldName('right');
    if (value?.type !== 'object') continue;
    for (const part of value.namedChildren) {
      if (part.type === 'shorthand_property_identifier' && imports.has(part.text)) out.push(part.text);
    }
  }
  return out;
}

/** `X` for a method (or a function-valued property) of an object literal bound to a top-level `const X = { … }`. */
function objectHolderName(fn: Node): string | null {
  let obj = fn.parent;
  if (obj?.type === 'pair') obj = obj.parent;
  if (obj?.type !== 'object') return null;
  const declarator = obj.parent;
  if (declarator?.type !== 'variable_declarator') return null;
  const declaration = declarator.parent;
  const top = declaration?.parent;
  if (top == null || (top.type !== 'program' && top.type !== 'export_statement')) return null;
  const name = declarator.childForFieldName('name');
  return name?.type === 'identifier' ? name.text : null;
}

/** The top-level function a module hands out as a whole (`module.exports = buyAirtime`, `export default buyAirtime`, `export default function buyAirtime`). */
function defaultExportName(ctx: FileContext): string | null {
  if (ctx.family !== 'ecma' || !/module\.exports\s*=|export\s+default/.test(ctx.source)) return null;
  for (const stmt of ctx.root.namedChildren) {
    let value: Node | null = null;
    if (stmt.type === 'export_statement' && stmt.children.some((c) => c.type === 'default')) value = stmt.childForFieldName('declaration') ?? stmt.childForFieldName('value') ?? stmt.namedChildren.at(-1) ?? null;
    else if (stmt.type === 'expression_statement') {
      const assign = stmt.firstNamedChild;
      if (assign?.type === 'assignment_expression' && assign.childForFieldName('left')?.text === 'module.exports') value = assign.childForFieldName('right');
    }
    if (value?.type === 'identifier') return value.text;
    if (value !== null && functionTypes(ctx.family).includes(value.type)) return functionName(value);
  }
  return null;
}

/** Retried clients, client factories and job facts, read off the file's retry scopes. */
function clientFacts(ctx: FileContext): Pick<FileSummary, 'retriedClients' | 'clientFactories' | 'conditionalFactories' | 'facts' | 'queues'> {
  const { retriedClients, factories, conditional } = retryingClientsOf(ctx);
  const conditionalFactories = conditional.size > 0 ? { conditionalFactories: Object.fromEntries(conditional) } : {};
  return { retriedClients, clientFactories: factories, ...conditionalFactories, facts: [...sharedClientFacts(ctx), ...jobAttemptFacts(ctx), ...retryingTaskBases(ctx).map((c) => `task-retry-base:${c}`), ...retryingTaskProps(ctx).map((d) => `task-retry-props:${d}`), ...falsyRecordFacts(ctx), ...flagParamFacts(ctx), ...scheduledRunFacts(ctx), ...stateSelectedFacts(ctx), ...projectDefaultFacts(ctx), ...wrappedRaiseFacts(ctx)], queues: namedQueues(ctx) };
}

function namedQueues(ctx: FileContext): Record<string, string> {
  const out: Record<string, string> = {};
  if (ctx.family !== 'ecma') return out;
  for (const [variable, name] of queuesOf(ctx)) if (name !== null) out[variable] = name;
  return out;
}

function factsOf(ctx: FileContext, fn: Node, retriesParam: number | undefined, vocabularies: readonly string[]): FunctionFacts | null {
  const body = functionBody(fn);
  if (body === null) return null;
  const reaches: Record<string, CallSite[]> = {};
  const keyLists = Object.keys(ctx.vocab.keys);
  // A send registered to run after the transaction commits (`transaction.on_commit(lambda: send(…))`) is not made by this function's caller.
  const calls = callsWithin(ctx, body).filter((c) => !deferredToCommit(ctx, c, body));
  for (const vocab of vocabularies) {
    // A request whose method this file's callers hand in writes for those callers, not for every caller elsewhere.
    // Reached through a helper of this file, the call `c` is such a caller, and has been judged by what it hands in
    // (`self._request('POST', '/transfer', payload)` in `initiate_transfer`).
    // A plain loop: most calls reach nothing, and a filtered copy per call and vocabulary was garbage for nothing.
    const sites: { s: Node; c: Node }[] = [];
    for (const c of calls) {
      for (const s of reachedCallsOf(ctx, c, vocab)) if ((s.id !== c.id || !writesOnlyForCallers(ctx, s, vocab)) && !claimedByHelper(ctx, c, s, vocab) && !(vocab === 'notification' && sentOnlyWhenCreated(ctx, c, body))) sites.push({ s, c });
    }
    if (sites.length === 0) continue;
    reaches[vocab] = sites.map(({ s, c }) => ({
      ...spanOf(s),
      callee: dottedPath(callee(s)),
      code: lineAt(ctx.source, s.startIndex),
      ...keysOf(ctx, fn, s, keyLists, c),
      ...shieldOf(ctx, body, c, s),
      ...detachedOf(ctx, body, c, s),
      ...(endsRunThrough(ctx, fn, c, s) ? { last: true as const, ...(endsRunThrough(ctx, fn, c, s, true) ? { final: true as const } : {}) } : {}),
      ...helperOf(ctx, s),
      ...(s.id !== c.id && enclosingFunction(c, ctx.family)?.id === fn.id ? { through: { ...spanOf(c), callee: dottedPath(callee(c)) }, ...betweenOf(ctx, c, s) } : {}),
    }));
  }
  const helperCalls = ctx.family === 'ecma' ? helperCallsOf(ctx, fn, calls, reaches) : [];
  const localOnly = isLocalOnly(ctx, fn);
  const stores = !localOnly && storesOnly(ctx, fn);
  // Kept even when it reaches nothing: a helper named like a write whose body writes nowhere remote
  // (`createInbox(db, …)` inserting a row) is judged by that body.
  return { reaches, ...(helperCalls.length > 0 ? { helperCalls } : {}), ...(retriesParam === undefined ? {} : { retriesParam }), ...(localOnly ? { localOnly } : {}), ...(stores ? { storesOnly: true as const } : {}), ...(onlyRaises(ctx, body) ? { stub: true as const } : {}), ...(claimsOnce(ctx, fn) ? { claimsOnce: true as const } : {}), ...(claimsByUpdate(ctx, fn) ? { claimsRecord: true as const } : {}) };
}

/** A body whose only statement (docstrings and comments aside) raises or throws. */
function onlyRaises(ctx: FileContext, body: Node): boolean {
  const statements = blockStatements(body).filter((st) => !(st.type === 'expression_statement' && st.firstNamedChild?.type === 'string'));
  return statements.length === 1 && isRaise(statements[0]!, ctx.family);
}

/**
 * Whether the site's outcome stays in this function (`shielded`), or, for a call of a function of
 * another file, whether this function raises on the result it hands back (`raisesOnResult`: `if
 * (!paymentResult.success) throw new Error(…)`), so what that function kept reaches the caller again.
 */
function shieldOf(ctx: FileContext, body: Node | null, c: Node, s: Node): Pick<CallSite, 'shielded' | 'raisesOnResult'> {
  if (body === null) return {};
  const kept = keptInFunction(ctx, body, c, s);
  if (!kept && (s.id !== c.id || helperOf(ctx, s).helper === undefined)) return {};
  const raises = resultThrownOn(ctx, c, body);
  if (kept) return raises && s.id !== c.id ? {} : { shielded: true };
  return raises ? { raisesOnResult: true } : {};
}

/**
 * `detached` when the call `c` of `body`, a call of the chain of local helpers it reaches `s` through,
 * or `s` itself, drops its promise in its own function (`detached` of ambiguous-outcome).
 */
function detachedOf(ctx: FileContext, body: Node, c: Node, s: Node): Pick<CallSite, 'detached'> {
  if (ctx.family !== 'ecma') return {};
  if (detached(c, body)) return { detached: true };
  if (s.id === c.id) return {};
  const helper = resolveLocalFunction(ctx, c);
  if (helper === null) return {};
  const chain = helperChains(ctx, `${helper.id}:${s.id}`, () => chainOf(ctx, helper, s));
  let fn: Node | null = helper;
  for (const n of [...chain, s]) {
    const own = fn !== null && contains(fn, n) ? fn : enclosingFunction(n, ctx.family);
    const ownBody = own === null ? null : functionBody(own);
    if (ownBody !== null && detached(n, ownBody)) return { detached: true };
    fn = resolveLocalFunction(ctx, n);
  }
  return {};
}

/** The call `c` of `body` (or `s`, made inside the local helper `c` calls) is kept by a try of its own function. */
function keptInFunction(ctx: FileContext, body: Node, c: Node, s: Node): boolean {
  if (keptByOwnHandler(ctx, c, body)) return !raisesAfterRetries(ctx, body, c);
  // `return notification_service.send_email(…)` on the module's instance of a class of this file
  // whose method keeps every error of its request to itself: the outcome stays there too.
  if (s.id === c.id) return keptByInstanceMethod(ctx, c) && !resultThrownOn(ctx, c, body);
  const inner = enclosingFunction(s, ctx.family);
  const innerBody = inner === null ? null : functionBody(inner);
  return innerBody !== null && keptByOwnHandler(ctx, s, innerBody) && !raisesAfterRetries(ctx, innerBody, s);
}

/**
 * The calls of functions of other files that `fn` makes as its own steps and that no call
 * vocabulary names (those are in `reaches`): `sendMessage(request)` of a poll loop's worker, then
 * the row's mark; `this.firebaseService.sendToUser(…)` of a service method, then a publish. What
 * such a function sends, `fn` sends too (read by the link step). `last` when nothing after the
 * call can fail `fn`'s run, `final` when not even a step whose error a try swallows follows (a run
 * a timer repeats counts those: its work stays pending).
 */
function helperCallsOf(ctx: FileContext, fn: Node, calls: readonly Node[], reaches: Record<string, CallSite[]>): CallSite[] {
  const named = new Set(Object.values(reaches).flatMap((sites) => sites.map((x) => `${x.line}:${x.column}`)));
  const out: CallSite[] = [];
  for (const c of calls) {
    if (enclosingFunction(c, ctx.family)?.id !== fn.id || resolveLocalFunction(ctx, c) !== null) continue;
    const span = spanOf(c);
    if (named.has(`${span.line}:${span.column}`)) continue;
    const { local, typed } = helperTarget(ctx, c, calleePath(ctx, c));
    if (local === undefined) continue;
    const final = endsRun(ctx, fn, c, true);
    const last = final || endsRun(ctx, fn, c);
    // A method on a typed object (a NestJS service's `this.firebaseService.sendToUser(…)`) is resolved by the type checker at the call.
    out.push({ ...span, callee: dottedPath(callee(c)), code: lineAt(ctx.source, c.startIndex), keys: [], helper: local, ...(typed ? { typed: true as const } : {}), ...(last ? { last: true as const } : {}), ...(final ? { final: true as const } : {}) });
  }
  return out;
}

/**
 * `s` is a send made inside the local helper `c` calls, and that helper claims a record by a stable
 * dedup key before it sends (`claims-once.ts`): a second call of it sends nothing, so whoever
 * retries this function does not notify twice through it (glamzi-backend handleEvent -> deliverEmail).
 */
function claimedByHelper(ctx: FileContext, c: Node, s: Node, vocab: string): boolean {
  if (vocab !== 'notification' || s.id === c.id) return false;
  const helper = resolveLocalFunction(ctx, c);
  return helper !== null && contains(helper, s) && claimsOnce(ctx, helper);
}

/** A site that calls a function of another file, by the name the link step resolves it under. */
function helperOf(ctx: FileContext, s: Node): Pick<CallSite, 'helper'> {
  if (resolveLocalFunction(ctx, s) !== null) return {};
  const { local, typed } = helperTarget(ctx, s, calleePath(ctx, s));
  return local !== undefined && !typed ? { helper: local } : {};
}

/**
 * `c` ends `fn`'s run and, reached through a local helper, `s` ends the helper's run too. Where
 * the order is out of sight (a call inside a callback or a nested function) the call counts as
 * last: only a step seen after it makes a helper's send one that can repeat.
 */
function endsRunThrough(ctx: FileContext, fn: Node, c: Node, s: Node, swallowed = false): boolean {
  if (enclosingFunction(c, ctx.family)?.id !== fn.id) return true;
  if (!endsRun(ctx, fn, c, swallowed)) return false;
  const inner = enclosingFunction(s, ctx.family);
  if (s.id === c.id || inner === null || enclosingFunction(inner, ctx.family) !== null) return true;
  // Each helper on the way must end its own run there: `send_new_order_notification` returns
  // `cls.send_notification(…)`, which pushes and then saves the devices' statuses.
  const helper = resolveLocalFunction(ctx, c);
  return helper === null ? endsRun(ctx, inner, s, swallowed) : endsThrough(ctx, helper, s, 1, swallowed);
}

/**
 * The calls that hand `s` on between helpers of this file after `c` (`send_notification` calling
 * `cls._send_notification_batch`): where a later step of a helper follows the send.
 */
function betweenOf(ctx: FileContext, c: Node, s: Node): Pick<CallSite, 'between'> {
  const helper = resolveLocalFunction(ctx, c);
  if (helper === null) return {};
  // The chain depends on the helper and the send only, and a helper is called from many sites: found once.
  const chain = helperChains(ctx, `${helper.id}:${s.id}`, () => chainOf(ctx, helper, s));
  return chain.length > 0 ? { between: chain.map((next) => ({ ...spanOf(next), callee: dottedPath(callee(next)) })) } : {};
}

const helperChains = answeredOnce<string, Node[]>('summary-helper-chains');

function chainOf(ctx: FileContext, helper: Node, s: Node): Node[] {
  const out: Node[] = [];
  let fn: Node | null = helper;
  while (fn !== null && !contains(fn, s) && out.length < MAX_BETWEEN) {
    const body = functionBody(fn);
    const current: Node = fn;
    const next = body === null ? undefined : callsWithin(ctx, body).find((call) => {
      const target = resolveLocalFunction(ctx, call);
      return target !== null && target.id !== current.id && reaches(ctx, target, s, out.length + 1);
    });
    if (next === undefined) break;
    out.push(next);
    fn = resolveLocalFunction(ctx, next);
  }
  return out;
}

const MAX_BETWEEN = 3;

function spanOf(n: Node): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: n.startPosition.row + 1, column: n.startPosition.column + 1, endLine: n.endPosition.row + 1, endColumn: n.endPosition.column + 1 };
}

function lineAt(source: string, index: number): string {
  const start = source.lastIndexOf('\n', index - 1) + 1;
  const end = source.indexOf('\n', index);
  return source.slice(start, end < 0 ? source.length : end).trim();
}

function enclosingClassName(fn: Node): string | null {
  for (let p = fn.parent; p !== null; p = p.parent) {
    if (CLASS_TYPES.includes(p.type)) return p.childForFieldName('name')?.text ?? null;
  }
  return null;
}

/**
 * A module whose export is one class (`module.exports = PayoutWorker`, `export default class
 * PayoutService`, or an instance of it: `module.exports = new PayoutService()`): its methods are
 * the module's members, so `PayoutWorker.processSinglePayout(…)` in an importer names
 * `PayoutWorker.processSinglePayout` here. Listed as `default.<method>` (an ES default import),
 * and, for CommonJS, as bare `<method>` (the module imported whole), unless the file has one.
 */
function exportedClassMembers(ctx: FileContext, functions: Record<string, FunctionFacts>): void {
  if (ctx.family !== 'ecma' || !/module\.exports\s*=|export\s+default/.test(ctx.source)) return;
  for (const { name, commonjs } of exportedClasses(ctx)) {
    const prefix = `${name}.`;
    for (const [key, facts] of Object.entries(functions)) {
      if (!key.startsWith(prefix)) continue;
      const member = key.slice(prefix.length);
      functions[`default.${member}`] ??= facts;
      if (commonjs) functions[member] ??= facts;
    }
  }
}

/** Names bound at the module's top level to an instance of a class of this file (`const x = new X()`, `x = X()`). */
function keptByInstanceMethod(ctx: FileContext, call: Node): boolean {
  const m = /^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)$/.exec(calleePath(ctx, call));
  const cls = m === null ? undefined : ctx.memo('summary-module-instances', () => moduleInstances(ctx))[m[1] ?? ''];
  if (m === null || cls === undefined) return false;
  const owner = nodesOfType(ctx, CLASS_TYPES).find((c) => c.childForFieldName('name')?.text === cls);
  const method = owner === undefined ? null : methodAround(ctx, m[2] ?? '', owner);
  return method !== null && keepsEveryWrite(ctx, method);
}

function moduleInstances(ctx: FileContext): Record<string, string> {
  const out: Record<string, string> = {};
  let classes: Set<string> | undefined;
  for (const stmt of ctx.root.namedChildren) {
    const declared = stmt.type === 'export_statement' ? stmt.childForFieldName('declaration') : stmt;
    const pairs: [Node | null, Node | null][] = [];
    if (declared?.type === 'lexical_declaration' || declared?.type === 'variable_declaration') {
      for (const d of declared.namedChildren) if (d.type === 'variable_declarator') pairs.push([d.childForFieldName('name'), d.childForFieldName('value')]);
    } else if (ctx.family === 'python' && stmt.type === 'expression_statement' && stmt.firstNamedChild?.type === 'assignment') {
      pairs.push([stmt.firstNamedChild.childForFieldName('left'), stmt.firstNamedChild.childForFieldName('right')]);
    } else if (ctx.family === 'ecma' && stmt.type === 'expression_statement' && stmt.firstNamedChild?.type === 'assignment_expression') {
      // `module.exports = { delhiveryService: new DelhiveryService(), … }`: each instance handed out by its key.
      const assign = stmt.firstNamedChild;
      const right = assign.childForFieldName('right');
      if (assign.childForFieldName('left')?.text === 'module.exports' && right?.type === 'object') {
        for (const pair of right.namedChildren) if (pair.type === 'pair') pairs.push([pair.childForFieldName('key'), pair.childForFieldName('value')]);
      }
    }
    for (const [name, value] of pairs) {
      if ((name?.type !== 'identifier' && name?.type !== 'property_identifier') || value === null) continue;
      const made = value.type === 'new_expression' ? value.childForFieldName('constructor') : ctx.family === 'python' && value.type === 'call' ? value.childForFieldName('function') : null;
      if (made?.type !== 'identifier' || !/^[A-Z]/.test(made.text)) continue;
      classes ??= new Set(nodesOfType(ctx, CLASS_TYPES).map((c) => c.childForFieldName('name')?.text ?? '').filter((n) => n !== ''));
      if (classes.has(made.text)) out[name.text] = made.text;
    }
  }
  return out;
}

/** The classes of this file a module export statement hands out, or an instance of them. */
function exportedClasses(ctx: FileContext): { name: string; commonjs: boolean }[] {
  const classes = new Set(nodesOfType(ctx, CLASS_TYPES).map((c) => c.childForFieldName('name')?.text ?? '').filter((n) => n !== ''));
  const out: { name: string; commonjs: boolean }[] = [];
  const exported = (value: Node | null, commonjs: boolean) => {
    const made = value?.type === 'new_expression' ? value.childForFieldName('constructor') : value;
    const name = made?.type === 'identifier' ? made.text : made !== null && made !== undefined && CLASS_TYPES.includes(made.type) ? made.childForFieldName('name')?.text : undefined;
    if (name !== undefined && classes.has(name)) out.push({ name, commonjs });
  };
  for (const stmt of ctx.root.namedChildren) {
    if (stmt.type === 'export_statement' && stmt.children.some((c) => c.type === 'default')) {
      exported(stmt.childForFieldName('declaration') ?? stmt.childForFieldName('value') ?? stmt.namedChildren.at(-1) ?? null, false);
    } else if (stmt.type === 'expression_statement') {
      const assign = stmt.firstNamedChild;
      if (assign?.type === 'assignment_expression' && assign.childForFieldName('left')?.text === 'module.exports') exported(assign.childForFieldName('right'), true);
    }
  }
  return out;
}

function isDefaultExport(fn: Node): boolean {
  const p = fn.parent;
  return p?.type === 'export_statement' && p.children.some((c) => c.type === 'default');
}

/**
 * The function tells a created record from one that already existed (`if response.status_code ==
 * status.HTTP_201_CREATED: … else: log("found existing")`, neither branch failing): the endpoint
 * it writes to gets or creates, so a repeated request creates nothing twice.
 */
const createdFromExisting = answeredOnce<number, boolean>('tells-created-from-existing');

function tellsCreatedFromExisting(ctx: FileContext, fn: Node): boolean {
  // Asked for every site of the function: answered once.
  return createdFromExisting(ctx, fn.id, () => findsCreatedFromExisting(ctx, fn));
}

function findsCreatedFromExisting(ctx: FileContext, fn: Node): boolean {
  const body = functionBody(fn);
  if (body === null || !/201|CREATED/.test(body.text)) return false;
  return nodesWithin(ctx, body, ['if_statement']).some((st) => {
    const cond = st.childForFieldName('condition');
    if (cond === null || !/status/i.test(cond.text) || !/(^|\D)201(\D|$)|_201_CREATED\b|\bCREATED\b/.test(cond.text) || !/==/.test(cond.text)) return false;
    const branches = ifChain(st, ctx.family);
    // `else: log("Unable to create an account")`: a branch that says it failed is no "found existing".
    const saysFailed = outcomeWords(ctx, 'failure')?.failedPhrases;
    return branches.length > 1 && branches.at(-1)?.condition === null && branches.every((b) => !raisesWithin(b.body, ctx.family) && saysFailed?.test(b.body.text) !== true);
  });
}

/**
 * The key lists a call passes, and those it passes only through one of `fn`'s parameters; `made`
 * is the call in `fn` that reaches `call` (itself, or a local helper's call).
 */
function keysOf(ctx: FileContext, fn: Node, call: Node, lists: readonly string[], made: Node): Pick<CallSite, 'keys' | 'keyParams' | 'keyFields'> {
  // A call in several vocabularies is a site of each: its keys are found once (and copied per site).
  const v = siteKeys(ctx, `${fn.id}:${call.id}:${made.id}`, () => findKeys(ctx, fn, call, lists, made));
  return { keys: [...v.keys], ...(v.keyParams !== undefined ? { keyParams: { ...v.keyParams } } : {}), ...(v.keyFields !== undefined ? { keyFields: { ...v.keyFields } } : {}) };
}

const siteKeys = answeredOnce<string, Pick<CallSite, 'keys' | 'keyParams' | 'keyFields'>>('summary-site-keys');

function findKeys(ctx: FileContext, fn: Node, call: Node, lists: readonly string[], made: Node): Pick<CallSite, 'keys' | 'keyParams' | 'keyFields'> {
  // A send the function guards with a field it sets itself (`if n.welcome_time: return`), or confines
  // to one attempt (`if (job.attemptsMade >= maxAttempts - 1)`, a sent-flag), is sent once: as
  // deduplicated, for a caller's retry, as one that passes a dedup key. Sent through a helper of this
  // file, the guard may be the function's own, before the helper's call. A write the function checks for a prior success
  // of before making it (`if record.distribution_id is not None: continue`) is made once, as a keyed one is.
  // A key made afresh in the function (`idempotencyKey: `t-${id}-${Date.now()}``) is a new key on
  // each call of it, so on each attempt of a retry around it: no key at all.
  const body = functionBody(fn);
  // Made through a request helper of this file whose callers hand in the method, the key rides with what this call hands it.
  // Reached through a local helper, the key this function's own call hands it (`_request("POST", "/charges",
  // json={"idempotency_key": str(uuid4())})`) is made afresh on each call of it just the same.
  const fresh = (k: string) => body !== null && (freshPerAttempt(ctx, call, body, k) || (made.id !== call.id && freshPerAttempt(ctx, made, body, k)));
  const keyed = (k: string) => (passesKeyOnce(ctx, call, k) || (made.id !== call.id && callerHandsKey(ctx, call, made, k))) && !fresh(k);
  const keys = lists.filter((k) => keyed(k) || (k === 'dedup' && (marksOwnGuard(ctx, call) || guardedInOwnFunction(ctx, call) || (made.id !== call.id && marksOwnGuard(ctx, made)) || checksSentRecord(ctx, call))) || (k === 'idempotency' && (tellsCreatedFromExisting(ctx, fn) || checkedInFunction(ctx, fn, made, call))));
  const keyParams: Record<string, number> = {};
  const keyFields: Record<string, [number, string]> = {};
  for (const k of keys) {
    const at = keyParameter(ctx, fn, call, k);
    if (at !== null) keyParams[k] = at;
    // Only a key the call itself passes: one a guard or a lookup stands for has no field.
    const field = made.id === call.id && passesKeyOnce(ctx, call, k) ? keyParameterField(ctx, fn, call, k) : null;
    if (field !== null) keyFields[k] = [field[0], normalizeName(field[1])];
  }
  return { keys, ...(Object.keys(keyParams).length > 0 ? { keyParams } : {}), ...(Object.keys(keyFields).length > 0 ? { keyFields } : {}) };
}

/**
 * `passesKey` asked once per call and key list: a helper's call is a site of every function that
 * reaches it through that helper, and each site asks every list, then again for the key's field.
 */
const passedKeys = answeredOnce<string, boolean>('summary-passes-key');

function passesKeyOnce(ctx: FileContext, call: Node, list: string): boolean {
  return passedKeys(ctx, `${call.id}:${list}`, () => passesKey(ctx, call, list));
}
