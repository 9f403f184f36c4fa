import { compiledOnce } from '../compiled.js';
import { calleePath, callsWithin, nodesWithin } from '../file-index.js';
import { projectImportOf } from '../imports.js';
import { callerForwardedPairs, callerForwardedValues, callersOf, callerWriteArguments, matchedByVerbOnly, writesOnlyForCallers, writesToIdempotentEndpoint, writingCallers } from '../call-vocabulary.js';
import { helperTarget } from './call.js';
import { reachedCallsOf, resolveLocalFunction } from '../local-helpers.js';
import { lastBindingBefore } from '../bindings.js';
import { WordSet, normalizeName, splitWords } from '../names.js';
import {
  callTypes,
  BINDING_TYPES,
  bindingOf,
  argCountOf,
  callArguments,
  callee,
  contains,
  dottedPath,
  functionBody,
  enclosingFunction,
  functionName,
  functionParameters,
  isCall,
  keywordArgument,
  lastSegment,
  literalEntries,
  namedEnclosingFunction,
  namesUnder,
  ownParameters,
  stringsUnder,
  stringValue,
  accessedField,
  unwrapAwait,
  type Node,
} from '../syntax.js';
import type { Candidate, FileContext, Matcher } from '../types.js';

/**
 * `idempotency-key[: <keys>]` — the candidate call passes a key from the named key list
 * (`keys.idempotency` by default; AP-002 uses `keys.dedup`): as a keyword argument, an argument
 * named for it, an object property or header anywhere in the arguments (`{ headers: {
 * 'Idempotency-Key': k } }`, Stripe's `create(params, { idempotencyKey })`), or through a variable
 * or spread whose assignments earlier in the same function carry it (`headers = {...}`,
 * `headers["Idempotency-Key"] = k`, `**opts`).
 * A `**kwargs` / `...options` spread of the enclosing function's own parameter is trusted to
 * carry the key: the caller decides, and flagging every pass-through wrapper would be noise.
 * Handed to a function of the project, the spread carries a key only where that function's
 * body takes one (judged there, here or at link time).
 */
export const idempotencyKeyMatcher: Matcher = {
  kind: 'idempotency-key',
  summary: 'the call passes an idempotency (or dedup) key in its arguments, headers or options',
  validate: (param, vocab) =>
    vocab.keys[param ?? 'idempotency'] === undefined
      ? `names the key list "${param ?? 'idempotency'}", which is not defined under vocabulary keys (known: ${Object.keys(vocab.keys).join(', ')})`
      : null,
  test(ctx, param, candidate) {
    const call = candidate.node;
    const list = param ?? 'idempotency';
    // For an imported helper, whether its own call passes a key is decided at link time.
    const helper = (candidate.requires ?? []).find((r) => r.kind === 'helper');
    if (helper?.kind === 'helper') helper.keyList = list;
    if (!isCall(call, ctx.family)) return false;
    if (addressesConfiguredResource(ctx, call)) return true;
    if (candidate.vocab !== undefined && writesToIdempotentEndpoint(ctx, call, candidate.vocab)) return true;
    if (helper?.kind === 'helper') Object.assign(helper, argumentKeys(ctx, call, candidate.scope?.body));
    if (passesKey(ctx, call, list)) return candidate.scope === undefined || (!freshPerAttempt(ctx, call, candidate.scope.body, list) && !leftOutByRetriedCall(ctx, call, candidate.scope.via?.call, list));
    // A request whose method and options its callers hand in (`this.request(url, { method: 'POST', headers })`):
    // keyed when every caller that asks for a write hands in a key with it.
    const given = candidate.vocab ? callerWriteArguments(ctx, call, candidate.vocab) : [];
    if (given.length > 0 && given.every((arg) => namesUnder(arg).some(keyTest(ctx, list)) || stringsUnder(arg).some(keyTest(ctx, list)))) return true;
    // `_request("POST", "/pay", json={"request_id": rid, …})`: each writing caller hands the key in with the body.
    const forwarded = candidate.vocab ? callerForwardedValues(ctx, call, candidate.vocab) : [];
    if (forwarded.length > 0 && forwarded.every((values) => forwardsKey(ctx, call, list, values))) return true;
    if (helper === undefined && candidate.vocab && resolveLocalFunction(ctx, call) === null) {
      const path = dottedPath(callee(call));
      // `client = ZohoDeskClient()` then `client.create_ticket(…)`: the method of the imported class.
      const { local, typed } = helperTarget(ctx, call, path);
      if (local !== undefined) {
        const bodyDecides = matchedByVerbOnly(ctx, call, candidate.vocab) ? { bodyDecides: true as const } : {};
        (candidate.requires ??= []).push({ kind: 'helper', local, vocab: candidate.vocab, keyList: list, mode: 'unless-keyed', ...bodyDecides, ...(typed ? { typed } : {}), ...argCountOf(call, ctx.family), ...argumentKeys(ctx, call, candidate.scope?.body) });
      }
    }
    // A helper defined in this file is keyed when every call it makes of that kind passes a key.
    const inner = innerCalls(ctx, call);
    const fn = inner.length > 0 ? resolveLocalFunction(ctx, call) : null;
    const filled = argCountOf(call, ctx.family).argCount;
    return inner.length > 0 && inner.every((c) => {
      if (!passesKey(ctx, c, list)) return false;
      // A key the helper makes afresh on each call (`reference: `${payout.id}-retry-${Date.now()}``) is a
      // new key on each attempt of the retry around its call: no key at all.
      const made = functionBody(enclosingFunction(c, ctx.family) ?? c);
      if (made !== null && made.id !== c.id && freshPerAttempt(ctx, c, made, list)) return false;
      // A key spread from the helper's own parameter is there only when this call fills it.
      const at = fn === null || filled === undefined ? null : keyParameter(ctx, fn, c, list);
      if (at !== null && at >= filled!) return false;
      // …and fills it with an object that can carry one (`{ method: 'POST', body }` written out carries none).
      if (at !== null && writtenWithoutKey(ctx, callArguments(call)[at], c, list)) return false;
      // A key the helper builds from its parameter (`idempotency_key: p.id`) is as stable as what this
      // call hands in for it: a record's id is, a value made afresh in the attempt (`{ id: uuidv4() }`) is not.
      const given = callArguments(call);
      return fn === null || candidate.scope === undefined || !keyParameters(ctx, fn, c, list).some((i) => given[i] !== undefined && freshValue(ctx, given[i]!, call, candidate.scope!.body));
    });
  },
};

/**
 * Whether the values a caller hands a request helper (`_request("POST", "/pay", json={"request_id": rid})`)
 * carry a key. The provider may be named only by what the caller hands in (`_make_api_call(VTPASS_URL + "pay", payload)`).
 */
function forwardsKey(ctx: FileContext, call: Node, list: string, values: readonly Node[]): boolean {
  const isForwardedKey = keyTest(ctx, withProviderKeys(ctx, call, list, values));
  return values.some((v) => namesUnder(v).some(isForwardedKey) || stringsUnder(v).some(isForwardedKey));
}

/**
 * A request that writes only because callers hand its function a write method (`makeRequest(method, …)`
 * retrying `this.client({ method, … })`, called as `makeRequest('POST', '/order/shipment/batch', payload)`):
 * the callers that ask for an unkeyed write name the operation the loop repeats, so each becomes a
 * related location ("createShipments calls this.makeRequest here"). Not named: a caller whose
 * values carry a key, and one that hands on a parameter of its own (`createStandardTransfer(transferData)`),
 * whose key, if any, its own callers set (as a spread of the function's own options is trusted to
 * carry one). Added once the candidate has passed its tests: they read `… calls … here` locations
 * as the way a candidate is reached, and these are the way back out.
 */
export function nameUnkeyedWritingCallers(ctx: FileContext, candidate: Candidate, list = 'idempotency'): void {
  const call = candidate.node;
  const vocab = candidate.vocab;
  if (vocab === undefined || vocab === '' || !isCall(call, ctx.family) || candidate.captures.via !== undefined || !writesOnlyForCallers(ctx, call, vocab)) return;
  const forwarded = new Map(callerForwardedPairs(ctx, call, vocab).map((p) => [p.caller.id, p.values]));
  for (const caller of writingCallers(ctx, call, vocab)) {
    if (forwardsKey(ctx, call, list, forwarded.get(caller.id) ?? []) || handsOnOwnParameter(ctx, caller)) continue;
    const from = namedEnclosingFunction(caller, ctx.family);
    candidate.related.push({ node: caller, message: `${(from && functionName(from)) ?? calleePath(ctx, caller)} calls ${calleePath(ctx, caller)} here` });
  }
}

/**
 * Whether `caller`, a call in this file of the request helper around `call` that hands it a write
 * method (`insertProductInput(…)` calling `requestJson(url, "POST", { offerId, … })`), hands a key of
 * `list` in with its values: what that caller writes through the helper is keyed, whatever the
 * helper's other callers hand in. Read by the summary, so a caller of that function in another
 * file is judged by it too.
 */
export function callerHandsKey(ctx: FileContext, call: Node, caller: Node, list: string): boolean {
  for (const vocab of Object.keys(ctx.vocab.calls)) {
    const pair = callerForwardedPairs(ctx, call, vocab).find((p) => p.caller.id === caller.id);
    if (pair !== undefined) return forwardsKey(ctx, call, list, pair.values);
  }
  return false;
}

/** `createOrder(order) { return makeRequest('POST', '/order/', order) }`: the call hands on a parameter of its function whole. */
function handsOnOwnParameter(ctx: FileContext, caller: Node): boolean {
  const fn = enclosingFunction(caller, ctx.family);
  if (fn === null) return false;
  const params = new Set(ownParameters(fn));
  return callArguments(caller).some((a) => {
    const value = keywordArgument(a)?.value ?? a;
    return value.type === 'identifier' && params.has(value.text) && lastBindingBefore(ctx, value.text, caller) === null;
  });
}

/**
 * Reached through a helper of this file (`withRetry(() => univapayRequest(path, { method: 'POST', body }))`
 * whose `fetch(url, { ...options, headers: { ...options.headers } })` spreads its parameter): a key
 * that can come only through that parameter is not there when the retried call hands it an object
 * written out without one (no key among its names or strings, nothing spread into it), or leaves it out.
 */
function leftOutByRetriedCall(ctx: FileContext, call: Node, retried: Node | undefined, list: string): boolean {
  if (retried === undefined) return false;
  const fn = enclosingFunction(call, ctx.family);
  if (fn === null || resolveLocalFunction(ctx, retried)?.id !== fn.id) return false;
  const at = keyParameter(ctx, fn, call, list);
  if (at === null) return false;
  const given = callArguments(retried)[at];
  return given === undefined || writtenWithoutKey(ctx, given, call, list);
}

/** An object written out in the call (`{ method: 'POST', body }`) with no key among its names or strings and nothing spread into it. */
function writtenWithoutKey(ctx: FileContext, given: Node | undefined, call: Node, list: string): boolean {
  if (given === undefined) return false;
  const value = unwrapAwait(given) ?? given;
  if (value.type !== 'object' && value.type !== 'dictionary') return false;
  if (value.descendantsOfType(['spread_element', 'dictionary_splat']).length > 0) return false;
  const isKey = keyTest(ctx, withProviderKeys(ctx, call, list));
  return !namesUnder(value).some(isKey) && !stringsUnder(value).some(isKey);
}

/** The key names of a list; `list@provider` adds the provider keys of `list` (see `withProviderKeys`). */
function keyNames(ctx: FileContext, list: string): string[] {
  const [base = list, provider] = list.split('@');
  const own = ctx.vocab.keys[base] ?? [];
  if (provider === QUEUE_ADD) return [...own, ...Object.values(ctx.vocab.calls).flatMap((c) => c.queue_dedup_keys)];
  return provider === undefined ? own : [...own, ...ctx.vocab.provider_keys.filter((p) => p.list === base).flatMap((p) => p.keys)];
}

/**
 * `list@provider` when `call` goes to a provider of `provider_keys` for the list (a word of the
 * called name, of the class around it, of a string in its first argument, or of what the caller of a
 * helper that forwards them hands in: `flutterwaveService.
 * initiatePayout`, `FlutterwaveService`'s `httpClient.post`, `"https://api.paystack.co/transfer"`).
 */
function withProviderKeys(ctx: FileContext, call: Node, list: string, handed: readonly Node[] = []): string {
  if (list === 'dedup' && addsDedupedJob(ctx, call)) return `${list}@${QUEUE_ADD}`;
  const entries = ctx.vocab.provider_keys.filter((p) => p.list === list);
  if (entries.length === 0) return list;
  // A provider named by its API host (`merchantapi.googleapis.com`) is named only by a URL holding it.
  const providers = compiledOnce(ctx.vocab, `providers:${list}`, () => new WordSet(entries.flatMap((p) => p.providers).filter((p) => !p.includes('.'))));
  const hosts = compiledOnce(ctx.vocab, `provider-hosts:${list}`, () => entries.flatMap((p) => p.providers).filter((p) => p.includes('.')).map((p) => p.toLowerCase()));
  const brands = compiledOnce(ctx.vocab, 'brand-words', () => new WordSet(ctx.vocab.brand_words));
  // The URL: the first argument or a `url=` keyword, read through the variable that holds it (`url = f"{VTPASS_BASE_URL}{path}"`).
  const args = callArguments(call);
  const given = args.map(keywordArgument).find((kw) => kw?.name === 'url')?.value ?? (args[0] !== undefined && keywordArgument(args[0]) === null ? args[0] : undefined);
  const first = given?.type === 'identifier' ? (lastBindingBefore(ctx, given.text, given) ?? given) : given;
  // What a caller hands a helper that forwards it (its URL among them) names the provider too.
  const url = [first, ...handed].flatMap((n) => (n === undefined ? [] : [...stringsUnder(n), ...namesUnder(n), ...interpolatedPieces(ctx, n)]));
  // A brand its class writes in capitals (`class VTPassAdapter`: vt + pass) names the provider as its URL would.
  const said =
    [calleePath(ctx, call), enclosingClassName(call) ?? '', ...url].some((text) => providers.hasWordOrBrand(splitWords(text), brands)) ||
    (hosts.length > 0 && url.some((text) => hosts.some((h) => text.toLowerCase().includes(h))));
  return said ? `${list}@provider` : list;
}

/** The `list@…` suffix of a queue add whose options carry a dedup key (see `addsDedupedJob`). */
const QUEUE_ADD = 'queue-add';

/**
 * `mailQueue.add('receipt', data, { jobId: `receipt-${id}` })`: a job added (vocabulary `queue_methods`)
 * with a dedup key (`queue_dedup_keys`) in its options argument, the one after the job's data, and no
 * option that lets the same id in again (`queue_dedup_releases`: `removeOnComplete`) on the call or in
 * the `defaultJobOptions` the queue was made with.
 */
function addsDedupedJob(ctx: FileContext, call: Node): boolean {
  const vocabs = Object.values(ctx.vocab.calls).filter((c) => c.queue_dedup_keys.length > 0 && c.queue_methods.includes(lastSegment(calleePath(ctx, call))));
  if (vocabs.length === 0) return false;
  const options = callArguments(call).filter((a) => keywordArgument(a) === null)[2];
  if (options === undefined) return false;
  const keys = new Set(vocabs.flatMap((c) => c.queue_dedup_keys).map(normalizeName));
  const releases = new Set(vocabs.flatMap((c) => c.queue_dedup_releases).map(normalizeName));
  const said = (node: Node, words: ReadonlySet<string>) => [...namesUnder(node), ...stringsUnder(node)].some((n) => words.has(normalizeName(n)));
  if (!said(options, keys) || said(options, releases)) return false;
  const receiver = callee(call)?.childForFieldName('object');
  const made = receiver?.type === 'identifier' ? lastBindingBefore(ctx, receiver.text, call) : null;
  return made === null || !said(made, releases);
}

/** String types whose literal text and interpolations are children (Python's f-strings, JavaScript's template strings). */
const INTERPOLATED = ['string', 'template_string'];
const PIECE_TYPES = new Set(['string_content', 'string_fragment']);
const HOLE_TYPES = new Set(['interpolation', 'template_substitution']);

/** `node` itself when it is a string, and every string under it. */
function interpolatedStrings(node: Node): Node[] {
  const under = node.descendantsOfType(INTERPOLATED);
  return INTERPOLATED.includes(node.type) ? [node, ...under] : under;
}

/**
 * The literal pieces of the interpolated strings under `node` (`f"https://{region}-rcsbusinessmessaging.googleapis.com"`
 * gives `https://`, `-rcsbusinessmessaging.googleapis.com`), and those of the strings a name it
 * interpolates was last bound to (`url = f"{base_url}/v1/phones/…"` after `base_url = f"https://…"`): one level.
 */
function interpolatedPieces(ctx: FileContext, node: Node, depth = 0): string[] {
  const text = ctx.source.slice(node.startIndex, node.endIndex);
  if (!text.includes('{')) return [];
  const out: string[] = [];
  for (const s of interpolatedStrings(node)) {
    for (const c of s.namedChildren) {
      if (PIECE_TYPES.has(c.type)) out.push(c.text);
      const inner = HOLE_TYPES.has(c.type) ? c.firstNamedChild : null;
      if (depth === 0 && inner?.type === 'identifier') {
        const bound = lastBindingBefore(ctx, inner.text, inner);
        if (bound !== null) out.push(...stringsUnder(bound), ...interpolatedPieces(ctx, bound, 1));
      }
    }
  }
  return out;
}

/**
 * The query parameters of a URL written under `node` whose value is interpolated and not made afresh
 * for the attempt (`f"…/agentMessages?messageId={message.id}"`, `` `…?eventId=${event.id}` ``): the names a
 * provider may de-duplicate on. A value made per call (`?messageId=${Date.now()}`, `uuid4()`) names nothing stable.
 */
function queryKeysUnder(ctx: FileContext, node: Node, call: Node): string[] {
  const text = ctx.source.slice(node.startIndex, node.endIndex);
  if (!/[?&][A-Za-z_][\w-]*=/.test(text)) return [];
  const out: string[] = [];
  for (const s of interpolatedStrings(node)) {
    const parts = s.namedChildren;
    parts.forEach((c, i) => {
      const m = PIECE_TYPES.has(c.type) ? /[?&]([A-Za-z_][\w-]*)=$/.exec(c.text) : null;
      const hole = parts[i + 1];
      const value = hole !== undefined && HOLE_TYPES.has(hole.type) ? hole.firstNamedChild : null;
      if (m === null || value === null) return;
      if (freshValue(ctx, value, call, enclosingFunction(call, ctx.family) ?? ctx.root)) return;
      out.push(m[1]!);
    });
  }
  return out;
}

function enclosingClassName(node: Node): string | null {
  for (let p = node.parent; p !== null; p = p.parent) {
    if (CLASS_TYPES.has(p.type)) return p.childForFieldName('name')?.text ?? null;
  }
  return null;
}

const CLASS_TYPES = new Set(['class_definition', 'class_declaration', 'class', 'abstract_class_declaration']);

/**
 * A cheap text test: could the source of `node` mention a key of the list? Compares the text with
 * separators removed against the names' literal parts, so it never misses what `keyTest` finds.
 */
function keyText(ctx: FileContext, list: string): (node: Node) => boolean {
  return ctx.memo(`key-text:${list}`, () => {
    const fragments = keyNames(ctx, list).map((k) => k.split('*').map(normalizeName).filter((p) => p.length > 0).sort((a, b) => b.length - a.length)[0] ?? '');
    if (fragments.length === 0 || fragments.some((f) => f === '')) return () => true;
    // A node's text, normalised, is a stretch of the file's normalised text: a fragment the file
    // lacks, no node of it has. The file's text is normalised once for every key list; most files
    // hold no fragment, and then no node's text is sliced and normalised at all.
    const whole = ctx.memo('normalized-root-text', () => normalizeName(ctx.source.slice(ctx.root.startIndex, ctx.root.endIndex)));
    const present = fragments.filter((f) => whole.includes(f));
    if (present.length === 0) return () => false;
    return (node: Node) => node.id === ctx.root.id || present.some((f) => normalizeName(ctx.source.slice(node.startIndex, node.endIndex)).includes(f));
  });
}

function keyTest(ctx: FileContext, list: string): (name: string) => boolean {
  return ctx.memo(`keys:${list}`, () => {
    const patterns = keyNames(ctx, list).map((k) => {
      const body = normalizeName(k.replace(/\*/g, 'STAR')).split('star').join('.*');
      return new RegExp(`^${body}$`);
    });
    const test = (name: string) => {
      const n = normalizeName(name);
      return n.length > 0 && patterns.some((p) => p.test(n));
    };
    return test;
  });
}

/**
 * Whether `call` passes a key of the list in its arguments or a variable built before it, and the
 * key can tell operations apart (not a value read only from the client's configuration).
 */
export function passesKey(ctx: FileContext, call: Node, given: string, distrust?: ReadonlySet<string>): boolean {
  const list = withProviderKeys(ctx, call, given);
  if (!passesSomeKey(ctx, call, list, distrust)) return false;
  const values = keyValuesOf(ctx, call, enclosingFunction(call, ctx.family) ?? ctx.root, list);
  return values.length === 0 || !values.every((v) => readsOnlyConfiguration(ctx, v) || readsCredential(ctx, v) || namesDestination(ctx, call, v));
}

/**
 * `axios.post(webhook.url, payload, { headers: { 'X-Webhook-ID': webhook.id } })`: the value is read
 * off the object the request's URL comes from, and what is sent comes from elsewhere (a `payload`
 * that does not read that object). That object is where the request goes (a subscriber's endpoint),
 * and its id is the same for every request sent there, so it tells no two deliveries apart. A
 * delivery record that carries its own URL, id and body (`fetch(d.url, { headers: { 'X-Delivery-Id':
 * d.id }, body: d.body })`) is one delivery, and its id stays a key; so does one whose body cannot be
 * told apart from the request's options.
 */
function namesDestination(ctx: FileContext, call: Node, given: Node): boolean {
  // `str(webhook.id)`, `String(webhook.id)`: the same value as text.
  const only = isCall(given, ctx.family) && /^(str|String)$/.test(calleePath(ctx, given)) && callArguments(given).length === 1 ? callArguments(given)[0] : undefined;
  const value = only ?? given;
  if (value.type !== 'member_expression' && value.type !== 'attribute') return false;
  const owner = value.childForFieldName('object')?.text;
  if (owner === undefined || !/^[\w$.]+$/.test(owner)) return false;
  const args = callArguments(call);
  const url = args[0] !== undefined && keywordArgument(args[0]) === null ? args[0] : undefined;
  if (url === undefined || (url.type !== 'member_expression' && url.type !== 'attribute') || url.childForFieldName('object')?.text !== owner) return false;
  const sent = sentValues(ctx, args.slice(1), bodyOptions(ctx));
  if (sent.length === 0) return false;
  const reads = new RegExp(`(^|[^\\w$.])${owner.replace(/[$.]/g, '\\$&')}\\b`);
  return !sent.some((node) => {
    if (reads.test(node.text)) return true;
    // `const body = JSON.stringify(delivery.payload)` before the call: the names it reads, as bound there.
    const names = node.type === 'identifier' || node.type === 'shorthand_property_identifier' ? [node] : node.descendantsOfType('identifier');
    return names.some((n) => {
      const bound = lastBindingBefore(ctx, n.text, call);
      return bound !== null && reads.test(bound.text);
    });
  });
}

/** Options that carry what a request sends: the call vocabularies' `body_options` (`body`, `data`, `json`), normalised. */
function bodyOptions(ctx: FileContext): Set<string> {
  return ctx.memo('body-options', () => new Set(Object.values(ctx.vocab.calls).flatMap((v) => v.body_options ?? []).map(normalizeName)));
}

/**
 * What a request sends, among the arguments after its URL: a body keyword or option (`json=`,
 * `{ body }`), or a positional value that is no options object (`axios.post(url, payload, config)`'s
 * `payload`; an object literal with `headers` in it is the request's options).
 */
function sentValues(ctx: FileContext, args: readonly Node[], body: Set<string>): Node[] {
  const out: Node[] = [];
  for (const arg of args) {
    const kw = keywordArgument(arg);
    if (kw !== null) {
      if (body.has(normalizeName(kw.name))) out.push(kw.value);
      continue;
    }
    if (arg.type === 'object' || arg.type === 'dictionary') {
      const entries = literalEntries(arg);
      const sent = entries.filter((e) => body.has(normalizeName(e.key)));
      if (sent.length > 0) out.push(...sent.map((e) => e.value));
      else if (!entries.some((e) => normalizeName(e.key) === 'headers')) out.push(arg);
      continue;
    }
    // A name bound to an options object (`fetch(url, init)`) is read for its body option.
    const bound = arg.type === 'identifier' ? lastBindingBefore(ctx, arg.text, arg) : null;
    const entries = bound !== null && (bound.type === 'object' || bound.type === 'dictionary') ? literalEntries(bound) : [];
    if (entries.some((e) => normalizeName(e.key) === 'headers')) out.push(...entries.filter((e) => body.has(normalizeName(e.key))).map((e) => e.value));
    else out.push(arg);
  }
  return out;
}

/**
 * `"X-Event-Id": webhook.secret`: a value read from a credential (`credential_names`) is the same
 * for every operation made with it, so under a key's name it tells no two apart (karrio's webhooks).
 */
function readsCredential(ctx: FileContext, value: Node): boolean {
  if (!['member_expression', 'attribute', 'identifier'].includes(value.type)) return false;
  const words = ctx.memo('credential-names', () => new Set(ctx.vocab.credential_names.map(normalizeName)));
  const last = value.type === 'identifier' ? value.text : (value.childForFieldName('property') ?? value.childForFieldName('attribute'))?.text;
  return last !== undefined && words.has(normalizeName(last));
}

function passesSomeKey(ctx: FileContext, call: Node, list: string, distrust?: ReadonlySet<string>): boolean {
  const isKey = keyTest(ctx, list);
  const mayHold = keyText(ctx, list);
  const args = call.childForFieldName('arguments');
  if (args === null) return false;
  // Names and strings are read from the tree only when the text could hold a key at all.
  if (mayHold(args) && (namesUnder(args).some(isKey) || stringsUnder(args).some(isKey) || queryKeysUnder(ctx, args, call).some(isKey))) return true;
  // A key's name is a stretch of the file's text (see `keyText`): in a file holding no fragment of
  // the list (nearly every file, for most lists) no local function, receiver or variable builds one,
  // and only a spread the key may travel through is left to look at.
  const fileMayHold = ctx.memo(`file-may-hold:${list}`, () => mayHold(ctx.root));
  if (fileMayHold && builtByLocalFunction(ctx, args, isKey)) return true;
  if (fileMayHold && receiverHoldsKey(ctx, call, isKey)) return true;

  // Variables are looked up in the enclosing function and, for closures (a retry callback), in
  // the functions around it, innermost first.
  const scopes: Node[] = [];
  for (let fn = enclosingFunction(call, ctx.family); fn !== null; fn = enclosingFunction(fn, ctx.family)) scopes.push(fn);
  const params = new Set(scopes.flatMap((fn) => functionParameters(fn)));
  scopes.push(ctx.root);
  // `helpers.create_ticket(*args, **kwargs)`: a function of the project shows in its own body
  // whether a key can arrive through the spread (a key parameter), so the spread is not trusted blindly.
  let forwardsToProject: boolean | undefined;
  const toProject = () => {
    if (forwardsToProject === undefined) {
      const target = helperTarget(ctx, call, calleePath(ctx, call));
      // A member call known only by its type (`client.charges.create`) may be a library's: trusted.
      forwardsToProject = resolveLocalFunction(ctx, call) !== null || (target.local !== undefined && !target.typed);
    }
    return forwardsToProject;
  };
  // The callers' calls go where they go: the keys of their providers count (`list@provider`).
  const callersList = `${list.split('@')[0] ?? list}@provider`;
  const callersMayHold = () => ctx.memo(`file-may-hold:${callersList}`, () => keyText(ctx, callersList)(ctx.root));
  for (const arg of callArguments(call)) {
    for (const ref of referencedNames(ctx, arg)) {
      if (ref.trusted && params.has(ref.name) && distrust?.has(ref.name) !== true && !toProject()) return true;
      if (fileMayHold && scopes.some((scope) => carriedByVariable(ctx, scope, ref.name, call, list))) return true;
      if (callersMayHold() && distrust?.has(ref.name) !== true && bodyKeyedByCallers(ctx, call, ref.name, list)) return true;
    }
    if (spreadsProjectCall(ctx, arg)) return true;
  }
  return false;
}

/** Functions whose callers are being asked (`bodyKeyedByCallers`): a caller of a caller is not asked again. */
const askingCallers = new Set<number>();

/**
 * `@retry(…) def _make_api_call(url, payload=None): requests.post(url, json=payload)` called only as
 * `_make_api_call(URL + "pay", payload)` after `payload = {"request_id": request_id, …}`: the body is
 * a parameter of the function around the write, and every caller of that function in this file
 * hands in a body that carries a key, built before the function (and any retry inside it) runs,
 * so each attempt sends the caller's key. A function no caller of this file calls is not judged here.
 */
function bodyKeyedByCallers(ctx: FileContext, call: Node, name: string, list: string): boolean {
  const fn = enclosingFunction(call, ctx.family);
  if (fn === null || askingCallers.has(fn.id)) return false;
  const names = functionParameters(fn);
  const at = names.indexOf(name);
  const own = functionName(fn);
  if (at < 0 || own === null || ['self', 'cls', 'this'].includes(name)) return false;
  const offset = ctx.family === 'python' && (names[0] === 'self' || names[0] === 'cls') ? 1 : 0;
  const callers = callersOf(ctx, fn, own).filter((c) => !contains(fn, c));
  if (callers.length === 0) return false;
  askingCallers.add(fn.id);
  try {
    // A caller that leaves the body out (`_make_api_call(url, method="GET")`) sends none through it.
    const filling = callers.filter((c) => {
      const args = callArguments(c);
      return args.some((a) => keywordArgument(a)?.name === name) || args.filter((a) => keywordArgument(a) === null).length > at - offset;
    });
    return filling.length > 0 && filling.every((c) => passesKey(ctx, c, list.split('@')[0] ?? list));
  } finally {
    askingCallers.delete(fn.id);
  }
}

/**
 * `**payout_options(payout)` / `...requestOptions(order)` where the function comes from another
 * module of the project: options built elsewhere are trusted to carry the key, like a spread of
 * the caller's own parameters.
 */
function spreadsProjectCall(ctx: FileContext, arg: Node): boolean {
  // Both spreads are spelled with a run of punctuation the argument's text must hold.
  const text = ctx.source.slice(arg.startIndex, arg.endIndex);
  if (!text.includes('**') && !text.includes('...')) return false;
  const spreads = ['dictionary_splat', 'spread_element'];
  const candidates = spreads.includes(arg.type) ? [arg] : arg.descendantsOfType(spreads);
  return candidates.some((s) => {
    const inner = s.firstNamedChild;
    return inner !== null && isCall(inner, ctx.family) && projectImportOf(ctx, calleePath(ctx, inner)) !== undefined;
  });
}

/**
 * Plain names an argument hands over: `headers=headers`, `opts`, `**opts`, `...opts`, `{ ...opts }`.
 * A spread is `trusted` (may carry the key unseen) when it is a whole argument (`**kwargs`,
 * `...options`) or sits in an options or headers object, not when it fills a request body.
 */
function referencedNames(ctx: FileContext, arg: Node): { name: string; trusted: boolean }[] {
  const out: { name: string; trusted: boolean }[] = [];
  const text = ctx.source.slice(arg.startIndex, arg.endIndex);
  const spreadTypes = ['dictionary_splat', 'list_splat', 'spread_element'];
  if (arg.type === 'identifier') out.push({ name: arg.text, trusted: false });
  if (spreadTypes.includes(arg.type) && arg.firstNamedChild?.type === 'identifier') out.push({ name: arg.firstNamedChild.text, trusted: true });
  const kwValue = arg.type === 'keyword_argument' ? arg.childForFieldName('value') : null;
  if (kwValue?.type === 'identifier') out.push({ name: kwValue.text, trusted: false });
  // Each walk below only where the argument's text can hold what it looks for.
  if (/\.\.\.|\*/.test(text)) {
    for (const s of arg.descendantsOfType(spreadTypes)) {
      if (s.firstNamedChild?.type === 'identifier') out.push({ name: s.firstNamedChild.text, trusted: inOptionsObject(ctx, s, arg) });
    }
  }
  // A body serialized from a variable (`body: JSON.stringify(payload)`, `data=json.dumps(payload)`)
  // sends what the variable holds.
  const serialized = (value: Node | null | undefined) => {
    if (value == null || !isCall(value, ctx.family)) return;
    for (const a of callArguments(value)) if (a.type === 'identifier') out.push({ name: a.text, trusted: false });
  };
  serialized(arg);
  serialized(kwValue);
  if (text.includes(':')) {
    for (const pair of arg.descendantsOfType('pair')) {
      const value = pair.childForFieldName('value');
      if (value?.type === 'identifier') out.push({ name: value.text, trusted: false });
      serialized(value);
    }
  }
  if (ctx.family === 'ecma' && text.includes('{')) {
    for (const short of arg.descendantsOfType('shorthand_property_identifier')) out.push({ name: short.text, trusted: false });
  }
  return out;
}

const OPTIONS_KEY = /header|option|config|setting|request|meta/i;

/** Whether a spread inside an argument sits in an options/headers object rather than a body. */
function inOptionsObject(ctx: FileContext, spread: Node, arg: Node): boolean {
  for (let p = spread.parent; p !== null && p.id !== arg.parent?.id; p = p.parent) {
    if (p.type === 'pair') return OPTIONS_KEY.test(p.childForFieldName('key')?.text ?? '');
    if (p.type === 'keyword_argument') return OPTIONS_KEY.test(p.childForFieldName('name')?.text ?? '');
  }
  // A spread in an object that is itself a whole argument: the call's options (`fetch(url, { ...opts })`),
  // unless the argument is the body a verb-named client sends (`axios.post(url, { ...data, timestamp })`,
  // its second argument): a parameter spread there is judged like the parameter sent whole
  // (manakpandey/moleculerdyte `utils/network.ts`).
  const whole = spread.parent?.parent?.type === 'arguments' || spread.parent?.parent?.type === 'argument_list';
  return whole && !isVerbClientBody(ctx, arg);
}

/** The second positional argument of a call named for a write verb (`axios.post(url, body, config)`): its body (vocabulary `request_body`). */
function isVerbClientBody(ctx: FileContext, arg: Node): boolean {
  const args = arg.parent;
  const call = args?.parent;
  if (args == null || call == null) return false;
  const v = compiledOnce(ctx.vocab, 'request-body', () => ({
    methods: new Set(ctx.vocab.request_body.body_methods.map((m) => m.toLowerCase())),
    optionsSecond: new Set(ctx.vocab.request_body.options_second_clients),
    optionKeys: new Set(ctx.vocab.request_body.option_keys.map(normalizeName)),
  }));
  // `await client.post<T>(url, body)`: tree-sitter puts the `await` around the callee when type
  // arguments follow it (the call is the awaited one all the same).
  const fn = unwrapAwait(call.childForFieldName('function'));
  const method = fn === null ? undefined : (fn.childForFieldName('property') ?? fn.childForFieldName('attribute'))?.text.toLowerCase();
  if (method === undefined || !v.methods.has(method)) return false;
  const receiver = fn?.childForFieldName('object')?.text ?? '';
  const namesOption = (e: Node): boolean => {
    const key = e.type === 'pair' ? e.childForFieldName('key') : null;
    return key !== null && v.optionKeys.has(normalizeName(stringValue(key) ?? key.text));
  };
  if (v.optionsSecond.has(receiver) || arg.namedChildren.some(namesOption)) return false;
  const positional = args.namedChildren.filter((a) => a.type !== 'comment' && a.type !== 'keyword_argument');
  return positional[1]?.id === arg.id;
}

/** Whether statements before `call` in `scope` put a key into `name` (assignment, item set, update). */
function carriedByVariable(ctx: FileContext, scope: Node, name: string, call: Node, list: string): boolean {
  const isKey = keyTest(ctx, list);
  for (const carrier of carriersIn(ctx, scope).get(name) ?? []) {
    if (carrier.at >= call.startIndex) break;
    const node = carrier.node;
    if (looksUpRecord(ctx, node)) continue;
    if (keyText(ctx, list)(node) && (namesUnder(node).some(isKey) || stringsUnder(node).some(isKey) || queryKeysUnder(ctx, node, call).some(isKey))) return true;
    if (builtByLocalFunction(ctx, node, isKey)) return true;
  }
  return false;
}

/**
 * `webhook = Webhook.objects.get(id=webhook_id)`, `order = await Order.findById(orderId)`: a record
 * its model class looks up by the value is found by it; it does not carry it into a request.
 */
function looksUpRecord(ctx: FileContext, value: Node): boolean {
  const call = unwrapAwait(value);
  if (call === null || !isCall(call, ctx.family)) return false;
  const segments = calleePath(ctx, call).split('.');
  return segments.length >= 2 && /^[A-Z]/.test(segments[0] ?? '') && /^[a-z_]/.test(segments.at(-1) ?? '');
}

/**
 * What puts values into each variable of a scope, in order: `name = …` (its value), `name[…] = …`,
 * `name.update(…)`, `name.x = …`. Built once per scope (the module's top level only, for the file).
 */
function carriersIn(ctx: FileContext, scope: Node): Map<string, { at: number; node: Node }[]> {
  return ctx.memo(`carriers:${scope.id}`, () => {
    const out = new Map<string, { at: number; node: Node }[]>();
    const add = (name: string, at: number, node: Node) => {
      const list = out.get(name) ?? [];
      list.push({ at, node });
      out.set(name, list);
    };
    // At module level only the module's own statements count (not every function's locals).
    const nodes =
      scope.id === ctx.root.id
        ? ctx.root.namedChildren.flatMap((st) => [st, ...st.namedChildren, ...st.namedChildren.flatMap((c) => c.namedChildren)])
            .filter((n) => (BINDING_TYPES as readonly string[]).includes(n.type) || n.type === 'expression_statement')
        : nodesWithin(ctx, scope, [...BINDING_TYPES, 'expression_statement']);
    for (const node of nodes) {
      const binding = bindingOf(node);
      if (binding !== null) {
        add(binding.name, node.startIndex, binding.value);
        continue;
      }
      if (node.type === 'expression_statement') {
        const head = /^([A-Za-z_$][\w$]*)\s*[[.]/.exec(ctx.source.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 200)));
        if (head?.[1]) add(head[1], node.startIndex, node);
      } else if (node.type === 'assignment' || node.type === 'assignment_expression') {
        const left = node.childForFieldName('left');
        const head = left && /^(subscript|subscript_expression|attribute|member_expression)$/.test(left.type) ? /^[A-Za-z_$][\w$]*/.exec(left.text)?.[0] : undefined;
        if (head) add(head, node.startIndex, node);
      }
    }
    return out;
  });
}

/** Options built by a function of this file (`headers=auth_headers(order)`) that puts a key in. */
function builtByLocalFunction(ctx: FileContext, node: Node, isKey: (n: string) => boolean): boolean {
  const calls = callsWithin(ctx, node);
  return calls.some((c) => {
    const body = functionBody(resolveLocalFunction(ctx, c) ?? c);
    return body !== null && body.id !== c.id && (namesUnder(body).some(isKey) || stringsUnder(body).some(isKey));
  });
}


/** The vocabulary calls made inside the local function `call` invokes (any vocabulary). */
function innerCalls(ctx: FileContext, call: Node): Node[] {
  const fn = resolveLocalFunction(ctx, call);
  const body = fn && functionBody(fn);
  if (!body) return [];
  for (const name of Object.keys(ctx.vocab.calls)) {
    // A request made right in the helper whose method its callers hand in is judged per caller; one reached
    // through a further helper has been judged by the method the helper's own call hands in.
    const inner = callsWithin(ctx, body).flatMap((c) => reachedCallsOf(ctx, c, name).filter((s) => s.id !== c.id || !writesOnlyForCallers(ctx, s, name)));
    if (inner.length > 0) return inner;
  }
  return [];
}

/** Calls that make a new value every time: a key made by one inside the retried code changes per attempt. */
const FRESH = /\b(uuid\.uuid[14]|uuid[14]|uuidv4|v4|randomUUID|nanoid|ulid|token_hex|token_urlsafe|Math\.random|Date\.now|time\.time|time_ns|cuid|createId|shortid\.generate)\s*\(/;

/**
 * A value made afresh for each attempt: by a call that makes a new value every time (`FRESH`), or
 * from the attempt's own number (`\`RET-${sub.id}-R${attemptCount + 1}\``, `f"{order.id}-{attempt}"`: a
 * name with a retry `counter_words` word), so each attempt sends a key the provider never saw
 * (ojieame12/natesub `jobs/billing.ts`, a cron re-charging failed payments under `-R<n>`).
 */
function madeAfresh(ctx: FileContext, node: Node): boolean {
  if (FRESH.test(ctx.source.slice(node.startIndex, node.endIndex))) return true;
  const counters = compiledOnce(ctx.vocab, 'retry-counter-words', () => new WordSet(ctx.vocab.retry.counter_words));
  // Only names the value is built from: not those of a call's arguments or an object's entries
  // (`findFirst({ where: { retryCount: { lt: 3 } } })` selects a record; its id is no attempt number).
  return valueNames(node).some((n) => counters.anyWordOf(n));
}

const NAME_TYPES = new Set(['identifier', 'property_identifier', 'shorthand_property_identifier']);

/** `attempt` of `attempt.payload`: the object of a field read whose field is no id (`id`, `uuid`, `…Id`, `…_id`). */
function readForPlainField(n: Node): boolean {
  const access = n.type === 'identifier' && n.parent !== null ? accessedField(n.parent) : null;
  const field = access?.object?.id === n.id ? access.field : null;
  return field !== null && field !== '' && !/^(id|uuid|pk|key|ref)$|_(id|key)$/i.test(field) && !/[a-z0-9](Id|Key)$/.test(field);
}
const OPAQUE_TYPES = new Set(['arguments', 'argument_list', 'object', 'dictionary', 'pair', 'keyword_argument']);

/**
 * The names a value reads outside call arguments and object literals. A name read only for a field
 * that is no identity (`attempt.payload` of a stored delivery attempt) holds a record, not an attempt
 * number: the field's name counts, not the record's (`attempt.id`, `retry_state.attempt_number` still do).
 */
function valueNames(node: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (NAME_TYPES.has(n.type) && !readForPlainField(n)) out.push(n.text);
    for (const c of n.namedChildren) if (!OPAQUE_TYPES.has(c.type)) walk(c);
  };
  if (!OPAQUE_TYPES.has(node.type) || node.type === 'pair') walk(node.type === 'pair' ? (node.childForFieldName('value') ?? node) : node);
  return out;
}

/**
 * Whether the key the call passes is made afresh inside the retried code (`uuid4()` in the loop
 * body or the retried function): every attempt then sends a new key, and the provider sees
 * unrelated requests. A key made before the retry starts is stable.
 */
export function freshPerAttempt(ctx: FileContext, call: Node, scopeBody: Node, list: string): boolean {
  const region = scopeBody.id === ctx.root.id ? (enclosingFunction(call, ctx.family) ?? ctx.root) : scopeBody;
  const keyValues = keyValuesOf(ctx, call, region, withProviderKeys(ctx, call, list));
  const bindings = nodesWithin(ctx, region, BINDING_TYPES).filter((n) => n.startIndex < call.startIndex);
  const freshNames = new Set(bindings.flatMap((n) => {
    const b = bindingOf(n);
    return b !== null && madeAfresh(ctx, b.value) ? [b.name] : [];
  }));
  return keyValues.some((v) => madeAfresh(ctx, v) || namesUnder(v).some((n) => freshNames.has(n)) || ((v.type === 'identifier' || v.type === 'shorthand_property_identifier') && freshNames.has(v.text)));
}

/**
 * Whether every key of `list` the call passes is built without calling anything, from values the
 * caller already holds (`\`subscribe:${workspace.id}\``): the user's next request builds the same
 * one. A key from a call (`this.generateRequestId()`, `Date.now()`) may differ every time.
 */
export function keyFromHeldValues(ctx: FileContext, call: Node, list: string): boolean {
  const region = enclosingFunction(call, ctx.family) ?? ctx.root;
  const values = keyValuesOf(ctx, call, region, withProviderKeys(ctx, call, list));
  if (values.length === 0) return false;
  const calls = (n: Node) => isCall(n, ctx.family) || n.descendantsOfType(callTypes(ctx.family) as string[]).length > 0;
  const bindings = nodesWithin(ctx, region, BINDING_TYPES).filter((n) => n.startIndex < call.startIndex);
  return values.every((v) => {
    if (calls(v)) return false;
    const names = new Set([...namesUnder(v), ...(v.type === 'identifier' || v.type === 'shorthand_property_identifier' ? [v.text] : [])]);
    return bindings.every((n) => {
      const b = bindingOf(n);
      return b === null || !names.has(b.name) || !calls(b.value);
    });
  });
}

/** The values given to keys of the list: in the call's arguments, or in variables it names bound in `region` before it. */
function keyValuesOf(ctx: FileContext, call: Node, region: Node, list: string): Node[] {
  const isKey = keyTest(ctx, list);
  const args = call.childForFieldName('arguments');
  if (args === null) return [];
  const keyValues: Node[] = [];
  const collect = (node: Node) => {
    for (const kw of node.descendantsOfType(['keyword_argument', 'pair', 'shorthand_property_identifier'])) {
      // `{ reference }`: the name is both the key and the variable holding its value.
      if (kw.type === 'shorthand_property_identifier') {
        if (isKey(kw.text)) keyValues.push(kw);
        continue;
      }
      const key = kw.childForFieldName('name') ?? kw.childForFieldName('key');
      const value = kw.childForFieldName('value');
      if (key && value && isKey(stringsUnder(key)[0] ?? key.text)) keyValues.push(value);
    }
  };
  collect(args);
  const named = new Set(namesUnder(args));
  const bindings = nodesWithin(ctx, region, BINDING_TYPES).filter((n) => n.startIndex < call.startIndex);
  for (const node of bindings) {
    const b = bindingOf(node);
    if (b !== null && named.has(b.name)) collect(b.value);
  }
  return keyValues;
}

/**
 * `` post(`/sell/inventory/v1/location/${encodeURIComponent(locationKey)}`, body) `` with `locationKey =
 * process.env.EBAY_LOCATION_KEY`: a write whose URL ends, after a literal segment, in a key the client
 * chose and fixed in its configuration (a name of `keys.resource_in_path`, read from the environment
 * or a `configuration_names` object) addresses one resource; the provider keys it on that segment, so
 * a repeat cannot make a second one. A key made per operation (a record's id) is not read here.
 */
function addressesConfiguredResource(ctx: FileContext, call: Node): boolean {
  const first = callArguments(call)[0];
  const url = first === undefined ? null : (unwrapAwait(first) ?? first);
  if (url === null || (url.type !== 'template_string' && url.type !== 'string')) return false;
  const parts = url.namedChildren.filter((c) => c.type === 'template_substitution' || c.type === 'interpolation');
  const last = parts.at(-1);
  if (last === undefined) return false;
  // The substitution closes the URL (only the closing quote after it) and follows `/<literal>/`.
  const after = ctx.source.slice(last.endIndex, url.endIndex);
  const before = ctx.source.slice(url.startIndex, last.startIndex);
  if (!/^["'`]*$/.test(after) || !/\/[A-Za-z][\w.-]*\/$/.test(before)) return false;
  let value: Node | null = last.namedChildren.find((c) => c.type !== 'comment' && c.type !== 'format_specifier' && c.type !== 'type_conversion') ?? null;
  // `encodeURIComponent(key)`, `quote(key)`: the key itself, encoded.
  if (value !== null && isCall(value, ctx.family) && callArguments(value).length === 1) value = callArguments(value)[0] ?? null;
  if (value === null || (value.type !== 'identifier' && value.type !== 'member_expression' && value.type !== 'attribute')) return false;
  const name = value.type === 'identifier' ? value.text : ((value.childForFieldName('property') ?? value.childForFieldName('attribute'))?.text ?? '');
  if (!keyTest(ctx, 'resource_in_path')(name)) return false;
  const bound = value.type === 'identifier' ? unwrapAwait(lastBindingBefore(ctx, value.text, call)) : value;
  return bound !== null && readsConfiguration(ctx, bound);
}

/** `process.env.X`, `os.environ["X"]`, `os.getenv("X")`, `settings.X`: a value read from the process's configuration. */
function readsConfiguration(ctx: FileContext, value: Node): boolean {
  if (/^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv)\b/.test(value.text)) return true;
  return readsOnlyConfiguration(ctx, value);
}

/**
 * `this.config.clientId`, `` `client-${this.config.clientId}` ``, `settings.MERCHANT_ID`: a value
 * whose every name is read from the client's configuration (`configuration_names`), the same for
 * every operation.
 */
function readsOnlyConfiguration(ctx: FileContext, value: Node): boolean {
  const words = ctx.memo('configuration-names', () => new WordSet(ctx.vocab.configuration_names));
  const reads = value.descendantsOfType(['member_expression', 'attribute']).filter((m) => !['member_expression', 'attribute'].includes(m.parent?.type ?? ''));
  if (['member_expression', 'attribute'].includes(value.type)) reads.push(value);
  const names = value.descendantsOfType(['identifier']).filter((id) => !reads.some((r) => contains(r, id)));
  if (value.type === 'identifier') names.push(value);
  // A read is configuration when a segment before its last names it (`this.config.clientId`).
  const fromConfig = (r: Node) => r.text.split('.').slice(0, -1).some((segment) => words.has(segment.replace(/\?\.?$/, '')));
  return reads.length > 0 && names.length === 0 && reads.every(fromConfig);
}

/**
 * `dolyame = Dolyame(order=o, idempotency_key=key); dolyame.refund(…)`: a client object built with
 * a key in the same function sends it with each of its requests.
 */
function receiverHoldsKey(ctx: FileContext, call: Node, isKey: (n: string) => boolean): boolean {
  const fn = call.childForFieldName('function');
  const receiver = fn?.childForFieldName('object');
  if (receiver?.type !== 'identifier') return false;
  const value = unwrapAwait(lastBindingBefore(ctx, receiver.text, call));
  if (value === null) return false;
  const built = value.type === 'new_expression' || isCall(value, ctx.family) ? value : null;
  const args = built?.childForFieldName('arguments');
  return args != null && (namesUnder(args).some(isKey) || stringsUnder(args).some(isKey));
}

/**
 * The argument position of `fn`'s parameter whose spread alone carries the key into `call`
 * (`fetch(url, { headers: { ...headers } })` in `sendMail(to, subject, text, headers = {})`):
 * the key is there only when a caller fills that position. Null when the key does not hang on
 * one such parameter, or the parameter collects the rest (`**kwargs`, `...options`).
 */
export function keyParameter(ctx: FileContext, fn: Node, call: Node, list: string): number | null {
  const nodes = fn.childForFieldName('parameters')?.namedChildren.filter((p) => p.type !== 'comment') ?? [];
  const names = functionParameters(fn);
  // A method's receiver is not an argument its callers pass.
  const offset = ctx.family === 'python' && (names[0] === 'self' || names[0] === 'cls') ? 1 : 0;
  for (let i = offset; i < names.length; i++) {
    const node = nodes[i];
    if (node === undefined || REST_PARAMETERS.has(node.type) || node.descendantsOfType([...REST_PARAMETERS]).length > 0) continue;
    if (!passesKey(ctx, call, list, new Set([names[i] ?? '']))) return i - offset;
  }
  return null;
}

/**
 * `reference: params.reference` in a helper `chargeAuthorization(params)`: the parameter position
 * and the field of it the key is read from (`params["reference"]` in Python), so a caller that hands
 * in an object without that field passes no key. Null when no key value is such a read.
 */
export function keyParameterField(ctx: FileContext, fn: Node, call: Node, list: string): [number, string] | null {
  const body = functionBody(fn);
  if (body === null) return null;
  const names = functionParameters(fn);
  const offset = ctx.family === 'python' && (names[0] === 'self' || names[0] === 'cls') ? 1 : 0;
  for (const value of keyValuesOf(ctx, call, body, withProviderKeys(ctx, call, list))) {
    const { object, field } = accessedField(value) ?? { object: null, field: null };
    if (object?.type !== 'identifier' || field === null) continue;
    const at = names.indexOf(object.text);
    if (at >= offset) return [at - offset, field];
  }
  return null;
}

/**
 * What a call of another file's helper hands in, for the link step to judge a key the helper reads
 * from its parameters: per positional argument, the fields of an object literal whose values are
 * not made afresh in `region` (null for anything else), and the positions of arguments made
 * afresh there (`chargeAuthorization({ …, reference })` with `reference = \`RET-${id}-R${attempt}\``).
 */
export function argumentKeys(ctx: FileContext, call: Node, region: Node | undefined): { argKeys?: (string[] | null)[]; freshArgs?: number[] } {
  const args = callArguments(call).filter((a) => keywordArgument(a) === null);
  let literal = false;
  const fresh: number[] = [];
  const argKeys = args.map((arg, i) => {
    const a = unwrapAwait(arg) ?? arg;
    if (region !== undefined && a.type !== 'object' && a.type !== 'dictionary' && freshValue(ctx, a, call, region)) fresh.push(i);
    if (a.type !== 'object' && a.type !== 'dictionary') return null;
    literal = true;
    const out: string[] = [];
    for (const e of a.namedChildren) {
      if (e.type === 'shorthand_property_identifier') {
        if (region === undefined || !freshValue(ctx, e, call, region)) out.push(normalizeName(e.text));
      } else if (e.type === 'pair') {
        const key = e.childForFieldName('key');
        const value = e.childForFieldName('value');
        const name = key === null ? null : (stringValue(key) ?? key.text);
        if (name !== null && value !== null && (region === undefined || !freshValue(ctx, value, call, region))) out.push(normalizeName(name));
      } else if (e.type === 'spread_element' || e.type === 'dictionary_splat') {
        return null;
      }
    }
    return out;
  });
  return { ...(literal ? { argKeys } : {}), ...(fresh.length > 0 ? { freshArgs: fresh } : {}) };
}

/**
 * The argument positions of `fn`'s parameters the key values `call` passes are built from, directly
 * (`idempotency_key: p.id`) or through variables of `fn` bound before it (`base = { key: p.id }`).
 */
function keyParameters(ctx: FileContext, fn: Node, call: Node, list: string): number[] {
  const names = functionParameters(fn);
  const offset = ctx.family === 'python' && (names[0] === 'self' || names[0] === 'cls') ? 1 : 0;
  const body = functionBody(fn);
  if (body === null) return [];
  const bindings = nodesWithin(ctx, body, BINDING_TYPES).filter((n) => n.startIndex < call.startIndex).map(bindingOf).filter((b) => b !== null);
  const seen = new Set<string>();
  const found = new Set<number>();
  const visit = (value: Node, depth: number) => {
    const read = value.type === 'identifier' || value.type === 'shorthand_property_identifier' ? [value.text] : namesUnder(value);
    for (const name of read) {
      if (seen.has(name)) continue;
      seen.add(name);
      const at = names.indexOf(name);
      if (at >= offset) found.add(at - offset);
      else if (depth < 3) for (const b of bindings) if (b.name === name) visit(b.value, depth + 1);
    }
  };
  for (const v of keyValuesOf(ctx, call, body, withProviderKeys(ctx, call, list))) visit(v, 0);
  return [...found];
}

/** Whether `value`, handed in by `call`, is made afresh in `region` (a `uuid4()` in it, or a name bound to one there before the call). */
function freshValue(ctx: FileContext, value: Node, call: Node, region: Node): boolean {
  if (madeAfresh(ctx, value)) return true;
  const scope = region.id === ctx.root.id ? (enclosingFunction(call, ctx.family) ?? ctx.root) : region;
  const read = new Set(value.type === 'identifier' ? [value.text] : namesUnder(value));
  return nodesWithin(ctx, scope, BINDING_TYPES).some((n) => {
    if (n.startIndex >= call.startIndex) return false;
    const b = bindingOf(n);
    return b !== null && read.has(b.name) && madeAfresh(ctx, b.value);
  });
}

const REST_PARAMETERS = new Set(['dictionary_splat_pattern', 'list_splat_pattern', 'rest_pattern']);

