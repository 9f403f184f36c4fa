import { allCalls, calleePath, nodesOfType } from './file-index.js';
import { importsOf } from './imports.js';
import { escapeRegExp, NamePatterns } from './names.js';
import { compiledOnce } from './compiled.js';
import { enclosingFunction, functionBody, functionName, stringValue, type Node } from './syntax.js';
import type { FileContext } from './types.js';

/**
 * Whether `node` is code that runs in the user's browser or app: a file that renders JSX, imports a
 * user-interface module (vocabulary `user_interface_modules`: `react`, `vue`, `sonner`), is marked
 * `'use client'` or is a page's own script (`user_interface_calls`: `document.getElementById`), outside a function that runs on the server (`server_entry_functions`: a Remix
 * `action`, Next's `getServerSideProps`; or one marked `'use server'`). What such code says or keeps
 * after a request (`toast.error("Failed. Please try again")`, `setStatus("FAILED")`, a hook's
 * `return false`) tells a person; the server it called holds the record of the outcome.
 */
export function inUserInterface(ctx: FileContext, node: Node): boolean {
  if (ctx.family !== 'ecma' || !isUserInterfaceFile(ctx)) return false;
  const entries = compiledOnce(ctx.vocab, 'server-entry-functions', () => new Set(ctx.vocab.server_entry_functions));
  for (let fn = enclosingFunction(node, ctx.family); fn !== null; fn = enclosingFunction(fn, ctx.family)) {
    const name = functionName(fn);
    if (name !== null && entries.has(name)) return false;
    const body = functionBody(fn);
    if (body !== null && directives(body).includes('use server')) return false;
  }
  return true;
}

function isUserInterfaceFile(ctx: FileContext): boolean {
  return ctx.memo('user-interface-file', () => {
    const marks = directives(ctx.root);
    if (marks.includes('use server')) return false;
    if (marks.includes('use client')) return true;
    const modules = compiledOnce(ctx.vocab, 'user-interface-modules', () => modulePattern(ctx.vocab.user_interface_modules));
    if (modules !== null && [...importsOf(ctx).values()].some((i) => modules.test(i.module))) return true;
    if (nodesOfType(ctx, ['jsx_element', 'jsx_self_closing_element']).length > 0) return true;
    // A page's own script: `document.getElementById('choices')`.
    const calls = compiledOnce(ctx.vocab, 'user-interface-calls', () => new NamePatterns(ctx.vocab.user_interface_calls));
    return !calls.empty && allCalls(ctx).some((c) => calls.matches(calleePath(ctx, c)));
  });
}

/** `react`, `@mui/*`: whole module names, `*` for any rest. */
function modulePattern(patterns: readonly string[]): RegExp | null {
  if (patterns.length === 0) return null;
  return new RegExp(`^(?:${patterns.map((p) => p.split('*').map(escapeRegExp).join('.*')).join('|')})$`);
}

/** The leading string statements of a program or function body (`'use client'`). */
function directives(body: Node): string[] {
  const out: string[] = [];
  for (const st of body.namedChildren) {
    if (st.type === 'comment') continue;
    if (st.type !== 'expression_statement' || st.firstNamedChild?.type !== 'string') break;
    const value = stringValue(st.firstNamedChild);
    if (value !== null) out.push(value);
  }
  return out;
}
