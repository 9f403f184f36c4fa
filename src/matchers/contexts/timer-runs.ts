import { compiledOnce } from '../compiled.js';
import { calleePath, callsWithin } from '../file-index.js';
import { projectImportOf } from '../imports.js';
import { NamePatterns, escapeRegExp } from '../names.js';
import { callArguments, firstLine, functionBody, functionName, isFunction, lastSegment, namedEnclosingFunction, unwrapAwait, type Node } from '../syntax.js';
import { statementOf } from '../scope.js';
import type { FileContext, Scope } from '../types.js';

/**
 * Runs a timer repeats (vocabulary `retry.repeating_timers`, `retry.one_shot_timers`): the function
 * `setInterval(publishPending, ms)` runs every interval, and a function that sets a one-shot timer
 * for itself (`start` ending with `finally { setTimeout(start, interval) }`) is a poll loop. Each
 * run takes up the work an earlier run left pending, so what a run sends before the step that marks
 * the work done (a later write that fails, a rollback, an error swallowed on the way) is sent again
 * by the next run. The scope is the run (`rerun`): a send in it counts only when a later step of the
 * run follows it (a send that ends the run leaves nothing pending behind it); a send made by a
 * function of another file it calls is reported there.
 *
 * Quiet: a one-shot timer for another function (a delayed start), a timer handed something that is
 * neither a function of this file, an inline function, nor an imported function.
 */
export function timerRunScopes(ctx: FileContext, calls: readonly Node[], functions: Map<string, Node>): Scope[] {
  if (ctx.family !== 'ecma') return [];
  const v = compiledOnce(ctx.vocab, 'timer-runs', () => {
    const r = ctx.vocab.retry;
    const all = [...r.repeating_timers, ...r.one_shot_timers].map(lastSegment);
    return {
      repeating: new NamePatterns(r.repeating_timers),
      oneShot: new NamePatterns(r.one_shot_timers),
      text: all.length > 0 ? new RegExp(`\\b(?:${[...new Set(all)].map(escapeRegExp).join('|')})\\s*\\(`) : /(?!)/,
    };
  });
  if (!v.text.test(ctx.source)) return [];
  const scopes: Scope[] = [];
  const seen = new Set<number>();
  for (const call of calls) {
    const path = calleePath(ctx, call);
    const repeating = v.repeating.matches(path);
    if (!repeating && !v.oneShot.matches(path)) continue;
    const arg = unwrapAwait(callArguments(call)[0] ?? null);
    if (arg === null) continue;
    const inline = isFunction(arg, ctx.family);
    const named = arg.type === 'identifier' || arg.type === 'member_expression' ? arg.text : null;
    if (!inline && named === null) continue;
    let body: Node | null = null;
    let rearms: Node[] = [];
    let name = named ?? 'its callback';
    if (!repeating) {
      // A one-shot timer re-runs only the function it sits in (`setTimeout(start, …)` in `start`,
      // or `setTimeout(() => start(), …)`).
      const host = namedEnclosingFunction(call, ctx.family);
      const hostName = host && functionName(host);
      if (!host || !hostName) continue;
      const target = inline ? callsWithin(ctx, functionBody(arg) ?? arg).map((c) => lastSegment(calleePath(ctx, c))) : [lastSegment(named ?? '')];
      if (!target.includes(lastSegment(hostName))) continue;
      body = functionBody(host);
      name = hostName;
      // The run re-arming its own timer (`this.setupPollingTimer()` after the work) is no step of the work.
      if (body !== null) rearms = callsWithin(ctx, body).filter((c) => lastSegment(calleePath(ctx, c)) === lastSegment(hostName)).map(statementOf);
    } else if (inline) {
      body = functionBody(arg);
    } else {
      const local = functions.get(lastSegment(named ?? ''));
      // An imported function handed over by name: its sends are judged, and reported, in its own file.
      body = local ? functionBody(local) : projectImportOf(ctx, named ?? '') !== undefined ? arg : null;
    }
    if (body === null || seen.has(body.id)) continue;
    seen.add(body.id);
    scopes.push({ context: 'retry', body, construct: call, label: `${name} (re-run by ${firstLine(call, 50).replace(/\s*[{(]\s*$/, '')})`, rerun: true, swallowedRetries: true, ...(repeating ? {} : { rearmedBy: name }), ...(rearms.length > 0 ? { excludes: rearms } : {}) });
  }
  return scopes;
}

