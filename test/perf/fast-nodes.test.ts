import type Parser from 'tree-sitter';
import { describe, expect, it } from 'vitest';
import { installFastNodes } from '../../src/engine/fast-nodes.js';
import { parse } from '../../src/engine/languages.js';

function everyNode(root: Parser.SyntaxNode): Parser.SyntaxNode[] {
  const out: Parser.SyntaxNode[] = [];
  const visit = (n: Parser.SyntaxNode) => {
    out.push(n);
    n.children.forEach(visit);
  };
  visit(root);
  return out;
}

describe('fast node accessors', () => {
  it('are installed on this binding (the check against its own accessors passed)', () => {
    parse('x = 1\n', 'python');
    expect(installFastNodes([])).toBe(true);
  });

  it.each([
    ['python', 'def f():\n    s = "é 😀"\n    return charge(s)  # 😀 ü\n', 'charge'],
    ['typescript', 'const s = "é 😀";\nawait client.charge(s); // ü\n', 'charge'],
    ['tsx', 'const e = <b title="😀">{x}</b>;\npay.charge(1);\n', 'charge'],
  ] as const)('agree with the source text in %s, past characters outside the BMP', (grammar, source, word) => {
    const tree = parse(source, grammar);
    const nodes = everyNode(tree.rootNode);
    const hit = nodes.find((n) => n.type.endsWith('identifier') && n.text === word);
    expect(hit?.startIndex).toBe(source.indexOf(word));
    const line = source.slice(0, source.indexOf(word)).split('\n');
    expect(hit?.startPosition).toEqual({ row: line.length - 1, column: (line.at(-1) ?? '').length });
    const ids = new Set<number>();
    for (const n of nodes) {
      ids.add(n.id);
      expect(n.text).toBe(source.slice(n.startIndex, n.endIndex));
      for (const c of n.children) {
        expect(c.parent?.id).toBe(n.id);
        expect(c.startIndex).toBeGreaterThanOrEqual(n.startIndex);
        expect(c.endIndex).toBeLessThanOrEqual(n.endIndex);
      }
    }
    // Ids tell nodes apart (the matchers key their memos by them).
    expect(ids.size).toBe(nodes.length);
  });

  it('keep a node that is reached twice the same node, told apart by id rather than by object', () => {
    const tree = parse('def f():\n    return charge(1)\n', 'python');
    const call = tree.rootNode.descendantsOfType('call')[0] as Parser.SyntaxNode;
    const again = tree.rootNode.descendantsOfType('call')[0] as Parser.SyntaxNode;
    // The binding's weak per-node registry is dropped, so the two objects need not be one.
    expect(again.id).toBe(call.id);
    expect(again.text).toBe(call.text);
    expect(again.parent?.id).toBe(call.parent?.id);
    expect(again.childForFieldName('function')?.text).toBe('charge');
  });
});
