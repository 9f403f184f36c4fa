import { isCallOf } from './call-vocabulary.js';
import {
  callTypes,
  callee,
  dottedPath,
  functionBody,
  functionName,
  functionTypes,
  lastSegment,
  type Node,
} from './syntax.js';
import type { FileContext } from './types.js';

/** How many helper levels a call is followed through (`process` → `charge_customer` → gateway). */
export const HELPER_DEPTH = 3;

/** Functions of the file by declared name (first definition wins). */
export function functionsByName(ctx: FileContext): Map<string, Node> {
  return ctx.memo('functions-by-name', () => {
    const map = new Map<string, Node>();
    for (const fn of ctx.root.descendantsOfType(functionTypes(ctx.family) as string[])) {
      const name = functionName(fn);
      if (name !== null && !map.has(name)) map.set(name, fn);
    }
    return map;
  });
}

const CLASS_TYPES = ['class_definition', 'class_declaration', 'class', 'abstract_class_declaration'];

/**
 * The function a call invokes when this file defines it: `charge_customer(o)` → the module's
 * `def charge_customer`; `self.charge(o)` / `this.charge(o)` → the method of the enclosing class.
 * Null for anything else (imports, attributes of other objects), which the cross-file step handles.
 */
export function resolveLocalFunction(ctx: FileContext, call: Node): Node | null {
  const path = dottedPath(callee(call));
  if (/^[A-Za-z_$][\w$]*$/.test(path)) {
    const fn = functionsByName(ctx).get(path);
    return fn && fn.type !== 'method_definition' && !isMethod(fn) ? fn : null;
  }
  const m = /^(self|this|cls)\.([A-Za-z_$][\w$]*)$/.exec(path);
  if (m === null) return null;
  let cls: Node | null = call.parent;
  while (cls !== null && !CLASS_TYPES.includes(cls.type)) cls = cls.parent;
  if (cls === null) return null;
  for (const fn of cls.descendantsOfType(functionTypes(ctx.family) as string[])) {
    if (functionName(fn) === m[2] && isMethodOf(fn, cls)) return fn;
  }
  return null;
}

function isMethod(fn: Node): boolean {
  for (let p = fn.parent; p !== null; p = p.parent) {
    if (CLASS_TYPES.includes(p.type)) return true;
    if (p.type === 'function_definition' || p.type === 'function_declaration') return false;
  }
  return false;
}

function isMethodOf(fn: Node, cls: Node): boolean {
  let p = fn.parent;
  while (p !== null && !CLASS_TYPES.includes(p.type)) p = p.parent;
  return p?.id === cls.id;
}

/**
 * The calls of vocabulary `name` that `call` makes: itself when it is one, else the ones inside a
 * function of this file it invokes, followed up to `HELPER_DEPTH` levels. Empty when none.
 */
export function reachedCallsOf(ctx: FileContext, call: Node, name: string): Node[] {
  if (isCallOf(ctx, call, name)) return [call];
  return ctx.memo(`reach:${name}:${call.id}`, () => {
    const fn = resolveLocalFunction(ctx, call);
    return fn ? callsInside(ctx, fn, name, HELPER_DEPTH, new Set()) : [];
  });
}

function callsInside(ctx: FileContext, fn: Node, name: string, depth: number, visiting: Set<number>): Node[] {
  const body = functionBody(fn);
  if (body === null || visiting.has(fn.id)) return [];
  visiting.add(fn.id);
  const out: Node[] = [];
  for (const inner of body.descendantsOfType(callTypes(ctx.family) as string[])) {
    if (isCallOf(ctx, inner, name)) out.push(inner);
    else if (depth > 1) {
      const next = resolveLocalFunction(ctx, inner);
      if (next) out.push(...callsInside(ctx, next, name, depth - 1, visiting));
    }
  }
  visiting.delete(fn.id);
  return out;
}

/** The last segment of a call's path, e.g. `charge` for `self.gateway.charge(p)`. */
export function calleeName(call: Node): string {
  return lastSegment(dottedPath(callee(call)));
}
