import { calleePath, callsWithin, nodesOfType } from './file-index.js';
import { callArguments, stringValue, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/**
 * A name this file takes from another module: `from .retry import with_retries as wr` →
 * `{ local: 'wr', module: '.retry', name: 'with_retries' }`; `import * as retry from './retry'` →
 * `{ local: 'retry', module: './retry', name: '*' }`; a default import has name `default`.
 */
export interface ImportedName {
  local: string;
  module: string;
  name: string;
}

/** The file's imports by local name (ES modules, CommonJS `require`, Python `import` / `from`). */
export function importsOf(ctx: FileContext): Map<string, ImportedName> {
  return ctx.memo('imports', () => {
    const out = new Map<string, ImportedName>();
    const add = (i: ImportedName) => out.set(i.local, i);
    if (ctx.family === 'python') {
      for (const stmt of nodesOfType(ctx, ['import_from_statement', 'import_statement'])) pythonImport(stmt, add);
    } else {
      for (const stmt of nodesOfType(ctx, 'import_statement')) esImport(stmt, add);
      // In document order: a module object is bound (`require`) before a name is taken out of it.
      for (const decl of nodesOfType(ctx, 'variable_declarator')) {
        requireImport(decl, add);
        destructuredImport(decl, out, add);
      }
    }
    return out;
  });
}

function pythonImport(stmt: Node, add: (i: ImportedName) => void): void {
  if (stmt.type === 'import_from_statement') {
    const module = stmt.childForFieldName('module_name')?.text ?? '';
    for (const name of stmt.childrenForFieldName('name')) {
      if (name.type === 'aliased_import') {
        const real = name.childForFieldName('name')?.text ?? '';
        add({ local: name.childForFieldName('alias')?.text ?? real, module, name: real });
      } else {
        // `from . import retry` names a module: `module` + the name, imported whole.
        add(module.replace(/\./g, '') === '' ? { local: name.text, module: `${module}${name.text}`, name: '*' } : { local: name.text, module, name: name.text });
      }
    }
    return;
  }
  for (const name of stmt.childrenForFieldName('name')) {
    if (name.type === 'aliased_import') {
      add({ local: name.childForFieldName('alias')?.text ?? '', module: name.childForFieldName('name')?.text ?? '', name: '*' });
    } else {
      add({ local: name.text, module: name.text, name: '*' });
    }
  }
}

function esImport(stmt: Node, add: (i: ImportedName) => void): void {
  const source = stmt.childForFieldName('source');
  const module = source ? stringValue(source) : null;
  if (module === null) return;
  const clause = stmt.namedChildren.find((c) => c.type === 'import_clause');
  if (clause === undefined) return;
  for (const part of clause.namedChildren) {
    if (part.type === 'identifier') add({ local: part.text, module, name: 'default' });
    else if (part.type === 'namespace_import') {
      const id = part.namedChildren.find((c) => c.type === 'identifier');
      if (id) add({ local: id.text, module, name: '*' });
    } else if (part.type === 'named_imports') {
      for (const spec of part.namedChildren) {
        if (spec.type !== 'import_specifier') continue;
        const name = spec.childForFieldName('name')?.text ?? '';
        add({ local: spec.childForFieldName('alias')?.text ?? name, module, name });
      }
    }
  }
}

/**
 * `const { withRetry } = require('./retry')`, `const retry = require('./retry')`, and the same with a
 * dynamic import (`const { sendViaSmtp } = await import('./deliver.js')`, `const email = await
 * import('./email')`): the module object, or names taken out of it, as a `require` gives them.
 */
function requireImport(decl: Node, add: (i: ImportedName) => void): void {
  const bound = decl.childForFieldName('value');
  const value = bound?.type === 'await_expression' ? bound.namedChildren[0] : bound;
  if (value?.type !== 'call_expression') return;
  const fn = value.childForFieldName('function');
  if (!(fn?.text === 'require' && bound?.type !== 'await_expression') && !(fn?.type === 'import' && bound?.type === 'await_expression')) return;
  const arg = value.childForFieldName('arguments')?.firstNamedChild;
  const module = arg ? stringValue(arg) : null;
  if (module === null) return;
  const target = decl.childForFieldName('name');
  if (target?.type === 'identifier') add({ local: target.text, module, name: '*' });
  else if (target?.type === 'object_pattern') {
    for (const p of target.namedChildren) {
      if (p.type === 'shorthand_property_identifier_pattern') add({ local: p.text, module, name: p.text });
      else if (p.type === 'pair_pattern') {
        const key = p.childForFieldName('key')?.text ?? '';
        const value2 = p.childForFieldName('value');
        if (value2?.type === 'identifier') add({ local: value2.text, module, name: key });
      }
    }
  }
}

/**
 * `import models from '../models'; const { Payment } = models;` at the top of the module: a name taken
 * out of an imported module object is that module's property (`default.Payment`; of a whole
 * `require`, `Payment`, as `const { Payment } = require('../models')` is).
 */
function destructuredImport(decl: Node, known: Map<string, ImportedName>, add: (i: ImportedName) => void): void {
  const target = decl.childForFieldName('name');
  const value = decl.childForFieldName('value');
  if (target?.type !== 'object_pattern' || value?.type !== 'identifier' || decl.parent?.parent?.type !== 'program') return;
  const from = known.get(value.text);
  if (from === undefined || (from.name !== 'default' && from.name !== '*')) return;
  const prefix = from.name === 'default' ? 'default.' : '';
  for (const p of target.namedChildren) {
    if (p.type === 'shorthand_property_identifier_pattern') {
      if (!known.has(p.text)) add({ local: p.text, module: from.module, name: prefix + p.text });
    } else if (p.type === 'pair_pattern') {
      const key = p.childForFieldName('key')?.text ?? '';
      const local = p.childForFieldName('value');
      if (local?.type === 'identifier' && !known.has(local.text)) add({ local: local.text, module: from.module, name: prefix + key });
    }
  }
}

/**
 * Whether an import of this file binds the name `head` (`import stripe`, `from x import Foo`, and
 * `import urllib.request`, which binds `urllib`): a path starting with it reaches into an import.
 */
export function importBinds(ctx: FileContext, head: string): boolean {
  return ctx.memo('import-heads', () => new Set([...importsOf(ctx).keys()].map((local) => local.split('.')[0] ?? local))).has(head);
}

/**
 * The project import a dotted name starts with (`with_retries`, `retry.with_retries`), or
 * undefined when its head is not imported or is imported from outside the project.
 */
export function projectImportOf(ctx: FileContext, dotted: string): ImportedName | undefined {
  // Asked of nearly every call by several finders: the head sliced off, not the path split into an array.
  const dot = dotted.indexOf('.');
  const imported = importsOf(ctx).get(dot < 0 ? dotted : dotted.slice(0, dot));
  return imported !== undefined && ctx.isProjectModule(imported.module) ? imported : undefined;
}

/**
 * A callee path under the name a library gives it, when this file imports that name under another
 * (`from django.core.mail import send_mail as django_send_mail` → `send_mail`, `import stripe as s`
 * → `stripe.Charge.create`), or null: vocabularies list the library's names, not each project's aliases.
 */
export function unaliasedPath(ctx: FileContext, path: string): string | null {
  const dot = path.indexOf('.');
  const head = dot < 0 ? path : path.slice(0, dot);
  const imported = importsOf(ctx).get(head);
  if (imported === undefined || ctx.isProjectModule(imported.module)) return null;
  // `import rp from 'request-promise'`, `const rp = require('request-promise')`: the module's export is a library function (`default_exports`).
  if (imported.name === 'default' || (imported.name === '*' && ctx.family !== 'python')) {
    const exported = Object.hasOwn(ctx.vocab.default_exports, imported.module) ? ctx.vocab.default_exports[imported.module] : undefined;
    if (exported !== undefined && exported !== head) return dot < 0 ? exported : exported + path.slice(dot);
  }
  if (imported.name === 'default') return null;
  // `import * as x from 'pkg'` names a package, not a callable; Python's `import a.b as c` names the module.
  const real = imported.name === '*' ? (ctx.family === 'python' ? imported.module : null) : imported.name;
  if (real === null || real === '' || real === head) return null;
  return dot < 0 ? real : real + path.slice(dot);
}

/** `export { a, b as c } from './x'` and `export * from './x'` (a module's re-exports). */
export interface ReExport {
  module: string;
  /** exported name → name in `module`; absent for `export *`. */
  names?: Record<string, string>;
}

export function reExportsOf(ctx: FileContext): ReExport[] {
  if (ctx.family === 'python') return pythonStarImports(ctx);
  const out: ReExport[] = [];
  // CommonJS: `module.exports = require('./x')`, `module.exports = { ...require('./x') }`.
  if (/module\.exports|exports\./.test(ctx.source)) {
    for (const call of callsWithin(ctx, ctx.root)) {
      if (calleePath(ctx, call) !== 'require') continue;
      const arg = callArguments(call)[0];
      const module = arg ? stringValue(arg) : null;
      if (module === null || !module.startsWith('.')) continue;
      const p = call.parent;
      const exported =
        (p?.type === 'spread_element' && /^\s*(module\.)?exports\s*=/.test(ctx.source.slice(statementStart(p), p.startIndex))) ||
        (p?.type === 'assignment_expression' && /^(module\.)?exports$/.test(p.childForFieldName('left')?.text ?? ''));
      if (exported) out.push({ module });
    }
  }
  for (const stmt of nodesOfType(ctx, 'export_statement')) {
    const source = stmt.childForFieldName('source');
    const module = source ? stringValue(source) : null;
    if (module === null) {
      if (source === null) out.push(...renamedImports(ctx, stmt));
      continue;
    }
    const clause = stmt.namedChildren.find((c) => c.type === 'export_clause');
    if (clause === undefined) {
      out.push({ module });
      continue;
    }
    const names: Record<string, string> = {};
    for (const spec of clause.namedChildren) {
      if (spec.type !== 'export_specifier') continue;
      const name = spec.childForFieldName('name')?.text ?? '';
      names[spec.childForFieldName('alias')?.text ?? name] = name;
    }
    out.push({ module, names });
  }
  return out;
}

/**
 * `import { chargeCard } from './flutterwave.js'; export { chargeCard as gatewayChargeCard }`: a name
 * this module imported, exported under another name, is that module's export as `export { chargeCard
 * as gatewayChargeCard } from './flutterwave.js'` would be. (Exported under its own name it is handed
 * on already: `handsOn` of the summary.)
 */
function renamedImports(ctx: FileContext, stmt: Node): ReExport[] {
  const clause = stmt.namedChildren.find((c) => c.type === 'export_clause');
  const imports = importsOf(ctx);
  const out: ReExport[] = [];
  for (const spec of clause?.namedChildren ?? []) {
    const alias = spec.childForFieldName('alias')?.text;
    const imported = imports.get(spec.childForFieldName('name')?.text ?? '');
    if (spec.type !== 'export_specifier' || alias === undefined || imported === undefined || imported.name === '*') continue;
    out.push({ module: imported.module, names: { [alias]: imported.name } });
  }
  return out;
}

/** Start offset of the statement that holds `node`. */
function statementStart(node: Node): number {
  let n = node;
  while (n.parent !== null && n.parent.type !== 'program') n = n.parent;
  return n.startIndex;
}

/** `from .flutterwave import *` (typically in a package's `__init__`): every name of that module is one of this one. */
function pythonStarImports(ctx: FileContext): ReExport[] {
  if (!ctx.source.includes('*')) return [];
  return nodesOfType(ctx, 'import_from_statement')
    .filter((stmt) => stmt.namedChildren.some((c) => c.type === 'wildcard_import'))
    .map((stmt) => ({ module: stmt.childForFieldName('module_name')?.text ?? '' }))
    .filter((re) => re.module !== '');
}
