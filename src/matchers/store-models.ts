import { compiledOnce } from './compiled.js';
import { bindingOf, callArguments, callee, dottedPath, isCall, stringValue, unwrapAwait, unwrapParens, type Node } from './syntax.js';
import { NamePatterns } from './names.js';
import type { FileContext } from './types.js';

/**
 * The names under which a module hands out a model of the application's own database
 * (`module.exports = mongoose.model('Payment', schema)`, `export const Payment =
 * mongoose.models.Payment || model('Payment', schema)`): `default` for the module itself. A
 * caller's `Payment.create(…)` through one of them stores a row locally; it writes nothing remote.
 */
export function storeModelExports(ctx: FileContext): string[] {
  if (ctx.family !== 'ecma' || ctx.vocab.store_model_factories.length === 0) return [];
  const models = new Set<string>();
  const bound = new Map<string, Node>();
  const out = new Set<string>();
  for (const stmt of ctx.root.namedChildren) {
    const declared = stmt.type === 'export_statement' ? stmt.childForFieldName('declaration') : stmt;
    if (declared !== null && (declared.type === 'lexical_declaration' || declared.type === 'variable_declaration')) {
      for (const decl of declared.namedChildren) {
        const b = decl.type === 'variable_declarator' ? bindingOf(decl) : null;
        if (b === null) continue;
        bound.set(b.name, b.value);
        if (buildsModel(ctx, b.value)) {
          models.add(b.name);
          if (stmt.type === 'export_statement') out.add(b.name);
        }
      }
      continue;
    }
    if (stmt.type === 'export_statement' && stmt.children.some((c) => c.type === 'default')) {
      const value = stmt.childForFieldName('value') ?? stmt.namedChildren.at(-1) ?? null;
      if (value !== null && isModel(ctx, value, models)) out.add('default');
      continue;
    }
    const assign = stmt.type === 'expression_statement' ? stmt.firstNamedChild : null;
    if (assign?.type !== 'assignment_expression') continue;
    const target = dottedPath(assign.childForFieldName('left'));
    const value = assign.childForFieldName('right');
    if (value === null) continue;
    if (target === 'module.exports' && value.type === 'object') {
      // `module.exports = { Payment, User }`
      for (const part of value.namedChildren) {
        const name = part.type === 'shorthand_property_identifier' ? part.text : part.type === 'pair' ? part.childForFieldName('key')?.text : undefined;
        const held = part.type === 'pair' ? part.childForFieldName('value') : part;
        if (name !== undefined && held !== null && isModel(ctx, held, models)) out.add(name);
      }
    } else if (target === 'module.exports' && isModel(ctx, value, models)) out.add('default');
    else if (/^(module\.)?exports\.[\w$]+$/.test(target) && isModel(ctx, value, models)) out.add(target.slice(target.lastIndexOf('.') + 1));
  }
  return [...out];
}

/** A value that is a model: built here, or a name bound to one. */
function isModel(ctx: FileContext, value: Node, models: Set<string>): boolean {
  const v = unwrapParens(value);
  if (v === null) return false;
  if (v.type === 'identifier' || v.type === 'shorthand_property_identifier') return models.has(v.text);
  return buildsModel(ctx, v);
}

/** `mongoose.model('Payment', schema)`, `sequelize.define('payment', …)`, `mongoose.models.Payment || model(…)`. */
function buildsModel(ctx: FileContext, value: Node): boolean {
  const v = unwrapParens(unwrapAwait(value));
  if (v === null) return false;
  const factories = compiledOnce(ctx.vocab, 'store-model-factories', () => new NamePatterns(ctx.vocab.store_model_factories, { caseSensitive: true }));
  if (v.type === 'binary_expression' && /^(\|\||\?\?)$/.test(v.childForFieldName('operator')?.text ?? '')) {
    return [v.childForFieldName('left'), v.childForFieldName('right')].every((side) => side !== null && buildsModel(ctx, side));
  }
  if (v.type === 'member_expression') return factories.matches(dottedPath(v));
  if (!isCall(v, ctx.family)) return false;
  // A model is named by its first argument (`model('Payment', schema)`); `model(config)` builds something else.
  const first = callArguments(v)[0];
  return factories.matches(dottedPath(callee(v))) && first !== undefined && stringValue(first) !== null;
}
