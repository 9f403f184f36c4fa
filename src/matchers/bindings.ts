import { nodesWithin } from './file-index.js';
import { BINDING_TYPES, bindingOf, enclosingFunction, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/** The value last bound to `name` before `at`, in the functions around it or at module level. */
export function lastBindingBefore(ctx: FileContext, name: string, at: Node): Node | null {
  // Every scope's bindings are among the file's: a name the file never binds needs no walk up.
  if (!bindingsIn(ctx, ctx.root).has(name)) return null;
  const scopes: Node[] = [];
  for (let fn = enclosingFunction(at, ctx.family); fn !== null; fn = enclosingFunction(fn, ctx.family)) scopes.push(fn);
  scopes.push(ctx.root);
  for (const scope of scopes) {
    let found: Node | null = null;
    for (const b of bindingsIn(ctx, scope).get(name) ?? []) {
      if (b.at >= at.startIndex) break;
      found = b.value;
    }
    if (found !== null) return found;
  }
  return null;
}

/**
 * The value of the last plain binding (`name = value`, `const name = value`; no destructuring) of
 * `name` in `scope`, among those starting before `before` when it is given; null when none.
 */
export function lastPlainBinding(ctx: FileContext, scope: Node, name: string, before?: number): Node | null {
  if (!bindingsIn(ctx, ctx.root).has(name)) return null;
  let found: Node | null = null;
  for (const b of bindingsIn(ctx, scope).get(name) ?? []) {
    if (before !== undefined && b.at >= before) break;
    if (b.plain) found = b.value;
  }
  return found;
}

interface Bound {
  at: number;
  value: Node;
  /** Bound whole (`bindingOf`), not pulled out of a pattern. */
  plain: boolean;
}

/** Every binding in a scope by name, in order (built once per scope: lookups recur per call). */
function bindingsIn(ctx: FileContext, scope: Node): Map<string, Bound[]> {
  const byScope = ctx.memo('bindings-by-scope', () => new Map<number, Map<string, Bound[]>>());
  let known = byScope.get(scope.id);
  if (known === undefined) byScope.set(scope.id, (known = scopeBindings(ctx, scope)));
  return known;
}

function scopeBindings(ctx: FileContext, scope: Node): Map<string, Bound[]> {
  const all = fileBindings(ctx);
  const out = new Map<string, Bound[]>();
  // A scope's bindings are the file's that lie within it: a slice of the file's list, no new walk.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid] as FileBinding).bound.at < scope.startIndex) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < all.length && (all[i] as FileBinding).bound.at < scope.endIndex; i++) {
    const { name, bound, end } = all[i] as FileBinding;
    if (end > scope.endIndex) continue;
    const list = out.get(name);
    if (list === undefined) out.set(name, [bound]);
    else list.push(bound);
  }
  return out;
}

interface FileBinding {
  name: string;
  bound: Bound;
  end: number;
}

/** Every binding of the file in document order, each node read once (scopes take slices of it). */
function fileBindings(ctx: FileContext): FileBinding[] {
  return ctx.memo('file-bindings', () => {
    const out: FileBinding[] = [];
    for (const node of nodesWithin(ctx, ctx.root, BINDING_TYPES)) {
      const at = node.startIndex;
      const end = node.endIndex;
      const b = bindingOf(node);
      if (b !== null) {
        out.push({ name: b.name, bound: { at, value: b.value, plain: true }, end });
        continue;
      }
      const value = node.childForFieldName('value') ?? node.childForFieldName('right');
      if (value === null) continue;
      for (const name of destructuredNames(node)) out.push({ name, bound: { at, value, plain: false }, end });
    }
    return out;
  });
}

/** `const { data: payouts } = …`, `[a, b] = …`: the names a pattern binds. */
const FIELD_TARGETS = new Set(['attribute', 'member_expression', 'subscript', 'subscript_expression']);

function destructuredNames(node: Node): string[] {
  const target = node.childForFieldName('name') ?? node.childForFieldName('left');
  // `msg.content_subtype = "html"`, `row[key] = v`: a field of the value changes, not what the name holds.
  if (target === null || target.type === 'identifier' || FIELD_TARGETS.has(target.type)) return [];
  // Keys of a pattern (`data` in `{ data: payouts }`) are property identifiers, not identifiers.
  return target.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']).map((id) => id.text);
}
