import { BINDING_TYPES, callArguments, callTypes, callee, dottedPath, functionTypes, isCall, loopTypes, registerFunctions, type Node } from './syntax.js';
import { compiledOnce } from './compiled.js';
import { NamePatterns } from './names.js';
import type { FileContext } from './types.js';

/**
 * Per-file indexes shared by every matcher. The node types matchers ask about are collected in one
 * native `descendantsOfType` walk per file and bucketed by type; later questions ("the calls inside
 * this loop") are answered by binary search over start offsets. Crossing from JavaScript into the
 * native tree costs more than the work itself, so nothing below asks the tree twice.
 */
// Object pairs are too many to index eagerly; they are asked for within small ranges. Bindings
// and returns are read in most files (values of names, flag-returning functions), and one walk
// that collects them with the rest costs less than a walk of their own.
const STRUCTURAL = [
  ...BINDING_TYPES,
  'return_statement',
  'new_expression',
  'decorator',
  'try_statement',
  'if_statement',
  'ternary_expression',
  'conditional_expression',
  'import_from_statement',
  'import_statement',
  'export_statement',
];

interface Bucket {
  nodes: Node[];
  starts?: number[];
}

function buckets(ctx: FileContext): Map<string, Bucket> {
  return ctx.memo('node-index', () => {
    const types = [...new Set([...callTypes(ctx.family), ...loopTypes(ctx.family), ...functionTypes(ctx.family), ...STRUCTURAL])];
    const map = new Map<string, Bucket>(types.map((t) => [t, { nodes: [] }]));
    for (const node of ctx.root.descendantsOfType(types)) map.get(node.type)?.nodes.push(node);
    registerFunctions(ctx.root, ctx.family, functionTypes(ctx.family).flatMap((t) => map.get(t)?.nodes ?? []));
    return map;
  });
}

/**
 * A per-file value (`ctx.memo(key, create)`) behind an accessor that remembers the last file it
 * was asked for: the per-call memos (verdicts, local functions, reached calls) are asked millions
 * of times per scan, nearly always for the file being matched, and a memo lookup each time costs
 * more than the answer. Another file's context is looked up in its own memo as before.
 */
export function perFile<T>(key: string, create: () => T): (ctx: FileContext) => T {
  let lastCtx: FileContext | undefined;
  let last: T | undefined;
  return (ctx) => {
    if (ctx !== lastCtx) {
      last = ctx.memo(key, create);
      lastCtx = ctx;
    }
    return last as T;
  };
}

/**
 * A per-file table of answers by key: `answer` runs the first time a key is asked in a file, and
 * the same value comes back after (the question asked again for every call, site or vocabulary).
 */
export function answeredOnce<K, V>(key: string): (ctx: FileContext, k: K, answer: () => V) => V {
  const table = perFile(key, () => new Map<K, V>());
  return (ctx, k, answer) => {
    const known = table(ctx);
    let v = known.get(k);
    if (v === undefined) known.set(k, (v = answer()));
    return v;
  };
}

/** Every node of the given types in the file, in document order. */
export function nodesOfType(ctx: FileContext, types: string | readonly string[]): Node[] {
  const list = typeof types === 'string' ? [types] : types;
  const index = buckets(ctx);
  if (list.length === 1) return index.get(list[0] as string)?.nodes ?? ctx.root.descendantsOfType(list[0] as string);
  if (list.some((t) => !index.has(t))) return ctx.root.descendantsOfType([...list]);
  return list.flatMap((t) => index.get(t)?.nodes ?? []).sort((a, b) => a.startIndex - b.startIndex);
}

/** The nodes of the given types inside `node` (itself included when it is one), in document order. */
export function nodesWithin(ctx: FileContext, node: Node, types: string | readonly string[]): Node[] {
  const list = typeof types === 'string' ? [types] : types;
  const index = buckets(ctx);
  if (list.some((t) => !index.has(t))) {
    // Types not indexed up front (bindings, pairs): walked once per node and kept.
    const known = ctx.memo(`within:${list.join(',')}`, () => new Map<number, Node[]>());
    let v = known.get(node.id);
    if (v === undefined) known.set(node.id, (v = [...(list.includes(node.type) ? [node] : []), ...node.descendantsOfType([...list])]));
    return v;
  }
  const out: Node[] = [];
  for (const t of list) out.push(...rangeOf(index.get(t) as Bucket, node.startIndex, node.endIndex));
  return list.length > 1 ? out.sort((a, b) => a.startIndex - b.startIndex) : out;
}

function rangeOf(bucket: Bucket, start: number, end: number): Node[] {
  const starts = (bucket.starts ??= bucket.nodes.map((n) => n.startIndex));
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Node[] = [];
  for (let i = lo; i < bucket.nodes.length && (starts[i] as number) < end; i++) {
    const n = bucket.nodes[i] as Node;
    if (n.endIndex <= end) out.push(n);
  }
  return out;
}

/** The file's calls in document order. */
export function allCalls(ctx: FileContext): Node[] {
  return nodesOfType(ctx, callTypes(ctx.family));
}

/** The calls inside `node` (itself included when it is one), in document order. */
export function callsWithin(ctx: FileContext, node: Node): Node[] {
  return nodesWithin(ctx, node, callTypes(ctx.family));
}

const SIMPLE_PATH = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$#][\w$]*)*$/;

/** `async_to_sync(channel_layer.group_send)`: the function an adapter (vocabulary `call_adapters`) wraps. */
function adapted(ctx: FileContext, fn: Node | null): Node | null {
  if (fn === null || (fn.type !== 'call' && fn.type !== 'call_expression')) return fn;
  const args = callArguments(fn);
  if (args.length !== 1 || args[0] === undefined) return fn;
  const adapters = compiledOnce(ctx.vocab, 'call-adapters', () => new NamePatterns(ctx.vocab.call_adapters));
  return adapters.matches(dottedPath(callee(fn))) ? args[0] : fn;
}

/**
 * `run_in_threadpool(stripe.Transfer.create, **params)`, `asyncio.to_thread(requests.post, url)`,
 * `loop.run_in_executor(None, gateway.charge, order)`: a runner (vocabulary `call_runners`, the
 * position of the function it is handed) calls that function, in a worker thread, with the
 * arguments after it, and hands back its result or error: the call is that function's. Only a
 * function named by reference counts; a lambda's or a partial's call is seen in its own body.
 */
function runFunction(ctx: FileContext, call: Node, fn: Node | null): Node | null {
  const runners = ctx.vocab.call_runners;
  if (fn === null || Object.keys(runners).length === 0) return null;
  const patterns = compiledOnce(ctx.vocab, 'call-runners', () => Object.entries(runners).map(([name, index]) => ({ name: new NamePatterns([name]), index })));
  const path = dottedPath(fn);
  const runner = patterns.find((r) => r.name.matches(path));
  const handed = runner === undefined ? undefined : callArguments(call).filter((a) => a.type !== 'keyword_argument')[runner.index];
  if (handed === undefined || !REFERENCE.has(handed.type) || /^(None|null|undefined)$/.test(handed.text)) return null;
  return handed;
}

const REFERENCE: ReadonlySet<string> = new Set(['identifier', 'attribute', 'member_expression']);

/**
 * `getattr(logger, level)`: Python's spelling of a member chosen at run time, named as the
 * `logger[level]` of JavaScript is (`logger[]`), so both read as a method of that receiver.
 */
function computedMember(ctx: FileContext, fn: Node | null): string | null {
  if (fn === null || ctx.family !== 'python' || !isCall(fn, ctx.family) || dottedPath(callee(fn)) !== 'getattr') return null;
  const target = callArguments(fn)[0];
  return target === undefined ? null : `${dottedPath(target)}[]`;
}

/** The dotted path of a call's callee (`self.gateway.charge`), computed once per call. */
const calleePaths = perFile('callee-paths', () => new Map<number, string>());

export function calleePath(ctx: FileContext, call: Node): string {
  const paths = calleePaths(ctx);
  let p = paths.get(call.id);
  if (p === undefined) {
    const fn = runFunction(ctx, call, callee(call)) ?? adapted(ctx, callee(call));
    // Most callees are plain dotted names: read them from the source instead of walking the tree.
    const text = fn === null ? '' : ctx.source.slice(fn.startIndex, fn.endIndex);
    p = SIMPLE_PATH.test(text) ? text.replace(/\?\./g, '.') : computedMember(ctx, fn) ?? dottedPath(fn);
    paths.set(call.id, p);
  }
  return p;
}
