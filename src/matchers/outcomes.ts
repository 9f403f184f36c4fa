import { compiledOnce } from './compiled.js';
import { reportsOnly } from './call-vocabulary.js';
import { WordSet, escapeRegExp, normalizeName, splitWords } from './names.js';
import { accessedField, dottedPath, lastSegment, stringValue, type Node } from './syntax.js';
import type { FileContext } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Reads the `outcomes` vocabulary: what records an outcome (`mark_failed()`, `status = "failed"`,
 * `return False`) and what merely mentions one (`"pending"`, `schedule_reconciliation`).
 */
export interface OutcomeWords {
  callWords: WordSet;
  compensationVerbs: WordSet;
  compensationLeads: Set<string>;
  /** First words (or two, `roll back`) that undo what a later held-amount word of the name names (`rollback_budget`). */
  undoVerbs: Set<string>;
  heldAmounts: Set<string>;
  values: Set<string>;
  statusEnumValues: Set<string>;
  statusEnumWords: Set<string>;
  answerStatusWords: Set<string>;
  negatedStateWords: Set<string>;
  kindEnumWords: Set<string>;
  returnFalse: boolean;
  returnNone: boolean;
  resultFlags: Set<string>;
  errorFields: Set<string>;
  resultTypes: string[];
  resultCollectors: Set<string>;
  errorResults: Set<string>;
  runRecords: Set<string>;
  excludeCalls: Set<string>;
  /** The `exclude_calls` with a `*` (any run of name characters and dots). */
  excludePatterns: RegExp[];
  mentions: WordSet;
  errorNouns: WordSet;
  /** Last words of names that hold a record's handle (`handle_nouns`: `pendingId`). */
  handleNouns: Set<string>;
  /** Lower-case phrases that ask the reader to do the operation again (`retry_invitations`). */
  retryInvitations: string[];
  /** Lower-case phrases of a message that says the operation did not happen (`failed_phrases`). */
  failedPhrases: RegExp;
  amountMoves: Set<string>;
  /** Calls that answer the client with a body (`responses.answer_calls`). */
  answerCalls: Set<string>;
  /** An error status in a call chain's text (`res.status(500)`, `HTTP_500_…`). */
  errorAnswer: RegExp;
  /** Whether a called path only reports (a logger, `print`, `console.*`: `reportsOnly`). */
  reportsOnly: (path: string) => boolean;
}

/** The load-time check of an outcome parameter (`records: failure`, `scope-mentions: ambiguous`). */
export function outcomeParamProblem(param: string | undefined, vocab: Vocabulary): string | null {
  return param === undefined || vocab.outcomes[param] === undefined
    ? `needs an outcome name defined under vocabulary outcomes (known: ${Object.keys(vocab.outcomes).join(', ')})`
    : null;
}

export function outcomeWords(ctx: FileContext, outcome: string): OutcomeWords | undefined {
  const o = ctx.vocab.outcomes[outcome];
  if (o === undefined) return undefined;
  return ctx.memo(`outcome:${outcome}`, () => ({
    callWords: new WordSet(o.call_words),
    compensationVerbs: new WordSet(o.compensation_verbs),
    compensationLeads: new Set(o.compensation_leads.map((v) => v.toLowerCase())),
    undoVerbs: new Set(o.undo_verbs.map((v) => splitWords(v).join(' '))),
    heldAmounts: new Set(o.held_amounts.map((v) => v.toLowerCase())),
    values: new Set(o.values.map((v) => v.toLowerCase())),
    statusEnumValues: new Set(o.status_enum_values.map((v) => v.toLowerCase())),
    statusEnumWords: new Set(o.status_enum_words.map((v) => v.toLowerCase())),
    answerStatusWords: new Set(o.answer_status_words.map((v) => v.toLowerCase())),
    negatedStateWords: new Set(o.negated_state_words.map((v) => v.toLowerCase())),
    kindEnumWords: new Set(o.kind_enum_words.map((v) => v.toLowerCase())),
    returnFalse: o.return_false,
    returnNone: o.return_none,
    resultFlags: new Set(o.result_flags.map(normalizeName)),
    errorFields: new Set(o.error_fields.map(normalizeName)),
    resultTypes: o.result_types.map(normalizeName),
    resultCollectors: new Set(o.result_collectors),
    errorResults: new Set(o.error_results.map(normalizeName)),
    runRecords: new Set(o.run_records.map((w) => w.toLowerCase())),
    excludeCalls: new Set(o.exclude_calls),
    excludePatterns: o.exclude_calls.filter((c) => c.includes('*')).map((c) => new RegExp(`^${c.split('*').map(escapeRegExp).join('[\\w$.]*')}$`)),
    mentions: new WordSet(o.mention_words),
    errorNouns: new WordSet(o.error_nouns),
    handleNouns: new Set(o.handle_nouns.map((w) => w.toLowerCase())),
    retryInvitations: o.retry_invitations.map((p) => wordsOf(p).trim()),
    failedPhrases: o.failed_phrases.length > 0 ? new RegExp(`\\b(?:${o.failed_phrases.map((p) => escapeRegExp(p).replace(/ /g, '\\s*')).join('|')})\\b`, 'i') : /(?!)/,
    amountMoves: new Set(o.amount_moves),
    answerCalls: new Set(ctx.vocab.responses.answer_calls),
    errorAnswer: ((sources) => (sources.length > 0 ? new RegExp(sources.join('|')) : /(?!)/))(errorAnswerSources(ctx.vocab)),
    reportsOnly: (path: string) => reportsOnly(ctx, path),
  }));
}

/** Whether a string literal, enum member (`Status.FAILED`) or constant (`FAILED`) has one of the values. */
export function isOutcomeValue(node: Node, words: OutcomeWords): boolean {
  const s = stringValue(node);
  if (s !== null) return isValueName(s, words) || setsStatusInSql(s, words) || storedAsStatus(node, s, words);
  if (node.type === 'attribute' || node.type === 'member_expression') {
    const path = dottedPath(node);
    return isValueName(lastSegment(path), words) || isStatusEnumMember(path, words) || isFailedKindMember(path, words) || storedConstantAsStatus(node, lastSegment(path), words);
  }
  if (node.type === 'identifier') return /^[A-Z][A-Z0-9_]*$/.test(node.text) && (isValueName(node.text, words) || isFailedResultName(node.text, words) || storedConstantAsStatus(node, node.text, words));
  return false;
}

/**
 * `user_credential.state = "error"`, `update(status="error")`, `{ status: 'error' }`: a status value
 * (`status_enum_values`) stored in a field named for a status (`status_enum_words`) is the state, as
 * the enum member `Status.ERROR` is.
 */
function storedAsStatus(node: Node, value: string, words: OutcomeWords): boolean {
  if (words.statusEnumValues.size === 0 || !words.statusEnumValues.has(value.toLowerCase())) return false;
  return storedInStatusField(node, words);
}

/**
 * `tx.status = MoMoTransaction.REQUEST_EXCEPTION`, `job.state = Job.API_ERROR`: a constant of a
 * class that is no status enum (a model's state constants), stored in a field named for a status,
 * whose last word is a status value (`status_enum_values`): the record's error state. Not
 * `NO_ERROR`, nor a protocol's answer (`SERVER_ERROR`, `HTTP_ERROR`: `answer_status_words`).
 */
function storedConstantAsStatus(node: Node, member: string, words: OutcomeWords): boolean {
  if (words.statusEnumValues.size === 0 || !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(member)) return false;
  const parts = splitWords(member);
  if (!words.statusEnumValues.has(parts.at(-1) ?? '') || words.negatedStateWords.has(parts.at(-2) ?? '')) return false;
  if (parts.some((w) => words.answerStatusWords.has(w))) return false;
  return storedInStatusField(node, words);
}

/** Whether a value is stored in a field named for a status: assigned to one, or its key or keyword argument. */
function storedInStatusField(node: Node, words: OutcomeWords): boolean {
  const holder = node.parent;
  let field: Node | null = null;
  if (holder?.type === 'pair' || holder?.type === 'keyword_argument') {
    if (holder.childForFieldName('value')?.id !== node.id) return false;
    if (answersClient(holder.type === 'pair' ? holder.parent : holder, words)) return false;
    field = holder.childForFieldName('key') ?? holder.childForFieldName('name');
  } else if (holder?.type === 'assignment' || holder?.type === 'assignment_expression') {
    if (holder.childForFieldName('right')?.id !== node.id) return false;
    field = holder.childForFieldName('left');
  }
  if (field === null) return false;
  // `update["delivery.state"] = "ERROR"`, `row["status"] = "error"`: a field written under a string
  // key (a Firestore field path's last part) is that field, as `update.delivery.state` would be.
  const name = lastSegment(stringValue(field) ?? accessedField(field)?.field ?? dottedPath(field));
  const last = splitWords(name).at(-1);
  return last !== undefined && words.statusEnumWords.has(last) && !onUnkeptLocal(field, words);
}

const HOLDING_NODES = new Set(['object', 'dictionary', 'pair', 'list', 'array', 'tuple', 'parenthesized_expression', 'spread_element',
  'dictionary_splat', 'list_splat', 'expression_list', 'await', 'await_expression', 'keyword_argument', 'interpolation', 'template_substitution',
  'template_string', 'string', 'formatted_string', 'concatenated_string', 'binary_operator', 'binary_expression']);

/**
 * `result = {"order": order.id}; … result["status"] = "error"; … print(result)`: a field of a dict or
 * object literal made in the same function (`result = {…}`, `const result = {…}`) is a stored status
 * only when that holder is kept: returned, handed to a call that does more than report (a record
 * write `ref.update(update)`, an answer `res.json(result)`, `rows.append(result)`), bound elsewhere or
 * called on. A holder only logged or printed records nothing. Any other holder (a row, a parameter, a
 * list entry) is not asked.
 */
function onUnkeptLocal(field: Node, words: OutcomeWords): boolean {
  const holder = field.type === 'subscript' ? field.childForFieldName('value') : field.childForFieldName('object');
  if (holder === null || holder.type !== 'identifier') return false;
  let scope: Node = field;
  while (scope.parent !== null && !/function|method_definition|lambda/.test(scope.type)) scope = scope.parent;
  const name = holder.text;
  let made = false;
  const uses: Node[] = [];
  const walk = (n: Node): void => {
    if ((n.type === 'identifier' || n.type === 'shorthand_property_identifier') && n.text === name) uses.push(n);
    if (n.type === 'variable_declarator' || n.type === 'assignment') {
      const left = n.childForFieldName('name') ?? n.childForFieldName('left');
      const right = n.childForFieldName('value') ?? n.childForFieldName('right');
      if (left?.type === 'identifier' && left.text === name && (right?.type === 'object' || right?.type === 'dictionary')) made = true;
    }
    for (const c of n.namedChildren) if (c !== null) walk(c);
  };
  walk(scope);
  if (!made) return false;
  return !uses.some((use) => keepsHolder(use, words));
}

/** Whether a use of a local holder keeps it: returned, handed to a call that does more than report, bound elsewhere, or called on. */
function keepsHolder(use: Node, words: OutcomeWords): boolean {
  let n: Node = use;
  const p = use.parent;
  if (p === null) return false;
  const binder = p.childForFieldName('name') ?? p.childForFieldName('left');
  if ((p.type === 'variable_declarator' || p.type === 'assignment') && binder?.id === use.id) return false;
  if (['subscript', 'subscript_expression', 'member_expression', 'attribute'].includes(p.type) && (p.childForFieldName('value') ?? p.childForFieldName('object'))?.id === use.id) {
    const top = p.parent;
    // `result["status"] = …`, `result.message = …`: a write of one of its fields.
    if ((top?.type === 'assignment' || top?.type === 'assignment_expression' || top?.type === 'augmented_assignment') && top.childForFieldName('left')?.id === p.id) return false;
    // `result.save()`, `doc.update(…)`: a method called on the holder.
    if (top !== null && (top.type === 'call' || top.type === 'call_expression') && top.childForFieldName('function')?.id === p.id) return !words.reportsOnly(dottedPath(p));
    n = p;
  }
  for (let up = n.parent; up !== null; n = up, up = up.parent) {
    if (['return_statement', 'yield', 'yield_expression', 'throw_statement', 'raise_statement', 'arrow_function'].includes(up.type)) return true;
    if (up.type === 'arguments' || up.type === 'argument_list') {
      const call = up.parent;
      const fn = call?.childForFieldName('constructor') ?? call?.childForFieldName('function') ?? null;
      return fn === null || !words.reportsOnly(dottedPath(fn));
    }
    if ((up.type === 'assignment' || up.type === 'assignment_expression' || up.type === 'variable_declarator') && (up.childForFieldName('right') ?? up.childForFieldName('value'))?.id === n.id) return true;
    if (!HOLDING_NODES.has(up.type)) return false;
  }
  return false;
}

/**
 * `FAILED_UPDATE_RESULT`, `PAYMENT_DECLINED_RESPONSE`: a constant result (its last word one of
 * `result_types`) named for the outcome by an earlier word is that outcome's result.
 */
function isFailedResultName(name: string, words: OutcomeWords): boolean {
  const parts = splitWords(name);
  const last = parts.at(-1);
  if (parts.length < 2 || last === undefined || !words.resultTypes.includes(last)) return false;
  return parts.slice(0, -1).some((w) => words.values.has(w));
}

/**
 * `res.status(500).json({ status: 'Error' })`, `jsonify(status="error")`: the object (or keyword
 * argument) is handed to a call that answers the client (`responses.answer_calls`, or a chain
 * carrying an error status). The status is the answer's; an error answer is judged as one.
 */
function answersClient(arg: Node | null, words: OutcomeWords): boolean {
  let n = arg;
  while (n?.parent?.type === 'parenthesized_expression') n = n.parent;
  const args = n?.parent;
  if (args?.type !== 'arguments' && args?.type !== 'argument_list') return false;
  const fn = args.parent?.childForFieldName('function');
  if (fn === null || fn === undefined) return false;
  const name = /([\w$]+)\s*$/.exec(fn.text)?.[1];
  return (name !== undefined && words.answerCalls.has(name)) || words.errorAnswer.test(fn.text);
}

/**
 * `MailStatus.Error`, `CallStatus.ERROR`: a member of an enum named for a status (`status_enum_words`).
 * So is a member that names the state by its last word (`PaymentStatus.PAYMENT_ERROR`,
 * `OrderStatus.PaymentError`) or, in one upper-case word, ends with it (`TStatus.PAYOUTERROR`,
 * digikuntz-transfert_backend). Not `Status.NO_ERROR` / `Status.NOERROR`: a word that says none;
 * not a protocol's answer (`HttpStatus.INTERNAL_SERVER_ERROR`, `status.HTTP_500_INTERNAL_SERVER_ERROR`:
 * `answer_status_words` in the enum's or the member's name).
 */
function isStatusEnumMember(path: string, words: OutcomeWords): boolean {
  if (words.statusEnumValues.size === 0) return false;
  const segments = path.split('.');
  const holder = splitWords(segments.at(-2) ?? '').at(-1);
  if (holder === undefined || !words.statusEnumWords.has(holder)) return false;
  const member = segments.at(-1) ?? '';
  if (words.statusEnumValues.has(member.toLowerCase())) return true;
  // `HttpStatus.INTERNAL_SERVER_ERROR`, DRF's `status.HTTP_500_INTERNAL_SERVER_ERROR`: an answer's status.
  const parts = splitWords(member);
  if ([...splitWords(segments.at(-2) ?? ''), ...parts].some((w) => words.answerStatusWords.has(w))) return false;
  if (parts.length > 1) return words.statusEnumValues.has(parts.at(-1) ?? '') && !words.negatedStateWords.has(parts.at(-2) ?? '');
  if (!/^[A-Z]{3,}$/.test(member)) return false;
  const lower = member.toLowerCase();
  return [...words.statusEnumValues].some((v) => lower.endsWith(v) && lower.length - v.length >= 3 && !words.negatedStateWords.has(lower.slice(0, -v.length)));
}

/**
 * `Notification.Type.FAILED_SEND_SLACK_MESSAGE`, `EventType.DECLINED_PAYMENT`, `Status.FAILED_TO_SEND`:
 * a constant member (upper case, two words or more) led by one of the outcome's values, of an enum
 * named for a kind of event or a status (`kind_enum_words`, `status_enum_words`), names the event
 * "<outcome> <what>": stored, it records that outcome for what it names.
 */
function isFailedKindMember(path: string, words: OutcomeWords): boolean {
  if (words.kindEnumWords.size === 0 && words.statusEnumWords.size === 0) return false;
  const segments = path.split('.');
  const member = segments.at(-1) ?? '';
  if (!/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(member)) return false;
  const holder = splitWords(segments.at(-2) ?? '').at(-1);
  if (holder === undefined || !(words.kindEnumWords.has(holder) || words.statusEnumWords.has(holder))) return false;
  return words.values.has(splitWords(member)[0] ?? '');
}

/**
 * A status value names the outcome by its last word as well: `PAID_BUT_FAILED`,
 * `'delivery-failed'`, `TransferFailed` say what the status is; `failed_count` or `fail open` do not.
 * Only identifier-like values: a sentence ("the payment failed") is a message, not a status.
 */
export function isValueName(value: string, words: OutcomeWords): boolean {
  const lower = value.toLowerCase();
  if (words.values.has(lower)) return true;
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*$/.test(value)) return false;
  const parts = splitWords(value);
  return parts.length > 1 && words.values.has(parts[parts.length - 1] ?? '');
}

/** Whether a message asks its reader to do the operation again (`"Please try again later"`). */
export function invitesRetry(text: string, words: OutcomeWords): boolean {
  if (words.retryInvitations.length === 0) return false;
  const said = wordsOf(text);
  return words.retryInvitations.some((p) => said.includes(` ${p} `));
}

/**
 * A text's words, lower case, one space apart and around: letters of any script count
 * (`'Попробуйте позже'` asks to try later as `'Try again later'` does), so does `ё` written `е`.
 * A literal's escapes are no letters (`'Failed.\n\nTry again'` is not "failed nntry again").
 */
function wordsOf(text: string): string {
  return ` ${text.normalize('NFC').toLowerCase().replace(/\\[nrtvf]/g, ' ').replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
}

/**
 * Whether any identifier or string under `node` mentions the outcome (word stems: `reconcil`).
 * Mentions that handle nothing do not count: text inside a call `ignore` rejects (a log line), and
 * an error message's fallback wording (`'Unknown error'`, `unknownException`), which names the
 * exception, not the operation's outcome.
 */
export function mentionsOutcome(node: Node, words: OutcomeWords, ignore?: (call: Node) => boolean, skip: Node[] = []): boolean {
  const kinds = ['identifier', 'property_identifier', 'string_content', 'string_fragment', 'shorthand_property_identifier'];
  const candidates = node.descendantsOfType(kinds);
  if (node.type === 'identifier' || node.type === 'string') candidates.push(node);
  return candidates.some(
    (n) =>
      words.mentions.anyStemOf(mentionedText(n.text)) &&
      !namesAnError(n.text, words) &&
      !namesAHandle(n, words) &&
      !(ignore && insideIgnoredCall(n, node, ignore)) &&
      !comparedValue(n, node) &&
      !errorMessageFallback(n, node) &&
      !movesAmount(n, words) &&
      !skip.some((s) => s.startIndex <= n.startIndex && n.endIndex <= s.endIndex),
  );
}

/**
 * `balancePending: { decrement: amount }`, `pending_total=F("pending_total") - amount`: a column
 * whose amount moves is a balance, not a state; the mention records no pending outcome.
 */
function movesAmount(n: Node, words: OutcomeWords): boolean {
  let holder = n.parent;
  while (holder !== null && !['pair', 'keyword_argument', 'expression_statement', 'statement_block', 'block'].includes(holder.type)) holder = holder.parent;
  if (holder === null || !['pair', 'keyword_argument'].includes(holder.type)) return false;
  const value = holder.childForFieldName('value');
  if (value === null) return false;
  if (value.type === 'object' || value.type === 'dictionary') {
    return value.namedChildren.some((e) => e.type === 'pair' && words.amountMoves.has((e.childForFieldName('key')?.text ?? '').replace(/['"]/g, '')));
  }
  return (value.type === 'binary_expression' || value.type === 'binary_operator') && /^[-+]$/.test(value.childForFieldName('operator')?.text ?? '');
}

const SQL_STATEMENT = /^\s*(update|insert|delete|select|merge|upsert)\b/i;

/**
 * What a text says of an outcome: all of it, except in SQL, where only the quoted values do. `SET
 * status = 'pending'` records one; `pending_tzs = pending_tzs - $1` moves an amount between columns.
 */
function mentionedText(text: string): string {
  if (!SQL_STATEMENT.test(text)) return text;
  return [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]).join(' ');
}

/** Operators that test a value (Python's membership and identity tests included). */
export const COMPARISON_OPERATORS = new Set(['==', '===', '!=', '!==', 'in', 'not in', 'is', 'is not']);
const FALLBACK_OPERATORS = new Set(['||', '??']);

/**
 * `if txn.status in ["pending", "processing"]:` / `status === 'pending'`: a string compared with
 * the current state reads it, and a fallback (`name || 'Unknown'`) fills a missing value; handling
 * the outcome means recording or scheduling something.
 */
function comparedValue(n: Node, top: Node): boolean {
  if (n.type !== 'string_content' && n.type !== 'string_fragment' && n.type !== 'string') return false;
  for (let c: Node = n, p = n.parent; p !== null && c.id !== top.id; c = p, p = p.parent) {
    if (p.type === 'comparison_operator') return true;
    // `owner?.name || 'Unknown'`, `name or "unknown"`: a placeholder for a missing value.
    if (p.type === 'boolean_operator' || (p.type === 'binary_expression' && FALLBACK_OPERATORS.has(p.childForFieldName('operator')?.text ?? ''))) {
      return p.childForFieldName('right')?.id === c.id;
    }
    if (p.type === 'binary_expression') return COMPARISON_OPERATORS.has(p.childForFieldName('operator')?.text ?? '');
    if (!['string', 'list', 'tuple', 'set', 'array', 'parenthesized_expression'].includes(p.type)) return false;
  }
  return false;
}

/**
 * `error instanceof Error ? error.message : "Unknown refund error"`, `e.message if e.message else
 * "unknown failure"`: a string standing in for the caught error's message when it has none. It names
 * the error (whatever its wording), not the operation's outcome.
 */
function errorMessageFallback(n: Node, top: Node): boolean {
  if (n.type !== 'string_content' && n.type !== 'string_fragment' && n.type !== 'string') return false;
  let c: Node = n;
  for (let p = n.parent; p !== null && c.id !== top.id; c = p, p = p.parent) {
    if (p.type === 'string' || p.type === 'template_string') continue;
    if (p.type !== 'ternary_expression' && p.type !== 'conditional_expression') return false;
    const branches = p.type === 'ternary_expression' ? [p.childForFieldName('consequence'), p.childForFieldName('alternative')] : [p.namedChildren[0] ?? null, p.namedChildren[2] ?? null];
    if (!branches.some((b) => b?.id === c.id)) return false;
    const other = branches.find((b) => b !== null && b.id !== c.id);
    return other !== undefined && other !== null && ERROR_MESSAGE_READ.test(other.text);
  }
  return false;
}

/**
 * `err.message`, `error?.message`, `String(err)`, `str(e)`: the caught error's own text, cut or
 * trimmed to fit a column (`error.message.slice(0, 1000)`, `str(e)[:500]`) as well.
 */
const ERROR_MESSAGE_READ = /^(?:[\w$]+(?:\??\.[\w$]+)*\??\.message|String\([\w$]+\)|str\([\w$]+\)|repr\([\w$]+\))(?:\??\.(?:slice|substring|substr|trim|strip)\([\w\s,]*\)|\[[\w\s:-]*\])*$/;

/** `Unknown error`, `unknownException`: every mention is an adjective of an error noun (`error_nouns`). */
function namesAnError(text: string, words: OutcomeWords): boolean {
  const parts = splitWords(text);
  let mentioned = false;
  for (let i = 0; i < parts.length; i++) {
    if (!words.mentions.anyStemOf(parts[i] ?? '')) continue;
    mentioned = true;
    if (!words.errorNouns.has(parts[i + 1] ?? '')) return false;
  }
  return mentioned;
}

/**
 * `tb.void_(pendingId)`, `release(pending_transfer_id)`: a name (not a string) whose last word is a
 * handle noun (`handle_nouns`) holds which record is meant; its mention word records no state.
 */
function namesAHandle(n: Node, words: OutcomeWords): boolean {
  if (words.handleNouns.size === 0 || n.type === 'string_content' || n.type === 'string_fragment' || n.type === 'string') return false;
  const parts = splitWords(n.text);
  if (parts.length > 1 && words.handleNouns.has(parts.at(-1) ?? '')) return true;
  // `where: { id: pendingTx.id }`: the record whose handle is read, named for the table it was made in.
  const access = n.parent;
  const field = access?.type === 'member_expression' ? access.childForFieldName('property') : access?.type === 'attribute' ? access.childForFieldName('attribute') : null;
  return access?.childForFieldName('object')?.id === n.id && field !== null && field !== undefined && words.handleNouns.has(splitWords(field.text).at(-1) ?? '');
}

function insideIgnoredCall(n: Node, top: Node, ignore: (call: Node) => boolean): boolean {
  for (let p = n.parent; p !== null && p.id !== top.id; p = p.parent) {
    if ((p.type === 'call' || p.type === 'call_expression') && ignore(p)) return true;
  }
  return false;
}

/** Called names that ask or log rather than record: `is_failed()`, `log_failure()`, `has_failed`. */
const QUERY_VERBS = new Set(['is', 'has', 'was', 'should', 'can', 'check', 'log', 'print', 'debug', 'get', 'count', 'handle', 'on', 'test', 'assert', 'expect']);

export function recordsByName(name: string, words: OutcomeWords): boolean {
  const parts = splitWords(name);
  if (parts.length === 0 || QUERY_VERBS.has(parts[0] ?? '')) return false;
  // `refundWalletDebit()` gives back what the operation took; `OrderRefundForm()` builds a form.
  if (compensates(name, words)) return true;
  if (parts.some((w) => words.callWords.has(w))) return true;
  // `ShipmentCouldNotBeCreated(…)`, `UnableToCreateOrder`: an error class whose name says the
  // operation did not happen (`failed_phrases`) claims the failure as `ShipmentFailed` would.
  if (/^[A-Z]/.test(name) && words.failedPhrases.test(parts.join(' '))) return true;
  // `flow.background_action_status_send_to_payment_gateway_error()`, `setStatusError()`: a method
  // named for a status (`status_enum_words`) that ends in its error state (`status_enum_values`) sets
  // the record to that state, as `status = Status.SEND_ERROR` does. Not a class (`HTTPStatusError(…)`
  // builds an error), not an answer's status, not a negated state (`set_status_no_error`).
  const last = parts.at(-1) ?? '';
  return words.statusEnumValues.has(last) && !/^[A-Z]/.test(name) && parts.slice(0, -1).some((w) => words.statusEnumWords.has(w))
    && !words.negatedStateWords.has(parts.at(-2) ?? '') && !parts.some((w) => words.answerStatusWords.has(w));
}

/**
 * A result's code field (`ResponseCode`, `vnp_ResponseCode`, `code`): the name alone, or its last two
 * words, is a `responses.result_code_fields` name (`currencyCode` is none).
 */
export function isResultCodeField(ctx: FileContext, name: string): boolean {
  const fields = compiledOnce(ctx.vocab, 'result-code-fields', () => new Set(ctx.vocab.responses.result_code_fields.map((f) => f.toLowerCase())));
  const words = splitWords(name);
  return words.length === 1 ? fields.has(words[0] ?? '') : fields.has(words.slice(-2).join('_'));
}

/** A result code that means success (`responses.success_codes`: M-Pesa `'0'`, VNPay `'00'`). */
export function isSuccessCode(ctx: FileContext, code: string): boolean {
  return ctx.vocab.responses.success_codes.includes(code.trim());
}

/**
 * `refundWalletDebit()`: a called name (not a class) led by a `compensation_verbs` word, or by a
 * `compensation_leads` verb and then one (`processRefund()`, `issue_refund()`).
 */
export function compensates(name: string, words: OutcomeWords): boolean {
  const parts = splitWords(name);
  return (leadsWithCompensation(parts, words.compensationVerbs, words.compensationLeads) || givesBackHeld(parts, words)) && !/^[A-Z]/.test(name);
}

/**
 * `rollback_budget`, `rollBackBalance`, `restore_wallet_credits`: a name led by an undoing verb
 * (`undo_verbs`, one word or two) whose later words name an amount held for the operation
 * (`held_amounts`). The verb alone (`session.rollback()`) or with another object (`revert_migration`)
 * gives nothing back.
 */
export function givesBackHeld(parts: readonly string[], words: OutcomeWords): boolean {
  if (words.undoVerbs.size === 0 || words.heldAmounts.size === 0) return false;
  const lead = words.undoVerbs.has(parts[0] ?? '') ? 1 : words.undoVerbs.has(parts.slice(0, 2).join(' ')) ? 2 : 0;
  return lead > 0 && parts.slice(lead).some((w) => words.heldAmounts.has(w));
}

/** Words of a called name that begin with an undoing: `refund…`, or `process refund…`. */
export function leadsWithCompensation(parts: readonly string[], verbs: { has(w: string): boolean }, leads: ReadonlySet<string>): boolean {
  const [first = '', second = ''] = parts;
  return verbs.has(first) || (leads.has(first) && verbs.has(second));
}

/** `update payouts set status = 'failed' where …`: SQL that records the outcome in a status column. */
function setsStatusInSql(sql: string, words: OutcomeWords): boolean {
  const m = /\bset\b[^;]*?\b\w*(status|state)\w*\s*=\s*'([a-z_]+)'/i.exec(sql);
  if (m !== null && words.values.has((m[2] ?? '').toLowerCase())) return true;
  // `SET active = 0, sent = 0`: a result flag (`sent`, `success`) cleared records that it did not happen.
  const set = /^\s*update\b/i.test(sql) ? /\bset\b([^;]*?)(?:\bwhere\b|$)/i.exec(sql)?.[1] : undefined;
  if (set === undefined || words.resultFlags.size === 0) return false;
  return [...set.matchAll(/[`"]?(\w+)[`"]?\s*=\s*(0|false)\b/gi)].some((a) => words.resultFlags.has(normalizeName(a[1] ?? '')));
}

/**
 * The parts of an error answer to the client (vocabulary `responses`): a 4xx/5xx in a status field
 * (`status=400`, `res.status(502)`, `{ status: 422 }`) or a named error status (`HTTP_500_…`).
 */
export function errorAnswerSources(vocab: Vocabulary): string[] {
  const { status_fields: fields, error_statuses: statuses } = vocab.responses;
  return [
    ...(fields.length > 0 ? [`\\b(?:${fields.map(escapeRegExp).join('|')})\\s*[=(:]\\s*[45]\\d\\d\\b`] : []),
    ...statuses.map((p) => `\\b${p.split('*').map(escapeRegExp).join('\\w*')}`),
    // A status by its place is read only when it is a 4xx: `return jsonify({'error': 'server
    // error'}), 500` after a helper's None is the generic server error the rule leaves alone
    // (belovetech/Nairalink fundCard.py), where `status=500` spelt out has long been read.
    ...positionalStatusSources(vocab, '4'),
  ];
}

/** Text balanced in its brackets up to three deep (a call's argument, a dict literal), as a regex part. */
const BALANCED = ((depth: number): string => {
  let inner = '[^()\\[\\]{}]';
  for (let d = 0; d < depth; d++) inner = `(?:[^()\\[\\]{}]|\\(${inner}*\\)|\\[${inner}*\\]|\\{${inner}*\\})`;
  return inner;
})(3);

/**
 * A status given by its place rather than its name (vocabulary `responses.positional_status_calls`):
 * the second argument of an answer call (`Response({"error": str(e)}, 400)` of Django REST framework,
 * Flask's `make_response(body, 400)`, Starlette's `JSONResponse(content, 502)`) or the second part
 * of what a Flask view returns (`return jsonify({"error": str(e)}), 400`, `return {"error": …}, 400`).
 * `first` is the status's first digit as a regex part (`4`).
 */
function positionalStatusSources(vocab: Vocabulary, first: string): string[] {
  const calls = vocab.responses.positional_status_calls;
  const answers = vocab.responses.answer_calls;
  const status = `\\s*,\\s*${first}\\d\\d\\b(?!\\s*[:=\\w.])`;
  return [
    ...(calls.length > 0 ? [`(?<![\\w.])(?:${calls.map(escapeRegExp).join('|')})\\(${BALANCED}*?${status}`] : []),
    ...(answers.length > 0 ? [`\\breturn\\s+\\(?\\s*(?:(?:${answers.map(escapeRegExp).join('|')})\\(${BALANCED}*\\)|\\{${BALANCED}*\\})${status}`] : []),
  ];
}

/** Whether a statement's text answers the client with a client-error (4xx) status. */
export function answersWithClientError(ctx: FileContext, text: string): boolean {
  const pattern = compiledOnce(ctx.vocab, 'client-error-answer', () => {
    const { status_fields: fields, client_error_statuses: statuses } = ctx.vocab.responses;
    const sources = [
      ...(fields.length > 0 ? [`\\b(?:${fields.map(escapeRegExp).join('|')})\\s*[=(:]\\s*4\\d\\d\\b`] : []),
      ...statuses.map((p) => `\\b${p.split('*').map(escapeRegExp).join('\\w*')}`),
      ...positionalStatusSources(ctx.vocab, '4'),
    ];
    return sources.length > 0 ? new RegExp(sources.join('|')) : /(?!)/;
  });
  return pattern.test(text);
}

/**
 * Whether a statement's text answers the client with a server error (5xx) and no 4xx: an error status
 * that is no client error, or a 5xx given by its place (`return jsonify(body), 500`), which
 * `answersWithError` leaves out so that such an answer never records by its status alone.
 */
export function answersWithServerError(ctx: FileContext, text: string): boolean {
  if (answersWithClientError(ctx, text)) return false;
  const positional = compiledOnce(ctx.vocab, 'positional-server-error-answer', () => {
    const sources = positionalStatusSources(ctx.vocab, '5');
    return sources.length > 0 ? new RegExp(sources.join('|')) : /(?!)/;
  });
  return answersWithError(ctx, text) || positional.test(text);
}

/** Whether a statement's text answers the client with an error status. */
export function answersWithError(ctx: FileContext, text: string): boolean {
  const pattern = compiledOnce(ctx.vocab, 'error-answer', () => {
    const sources = errorAnswerSources(ctx.vocab);
    return sources.length > 0 ? new RegExp(sources.join('|')) : /(?!)/;
  });
  return pattern.test(text);
}
