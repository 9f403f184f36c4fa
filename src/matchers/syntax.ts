import type Parser from 'tree-sitter';

/**
 * A language-neutral view of the few syntax shapes the matchers reason about (calls, functions,
 * loops, try/except, if-chains, assignments), over the Python grammar and the TypeScript/TSX
 * grammars (which also parse JavaScript). Every matcher goes through these helpers so no matcher
 * needs to know node type names.
 */
export type Node = Parser.SyntaxNode;

/** Python, or the ECMAScript family (TypeScript, TSX, JavaScript). */
export type Family = 'python' | 'ecma';

const CALL = { python: ['call'], ecma: ['call_expression'] } as const;
const FUNCTIONS = {
  python: ['function_definition', 'lambda'],
  ecma: [
    'function_declaration',
    'function_expression',
    'arrow_function',
    'method_definition',
    'generator_function_declaration',
    'generator_function',
  ],
} as const;
const LOOPS = {
  python: ['for_statement', 'while_statement'],
  ecma: ['for_statement', 'for_in_statement', 'while_statement', 'do_statement'],
} as const;
const EXITS = {
  python: ['return_statement', 'break_statement'],
  ecma: ['return_statement', 'break_statement'],
} as const;
const RAISES = { python: ['raise_statement'], ecma: ['throw_statement'] } as const;

/** Node types of calls in `family`. */
export function callTypes(family: Family): readonly string[] {
  return CALL[family];
}

/** Node types of loops in `family`. */
export function loopTypes(family: Family): readonly string[] {
  return LOOPS[family];
}

/** Node types of function-like definitions in `family`. */
export function functionTypes(family: Family): readonly string[] {
  return FUNCTIONS[family];
}

export function isCall(node: Node, family: Family): boolean {
  return (CALL[family] as readonly string[]).includes(node.type);
}

export function isFunction(node: Node, family: Family): boolean {
  return (FUNCTIONS[family] as readonly string[]).includes(node.type);
}

export function isLoop(node: Node, family: Family): boolean {
  return (LOOPS[family] as readonly string[]).includes(node.type);
}

/** `return` or `break`: leaves the attempt loop (or the retried function) on this path. */
export function isExit(node: Node, family: Family): boolean {
  return (EXITS[family] as readonly string[]).includes(node.type);
}

export function isRaise(node: Node, family: Family): boolean {
  return (RAISES[family] as readonly string[]).includes(node.type);
}

/** Whether a `raise` / `throw` sits anywhere under `node` (nested functions included, as a handler's rethrow may be). */
export function raisesWithin(node: Node, family: Family): boolean {
  return node.descendantsOfType(RAISES[family] as unknown as string[]).length > 0;
}

/** The function a call invokes (`gateway.charge` in `gateway.charge(p)`). */
export function callee(call: Node): Node | null {
  return call.childForFieldName('function');
}

/**
 * The dotted path of an expression: `self.gateway.charge` → `self.gateway.charge`; calls in a
 * chain keep their parentheses (`get_client().charge`), optional chaining is flattened
 * (`a?.b` → `a.b`), anything else is its name-free type (`[]`, `<expr>`).
 */
export function dottedPath(node: Node | null): string {
  if (node === null) return '';
  switch (node.type) {
    case 'identifier':
    case 'property_identifier':
    case 'private_property_identifier':
    case 'this':
    case 'super':
    case 'type_identifier':
    case 'shorthand_property_identifier':
      return node.text;
    case 'attribute': // python a.b
      return `${dottedPath(node.childForFieldName('object'))}.${node.childForFieldName('attribute')?.text ?? ''}`;
    case 'member_expression':
      return `${dottedPath(node.childForFieldName('object'))}.${node.childForFieldName('property')?.text ?? ''}`;
    case 'call':
    case 'call_expression':
      return `${dottedPath(node.childForFieldName('function'))}()`;
    case 'await_expression':
    case 'parenthesized_expression':
    case 'non_null_expression':
    case 'await':
      return dottedPath(node.firstNamedChild);
    case 'subscript':
    case 'subscript_expression':
      return `${dottedPath(node.childForFieldName('value') ?? node.childForFieldName('object'))}[]`;
    default:
      return `<${node.type}>`;
  }
}

/** Last segment of a dotted path: `charge` in `self.gateway.charge`. */
export function lastSegment(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? path : path.slice(i + 1);
}

/** The argument nodes of a call, in order (keyword arguments and spreads included). */
export function callArguments(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((c) => c.type !== 'comment');
}

/** A keyword argument's name and value (Python `key=value`), or null for other arguments. */
export function keywordArgument(arg: Node): { name: string; value: Node } | null {
  if (arg.type !== 'keyword_argument') return null;
  const name = arg.childForFieldName('name');
  const value = arg.childForFieldName('value');
  return name && value ? { name: name.text, value } : null;
}

/** The argument a call hands a parameter: by keyword (`method="POST"`), else by position among the positional ones. */
export function argumentFor(args: readonly Node[], param: { index: number; name: string }): Node | undefined {
  return args.map(keywordArgument).find((kw) => kw?.name === param.name)?.value ?? args.filter((a) => keywordArgument(a) === null)[param.index];
}

/**
 * What parameter `param` of `fn` holds in a call of it: the argument the call hands it, else the
 * parameter's default (`_make_api_call(url, payload, headers)` of `def _make_api_call(url, payload=None,
 * headers=None, method="POST")` sends `"POST"`).
 */
export function argumentOrDefault(fn: Node, args: readonly Node[], param: { index: number; name: string }): Node | undefined {
  return argumentFor(args, param) ?? parameterDefault(fn, param.name) ?? undefined;
}

/** Key/value pairs of a dict or object literal (shorthand `{ idempotencyKey }` maps to itself). */
export function literalEntries(node: Node): { key: string; value: Node }[] {
  const out: { key: string; value: Node }[] = [];
  if (node.type !== 'dictionary' && node.type !== 'object') return out;
  for (const child of node.namedChildren) {
    if (child.type === 'pair') {
      const key = child.childForFieldName('key');
      const value = child.childForFieldName('value');
      if (key && value) out.push({ key: stringValue(key) ?? key.text, value });
    } else if (child.type === 'shorthand_property_identifier') {
      out.push({ key: child.text, value: child });
    }
  }
  return out;
}

/**
 * `obj.field`, `obj["field"]` (Python attribute/subscript, JS member/subscript expression): the
 * object read from and the field's name (null when a subscript's index is no string); null for any
 * other node.
 */
export function accessedField(node: Node): { object: Node | null; field: string | null } | null {
  if (node.type === 'attribute' || node.type === 'member_expression') {
    return { object: node.childForFieldName('object'), field: (node.childForFieldName('attribute') ?? node.childForFieldName('property'))?.text ?? null };
  }
  if (node.type === 'subscript' || node.type === 'subscript_expression') {
    const index = node.childForFieldName('subscript') ?? node.childForFieldName('index');
    return { object: node.childForFieldName('value') ?? node.childForFieldName('object'), field: index === null ? null : stringValue(index) };
  }
  return null;
}

/** The content of a plain string literal, or null when the node is not one. */
export function stringValue(node: Node): string | null {
  if (node.type === 'string') {
    const parts = node.namedChildren.filter((c) => c.type === 'string_content' || c.type === 'string_fragment');
    if (node.namedChildren.some((c) => c.type === 'interpolation')) return null;
    return parts.map((p) => p.text).join('');
  }
  if (node.type === 'template_string' && !node.namedChildren.some((c) => c.type === 'template_substitution')) {
    return node.text.slice(1, -1);
  }
  return null;
}

/** The body of a function-like node (a block, or an arrow/lambda's expression). */
export function functionBody(fn: Node): Node | null {
  return fn.childForFieldName('body');
}

/** A function's parameters without a method's leading `self` / `cls`: the ones its callers hand in. */
export function ownParameters(fn: Node): string[] {
  const all = functionParameters(fn);
  return all[0] === 'self' || all[0] === 'cls' ? all.slice(1) : all;
}

/** Names of a function's parameters, in order (`self` included; splats by their bare name). */
export function functionParameters(fn: Node): string[] {
  const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  if (params === null) return [];
  if (params.type === 'identifier') return [params.text]; // `x => ...`
  const out: string[] = [];
  for (const p of params.namedChildren) {
    const target =
      p.childForFieldName('pattern') ?? p.childForFieldName('name') ?? p.namedChildren.find((c) => c.type === 'identifier') ?? p;
    out.push(target.type === 'identifier' ? target.text : target.text.replace(/^[*.]+/, ''));
  }
  return out;
}

/**
 * The default value a function gives one of its parameters, destructured ones included:
 * `(url, method = "POST") =>`, `({ route, method = "POST" }) =>`, `def send(url, method="POST")`,
 * `method: str = "POST"`. Null when the parameter has none or is not the function's.
 */
export function parameterDefault(fn: Node, name: string): Node | null {
  const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  if (params === null || params.type === 'identifier') return null;
  for (const p of params.descendantsOfType(['assignment_pattern', 'object_assignment_pattern', 'required_parameter', 'optional_parameter', 'default_parameter', 'typed_default_parameter'])) {
    const target = p.childForFieldName('left') ?? p.childForFieldName('pattern') ?? p.childForFieldName('name');
    const value = p.childForFieldName('right') ?? p.childForFieldName('value');
    if (value === null || target === null) continue;
    if ((target.type === 'identifier' || target.type === 'shorthand_property_identifier_pattern') && target.text === name) return value;
  }
  return null;
}

/** The declared name of a function (`def charge`, `function charge`, `const charge = () =>`). */
export function functionName(fn: Node): string | null {
  const name = fn.childForFieldName('name');
  if (name) return name.text;
  const parent = fn.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text ?? null;
  if (parent?.type === 'assignment_expression' || parent?.type === 'assignment') {
    return lastSegment(dottedPath(parent.childForFieldName('left')));
  }
  if (parent?.type === 'pair') return parent.childForFieldName('key')?.text ?? null;
  // A class field holding an arrow function (`public sendmail = async (…) => {…}`) is a method.
  if (parent?.type === 'public_field_definition' || parent?.type === 'field_definition') {
    return (parent.childForFieldName('name') ?? parent.childForFieldName('property'))?.text ?? null;
  }
  return null;
}

/** The innermost function-like node that contains `node` (not `node` itself), or null at module level. */
export function enclosingFunction(node: Node, family: Family): Node | null {
  const nest = functionNests.get(node.tree);
  if (nest !== undefined && nest.family === family) {
    const found = innermostAround(nest, node);
    if (found !== undefined) return found;
  }
  for (let p = node.parent; p !== null; p = p.parent) if (isFunction(p, family)) return p;
  return null;
}

/** A tree's functions by start (outer first at a shared start), each with the function it is nested in. */
interface FunctionNest {
  family: Family;
  nodes: Node[];
  starts: number[];
  ends: number[];
  /** Index of the innermost function around each one, or -1. */
  outer: number[];
}

const functionNests = new WeakMap<object, FunctionNest>();

/**
 * Lets `enclosingFunction` answer from ranges: a node's parent is a search down from the root of
 * its tree, so walking up from each node cost more than anything it then tested. `functions` are
 * every function-like node of the tree for `family` (the file index collects them anyway).
 */
export function registerFunctions(root: Node, family: Family, functions: readonly Node[]): void {
  const nodes = [...functions].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  const starts = nodes.map((n) => n.startIndex);
  const ends = nodes.map((n) => n.endIndex);
  const outer: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    while (open.length > 0 && !((starts[open.at(-1)!] as number) <= (starts[i] as number) && (ends[i] as number) <= (ends[open.at(-1)!] as number))) open.pop();
    outer.push(open.at(-1) ?? -1);
    open.push(i);
  }
  functionNests.set(root.tree, { family, nodes, starts, ends, outer });
}

/**
 * The innermost registered function whose range holds `node`'s (not `node` itself), null for none,
 * or undefined when ranges cannot tell: an empty node, or a function with exactly its range (an
 * ancestor or a descendant). Otherwise a function whose range holds a node of positive width is
 * one of its ancestors, since the ranges of nodes that are not nested do not overlap.
 */
function innermostAround(nest: FunctionNest, node: Node): Node | null | undefined {
  const s = node.startIndex;
  const e = node.endIndex;
  if (e <= s) return undefined;
  const { starts, ends, outer, nodes } = nest;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= s) lo = mid + 1;
    else hi = mid;
  }
  // The last function starting at or before the node: the one around it is it or one it is nested in.
  for (let i = lo - 1; i >= 0; i = outer[i] as number) {
    const fs = starts[i] as number;
    const fe = ends[i] as number;
    if (fs === s && fe === e) {
      if ((nodes[i] as Node).id === node.id) continue;
      return undefined;
    }
    if (fs <= s && e <= fe) return nodes[i] as Node;
  }
  return null;
}

/** Statements of a block (a block node, or a single statement treated as a block of one). */
export function blockStatements(block: Node | null): Node[] {
  if (block === null) return [];
  if (block.type === 'block' || block.type === 'statement_block') return block.namedChildren.filter((c) => c.type !== 'comment');
  return [block];
}

/** The nearest enclosing function that is not an inline callback (`setTimeout(() => …)`, `.catch(e => …)`, a lambda). */
export function namedEnclosingFunction(node: Node, family: Family): Node | null {
  for (let fn = enclosingFunction(node, family); fn !== null; fn = enclosingFunction(fn, family)) {
    if (functionName(fn) !== null && fn.parent?.type !== 'arguments' && fn.parent?.type !== 'argument_list') return fn;
  }
  return null;
}

/** The body of a loop (not its `else:` clause). */
export function loopBody(loop: Node): Node | null {
  return loop.childForFieldName('body');
}

/** One except/catch clause: the exception expression it names (Python) and its body. */
export interface Handler {
  clause: Node;
  /** Python: the `except X as e` expression (`X`), null for a bare `except:` or a JS catch. */
  type: Node | null;
  body: Node;
}

/** The except/catch clauses of a try statement. */
export function tryHandlers(tryStmt: Node, family: Family): Handler[] {
  if (family === 'ecma') {
    const clause = tryStmt.childForFieldName('handler');
    const body = clause?.childForFieldName('body');
    return clause && body ? [{ clause, type: null, body }] : [];
  }
  const out: Handler[] = [];
  for (const clause of tryStmt.namedChildren) {
    if (clause.type !== 'except_clause' && clause.type !== 'except_group_clause') continue;
    const body = clause.namedChildren.find((c) => c.type === 'block');
    if (!body) continue;
    let type = clause.childForFieldName('value') ?? clause.namedChildren.find((c) => c !== body && c.type !== 'comment') ?? null;
    if (type?.type === 'as_pattern') type = type.firstNamedChild;
    out.push({ clause, type, body });
  }
  return out;
}

/** The try body (statements attempted). */
export function tryBody(tryStmt: Node): Node | null {
  return tryStmt.childForFieldName('body');
}

/** One branch of an if-chain: its condition (null for the final else) and its body. */
export interface Branch {
  condition: Node | null;
  body: Node;
  node: Node;
}

/**
 * Flattens `if / elif / else` (Python) and `if / else if / else` (ECMAScript) into branches,
 * first to last. Called on the head `if`; the chain's inner `if`s are part of it.
 */
export function ifChain(ifStmt: Node, family: Family): Branch[] {
  const branches: Branch[] = [];
  const consequence = ifStmt.childForFieldName('consequence');
  if (consequence) branches.push({ condition: unwrapParens(ifStmt.childForFieldName('condition')), body: consequence, node: ifStmt });
  if (family === 'python') {
    for (const alt of ifStmt.childrenForFieldName('alternative')) {
      if (alt.type === 'elif_clause') {
        const body = alt.childForFieldName('consequence');
        if (body) branches.push({ condition: alt.childForFieldName('condition'), body, node: alt });
      } else if (alt.type === 'else_clause') {
        const body = alt.childForFieldName('body');
        if (body) branches.push({ condition: null, body, node: alt });
      }
    }
    return branches;
  }
  const alt = ifStmt.childForFieldName('alternative');
  const inner = alt?.namedChildren.find((c) => c.type !== 'comment');
  if (alt && inner?.type === 'if_statement') branches.push(...ifChain(inner, family));
  else if (alt && inner) branches.push({ condition: null, body: inner, node: alt });
  return branches;
}

/** True when `ifStmt` is a link inside a chain (`else if` / `elif`) rather than its head. */
export function isChainLink(ifStmt: Node): boolean {
  return ifStmt.parent?.type === 'else_clause' && ifStmt.parent.namedChildren.length === 1;
}

/** `True` / `true` → true, `False` / `false` → false, anything else undefined: a boolean literal in either language. */
export function booleanLiteral(node: Node | null | undefined): boolean | undefined {
  const text = node?.text;
  if (text === 'True' || text === 'true') return true;
  if (text === 'False' || text === 'false') return false;
  return undefined;
}

/** The node without surrounding parentheses. */
export function unwrapParens(node: Node | null): Node | null {
  let n = node;
  while (n && n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.firstNamedChild;
  return n;
}

/**
 * The operands of an `&&` / `and` chain, nested either way and through parentheses
 * (`a and (b and c)` → a, b, c); the condition itself when it is none.
 */
export function conjunctsOf(cond: Node | null): Node[] {
  const c = unwrapParens(cond);
  if (c === null) return [];
  const op = c.type === 'binary_expression' || c.type === 'boolean_operator' ? c.childForFieldName('operator')?.text : undefined;
  if (op === '&&' || op === 'and') return [...conjunctsOf(c.childForFieldName('left')), ...conjunctsOf(c.childForFieldName('right'))];
  return [c];
}

/**
 * The operands of a fallback chain (`options?.url || GRAPHQL_URL`, `a ?? b`, Python's `x or y`),
 * nested either way and through parentheses; the value itself when it is none.
 */
export function fallbackOperands(value: Node | null): Node[] {
  const c = unwrapParens(value);
  if (c === null) return [];
  if (isFallback(c)) return [...fallbackOperands(c.childForFieldName('left')), ...fallbackOperands(c.childForFieldName('right'))];
  return [c];
}

/** `a || b`, `a ?? b`, Python's `a or b`: the right side is taken when the left is missing. */
export function isFallback(n: Node): boolean {
  if (n.type !== 'binary_expression' && n.type !== 'boolean_operator') return false;
  const op = n.childForFieldName('operator')?.text;
  return op === '||' || op === '??' || op === 'or';
}

/** TypeScript's casts, which leave the value as it is: `x as T`, `x satisfies T`, `x!`. */
export const CASTS: ReadonlySet<string> = new Set(['as_expression', 'satisfies_expression', 'non_null_expression']);

/** What a value is awaited or wrapped in without changing it: `await x`, `x as T`, `x satisfies T`, `x!`, `(x)`. */
const VALUE_WRAPPERS: ReadonlySet<string> = new Set(['await', 'await_expression', 'parenthesized_expression', ...CASTS]);

/** The value under `await`, parentheses and TypeScript's casts (`await (res.json() as Promise<T>)`). */
export function unwrapValue(node: Node | null): Node | null {
  let n = node;
  while (n !== null && VALUE_WRAPPERS.has(n.type)) n = n.firstNamedChild;
  return n;
}

/** The node under `await` and parentheses. */
export function unwrapAwait(node: Node | null): Node | null {
  let n = node;
  while (n && (n.type === 'await' || n.type === 'await_expression' || n.type === 'parenthesized_expression')) n = n.firstNamedChild;
  return n;
}

/** An assignment or declaration: the names it binds and the value bound. */
export interface Binding {
  name: string;
  value: Node;
  node: Node;
}

/** If `node` binds a plain name (`x = ...`, `const x = ...`, `x = await ...`), that binding. */
export function bindingOf(node: Node): Binding | null {
  if (node.type === 'assignment' || node.type === 'assignment_expression') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left?.type === 'identifier' && right) return { name: left.text, value: right, node };
  }
  if (node.type === 'variable_declarator') {
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (name?.type === 'identifier' && value) return { name: name.text, value, node };
    // `const [existing] = await db.select()…`, `const { data: existing } = await supabase…`: the
    // one name a destructuring pulls out holds (part of) the value.
    const single = name ? destructuredName(name) : null;
    if (single !== null && value) return { name: single, value, node };
  }
  return null;
}

/** The only name an array or object pattern binds (`[row]`, `{ data }`, `{ data: row }`), else null. */
function destructuredName(pattern: Node): string | null {
  if (pattern.type !== 'array_pattern' && pattern.type !== 'object_pattern') return null;
  const parts = pattern.namedChildren.filter((c) => c.type !== 'comment');
  if (parts.length !== 1) return null;
  const only = parts[0]!;
  if (only.type === 'identifier' || only.type === 'shorthand_property_identifier_pattern') return only.text;
  const bound = only.type === 'pair_pattern' ? only.childForFieldName('value') : null;
  return bound?.type === 'identifier' ? bound.text : null;
}

/** Node types that bind names, for `descendantsOfType`. */
export const BINDING_TYPES = ['assignment', 'assignment_expression', 'variable_declarator'] as const;

/** Whether `inner` lies within `outer` (or is it). */
export function contains(outer: Node, inner: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** Identifiers, attribute names and property names under `node`, for word tests. */
export function namesUnder(node: Node): string[] {
  const out: string[] = [];
  const types = ['identifier', 'property_identifier', 'shorthand_property_identifier', 'type_identifier'];
  if (types.includes(node.type)) out.push(node.text);
  for (const n of node.descendantsOfType(types)) out.push(n.text);
  return out;
}

/** Names bound by the `for` loops around `node` within `body` (`msg` of `for msg in receiver`, `for (const m of batch)`). */
export function loopVariables(node: Node, body: Node): string[] {
  const out: string[] = [];
  for (let p = node.parent; p !== null && p.id !== body.id; p = p.parent) {
    if (p.type !== 'for_statement' && p.type !== 'for_in_statement') continue;
    const left = p.childForFieldName('left');
    if (left !== null) out.push(...namesUnder(left));
  }
  return out;
}

/** The operand of a negation (`not x`, `!x`), or null when `c` is none. */
export function negatedOperand(c: Node): Node | null {
  if (c.type === 'not_operator' || (c.type === 'unary_expression' && (c.childForFieldName('operator')?.text ?? c.child(0)?.text) === '!')) {
    return c.childForFieldName('argument') ?? c.lastNamedChild;
  }
  return null;
}

/** Plain string literal contents under `node`. */
export function stringsUnder(node: Node): string[] {
  const out: string[] = [];
  const own = stringValue(node);
  if (own !== null) out.push(own);
  for (const s of node.descendantsOfType(['string', 'template_string'])) {
    const v = stringValue(s);
    if (v !== null) out.push(v);
  }
  return out;
}

/** A construct's first line without the `:` / `{` that opens its body (`for attempt in range(3)`): how a finding's label names it. */
export function headerLine(node: Node, max = 80): string {
  return firstLine(node, max).replace(/\s*[:{]\s*$/, '');
}

/** The first line of `node`'s text, trimmed, shortened to `max` characters. */
export function firstLine(node: Node, max = 80): string {
  const line = node.text.split('\n', 1)[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** `{ argCount }` of a call when it is known: no spread, and in Python no keyword argument. */
export function argCountOf(call: Node, family: Family): { argCount?: number } {
  const args = callArguments(call);
  const unknown = args.some((a) => ['dictionary_splat', 'list_splat', 'spread_element', ...(family === 'python' ? ['keyword_argument'] : [])].includes(a.type));
  return unknown ? {} : { argCount: args.length };
}

/** Whether a try statement has a `finally` (JavaScript's `finalizer` field, Python's `finally_clause`). */
export function hasFinally(tryStmt: Node): boolean {
  return tryStmt.childForFieldName('finalizer') !== null || tryStmt.namedChildren.some((c) => c.type === 'finally_clause');
}

/** The function a decorator applies to (Python decorated_definition, or a TS class member). */
export function decoratedFunction(deco: Node, family: Family): Node | null {
  const parent = deco.parent;
  if (parent === null) return null;
  if (parent.type === 'decorated_definition') {
    const def = parent.childForFieldName('definition');
    return def && isFunction(def, family) ? def : null;
  }
  for (let s = deco.nextNamedSibling; s !== null; s = s.nextNamedSibling) {
    if (s.type === 'decorator') continue;
    return isFunction(s, family) ? s : null;
  }
  return null;
}

/** The handler clauses of a try: `except` / `except*` / `catch`. */
export const HANDLER_TYPES: ReadonlySet<string> = new Set(['except_clause', 'except_group_clause', 'catch_clause']);
