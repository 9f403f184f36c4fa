import { compiledOnce } from '../compiled.js';
import { calleePath, nodesWithin } from '../file-index.js';
import { resolveLocalFunction } from '../local-helpers.js';
import { caughtName, namesOfError } from '../contexts/ambiguous-outcome.js';
import { contains, functionName, ifChain, isCall, namesUnder, raisesWithin, tryBody, tryHandlers, type Node } from '../syntax.js';
import type { FileContext } from '../types.js';

/**
 * A handler of the attempt that takes the provider's "already exists" answer as done:
 *
 *     try { await server.submitTransaction(createAccountTx) }
 *     catch (e) { if (isAlreadyExistsError(e)) return { status: 'skipped' }; … continue }
 *
 * The provider refuses a repeat of the write (the account, the user, the upload is keyed by what the
 * write names), and the code counts the refusal as the earlier success: a retry after a success
 * whose answer was lost makes nothing twice. Known by the test, on the caught error, of a
 * `retry.duplicate_answers` text or a `retry.duplicate_statuses` status (in the condition, or in the
 * body or name of a function of this file it calls), or by a handler typed by one (`except
 * AlreadyExists:`), whose branch leaves the attempts (`return`, `break`) without raising. The app's
 * own store refusing a duplicate row (`retry.local_duplicate_answers`) says nothing of the provider.
 */
export function duplicateTakenAsDone(ctx: FileContext, region: Node, target: Node): boolean {
  const v = duplicateVocab(ctx);
  if (v === null) return false;
  for (let p = target.parent; p !== null && p.id !== region.id; p = p.parent) {
    if (p.type !== 'try_statement') continue;
    const body = tryBody(p);
    if (body === null || !contains(body, target)) continue;
    for (const handler of tryHandlers(p, ctx.family)) {
      if (handler.type !== null && v.says(handler.type.text) && leavesDone(ctx, handler.body)) return true;
      const caught = caughtName(handler, ctx.family);
      if (caught === null) continue;
      const errors = new Set(namesOfError(ctx, handler.body, caught));
      for (const ifStmt of nodesWithin(ctx, handler.body, 'if_statement')) {
        const head = ifChain(ifStmt, ctx.family)[0];
        const condition = head?.condition;
        if (head === undefined || condition == null || !namesUnder(condition).some((n) => errors.has(n))) continue;
        if (testsDuplicate(ctx, condition, v) && leavesDone(ctx, head.body)) return true;
      }
    }
  }
  return false;
}

interface DuplicateVocab {
  /** Whether a text names a duplicate answer or status. */
  says(text: string): boolean;
}

function duplicateVocab(ctx: FileContext): DuplicateVocab | null {
  return compiledOnce(ctx.vocab, 'duplicate-answers', () => {
    const texts = ctx.vocab.retry.duplicate_answers.map((t) => t.toLowerCase());
    const local = ctx.vocab.retry.local_duplicate_answers.map((t) => t.toLowerCase());
    const statuses = ctx.vocab.retry.duplicate_statuses;
    if (texts.length === 0 && statuses.length === 0) return null;
    const status = statuses.length === 0 ? null : new RegExp(`(?<![\\w.])(?:${statuses.join('|')})(?![\\w.])`);
    return {
      says: (text: string) => {
        const lower = text.toLowerCase();
        if (local.some((t) => lower.includes(t))) return false;
        return texts.some((t) => lower.includes(t)) || (status !== null && status.test(text));
      },
    };
  });
}

/** The condition names a duplicate answer, itself or in a function of this file it calls (`isAlreadyExistsError(e)`). */
function testsDuplicate(ctx: FileContext, condition: Node, v: DuplicateVocab): boolean {
  if (v.says(condition.text)) return true;
  const calls = [...(isCall(condition, ctx.family) ? [condition] : []), ...condition.descendantsOfType(['call_expression', 'call'])];
  return calls.some((c) => {
    const fn = resolveLocalFunction(ctx, c);
    if (fn === null) return false;
    const name = functionName(fn) ?? calleePath(ctx, c);
    return v.says(name) || v.says(fn.childForFieldName('body')?.text ?? '');
  });
}

/** The branch leaves the attempts as done: a `return` or `break`, and no raise. */
function leavesDone(ctx: FileContext, body: Node): boolean {
  const kinds = ['return_statement', 'break_statement'];
  return (kinds.includes(body.type) || body.descendantsOfType(kinds).length > 0) && !raisesWithin(body, ctx.family);
}
