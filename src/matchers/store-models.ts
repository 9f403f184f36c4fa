import { compiledOnce } from './compiled.js';
import { nodesOfType } from './file-index.js';
import { bindingOf, callArguments, callee, dottedPath, isCall, stringValue, unwrapAwait, unwrapParens, type Node } from './syntax.js';
import { NamePatterns, escapeRegExp } from './names.js';
import { importsOf } from './imports.js';
import type { FileContext } from './types.js';

/**
 * The names under which a module hands out a model of the application's own database
 * (`module.exports = mongoose.model('Payment', schema)`, `export const Payment =
 * mongoose.models.Payment || model('Payment', schema)`): `default` for the module itself. A
 * caller's `Payment.create(…)` through one of them stores a row locally; it writes nothing remote.
 */
export function storeModelExports(ctx: FileContext): string[] {
  if (ctx.family !== 'ecma' || ctx.vocab.store_model_factories.length === 0) return [];
  if (isModelRegistry(ctx)) return [MODEL_REGISTRY];
  const models = new Set<string>();
  const out = new Set<string>();
  for (const top of topLevel(ctx)) {
    if (top.kind === 'class') {
      if (extendsStoreModel(ctx, top.node) || models.has(baseClassName(top.node) ?? '')) {
        models.add(top.name);
        if (top.exported) out.add(top.name);
        if (top.isDefault) out.add('default');
      }
      continue;
    }
    if (top.kind === 'binding') {
      if (buildsModel(ctx, top.value)) {
        models.add(top.name);
        if (top.exported) out.add(top.name);
      }
      continue;
    }
    if (top.kind === 'default-export') {
      if (top.value !== null && isModel(ctx, top.value, models)) out.add('default');
      continue;
    }
    const { target, value } = top;
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

/**
 * What `FileSummary.storeModels` holds for a module whose exported object is a registry of models
 * (`isModelRegistry`): each of its properties is one.
 */
export const MODEL_REGISTRY = '*';

/**
 * sequelize-cli's `models/index.js`: the module opens the connection to the application's database
 * (`new Sequelize(…)`, vocabulary `store_connections`), starts an empty object, fills it by computed
 * name (`db[model.name] = model`) and exports it (`module.exports = db`, `export default db`). A
 * module that fills such an object without opening a database connection (a table of remote
 * clients) is no registry of models.
 */
function isModelRegistry(ctx: FileContext): boolean {
  if (ctx.vocab.store_connections.length === 0 || !/\bnew\s/.test(ctx.source)) return false;
  const connections = compiledOnce(ctx.vocab, 'store-connections', () => new NamePatterns(ctx.vocab.store_connections, { caseSensitive: true }));
  const empty = new Set<string>();
  let exported: string | null = null;
  let opens = false;
  for (const top of topLevel(ctx)) {
    if (top.kind === 'binding') {
      const v = unwrapParens(top.value);
      if (v?.type === 'object' && v.namedChildren.length === 0) empty.add(top.name);
      if (v?.type === 'new_expression' && connections.matches(dottedPath(v.childForFieldName('constructor')))) opens = true;
      continue;
    }
    if (top.kind === 'default-export') {
      if (top.value?.type === 'identifier') exported = top.value.text;
      continue;
    }
    if (top.kind === 'class') continue;
    const right = unwrapParens(top.value);
    if (top.target === 'module.exports' && right?.type === 'identifier') exported = right.text;
    // `let sequelize; if (…) sequelize = new Sequelize(…)` at the top is the connection too.
    if (right?.type === 'new_expression' && connections.matches(dottedPath(right.childForFieldName('constructor')))) opens = true;
  }
  if (exported === null || !empty.has(exported)) return false;
  if (!opens) {
    // The connection opened in a branch at the top (`if (config.url) sequelize = new Sequelize(…) else …`).
    opens = nodesOfType(ctx, 'new_expression').some((n) => connections.matches(dottedPath(n.childForFieldName('constructor'))));
  }
  if (!opens) return false;
  const registry = exported;
  return nodesOfType(ctx, 'assignment_expression').some((a) => {
    const left = a.childForFieldName('left');
    if (left?.type !== 'subscript_expression' || left.childForFieldName('object')?.text !== registry) return false;
    const index = left.childForFieldName('index');
    return index !== null && stringValue(index) === null && index.type !== 'number';
  });
}

type TopLevel =
  | { kind: 'binding'; name: string; value: Node; exported: boolean }
  | { kind: 'class'; name: string; node: Node; exported: boolean; isDefault: boolean }
  | { kind: 'default-export'; value: Node | null }
  | { kind: 'assignment'; target: string; value: Node | null };

/** A module's top-level statements as both readers above need them: bindings, `export default`, assignments. */
function* topLevel(ctx: FileContext): Generator<TopLevel> {
  for (const stmt of ctx.root.namedChildren) {
    const declared = stmt.type === 'export_statement' ? (stmt.childForFieldName('declaration') ?? stmt.childForFieldName('value')) : stmt;
    if (declared !== null && (declared.type === 'class_declaration' || declared.type === 'class')) {
      const name = declared.childForFieldName('name')?.text;
      if (name !== undefined) yield { kind: 'class', name, node: declared, exported: stmt.type === 'export_statement', isDefault: stmt.type === 'export_statement' && stmt.children.some((c) => c.type === 'default') };
      continue;
    }
    if (declared !== null && (declared.type === 'lexical_declaration' || declared.type === 'variable_declaration')) {
      for (const decl of declared.namedChildren) {
        const b = decl.type === 'variable_declarator' ? bindingOf(decl) : null;
        if (b !== null) yield { kind: 'binding', name: b.name, value: b.value, exported: stmt.type === 'export_statement' };
      }
      continue;
    }
    if (stmt.type === 'export_statement' && stmt.children.some((c) => c.type === 'default')) {
      yield { kind: 'default-export', value: stmt.childForFieldName('value') ?? stmt.namedChildren.at(-1) ?? null };
      continue;
    }
    const assign = stmt.type === 'expression_statement' ? stmt.firstNamedChild : null;
    if (assign?.type === 'assignment_expression') yield { kind: 'assignment', target: dottedPath(assign.childForFieldName('left')), value: assign.childForFieldName('right') };
  }
}

/** `class CallLog extends Model {}`: a class of a store model type (vocabulary `store_model_types`). */
function extendsStoreModel(ctx: FileContext, cls: Node): boolean {
  const base = baseClass(cls);
  return base !== null && ctx.vocab.store_model_types.length > 0 && storeTypes(ctx).matches(dottedPath(base));
}

/** The expression after `extends` (`Model`, `Entity`, `mongoose.Model`), or null. */
function baseClass(cls: Node): Node | null {
  const heritage = cls.namedChildren.find((c) => c.type === 'class_heritage');
  if (heritage === undefined) return null;
  const clause = heritage.namedChildren.find((c) => c.type === 'extends_clause') ?? heritage;
  return clause.namedChildren[0] ?? null;
}

/** The plain name a class extends (`Entity` in `class Program extends Entity`), or null. */
function baseClassName(cls: Node): string | null {
  const base = baseClass(cls);
  return base?.type === 'identifier' ? base.text : null;
}

/**
 * Exported classes that extend a class this file imports (`import Entity from './Entity'; export
 * default class Program extends Entity`): exported name (`default` for the module) → the imported
 * name of the base. Whether such a class is a model depends on the base's own module, which the link
 * step reads (sequelize-typescript projects keep one base model with the shared columns and derive
 * every model from it).
 */
export function storeModelBases(ctx: FileContext): Record<string, string> {
  const out: Record<string, string> = {};
  if (ctx.family !== 'ecma' || ctx.vocab.store_model_types.length === 0) return out;
  const imported = new Set([...importsOf(ctx).values()].map((i) => i.local));
  const bases = new Map<string, string>();
  for (const top of topLevel(ctx)) {
    if (top.kind === 'class') {
      const base = baseClassName(top.node);
      // A class extending a store model type directly is in `storeModelExports` already.
      if (base === null || !imported.has(base) || extendsStoreModel(ctx, top.node)) continue;
      bases.set(top.name, base);
      if (top.exported) out[top.isDefault ? 'default' : top.name] = base;
    } else if (top.kind === 'default-export' && top.value?.type === 'identifier') {
      // `class Program extends Entity {…}` … `export default Program;`
      const base = bases.get(top.value.text);
      if (base !== undefined) out.default = base;
    }
  }
  return out;
}

function storeTypes(ctx: FileContext): NamePatterns {
  return compiledOnce(ctx.vocab, 'store-model-types', () => new NamePatterns(ctx.vocab.store_model_types, { caseSensitive: true }));
}

/**
 * The names of this file through which a call writes the application's own database: a top-level name
 * bound or assigned to a model built here (`const CallLog = sequelize.define('CallLog', …)`, `let Audit;
 * Audit = mongoose.models.Audit || mongoose.model('Audit', schema)`), a class extending a store model
 * type, and a field or parameter typed as one or injected as one (`@InjectModel(PayoutLog.name) private
 * payoutLogModel: Model<PayoutLog>`), by the name a call reaches it under (`payoutLogModel`,
 * `this.payoutLogModel`). Read once per file.
 */
export function localStoreModels(ctx: FileContext): ReadonlySet<string> {
  return ctx.memo('local-store-models', () => {
    const names = new Set<string>();
    if (ctx.family !== 'ecma') return names;
    const factories = ctx.vocab.store_model_factories.length > 0;
    for (const top of topLevel(ctx)) {
      if (top.kind === 'class') {
        if (extendsStoreModel(ctx, top.node)) names.add(top.name);
      } else if (top.kind === 'binding') {
        if (factories && buildsModel(ctx, top.value)) names.add(top.name);
      } else if (top.kind === 'assignment' && top.value !== null && /^[\w$]+$/.test(top.target)) {
        if (factories && buildsModel(ctx, top.value)) names.add(top.target);
      }
    }
    const types = ctx.vocab.store_model_types.filter((n) => /^[\w$]+(\.[\w$]+)*$/.test(n));
    const injectors = ctx.vocab.store_model_injectors.filter((n) => /^[\w$]+$/.test(n));
    const found = (name: string) => {
      names.add(name);
      names.add(`this.${name}`);
    };
    if (types.length > 0 && /:\s*[\w$.]+\s*</.test(ctx.source)) {
      // `payoutLogModel: Model<PayoutLog>`, `private readonly repo: Repository<User>`, `userModel?: mongoose.Model<IUser>`.
      const typed = new RegExp(`([\\w$]+)\\s*[?!]?:\\s*(?:${types.map(escapeRegExp).join('|')})\\s*<`, 'g');
      for (const m of ctx.source.matchAll(typed)) found(m[1]!);
    }
    const handles = ctx.vocab.store_handle_types.filter((n) => /^[\w$*]+(\.[\w$*]+)*$/.test(n));
    if (handles.length > 0) {
      // `client: PrismaClient | Prisma.TransactionClient`, `transaction: PrismaTransactionalClient`, `em: EntityManager`:
      // a handle on the database itself, written with no type argument; a union's other members may come first.
      const handle = handles.map((n) => escapeRegExp(n).replace(/\\\*/g, '[\\w$]*')).join('|');
      const typed = new RegExp(`([\\w$]+)\\s*[?!]?:\\s*(?:[\\w$.]+\\s*\\|\\s*)*(?:${handle})(?![\\w$.<])`, 'g');
      for (const m of ctx.source.matchAll(typed)) {
        // A plain parameter (`recordCheckout(client: PrismaClient)`) is a handle only inside its own
        // function: the same generic name (`client`, `tx`) elsewhere in the file may be an SDK's.
        const param = ctx.root.descendantForIndex(m.index!);
        const fn = handleParameterFunction(param);
        if (fn === null) found(m[1]!);
        else if (fn !== undefined) handleParameters(ctx).push({ name: m[1]!, fn });
      }
    }
    if (injectors.length > 0 && ctx.source.includes('@')) {
      // `@InjectModel(PayoutLog.name) private payoutLogModel`, `@InjectRepository(User) readonly users`.
      const injected = new RegExp(`@(?:${injectors.map(escapeRegExp).join('|')})\\s*\\([^)]*\\)\\s*(?:(?:private|public|protected|readonly)\\s+)*([\\w$]+)`, 'g');
      for (const m of ctx.source.matchAll(injected)) found(m[1]!);
    }
    return names;
  });
}

/** The store handle parameters of this file's functions, each with the function it is a parameter of (filled by `localStoreModels`). */
function handleParameters(ctx: FileContext): { name: string; fn: Node }[] {
  return ctx.memo('store-handle-parameters', () => []);
}

/**
 * The function a typed name is a plain parameter of (`null` when it is no parameter: a field, a
 * variable, or a constructor's parameter property `private readonly prisma: PrismaClient`, a field
 * of the class), whose handle holds file-wide as before.
 */
function handleParameterFunction(node: Node): Node | null {
  let p: Node | null = node;
  while (p !== null && p.type !== 'required_parameter' && p.type !== 'optional_parameter' && p.type !== 'formal_parameters' && p.type !== 'program') p = p.parent;
  if (p === null || (p.type !== 'required_parameter' && p.type !== 'optional_parameter')) return null;
  if (p.namedChildren.some((c) => c.type === 'accessibility_modifier' || c.type === 'override_modifier') || /^\s*readonly\b/.test(p.text)) return null;
  return p.parent?.parent ?? null;
}

/** A call through one of `localStoreModels` (`CallLog.create(…)`, `this.payoutLogModel.create(…)`): a local write. */
export function onLocalStoreModel(ctx: FileContext, path: string, call?: Node): boolean {
  const dot = path.lastIndexOf('.');
  if (dot <= 0) return false;
  const models = localStoreModels(ctx);
  const parts = path.slice(0, dot).split('.');
  const head = (parts[0] === 'this' && parts.length > 1 ? `this.${parts[1]}` : parts[0]!).replace(/\(\)$/, '');
  if (models.has(head)) return true;
  // `client.order.update(…)` inside `recordCheckout(client: PrismaClient)`, and only there.
  return call !== undefined && handleParameters(ctx).some((h) => h.name === head && h.fn.startIndex <= call.startIndex && call.endIndex <= h.fn.endIndex);
}
