import { stringValue, unwrapParens, type Node } from './syntax.js';

/** A value a record's field is set to: a quoted string, or nothing (`None`, `null`, `undefined`, `false`). */
export type FieldValue = { text: string } | null;

/** `'PENDING'`, `None`, `null`: the value an assignment's right side sets; undefined when not a literal. */
export function literalValue(node: Node | null): FieldValue | undefined {
  const n = unwrapParens(node);
  if (n === null) return undefined;
  if (NOTHING.has(n.type) || NOTHING.has(n.text)) return null;
  const text = stringValue(n);
  return text === null ? undefined : { text };
}

const NOTHING = new Set(['none', 'null', 'undefined', 'false', 'None', 'False']);

/**
 * What `cond` comes to when `field` holds `value` (`task.status === 'PROCESSING' || task.status
 * === 'COMPLETED'` with `'PENDING'`: false). Undefined when the condition depends on anything else
 * it cannot read: comparisons of the field with quoted values, its truth, `not`, `and`/`or` and
 * Python's `in` over a tuple or list are read.
 */
export function evaluateWith(cond: Node | null, field: string, value: FieldValue): boolean | undefined {
  const c = unwrapParens(cond);
  if (c === null) return undefined;
  if (sameField(c, field)) return value !== null && value.text !== '';
  if (c.type === 'not_operator' || (c.type === 'unary_expression' && c.child(0)?.text === '!')) {
    const inner = evaluateWith(c.childForFieldName('argument') ?? c.lastNamedChild, field, value);
    return inner === undefined ? undefined : !inner;
  }
  const op = operatorOf(c);
  if (op === 'and' || op === '&&' || op === 'or' || op === '||') {
    const sides = [c.childForFieldName('left'), c.childForFieldName('right')].map((s) => evaluateWith(s, field, value));
    const decisive = op === 'and' || op === '&&' ? false : true;
    if (sides.includes(decisive)) return decisive;
    return sides.every((s) => s === !decisive) ? !decisive : undefined;
  }
  if (op === undefined) return undefined;
  const [left, right] = c.type === 'comparison_operator' ? c.namedChildren : [c.childForFieldName('left'), c.childForFieldName('right')];
  if (!left || !right) return undefined;
  if (op === 'in' || op === 'not in') {
    if (!sameField(left, field)) return undefined;
    const options = right.type === 'tuple' || right.type === 'list' || right.type === 'set' ? right.namedChildren.map(literalValue) : [undefined];
    if (options.includes(undefined)) return undefined;
    const found = options.some((o) => equal(o as FieldValue, value));
    return op === 'in' ? found : !found;
  }
  const other = sameField(left, field) ? right : sameField(right, field) ? left : null;
  const given = other === null ? undefined : literalValue(other);
  if (given === undefined) return undefined;
  const eq = equal(given, value);
  if (EQUAL.has(op)) return eq;
  if (UNEQUAL.has(op)) return !eq;
  return undefined;
}

const EQUAL = new Set(['==', '===', 'is']);
const UNEQUAL = new Set(['!=', '!==', 'is not']);

function operatorOf(c: Node): string | undefined {
  if (c.type === 'boolean_operator' || c.type === 'binary_expression') return c.childForFieldName('operator')?.text;
  if (c.type === 'comparison_operator') {
    if (c.namedChildren.length !== 2) return undefined;
    return c.children.filter((ch) => !ch.isNamed).map((ch) => ch.text).join(' ');
  }
  return undefined;
}

function sameField(node: Node, field: string): boolean {
  return node.text.replace(/\s+/g, '') === field;
}

function equal(a: FieldValue, b: FieldValue): boolean {
  return a === null || b === null ? a === b : a.text === b.text;
}
