import { isCallOf } from './call-vocabulary.js';
import { calleePath, callsWithin, nodesOfType } from './file-index.js';
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


interface FunctionIndex {
  /** Every named function-like node, first definition first. */
  byName: Map<string, Node>;
  /** Module-level and nested (non-method) functions by name. */
  plainByName: Map<string, Node>;
  /** Methods by name, each with the range of the class that owns it. */
  methodsByName: Map<string, { fn: Node; classStart: number; classEnd: number }[]>;
}

const CLASS_TYPES = ['class_definition', 'class_declaration', 'class', 'abstract_class_declaration'];

/** One pass over the file's functions: names, and which class each method belongs to. */
function functionIndex(ctx: FileContext): FunctionIndex {
  return ctx.memo('function-index', () => {
    const index: FunctionIndex = { byName: new Map(), plainByName: new Map(), methodsByName: new Map() };
    for (const fn of nodesOfType(ctx, functionTypes(ctx.family))) {
      const name = functionName(fn);
      if (name === null) continue;
      if (!index.byName.has(name)) index.byName.set(name, fn);
      const cls = owningClass(fn);
      if (cls === null) {
        if (!index.plainByName.has(name)) index.plainByName.set(name, fn);
      } else {
        const list = index.methodsByName.get(name) ?? [];
        list.push({ fn, classStart: cls.startIndex, classEnd: cls.endIndex });
        index.methodsByName.set(name, list);
      }
    }
    return index;
  });
}

/** The class a function is a method of (directly, not through a nested function), or null. */
function owningClass(fn: Node): Node | null {
  for (let p = fn.parent; p !== null; p = p.parent) {
    if (CLASS_TYPES.includes(p.type)) return p;
    if (p.type === 'function_definition' || p.type === 'function_declaration' || p.type === 'method_definition' || p.type === 'arrow_function') return null;
  }
  return null;
}

/** Functions of the file by declared name (first definition wins). */
export function functionsByName(ctx: FileContext): Map<string, Node> {
  return functionIndex(ctx).byName;
}

/**
 * The function a call invokes when this file defines it: `charge_customer(o)` → the module's
 * `def charge_customer`; `self.charge(o)` / `this.charge(o)` → the method of the enclosing class.
 * Null for anything else (imports, attributes of other objects), which the cross-file step handles.
 */
export function resolveLocalFunction(ctx: FileContext, call: Node): Node | null {
  const path = calleePath(ctx, call);
  if (/^[A-Za-z_$][\w$]*$/.test(path)) return functionIndex(ctx).plainByName.get(path) ?? null;
  const m = /^(self|this|cls)\.([A-Za-z_$][\w$]*)$/.exec(path);
  if (m === null) return null;
  const candidates = functionIndex(ctx).methodsByName.get(m[2] ?? '');
  if (candidates === undefined) return null;
  // The innermost class around the call that defines the method.
  const at = call.startIndex;
  let best: { fn: Node; classStart: number; classEnd: number } | undefined;
  for (const c of candidates) {
    if (c.classStart <= at && at < c.classEnd && (best === undefined || c.classStart > best.classStart)) best = c;
  }
  return best?.fn ?? null;
}

/**
 * The calls of vocabulary `name` that `call` makes: itself when it is one, else the ones inside a
 * function of this file it invokes, followed through any number of local helpers. Empty when none.
 */
export function reachedCallsOf(ctx: FileContext, call: Node, name: string): Node[] {
  if (isCallOf(ctx, call, name)) return [call];
  const fn = resolveLocalFunction(ctx, call);
  return fn ? callsInside(ctx, fn, name) : [];
}

/**
 * The vocabulary calls a local function makes, directly or through other local functions;
 * computed once per function (a recursive helper sees itself as making none while in progress).
 */
function callsInside(ctx: FileContext, fn: Node, name: string): Node[] {
  const cache = ctx.memo(`reach:${name}`, () => new Map<number, Node[]>());
  const known = cache.get(fn.id);
  if (known !== undefined) return known;
  cache.set(fn.id, []); // a recursive helper sees itself as making none while in progress
  const out: Node[] = [];
  const body = functionBody(fn);
  for (const inner of body ? callsWithin(ctx, body) : []) {
    if (isCallOf(ctx, inner, name)) out.push(inner);
    else {
      const next = resolveLocalFunction(ctx, inner);
      if (next) out.push(...callsInside(ctx, next, name));
    }
  }
  cache.set(fn.id, out);
  return out;
}

/** The last segment of a call's path, e.g. `charge` for `self.gateway.charge(p)`. */
export function calleeName(call: Node): string {
  return lastSegment(dottedPath(callee(call)));
}
