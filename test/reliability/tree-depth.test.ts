import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../src/engine/file-budget.js';
import { languageForPath, parse } from '../../src/engine/languages.js';
import type { Node } from '../../src/matchers/index.js';
import { ROOT } from '../perf/helpers.js';

/** The depth of the deepest node below `root`, by a cursor walk over every node (the plain way to ask). */
function maxDepth(root: Node): number {
  const cursor = root.walk();
  let depth = 0;
  let deepest = 0;
  for (;;) {
    if (cursor.gotoFirstChild()) {
      deepest = Math.max(deepest, ++depth);
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return deepest;
      depth--;
    }
  }
}

/** Sources nested a given number of times, in each language, several ways. */
function nestedSources(depth: number): [string, string][] {
  return [
    ['calls.ts', `${'f(\n'.repeat(depth)}x${')\n'.repeat(depth)}`],
    ['chain.js', `a${'.b'.repeat(depth)};\n`],
    ['lists.py', `x = ${'['.repeat(depth)}1${']'.repeat(depth)}\n`],
    ['ifs.py', `def f(x):\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 1)}if x:\n`).join('')}${'  '.repeat(depth + 1)}pass\n`],
    ['broken.tsx', `${'<a>{('.repeat(depth)}`],
  ];
}

// nestsDeeperThan opens only the nodes whose descendant count could reach past the limit; it must
// give the answer of a walk over every node, exactly at the limit too.
describe('nestsDeeperThan', () => {
  const samples: [string, string][] = [
    ...fg.sync(['fixtures/**/*.{py,ts,js,tsx}', 'eval/*/**/*.{py,ts,js}'], { cwd: ROOT, ignore: ['eval/real/**'] }).map((f): [string, string] => [f, readFileSync(`${ROOT}/${f}`, 'utf8')]),
    ...[3, 40, 120].flatMap((d) => nestedSources(d)),
  ];

  it('agrees with a walk over every node one level below, at and one level above the deepest node', () => {
    expect(samples.length).toBeGreaterThan(50);
    for (const [file, text] of samples) {
      const language = languageForPath(file);
      if (language === undefined) continue;
      const root = parse(text, language.grammar).rootNode;
      const deepest = maxDepth(root);
      for (const limit of [deepest - 1, deepest, deepest + 1]) {
        expect(nestsDeeperThan(root, limit), `${file} at limit ${limit} (deepest node at ${deepest})`).toBe(deepest > limit);
      }
    }
  });
});
