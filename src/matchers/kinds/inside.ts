import { reachedCalls, reachedInner, scopeHolds, statementOf } from '../scope.js';
import { resolveLocalFunction } from '../local-helpers.js';
import { endsThrough, exitsAfter } from './exits-after.js';
import { getContext, contextNames } from '../contexts/index.js';
import { claimedBeforeSend, claimedInRetriedRun, scheduledSendRepeats } from '../contexts/scheduled-runs.js';
import { calleePath } from '../file-index.js';
import { projectImportOf } from '../imports.js';
import { compiledOnce } from '../compiled.js';
import { escapeRegExp } from '../names.js';
import { namesOneOperation } from '../call-vocabulary.js';
import { COLLECTED_ERROR_RECORDS } from '../fact-kinds.js';
import { functionName, isCall, lastSegment, namedEnclosingFunction, type Node } from '../syntax.js';
import type { FileContext, Matcher, Requirement } from '../types.js';

/**
 * `inside: <context>` — the candidate lies in a scope of the named context (`retry`,
 * `timeout-handler`, `status-branch`, `ambiguous-outcome`). Records the innermost such scope on the
 * candidate, adds its construct as a related location and its label as the `{retry}` / `{context}`
 * capture, so later tests (`prior-success-check`, `handles-ambiguous`) and the message can use it.
 */
export const insideMatcher: Matcher = {
  kind: 'inside',
  summary: 'the candidate lies in a scope of a context (retry, timeout-handler, status-branch, ambiguous-outcome)',
  validate: (param) =>
    param === undefined || getContext(param) === undefined
      ? `needs a context name, one of: ${contextNames().join(', ')}`
      : null,
  test(ctx, param, candidate) {
    const context = getContext(param ?? '');
    if (context === undefined) return false;
    // The innermost scope that certainly applies wins; a scope that depends on another file is
    // used only when no certain one holds, and its condition travels with the candidate. Among
    // those, one whose subject a helper's name already calls a write (`createDisbursement(…)`,
    // which only a body in sight can overrule) comes before one that holds only if another file
    // proves it (a typed `userSnapshot.data()` of a try nested in that handler).
    let best = undefined as (typeof candidate)['scope'];
    let presumed = undefined as (typeof candidate)['scope'];
    let conditional = undefined as (typeof candidate)['scope'];
    let failover = undefined as (typeof candidate)['scope'];
    const size = (s: NonNullable<typeof best>) => s.body.endIndex - s.body.startIndex;
    // Scope ranges read once per file: a candidate is tested against every scope of the context.
    const ranges = ctx.memo(`scope-ranges:${context.name}`, () => context.scopes(ctx).map((s) => ({ scope: s, start: s.body.startIndex, end: s.body.endIndex })));
    const start = candidate.node.startIndex;
    const end = candidate.node.endIndex;
    for (const { scope, start: from, end: to } of ranges) {
      if (start < from || end > to || (scope.receiver !== undefined && !scopeHolds(ctx, scope, candidate.node, true))) continue;
      if (scope.excludes?.some((x) => x.startIndex <= start && end <= x.endIndex)) continue;
      if (scope.scheduled !== undefined && !scheduledSendRepeats(ctx, candidate.node, scope)) continue;
      if (scope.subject !== undefined && recordMadeBySubject(ctx, candidate.node, scope.subject)) continue;
      const viaCaller = candidate.captures.result !== undefined && (scope.explicitOnly === true || (scope.plainResultsViaCaller === true && candidate.captures.plain !== undefined));
      const falsy = viaCaller ? falsyResultRequirement(ctx, candidate.captures.outcome, candidate.node, candidate.captures.result === 'error' ? ERROR_RECORDS : candidate.captures.result === 'collected' ? COLLECTED_RECORDS : FALSY_RECORDS) : undefined;
      // A subject known only by its name (`unless-keyed`) travels with the caller's condition.
      // Several such subjects (`any-of`, each known only by its name) travel the same way.
      const named = isNamedOnly(scope.requires) ? scope.requires : undefined;
      // A subject another file must prove writes (`await sendRequest(msg)` of a module whose body
      // publishes) travels with the caller's condition too: both must hold.
      // Only for a function of a module: a method's caller is linked by its bare name, which another
      // class's method shares (caiogn-dev/server: WhatsApp `mark_as_read` read through an Instagram
      // service's `if service.mark_as_read(…)`); two conditions of other files on a guessed link are one too many.
      const helper = (scope.requires?.kind === 'helper' || isNamedOnly(scope.requires)) && falsy !== undefined && falsy !== null && !inMethod(candidate.node) ? scope.requires : undefined;
      if (falsy === null || (falsy !== undefined && scope.requires !== undefined && helper === undefined)) continue;
      if (falsy !== undefined) {
        // A broad handler's `return False` records a failure only where a caller reads it as one.
        const viaCaller = { ...scope, requires: falsy, ...(helper ? { alsoRequires: helper } : {}) };
        if (conditional === undefined || size(viaCaller) < size(conditional)) conditional = viaCaller;
      } else if (named !== undefined) {
        if (presumed === undefined || size(scope) < size(presumed)) presumed = scope;
      } else if (scope.requires !== undefined) {
        if (conditional === undefined || size(scope) < size(conditional)) conditional = scope;
        // A task of the project's own Celery app (`@celery.task`, retried only if that app says so)
        // that a beat schedule also runs: either condition makes the run repeat. The schedule's
        // scope, whose selection and mark this file already showed, tells why.
        else if (size(scope) === size(conditional) && (scope.scheduled === undefined) !== (conditional.scheduled === undefined) && conditional.requires !== undefined) {
          const [run, other] = scope.scheduled !== undefined ? [scope, conditional] : [conditional, scope];
          conditional = { ...run, requires: { kind: 'any-of', of: [run.requires!, other.requires!] } };
        }
      } else if (scope.failover === true) {
        if (failover === undefined || size(scope) < size(failover)) failover = scope;
      } else if (best === undefined || size(scope) < size(best)) best = scope;
    }
    // A failover walk inside another retry (`for provider in providers` in a retried task) yields to
    // it: that retry runs the walk again too, and what follows the walk there is part of the attempt.
    best ??= failover ?? presumed ?? conditional;
    if (best === undefined) return false;
    if (best.rerun === true) {
      // A run a timer repeats: a helper of another file is judged in its own file, where its sends
      // that a later step follows are reported; a send of this file that ends the run is made once.
      const helpers = (candidate.requires ?? []).filter((r): r is Extract<Requirement, { kind: 'helper' }> => r.kind === 'helper' && r.mode === 'writes');
      if (helpers.length === 0 && exitsAfter(ctx, candidate.node, best)) {
        // A helper of this file called last may still send before its own later steps (`processPending(db)`
        // publishing each row before marking it).
        const inner = reachedInner(candidate);
        const local = inner && inner.id !== candidate.node.id ? resolveLocalFunction(ctx, candidate.node) : null;
        if (!local || !inner || endsThrough(ctx, local, inner, 0, true)) return false;
      }
      if (claimedBefore(ctx, candidate.node, best.body)) return false;
      // The send's own function claims the row it selected (its sent-flag saved) before sending.
      // (Any call on the way: `sendWelcomeReminders` claims the plan, then calls `notify`, which sends.)
      if ([candidate.node, ...reachedCalls(candidate)].some((n) => n.tree === ctx.root.tree && claimedBeforeSend(ctx, n))) return false;
      // What a failed run does in its handler (an alert per failed run) is no step of the work left pending.
      for (let p = candidate.node.parent; p !== null && p.id !== best.body.id; p = p.parent) if (HANDLER_CLAUSES.has(p.type)) return false;
      for (const r of helpers) {
        r.relocate = true;
        r.unlessLast = true;
        r.deep = true;
        r.rerun = true;
      }
    }
    if (best.redelivered !== undefined) {
      // A redelivered webhook handler runs again only when it fails: a helper of another file that
      // keeps every error of its writes to itself (a Slack log, a fire-and-forget emit) never fails it.
      const helpers = (candidate.requires ?? []).filter((r) => r.kind === 'helper');
      for (const r of helpers) r.unshielded = true;
      // A function of another file named for its write (`purchaseLabel(…)`) is asked the same of its body
      // (the scope serves AP-001's writes only: AP-002 keeps out of redelivered handlers).
      const path = isCall(candidate.node, ctx.family) ? calleePath(ctx, candidate.node) : '';
      if (helpers.length === 0 && path !== '' && projectImportOf(ctx, path) !== undefined) {
        (candidate.requires ??= []).push({ kind: 'helper', local: path, vocab: 'mutating', mode: 'unless-keyed', unshielded: true });
      }
    }
    // A retried run that selects its rows by a state field and claims the row before the write
    // (`.is("reminder_sent_at", null)` … `.update({ reminder_sent_at })` … send): the next attempt does not select it.
    if (param === 'retry' && best.rerun !== true && [candidate.node, ...reachedCalls(candidate)].some((n) => n.tree === ctx.root.tree && claimedInRetriedRun(ctx, n, best.body))) return false;
    if (best.requires !== undefined) (candidate.requires ??= []).push(best.requires);
    if (best.alsoRequires !== undefined) (candidate.requires ??= []).push(best.alsoRequires);
    candidate.scope = best;
    candidate.captures[param === 'retry' ? 'retry' : 'context'] = best.label;
    candidate.captures.context ??= best.label;
    candidate.related.push({ node: best.construct, message: `${best.context === 'retry' ? 'retried by' : 'handled by'} ${best.label}` });
    if (best.subject && best.subject.id !== candidate.node.id) {
      candidate.captures.subject = best.subject.text.split('\n', 1)[0] ?? '';
      candidate.related.push({ node: best.subject, message: 'the call whose outcome is ambiguous' });
    }
    return true;
  },
};

/**
 * `try { … await notifications.sendPaymentNotification({ status: 'completed' }) } catch { await
 * notifications.sendPaymentNotification({ status: 'failed' }) }`: the record is made by another call
 * of the very operation whose outcome is ambiguous (Grome-Backend payment.processor.ts,
 * Agenta webhooks/tasks.py's `dao.create_delivery`): no failure of a different write is recorded.
 * Only for a named operation (two words or more): a bare `post` / `send` / `execute` of a generic
 * client is a different request with other arguments (a callback that reports the failure).
 */
function recordMadeBySubject(ctx: FileContext, record: Node, subject: Node): boolean {
  if (!isCall(subject, ctx.family)) return false;
  const path = calleePath(ctx, subject);
  if (!namesOneOperation(path)) return false;
  const stop = statementOf(record);
  for (let n: Node | null = record; n !== null; n = n.parent) {
    if (n.id !== subject.id && isCall(n, ctx.family) && calleePath(ctx, n) === path) return true;
    if (n.id === stop.id) break;
  }
  return false;
}

/**
 * What makes a falsy return (`return False` in a broad handler) a recorded outcome: a caller that
 * reads this function's falsy result as that outcome (see `falsy-callers.ts`). Null when the
 * function has no name to be called by.
 */
function falsyResultRequirement(ctx: FileContext, outcome: string | undefined, node: Node, kind: string): Requirement | null {
  const fn = namedEnclosingFunction(node, ctx.family);
  const name = fn && functionName(fn);
  if (!name || outcome === undefined) return null;
  return { kind: 'project-fact', fact: `${kind}${outcome}:${lastSegment(name)}` };
}

/** Whether the function around `node` is a method of a class (its nearest enclosing definition is a class body's). */
function inMethod(node: Node): boolean {
  let fn = false;
  for (let p = node.parent; p !== null; p = p.parent) {
    if (p.type === 'class_body' || p.type === 'class_definition' || p.type === 'class_declaration' || p.type === 'class') return fn;
    if (/function|method_definition|lambda/.test(p.type)) {
      if (fn) return false;
      fn = true;
    }
  }
  return false;
}

const HANDLER_CLAUSES = new Set(['catch_clause', 'finally_clause', 'except_clause']);

/**
 * A run that marks its work taken before it sends (`update({ sent: new Date() }, …)`, `status:
 * 'PROCESSING'`, before the publish): the next run does not select it again. A statement before the
 * send, in its block or an enclosing one within the run, that calls something and sets a done flag
 * or a state field (vocabulary `retry.due_done_flags`, `retry.due_state_words`).
 */
function claimedBefore(ctx: FileContext, node: Node, body: Node): boolean {
  const claim = compiledOnce(ctx.vocab, 'claim-before-send', () => {
    const words = [...ctx.vocab.retry.due_done_flags, ...ctx.vocab.retry.due_state_words];
    return words.length === 0 ? null : new RegExp(`\\b(?:${words.map(escapeRegExp).join('|')})['"]?\\s*[:=][^=]`, 'i');
  });
  if (claim === null) return false;
  for (let n: Node = node, p = node.parent; p !== null && n.id !== body.id; n = p, p = p.parent) {
    if (p.type !== 'statement_block' && p.type !== 'block') continue;
    for (let prev = n.previousNamedSibling; prev !== null; prev = prev.previousNamedSibling) {
      // A write made as a statement; a read bound to a name (`const rows = findAll({ where: { sent: null } })`) selects, it does not claim.
      if (prev.type === 'expression_statement' && /\(/.test(prev.text) && claim.test(prev.text)) return true;
    }
  }
  return false;
}

/** A caller records the outcome for a falsy result (`if not ok:`) / for any result but success (`if r == "SUCCESS": … else:`). */
const FALSY_RECORDS = 'falsy-records:';
const ERROR_RECORDS = 'error-records:';
/** A failed item the function pushes onto the list it returns (`errors.append(str(e))`): the caller tells of those it got. */
const COLLECTED_RECORDS = `${COLLECTED_ERROR_RECORDS}:`;

/** A subject known only by its name (`unless-keyed`), or several, any of which may be the write. */
function isNamedOnly(r: Requirement | undefined): r is Requirement {
  if (r === undefined) return false;
  if (r.kind === 'any-of') return r.of.every((o) => isNamedOnly(o));
  return r.kind === 'helper' && r.mode === 'unless-keyed';
}
