import { lastBindingBefore } from './bindings.js';
import { compiledOnce } from './compiled.js';
import { calleePath, nodesOfType } from './file-index.js';
import { recordsMatcher } from './kinds/records.js';
import { escapeRegExp, splitWords } from './names.js';
import { isCall, isRaise, lastSegment, unwrapAwait, unwrapParens, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/**
 * Functions whose falsy result a caller in this file turns into a recorded outcome: `if not
 * send_payout(…): payout.status = "failed"`, `const ok = await charge(); if (!ok) markFailed()`.
 * Returned as `falsy-records:<outcome>:<function>` facts, so a handler that returns `False` from
 * that function records the outcome through its caller, wherever the caller is.
 */
export function falsyRecordFacts(ctx: FileContext): string[] {
  const { outcomes, mention } = falsyVocab(ctx);
  if (outcomes.length === 0 || !mention.test(ctx.source)) return [];
  const facts = new Set<string>();
  for (const ifStmt of nodesOfType(ctx, 'if_statement')) {
    // Cheap text test first: most branches say nothing of the outcome.
    if (!mention.test(ctx.source.slice(ifStmt.startIndex, ifStmt.endIndex))) continue;
    const tested = falsyBranch(ctx, ifStmt);
    if (tested === null || !mention.test(ctx.source.slice(tested.branch.startIndex, tested.branch.endIndex))) continue;
    for (const outcome of outcomes) {
      if (recordsIn(ctx, tested.branch, outcome)) facts.add(`falsy-records:${outcome}:${tested.function}`);
    }
  }
  return [...facts];
}

interface FalsyVocab {
  /** Outcomes a falsy return can record (`return_false` / `return_none`). */
  outcomes: string[];
  /** What a branch that records must contain: an outcome's word or value, or an error answer. */
  mention: RegExp;
  /** An error answer to the client: a 4xx/5xx in a status field, or a named error status. */
  errorAnswer: RegExp;
}

/** Built once per vocabulary from `outcomes` and `responses`. */
function falsyVocab(ctx: FileContext): FalsyVocab {
  return compiledOnce(ctx.vocab, 'falsy-callers', () => {
    const entries = Object.entries(ctx.vocab.outcomes).filter(([, o]) => o.return_false || o.return_none);
    const { status_fields: fields, error_statuses: statuses } = ctx.vocab.responses;
    const answers = [
      ...(fields.length > 0 ? [`\\b(?:${fields.map(escapeRegExp).join('|')})\\s*[=(:]\\s*[45]\\d\\d\\b`] : []),
      ...statuses.map((p) => `\\b${p.split('*').map(escapeRegExp).join('\\w*')}`),
    ];
    const words = entries.flatMap(([, o]) => [...o.call_words, ...o.values]).map(escapeRegExp);
    const never = /(?!)/;
    return {
      outcomes: entries.map(([name]) => name),
      mention: words.length + answers.length > 0 ? new RegExp([...words, ...answers].join('|'), 'i') : never,
      errorAnswer: answers.length > 0 ? new RegExp(answers.join('|')) : never,
    };
  });
}

/** The function whose result the `if` tests for falsy, and the branch taken when it is. */
function falsyBranch(ctx: FileContext, ifStmt: Node): { function: string; branch: Node } | null {
  let cond = unwrapParens(ifStmt.childForFieldName('condition'));
  let whenFalsy: Node | null = ifStmt.childForFieldName('consequence');
  if (cond === null) return null;
  const negated = cond.type === 'not_operator' || (cond.type === 'unary_expression' && cond.childForFieldName('operator')?.text === '!');
  if (negated) cond = unwrapParens(cond.childForFieldName('argument') ?? cond.lastNamedChild);
  else if (isFalsyComparison(cond)) cond = unwrapParens(cond.firstNamedChild);
  else {
    // `if ok: … else: <falsy branch>`
    const alt = ifStmt.childForFieldName('alternative');
    whenFalsy = alt?.type === 'else_clause' ? (alt.childForFieldName('body') ?? alt.namedChildren.find((c) => c.type !== 'comment') ?? null) : null;
  }
  const value = unwrapAwait(cond);
  if (value === null || whenFalsy === null) return null;
  let call: Node | null = isCall(value, ctx.family) ? value : null;
  if (call === null && value.type === 'identifier') {
    const bound = unwrapAwait(lastBindingBefore(ctx, value.text, ifStmt));
    call = bound !== null && isCall(bound, ctx.family) ? bound : null;
  }
  if (call === null) return null;
  const name = lastSegment(calleePath(ctx, call));
  return name === '' || name.includes('(') ? null : { function: name, branch: whenFalsy };
}

const FALSY = /^(None|null|undefined|False|false)$/;

/** `x is None`, `x == False`, `x === null`. */
function isFalsyComparison(cond: Node): boolean {
  if (cond.type !== 'comparison_operator' && cond.type !== 'binary_expression') return false;
  const right = cond.lastNamedChild;
  const op = cond.type === 'binary_expression' ? cond.childForFieldName('operator')?.text : cond.children.find((c) => !c.isNamed)?.text;
  return right !== null && FALSY.test(right.text) && ['is', '==', '===', 'is not'].includes(op ?? '') && op !== 'is not';
}

/**
 * Whether the branch records the outcome itself (not by passing a falsy value further up): a
 * record of it, a raise that names it (`raise PaymentFailed`, `throw new Error("payout failed")`),
 * or an error answer to the client (`status=400`, `res.status(502)`, `HTTP_500_…`).
 */
function recordsIn(ctx: FileContext, branch: Node, outcome: string): boolean {
  const found = recordsMatcher.find?.(ctx, outcome, [branch]) ?? [];
  if (found.some((c) => c.captures.result === undefined || !FALSY_RETURN.test(c.report.text))) return true;
  const words = ctx.vocab.outcomes[outcome]?.call_words ?? [];
  const raises = [branch, ...branch.descendantsOfType(['raise_statement', 'throw_statement'])].filter((r) => isRaise(r, ctx.family));
  if (raises.some((r) => splitWords(r.text).some((w) => words.includes(w)))) return true;
  return falsyVocab(ctx).errorAnswer.test(ctx.source.slice(branch.startIndex, branch.endIndex));
}

const FALSY_RETURN = /^return\s+(None|null|undefined|False|false)?\s*;?$/;
