import { isCallOf, isInMemory, isPassive } from './call-vocabulary.js';
import { wordSet } from './compiled.js';
import { calleePath, callsWithin } from './file-index.js';
import { computesInMemory, isLocalOnly, resolveLocalFunction } from './local-helpers.js';
import { splitWords } from './names.js';
import { functionBody, lastSegment, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/** The remote vocabularies a stores-only body may still call, for the link step to judge (an imported model's `create`). */
const REMOTE_VOCABULARIES = ['mutating', 'notification'];

/**
 * Whether a function's body does nothing but read and write the application's own database (and
 * compute, and log): an app's `createNotification({ userId, title })` whose body is
 * `NotificationModel.create({…})`, `prisma.notification.create({ data })`, or `db.add(row);
 * db.commit(); db.refresh(row)`. It stores an in-app notification's row, which the app shows in its
 * own feed: whatever its name says, it sends nothing to anyone and writes no remote system.
 *
 * A store call is one the remote vocabularies do not name (`prisma.*`, `objects.*` and `db.*` are
 * stores by `calls.mutating.exclude`) whose method writes a record (`record_write_methods`), commits
 * (`transaction_commits`), keeps the session (`store_session_methods`) or reads (`read_verbs`). A call
 * a remote vocabulary does name (`NotificationModel.create`, the model imported from another file) is
 * left to the link step, which keeps the helper remote unless every such call is on a model of the
 * application's store. Any other call (a function of another file, an object whose method says
 * nothing) may send: the body is then not stores-only. At least one write must be seen.
 */
export function storesOnly(ctx: FileContext, fn: Node): boolean {
  const cache = ctx.memo('stores-only', () => new Map<number, boolean>());
  const known = cache.get(fn.id);
  if (known !== undefined) return known;
  cache.set(fn.id, false); // recursion: assume it may reach out
  const result = judge(ctx, fn);
  cache.set(fn.id, result);
  return result;
}

function judge(ctx: FileContext, fn: Node): boolean {
  const body = functionBody(fn);
  if (body === null) return false;
  const writes = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  const commits = wordSet(ctx, 'transaction_commits', ctx.vocab.transaction_commits);
  const session = wordSet(ctx, 'store_session_methods', ctx.vocab.store_session_methods);
  const reads = wordSet(ctx, 'read_verbs', ctx.vocab.read_verbs);
  let wrote = false;
  for (const c of callsWithin(ctx, body)) {
    const path = calleePath(ctx, c);
    const method = lastSegment(path);
    // `db.add(row)`, `session.commit()`: a session's write, though `add` is a collection's method too.
    if (path.includes('.') && (writes.has(method) || commits.has(method)) && !REMOTE_VOCABULARIES.some((v) => isCallOf(ctx, c, v))) {
      wrote = true;
      continue;
    }
    if (computesInMemory(ctx, c) || isInMemory(ctx, path) || isPassive(ctx, path)) continue;
    const local = resolveLocalFunction(ctx, c);
    if (local !== null) {
      if (local.id === fn.id || isLocalOnly(ctx, local)) continue;
      if (!storesOnly(ctx, local)) return false;
      wrote = true;
      continue;
    }
    const first = splitWords(method)[0] ?? '';
    const remote = REMOTE_VOCABULARIES.some((v) => isCallOf(ctx, c, v));
    if (remote) {
      // Judged by the link step: only a call on a model of the application's store stays local.
      wrote = true;
      continue;
    }
    // `Notification(user_id=…, title=…)`: a model's row built in memory (Python constructs by a call), stored by the session's `add`.
    if (!path.includes('.')) {
      if (ctx.family === 'python' && /^[A-Z]\w*$/.test(path)) continue;
      return false;
    }
    if (writes.has(first)) wrote = true;
    else if (!(session.has(method) || reads.has(first))) return false;
  }
  return wrote;
}
