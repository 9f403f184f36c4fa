import { nodesWithin } from './file-index.js';
import { BINDING_TYPES, bindingOf, enclosingFunction, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/** The value last bound to `name` before `at`, in the functions around it or at module level. */
export function lastBindingBefore(ctx: FileContext, name: string, at: Node): Node | null {
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

/** Every binding in a scope by name, in order (built once per scope: lookups recur per call). */
function bindingsIn(ctx: FileContext, scope: Node): Map<string, { at: number; value: Node }[]> {
  return ctx.memo(`bindings:${scope.id}`, () => {
    const out = new Map<string, { at: number; value: Node }[]>();
    const add = (name: string, at: number, value: Node | null) => {
      if (value === null) return;
      const list = out.get(name) ?? [];
      list.push({ at, value });
      out.set(name, list);
    };
    for (const node of nodesWithin(ctx, scope, BINDING_TYPES)) {
      const b = bindingOf(node);
      if (b !== null) add(b.name, node.startIndex, b.value);
      else for (const name of destructuredNames(node)) add(name, node.startIndex, node.childForFieldName('value') ?? node.childForFieldName('right'));
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
