import { lastBindingBefore } from './bindings.js';
import { onLocalStoreModel } from './store-models.js';
import { importBinds, importsOf, projectImportOf, unaliasedPath } from './imports.js';
import { compiledOnce, wordSet } from './compiled.js';
import { allCalls, calleePath, perFile } from './file-index.js';
import { NamePatterns, WordSet, escapeRegExp, normalizeName, splitWords } from './names.js';
import {
  BINDING_TYPES,
  callee,
  dottedPath,
  bindingOf,
  callArguments,
  contains,
  enclosingFunction,
  fallbackOperands,
  functionName,
  functionParameters,
  isFunction,
  ownParameters,
  argumentFor,
  argumentOrDefault,
  isCall,
  keywordArgument,
  lastSegment,
  literalEntries,
  namedEnclosingFunction,
  parameterDefault,
  stringValue,
  unwrapValue,
  unwrapAwait,
  type Node,
} from './syntax.js';
import type { FileContext } from './types.js';
import type { CallVocabulary, Vocabulary } from './vocabulary.js';

/**
 * Decides whether a call belongs to a call vocabulary (`mutating`, `notification`, ...).
 *
 * Matches: a name pattern on the dotted path, the first word of the called name (`charge` in
 * `chargeCustomer`), or a generic HTTP client whose method argument is listed (`fetch(url,
 * { method: 'POST' })`, `requests.request("POST", url)`).
 * Skips: excluded patterns and words, and calls on passive receivers (loggers, metrics), so
 * `logger.info("sending email")` never notifies and `metrics.create_counter()` never mutates.
 * Known false positives: a local helper whose name starts with a listed verb but does no remote
 * work (`create_report_row()` inside a retry loop).
 */
interface CompiledCallVocabulary {
  verbs: WordSet;
  methodVerbs: WordSet;
  names: NamePatterns;
  exclude: NamePatterns;
  excludeWords: WordSet;
  destinationWords: WordSet;
  httpClients: NamePatterns;
  httpMethods: Set<string>;
  /** `httpMethods` spelt as one key (`POST,PUT,…`): vocabularies with the same methods share answers that depend only on them. */
  methodsKey: string;
  /** A quoted write method anywhere in a file's text (`'POST'`): gates the request-shape test. */
  quotedMethod: RegExp;
  urlWords: WordSet;
  callerWords: WordSet;
  clientWords: WordSet;
  clientMethods: NamePatterns;
  clientCallMethods: NamePatterns;
  excludeUrlWords: WordSet;
  keepUrlWords: WordSet;
  excludeCallerWords: WordSet;
  /** Normalised. */
  excludeResultFields: Set<string>;
  /** Normalised (`grant_type` = `grantType`). */
  excludeBodyKeys: Set<string>;
  /** Normalised. */
  bodyOptions: Set<string>;
  requestBuilders: NamePatterns;
  hasUrlWords: boolean;
  hasExcludeUrlWords: boolean;
  idempotentUrlWords: WordSet;
  localHandles: NamePatterns;
  objectVerbs: WordSet;
  objectWords: WordSet;
  deferredMethods: Set<string>;
  queueMethods: Set<string>;
  queueWords: WordSet;
  apiMethodCalls: Set<string>;
  contractSetters: Set<string>;
}

const compiled = new WeakMap<CallVocabulary, CompiledCallVocabulary>();

function compile(vocab: CallVocabulary): CompiledCallVocabulary {
  let c = compiled.get(vocab);
  if (c === undefined) {
    c = {
      verbs: new WordSet(vocab.verbs),
      methodVerbs: new WordSet(vocab.method_verbs),
      names: new NamePatterns(vocab.names),
      exclude: new NamePatterns(vocab.exclude),
      excludeWords: new WordSet(vocab.exclude_words),
      destinationWords: new WordSet(vocab.destination_words),
      httpClients: new NamePatterns(vocab.http_clients),
      httpMethods: new Set(vocab.http_methods.map((m) => m.toUpperCase())),
      methodsKey: [...new Set(vocab.http_methods.map((m) => m.toUpperCase()))].join(','),
      quotedMethod: vocab.http_methods.length > 0 ? new RegExp(`["'\`](?:${vocab.http_methods.map(escapeRegExp).join('|')})["'\`]`, 'i') : /(?!)/,
      urlWords: new WordSet(vocab.url_words),
      callerWords: new WordSet(vocab.caller_words),
      clientWords: new WordSet(vocab.client_words),
      clientMethods: new NamePatterns(vocab.client_methods),
      clientCallMethods: new NamePatterns(vocab.client_call_methods),
      excludeUrlWords: new WordSet(vocab.exclude_url_words),
      keepUrlWords: new WordSet(vocab.keep_url_words),
      excludeCallerWords: new WordSet(vocab.exclude_caller_words),
      excludeResultFields: new Set(vocab.exclude_result_fields.map(normalizeName)),
      excludeBodyKeys: new Set(vocab.exclude_body_keys.map(normalizeName)),
      bodyOptions: new Set(vocab.body_options.map(normalizeName)),
      requestBuilders: new NamePatterns(vocab.request_builders),
      hasUrlWords: vocab.url_words.length > 0,
      hasExcludeUrlWords: vocab.exclude_url_words.length > 0,
      idempotentUrlWords: new WordSet(vocab.idempotent_url_words),
      localHandles: new NamePatterns(vocab.local_handles),
      objectVerbs: new WordSet(vocab.object_verbs),
      objectWords: new WordSet(vocab.object_words),
      deferredMethods: new Set(vocab.deferred_methods.map((m) => m.toLowerCase())),
      queueMethods: new Set(vocab.queue_methods.map((m) => m.toLowerCase())),
      queueWords: new WordSet(vocab.queue_words),
      apiMethodCalls: new Set(vocab.api_method_calls),
      contractSetters: new Set(vocab.contract_setters),
    };
    compiled.set(vocab, c);
  }
  return c;
}

/** The call vocabularies of a vocabulary in a fixed order, each with its compiled form. */
interface CallVocabularies {
  names: string[];
  index: Map<string, number>;
  compiled: CompiledCallVocabulary[];
}

const callVocabularies = new WeakMap<Vocabulary, CallVocabularies>();

function vocabulariesOf(vocab: Vocabulary): CallVocabularies {
  let c = callVocabularies.get(vocab);
  if (c === undefined) {
    const names = Object.keys(vocab.calls);
    c = { names, index: new Map(names.map((n, i) => [n, i])), compiled: names.map((n) => compile(vocab.calls[n] as CallVocabulary)) };
    callVocabularies.set(vocab, c);
  }
  return c;
}

/**
 * A call's verdicts for every call vocabulary, one bit each, decided together on the first
 * question about the call: the callee path is read, looked up and unaliased once for all of them
 * (the summaries ask every vocabulary of every call in a function anyway). A vocabulary past the
 * 31st (a bit each) is decided on its own.
 */
const callVerdicts = perFile('call-verdicts', () => new Map<number, number>());
const laterVerdicts = perFile('call-verdicts-later', () => new Map<number, Map<number, boolean>>());
const BITS = 31;

/** Whether `call` belongs to the call vocabulary `name` (memoised per file). */
export function isCallOf(ctx: FileContext, call: Node, name: string): boolean {
  const all = vocabulariesOf(ctx.vocab);
  const i = all.index.get(name);
  if (i === undefined) return false;
  if (i >= BITS) {
    const byVocabulary = laterVerdicts(ctx);
    let known = byVocabulary.get(i);
    if (known === undefined) byVocabulary.set(i, (known = new Map()));
    let v = known.get(call.id);
    if (v === undefined) known.set(call.id, (v = classifyAll(ctx, call, all, i, i + 1) !== 0));
    return v;
  }
  const known = callVerdicts(ctx);
  let bits = known.get(call.id);
  if (bits === undefined) known.set(call.id, (bits = classifyAll(ctx, call, all, 0, Math.min(all.names.length, BITS))));
  return ((bits >>> i) & 1) === 1;
}

/** Whether `call` belongs to the vocabulary only through the generic first word of its name (`createInbox`). */
export function matchedByVerbOnly(ctx: FileContext, call: Node, name: string): boolean {
  const vocab = ctx.vocab.calls[name];
  if (vocab === undefined) return false;
  const path = calleePath(ctx, call);
  const verdict = pathVerdict(ctx, path, compile(vocab));
  const method = verdict === PathVerdict.No ? heldObjectMethod(ctx, call, path) : null;
  return (method === null ? verdict : pathVerdict(ctx, method, compile(vocab))) === PathVerdict.Verb;
}

/**
 * Whether the vocabulary `name` excludes an operation by its own name, on any receiver
 * (`calls.mutating.exclude`: `*.reserve`, `createQueue`): a call so named is no call of that
 * vocabulary, whatever its body does. Receivers excluded as stores (`db.*`) are not asked here.
 */
export function operationExcluded(ctx: FileContext, path: string, name: string): boolean {
  const vocab = ctx.vocab.calls[name];
  return vocab !== undefined && compile(vocab).exclude.matches(`_.${lastSegment(path)}`);
}

/** What the callee path alone says; the last two still look at the call itself. */
const enum PathVerdict {
  No,
  Yes,
  /** The first word is a verb: a write unless the call sends a GraphQL query. */
  Verb,
  /** A generic HTTP client: a write when its method is one (and it is no GraphQL query). */
  Http,
  /** A name that says nothing: judged as an HTTP client when the call is shaped like a request. */
  Unknown,
}

/**
 * Path verdicts, for every call vocabulary at once, shared by every file of a scan: most of a
 * file's callee paths (`self.assertEqual`, `os.path.join`) recur across files. Bounded, since a
 * scan may see millions.
 */
const pathVerdicts = new WeakMap<Vocabulary, Map<string, PathVerdict[]>>();
const MAX_PATHS = 200_000;

function pathVerdictsOf(ctx: FileContext, path: string, all: CallVocabularies): PathVerdict[] {
  let verdicts = pathVerdicts.get(ctx.vocab);
  if (verdicts === undefined || verdicts.size > MAX_PATHS) pathVerdicts.set(ctx.vocab, (verdicts = new Map()));
  let known = verdicts.get(path);
  if (known === undefined) verdicts.set(path, (known = all.compiled.map((v) => pathVerdict(ctx, path, v))));
  return known;
}

/** Per file and vocabulary: whether the file quotes one of the vocabulary's write methods anywhere. */
const quotedMethods = perFile('quotes-method', () => new Map<number, boolean>());

/** The verdicts of vocabularies `from` to `to` (exclusive), bit `i` for vocabulary `i`. */
function classifyAll(ctx: FileContext, call: Node, all: CallVocabularies, from: number, to: number): number {
  const path = calleePath(ctx, call);
  const says = pathVerdictsOf(ctx, path, all);
  // What the path the import of its head stands for says, asked once, and only if the path itself says nothing.
  let real: PathVerdict[] | null | undefined;
  let method: string | null | undefined;
  let bits = 0;
  for (let i = from; i < to; i++) {
    let verdict = says[i] as PathVerdict;
    if (verdict === PathVerdict.Yes && projectModuleFunction(ctx, path, all.compiled[i] as CompiledCallVocabulary)) verdict = pathVerdict(ctx, lastSegment(path), all.compiled[i] as CompiledCallVocabulary);
    if (verdict === PathVerdict.No) {
      if (method === undefined) method = heldObjectMethod(ctx, call, path);
      if (method !== null) verdict = pathVerdictsOf(ctx, method, all)[i] as PathVerdict;
    }
    if (verdict === PathVerdict.No || verdict === PathVerdict.Unknown) {
      if (real === undefined) {
        const unaliased = unaliasedPath(ctx, path);
        real = unaliased === null ? null : pathVerdictsOf(ctx, unaliased, all);
      }
      const known = real === null ? undefined : real[i];
      if (known !== undefined && known !== PathVerdict.No && known !== PathVerdict.Unknown) verdict = known;
    }
    if (classify(ctx, call, path, i, verdict, all.compiled[i] as CompiledCallVocabulary)) bits |= 1 << (i - from);
  }
  return bits;
}

/**
 * `progress_channel.publish(pk, fields)` where `from . import progress_channel` is a module of the
 * project: a listed name with a receiver part (`*channel.publish`, an amqplib channel) names an
 * object of a library, not a function of the project's own module, which is judged by its body
 * (another file's summary) like any function of the project. A name listed whole
 * (`send_payment`) still says what the function does.
 */
function projectModuleFunction(ctx: FileContext, path: string, v: CompiledCallVocabulary): boolean {
  const dot = path.indexOf('.');
  if (dot < 0 || dot !== path.lastIndexOf('.') || v.names.matches(path.slice(dot + 1))) return false;
  return projectImportOf(ctx, path)?.name === '*';
}

function classify(ctx: FileContext, call: Node, path: string, index: number, pathSays: PathVerdict, v: CompiledCallVocabulary): boolean {
  let verdict = pathSays;
  if (verdict !== PathVerdict.No && v.contractSetters.size > 0 && callsContractSetter(call, v.contractSetters)) return false;
  if ((verdict === PathVerdict.No || verdict === PathVerdict.Unknown) && v.apiMethodCalls.size > 0 && namesWritingApiMethod(ctx, call, path, v)) return true;
  // `fetchWithProxy(url, { method: 'POST', body })`, `self._request("POST", "/transfers", data)`: a
  // project's own request function, known by the method and the endpoint it is handed.
  // Read only in files that quote a mutating method at all (most calls have unknown names), and
  // before the local-handle walk, which only a write needs.
  if (verdict === PathVerdict.Unknown) {
    const quotedByFile = quotedMethods(ctx);
    let quotes = quotedByFile.get(index);
    if (quotes === undefined) quotedByFile.set(index, (quotes = v.quotedMethod.test(ctx.source)));
    verdict = quotes && (requestShaped(call) || writingCallerArguments(ctx, call, v).length > 0) ? PathVerdict.Http : PathVerdict.No;
  }
  if (verdict !== PathVerdict.No && !v.localHandles.empty && onLocalHandle(ctx, call, path, v.localHandles)) return false;
  // `CallLog.create(…)` with `const CallLog = sequelize.define(…)`, `this.payoutLogModel.create(…)` with
  // `@InjectModel(PayoutLog.name) private payoutLogModel: Model<PayoutLog>`: a row of the application's own database.
  if (verdict !== PathVerdict.No && onLocalStoreModel(ctx, path, call)) return false;
  // `const prismaAny = prisma as any; prismaAny.upload.update(…)`: a name bound to a local store is that store.
  if (verdict !== PathVerdict.No && onAliasedLocalStore(ctx, call, path, v)) return false;
  // `anthropic.messages.create(…)`, `this.client.messages.create(…)` with `client: Anthropic`: a
  // model's answer, computed and stored nowhere, whatever the method is called.
  if (verdict !== PathVerdict.No && ctx.vocab.model_client_words.length > 0 && onModelClient(ctx, call, path)) return false;
  // `fetchWithTimeout(`https://firestore.googleapis.com/v1/projects/${id}/databases/(default)/documents:commit`, { method: 'POST' })`:
  // a database's own REST endpoint, the application's own store reached over HTTP (as `db.*` is by a driver).
  if ((verdict === PathVerdict.Http || verdict === PathVerdict.Verb) && storeEndpoint(ctx, call)) return false;
  // `fetch('https://api.anthropic.com/v1/messages', { method: 'POST', … })`: a model's API reached over
  // HTTP answers as its SDK does (`onModelClient`), computing text and storing nothing.
  if ((verdict === PathVerdict.Http || verdict === PathVerdict.Verb) && modelEndpoint(ctx, call)) return false;
  // `telegram_client.post(method="sendMessage", …)`: a chat client's generic call naming a send method.
  if (!v.clientMethods.empty && !v.clientCallMethods.empty && v.clientCallMethods.matches(lastSegment(path)) && namesClientMethod(call, v.clientMethods) && onNamedClient(ctx, call, path, v.clientWords)) return true;
  // `requests.get('https://api.telegram.org/bot' + token + '/sendMessage?chat_id=…')`: a request whose
  // URL names a chat API's send method sends the message, whatever HTTP method carries it. Only a
  // request is asked (an HTTP client of the vocabulary, or a client method named for an HTTP method:
  // `requests.get`, `axios.get`, `session.post`): a log line or a string helper whose text quotes
  // that URL sends nothing.
  if ((verdict === PathVerdict.Http || HTTP_METHOD_NAMES.has(lastSegment(path).toUpperCase())) && urlNamesSendMethod(ctx, call, v)) return true;
  switch (verdict) {
    case PathVerdict.No:
      if (queuedByJobName(call, path, v)) return true;
      return !v.clientMethods.empty && v.clientMethods.matches(lastSegment(path)) && onNamedClient(ctx, call, path, v.clientWords);
    case PathVerdict.Yes:
      return true;
    case PathVerdict.Verb:
      if (isGraphqlRead(ctx, call) || (HTTP_VERBS.has(lastSegment(path).toLowerCase()) && asksStatelessEndpoint(ctx, call, v))) return false;
      // A dispatcher's `client.post(url, data)` picked by its callers' method writes only if one of them asks for it.
      return !dispatchedForCallers(ctx, call) || writingCallerArguments(ctx, call, v).length > 0;
    case PathVerdict.Http: {
      if (isGraphqlRead(ctx, call)) return false;
      const method = httpMethodOf(call) ?? boundHttpMethod(ctx, call) ?? builtRequestMethod(ctx, call, v) ?? methodOfPath(path) ?? defaultedHttpMethod(ctx, call);
      if (method === null ? !runtimeMethodWithBody(ctx, call, v.bodyOptions) && writingCallerArguments(ctx, call, v).length === 0 : !v.httpMethods.has(method.toUpperCase())) return false;
      if (v.hasUrlWords && !urlHas(ctx, call, v.urlWords) && !callerSays(ctx, call, v.callerWords)) return false;
      return !asksStatelessEndpoint(ctx, call, v);
    }
  }
}

/**
 * `walletClient.writeContract({ address, abi, functionName: 'approve', args })`: a contract call
 * whose literal `functionName` is a setter (`contract_setters`) sets an allowance or a flag; run
 * again it leaves the same state.
 */
function callsContractSetter(call: Node, setters: Set<string>): boolean {
  let first = callArguments(call)[0];
  // `writeContract({ … } as any)`: the object under a type assertion.
  while (first !== undefined && (first.type === 'as_expression' || first.type === 'satisfies_expression' || first.type === 'parenthesized_expression')) first = first.firstNamedChild ?? undefined;
  if (first === undefined || (first.type !== 'object' && first.type !== 'dictionary')) return false;
  const entry = literalEntries(first).find((e) => e.key === 'functionName');
  const name = entry === undefined ? null : stringValue(entry.value);
  return name !== null && setters.has(name);
}

/**
 * `alipaySdk.exec('alipay.fund.trans.uni.transfer', { bizContent })`: an SDK method of
 * `api_method_calls` (`exec`) on a receiver, whose first argument names the remote API method in
 * dotted form; the call writes when that method's last part would as a called name.
 */
function namesWritingApiMethod(ctx: FileContext, call: Node, path: string, v: CompiledCallVocabulary): boolean {
  if (!path.includes('.') || !v.apiMethodCalls.has(lastSegment(path)) || v.exclude.matches(path) || isPassive(ctx, path)) return false;
  const first = callArguments(call)[0];
  const method = first === undefined ? null : stringValue(first);
  if (method === null && first !== undefined) return buildsWritingRequest(ctx, first, call, v);
  if (method === null || !/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/.test(method)) return false;
  const verdict = pathVerdict(ctx, lastSegment(method), v);
  return verdict === PathVerdict.Yes || verdict === PathVerdict.Verb;
}

/**
 * `fetch(url, { method, body, headers })` with `method` read from data (a configured webhook): the
 * method is not in the code, but a request that sends a body is made to change something. A method
 * that is a parameter of the function around the call is its callers' to give (see
 * `methodParameterOf`), and a body of `undefined` / `None` sends nothing.
 */
function runtimeMethodWithBody(ctx: FileContext, call: Node, bodyOptions: Set<string>): boolean {
  if (bodyOptions.size === 0) return false;
  let built: Node | null = null;
  const options = callArguments(call).flatMap((a) => {
    const kw = keywordArgument(a);
    if (kw !== null) return [{ key: kw.name, value: kw.value }];
    // `const init = { method: opts.method, headers }; if (opts.body) init.body = …; fetch(url, init)`:
    // the options built in a variable before the call, with the fields set on it after (DF-Backend `ypf.client.ts`).
    if (a.type === 'identifier' && ctx.family === 'ecma') {
      const bound = lastBindingBefore(ctx, a.text, call);
      if (bound !== null) built = bound;
      return bound === null ? [] : [...literalEntries(bound), ...fieldsSetBefore(ctx, a.text, bound, call)];
    }
    return literalEntries(a);
  });
  const method = options.find((o) => normalizeName(o.key) === 'method')?.value;
  if (method === undefined || stringValue(method) !== null) return false;
  // Built in a variable from what the callers hand in: a method with a read as its default
  // (`method: options.method || 'GET'`) or the callers' options spread in (`...options`) is theirs
  // to give, judged per caller (TekPay's SDK `request(endpoint, options)`).
  if (built !== null && (/(\|\||\?\?)\s*['"`]/.test(method.text) || (built as Node).namedChildren.some((c) => c.type === 'spread_element'))) return false;
  // `method` / `method.toUpperCase()` as a parameter: its callers give it (a field of one, `hook.method`, is data).
  const named = caseChangeOperand(ctx, method) ?? method;
  if ((named.type === 'identifier' || named.type === 'shorthand_property_identifier') && parameterOfCaller(ctx, call, named.text)) return false;
  return options.some((o) => bodyOptions.has(normalizeName(o.key)) && !NOTHING.has(o.value.text));
}

const NOTHING = new Set(['undefined', 'null', 'None']);

/** `init.body = JSON.stringify(opts.body)` between `name`'s binding and `call`: the fields set on the object it holds. */
function fieldsSetBefore(ctx: FileContext, name: string, bound: Node, call: Node): { key: string; value: Node }[] {
  const fn = enclosingFunction(call, ctx.family);
  if (fn === null) return [];
  return fn.descendantsOfType('assignment_expression').flatMap((a) => {
    if (a.startIndex < bound.endIndex || a.startIndex > call.startIndex) return [];
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type !== 'member_expression' || right === null || left.childForFieldName('object')?.text !== name) return [];
    const key = left.childForFieldName('property')?.text;
    return key === undefined ? [] : [{ key, value: right }];
  });
}

/**
 * `private async request(url, schema, init) { … fetchJson(url, schema, init) … }` with
 * `this.request(url, schema, { method: 'POST', body })` elsewhere in the file: the request's
 * method is handed in by the function's callers, as a method (`request(method, url)` called with
 * `"POST"`) or inside an options object passed whole. Returns the arguments through which callers
 * in this file hand in a write (empty when none does), so the request counts as a write where it
 * is made (inside its own retry loop). The key test reads them: a caller's `{ method: 'POST',
 * headers: { 'Idempotency-Key': k } }` keys the request. Judged from one caller, the helper
 * writes only when that caller asks for it (`writesOnlyForCallers`).
 */
export function callerWriteArguments(ctx: FileContext, call: Node, name: string): Node[] {
  const vocab = ctx.vocab.calls[name];
  return vocab === undefined ? [] : writingCallerArguments(ctx, call, compile(vocab));
}

/** A call of the vocabulary only because callers of its function hand it a write method: each caller is judged by its own. */
export function writesOnlyForCallers(ctx: FileContext, call: Node, name: string): boolean {
  const vocab = ctx.vocab.calls[name];
  if (vocab !== undefined && dispatchedForCallers(ctx, call)) return true;
  if (vocab === undefined || callerWriteArguments(ctx, call, name).length === 0) return false;
  const v = compile(vocab);
  const method = httpMethodOf(call) ?? boundHttpMethod(ctx, call) ?? methodOfPath(calleePath(ctx, call)) ?? defaultedHttpMethod(ctx, call);
  return method === null && !runtimeMethodWithBody(ctx, call, v.bodyOptions);
}

/**
 * The calls in this file that make the request `call` write by the method they hand its function
 * (`createShipments` calling `this.makeRequest('POST', '/order/shipment/batch/small', payload)`,
 * where `makeRequest` retries `this.client(config)`): each asks for the write its loop repeats, so
 * a finding on the request names them (a reader fixes the key there, or in the helper).
 */
export function writingCallers(ctx: FileContext, call: Node, name: string): Node[] {
  const vocab = ctx.vocab.calls[name];
  return vocab === undefined ? [] : [...new Set(writingCallerPairs(ctx, call, compile(vocab)).map((p) => p.caller))];
}

/** A caller of a request helper and the argument through which it hands in a write method. */
interface WritingCaller {
  caller: Node;
  arg: Node;
}

/** Per set of write methods (the answer depends on nothing else of the vocabulary), per call. */
const callerWrites = perFile('caller-write-arguments', () => new Map<string, Map<number, WritingCaller[]>>());

function writingCallerArguments(ctx: FileContext, call: Node, v: CompiledCallVocabulary): Node[] {
  return writingCallerPairs(ctx, call, v).map((p) => p.arg);
}

function writingCallerPairs(ctx: FileContext, call: Node, v: CompiledCallVocabulary): WritingCaller[] {
  const byMethods = callerWrites(ctx);
  let known = byMethods.get(v.methodsKey);
  if (known === undefined) byMethods.set(v.methodsKey, (known = new Map()));
  let found = known.get(call.id);
  if (found === undefined) known.set(call.id, (found = findWritingCallerArguments(ctx, call, v)));
  return found;
}

function findWritingCallerArguments(ctx: FileContext, call: Node, v: CompiledCallVocabulary): WritingCaller[] {
  const fn = namedEnclosingFunction(call, ctx.family);
  const name = fn === null ? null : functionName(fn);
  if (fn === null || name === null) return [];
  // Most functions have no caller in their file: nothing to read off their parameters then.
  const callers = callersOf(ctx, fn, name);
  if (callers.length === 0) return [];
  const params = ownParameters(fn);
  // `if (method === "POST") return client.post(url, data)`: the callers whose method picks the verb call.
  const picked = dispatchedMethodParameter(ctx, call, params);
  if (picked !== null) {
    return callers.flatMap((c) => {
      const args = callArguments(c);
      // A caller that leaves the method out gets the parameter's default (`def _make_api_call(url, payload,
      // method="POST")`): the call itself is then the only place that says which verb is sent.
      const passed = picked.options === true ? argumentFor(args, picked) : argumentOrDefault(fn, args, picked);
      return dispatchedWriteWith(ctx, c, passed, picked.options === true, v) ? [{ caller: c, arg: argumentFor(args, picked) ?? c }] : [];
    });
  }
  // The method itself (`request(method, url)`), or an options object that holds it.
  const method = methodParameterOf(ctx, call, params);
  const options = optionsParametersOf(call, params);
  if (method === null && options.length === 0) return [];
  const bound = (value: Node) => (value.type === 'identifier' ? (lastBindingBefore(ctx, value.text, value) ?? value) : value);
  const writes = (given: Node | undefined): boolean => {
    const text = given === undefined ? null : stringValue(given);
    return text !== null && v.httpMethods.has(text.toUpperCase());
  };
  const passed = (c: Node, param: { index: number; name: string }) => {
    const args = callArguments(c);
    const value = argumentFor(args, param);
    return value === undefined ? undefined : bound(value);
  };
  return callers.flatMap((c) => {
    // `lookupEmailHost` calling `fetchWithRetry(LOOKUP_URL, { method: 'POST', … })`: a caller that
    // asks a stateless endpoint (by the URL it hands in, or its own name) writes nothing through
    // the helper, whatever method it gives (outboundhero/Replies-Custom-Code-Project email-guard.ts).
    // So does one that hands it a database's own REST endpoint (`store_url_words`): the app's own store.
    if (asksNoWrite(ctx, c, v)) return [];
    const m = method === null ? undefined : passed(c, method);
    if (writes(m)) return [{ caller: c, arg: m as Node }];
    return options.flatMap((o) => {
      const given = passed(c, o);
      return given !== undefined && writes(literalEntries(given).find((e) => normalizeName(e.key) === 'method')?.value) ? [{ caller: c, arg: given }] : [];
    });
  });
}

/** `asksNoWrite` for a vocabulary by name: a helper's caller whose request changes nothing remote, whatever method it hands in. */
export function callerAsksNoWrite(ctx: FileContext, call: Node, name: string): boolean {
  const vocab = ctx.vocab.calls[name];
  return vocab !== undefined && asksNoWrite(ctx, call, compile(vocab));
}

/** A caller of a request helper that asks a stateless endpoint (by the URL it hands in, or its own name) or the app's own store. */
function asksNoWrite(ctx: FileContext, call: Node, v: CompiledCallVocabulary): boolean {
  return asksStatelessEndpoint(ctx, call, v) || handsStatelessPath(ctx, call, v) || storeEndpoint(ctx, call);
}

/**
 * `_request(method, path, *, json=None)` making `Session.request(method=method, json=json)`: for
 * each caller in this file that hands the request a write method (`_request("POST", "/pay",
 * json=payload)`), the values it gives the other parameters the request passes on (`payload`,
 * bound to its dict): where that caller's idempotency key rides. Empty when the method is not a
 * parameter or no caller asks for a write.
 */
export function callerForwardedValues(ctx: FileContext, call: Node, name: string): Node[][] {
  return callerForwardedPairs(ctx, call, name).map((p) => p.values);
}

/** `callerForwardedValues`, each list with the caller that hands it in. */
export function callerForwardedPairs(ctx: FileContext, call: Node, name: string): { caller: Node; values: Node[] }[] {
  const vocab = ctx.vocab.calls[name];
  const fn = namedEnclosingFunction(call, ctx.family);
  const fnName = fn === null ? null : functionName(fn);
  if (vocab === undefined || fn === null || fnName === null) return [];
  const v = compile(vocab);
  const callers = callersOf(ctx, fn, fnName);
  if (callers.length === 0) return [];
  const params = ownParameters(fn);
  // The method the request is handed, or else the one that picks the verb call of a dispatcher
  // (`if method == "POST": requests.post(url, json=payload)`), whose default a caller may leave in
  // place. A dispatcher's method inside an options object names no parameter whose values a caller forwards.
  const direct = methodParameterOf(ctx, call, params);
  const dispatcher = direct === null ? dispatchedMethodParameter(ctx, call, params) : null;
  const method = direct ?? (dispatcher?.options === true ? null : dispatcher);
  if (method === null) return [];
  // Parameters read anywhere in the request's arguments (`json=json`, `{ method, body: JSON.stringify(body) }`).
  const read = new Set(callArguments(call).flatMap((arg) => [arg, ...arg.descendantsOfType(['identifier', 'shorthand_property_identifier'])].filter((n) => n.type === 'identifier' || n.type === 'shorthand_property_identifier').map((n) => n.text)));
  const forwarded = params.flatMap((name, index) => (index !== method.index && read.has(name) ? [{ index, name }] : []));
  const passed = (c: Node, param: { index: number; name: string }): Node | undefined => {
    const args = callArguments(c);
    const value = argumentFor(args, param);
    return value === undefined ? undefined : value.type === 'identifier' ? (lastBindingBefore(ctx, value.text, value) ?? value) : value;
  };
  return callers.flatMap((c) => {
    const values = () => [{ caller: c, values: forwarded.flatMap((p) => passed(c, p) ?? []) }];
    if (dispatcher !== null) return dispatchedWriteWith(ctx, c, argumentOrDefault(fn, callArguments(c), dispatcher), false, v) ? values() : [];
    const m = passed(c, method);
    const text = m === undefined ? null : stringValue(m);
    if (text === null || !v.httpMethods.has(text.toUpperCase())) return [];
    return values();
  });
}

/** `fetchJson(url, schema, init)`, `fetch(url, { ...init, headers })`: parameters handed on whole, as the request's options may be. */
export function optionsParametersOf(call: Node, params: readonly string[]): { index: number; name: string }[] {
  return callArguments(call)
    .slice(1)
    .flatMap((arg) => {
      const spread = arg.type === 'object' ? arg.namedChildren.find((c) => c.type === 'spread_element')?.firstNamedChild : null;
      const given = arg.type === 'identifier' ? arg : spread?.type === 'identifier' ? spread : arg.type === 'dictionary_splat' ? arg.firstNamedChild : null;
      const index = given ? params.indexOf(given.text) : -1;
      return given && index >= 0 ? [{ index, name: given.text }] : [];
    });
}

/** Calls of `fn` in this file, by its name (`request(…)`, `this.request(…)`, `self._request(…)`). */
export function callersOf(ctx: FileContext, fn: Node, name: string): Node[] {
  const byFunction = ctx.memo('callers-by-function', () => new Map<number, Node[]>());
  let found = byFunction.get(fn.id);
  if (found === undefined) {
    const byPath = callsByPath(ctx);
    // Positions in the file's calls, so the callers come back in document order.
    const at = [name, `this.${name}`, `self.${name}`, `cls.${name}`].flatMap((p) => byPath.get(p) ?? []).sort((a, b) => a - b);
    const calls = allCalls(ctx);
    found = [...new Set(at)].map((i) => calls[i] as Node);
    byFunction.set(fn.id, found);
  }
  return found;
}

/** The file's calls by callee path, as positions in `allCalls` (one pass per file, not one per function asked about). */
function callsByPath(ctx: FileContext): Map<string, number[]> {
  return ctx.memo('calls-by-path', () => {
    const out = new Map<string, number[]>();
    allCalls(ctx).forEach((c, i) => {
      const path = calleePath(ctx, c);
      const list = out.get(path);
      if (list === undefined) out.set(path, [i]);
      else list.push(i);
    });
    return out;
  });
}

/** An HTTP write to an endpoint that changes nothing: its URL says so (`/oauth/token`), or its body does (`grant_type`). */
function asksStatelessEndpoint(ctx: FileContext, call: Node, v: CompiledCallVocabulary): boolean {
  return (
    (v.hasExcludeUrlWords && urlHas(ctx, call, v.excludeUrlWords, v.keepUrlWords)) ||
    (v.excludeBodyKeys.size > 0 && bodyHasKey(ctx, call, v.excludeBodyKeys)) ||
    callerComputes(ctx, call, v) ||
    readsComputedAnswer(ctx, call, v)
  );
}

/**
 * `def get_translation_response(…): requests.post(settings.DEEPL_API_URL, …)`, `_fetchCompletion`:
 * the function making the write is named for a computed answer (`exclude_caller_words`) and for
 * no write (`createTranslation` makes a record on a translation service: no verb of `verbs`).
 */
function callerComputes(ctx: FileContext, call: Node, v: CompiledCallVocabulary): boolean {
  return callerSays(ctx, call, v.excludeCallerWords) && !callerSays(ctx, call, v.verbs);
}

/**
 * `resp.json()["translations"][0]`, `result = JSON.parse(await apiResponse.text())` … `result.choices[0]`:
 * the function making the write reads, off its answer (the name the call's result is bound to, or
 * a name bound later from it), a field only a computed answer has (`exclude_result_fields`). A
 * field of something else (a Django field's `choices`) says nothing of the answer.
 */
function readsComputedAnswer(ctx: FileContext, call: Node, v: CompiledCallVocabulary): boolean {
  if (v.excludeResultFields.size === 0) return false;
  const fn = enclosingFunction(call, ctx.family);
  if (fn === null) return false;
  const after = ctx.source.slice(call.endIndex, fn.endIndex);
  const fieldAt = /(?:\??\.|\[\s*["'`])([A-Za-z_]\w*)/g;
  const wanted: number[] = [];
  for (const m of after.matchAll(fieldAt)) if (v.excludeResultFields.has(normalizeName(m[1] ?? ''))) wanted.push(m.index ?? 0);
  if (wanted.length === 0) return false;
  // The answer's names: what the call is bound to, then what is bound from those, in order.
  const derived = new Set<string>();
  let holder: Node | null = call.parent;
  while (holder !== null && holder.id !== fn.id && !BINDING_NODE_TYPES.has(holder.type)) holder = holder.parent;
  const first = holder === null ? null : bindingOf(holder);
  if (first !== null) derived.add(first.name);
  for (const node of fn.descendantsOfType([...BINDING_TYPES])) {
    if (node.startIndex < call.endIndex) continue;
    const b = bindingOf(node);
    if (b === null || derived.has(b.name)) continue;
    const words = new Set(b.value.text.match(/[A-Za-z_$][\w$]*/g) ?? []);
    if ([...derived].some((d) => words.has(d))) derived.add(b.name);
  }
  // The field read directly on the call (`requests.post(…).json()["translations"]`) or on a chain from a derived name.
  return wanted.some((at) => {
    const before = after.slice(0, at);
    if (/^(?:\s*\??\.\s*[\w$]+|\s*\([^()]*\)|\s*\[[^\[\]]*\])*\s*$/.test(before)) return true;
    const chain = /([A-Za-z_$][\w$]*)(?:\s*(?:\?\.|\.)\s*[\w$]+|\s*\([^()]*\)|\s*\[[^\[\]]*\])*\s*$/.exec(before);
    return chain !== null && derived.has(chain[1] ?? '');
  });
}

/**
 * Whether a request's arguments name one of `keys`: as a key, a keyword or inside a form string
 * (`{ grant_type: 'client_credentials' }`, `"grant_type=client_credentials"`), in the call itself or
 * in a local variable it reads (`data = {"grant_type": …}; requests.post(url, data=data)`).
 */
function bodyHasKey(ctx: FileContext, call: Node, keys: Set<string>): boolean {
  const names = (text: string) => (text.match(/[A-Za-z_$][\w$]*/g) ?? []).some((n) => keys.has(normalizeName(n)));
  for (const arg of callArguments(call)) {
    if (names(ctx.source.slice(arg.startIndex, arg.endIndex))) return true;
    // `{ form }`, `data=payload`: the variables the arguments read. A name read for one of its members
    // (`MPESA_URLS[env].stkpush`, `config.urls.payment`) hands over that member, not the whole value
    // bound to it: an `oauth` URL with `grant_type` beside the payment URL is no body of this request.
    const read = new Set(arg.descendantsOfType(['identifier', 'shorthand_property_identifier']).filter((id) => !readForMember(id)).map((id) => id.text));
    for (const name of read) {
      const bound = lastBindingBefore(ctx, name, call);
      if (bound !== null && names(ctx.source.slice(bound.startIndex, bound.endIndex))) return true;
    }
  }
  return false;
}

/** `urls` in `urls[env].pay`, `config.url`: a name read only for a member of its value. */
function readForMember(id: Node): boolean {
  const p = id.parent;
  if (p === null) return false;
  const object = p.childForFieldName('object') ?? (p.type === 'subscript' ? p.childForFieldName('value') : null);
  return object?.id === id.id && ['member_expression', 'attribute', 'subscript_expression', 'subscript'].includes(p.type);
}

/**
 * A generic call's first argument, or its `method` keyword or option, names a client method
 * (`method="sendMessage"`, `"chat.postMessage"`, `{ method: 'sendMessage' }`), by its last dotted part.
 */
function namesClientMethod(call: Node, methods: NamePatterns): boolean {
  const args = callArguments(call);
  const named: Node[] = [];
  if (args[0] !== undefined && keywordArgument(args[0]) === null) named.push(args[0]);
  for (const a of args) {
    const kw = keywordArgument(a);
    if (kw?.name === 'method') named.push(kw.value);
    if (a.type === 'object') for (const e of literalEntries(a)) if (e.key === 'method') named.push(e.value);
  }
  return named.some((n) => {
    const value = stringValue(n);
    return value !== null && methods.matches(value.split('.').at(-1) ?? value);
  });
}

/**
 * Whether the receiver of a method call is named for one of `words`, or was made from a class that
 * is: `slack_client.send(…)`, `client = MattermostClient()` then `client.create_post(…)`,
 * `self.bot = DiscordBot()` or `private readonly client: SlackClient` then `this.client.send(…)`.
 */
function onNamedClient(ctx: FileContext, call: Node, path: string, words: WordSet): boolean {
  const receiver = path.slice(0, Math.max(0, path.lastIndexOf('.')));
  if (receiver === '' || isPassive(ctx, path)) return false;
  const name = lastSegment(receiver);
  // `MattermostMessage.create_message(…)`: a class's own method (a model's row), not a client's.
  if (/^[A-Z]/.test(name)) return false;
  if (words.anyWordOf(name)) return true;
  const made: string[] = [];
  if (receiver === name) {
    // `const client = await telegramClient.getClient()`: an awaited factory is read as the factory.
    const bound = unwrapAwait(lastBindingBefore(ctx, name, call));
    if (bound !== null) made.push(ctx.source.slice(bound.startIndex, Math.min(bound.endIndex, bound.startIndex + 200)));
  } else {
    const field = escapeRegExp(name);
    const assigned = new RegExp(`\\.${field}\\s*=\\s*(?:new\\s+)?([\\w$.]+)`).exec(ctx.source);
    const typed = new RegExp(`\\b${field}\\s*[?!]?:\\s*([\\w$.]+)`).exec(ctx.source);
    for (const m of [assigned, typed]) if (m?.[1] !== undefined) made.push(m[1]);
  }
  return made.some((text) => words.anyWordOf(/^(?:new\s+)?([\w$.]+)/.exec(text)?.[1] ?? ''));
}

/** Whether the request's URL (as `urlHas` reads it) names a database's own REST endpoint (vocabulary `store_url_words`). */
function storeEndpoint(ctx: FileContext, call: Node): boolean {
  if (ctx.vocab.store_url_words.length === 0) return false;
  return urlHas(ctx, call, wordSet(ctx, 'store_url_words', ctx.vocab.store_url_words));
}

/**
 * A request to a model provider's host (`model_client_words` in the host) whose path asks for an answer
 * (`model_answer_url_words`: `https://api.anthropic.com/v1/messages`, `https://api.openai.com/v1/responses`):
 * the model's answer, computed and stored nowhere, as `onModelClient` reads its SDK's calls. The same
 * host's `/v1/files` or `/v1/vector_stores` creates objects and stays a write; a project's own
 * `/api/claude-usage/record` names no model's host.
 */
function modelEndpoint(ctx: FileContext, call: Node): boolean {
  if (ctx.vocab.model_client_words.length === 0) return false;
  const hosts = wordSet(ctx, 'model_client_words', ctx.vocab.model_client_words);
  const answers = wordSet(ctx, 'model_answer_url_words', ctx.vocab.model_answer_url_words);
  return urlHas(ctx, call, (url) => {
    const parts = /^[\s'"`]*(?:https?:)?\/\/([^/'"`\s]+)(.*)$/is.exec(url);
    return parts !== null && hosts.anyWordOf(parts[1] ?? '') && answers.anyWordOf(parts[2] ?? '');
  });
}

/**
 * Whether the receiver's first name is bound in this scope to another name or path, under a cast or
 * not (`const prismaAny = prisma as any`, `const store = this.db`), that the vocabulary excludes as a
 * local store (`prisma.*`, `db.*`) or that is a model of the application's own database: the alias
 * writes where the name it stands for does. Only a store's exclusion is read through the alias; a
 * name bound to a client keeps its own verdict.
 */
function onAliasedLocalStore(ctx: FileContext, call: Node, path: string, v: CompiledCallVocabulary): boolean {
  const dot = path.indexOf('.');
  if (dot <= 0) return false;
  const head = path.slice(0, dot);
  if (head === 'this' || head === 'self' || !/^[\w$]+$/.test(head)) return false;
  const bound = unwrapValue(lastBindingBefore(ctx, head, call));
  if (bound === null || (bound.type !== 'identifier' && bound.type !== 'member_expression' && bound.type !== 'attribute')) return false;
  const aliased = dottedPath(bound);
  if (aliased === '' || aliased === head) return false;
  const real = aliased + path.slice(dot);
  return v.exclude.matches(real) || onLocalStoreModel(ctx, real, call);
}

/**
 * Whether the receiver is a language model's client (vocabulary `model_client_words`): named for
 * one (`anthropic.messages.create`), or bound to one made or typed in this file (`const ai = new
 * Anthropic()`, `private client: Anthropic`, `this.client = anthropic`).
 */
function onModelClient(ctx: FileContext, call: Node, path: string): boolean {
  const receiver = path.slice(0, Math.max(0, path.lastIndexOf('.')));
  if (receiver === '') return false;
  const words = wordSet(ctx, 'model_client_words', ctx.vocab.model_client_words);
  const says = (text: string) => words.anyWordOf(/^(?:new\s+)?([\w$.]+)/.exec(text)?.[1] ?? '');
  // `anthropic.messages.create`, `self.openai_client.chat…`: the client is named in the path before the method's own names.
  if (receiver.split('.').some((segment) => words.anyWordOf(segment))) return true;
  const root = receiver.split('.')[0] ?? '';
  const field = root === 'this' || root === 'self' ? receiver.split('.')[1] : undefined;
  const name = field ?? root;
  if (name === '' || !/^[\w$]+$/.test(name)) return false;
  const made: string[] = [];
  if (field === undefined) {
    // `const client = await telegramClient.getClient()`: an awaited factory is read as the factory.
    const bound = unwrapAwait(lastBindingBefore(ctx, name, call));
    if (bound !== null) made.push(ctx.source.slice(bound.startIndex, Math.min(bound.endIndex, bound.startIndex + 200)));
  } else {
    const escaped = escapeRegExp(name);
    const assigned = new RegExp(`\\.${escaped}\\s*=\\s*(?:new\\s+)?([\\w$.]+)`).exec(ctx.source);
    const typed = new RegExp(`\\b${escaped}\\s*[?!]?:\\s*([\\w$.]+)`).exec(ctx.source);
    for (const m of [assigned, typed]) if (m?.[1] !== undefined) made.push(m[1]);
  }
  return made.some((text) => {
    if (says(text)) return true;
    // `this.client = anthropic` where `const anthropic = new Anthropic()`.
    const value = /^([\w$]+)$/.exec(text)?.[1];
    const bound = value === undefined ? null : lastBindingBefore(ctx, value, call);
    return bound !== null && says(ctx.source.slice(bound.startIndex, Math.min(bound.endIndex, bound.startIndex + 200)));
  });
}

/**
 * Whether the call's receiver is a parameter of a callback given to a `local_handles` call:
 * `tx` in `prisma.$transaction(async (tx) => tx.wallet.update(…))`.
 */
function onLocalHandle(ctx: FileContext, call: Node, path: string, handles: NamePatterns): boolean {
  const root = path.split('.')[0];
  if (root === undefined || root === path) return false;
  for (let fn = enclosingFunction(call, ctx.family); fn !== null; fn = enclosingFunction(fn, ctx.family)) {
    if (!functionParameters(fn).includes(root)) continue;
    const outer = fn.parent?.parent;
    return outer != null && isCall(outer, ctx.family) && handles.matches(calleePath(ctx, outer));
  }
  return false;
}

const HTTP_VERBS = new Set(['post', 'patch', 'put', 'delete']);

/**
 * `req = urllib.request.Request(url, data=body, method="POST")` then `urlopen(req)`: the method of
 * the request object the call sends, built in a variable by a `request_builders` call; a body
 * given without a method is posted.
 */
function builtRequestMethod(ctx: FileContext, call: Node, v: CompiledCallVocabulary): string | null {
  if (v.requestBuilders.empty) return null;
  const first = callArguments(call)[0];
  if (first?.type !== 'identifier') return null;
  const built = lastBindingBefore(ctx, first.text, call);
  if (built === null || !isCall(built, ctx.family) || !v.requestBuilders.matches(calleePath(ctx, built))) return null;
  const method = httpMethodOf(built);
  if (method !== null) return method;
  const sendsBody = callArguments(built).some((a) => {
    const kw = keywordArgument(a);
    return kw !== null && v.bodyOptions.has(normalizeName(kw.name)) && !NOTHING.has(kw.value.text);
  });
  return sendsBody ? 'POST' : null;
}

/** `requests.post`, `client.patch`: the method is the called name. */
function methodOfPath(path: string): string | null {
  const last = lastSegment(path).toLowerCase();
  return HTTP_VERBS.has(last) ? last : null;
}

/**
 * Whether the URL a request goes to has one of `words` in its path: the first argument or a
 * `url` option, read as a literal (interpolations and the query string left out), or, for a name,
 * the name itself and a string it is assigned in this file (`SLACK_WEBHOOK_URL = "https://…"`).
 */
function urlHas(ctx: FileContext, call: Node, words: WordSet | ((urlText: string) => boolean), unless?: WordSet): boolean {
  const texts: string[] = [];
  const args = callArguments(call);
  const option = (keyName: string) =>
    args.flatMap((a) => {
      const kw = keywordArgument(a);
      if (kw) return normalizeName(kw.name) === keyName ? [kw.value] : [];
      return literalEntries(a).flatMap((e) => (normalizeName(e.key) === keyName ? [e.value] : []));
    });
  const first = args[0] && keywordArgument(args[0]) === null && URL_EXPRESSIONS.has(args[0].type) ? [args[0]] : [];
  for (const node of [...first, ...[...ENDPOINT_OPTIONS].flatMap(option)]) {
    const text = ctx.source.slice(node.startIndex, node.endIndex);
    texts.push(urlPath(text));
    if (/^[\w$]+$/.test(text)) {
      // A local name: the value it holds at the call (another function's `url = …` says nothing).
      const bound = lastBindingBefore(ctx, text, call);
      // `const opts = { hostname, path: '/b2c/v1/paymentrequest', method: 'POST', headers: { Authorization:
      // `Bearer ${accessToken}` } }; https.request(opts, …)`: an options object names its endpoint in
      // its URL entries; its headers' `accessToken` says nothing of where the request goes.
      // `const url = options?.url || STOCKX_GRAPHQL_URL`: a URL with a fallback goes, unless overridden,
      // to its default, so a name among the operands is read for the value it holds too.
      for (const part of bound === null ? [] : endpointParts(bound)) {
        texts.push(urlPath(ctx.source.slice(part.startIndex, part.endIndex)));
        const operands = fallbackOperands(part);
        if (operands.length < 2) continue;
        for (const name of operands) {
          const held = name.type === 'identifier' ? lastBindingBefore(ctx, name.text, call) : null;
          if (held !== null) texts.push(urlPath(ctx.source.slice(held.startIndex, held.endIndex)));
        }
      }
    } else if (/^[\w$.]+$/.test(text) && !parameterOfCaller(ctx, call, text.split('.')[0] ?? '')) {
      // `settings.WEBHOOK_URL`: a constant of the file. A parameter's field (`endpoint.url`) is
      // data handed in at run time, whatever `url = "…"` some other call in the file names.
      const name = lastSegment(text).replace(/[$]/g, '\\$');
      const bound = new RegExp(`\\b${name}\\s*[:=]\\s*[frbu]*(["'\`])([^"'\`]*)\\1`).exec(ctx.source);
      if (bound?.[2] !== undefined) texts.push(urlPath(bound[2]));
    }
  }
  const has = typeof words === 'function' ? words : (t: string) => words.anyWordOf(t);
  return texts.some((t) => has(t) && !(unless?.anyWordOf(t) ?? false));
}

/**
 * Whether the request's URL (as `urlHas` reads it) goes to a messaging service (`url_words`) and has
 * a path segment that is a send method of a chat API (`client_methods`: `/sendMessage`, `/chat.postMessage`).
 * A segment that is itself a service's name (`/sendgrid/…`) names no method. Read only in a file
 * whose text has such a segment at all.
 */
function urlNamesSendMethod(ctx: FileContext, call: Node, v: CompiledCallVocabulary): boolean {
  if (v.clientMethods.empty || !v.hasUrlWords) return false;
  const isMethod = (segment: string) => v.clientMethods.matches(segment.split('.').at(-1) ?? segment) && !v.urlWords.anyWordOf(segment);
  const segments = (text: string) => [...text.matchAll(/\/([A-Za-z_][\w.]*)/g)].map((m) => m[1] ?? '');
  const byVocabulary = ctx.memo('url-send-method', () => new Map<CompiledCallVocabulary, boolean>());
  let inFile = byVocabulary.get(v);
  if (inFile === undefined) byVocabulary.set(v, (inFile = segments(ctx.source).some(isMethod)));
  return inFile && urlHas(ctx, call, v.urlWords) && urlHas(ctx, call, (text) => segments(text).some(isMethod));
}

/**
 * `_request("POST", HOST_LOOKUP_URL, payload)`: a helper's caller hands it, in any position, a URL
 * or path (a literal, or a name bound to one) that names a stateless endpoint (`exclude_url_words`).
 */
function handsStatelessPath(ctx: FileContext, call: Node, v: CompiledCallVocabulary): boolean {
  if (!v.hasExcludeUrlWords) return false;
  return callArguments(call).some((arg) => {
    if (keywordArgument(arg) !== null) return false;
    const s = stringValue(arg) ?? boundString(ctx, arg, call);
    if (s === null || !s.includes('/')) return false;
    const path = urlPath(s);
    return v.excludeUrlWords.anyWordOf(path) && !v.keepUrlWords.anyWordOf(path);
  });
}

/** Whether `name` is a parameter (other than `self` / `this` / `cls`) of the function around `call`. */
function parameterOfCaller(ctx: FileContext, call: Node, name: string): boolean {
  const fn = enclosingFunction(call, ctx.family);
  return fn !== null && !['self', 'this', 'cls'].includes(name) && functionParameters(fn).includes(name);
}

/** Whether the named function around `call` says, in a word of its name, where the write goes. */
function callerSays(ctx: FileContext, call: Node, words: WordSet): boolean {
  const fn = namedEnclosingFunction(call, ctx.family);
  const name = fn === null ? null : functionName(fn);
  return name !== null && words.anyWordOf(name);
}

/** Nodes that bind a name to a value (see `bindingOf`). */
const BINDING_NODE_TYPES: ReadonlySet<string> = new Set(BINDING_TYPES);

/**
 * Every method HTTP defines, reads and writes alike: whether a leading string is a method at all
 * (the vocabulary's `http_methods` are only those that write).
 */
const HTTP_METHOD_NAMES: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'CONNECT']);

/** Options that name where a request goes. */
const ENDPOINT_OPTIONS = new Set(['url', 'uri', 'path', 'endpoint']);

/** Entries of a Node `http.request` options object that name the server (`hostname: 'oauth.example.com'`). */
const HOST_OPTIONS = new Set(['host', 'hostname', 'baseurl']);

/**
 * The parts of a value bound to a request's first argument that say where it goes: of an options
 * object (`{ hostname, path: '/b2c/v1/paymentrequest', headers: { Authorization: `Bearer ${accessToken}` } }`)
 * its URL and host entries; of a built request (`urllib.request.Request(url, data=…, headers={…})`)
 * its positional arguments and URL keywords. Headers and bodies name no endpoint: a bearer token
 * sent with a payout request does not make it a token request. Anything else, whole.
 */
function endpointParts(bound: Node): Node[] {
  const says = (key: string) => ENDPOINT_OPTIONS.has(normalizeName(key)) || HOST_OPTIONS.has(normalizeName(key));
  if (bound.type === 'object' || bound.type === 'dictionary') {
    const entries = literalEntries(bound).filter((e) => says(e.key));
    return entries.length > 0 ? entries.map((e) => e.value) : [bound];
  }
  if (bound.type === 'call' || bound.type === 'call_expression' || bound.type === 'new_expression') {
    return callArguments(bound).flatMap((a) => {
      const kw = keywordArgument(a);
      if (kw !== null) return says(kw.name) ? [kw.value] : [];
      if (a.type === 'object' || a.type === 'dictionary') return literalEntries(a).filter((e) => says(e.key)).map((e) => e.value);
      return [a];
    });
  }
  return [bound];
}

/** The normalized names an argument gives: its keyword, or the keys of an options object. */
function namedOptions(arg: Node): string[] {
  const kw = keywordArgument(arg);
  return kw !== null ? [normalizeName(kw.name)] : literalEntries(arg).map((e) => normalizeName(e.key));
}

/** Expressions that can hold a URL (not an options object, whose keys say nothing of the endpoint). */
const URL_EXPRESSIONS = new Set(['string', 'template_string', 'identifier', 'attribute', 'member_expression', 'binary_expression', 'binary_operator', 'concatenated_string', 'call', 'call_expression']);

/**
 * A URL's text without query string, each interpolation reduced to the last name it reads:
 * `f"{BASE}/sign?token={t}"` → `"BASE/sign`, `${config.transactionStatus}` → `transactionStatus`.
 */
function urlPath(text: string): string {
  return text.replace(/\$?\{([^}]*)\}/g, (_, inner: string) => ` ${/([A-Za-z_$][\w$]*)\s*$/.exec(inner)?.[1] ?? ''} `).replace(/\?.*$/s, '');
}

function pathVerdict(ctx: FileContext, path: string, v: CompiledCallVocabulary): PathVerdict {
  if (path === '' || path.startsWith('<')) return PathVerdict.No;
  // `send_sms.delay(…)`: the deferred task is judged by its own name.
  const dot = path.lastIndexOf('.');
  if (dot > 0 && v.deferredMethods.has(path.slice(dot + 1).toLowerCase())) {
    const task = path.slice(0, dot);
    const judged = pathVerdict(ctx, task, v);
    return judged === PathVerdict.No || judged === PathVerdict.Unknown ? PathVerdict.No : PathVerdict.Yes;
  }
  if (isPassive(ctx, path)) return PathVerdict.No;
  const last = lastSegment(path);
  // `mailQueue.add(…)`, `mailer.add({ template })`: a message put on a queue for its worker to send.
  const queued = queueReceiverWords(path, v);
  if (queued !== null && v.objectWords.hasWordOrBrand(queued)) return PathVerdict.Yes;
  if (v.exclude.matches(path)) return PathVerdict.No;
  // `prisma().user.create(…)`, `getDb().orders.insert(…)`: a store handed out by a call of no
  // arguments is the store its name says (`prisma.*`, `db.*`), as a name bound to it would be.
  if (path.includes('()') && v.exclude.matches(path.replace(/\(\)/g, ''))) return PathVerdict.No;
  // A listed name (`create_shipping_label`) is meant whole: a generic word in it (`label`) does not undo it.
  if (v.names.matches(path)) return PathVerdict.Yes;
  // `fetchWithProxy`, `sessionRequest`: a word that says "not a write" still yields to a request's shape.
  // `transferToEmail`: the words after `to` name where the transfer goes; only those before it are judged.
  if (namedWords(last, v).some((w) => v.excludeWords.has(w))) return PathVerdict.Unknown;
  // `Charge(id=...)` builds a value (a Python class or a TS factory named like one); only a
  // method or function name is a verb (but see `heldObjectMethod`).
  if (/^[A-Z][a-z]/.test(last)) return PathVerdict.No;
  const first = splitWords(last)[0];
  if (first !== undefined && (v.verbs.has(first) || (v.methodVerbs.has(first) && path.includes('.')))) return PathVerdict.Verb;
  if (first !== undefined && v.objectVerbs.has(first) && v.objectWords.hasWordOrBrand(splitWords(last).slice(1))) return PathVerdict.Yes;
  if (!v.httpClients.empty && v.httpClients.matches(path)) return PathVerdict.Http;
  return PathVerdict.Unknown;
}

/**
 * `svc.UploadClickConversions(request=req)`, `self.stub.CreateOrder(req)`: a capitalised name called
 * with arguments on a receiver written in lower case that no import of this file names is a method of
 * an object the code made or was handed (a gRPC-style service or stub client), not a class of a module
 * or namespace (`order_pb2.CreateOrderRequest(…)`, `models.Order(…)`, `Stripe.Charge`), nor an accessor
 * handing out a sub-client (`books.PurchaseOrders()`, no arguments). The path it is judged as: the same
 * with the name's first letter in lower case (`svc.uploadClickConversions`); null for anything else.
 */
function heldObjectMethod(ctx: FileContext, call: Node, path: string): string | null {
  const parts = path.split('.');
  const last = parts.pop();
  const head = parts[0];
  if (last === undefined || head === undefined || !/^[A-Z][a-z]/.test(last) || path.includes('(') || parts.some((part) => !/^[a-z_$]/.test(part))) return null;
  if (callArguments(call).length === 0 || (head !== 'self' && head !== 'this' && importBinds(ctx, head))) return null;
  if (wordSet(ctx, 'message_type_suffixes', ctx.vocab.message_type_suffixes).has(splitWords(last).at(-1) ?? '')) return null;
  return [...parts, last.charAt(0).toLowerCase() + last.slice(1)].join('.');
}

/** The words of a called name up to the first destination word after its first (`transferToEmail` → transfer). */
function namedWords(name: string, v: CompiledCallVocabulary): string[] {
  const words = splitWords(name);
  const cut = words.findIndex((w, i) => i > 0 && v.destinationWords.has(w));
  return cut > 0 ? words.slice(0, cut) : words;
}

/** The words of the receiver of a queue's add method (`this.mailQueue.add` → mail, queue), when its name makes it a queue. */
function queueReceiverWords(path: string, v: CompiledCallVocabulary): string[] | null {
  const dot = path.lastIndexOf('.');
  if (dot <= 0 || !v.queueMethods.has(path.slice(dot + 1).toLowerCase())) return null;
  const words = splitWords(lastSegment(path.slice(0, dot)));
  return words.some((w) => v.queueWords.has(w)) ? words : null;
}

/** `queue.add('send-email', data)`: a job on a queue whose name (its first argument) says the message it carries. */
function queuedByJobName(call: Node, path: string, v: CompiledCallVocabulary): boolean {
  if (queueReceiverWords(path, v) === null) return false;
  const name = callArguments(call)[0];
  const text = name === undefined ? null : stringValue(name);
  return text !== null && v.objectWords.hasWordOrBrand(splitWords(text));
}

/**
 * A call handed an HTTP method and an endpoint: a `method` option or keyword with an endpoint
 * beside it (first, or named `url`/`path`), or a leading method string followed by the path
 * (`request("POST", "/v1/transfers")`).
 */
function requestShaped(call: Node): boolean {
  const args = callArguments(call);
  if (httpMethodOf(call) === null) return false;
  // The endpoint as a named option beside the method: `api.callApi({ method: 'POST', url: 'clips' })`,
  // `self._call(method="POST", path="/v1/transfers")`.
  if (args.some((a) => namedOptions(a).some((key) => ENDPOINT_OPTIONS.has(key)))) return true;
  if (args.length < 2) return false;
  // The method (its value is judged with the vocabulary's http_methods, as for any client) and,
  // beside it, the endpoint: after a leading method string, else first (`paystackFetch('/transaction/charge',
  // { method: 'POST', body })`: a leading path is the endpoint, not a method).
  const lead = stringValue(args[0]!);
  const endpoint = lead !== null && HTTP_METHOD_NAMES.has(lead.toUpperCase()) ? args[1]! : args[0]!;
  return keywordArgument(endpoint) === null && URL_EXPRESSIONS.has(endpoint.type);
}

/**
 * `client.execute(request)` with `request = new paypal.orders.OrdersCaptureRequest(id)` (PayPal's
 * checkout SDKs, Python `OrdersCaptureRequest(id)` too): the request object is built from a class
 * named `<Resource><Verb>Request`, and the call writes when a word before `Request` is one of the
 * vocabulary's verbs (`OrdersGetRequest` reads). Bound earlier in this file or built in place.
 */
function buildsWritingRequest(ctx: FileContext, arg: Node, call: Node, v: CompiledCallVocabulary): boolean {
  const value = arg.type === 'identifier' ? lastBindingBefore(ctx, arg.text, call) : arg;
  if (value === null) return false;
  const made = value.type === 'new_expression' ? value.childForFieldName('constructor') : isCall(value, ctx.family) ? callee(value) : null;
  if (made === null || made === undefined) return false;
  const words = splitWords(lastSegment(dottedPath(made)));
  if (words.length < 2 || words.at(-1) !== 'request' || !/^[A-Z]/.test(lastSegment(dottedPath(made)))) return false;
  return words.slice(0, -1).some((w) => v.verbs.has(w));
}

/** A call that only reports: on a passive receiver, named for logging or tracking (`log_verbs`), or a test's assertion. */
export function reportsOnly(ctx: FileContext, path: string): boolean {
  return isPassive(ctx, path) || onMetric(ctx, path) || isReporterFunction(ctx, path) || wordSet(ctx, 'log_verbs', ctx.vocab.log_verbs).has(splitWords(lastSegment(path))[0] ?? '') || isAssertion(ctx, path);
}

/** `metrics(logger, 'webhooks', 'inc', { status: 'fail' })`, `debug(…)`: a function named only for a passive receiver reports. */
function isReporterFunction(ctx: FileContext, path: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(path)) return false;
  const passive = wordSet(ctx, 'passive_receivers', ctx.vocab.passive_receivers);
  // `_("Refund failed")` (gettext) has no words at all: it translates, it reports nothing.
  const words = splitWords(path);
  return words.length > 0 && words.every((w) => passive.has(w));
}

/**
 * A test's assertion compares an outcome with what it expects (`expect(error.toJSON()).to.include({
 * status: 400, message: 'Request failed' })`, `self.assertEqual(order.status, "failed")`): the
 * chain's head or the called name starts with an `assert_verbs` word.
 */
function isAssertion(ctx: FileContext, path: string): boolean {
  const verbs = wordSet(ctx, 'assert_verbs', ctx.vocab.assert_verbs);
  const head = path.split(/[.(]/, 1)[0] ?? '';
  return verbs.has(splitWords(head)[0] ?? '') || verbs.has(splitWords(lastSegment(path))[0] ?? '');
}

/**
 * Calls on a logger, console, metrics or analytics client (`passive_receivers`), and `print`: they
 * report what happened; they never act on the world or record an outcome.
 */
export function isPassive(ctx: FileContext, path: string): boolean {
  if (path === 'print' || path.startsWith('console.')) return true;
  // `metrics.sent_total.labels(channel=c).inc()`: a metric's labelled child counts; it acts on nothing.
  // A job's own log line (`job.log(…)`, `passive_calls`) reports too: one pattern set for both.
  if (compiledOnce(ctx.vocab, 'reporting-calls', () => new NamePatterns([...ctx.vocab.metric_calls, ...ctx.vocab.passive_calls])).matches(path.replace(/\(\)/g, ''))) return true;
  // `logger[isFinal ? 'error' : 'warn'](…)`: a level chosen at run time is still a method of the logger.
  const receiver = path.endsWith('[]') ? path.slice(0, -2) : path.slice(0, Math.max(0, path.lastIndexOf('.')));
  if (receiver !== '' && wordSet(ctx, 'passive_receivers', ctx.vocab.passive_receivers).anyWordOf(lastSegment(receiver))) return true;
  return fromLoggingModule(ctx, path);
}

/**
 * `eventsPublished.inc({ event_type: key, status: 'error' })` where the file made `const eventsPublished
 * = new Counter({…})` with `Counter` of prom-client (`metric_modules`): a metric's own method counts
 * or times; the metric's name is the team's, its class says what it is.
 */
function onMetric(ctx: FileContext, path: string): boolean {
  const dot = path.indexOf('.');
  return dot > 0 && ctx.memo('metric-instances', () => metricInstances(ctx)).has(path.slice(0, dot));
}

/** The names this file binds at module level to a value made by a class of a metrics package (read once a file: `reportsOnly` asks per call). */
function metricInstances(ctx: FileContext): Set<string> {
  const out = new Set<string>();
  const modules = new Set(ctx.vocab.metric_modules);
  if (![...modules].some((m) => ctx.source.includes(m))) return out;
  const imports = importsOf(ctx);
  for (const stmt of ctx.root.namedChildren) {
    const declared = stmt.type === 'export_statement' ? stmt.childForFieldName('declaration') : stmt;
    const pairs: [Node | null, Node | null][] = [];
    if (declared?.type === 'lexical_declaration' || declared?.type === 'variable_declaration') {
      for (const d of declared.namedChildren) if (d.type === 'variable_declarator') pairs.push([d.childForFieldName('name'), d.childForFieldName('value')]);
    } else if (stmt.type === 'expression_statement' && stmt.firstNamedChild?.type === 'assignment') {
      pairs.push([stmt.firstNamedChild.childForFieldName('left'), stmt.firstNamedChild.childForFieldName('right')]);
    }
    for (const [name, value] of pairs) {
      if (name?.type !== 'identifier' || value === null) continue;
      const made = value.type === 'new_expression' ? value.childForFieldName('constructor') : value.type === 'call' || value.type === 'call_expression' ? value.childForFieldName('function') : null;
      const head = made === null ? '' : dottedPath(made).split('.')[0] ?? '';
      const imported = imports.get(head);
      if (imported !== undefined && modules.has(imported.module)) out.add(name.text);
    }
  }
  return out;
}

/**
 * `info(…)`, `error(…)` taken from `../model/logger.js` (`from app.logging import warn`): a function
 * of a project module named only for a passive receiver reports, as that receiver's methods do.
 */
function fromLoggingModule(ctx: FileContext, path: string): boolean {
  const imported = projectImportOf(ctx, path);
  if (imported === undefined) return false;
  const file = imported.module.replace(/\.(?:[cm]?[jt]sx?|py)$/, '').split(/[/.]/).filter((p) => p !== '').at(-1) ?? '';
  const words = splitWords(file);
  const passive = wordSet(ctx, 'passive_receivers', ctx.vocab.passive_receivers);
  return words.length > 0 && words.every((w) => passive.has(w));
}

/**
 * A passive call that is no row of a log table (`storesLogRow`): where a step's failure or a record
 * matters (AP-003's handlers and the steps after a write), `sms_log.mark_failed(…)` and
 * `db.smsLog.update(…)` write and can fail, while `logger.error(…)` only reports. Whether a call is a
 * remote write at all is another question: a log row is the app's own database, so `isPassive` still
 * keeps it out of the writes AP-001 and AP-002 look for.
 */
export function logsOnly(ctx: FileContext, path: string): boolean {
  return isPassive(ctx, path) && !storesLogRow(ctx, path);
}

/** A call that computes in memory (vocabulary `in_memory_calls`: `now_utc().isoformat()`, `flag_modified(…)`). */
export function isInMemory(ctx: FileContext, path: string): boolean {
  return compiledOnce(ctx.vocab, 'in-memory-calls', () => new NamePatterns(ctx.vocab.in_memory_calls)).matches(path.replace(/\(\)/g, ''));
}

/**
 * `prisma.emailLog.create({ data: { status: 'FAILED' } })`, `db.webhookLog.insertOne(…)`: a row
 * written (`record_write_methods`) to a table named for the log of something else stores an
 * outcome; it is no log line. A receiver made only of passive words (`auditLog`, `logger`) still logs.
 */
export function storesLogRow(ctx: FileContext, path: string): boolean {
  const dot = path.lastIndexOf('.');
  if (dot <= 0 || path.endsWith('[]')) return false;
  const receiverWords = splitWords(lastSegment(path.slice(0, dot)));
  const passive = wordSet(ctx, 'passive_receivers', ctx.vocab.passive_receivers);
  if (receiverWords.length < 2 || receiverWords.every((w) => passive.has(w))) return false;
  const writes = wordSet(ctx, 'record_write_methods', ctx.vocab.record_write_methods);
  const method = path.slice(dot + 1);
  return writes.has(method) || writes.has(splitWords(method)[0] ?? '');
}

/**
 * The HTTP method a generic client call uses: a `method` keyword or option, or a leading string
 * argument (`requests.request("POST", url)`). Null when absent or not a literal (unknown methods
 * are not assumed to write).
 */
export function httpMethodOf(call: Node): string | null {
  const args = callArguments(call);
  for (const arg of args) {
    const kw = keywordArgument(arg);
    if (kw && normalizeName(kw.name) === 'method') return stringValue(kw.value);
    for (const entry of literalEntries(arg)) {
      if (normalizeName(entry.key) === 'method') return stringValue(entry.value);
    }
  }
  const first = args[0];
  if (first !== undefined) {
    const s = stringValue(first);
    if (s !== null && /^[A-Za-z]+$/.test(s) && s.length <= 7) return s;
  }
  return null;
}

/**
 * The method of a request whose options or method sit in a variable of this file:
 * `const init = { method: 'POST', body }; fetch(url, init)`, `requests.request(**params)`,
 * `method = "POST"; session.request(method, url)`. The last binding before the call wins.
 */
function boundHttpMethod(ctx: FileContext, call: Node): string | null {
  for (const arg of callArguments(call)) {
    const kw = keywordArgument(arg);
    const isMethod = kw !== null && normalizeName(kw.name) === 'method';
    const target = kw?.value ?? (arg.type === 'dictionary_splat' || arg.type === 'spread_element' ? arg.firstNamedChild : arg);
    if (target?.type !== 'identifier') continue;
    const value = lastBindingBefore(ctx, target.text, call);
    if (value === null) continue;
    const s = stringValue(value);
    if (s !== null && (isMethod || arg.id === callArguments(call)[0]?.id) && /^[A-Za-z]{3,7}$/.test(s)) return s;
    for (const entry of literalEntries(value)) if (normalizeName(entry.key) === 'method') return stringValue(entry.value);
  }
  return null;
}

/**
 * The method a request takes from a parameter of the function around it whose default is a
 * method: `restApiRequest = async (shop, body, endPoint, method = "POST") => fetch(url, { method, … })`,
 * `def call(path, payload, method="POST"): session.request(method, url, json=payload)`. Callers
 * that leave the method out write; the request is one, wherever it is retried around it.
 */
function defaultedHttpMethod(ctx: FileContext, call: Node): string | null {
  const fn = enclosingFunction(call, ctx.family);
  if (fn === null) return null;
  // Where a method can be given: a `method` keyword or option, or the leading argument.
  const given: Node[] = [];
  callArguments(call).forEach((arg, i) => {
    const kw = keywordArgument(arg);
    if (kw !== null) {
      if (normalizeName(kw.name) === 'method') given.push(kw.value);
      return;
    }
    if (i === 0) given.push(arg);
    for (const e of literalEntries(arg)) if (normalizeName(e.key) === 'method') given.push(e.value);
  });
  for (const node of given) {
    const named = caseChangeOperand(ctx, node) ?? node;
    if (named.type !== 'identifier' && named.type !== 'shorthand_property_identifier') continue;
    const value = parameterDefault(fn, named.text);
    const s = value === null ? null : stringValue(value);
    if (s !== null && HTTP_METHOD_NAMES.has(s.toUpperCase())) return s;
  }
  return null;
}

/**
 * `def _request(self, method, url): return self.session.request(method, url, …)`: the HTTP client
 * call inside a helper whose method is one of the helper's parameters, with that parameter's
 * position (self/cls not counted), so a caller passing `"POST"` there makes the helper write.
 */
export function methodParameterOf(ctx: FileContext, call: Node, params: readonly string[]): { index: number; name: string } | null {
  const path = calleePath(ctx, call);
  if (path === '' || isPassive(ctx, path)) return null;
  const args = callArguments(call);
  // A method handed first is a request's only with somewhere to send it (`request(method, url)`): a
  // lone argument (`setCopiedSection(section)`, a state setter handed a caller's `'post'` tab name) is
  // a value, whatever word a caller gives it.
  const positional = args.length >= 2;
  const parameterIn = (values: readonly Node[]): { index: number; name: string } | null => {
    for (const given of values) {
      const value = caseChangeOperand(ctx, given) ?? given;
      if (value.type !== 'identifier' && value.type !== 'shorthand_property_identifier') continue;
      const index = params.indexOf(value.text);
      if (index >= 0) return { index, name: value.text };
    }
    return null;
  };
  // An argument named for the method (`method=method`, `{ method }`, a config object holding it)
  // says which parameter carries it before a leading argument does: in `fetch(url, { method, body })`
  // inside `requestJson(url, method, body)` the leading `url` is the endpoint, not the method, and
  // reading it as the method judged every caller by the URL it hands in (never a write).
  const named = parameterIn(
    args.flatMap((arg) => {
      const kw = keywordArgument(arg);
      if (kw !== null) return normalizeName(kw.name) === 'method' ? [kw.value] : [];
      // `const config = { method, headers }; fetch(url, config)`: the options sit in a variable.
      const options = arg.type === 'identifier' ? lastBindingBefore(ctx, arg.text, call) : null;
      return [arg, options].flatMap((o) => (o === null ? [] : literalEntries(o))).filter((e) => normalizeName(e.key) === 'method').map((e) => e.value);
    }),
  );
  if (named !== null) return named;
  const lead = args[0];
  return positional && lead !== undefined && keywordArgument(lead) === null ? parameterIn([lead]) : null;
}

/**
 * `if (method === "POST" && client.post) { return client.post(url, data, config) }` in
 * `sendRequest(client, request)`, with `const method = (request.method ?? "GET").toUpperCase()`: a
 * request dispatcher whose verb call runs only when the method its caller hands in (a parameter,
 * or the `method` of an options parameter) is that verb. The call writes for the callers that ask
 * for the verb, each judged by what it hands in (a login or token request is no write), not for
 * every caller. Returns the parameter the method comes through.
 */
export function dispatchedMethodParameter(ctx: FileContext, call: Node, params: readonly string[]): { index: number; name: string; options?: true } | null {
  const verb = methodOfPath(calleePath(ctx, call));
  if (verb === null) return null;
  const fn = enclosingFunction(call, ctx.family);
  if (fn === null) return null;
  for (let n = call.parent; n !== null && n.id !== fn.id; n = n.parent) {
    if (n.type !== 'if_statement') continue;
    const condition = n.childForFieldName('condition');
    const consequence = n.childForFieldName('consequence');
    if (condition === null || consequence === null || !contains(consequence, call)) continue;
    for (const m of condition.text.matchAll(DISPATCH_TEST)) {
      if (m[2]!.toLowerCase() !== verb) continue;
      const source = methodSourceOf(ctx, m[1]!, call, params);
      if (source !== null) return source;
    }
  }
  return null;
}

/** `method === "POST"`, `method.upper() == "POST"`, `request.method === 'post'`: a name tested against a method literal. */
const DISPATCH_TEST = /([A-Za-z_$][\w$]*(?:\.method)?)(?:\.(?:toUpperCase|toLowerCase|upper|lower)\(\))?\s*={2,3}\s*["'`]([A-Za-z]+)["'`]/g;

/**
 * Where a tested method comes from: a parameter (`method`), an options parameter's `method`
 * (`request.method`), or a local bound once from either (`const method = (request.method ?? "GET").toUpperCase()`).
 */
function methodSourceOf(ctx: FileContext, tested: string, call: Node, params: readonly string[]): { index: number; name: string; options?: true } | null {
  const direct = (text: string): { index: number; name: string; options?: true } | null => {
    const member = /^([A-Za-z_$][\w$]*)\.method$/.exec(text);
    if (member !== null) {
      const index = params.indexOf(member[1]!);
      return index >= 0 ? { index, name: member[1]!, options: true } : null;
    }
    const index = params.indexOf(text);
    return index >= 0 ? { index, name: text } : null;
  };
  const found = direct(tested);
  if (found !== null || tested.includes('.')) return found;
  const bound = lastBindingBefore(ctx, tested, call);
  const read = bound === null ? null : /^[(\s]*([A-Za-z_$][\w$]*(?:\.method)?)\b/.exec(bound.text);
  return read === null || read[1] === tested ? null : direct(read[1]!);
}

/** A dispatched verb call (`dispatchedMethodParameter`) of a function this file calls: its callers decide. */
function dispatchedForCallers(ctx: FileContext, call: Node): boolean {
  if (methodOfPath(calleePath(ctx, call)) === null) return false;
  const fn = namedEnclosingFunction(call, ctx.family);
  const name = fn === null ? null : functionName(fn);
  if (fn === null || name === null || callersOf(ctx, fn, name).length === 0) return false;
  const params = ownParameters(fn);
  return dispatchedMethodParameter(ctx, call, params) !== null;
}

/**
 * Whether a caller of a request dispatcher makes it send the verb its call there is picked by: the
 * method it hands in (or the `method` of the options it writes out) is a write, or is not written
 * out at all (`{ ...request, headers }`: its own caller's) and may be. A caller asking a stateless
 * endpoint (`{ method: "POST", url: this.config.loginPath }`, a `grant_type` body) writes nothing.
 */
export function dispatchedWrite(ctx: FileContext, call: Node, passed: Node | undefined, options: boolean, name: string): boolean {
  const vocab = ctx.vocab.calls[name];
  return vocab !== undefined && dispatchedWriteWith(ctx, call, passed, options, compile(vocab));
}

function dispatchedWriteWith(ctx: FileContext, call: Node, passed: Node | undefined, options: boolean, v: CompiledCallVocabulary): boolean {
  if (passed === undefined || asksStatelessEndpoint(ctx, call, v)) return false;
  const writes = (given: Node) => {
    const method = stringValue(given);
    return method === null || v.httpMethods.has(method.toUpperCase());
  };
  if (!options) return writes(passed);
  if (passed.type !== 'object' && passed.type !== 'dictionary') return true;
  const given = literalEntries(passed).find((e) => normalizeName(e.key) === 'method')?.value;
  if (given === undefined) return passed.namedChildren.some((c) => c.type === 'spread_element' || c.type === 'dictionary_splat');
  return writes(given);
}

/** Case changes: the method they return is the one they are given (`method.toUpperCase()`). */
const CASE_CHANGES = new Set(['toUpperCase', 'toLowerCase', 'upper', 'lower']);

/** `method.toUpperCase()` / `method.upper()` → `method`; null for anything else. */
function caseChangeOperand(ctx: FileContext, node: Node): Node | null {
  if (!isCall(node, ctx.family) || callArguments(node).length > 0) return null;
  const fn = node.childForFieldName('function');
  if (fn === null || (fn.type !== 'member_expression' && fn.type !== 'attribute')) return null;
  const name = fn.childForFieldName('property') ?? fn.childForFieldName('attribute');
  return name !== null && CASE_CHANGES.has(name.text) ? fn.childForFieldName('object') : null;
}

const QUOTE = /['"`]/;
const quotedArguments = perFile('quoted-arguments', () => new Map<number, boolean>());

/**
 * `callOgaviral('balance', {})`: a helper handed, as a literal, an endpoint or action the
 * vocabulary calls stateless (`exclude_url_words`: balance, status, verify) asks and changes nothing.
 */
export function namesStatelessEndpoint(ctx: FileContext, call: Node, name: string): boolean {
  const vocab = ctx.vocab.calls[name];
  if (vocab === undefined || !compile(vocab).hasExcludeUrlWords) return false;
  const words = compile(vocab).excludeUrlWords;
  // Only a string literal names an endpoint, and a literal is quoted: most argument lists hold none.
  // Asked per vocabulary of the same call: its arguments are read once.
  const known = quotedArguments(ctx);
  let quoted = known.get(call.id);
  if (quoted === undefined) {
    const args = call.childForFieldName('arguments');
    known.set(call.id, (quoted = args !== null && QUOTE.test(ctx.source.slice(args.startIndex, args.endIndex))));
  }
  if (!quoted) return false;
  return callArguments(call).some((arg) => {
    const s = keywordArgument(arg) === null ? (stringValue(arg) ?? boundString(ctx, arg, call)) : null;
    return s !== null && /^[\w./-]+$/.test(s) && words.anyWordOf(s);
  });
}

/** `endpoint = "Payout/name-enquiry"` … `self._make_request("POST", endpoint, …)`: the string a local name holds at the call. */
function boundString(ctx: FileContext, arg: Node, call: Node): string | null {
  if (arg.type !== 'identifier') return null;
  const bound = lastBindingBefore(ctx, arg.text, call);
  return bound === null ? null : stringValue(bound);
}

/** `client.post(GHL_ENDPOINTS.CONTACT_UPSERT, body)`: a write whose URL names an endpoint that is idempotent by itself (`idempotent_url_words`). */
export function writesToIdempotentEndpoint(ctx: FileContext, call: Node, name: string): boolean {
  const vocab = ctx.vocab.calls[name];
  if (vocab === undefined || vocab.idempotent_url_words.length === 0) return false;
  return urlHas(ctx, call, compile(vocab).idempotentUrlWords);
}

/** Whether the vocabulary counts an HTTP request with this method as one of its calls. */
export function vocabularyWritesWith(ctx: FileContext, name: string, method: string): boolean {
  const vocab = ctx.vocab.calls[name];
  return vocab !== undefined && !compile(vocab).hasUrlWords && compile(vocab).httpMethods.has(method.toUpperCase());
}

/**
 * The parameters of `params` a request's URL is built from: `fetch(`${GRAPH_BASE}/${path}`, …)`,
 * `axios.post(baseUrl + path, …)`, `const url = `${BASE}/${path}`; fetch(url, …)` → `path`.
 */
export function urlParametersOf(ctx: FileContext, call: Node, params: readonly string[]): { index: number; name: string }[] {
  const args = callArguments(call);
  const first = args[0] !== undefined && keywordArgument(args[0]) === null && URL_EXPRESSIONS.has(args[0].type) ? [args[0]] : [];
  const options = args.flatMap((a) => {
    const kw = keywordArgument(a);
    if (kw) return ENDPOINT_OPTIONS.has(normalizeName(kw.name)) ? [kw.value] : [];
    return literalEntries(a).flatMap((e) => (ENDPOINT_OPTIONS.has(normalizeName(e.key)) ? [e.value] : []));
  });
  const urls = [...first, ...options];
  // A URL held in a local name: the value it was last bound to before the request.
  for (const u of [...urls]) if (u.type === 'identifier' && !params.includes(u.text)) {
    const bound = lastBindingBefore(ctx, u.text, call);
    if (bound !== null) urls.push(bound);
  }
  const names = urls.flatMap((u) => (u.type === 'identifier' ? [u.text] : u.descendantsOfType('identifier').map((n) => n.text)));
  return [...new Set(names)].flatMap((name) => (params.includes(name) ? [{ index: params.indexOf(name), name }] : []));
}

/**
 * `graphRequest(`${phoneNumberId}/messages`, token, body)` whose helper POSTs to `${GRAPH_BASE}/${path}`:
 * for a vocabulary known by where a request goes (`url_words`), a generic client's write `call`
 * whose URL comes from the helper's parameter goes where the caller's argument `handed` says.
 */
export function writesToHandedUrl(ctx: FileContext, call: Node, name: string, handed: Node): boolean {
  const vocab = ctx.vocab.calls[name];
  if (vocab === undefined) return false;
  const v = compile(vocab);
  if (!v.hasUrlWords || !isHttpClientCall(ctx, call, name) || isGraphqlRead(ctx, call)) return false;
  const method = httpMethodOf(call) ?? boundHttpMethod(ctx, call) ?? methodOfPath(calleePath(ctx, call));
  if (method === null || !v.httpMethods.has(method.toUpperCase())) return false;
  if (!URL_EXPRESSIONS.has(handed.type)) return false;
  const text = urlPath(ctx.source.slice(handed.startIndex, handed.endIndex));
  // A path, not a bare value: `sendRequest(`${id}/messages`)`, `post("/v1/push/send")`, not `notify(message)`.
  if (!text.includes('/')) return false;
  // A kept word (`webhook`) outweighs an excluded one, as in `urlHas` and `handsStatelessPath`.
  return v.urlWords.anyWordOf(text) && !(v.excludeUrlWords.anyWordOf(text) && !v.keepUrlWords.anyWordOf(text));
}

/** Whether `call` is made with a generic HTTP client of the vocabulary (its method decides). */
export function isHttpClientCall(ctx: FileContext, call: Node, name: string): boolean {
  const vocab = ctx.vocab.calls[name];
  if (vocab === undefined) return false;
  const path = calleePath(ctx, call);
  const v = compile(vocab);
  return !v.httpClients.empty && v.httpClients.matches(path) && !v.exclude.matches(path) && !isPassive(ctx, path);
}

/**
 * A GraphQL query sent as POST (`json={"query": PAYMENTS_QUERY}`) reads: only a `mutation` writes.
 * Decided on the call's own text, so a query built elsewhere still counts as a write.
 */
function isGraphqlRead(ctx: FileContext, call: Node): boolean {
  const text = ctx.source.slice(call.startIndex, call.endIndex);
  // `query: { broadcaster_id }` is a URL's query string, not a GraphQL document.
  if (/["'`]?\bquery["'`]?\s*[:=](?!\s*\{)/.test(text) && !/\bmutation\b/i.test(text)) return true;
  return handsGraphqlQuery(ctx, call) || graphqlTransportOfQueries(ctx, call) || isJsonRpcRead(ctx, text);
}

/**
 * `fetch(rpcUrl, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', method:
 * 'eth_getUserOperationReceipt', params }) })`: a JSON-RPC request always goes as POST, and what it does
 * is the procedure it names. A procedure whose name, past its namespace (`eth_`, `starknet_`), starts
 * with a read verb (`read_verbs`: `getBalance`, `eth_getTransactionReceipt`) only reads; a poll loop
 * asking for a receipt creates nothing. Decided on the call's own text, as GraphQL's query is: every
 * procedure named there must read (`eth_sendRawTransaction` beside it makes the call a write).
 */
function isJsonRpcRead(ctx: FileContext, text: string): boolean {
  if (!/["']?\bjsonrpc["']?\s*[:=]/.test(text)) return false;
  const named = [...text.matchAll(/["']?\bmethod["']?\s*[:=]\s*["'`]([A-Za-z][\w.]*)["'`]/g)].map((m) => m[1] ?? '').filter((m) => !HTTP_METHOD_NAMES.has(m.toUpperCase()));
  if (named.length === 0) return false;
  const reads = wordSet(ctx, 'read_verbs', ctx.vocab.read_verbs);
  return named.every((m) => reads.has(splitWords(m.replace(/^[a-z\d]+_(?=[a-z])/, ''))[0] ?? ''));
}

/**
 * `shopifyGraphQL(query, vars)` with `const query = `query ReadInventory($id: ID!) { … }``, or with
 * `query` a parameter of the enclosing function whose every caller in this file hands it a query
 * document (`shopifyGqlWithRetry(PRODUCTS_QUERY, …)`): a request carrying only GraphQL query
 * documents reads, whatever transport posts it. One mutation document among them makes it a write.
 */
export function handsGraphqlQuery(ctx: FileContext, call: Node): boolean {
  const kinds = callArguments(call)
    .slice(0, 2)
    .flatMap((arg) => documentsOf(ctx, call, arg));
  return kinds.length > 0 && kinds.every((k) => k === 'query');
}

/** The GraphQL operation kinds an argument holds: a literal, a name bound to one, or a parameter every caller of this file fills with one. */
function documentsOf(ctx: FileContext, call: Node, arg: Node): ('query' | 'mutation')[] {
  const value = unwrapValue(arg);
  if (value === null) return [];
  if (value.type !== 'identifier') return documentKind(value);
  const bound = unwrapValue(lastBindingBefore(ctx, value.text, call));
  if (bound !== null) return documentKind(bound);
  const fn = namedEnclosingFunction(call, ctx.family);
  const fnName = fn === null ? null : functionName(fn);
  const index = fn === null ? -1 : ownParameters(fn).indexOf(value.text);
  // An exported helper may be handed a mutation by a caller of another file: only a function whose
  // every caller is in this file is read from its callers (review 30 item 3).
  if (fn === null || fnName === null || index < 0 || !calledOnlyHere(ctx, fn)) return [];
  const callers = callersOf(ctx, fn, fnName).filter((c) => !contains(fn, c));
  const handed = callers.map((c) => {
    const given = unwrapValue(argumentFor(callArguments(c), { index, name: value.text }) ?? null);
    if (given === null) return [];
    const held = given.type === 'identifier' ? unwrapValue(lastBindingBefore(ctx, given.text, c)) : given;
    return held === null ? [] : documentKind(held);
  });
  // Every caller must show its document: one handing something unseen may hand a mutation.
  return handed.length > 0 && handed.every((h) => h.length > 0) ? handed.flat() : [];
}

/**
 * Every caller of `fn` is in this file: a function nested in another; a private method (TypeScript
 * `private`, `#name`, Python `_name`); a module-level function no other file can import (JavaScript:
 * neither declared in an `export` nor named, outside a function body, by an `export` statement or an
 * `exports` / `module.exports` assignment; Python: a `_name`, of a `_Class` for a method). A public
 * method of a class or object may be called through an instance anywhere.
 */
function calledOnlyHere(ctx: FileContext, fn: Node): boolean {
  const name = functionName(fn) ?? '';
  const python = ctx.family === 'python';
  const privateName = (n: string) => (python ? /^_(?!_)/.test(n) : n.startsWith('#'));
  let holder: Node | null = null;
  for (let p = fn.parent; p !== null && !isFunction(p, ctx.family); p = p.parent) {
    if (['class_body', 'class_definition', 'object'].includes(p.type)) {
      holder = p;
      break;
    }
  }
  if (holder !== null) {
    if (privateName(name) || fn.children.some((c) => c.type === 'accessibility_modifier' && c.text === 'private') || fn.parent?.children.some((c) => c.type === 'accessibility_modifier' && c.text === 'private')) return true;
    const cls = holder.type === 'class_definition' ? holder : null;
    return python && cls !== null && enclosingFunction(cls, ctx.family) === null && privateName(cls.childForFieldName('name')?.text ?? '');
  }
  if (enclosingFunction(fn, ctx.family) !== null) return true;
  if (python) return privateName(name);
  let top = fn;
  while (top.parent !== null && top.parent.type !== 'program') top = top.parent;
  return !isModuleExport(top) && !exportedNames(ctx).has(name);
}

function isModuleExport(statement: Node): boolean {
  return statement.type === 'export_statement' || (statement.type === 'expression_statement' && /\b(module\.)?exports\b/.test(statement.text));
}

/** Names an `export` statement or an `exports` assignment of the module hands out (outside function bodies). */
function exportedNames(ctx: FileContext): Set<string> {
  return ctx.memo('exported-names', () => {
    const out = new Set<string>();
    for (const statement of ctx.root.namedChildren) {
      if (!isModuleExport(statement)) continue;
      for (const id of statement.descendantsOfType(['identifier', 'shorthand_property_identifier'])) {
        if (id !== null && enclosingFunction(id, ctx.family) === null) out.add(id.text);
      }
    }
    return out;
  });
}

/**
 * A query document's head: the operation keyword, an optional name, variables and directives, then its
 * selection set (`query GetX($id: ID!) {`, `subscription {`). The bare word `'subscription'` or
 * `'query'` (a REST resource, a URL part: `createResource('subscription', …)`) is not a document.
 */
const QUERY_DOCUMENT = /^(?:query|subscription)\b\s*(?:[A-Za-z_]\w*\s*)?(?:\([^)]*\)\s*)?(?:@\w+(?:\([^)]*\))?\s*)*\{/;

/** `query Name(…) {`, `{ products { … } }` (a query), `mutation …` (a write), in a string literal; nothing for any other value. */
function documentKind(node: Node): ('query' | 'mutation')[] {
  if (node.type !== 'string' && node.type !== 'template_string') return [];
  // A Python f-string's leading `{` is an interpolation (`f"{base_url}/api/send"`), no selection set.
  if (/^[rbu]*f/i.test(node.text)) return [];
  const text = node.text.replace(/^[rbu]*["'`]+/i, '').replace(/^\s*(#[^\n]*\n\s*)*/, '');
  if (/^mutation\b/.test(text)) return ['mutation'];
  // `query Name(…) {`, `subscription {`, or an anonymous query's selection set `{ products(first: 5) {`.
  if (QUERY_DOCUMENT.test(text) || /^\{\s*[A-Za-z_]\w*\s*[({]/.test(text)) return ['query'];
  return [];
}

/**
 * `def run_graphql_request(graphql_query, …): requests.post(SLAB_API_URL, json=graphql_query)` with
 * `SLAB_API_URL = "https://api.slab.com/v1/graphql"`: a request to a GraphQL endpoint (vocabulary
 * `graphql_url_words`) sends whatever document its callers hand it. When every document the file
 * writes is a query (`query GetAllPostIds { … }`) and none a mutation, it only reads.
 */
function graphqlTransportOfQueries(ctx: FileContext, call: Node): boolean {
  if (ctx.vocab.graphql_url_words.length === 0) return false;
  const documents = graphqlOperations(ctx);
  if (!documents.queries || documents.mutations) return false;
  return urlHas(ctx, call, wordSet(ctx, 'graphql_url_words', ctx.vocab.graphql_url_words));
}

/** Which GraphQL operations the file's text writes: `query Name {`, `query ($id: ID!) {`, `mutation Name(…) {`. */
function graphqlOperations(ctx: FileContext): { queries: boolean; mutations: boolean } {
  return ctx.memo('graphql-operations', () => ({
    queries: /\bquery\s+[A-Za-z_]\w*\s*[({]|["'`]\s*query\s*[({]/.test(ctx.source),
    mutations: /\bmutation\b\s*(?:[A-Za-z_]\w*\s*)?[({]/i.test(ctx.source),
  }));
}

/**
 * A callee named for one operation (`sendPaymentNotification`, `dao.create_delivery`: two words or
 * more in its last name), as opposed to a generic client's bare verb (`post`, `send`, `execute`),
 * whose calls with other arguments are other requests.
 */
export function namesOneOperation(path: string): boolean {
  return splitWords(lastSegment(path)).length >= 2;
}
