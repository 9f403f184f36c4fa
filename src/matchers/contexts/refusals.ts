import { normalizeName } from '../names.js';
import { conjunctsOf, contains, dottedPath, lastSegment, unwrapParens, type Node } from '../syntax.js';

/** The statuses that prove a request was refused, not run (`retry.refused_statuses`), and the fields that hold a status. */
export interface RefusalVocab {
  refusedStatuses: ReadonlySet<string>;
  statusFields: ReadonlySet<string>;
  /** Fields that hold a provider's own error code (`retry.provider_code_fields`). */
  providerCodeFields: ReadonlySet<string>;
}

/**
 * Whether `node` runs only in a branch whose condition requires a refused status
 * (`if (response.status === 401 && retries > 0)`, `if resp.status_code in (401, 429) and attempt < 3:`).
 */
export function onlyAfterRefusal(v: RefusalVocab, node: Node, body: Node): boolean {
  if (v.refusedStatuses.size === 0 && v.providerCodeFields.size === 0) return false;
  for (let p = node.parent; p !== null && p.id !== body.id; p = p.parent) {
    if (p.type !== 'if_statement' && p.type !== 'elif_clause') continue;
    const cond = p.childForFieldName('condition');
    const branch = p.childForFieldName('consequence');
    if (cond !== null && branch !== null && contains(branch, node) && conjunctsOf(cond).some((c) => testsRefusedStatus(v, c) || testsProviderCode(v, c))) return true;
  }
  return false;
}

/** `res.status === 401`, `e.response.status_code == 429`, `status in (401, 429)`: a status field equal to refused statuses only. */
function testsRefusedStatus(v: RefusalVocab, c: Node): boolean {
  const either = c.childForFieldName('operator')?.text;
  if ((c.type === 'binary_expression' && either === '||') || (c.type === 'boolean_operator' && either === 'or')) {
    // `res.status === 401 || res.status === 429`: each side a refusal
    return [c.childForFieldName('left'), c.childForFieldName('right')].every((side) => side !== null && testsRefusedStatus(v, unwrapParens(side) ?? side));
  }
  const parts = c.namedChildren;
  const ops = c.children.filter((x) => !x.isNamed).map((x) => x.text);
  if (parts.length !== 2 || ops.length !== 1) return false;
  const [left, right] = parts as [Node, Node];
  const field = normalizeName(lastSegment(dottedPath(left)));
  if (!v.statusFields.has(field)) return false;
  if (c.type === 'binary_expression' && (ops[0] === '===' || ops[0] === '==')) return v.refusedStatuses.has(right.text);
  if (c.type === 'comparison_operator' && ops[0] === '==') return v.refusedStatuses.has(right.text);
  if (c.type === 'comparison_operator' && ops[0] === 'in' && (right.type === 'tuple' || right.type === 'list' || right.type === 'set')) {
    const items = right.namedChildren;
    return items.length > 0 && items.every((i) => v.refusedStatuses.has(i.text));
  }
  return false;
}

/**
 * `err.code === 50416`, `e.code == 21211`: the error's provider code (`provider_code_fields`) equal to a
 * number of four digits or more. HTTP statuses have three; such a code is the provider's answer that
 * it refused the request (a timeout or a dropped connection carries none), so nothing was done.
 */
function testsProviderCode(v: RefusalVocab, c: Node): boolean {
  if (v.providerCodeFields.size === 0) return false;
  const parts = c.namedChildren;
  const ops = c.children.filter((x) => !x.isNamed).map((x) => x.text);
  if (parts.length !== 2 || ops.length !== 1 || !['===', '=='].includes(ops[0] ?? '')) return false;
  if (c.type !== 'binary_expression' && c.type !== 'comparison_operator') return false;
  const [left, right] = parts as [Node, Node];
  const [field, code] = /^\d+$/.test(right.text) ? [left, right] : [right, left];
  return /^\d{4,}$/.test(code.text) && v.providerCodeFields.has(normalizeName(lastSegment(dottedPath(field))));
}
