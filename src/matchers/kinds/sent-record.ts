import { reachedInner } from '../scope.js';
import { checksSentRecord } from '../sent-records.js';
import type { Matcher } from '../types.js';

/**
 * `sent-record` — before the send, in what the retry repeats, the function looks up its own record
 * of that send and skips when one is there, and it stores that record after the send (`existing =
 * await messageLog.findFirst(…); if (existing) continue;` … send … `messageLog.create(…)`): a run
 * after one that sent finds the record. Used as `not: sent-record` by AP-002.
 */
export const sentRecordMatcher: Matcher = {
  kind: 'sent-record',
  summary: 'a lookup of the send’s own stored record before it, skipping when found, with the record stored after the send',
  validate: () => null,
  test(ctx, _param, candidate) {
    const scope = candidate.scope;
    if (scope === undefined) return false;
    const send = reachedInner(candidate) ?? candidate.node;
    return send.tree === ctx.root.tree && checksSentRecord(ctx, send, scope.body);
  },
};
