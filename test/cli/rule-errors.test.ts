import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

const repo = join(import.meta.dirname, '..', '..');

const REFUND_PY = 'def refund(p):\n    for attempt in range(3):\n        try:\n            gateway.refund(p)\n            break\n        except IOError:\n            continue\n';
const REFUND_TS = 'async function refund(p) {\n  for (let attempt = 0; attempt < 3; attempt++) {\n    try {\n      await gateway.refund(p);\n      break;\n    } catch (e) {\n      continue;\n    }\n  }\n}\n';
const CONFIG = 'vocabulary:\n  calls:\n    refunds:\n      names: [gateway.refund]\n';

/** The rule of the README's "Writing rules" section, as printed there. */
function readmeRule(): string {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Writing rules'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('no yaml block under "Writing rules" in the README');
  return block;
}

const RULE_FILE = 'rules/AP-004-refund-without-lookup.yaml';

describe('rule errors are found when the rules load (exit 2, file and line)', () => {
  it("the README's example rule loads and names its callee in Python and TypeScript", async () => {
    const dir = project({ [RULE_FILE]: readmeRule(), 'faultline.config.yaml': CONFIG, 'a.py': REFUND_PY, 'b.ts': REFUND_TS });
    const r = await runCli(['scan', '.', '--rules', 'rules', '--no-builtin', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    const messages = (JSON.parse(r.stdout) as { findings: { file: string; message: string }[] }).findings.map((f) => `${f.file}: ${f.message}`);
    expect(messages).toEqual([
      'a.py: `gateway.refund` runs again on every retry of `for attempt in range(3)` without checking the refund exists',
      'b.ts: `gateway.refund` runs again on every retry of `for (let attempt = 0; attempt < 3; attempt++)` without checking the refund exists',
    ]);
  });

  it('a match: query with a syntax error or an unknown node type', async () => {
    const cases: [string, RegExp][] = [
      ['(call function: (attribute) @m', /AP-004-refund-without-lookup\.yaml:16: rule AP-004: match\.python\.query is not a valid tree-sitter query: syntax error at offset \d+/],
      ['(cal) @match', /AP-004-refund-without-lookup\.yaml:16: rule AP-004: match\.python\.query is not a valid tree-sitter query: unknown node type at offset 1 near `cal\) @match`/],
    ];
    for (const [query, message] of cases) {
      const rule = readmeRule().replace(/query: ".*"/, `query: ${JSON.stringify(query)}`);
      const dir = project({ [RULE_FILE]: rule, 'faultline.config.yaml': CONFIG, 'a.py': REFUND_PY });
      const r = await runCli(['scan', '.', '--rules', 'rules'], dir);
      expect(r.code, query).toBe(2);
      expect(r.stderr, query).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('an unknown message placeholder, listing the known ones', async () => {
    const rule = readmeRule().replace('{callee} runs again', '{calle} runs again');
    const dir = project({ [RULE_FILE]: rule, 'faultline.config.yaml': CONFIG, 'a.py': REFUND_PY });
    const r = await runCli(['scan', '.', '--rules', 'rules'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/AP-004-refund-without-lookup\.yaml:6: rule AP-004: message: unknown placeholder \{calle\} \(known: \{callee\}, .*\{m\}, \{match\}\)/);
  });
});
