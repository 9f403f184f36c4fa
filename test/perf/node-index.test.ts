import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { languageForPath, parse } from '../../src/engine/languages.js';
import { nodesOfType, nodesWithin } from '../../src/matchers/file-index.js';
import type { FileContext, Node } from '../../src/matchers/index.js';
import { BINDING_TYPES, enclosingFunction, functionTypes, isFunction, type Family } from '../../src/matchers/syntax.js';
import { ROOT } from './helpers.js';

// Every fixture and eval file, and a few shapes where ranges meet (a call of a function
// expression, an arrow as a whole statement, nested arrows, a broken tree).
const samples: [string, string][] = [
  ...fg.sync(['fixtures/**/*.{py,ts,js,tsx}', 'eval/*/**/*.{py,ts,js}'], { cwd: ROOT, ignore: ['eval/real/**'] }).map((f): [string, string] => [f, readFileSync(`${ROOT}/${f}`, 'utf8')]),
  ['edges.js', 'x => x\n(function () { return 1 })();\nconst f = a => b => c => a(b(c));\nlet y;\n'],
  ['edges.py', 'f = lambda: (lambda: g())\n@retry\ndef h(x=lambda: 1):\n    return [i for i in x]\n'],
  ['broken.ts', 'function f( { const x = (y => { return g(\n'],
];

function context(text: string, family: Family, root: Node): FileContext {
  const memo = new Map<string, unknown>();
  return {
    root,
    family,
    language: family === 'python' ? 'python' : 'typescript',
    source: text,
    vocab: {} as FileContext['vocab'],
    isProjectModule: () => false,
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}

function everyNode(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (n: Node) => {
    out.push(n);
    n.namedChildren.forEach(visit);
  };
  visit(root);
  return out;
}

/** The plain answers: a walk up through the parents, and a walk down from the node. */
function walkedEnclosingFunction(node: Node, family: Family): Node | null {
  for (let p = node.parent; p !== null; p = p.parent) if (isFunction(p, family)) return p;
  return null;
}

describe('the file index answers as a walk of the tree would', () => {
  it('finds the enclosing function of every named node from the functions’ ranges', { timeout: 120_000 }, () => {
    expect(samples.length).toBeGreaterThan(50);
    for (const [file, text] of samples) {
      const language = languageForPath(file);
      if (language === undefined) continue;
      const root = parse(text, language.grammar).rootNode;
      // Building the index registers the file's functions; without it the walk answers.
      nodesOfType(context(text, language.family, root), functionTypes(language.family));
      for (const node of everyNode(root)) {
        const expected = walkedEnclosingFunction(node, language.family)?.id ?? null;
        expect(enclosingFunction(node, language.family)?.id ?? null, `${file}: ${node.type} at ${node.startIndex}`).toBe(expected);
      }
    }
  });

  it('lists the bindings and returns inside any function or block as their own walk does, in order', { timeout: 120_000 }, () => {
    for (const [file, text] of samples) {
      const language = languageForPath(file);
      if (language === undefined) continue;
      const root = parse(text, language.grammar).rootNode;
      const ctx = context(text, language.family, root);
      const regions = [root, ...root.descendantsOfType([...functionTypes(language.family), 'block', 'statement_block'])];
      for (const types of [[...BINDING_TYPES], ['return_statement']]) {
        for (const region of regions) {
          const walked = [...(types.includes(region.type) ? [region] : []), ...region.descendantsOfType(types)].map((n) => n.id);
          expect(nodesWithin(ctx, region, types).map((n) => n.id), `${file}: ${types.join(',')} in ${region.type} at ${region.startIndex}`).toEqual(walked);
        }
      }
    }
  });
});
