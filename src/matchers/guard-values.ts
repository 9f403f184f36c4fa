import { lastSegment, stringValue, unwrapParens, type Node } from './syntax.js';

/**
 * A value a record's field is set to: a quoted string, `true`, a member of a status constant or
 * enum (`Status.COMPLETED`, `OrderStatus.Sent`, `constant`), or nothing (`None`, `null`,
 * `undefined`, `false`).
 */
export type FieldValue = { text: string; constant?: true } | null;

/** `'PENDING'`, `Status.COMPLETED`, `True`, `None`: the value an assignment's right side sets; undefined when not a literal or a constant. */
export function literalValue(node: Node | null): FieldValue | undefined {
  const n = unwrapParens(node);
  if (n === null) return undefined;
  if (NOTHING.has(n.type) || NOTHING.has(n.text)) return null;
  if (n.type === 'true' || n.text === 'True') return { text: 'true' };
  const text = stringValue(n);
  if (text !== null) return { text };
  const member = constantMember(n);
  return member === null ? undefined : { text: member, constant: true };
}

const NOTHING = new Set(['none', 'null', 'undefined', 'false', 'None', 'False']);

/**
 * `Status.COMPLETED`, `OrderStatus.Sent`, `Order.Status.SENT.value`: a member of a constant or enum,
 * named by its dotted text (Python's `.value` dropped). The member is in capitals, or the object it
 * is read from is named like a type (a capital first letter); `deposit.status` is neither.
 */
function constantMember(node: Node): string | null {
  if (node.type !== 'member_expression' && node.type !== 'attribute') return null;
  let text = node.text.replace(/\s+/g, '');
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(text)) return null;
  if (text.endsWith('.value')) text = text.slice(0, -'.value'.length);
  const dot = text.lastIndexOf('.');
  if (dot < 0) return null;
  const member = text.slice(dot + 1);
  const owner = lastSegment(text.slice(0, dot));
  return /^[A-Z][A-Z0-9_]*$/.test(member) || /^[A-Z]/.test(owner) ? text : null;
}

/**
 * What `cond` comes to when `field` holds `value` (`task.status === 'PROCESSING' || task.status
 * === 'COMPLETED'` with `'PENDING'`: false). Undefined when the condition depends on anything else
 * it cannot read: comparisons of the field with quoted values, its truth, `not`, `and`/`or` and
 * Python's `in` over a tuple or list are read. `present` names the record itself, there whenever
 * its field is read (`ticket && ticket.isSend`).
 */
export function evaluateWith(cond: Node | null, field: string, value: FieldValue, present?: string): boolean | undefined {
  const c = unwrapParens(cond);
  if (c === null) return undefined;
  if (sameField(c, field)) return value !== null && value.text !== '';
  if (present !== undefined && c.text === present) return true;
  if (c.type === 'not_operator' || (c.type === 'unary_expression' && c.child(0)?.text === '!')) {
    const inner = evaluateWith(c.childForFieldName('argument') ?? c.lastNamedChild, field, value, present);
    return inner === undefined ? undefined : !inner;
  }
  const op = operatorOf(c);
  if (op === 'and' || op === '&&' || op === 'or' || op === '||') {
    const sides = [c.childForFieldName('left'), c.childForFieldName('right')].map((s) => evaluateWith(s, field, value, present));
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

/**
 * Two constants are equal by name; a constant equals a quoted value that spells its member
 * (`Status.COMPLETED` and `'completed'`: an enum's member and its value, in any case).
 */
function equal(a: FieldValue, b: FieldValue): boolean {
  if (a === null || b === null) return a === b;
  if (a.constant === true && b.constant === true) return a.text === b.text;
  if (a.constant === true || b.constant === true) {
    const [member, quoted] = a.constant === true ? [lastSegment(a.text), b.text] : [lastSegment(b.text), a.text];
    return member.toLowerCase() === quoted.toLowerCase();
  }
  return a.text === b.text;
}
